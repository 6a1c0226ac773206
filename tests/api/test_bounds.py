"""Nothing hangs: pagination, body size and request time are bounded against a hostile server."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
import respx

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import (
    APITimeoutError,
    InvalidBaseURLError,
    PaginationError,
    PartialFetchError,
    ResponseTooLargeError,
)

from .conftest import BASE_URL, fixture_bytes


def _page(name: str, next_token: str) -> httpx.Response:
    """A fixture page whose nexttoken is replaced by ``next_token``."""
    body = fixture_bytes(name)
    start = body.index(b"<nexttoken>") + len(b"<nexttoken>")
    end = body.index(b"</nexttoken>")
    return httpx.Response(200, content=body[:start] + next_token.encode() + body[end:])


def _empty_page(next_token: str) -> httpx.Response:
    return httpx.Response(
        200,
        content=(
            "<getcurrentsalesresult><response><nexttoken>"
            f"{next_token}</nexttoken><sales/></response></getcurrentsalesresult>"
        ).encode(),
    )


def _client(credentials: Credentials, **settings: float) -> RakutenClient:
    return RakutenClient(
        credentials,
        settings=Settings(base_url=BASE_URL, **settings),  # type: ignore[arg-type]
        retry=RetryPolicy(max_attempts=1),
        sleep=lambda _: None,
    )


def test_cycling_nexttoken_stops_with_the_sales_so_far(
    credentials: Credentials, mock: respx.MockRouter
) -> None:
    """A -> B -> A: the third page would be read twice, so the fetch stops, keeping pages 1-2."""
    route = mock.get("/sales_ws").mock(
        side_effect=[
            _page("getcurrentsales_page1.xml", "A"),
            _page("getcurrentsales_page2.xml", "B"),
            _page("getcurrentsales_page1.xml", "A"),
        ]
        + [_page("getcurrentsales_page2.xml", "B")] * 50
    )
    with _client(credentials) as client, pytest.raises(PartialFetchError) as info:
        list(client.iter_current_sales_pages())
    assert isinstance(info.value.cause, PaginationError)
    assert route.call_count == 3
    assert info.value.pages_fetched == 3
    assert len(info.value.sales) > 0
    assert "already read" in info.value.message


def test_endless_empty_pages_stop(credentials: Credentials, mock: respx.MockRouter) -> None:
    """Empty pages each pointing to a new token end in an error, not in an endless fetch."""
    route = mock.get("/sales_ws").mock(
        side_effect=[_page("getcurrentsales_page1.xml", "T0")]
        + [_empty_page(f"T{n}") for n in range(1, 500)]
    )
    with _client(credentials) as client, pytest.raises(PartialFetchError) as info:
        client.get_current_sales()
    assert isinstance(info.value.cause, PaginationError)
    assert route.call_count < 20
    assert info.value.sales, "the first page's sales are kept"


class _Endless:
    """A body that would never end; counts what the client pulled."""

    def __init__(self, chunk: bytes, *, pause: float = 0.0, limit: int = 200_000) -> None:
        self.chunk, self.pause, self.limit, self.pulled = chunk, pause, limit, 0

    def __iter__(self) -> Iterator[bytes]:
        yield b"<getnewsalesresult><response><sales>"
        for _ in range(self.limit):
            if self.pause:
                time.sleep(self.pause)
            self.pulled += len(self.chunk)
            yield self.chunk


def test_a_never_ending_body_is_not_read_whole(
    credentials: Credentials, mock: respx.MockRouter
) -> None:
    """Reading stops just past the size bound instead of filling the memory."""
    body = _Endless(b"<sale>" + b"x" * 65_530 + b"</sale>")
    mock.get("/sales_ws").mock(return_value=httpx.Response(200, content=iter(body)))
    with _client(credentials, max_body_bytes=1_000_000) as client:
        with pytest.raises(ResponseTooLargeError) as info:
            client.get_new_sales()
    assert body.pulled < 2_000_000
    assert "1,000,000 bytes" in info.value.message


def test_a_declared_oversized_body_is_refused_unread(
    credentials: Credentials, mock: respx.MockRouter
) -> None:
    """A Content-Length above the bound is refused before the first byte is read."""
    body = _Endless(b"x" * 1000, limit=10)
    mock.get("/sales_ws").mock(
        return_value=httpx.Response(
            200, content=iter(body), headers={"Content-Length": str(10**12)}
        )
    )
    with _client(credentials, max_body_bytes=1_000_000) as client:
        with pytest.raises(ResponseTooLargeError):
            client.get_new_sales()
    assert body.pulled == 0


def test_a_drip_fed_body_ends_at_the_overall_deadline(
    credentials: Credentials, mock: respx.MockRouter
) -> None:
    """One byte at a time never trips the per-read timeout; the overall deadline stops it."""
    body = _Endless(b"x", pause=0.01, limit=2000)
    mock.get("/sales_ws").mock(return_value=httpx.Response(200, content=iter(body)))
    with _client(credentials, request_deadline=0.2) as client:
        with pytest.raises(APITimeoutError) as info:
            client.get_new_sales()
    # 2000 bytes would take 20 s; the deadline stopped it after a small part.
    assert body.pulled < 500
    assert "0.2 s deadline" in info.value.message
    assert "RAKUTEN_REQUEST_DEADLINE" in info.value.fix


def test_the_deadline_is_read_from_the_environment() -> None:
    """RAKUTEN_REQUEST_DEADLINE sets the deadline; a value that is not seconds is refused."""
    settings = Settings.from_env(environ={"RAKUTEN_REQUEST_DEADLINE": "42.5"})
    assert settings.request_deadline == 42.5
    assert Settings.from_env(environ={}).request_deadline == 300.0
    with pytest.raises(ValueError, match="not a number of seconds"):
        Settings.from_env(environ={"RAKUTEN_REQUEST_DEADLINE": "ten"})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765?x=1",
        "https://ws.fr.shopping.rakuten.com/?x=1",
        "https://ws.fr.shopping.rakuten.com#top",
        "https://ws.fr.shopping.rakuten.com/sales_ws?action=getnewsales",
    ],
)
def test_a_base_url_with_a_query_or_fragment_is_refused(url: str) -> None:
    """The request would go to /?action=... instead of /sales_ws: refused, with the bare URL."""
    with pytest.raises(InvalidBaseURLError) as info:
        Settings.from_env(url)
    assert "?" not in info.value.fix.split(": ", 1)[1]
    assert "#" not in info.value.fix.split(": ", 1)[1]


def test_a_silent_server_cannot_outlast_the_deadline_with_one_long_read(
    credentials: Credentials,
) -> None:
    """Headers, then silence: the read is cut at the deadline, not at the 60 s read timeout."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    release = threading.Event()

    def serve() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<a>")
        release.wait(30)  # silent until the test ends
        connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    settings = Settings(base_url=f"http://127.0.0.1:{port}", request_deadline=0.5)
    started = time.monotonic()
    try:
        with RakutenClient(
            credentials, settings=settings, retry=RetryPolicy(max_attempts=1)
        ) as client:
            with pytest.raises(APITimeoutError):
                client.get_new_sales()
        # A hang detector, not a speed measure: 60 s without the fix.
        assert time.monotonic() - started < 10
    finally:
        release.set()
        listener.close()
