"""Send one sales_ws request: credentials in the query string, retries, errors mapped.

The body is read and parsed before the HTTP status is looked at: Rakuten sends its
``<errorresponse>`` with 200 as well as with 4xx/5xx, and the body says more than the status.
Every URL that reaches a log line or an error has its ``pwd`` redacted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

import httpx
from lxml import etree

from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api._socks import NotSocksProxyError, SocksTransport
from rakuten_assist.api._xml import RakutenFault, find_error, parse_document
from rakuten_assist.config import (
    Credentials,
    Settings,
    check_base_url,
    install_log_redaction,
)
from rakuten_assist.errors import (
    APICertificateError,
    APIConnectionError,
    APIError,
    APIProxyError,
    APITimeoutError,
    AuthenticationError,
    ItemStatusError,
    ParameterError,
    QuotaExceededError,
    ResponseParseError,
    ResponseTooLargeError,
    RightsError,
    ServerError,
    cause_of,
)
from rakuten_assist.i18n import DEFAULT_LANG, Message, t
from rakuten_assist.redaction import redact, register_secret

__all__ = [
    "QUOTA_WAIT_S",
    "Transport",
    "env_proxy",
    "error_from_fault",
    "is_loopback",
    "proxy_for",
    "retry_words",
    "seconds_to_next_hour",
]

logger = logging.getLogger("rakuten_assist.api")

SERVICE_PATH = "/sales_ws"
USER_AGENT = "rakuten-assist/0.1 (+support toolkit)"

# Detail texts that mean "the item is not in a state that allows this": Rakuten answers a
# ParameterError for them, but the fix is not "check the parameter". Each has its own fix.
_ALREADY_SHIPPED = ("déjà été expédié", "already shipped")
#: actions that change the seller's data: never sent twice unless the first surely never left
STATE_CHANGING = frozenset(
    {"acceptsale", "refusesale", "settrackingpackageinfos", "importitemshippingstatus"}
)
_NOT_AWAITING = ("not awaiting acceptance",)
_STATUS_MARKERS = ("statut incorrect", "incorrect status", *_ALREADY_SHIPPED, *_NOT_AWAITING)
_STATUS_FIXES = (
    (_ALREADY_SHIPPED, Message("errors.fix.already_shipped")),
    (_NOT_AWAITING, Message("errors.fix.not_awaiting")),
)


def _status_fix(text: str) -> Message | None:
    for markers, fix in _STATUS_FIXES:
        if any(marker in text for marker in markers):
            return fix
    return None  # the class default: accept the sale first


def _outcome_unknown(exc: APIError) -> bool:
    """True when the request may have been applied although we got an error."""
    if isinstance(exc, APIConnectionError):
        return exc.request_sent
    return isinstance(exc, ServerError | ResponseParseError)


#: How long to wait after Rakuten's "Quota exceeded.": one rule, a rolling hour. Rakuten only
#: says "the maximum number of requests per hour", publishes no figure and sends no
#: Retry-After; whether its hour runs by the clock or rolls is not known. A full hour from the
#: refusal clears the quota under either rule (the next clock hour may not, if it rolls); the
#: sandbox counts a rolling hour too (sandbox/state.py, QUOTA_WINDOW_SECONDS).
QUOTA_WAIT_S = 3600.0


def seconds_to_next_hour(now: datetime | None = None) -> float:
    """Seconds until the next full clock hour (kept for callers; the quota rule is QUOTA_WAIT_S)."""
    moment = now or datetime.now()
    next_hour = moment.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return max(60.0, (next_hour - moment).total_seconds())


def error_from_fault(
    fault: RakutenFault, *, action: str | None, status_code: int | None
) -> APIError:
    """The one place where Rakuten's ``<errorresponse>`` becomes our error class."""
    code = fault.code
    message = fault.message or t("errors.fault.generic", DEFAULT_LANG)
    detail = fault.detail
    text = f"{message} {detail}".strip() if detail and detail not in message else message
    where = f" ({action})" if action else ""
    common: dict[str, Any] = {
        "action": action,
        "code": code or None,
        "status_code": status_code,
        "detail": detail or None,
    }
    lowered = f"{message} {detail}".lower()
    # Rakuten's own words ({text}) are quoted as they came, in Rakuten's language.
    said = {"where": where, "text": text}
    if code == "InvalidUserConnection":
        return AuthenticationError(Message("errors.fault.auth", said), **common)
    if code == "InvalidUserRights":
        if "quota" in lowered:
            wait = QUOTA_WAIT_S
            return QuotaExceededError(
                Message("errors.fault.quota", said),
                retry_after_s=wait,
                **common,
            )
        return RightsError(Message("errors.fault.rights", said), **common)
    if code == "ParameterError" or code == "Unknown error":
        # A batch answer has one detail per refused line: it is a status refusal only when
        # every line is one.
        lines = [d.lower() for d in fault.details] or [lowered]
        if all(any(marker in line for marker in _STATUS_MARKERS) for line in lines):
            return ItemStatusError(
                Message("errors.fault.status", said),
                fix=_status_fix(lowered),
                **common,
            )
        return ParameterError(Message("errors.fault.parameter", said), **common)
    if code == "ServerError" or fault.type == "ServerError":
        return ServerError(Message("errors.fault.server", said), **common)
    return APIError(Message("errors.fault.other", {**said, "code": code or fault.type}), **common)


class Transport:
    """Sends requests to one sales_ws endpoint for one account.

    Args:
        credentials: login and token (sent as ``login`` and ``pwd``).
        settings: base URL and timeouts.
        transport: an httpx transport to use instead of the network (tests, respx).
        policy: the retry policy.
        sleep: the function used to wait between attempts (tests pass a no-op).
    """

    def __init__(
        self,
        credentials: Credentials,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        install_log_redaction()
        # From now on every text redact() sees loses this token, however it is encoded.
        register_secret(credentials.token.get_secret_value())
        self._credentials = credentials
        self._settings = settings
        self._policy = policy or RetryPolicy(max_attempts=settings.max_attempts)
        self._sleep = sleep
        self._url = check_base_url(settings.base_url) + SERVICE_PATH
        timeout = httpx.Timeout(
            settings.read_timeout, connect=settings.connect_timeout, pool=settings.read_timeout
        )
        trust_env = not is_loopback(self._url)
        proxy = proxy_for(self._url) if transport is None and trust_env else None
        if proxy is not None and proxy.lower().startswith("socks"):
            # httpx's own SOCKS transport leaves a refused handshake's socket open.
            transport = SocksTransport(
                proxy, verify=httpx.create_ssl_context(), limits=httpx.Limits()
            )
            trust_env = False
        self._client = httpx.Client(
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml"},
            follow_redirects=False,
            # The environment's proxy (and its other settings) unless the base URL is the
            # loopback, which no proxy can reach.
            trust_env=trust_env,
        )
        self._quota_blocked_until: float = 0.0

    def __repr__(self) -> str:
        return f"Transport(url={self._url!r}, login={self._credentials.login!r}, token=***)"

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def request(
        self,
        action: str,
        version: str,
        params: Mapping[str, str] | None = None,
        *,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
    ) -> etree._Element:
        """Send ``action`` (GET, or a multipart POST when ``files`` is given), return its root.

        Raises:
            QuotaExceededError: at once, without calling, while a quota error is in force.
            APIError: the mapped error after the retries the policy allows.
        """
        if time.monotonic() < self._quota_blocked_until:
            wait = self._quota_blocked_until - time.monotonic()
            raise QuotaExceededError(
                Message("errors.api.quota_blocked", {"action": action}),
                retry_after_s=wait,
                action=action,
            )
        query: dict[str, str] = {
            "action": action,
            "login": self._credentials.login,
            "pwd": self._credentials.token.get_secret_value(),
            "version": version,
        }
        if self._settings.channel:
            query["channel"] = self._settings.channel
        query.update({k: v for k, v in (params or {}).items() if v is not None})
        idempotent = action not in STATE_CHANGING
        attempt = 1
        while True:
            try:
                return self._send_once(action, query, files)
            except QuotaExceededError as exc:
                self._quota_blocked_until = time.monotonic() + exc.retry_after_s
                raise self._scrubbed(exc) from None
            except APIError as exc:
                self._scrubbed(exc)
                if not self._policy.should_retry(exc, attempt, idempotent=idempotent):
                    if not idempotent and _outcome_unknown(exc):
                        exc.set_fix(Message("errors.fix.maybe_recorded", {"action": action}))
                    raise
                wait = self._policy.delay(attempt)
                logger.warning(
                    "%s failed (attempt %d of %d): %s; retrying in %.1f s",
                    action,
                    attempt,
                    self._policy.max_attempts,
                    exc.message,
                    wait,
                    extra={
                        "say": retry_words(action, exc, attempt, self._policy.max_attempts, wait)
                    },
                )
                self._sleep(wait)
                attempt += 1

    def _scrubbed(self, exc: APIError) -> APIError:
        """Remove the token from an error's texts, whatever put it there (``scrub_error``)."""
        return scrub_error(exc, self._credentials.token.get_secret_value())

    def _send_once(
        self,
        action: str,
        query: Mapping[str, str],
        files: Mapping[str, tuple[str, bytes, str]] | None,
    ) -> etree._Element:
        try:
            status, body = self._receive(action, query, files)
        except httpx.TransportError as exc:
            # ``from None``: httpx's exceptions carry the request, whose URL holds the token.
            raise transport_error(exc, action, self._url) from None
        return read_answer(action, status, body)

    def _receive(
        self,
        action: str,
        query: Mapping[str, str],
        files: Mapping[str, tuple[str, bytes, str]] | None,
    ) -> tuple[int, bytes]:
        """Status and body, read piece by piece within the size bound and the deadline.

        The per-read timeout alone never ends a body drip-fed a byte at a time, and reading
        a body whole before measuring it lets a never-ending one fill the memory.
        """
        settings = self._settings
        deadline = time.monotonic() + settings.request_deadline
        limit = settings.max_body_bytes
        method = "POST" if files else "GET"
        # No single read may outlast the whole deadline either (a server silent for a minute).
        read = min(settings.read_timeout, settings.request_deadline)
        timeout = httpx.Timeout(read, connect=settings.connect_timeout, pool=read)
        with self._client.stream(
            method, self._url, params=query, files=files, timeout=timeout
        ) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise self._too_large(action, response.status_code)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise self._too_large(action, response.status_code)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise deadline_error(action, settings.request_deadline, size)
            return response.status_code, b"".join(chunks)

    def _too_large(self, action: str, status: int) -> ResponseTooLargeError:
        return too_large_error(action, status, self._settings.max_body_bytes)


# --- what arrived, mapped: shared by Transport and the fleet's async client -----------------


def retry_words(action: str, exc: APIError, attempt: int, attempts: int, wait: float) -> Message:
    """The sentence for a retry, to say in the reader's language (the log record's ``say``:
    the command line writes it so; the record's own text stays English for other handlers)."""
    from rakuten_assist.errors._network import said_params
    from rakuten_assist.i18n import Number

    cause: Message | str = (
        Message(exc.msg.id, said_params(exc.msg.id, exc.msg.params))
        if exc.msg is not None
        else exc.message
    )
    return Message(
        "errors.api.retrying",
        {
            "action": action,
            "attempt": attempt,
            "attempts": attempts,
            "cause": cause,
            "seconds": Number(f"{wait:.1f}"),
        },
    )


def is_loopback(url: str) -> bool:
    """Whether ``url`` is on this machine's loopback (the sandbox): no proxy can reach it,
    so its requests never go through the environment's proxy (as Go's and curl's do not)."""
    from urllib.parse import urlsplit

    return urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")


def proxy_for(url: str) -> str | None:
    """The proxy the environment names for ``url``, credentials included, read as httpx
    reads it: ``HTTPS_PROXY`` (``HTTP_PROXY`` for http), else ``ALL_PROXY``; none when
    ``NO_PROXY`` excludes the host or it is on the loopback. A value without a scheme is
    an HTTP proxy. The one-account client (httpx) and the fleet (aiohttp) both go by it."""
    import urllib.request
    from urllib.parse import urlsplit

    if is_loopback(url):
        return None
    parts = urlsplit(url)
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def env_proxy(url: str) -> str | None:
    """The proxy ``url`` goes through (:func:`proxy_for`) as scheme://host:port, to name it
    in an error: its credentials are never said."""
    from urllib.parse import urlsplit

    proxy = proxy_for(url)
    if proxy is None:
        return None
    address = urlsplit(proxy)
    return f"{address.scheme}://{address.netloc.rpartition('@')[2]}"


def transport_error(exc: httpx.TransportError, action: str, url: str = "") -> APIError:
    """Our error for an httpx failure before an answer arrived.

    ``url`` is the request's (without its query): when the environment sends it through a
    proxy, a refused tunnel or an unreachable address is the proxy's, and said so, with a fix
    about the proxy rather than the base URL. The caller raises it ``from None``: httpx's
    exceptions carry the request, whose URL holds the token.
    """
    proxy = env_proxy(url) if url else None
    if proxy is not None and isinstance(exc, httpx.ProxyError | httpx.ConnectError):
        reason = redact(str(exc)).rstrip(".") or type(exc).__name__
        if isinstance(exc, NotSocksProxyError):
            msg_id = "errors.api.proxy_not_socks"
        elif isinstance(exc, httpx.ProxyError):
            msg_id = "errors.api.proxy_refused"
        else:
            msg_id = "errors.api.proxy_unreachable"
        lasting = msg_id == "errors.api.proxy_not_socks" or (
            msg_id == "errors.api.proxy_refused" and _refuses_for_good(reason)
        )
        return (APIProxyError if lasting else APIConnectionError)(
            Message(msg_id, {"action": action, "proxy": proxy, "reason": reason}),
            fix=Message(
                "errors.fix.proxy_not_socks"
                if msg_id == "errors.api.proxy_not_socks"
                else "errors.fix.proxy"
            ),
            action=action,
            request_sent=False,
        )
    if isinstance(exc, httpx.ConnectTimeout):
        return APITimeoutError(
            Message("errors.api.connect_timeout", {"action": action}),
            action=action,
            request_sent=False,
        )
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            Message("errors.api.read_timeout", {"action": action, "kind": type(exc).__name__}),
            action=action,
        )
    problem = _certificate_problem(exc)
    if problem is not None:
        # OpenSSL's English ("[SSL: CERTIFICATE_VERIFY_FAILED] … (_ssl.c:1006)") is no reason
        # to show a user: what failed, in words, and a fix about the certificate.
        return APICertificateError(
            Message(f"errors.api.certificate_{problem}", {"action": action}),
            action=action,
            request_sent=False,
        )
    reason = redact(str(exc)).rstrip(".") or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return APIConnectionError(
            Message("errors.api.unreachable", {"action": action, "reason": reason}),
            action=action,
            request_sent=False,
        )
    return APIConnectionError(
        Message("errors.api.broken", {"action": action, "reason": reason}), action=action
    )


#: a proxy's refusals (``network_reason``'s words) that every later attempt meets again
_LASTING_PROXY_REFUSALS = frozenset({"errors.network.proxy_auth", "errors.network.proxy_forbidden"})


def _refuses_for_good(reason: str) -> bool:
    """Whether a proxy's refusal ``reason`` lasts (credentials wanted, machine forbidden),
    where a 502 or "could not connect" from the proxy may pass on the next attempt."""
    from rakuten_assist.errors._network import network_reason

    return network_reason(reason).id in _LASTING_PROXY_REFUSALS


#: OpenSSL's verification codes, by what they mean to the user
_CERTIFICATE_CODES = {
    62: "address",  # X509_V_ERR_HOSTNAME_MISMATCH
    64: "address",  # X509_V_ERR_IP_ADDRESS_MISMATCH
    10: "expired",  # X509_V_ERR_CERT_HAS_EXPIRED
    18: "untrusted",  # self-signed
    19: "untrusted",  # self-signed in the chain
    20: "untrusted",  # unknown issuer
    21: "untrusted",  # cannot verify the first certificate
}


def _certificate_problem(exc: BaseException) -> str | None:
    """What a failed TLS certificate verification behind ``exc`` means ("address", "expired",
    "untrusted", "other"), or None when the failure is not one."""
    import ssl

    seen: BaseException | None = exc
    for _ in range(8):  # httpx's error, httpcore's, then ssl's (causes or contexts)
        if seen is None:
            break
        if isinstance(seen, ssl.SSLCertVerificationError):
            return _CERTIFICATE_CODES.get(seen.verify_code, "other")
        seen = seen.__cause__ or seen.__context__
    return "other" if "CERTIFICATE_VERIFY_FAILED" in str(exc) else None


def too_large_error(action: str, status: int, limit: int) -> ResponseTooLargeError:
    """The error for an answer larger than ``limit`` bytes (declared or read so far)."""
    return ResponseTooLargeError(
        Message("errors.api.too_large", {"action": action, "limit": f"{limit:,}"}),
        action=action,
        status_code=status,
    )


def deadline_error(action: str, deadline: float, size: int) -> APITimeoutError:
    """The error for an answer still arriving after ``deadline`` seconds (``size`` bytes in)."""
    return APITimeoutError(
        Message(
            "errors.api.deadline", {"action": action, "seconds": f"{deadline:g}", "size": size}
        ),
        fix=Message("errors.fix.deadline"),
        action=action,
    )


def read_answer(action: str, status: int, body: bytes) -> etree._Element:
    """The root of a sales_ws answer, or the mapped error.

    The body is parsed before the status is looked at: Rakuten sends ``<errorresponse>``
    with 200 as well as with 4xx/5xx.
    """
    logger.debug("%s -> HTTP %d, %d bytes", action, status, len(body))
    try:
        root = parse_document(body, action=action)
    except ResponseParseError as exc:
        exc.status_code = status
        if status >= 500:
            raise ServerError(
                Message(
                    "errors.api.http_unreadable",
                    {"action": action, "status": status, "detail": cause_of(exc)},
                ),
                action=action,
                status_code=status,
            ) from None
        raise
    fault = find_error(root)
    if fault is not None:
        raise error_from_fault(fault, action=action, status_code=status)
    if status >= 500:
        raise ServerError(
            Message("errors.api.http_status", {"action": action, "status": status}),
            action=action,
            status_code=status,
        )
    if status >= 400:
        raise APIError(
            Message("errors.api.http_status", {"action": action, "status": status}),
            action=action,
            status_code=status,
        )
    return root


def scrub_error(exc: APIError, secret: str) -> APIError:
    """Remove the token from an error's texts, whatever put it there.

    A proxy or error page may quote the request URL (query string and all) in its body,
    and our messages quote excerpts of bodies.
    """

    def clean(text: str | None) -> str | None:
        return None if text is None else redact(text, (secret,))

    # Only a text that held the token is replaced: the others keep their message id, so
    # they can still be shown in the user's language (render() redacts too).
    if clean(exc.message) != exc.message:
        exc.message = clean(exc.message) or ""
    exc.detail = clean(exc.detail)
    if clean(exc.fix) != exc.fix:
        exc.fix = clean(exc.fix) or ""
    exc.args = tuple(clean(a) if isinstance(a, str) else a for a in exc.args)
    return exc
