"""Reaching Rakuten: the environment's proxy for a URL, and what a failed connection means
(the proxy's refusal, a timeout, a refused certificate), said as our errors."""

from __future__ import annotations

import httpx

from rakuten_assist.api._socks import NotSocksProxyError
from rakuten_assist.errors import (
    APICertificateError,
    APIConnectionError,
    APIError,
    APIProxyError,
    APITimeoutError,
)
from rakuten_assist.i18n import Message
from rakuten_assist.redaction import redact

__all__ = ["env_proxy", "is_loopback", "proxy_for", "transport_error"]


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
