"""A proxy that refuses for good (it wants credentials, or is not a SOCKS proxy though named
``socks5://``) is asked once, not four times: the next attempt meets the same refusal, so
retrying only delays the fix. A proxy that cannot be reached may come back, and is retried."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import httpx
import pytest

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.api._network import transport_error
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APIConnectionError, APIProxyError
from rakuten_assist.fleet import FleetAccount
from rakuten_assist.fleet.fetch import fetch_fleet_async

pytestmark = pytest.mark.integration

CREDENTIALS = Credentials.from_values("boutiquelyon", "c0ffee" * 6)
#: never reached: the proxy answers for it (no network needed)
BASE_URL = "https://ws.fr.shopping.rakuten.com"
PROXY_NAMES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")

Accepting = Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]


def _wants_credentials(connection: socket.socket) -> None:
    """An HTTP proxy answering every CONNECT with 407."""
    connection.recv(65536)
    connection.sendall(
        b"HTTP/1.1 407 Proxy Authentication Required\r\n"
        b'Proxy-Authenticate: Basic realm="office"\r\nContent-Length: 0\r\n\r\n'
    )
    connection.close()


def _http_not_socks(connection: socket.socket) -> None:
    """An HTTP server answering the SOCKS greeting in HTTP."""
    connection.recv(65536)
    connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    connection.close()


def _proxy_env(monkeypatch: pytest.MonkeyPatch, name: str, proxy: str) -> None:
    for variable in PROXY_NAMES:
        monkeypatch.delenv(variable, raising=False)
        monkeypatch.delenv(variable.lower(), raising=False)
    monkeypatch.setenv(name, proxy)


@pytest.fixture(
    params=[
        pytest.param((_wants_credentials, "HTTPS_PROXY", "http"), id="407-credentials"),
        pytest.param((_http_not_socks, "ALL_PROXY", "socks5"), id="not-socks"),
    ]
)
def refusing_proxy(
    request: pytest.FixtureRequest, accepting: Accepting, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[int, list[int]]]:
    """A local proxy refusing for good, named in the environment: its port, and a list that
    grows by one for each connection a client made to it."""
    handle, variable, scheme = request.param
    connections: list[int] = []

    def counted(connection: socket.socket) -> None:
        connections.append(1)
        handle(connection)

    with accepting(counted) as port:
        _proxy_env(monkeypatch, variable, f"{scheme}://127.0.0.1:{port}")
        yield port, connections


SETTINGS = Settings(base_url=BASE_URL, max_attempts=4, connect_timeout=2)


def test_the_one_account_client_asks_the_proxy_once(
    refusing_proxy: tuple[int, list[int]],
) -> None:
    """Four attempts allowed: one connection to the proxy, no backoff, the proxy's error."""
    port, connections = refusing_proxy
    sleeps: list[float] = []
    with RakutenClient(
        CREDENTIALS, settings=SETTINGS, retry=RetryPolicy(4), sleep=sleeps.append
    ) as client:
        with pytest.raises(APIProxyError) as info:
            client.get_new_sales()
    assert len(connections) == 1
    assert sleeps == []
    message, fix = info.value.render("fr")
    assert f"127.0.0.1:{port}" in message
    assert "proxy" in fix


def test_the_fleet_asks_the_proxy_once_per_action(refusing_proxy: tuple[int, list[int]]) -> None:
    """The fleet's client does not repeat a lasting refusal either: one connection for each
    of the account's two read actions, no wait, the proxy's error recorded."""
    _port, connections = refusing_proxy
    sleeps: list[float] = []

    async def no_wait(seconds: float) -> None:
        sleeps.append(seconds)

    accounts = [FleetAccount(label="lyon", credentials=CREDENTIALS)]
    run = asyncio.run(
        fetch_fleet_async(accounts, settings=SETTINGS, retry=RetryPolicy(4), sleep=no_wait)
    )
    assert len(connections) == 2
    assert sleeps == []
    assert isinstance(run.outcomes[0].error, APIProxyError)


def test_a_proxy_that_may_come_back_is_still_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreachable proxy, or one that could not reach Rakuten (502), may pass next time:
    a plain connection error, retried; a 407 or 403 from the proxy is not."""
    _proxy_env(monkeypatch, "HTTPS_PROXY", "http://127.0.0.1:3128")
    policy = RetryPolicy(4)

    def error(exc: httpx.TransportError) -> APIConnectionError:
        made = transport_error(exc, "getnewsales", BASE_URL)
        assert isinstance(made, APIConnectionError)
        return made

    unreachable = error(httpx.ConnectError("[Errno 111] Connection refused"))
    bad_gateway = error(httpx.ProxyError("502 Bad Gateway"))
    for passing in (unreachable, bad_gateway):
        assert not isinstance(passing, APIProxyError)
        assert policy.should_retry(passing, 1)
    for lasting in ("407 Proxy Authentication Required", "403 Forbidden"):
        refused = error(httpx.ProxyError(lasting))
        assert isinstance(refused, APIProxyError)
        assert not policy.should_retry(refused, 1)
