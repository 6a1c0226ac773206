"""The two read actions open orders need, as async requests, for many accounts at once.

One pool of connections (``Lanes``: aiohttp's, or an httpx async transport passed in) serves
every account; each request is counted against its account's hourly budget before it leaves,
waits for a slot of the fleet-wide concurrency limit, and is retried by the same policy as the
synchronous client. Failures are named by httpx's exception classes, answers read and errors
mapped by the functions the one-account client uses (``api._answers``, ``api._network``), so
an error here is the same class with the same fix as for one account; every error text is
scrubbed of the account's token.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import ssl
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Mapping
from urllib.parse import urlencode

import aiohttp
import httpx
import yarl
from lxml import etree

from rakuten_assist.api._answers import deadline_error, read_answer, too_large_error
from rakuten_assist.api._http import SERVICE_PATH, USER_AGENT, scrub_error
from rakuten_assist.api._network import proxy_for, transport_error
from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api._socks import AsyncSocksTransport
from rakuten_assist.config import Credentials, Settings, check_base_url
from rakuten_assist.errors import APIError, QuotaExceededError
from rakuten_assist.fleet.quota import HourlyBudget
from rakuten_assist.redaction import register_secret

__all__ = ["AsyncAccountClient", "Lanes", "Sleep"]

logger = logging.getLogger("rakuten_assist.fleet")

Sleep = Callable[[float], Awaitable[None]]


class Lanes:
    """Where a request may go: ``concurrency`` lanes over one pool of connections.

    By default the requests go out on one aiohttp session of ``concurrency`` connections,
    whose HTTP parser and connection pool are in C; a test, or a caller with a transport of
    its own, passes an httpx async transport instead, and each request is then an
    ``httpx.Request`` with the same headers and timeouts. Either way a failure is named by
    httpx's exception classes (``_httpx_error``), as the one-account client names it. A
    request takes a lane, sends and gives it back, so the fleet never has more than
    ``concurrency`` requests in flight, nor aiohttp more connections open.
    """

    def __init__(
        self,
        settings: Settings,
        concurrency: int,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        proxy = proxy_for(settings.base_url)
        if transport is None and proxy is not None and proxy.lower().startswith("socks"):
            # aiohttp speaks to HTTP proxies only; httpx (with socksio) to SOCKS ones too.
            transport = AsyncSocksTransport(
                proxy,
                verify=_tls_context(),
                limits=httpx.Limits(max_connections=concurrency),
            )
        self._connections = (
            _AiohttpConnections(settings, concurrency, proxy)
            if transport is None
            else _HttpxConnections(settings, transport)
        )
        #: ``receive(action, url)``: the status and body of a GET, read within the bounds
        self.receive = self._connections.receive
        #: held for one request: at most ``concurrency`` requests in flight
        self.free = asyncio.Semaphore(concurrency)

    async def aclose(self) -> None:
        """Close the session or the transport, and their connections."""
        await self._connections.aclose()


#: what the fleet's requests carry, whichever way they go out
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/xml, application/xml",
    "Accept-Encoding": "gzip, deflate",
    "Connection": "keep-alive",
}


class _Bounds:
    """The size bound and the deadline a body is read within (as ``Transport`` reads it):
    a body drip-fed a byte at a time, or one that never ends, must not hold a lane."""

    def __init__(self, settings: Settings) -> None:
        self.limit = settings.max_body_bytes
        self.seconds = settings.request_deadline

    async def read(self, action: str, status: int, stream: AsyncIterable[bytes]) -> bytes:
        limit = self.limit
        deadline = time.monotonic() + self.seconds
        chunks: list[bytes] = []
        size = 0
        async for chunk in stream:
            size += len(chunk)
            if size > limit:
                raise too_large_error(action, status, limit)
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise deadline_error(action, self.seconds, size)
        return b"".join(chunks)

    def check_declared(self, action: str, status: int, declared: int | None) -> None:
        if declared is not None and declared > self.limit:
            raise too_large_error(action, status, self.limit)


class _AiohttpConnections:
    """GETs on one aiohttp session: no cookie jar, the proxy of the environment, timeouts and
    headers built once (httpx's per-request objects were a fifth of the client's CPU)."""

    def __init__(self, settings: Settings, concurrency: int, proxy_url: str | None) -> None:
        connector = aiohttp.TCPConnector(
            limit=concurrency, keepalive_timeout=5.0, ssl=_tls_context()
        )
        # No cookie jar: the fleet's accounts share the session, and a cookie set for one
        # must never go with another's requests (the token travels in the query).
        self.session = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar()
        )
        self.bounds = _Bounds(settings)
        self.headers = _HEADERS
        # httpx's meaning of each: connect, read, and the wait for a free connection.
        self.timeout = aiohttp.ClientTimeout(
            sock_connect=settings.connect_timeout,
            sock_read=settings.read_timeout,
            connect=settings.read_timeout,
        )
        # Read once: aiohttp's ``trust_env`` reads it again for every request (0.45 ms each).
        proxy = httpx.Proxy(proxy_url) if proxy_url else None
        self.proxy = str(proxy.url) if proxy else None
        # The proxy's credentials as the header itself: aiohttp's BasicAuth is deprecated
        # (a warning on every request, an error under -W error) and goes in aiohttp 4.
        self.proxy_headers = (
            {"Proxy-Authorization": _basic_auth(*proxy.auth)} if proxy and proxy.auth else None
        )

    async def receive(self, action: str, url: str) -> tuple[int, bytes]:
        async with self.session.get(
            yarl.URL(url, encoded=True),
            headers=self.headers,
            timeout=self.timeout,
            allow_redirects=False,
            proxy=self.proxy,
            proxy_headers=self.proxy_headers,
        ) as response:
            status = response.status
            self.bounds.check_declared(action, status, response.content_length)
            body = await self.bounds.read(action, status, response.content.iter_any())
        return status, body

    async def aclose(self) -> None:
        await self.session.close()


class _HttpxConnections:
    """GETs as ``httpx.Request``s to an httpx async transport (tests, respx, a proxy's own)."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport) -> None:
        self.transport = transport
        self.bounds = _Bounds(settings)
        timeout = httpx.Timeout(
            settings.read_timeout, connect=settings.connect_timeout, pool=settings.read_timeout
        )
        self.headers = httpx.Headers(_HEADERS)
        self.extensions = {"timeout": timeout.as_dict()}

    async def receive(self, action: str, url: str) -> tuple[int, bytes]:
        request = httpx.Request("GET", url, headers=self.headers, extensions=self.extensions)
        response = await self.transport.handle_async_request(request)
        try:
            status = response.status_code
            declared = response.headers.get("Content-Length", "")
            self.bounds.check_declared(
                action, status, int(declared) if declared.isdigit() else None
            )
            body = await self.bounds.read(action, status, response.aiter_bytes())
        finally:
            await response.aclose()
        return status, body

    async def aclose(self) -> None:
        await self.transport.aclose()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's TLS context (certifi's CAs), built once per process: loading the CA store
    takes 40 to 60 ms, 2% of a 2,000-request run's CPU when built for each run."""
    return httpx.create_ssl_context()


def _basic_auth(user: str, password: str) -> str:
    """The value of a ``Proxy-Authorization`` header for ``user`` and ``password``."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _httpx_error(exc: httpx.TransportError | aiohttp.ClientError) -> httpx.TransportError:
    """httpx's class for a failure aiohttp raised, chosen from aiohttp's own exception.

    So that the fleet names a failure as the one-account client (on httpx) does: unreachable,
    read timeout, broken connection. An httpx transport passed in raises httpx's own.
    """
    if isinstance(exc, aiohttp.ClientError):
        cause = exc
    elif isinstance(exc.__cause__, aiohttp.ClientError):
        cause = exc.__cause__
    else:
        return exc  # an error of httpx's own
    mapped: httpx.TransportError
    if isinstance(cause, aiohttp.ClientHttpProxyError):
        # The proxy answered the tunnel's CONNECT with an error status: httpx's ProxyError.
        mapped = httpx.ProxyError(f"{cause.status} {cause.message}".strip())
    elif isinstance(cause, aiohttp.ClientResponseError):
        # Its text quotes the request URL, token included: only its message is kept.
        mapped = httpx.RemoteProtocolError(cause.message or type(cause).__name__)
    elif isinstance(cause, aiohttp.ConnectionTimeoutError):
        mapped = httpx.ConnectTimeout(str(cause))
    elif isinstance(cause, aiohttp.ServerTimeoutError):
        mapped = httpx.ReadTimeout(str(cause))
    elif isinstance(cause, aiohttp.ClientConnectorError):
        mapped = httpx.ConnectError(str(cause))
    else:
        mapped = httpx.ReadError(str(cause))
    # A refused certificate's reason (expired, another address...) is read from ssl's own
    # error, which aiohttp keeps aside: chained here as httpx chains it.
    mapped.__cause__ = getattr(cause, "certificate_error", None) or cause
    return mapped


class AsyncAccountClient:
    """Read-only sales_ws calls for one account over the fleet's shared transport.

    Args:
        lanes: the fleet's connections (at most ``concurrency`` requests in flight).
        credentials: the account's login and token.
        settings: base URL and attempts.
        budget: the account's hourly budget; a request it refuses is never sent.
        retry: the retry policy (defaults to ``settings.max_attempts`` attempts).
        sleep: how to wait between attempts (tests pass a no-op).
    """

    def __init__(
        self,
        lanes: Lanes,
        credentials: Credentials,
        settings: Settings,
        *,
        budget: HourlyBudget,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._lanes = lanes
        self._credentials = credentials
        self._settings = settings
        # Encoded once (a non-ASCII host in IDNA, a space in the path as %20): each request's
        # URL is handed to aiohttp as already encoded.
        self._url = str(yarl.URL(check_base_url(settings.base_url) + SERVICE_PATH))
        self.budget = budget
        self._policy = retry or RetryPolicy(max_attempts=settings.max_attempts)
        self._sleep = sleep
        #: requests actually sent (each attempt counts: Rakuten counts them all)
        self.calls = 0
        self._secret_known = False
        #: each action's encoded query without its parameters (it repeats for every page)
        self._queries: dict[tuple[str, str], str] = {}

    def __repr__(self) -> str:
        return f"AsyncAccountClient(login={self._credentials.login!r}, token=***)"

    def _remember_secret(self) -> None:
        """From this account's first failure on, ``redact`` masks its token in every text.

        Not done up front: each secret makes every later ``redact`` call slower, and a fleet
        has hundreds; a failure is when a server may start quoting the request.
        """
        if not self._secret_known:
            register_secret(self._credentials.token.get_secret_value())
            self._secret_known = True

    async def request(
        self, action: str, version: str, params: Mapping[str, str] | None = None
    ) -> etree._Element:
        """Send a read action and return its root, retrying what the policy allows.

        Raises:
            QuotaExceededError: the account's budget is spent (nothing sent), or Rakuten
                answered that its quota is.
            APIError: the mapped error after the allowed attempts, token scrubbed.
        """
        secret = self._credentials.token.get_secret_value()
        query = self._queries.get((action, version))
        if query is None:
            login = self._credentials.login
            fixed = {"action": action, "login": login, "pwd": secret, "version": version}
            if self._settings.channel:
                fixed["channel"] = self._settings.channel
            query = self._queries[(action, version)] = urlencode(fixed)
        if params:
            extra = {k: v for k, v in params.items() if v is not None}
            if extra:
                query = f"{query}&{urlencode(extra)}"
        attempt = 1
        while True:
            self.budget.take(action)
            try:
                return await self._send_once(action, query)
            except QuotaExceededError as exc:
                self.budget.exhaust()
                self._remember_secret()
                raise scrub_error(exc, secret) from None
            except APIError as exc:
                self._remember_secret()
                scrub_error(exc, secret)
                if not self._policy.should_retry(exc, attempt):
                    raise
                wait = self._policy.delay(attempt)
                logger.warning(
                    "%s for %s failed (attempt %d of %d): %s; retrying in %.1f s",
                    action,
                    self._credentials.login,
                    attempt,
                    self._policy.max_attempts,
                    exc.message,
                    wait,
                )
                await self._sleep(wait)
                attempt += 1

    async def _send_once(self, action: str, query: str) -> etree._Element:
        lanes = self._lanes
        async with lanes.free:
            self.calls += 1
            started = time.perf_counter()
            try:
                # One URL string, its query encoded above: nothing parses or quotes it again.
                status, body = await lanes.receive(action, f"{self._url}?{query}")
            except (httpx.TransportError, aiohttp.ClientError) as exc:
                # ``from None``: httpx's exceptions carry the request, whose URL has the token.
                raise transport_error(_httpx_error(exc), action, self._url) from None
            logger.debug(
                "%s for %s answered in %.3f s",
                action,
                self._credentials.login,
                time.perf_counter() - started,
            )
        return read_answer(action, status, body)
