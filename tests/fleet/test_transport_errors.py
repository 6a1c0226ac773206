"""The fleet's network failures are named as the one-account client names them, token-free."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from rakuten_assist.api import RakutenClient
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import (
    APICertificateError,
    APIConnectionError,
    APIError,
    APITimeoutError,
)
from rakuten_assist.fleet import FleetAccount, fetch_fleet

pytestmark = pytest.mark.integration

TOKEN = "c0ffee" * 6  # a canary: no error text may quote it
CREDENTIALS = Credentials(login="boutiquelyon", token=TOKEN)  # type: ignore[arg-type]
#: a certificate and key for 127.0.0.1 signed by nobody a client trusts (test use only)
SELF_SIGNED = Path(__file__).parents[1] / "api" / "fixtures" / "self_signed_test_server.pem"


Accepting = Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]


@contextmanager
def _server(accepting: Accepting, answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A local HTTP server that reads each request, then lets ``answer`` misbehave."""

    def handle(connection: socket.socket) -> None:
        connection.recv(65536)
        answer(connection)

    with accepting(handle) as port:
        yield f"http://127.0.0.1:{port}"


def _silent(connection: socket.socket) -> None:
    """Never answer (the connection is held open until the test ends)."""


def _cut(connection: socket.socket) -> None:
    """Announce 1,000 bytes, send a few, hang up."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<?xml version='1.0'?>")
    connection.close()


def _garbled(connection: socket.socket) -> None:
    """Answer something that is not HTTP."""
    connection.sendall(b"this is not HTTP at all\r\n\r\n")
    connection.close()


def _refused_url() -> str:
    """A local port nobody listens on."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _errors(base_url: str) -> tuple[APIError, APIError]:
    """The error the fleet records and the one the one-account client raises, same settings."""
    settings = Settings(base_url=base_url, read_timeout=0.3, connect_timeout=2, max_attempts=1)
    run = fetch_fleet([FleetAccount(label="lyon", credentials=CREDENTIALS)], settings=settings)
    fleet_error = run.outcomes[0].error
    assert isinstance(fleet_error, APIError)
    with RakutenClient(CREDENTIALS, settings=settings) as client:
        with pytest.raises(APIError) as alone:
            client.get_new_sales()
    return fleet_error, alone.value


def _assert_same_kind(fleet_error: APIError, alone: APIError) -> None:
    assert type(fleet_error) is type(alone)
    assert fleet_error.msg is not None
    assert alone.msg is not None
    assert fleet_error.msg.id == alone.msg.id
    assert isinstance(fleet_error, APIConnectionError)
    assert isinstance(alone, APIConnectionError)
    assert fleet_error.request_sent == alone.request_sent
    for text in (str(fleet_error), repr(fleet_error), fleet_error.fix, *map(str, fleet_error.args)):
        assert TOKEN not in text
        assert TOKEN[:16] not in text


def test_refused_connection_is_unreachable_and_never_sent() -> None:
    """A port nobody listens on: "could not reach Rakuten", the request surely not sent."""
    fleet_error, alone = _errors(_refused_url())
    _assert_same_kind(fleet_error, alone)
    assert isinstance(fleet_error, APIConnectionError)
    assert not isinstance(fleet_error, APITimeoutError)
    assert fleet_error.request_sent is False


def test_silent_server_is_a_read_timeout_not_a_connect_timeout(accepting: Accepting) -> None:
    """A server that connects then never answers: a read timeout, after read_timeout."""
    with _server(accepting, _silent) as url:
        fleet_error, alone = _errors(url)
    _assert_same_kind(fleet_error, alone)
    assert isinstance(fleet_error, APITimeoutError)
    assert fleet_error.msg is not None
    assert fleet_error.msg.id == "errors.api.read_timeout"


@pytest.mark.parametrize("answer", [_cut, _garbled], ids=["cut-body", "not-http"])
def test_broken_answer_is_a_broken_connection(
    accepting: Accepting, answer: Callable[[socket.socket], None]
) -> None:
    """An answer cut short, or not HTTP: "the connection broke", as for one account."""
    with _server(accepting, answer) as url:
        fleet_error, alone = _errors(url)
    _assert_same_kind(fleet_error, alone)
    assert fleet_error.msg is not None
    assert fleet_error.msg.id == "errors.api.broken"


def test_a_refused_certificate_gives_the_reason_the_one_account_client_gives(
    accepting: Accepting,
) -> None:
    """A self-signed certificate: "nobody trusted signed it" for the fleet as for one account,
    not a reason-less "the certificate was refused"."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(SELF_SIGNED)

    def handshake(connection: socket.socket) -> None:
        try:
            context.wrap_socket(connection, server_side=True).close()
        except (ssl.SSLError, OSError):
            pass  # the client refused the certificate: expected

    with accepting(handshake) as port:
        fleet_error, alone = _errors(f"https://127.0.0.1:{port}")
    _assert_same_kind(fleet_error, alone)
    assert isinstance(fleet_error, APICertificateError)
    assert fleet_error.msg is not None
    assert fleet_error.msg.id == "errors.api.certificate_untrusted"
