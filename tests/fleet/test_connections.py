"""The fleet's own connections (aiohttp, no httpx transport given) read answers as httpx would.

Cookies never travel between accounts, a gzip answer gives the same items, and an answer too
large or too slow is cut at the same bounds as for one account, whichever way the requests
go out: on the default connections or through an httpx transport passed in.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pytest

from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APITimeoutError, ResponseTooLargeError
from rakuten_assist.fleet import FleetAccount, check_accounts, fetch_fleet, load_accounts
from rakuten_assist.sandbox.fleet import FleetSandbox

pytestmark = pytest.mark.integration

TOKEN = "c0ffee" * 6
ACCOUNT = FleetAccount(
    label="lyon",
    credentials=Credentials(login="boutiquelyon", token=TOKEN),  # type: ignore[arg-type]
)
Answer = Callable[[socket.socket, bytes], None]


Accepting = Callable[[Callable[[socket.socket], None]], AbstractContextManager[int]]


@contextmanager
def _server(accepting: Accepting, answer: Answer) -> Iterator[str]:
    """A local HTTP server on the shared ``accepting`` listener: each connection's requests,
    read whole, are answered by ``answer`` (in a thread of their own, so that the fleet's two
    first requests run side by side)."""
    threads: list[threading.Thread] = []

    def each_request(connection: socket.socket) -> None:
        pending = b""
        try:
            while True:
                while b"\r\n\r\n" not in pending:
                    data = connection.recv(65536)
                    if not data:
                        return
                    pending += data
                request, _, pending = pending.partition(b"\r\n\r\n")
                answer(connection, request)
        except OSError:
            return  # the client hung up (as it should on a body it refuses), or the end

    def handle(connection: socket.socket) -> None:
        thread = threading.Thread(target=each_request, args=(connection,), daemon=True)
        threads.append(thread)
        thread.start()

    with accepting(handle) as port:
        # "localhost", not an IP address: a cookie jar keeps no cookie an IP address sets.
        yield f"http://localhost:{port}"
    for thread in threads:
        thread.join(timeout=5)


def _header(request: bytes, name: str) -> str | None:
    for line in request.decode("latin-1").split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return None


@pytest.fixture(params=["aiohttp", "httpx"])
def transport(request: pytest.FixtureRequest) -> httpx.AsyncBaseTransport | None:
    """The fleet's default connections, then an httpx transport passed in."""
    return None if request.param == "aiohttp" else httpx.AsyncHTTPTransport()


class _Relay:
    """Answers each request with the fleet sandbox's answer to it, gzip-compressed when the
    request accepts gzip, with a cookie naming the login that asked; notes what came in."""

    def __init__(self, sandbox_url: str, *, compress: bool) -> None:
        self.sandbox_url = sandbox_url
        self.compress = compress
        self.cookies: list[str | None] = []
        self.gzipped = 0

    def __call__(self, connection: socket.socket, request: bytes) -> None:
        target = request.split(b" ")[1].decode("ascii")
        with urllib.request.urlopen(self.sandbox_url + target) as answer:  # noqa: S310 (local)
            body = answer.read()
            content_type = answer.headers["Content-Type"]
        self.cookies.append(_header(request, "Cookie"))
        extra = ""
        if self.compress and "gzip" in (_header(request, "Accept-Encoding") or ""):
            body = gzip.compress(body)
            extra = "Content-Encoding: gzip\r\n"
            self.gzipped += 1
        login = target.split("login=")[1].split("&")[0]
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}"
            f"Set-Cookie: session={login}; Path=/\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        connection.sendall(head.encode("latin-1") + body)


def _healthy(fleet: FleetSandbox, accounts_file: Path, count: int) -> list[FleetAccount]:
    healthy = {a.label for a in fleet.accounts if a.kind == "ok"}
    accounts = [c.account for c in check_accounts(load_accounts(accounts_file)) if c.account]
    return [a for a in accounts if a.label in healthy][:count]


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_answers_read_through_any_connections_give_the_sandbox_items_and_no_cookie(
    fleet: FleetSandbox,
    accounts_file: Path,
    accepting: Accepting,
    transport: httpx.AsyncBaseTransport | None,
    compress: bool,
) -> None:
    """Relayed (gzip or not, each setting a cookie), the items are those read directly."""
    accounts = _healthy(fleet, accounts_file, 3)
    relay = _Relay(fleet.base_url, compress=compress)
    with _server(accepting, relay) as url:
        relayed = fetch_fleet(
            accounts, settings=Settings(base_url=url), concurrency=2, transport=transport
        )
    direct = fetch_fleet(accounts, settings=Settings(base_url=fleet.base_url))
    assert not relayed.failed
    assert [o.lines for o in relayed.outcomes] == [o.lines for o in direct.outcomes]
    assert sum(len(o.lines) for o in direct.outcomes) > 0
    calls = sum(o.calls for o in relayed.outcomes)
    assert len(relay.cookies) == calls >= 6
    assert relay.cookies == [None] * calls
    assert relay.gzipped == (calls if compress else 0)


def _fetch_error(url: str, transport: httpx.AsyncBaseTransport | None, **bounds: float) -> object:
    settings = Settings(base_url=url, max_attempts=1, **bounds)  # type: ignore[arg-type]
    run = fetch_fleet([ACCOUNT], settings=settings, transport=transport)
    return run.outcomes[0].error


def test_a_declared_oversized_answer_is_refused_unread(
    accepting: Accepting, transport: httpx.AsyncBaseTransport | None
) -> None:
    """A Content-Length above the bound is refused before its body is read."""
    sent: list[int] = []

    def huge(connection: socket.socket, request: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n")
        sent.append(0)
        time.sleep(0.2)
        connection.close()

    with _server(accepting, huge) as url:
        error = _fetch_error(url, transport, max_body_bytes=1_000_000)
    assert isinstance(error, ResponseTooLargeError)
    assert "1,000,000 bytes" in error.message
    assert sent


def test_a_never_ending_answer_is_not_read_whole(
    accepting: Accepting, transport: httpx.AsyncBaseTransport | None
) -> None:
    """An answer that never ends is cut just past the size bound, memory spared."""
    sent: list[int] = []
    chunk = b"<sale>" + b"x" * 65_000 + b"</sale>"

    def endless(connection: socket.socket, request: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        for _ in range(3000):  # 200 MB, unless the client hangs up first
            connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent.append(len(chunk))

    with _server(accepting, endless) as url:
        error = _fetch_error(url, transport, max_body_bytes=1_000_000)
    assert isinstance(error, ResponseTooLargeError)
    assert "1,000,000 bytes" in error.message
    # Socket buffers hold a few MB the client never reads; the rest was never sent.
    assert 1_000_000 < sum(sent) < 40_000_000


def test_a_drip_fed_answer_ends_at_the_overall_deadline(
    accepting: Accepting, transport: httpx.AsyncBaseTransport | None
) -> None:
    """A byte at a time never trips the read timeout; the overall deadline stops it."""
    sent: list[int] = []

    def drip(connection: socket.socket, request: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n")
        for _ in range(2000):  # 20 s, unless the client hangs up first
            connection.sendall(b"x")
            sent.append(1)
            time.sleep(0.01)

    started = time.monotonic()
    with _server(accepting, drip) as url:
        error = _fetch_error(url, transport, request_deadline=0.3)
    assert isinstance(error, APITimeoutError)
    assert "0.3 s deadline" in error.message
    assert sum(sent) < 1000
    assert time.monotonic() - started < 10


def test_a_base_url_with_a_space_in_its_path_is_sent_encoded(
    accepting: Accepting, transport: httpx.AsyncBaseTransport | None
) -> None:
    """A base URL written with a space in its path reaches the server as %20, as httpx sends it."""
    paths: list[str] = []

    def note(connection: socket.socket, request: bytes) -> None:
        paths.append(request.split(b" ")[1].decode("ascii").split("?")[0])
        connection.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n")

    with _server(accepting, note) as url:
        _fetch_error(f"{url}/rakuten proxy", transport)
    assert paths
    assert set(paths) == {"/rakuten%20proxy/sales_ws"}
