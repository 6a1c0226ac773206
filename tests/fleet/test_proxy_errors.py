"""A proxy in the environment (HTTPS_PROXY, or ALL_PROXY, SOCKS included) is used by one
account and the fleet alike; one that refuses is named as the proxy."""

from __future__ import annotations

import gc
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from rakuten_assist.api import RakutenClient
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APIConnectionError, APIError
from rakuten_assist.fleet import FleetAccount, fetch_fleet

pytestmark = pytest.mark.integration

TOKEN = "facade" * 6  # a canary: no error text may quote it
CREDENTIALS = Credentials(login="boutiquelyon", token=TOKEN)  # type: ignore[arg-type]
#: never reached: the proxy answers for it (no network needed)
BASE_URL = "https://ws.fr.shopping.rakuten.com"

Accepting = Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]


def _forbidden(connection: socket.socket) -> None:
    """A proxy that refuses every CONNECT with 403."""
    connection.recv(65536)
    connection.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
    connection.close()


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


#: the variables that can name the proxy of an https call, httpx's first choice first
PROXY_VARIABLES = ("HTTPS_PROXY", "ALL_PROXY")


def _errors(
    monkeypatch: pytest.MonkeyPatch, proxy: str, variable: str = "HTTPS_PROXY"
) -> Iterator[APIError]:
    """The error the fleet records, then the one the one-account client raises, with
    ``proxy`` in the environment's ``variable`` alone."""
    for name in ("NO_PROXY", *PROXY_VARIABLES, "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv(variable, proxy)
    settings = Settings(base_url=BASE_URL, connect_timeout=2, read_timeout=2, max_attempts=1)
    run = fetch_fleet([FleetAccount(label="lyon", credentials=CREDENTIALS)], settings=settings)
    fleet_error = run.outcomes[0].error
    assert isinstance(fleet_error, APIError)
    yield fleet_error
    with RakutenClient(CREDENTIALS, settings=settings) as client:
        with pytest.raises(APIError) as alone:
            client.get_new_sales()
    yield alone.value


def _check(error: APIError, msg_id: str) -> None:
    assert isinstance(error, APIConnectionError)
    assert error.msg is not None
    assert error.msg.id == msg_id
    assert error.request_sent is False
    for lang in ("en", "fr"):
        message, fix = error.render(lang)
        assert "127.0.0.1" in message  # the proxy named, not Rakuten's address
        assert "user:pw" not in message  # the proxy's own credentials never shown
        assert "HTTPS_PROXY" in fix
        assert TOKEN not in message + fix + repr(error)


@pytest.mark.parametrize("variable", PROXY_VARIABLES)
def test_a_proxy_refusing_the_tunnel_is_named_with_a_proxy_fix(
    accepting: Accepting, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """A proxy in HTTPS_PROXY or ALL_PROXY answering 403 to CONNECT is gone through by both
    clients: "the proxy refused", fix the proxy, not the URL."""
    with accepting(_forbidden) as port:
        for error in _errors(monkeypatch, f"http://user:pw@127.0.0.1:{port}", variable):
            _check(error, "errors.api.proxy_refused")
            assert "403" in error.render("en")[0] or "Forbidden" in error.render("en")[0]


@pytest.mark.parametrize("variable", PROXY_VARIABLES)
def test_an_unreachable_proxy_is_named_with_a_proxy_fix(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """A proxy in HTTPS_PROXY or ALL_PROXY on a closed port: "could not reach the proxy", not
    "could not reach Rakuten" with a fix about the base URL."""
    proxy = f"http://user:pw@127.0.0.1:{_closed_port()}"
    for error in _errors(monkeypatch, proxy, variable):
        _check(error, "errors.api.proxy_unreachable")
        assert "refus" in error.render("fr")[0]


def test_the_local_sandbox_is_never_reached_through_the_environments_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A company proxy in HTTP_PROXY or ALL_PROXY cannot reach this machine's loopback: the
    sandbox on 127.0.0.1 is called directly, by one account and by the fleet."""
    from rakuten_assist.sandbox import running_sandbox

    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    proxy = f"http://127.0.0.1:{_closed_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, proxy)
    with running_sandbox(sales=5) as sb:
        settings = Settings(base_url=sb.base_url, max_attempts=1)
        credentials = Credentials(login=sb.login, token=sb.token)  # type: ignore[arg-type]
        with RakutenClient(credentials, settings=settings) as client:
            client.get_new_sales()
        account = FleetAccount(label="demo", credentials=credentials)
        run = fetch_fleet([account], settings=settings)
    assert run.outcomes[0].error is None


def _socks_errors(monkeypatch: pytest.MonkeyPatch, port: int) -> list[APIConnectionError]:
    """The fleet's and the one-account client's errors with ALL_PROXY=socks5://...:port,
    each naming that proxy and never the token."""
    errors = []
    for error in _errors(monkeypatch, f"socks5://127.0.0.1:{port}", "ALL_PROXY"):
        assert isinstance(error, APIConnectionError)
        assert error.msg is not None
        assert f"socks5://127.0.0.1:{port}" in error.render("fr")[0]
        assert TOKEN not in repr(error)
        errors.append(error)
    return errors


def _sockets_left_open() -> list[warnings.WarningMessage]:
    """The ResourceWarnings a collection raises now: sockets nobody closed."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        gc.collect()
    return [w for w in caught if issubclass(w.category, ResourceWarning)]


def test_a_socks_proxy_in_all_proxy_is_gone_through_by_both_clients(
    accepting: Accepting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ALL_PROXY=socks5://... is spoken to in SOCKS by the fleet and the one-account client
    (never an ImportError or a direct call), its refusal is named as the proxy's, and the
    socket to the refusing proxy is closed, not left to the garbage collector."""
    greetings: list[bytes] = []

    def no_method_accepted(connection: socket.socket) -> None:
        greetings.append(connection.recv(3))
        connection.sendall(b"\x05\xff")  # SOCKS5: no acceptable authentication method
        connection.close()

    with accepting(no_method_accepted) as port:
        errors = _socks_errors(monkeypatch, port)
        assert [e.msg.id for e in errors if e.msg] == ["errors.api.proxy_refused"] * 2
        del errors
        # httpcore keeps no reference to the proxy's socket when the handshake fails: our
        # transports close it, so the collector finds nothing left open.
        assert _sockets_left_open() == []
    assert greetings
    assert all(greeting.startswith(b"\x05") for greeting in greetings)


def test_a_proxy_that_is_no_socks_server_is_said_so_and_its_socket_closed(
    accepting: Accepting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ALL_PROXY=socks5://... naming an HTTP proxy (it answers the SOCKS greeting in HTTP)
    is a proxy error saying it does not speak SOCKS, with the http:// fix, from both clients,
    and the socket to it is closed (it was a traceback from socksio)."""

    def http_proxy(connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        connection.close()

    with accepting(http_proxy) as port:
        errors = _socks_errors(monkeypatch, port)
        assert [e.msg.id for e in errors if e.msg] == ["errors.api.proxy_not_socks"] * 2
        assert [e.fix_msg.id for e in errors if e.fix_msg] == ["errors.fix.proxy_not_socks"] * 2
        assert all("http://" in e.render("fr")[1] for e in errors)
        del errors
        assert _sockets_left_open() == []
