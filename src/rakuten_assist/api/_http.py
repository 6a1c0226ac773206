"""Send one sales_ws request: credentials in the query string, retries, errors mapped.

The body is read and parsed before the HTTP status is looked at: Rakuten sends its
``<errorresponse>`` with 200 as well as with 4xx/5xx, and the body says more than the status
(``_answers``). A request that got no answer is mapped in ``_network``, which also names the
environment's proxy. Every URL that reaches a log line or an error has its ``pwd`` redacted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

import httpx
from lxml import etree

from rakuten_assist.api._answers import deadline_error, read_answer, too_large_error
from rakuten_assist.api._network import is_loopback, proxy_for, transport_error
from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api._socks import SocksTransport
from rakuten_assist.config import (
    Credentials,
    Settings,
    check_base_url,
    install_log_redaction,
)
from rakuten_assist.errors import (
    APIConnectionError,
    APIError,
    QuotaExceededError,
    ResponseParseError,
    ResponseTooLargeError,
    ServerError,
)
from rakuten_assist.i18n import Message
from rakuten_assist.redaction import redact, register_secret

__all__ = [
    "SERVICE_PATH",
    "STATE_CHANGING",
    "USER_AGENT",
    "Transport",
    "retry_words",
    "scrub_error",
]

logger = logging.getLogger("rakuten_assist.api")

SERVICE_PATH = "/sales_ws"
USER_AGENT = "rakuten-assist/0.1 (+support toolkit)"

#: actions that change the seller's data: never sent twice unless the first surely never left
STATE_CHANGING = frozenset(
    {"acceptsale", "refusesale", "settrackingpackageinfos", "importitemshippingstatus"}
)


def _outcome_unknown(exc: APIError) -> bool:
    """True when the request may have been applied although we got an error."""
    if isinstance(exc, APIConnectionError):
        return exc.request_sent
    return isinstance(exc, ServerError | ResponseParseError)


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
