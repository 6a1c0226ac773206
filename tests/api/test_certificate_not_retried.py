"""A server whose TLS certificate is refused is asked once, not four times: the same address
shows the same certificate on every attempt, so retrying only delays the fix."""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pytest

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.api._network import transport_error
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APICertificateError, APIConnectionError
from rakuten_assist.fleet import FleetAccount
from rakuten_assist.fleet.fetch import fetch_fleet_async

pytestmark = pytest.mark.integration

#: a certificate and key for 127.0.0.1 signed by nobody a client trusts (test use only)
SELF_SIGNED = Path(__file__).parent / "fixtures" / "self_signed_test_server.pem"
CREDENTIALS = Credentials.from_values("boutiquelyon", "c0ffee" * 6)


Accepting = Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]


@contextmanager
def _tls_server(accepting: Accepting) -> Iterator[tuple[str, list[int]]]:
    """A local HTTPS server with a self-signed certificate; yields its URL and a list that
    grows by one for each TLS handshake a client attempted."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(SELF_SIGNED)
    handshakes: list[int] = []

    def handshake(connection: socket.socket) -> None:
        handshakes.append(1)
        try:
            context.wrap_socket(connection, server_side=True).close()
        except (ssl.SSLError, OSError):
            pass  # the client refused the certificate: expected

    with accepting(handshake) as port:
        yield f"https://127.0.0.1:{port}", handshakes


def test_the_one_account_client_asks_once_and_waits_for_nothing(accepting: Accepting) -> None:
    """Four attempts allowed: one handshake, no backoff, the certificate error with its fix."""
    sleeps: list[float] = []
    with _tls_server(accepting) as (url, handshakes):
        settings = Settings(base_url=url, max_attempts=4)
        with RakutenClient(
            CREDENTIALS, settings=settings, retry=RetryPolicy(4), sleep=sleeps.append
        ) as client:
            with pytest.raises(APICertificateError) as info:
                client.get_new_sales()
    assert len(handshakes) == 1
    assert sleeps == []
    message, fix = info.value.render("fr")
    assert "certificat" in message
    assert "certificat" in fix


def test_the_fleet_asks_once_per_account_and_records_the_certificate_error(
    accepting: Accepting,
) -> None:
    """The fleet's client (aiohttp underneath) does not repeat a refused handshake either."""
    sleeps: list[float] = []

    async def no_wait(seconds: float) -> None:
        sleeps.append(seconds)

    with _tls_server(accepting) as (url, handshakes):
        settings = Settings(base_url=url, max_attempts=4)
        accounts = [FleetAccount(label="lyon", credentials=CREDENTIALS)]
        run = asyncio.run(
            fetch_fleet_async(accounts, settings=settings, retry=RetryPolicy(4), sleep=no_wait)
        )
    # An account's two read actions (new sales, current sales) go out side by side: one
    # handshake each, none repeated.
    assert len(handshakes) == 2
    assert sleeps == []
    assert isinstance(run.outcomes[0].error, APICertificateError)
    assert run.outcomes[0].calls == 2


def test_a_refused_connection_is_still_retried() -> None:
    """Only the certificate is final: a refused connection may be a server restarting."""
    policy = RetryPolicy(4)
    refused = transport_error(httpx.ConnectError("connection refused"), "getnewsales")
    assert isinstance(refused, APIConnectionError)
    assert not isinstance(refused, APICertificateError)
    assert policy.should_retry(refused, 1)
