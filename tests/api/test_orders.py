"""fetch_open_orders: both streams, every page, de-duplicated, nothing lost on failure."""

from __future__ import annotations

import threading

import httpx
import pytest
import respx

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.errors import AuthenticationError, PartialFetchError, ServerError

from .conftest import fixture_bytes


def _xml(name: str, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=fixture_bytes(name))


def test_all_open_orders_every_country_labelled_by_source(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """New sales and every current page are returned, from every buyer country, labelled."""
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=_xml("getnewsales_many.xml")
    )
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[
            _xml("getcurrentsales_page1.xml"),
            _xml("getcurrentsales_page2.xml"),
            _xml("getcurrentsales_page3.xml"),
        ]
    )
    orders = fetch_open_orders(client)
    items = {line.item.item_id: line.source for line in orders.lines}
    assert items == {
        "260300002": "new",
        "260300003": "new",
        "260300004": "new",
        "260300010": "current",
        "260300011": "current",
        "260300012": "current",
        "260300013": "current",
    }
    assert orders.pages == 3
    assert orders.duplicates == 1  # 260300010 appeared on pages 1 and 2
    assert set(orders.count_by_country()) == {"BE", "DE", "FR", "ES", "IT", "CH"}
    assert orders.count_by_source() == {"new": 3, "current": 4}


def test_item_in_both_streams_is_kept_once_as_current(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """An item accepted between the two calls appears once, with its current state."""
    new_doc = fixture_bytes("getnewsales_one.xml").replace(b"260300001", b"260300013")
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=httpx.Response(200, content=new_doc)
    )
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        return_value=_xml("getcurrentsales_page3.xml")
    )
    orders = fetch_open_orders(client)
    assert [(line.item.item_id, line.source) for line in orders.lines] == [("260300013", "current")]
    assert orders.lines[0].item.status == "ACCEPTED"


def test_streams_are_fetched_concurrently(client: RakutenClient, mock: respx.MockRouter) -> None:
    """getnewsales is in flight while current pages are fetched (not after them)."""
    new_started = threading.Event()
    release_new = threading.Event()

    def new_sales(request: httpx.Request) -> httpx.Response:
        new_started.set()
        assert release_new.wait(5), "current pages were not fetched while getnewsales waited"
        return _xml("getnewsales_one.xml")

    def current_sales(request: httpx.Request) -> httpx.Response:
        # Only answer once getnewsales is already running: proves the overlap.
        assert new_started.wait(5)
        release_new.set()
        return _xml("getcurrentsales_page3.xml")

    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(side_effect=new_sales)
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(side_effect=current_sales)
    orders = fetch_open_orders(client)
    assert orders.count_by_source() == {"new": 1, "current": 1}


def test_failure_on_a_later_page_keeps_earlier_pages_and_says_where_to_resume(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """Page 3 fails for good: pages 1-2 and the new sales are kept, with the token of page 3."""
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=_xml("getnewsales_one.xml")
    )
    server_error = _xml("error_server.xml", 500)
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[
            _xml("getcurrentsales_page1.xml"),
            _xml("getcurrentsales_page2.xml"),
            server_error,
            server_error,
            server_error,
        ]
    )
    with pytest.raises(PartialFetchError) as info:
        fetch_open_orders(client)
    error = info.value
    assert error.pages_fetched == 2
    assert error.resume_token == "TOKEN-PAGE-3"
    assert isinstance(error.cause, ServerError)
    assert {line.item.item_id for line in error.lines} == {
        "260300001",
        "260300010",
        "260300011",
        "260300012",
    }
    assert "TOKEN-PAGE-3" in error.fix
    assert len(error.sales) == 4


def test_resume_from_token_fetches_only_the_rest(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """Resuming sends the saved token and fetches from that page on."""
    route = mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        return_value=_xml("getcurrentsales_page3.xml")
    )
    orders = fetch_open_orders(client, resume_from="TOKEN-PAGE-3", include_new=False)
    assert [line.item.item_id for line in orders.lines] == ["260300013"]
    assert dict(route.calls[0].request.url.params)["nexttoken"] == "TOKEN-PAGE-3"


def test_failure_on_first_page_is_the_plain_error(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """When nothing arrived, the error is the cause itself, not a partial result."""
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=_xml("getnewsales_one.xml")
    )
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        return_value=_xml("error_auth.xml")
    )
    with pytest.raises(AuthenticationError, match=r"Unknown user or password\.") as info:
        fetch_open_orders(client)
    assert not isinstance(info.value, PartialFetchError)


def test_progress_callback_sees_every_page(client: RakutenClient, mock: respx.MockRouter) -> None:
    """on_page is called once per page, in order, the last with no next token."""
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=_xml("getnewsales_empty.xml")
    )
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[_xml("getcurrentsales_page1.xml"), _xml("getcurrentsales_page3.xml")]
    )
    seen: list[tuple[int, str | None]] = []
    fetch_open_orders(client, on_page=lambda page: seen.append((page.number, page.next_token)))
    assert seen == [(1, "TOKEN-PAGE-2"), (2, None)]


def test_new_sales_failure_after_all_pages_keeps_the_pages(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """getnewsales fails for good after every current page: pages kept, the gap named."""
    server_error = _xml("error_server.xml", 500)
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(return_value=server_error)
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[_xml("getcurrentsales_page1.xml"), _xml("getcurrentsales_page3.xml")]
    )
    with pytest.raises(PartialFetchError) as info:
        fetch_open_orders(client)
    error = info.value
    assert {line.item.item_id for line in error.lines} == {"260300010", "260300011", "260300013"}
    assert error.resume_token is None
    assert "awaiting acceptance are missing" in error.message
    assert "again" in error.fix


def test_both_streams_failing_names_both(client: RakutenClient, mock: respx.MockRouter) -> None:
    """A failed page and a failed getnewsales: the kept pages, and both gaps in the message."""
    server_error = _xml("error_server.xml", 500)
    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(return_value=server_error)
    mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[_xml("getcurrentsales_page1.xml"), server_error, server_error, server_error]
    )
    with pytest.raises(PartialFetchError) as info:
        fetch_open_orders(client)
    assert info.value.resume_token == "TOKEN-PAGE-2"
    assert "awaiting acceptance are missing too" in info.value.message
    assert {line.item.item_id for line in info.value.lines} == {"260300010", "260300011"}
