"""httpx transports for a SOCKS proxy that close the proxy's socket when the handshake fails.

httpcore 1.0 opens a socket to the SOCKS proxy, then speaks SOCKS on it; when the proxy
refuses (or is no SOCKS server), ``Socks5Connection.handle_request`` raises ``ProxyError``
and keeps no reference to that socket, which stays open until the garbage collector finds
it (a ``ResourceWarning``; a file descriptor per failed request meanwhile). No httpx option
reaches that path, so these transports hand httpcore a network backend that notes the
sockets each request opens, and close them when the request ends in ``ProxyError``: on
the SOCKS path that error only comes from the handshake, before any connection owns them.
A proxy that is no SOCKS server at all makes socksio raise its own ``ProtocolError``
through httpx: it is closed the same way and raised as :class:`NotSocksProxyError`.
"""

from __future__ import annotations

import contextvars
import ssl
from typing import Any

import httpcore
import httpx
from socksio.exceptions import ProtocolError

__all__ = ["AsyncSocksTransport", "NotSocksProxyError", "SocksTransport"]


class NotSocksProxyError(httpx.ProxyError):
    """The proxy answered the SOCKS greeting with something that is not SOCKS (an HTTP
    proxy named ``socks5://``, or another service on that port). httpcore lets socksio's
    ``ProtocolError`` through as it is, which no caller of httpx expects."""


#: the streams the current request has opened (one list per request, per thread or task)
_OPENED: contextvars.ContextVar[list[Any] | None] = contextvars.ContextVar(
    "rakuten_assist_socks_opened", default=None
)


def _note(stream: Any) -> None:
    opened = _OPENED.get()
    if opened is not None:
        opened.append(stream)


class _NotingBackend(httpcore.NetworkBackend):
    """httpcore's own backend, noting each TCP stream it opens for the current request
    (arguments passed through as httpcore gives them)."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(*args, **kwargs)
        _note(stream)
        return stream

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return self._inner.connect_unix_socket(
            *args, **kwargs
        )  # pragma: no cover - never a proxy's

    def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore's retries only
        self._inner.sleep(seconds)


class _AsyncNotingBackend(httpcore.AsyncNetworkBackend):
    """The async twin of :class:`_NotingBackend`."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(*args, **kwargs)
        _note(stream)
        return stream

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_unix_socket(*args, **kwargs)  # pragma: no cover

    async def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore's retries
        await self._inner.sleep(seconds)


class SocksTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport(proxy=socks_url)`` that closes a refused handshake's socket."""

    def __init__(self, proxy: str, *, verify: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(proxy=proxy, verify=verify, limits=limits)
        # httpx builds httpcore's pool without a backend argument: ours goes in afterwards.
        self._pool._network_backend = _NotingBackend(self._pool._network_backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        opened: list[Any] = []
        token = _OPENED.set(opened)
        try:
            return super().handle_request(request)
        except (httpx.ProxyError, ProtocolError) as exc:
            for stream in opened:
                stream.close()
            if isinstance(exc, ProtocolError):
                raise NotSocksProxyError(str(exc), request=request) from exc
            raise
        finally:
            _OPENED.reset(token)


class AsyncSocksTransport(httpx.AsyncHTTPTransport):
    """The async twin of :class:`SocksTransport` (the fleet's requests through SOCKS)."""

    def __init__(self, proxy: str, *, verify: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(proxy=proxy, verify=verify, limits=limits)
        self._pool._network_backend = _AsyncNotingBackend(self._pool._network_backend)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        opened: list[Any] = []
        token = _OPENED.set(opened)
        try:
            return await super().handle_async_request(request)
        except (httpx.ProxyError, ProtocolError) as exc:
            for stream in opened:
                await stream.aclose()
            if isinstance(exc, ProtocolError):
                raise NotSocksProxyError(str(exc), request=request) from exc
            raise
        finally:
            _OPENED.reset(token)
