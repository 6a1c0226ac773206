"""Every sales_ws action over a mocked transport: request shape, answer, error mapping."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx
from lxml import etree

from rakuten_assist.api import FRANCE_ISO_NUMERIC, VERSIONS, RakutenClient
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ItemStatusError,
    ParameterError,
    QuotaExceededError,
    ResponseParseError,
    RightsError,
    ServerError,
)
from rakuten_assist.models import Shipment

from .conftest import BASE_URL, CANARY_TOKEN, fixture_bytes


def _xml(name: str, status: int = 200) -> httpx.Response:
    return httpx.Response(
        status, content=fixture_bytes(name), headers={"Content-Type": "text/xml;charset=ISO-8859-1"}
    )


def _params(route: respx.Route, index: int = 0) -> dict[str, str]:
    return dict(route.calls[index].request.url.params)


def test_getnewsales_sends_credentials_and_version(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """getnewsales is a GET with action, login, token as pwd and its version."""
    route = mock.get("/sales_ws", params={"action": "getnewsales"}).mock(
        return_value=_xml("getnewsales_many.xml")
    )
    sales = client.get_new_sales()
    assert [s.purchase_id for s in sales] == ["430000002", "430000003"]
    params = _params(route)
    assert params == {
        "action": "getnewsales",
        "login": "ma-boutique",
        "pwd": CANARY_TOKEN,
        "version": VERSIONS["getnewsales"],
    }


def test_getcurrentsales_follows_nexttoken_to_the_end(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """Pages are requested with the previous page's token until an empty one."""
    route = mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        side_effect=[
            _xml("getcurrentsales_page1.xml"),
            _xml("getcurrentsales_page2.xml"),
            _xml("getcurrentsales_page3.xml"),
        ]
    )
    sales = client.get_current_sales()
    assert [s.purchase_id for s in sales] == [
        "430000010",
        "430000011",
        "430000012",
        "430000010",
        "430000013",
    ]
    assert route.call_count == 3
    assert "nexttoken" not in _params(route, 0)
    assert _params(route, 1)["nexttoken"] == "TOKEN-PAGE-2"
    assert _params(route, 2)["nexttoken"] == "TOKEN-PAGE-3"


def test_getcurrentsales_filters_are_sent(client: RakutenClient, mock: respx.MockRouter) -> None:
    """purchasedate, ispendingpreorder and notshippeditemsonly go in the query string."""
    route = mock.get("/sales_ws", params={"action": "getcurrentsales"}).mock(
        return_value=_xml("getcurrentsales_page3.xml")
    )
    client.get_current_sales(
        purchase_date="2024-07-01", pending_preorder=True, not_shipped_only=True
    )
    params = _params(route)
    assert params["purchasedate"] == "2024-07-01"
    assert params["ispendingpreorder"] == "y"
    assert params["notshippeditemsonly"] == "true"


def test_acceptsale_sends_numeric_france_249(client: RakutenClient, mock: respx.MockRouter) -> None:
    """acceptsale sends shippingfromcountry=249 (metropolitan France), never 250."""
    route = mock.get("/sales_ws", params={"action": "acceptsale"}).mock(
        return_value=_xml("acceptsale.xml")
    )
    result = client.accept_sale("260300001")
    assert result.status == "Accepted"
    params = _params(route)
    assert params["itemid"] == "260300001"
    assert params["shippingfromcountry"] == "249" == str(FRANCE_ISO_NUMERIC)
    assert params["version"] == "2021-04-08"


def test_refusesale(client: RakutenClient, mock: respx.MockRouter) -> None:
    """refusesale sends the item id and returns Rakuten's status."""
    route = mock.get("/sales_ws", params={"action": "refusesale"}).mock(
        return_value=_xml("refusesale.xml")
    )
    assert client.refuse_sale("260300001") == "Refused"
    assert _params(route)["version"] == "2010-09-20"


def test_getitemtodolist(client: RakutenClient, mock: respx.MockRouter) -> None:
    """The to-do list gives each item with all its causes."""
    mock.get("/sales_ws", params={"action": "getitemtodolist"}).mock(
        return_value=_xml("getitemtodolist.xml")
    )
    todo = client.get_item_todo_list()
    assert [(t.item_id, t.causes) for t in todo] == [
        ("159170000", ("CLAIM", "UNREAD_MESSAGE_FROM_BUYER")),
        ("159170001", ("UNREAD_MESSAGE_FROM_CUSTOMER_SERVICE",)),
    ]


def test_getiteminfos(client: RakutenClient, mock: respx.MockRouter) -> None:
    """Item infos give status, payment status and the dated history."""
    route = mock.get("/sales_ws", params={"action": "getiteminfos"}).mock(
        return_value=_xml("getiteminfos.xml")
    )
    infos = client.get_item_infos("260300010")
    assert infos.status == "ACCEPTED"
    assert infos.payment_status == "INCOMING"
    assert [log.code for log in infos.logs] == ["ITEM_REQUESTED", "ITEM_COMMITTED"]
    assert infos.logs[1].description == "Vente acceptée"
    assert _params(route)["itemid"] == "260300010"


def test_getshippinginformation(client: RakutenClient, mock: respx.MockRouter) -> None:
    """Shipping information reads the cost (comma decimal) and the billing country as FR."""
    mock.get("/sales_ws", params={"action": "getshippinginformation"}).mock(
        return_value=_xml("getshippinginformation.xml")
    )
    info = client.get_shipping_information("430000010")
    assert info.shipping_type == "Suivi"
    assert info.shipping_cost is not None
    assert str(info.shipping_cost.amount) == "4.90"
    assert info.prepaid_label_available is False
    assert info.billing_address is not None
    assert info.billing_address.country_code == "FR"


def test_getbillinginformation(client: RakutenClient, mock: respx.MockRouter) -> None:
    """Billing information gives each item's sale price and commission."""
    mock.get("/sales_ws", params={"action": "getbillinginformation"}).mock(
        return_value=_xml("getbillinginformation.xml")
    )
    billing = client.get_billing_information("430000010")
    line = billing.lines[0]
    assert line.item_id == "260300010"
    assert line.sale_price is not None
    assert str(line.sale_price.amount) == "23.9"
    assert str(line.commission) == "2.39"


def test_settrackingpackageinfos_sends_all_four_fields(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """The tracking call sends item, carrier, number and URL, and returns OK."""
    route = mock.get("/sales_ws", params={"action": "settrackingpackageinfos"}).mock(
        return_value=_xml("settracking.xml")
    )
    shipment = Shipment(
        item_id="260300010",
        transporter_name="Colissimo",
        tracking_number="6A12345678901",
        tracking_url="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
    )
    assert client.set_tracking_package_infos(shipment) == "OK"
    params = _params(route)
    assert params["transporter_name"] == "Colissimo"
    assert params["tracking_number"] == "6A12345678901"
    assert params["tracking_url"] == shipment.tracking_url
    assert params["version"] == "2016-03-16"


def test_importitemshippingstatus_posts_multipart_file(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """The batch upload is a multipart POST with a file field holding the items XML."""
    route = mock.post("/sales_ws", params={"action": "importitemshippingstatus"}).mock(
        return_value=_xml("importresult.xml")
    )
    shipments = [
        Shipment(
            item_id=f"26030001{n}",
            purchase_id="430000010",
            transporter_name="Autre",
            tracking_number=f"ABC{n}",
            tracking_url=f"https://carrier.example/track?n=ABC{n}&x=<1>",
        )
        for n in range(2)
    ]
    assert client.import_item_shipping_status(shipments) == "OK"
    request = route.calls[0].request
    assert request.headers["content-type"].startswith("multipart/form-data")
    body = request.content
    assert b'name="file"' in body
    xml = body[body.index(b"<?xml") : body.index(b"</items>") + len(b"</items>")]
    items = etree.fromstring(xml).findall("item")
    assert [i.findtext("itemid") for i in items] == ["260300010", "260300011"]
    assert items[0].findtext("trackingurl") == "https://carrier.example/track?n=ABC0&x=<1>"
    assert _params(route)["pwd"] == CANARY_TOKEN


def test_import_refuses_shipments_without_purchase_id(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """A batch item without purchase id is refused before any request."""
    route = mock.post("/sales_ws")
    shipment = Shipment(
        item_id="1", transporter_name="UPS", tracking_number="1Z", tracking_url="https://x.invalid"
    )
    with pytest.raises(ValueError, match="purchase id"):
        client.import_item_shipping_status([shipment])
    route.mock(return_value=_xml("importresult.xml"))
    client.import_item_shipping_status([shipment.model_copy(update={"purchase_id": "9"})])
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("fixture", "status", "error", "text"),
    [
        ("error_auth.xml", 200, AuthenticationError, "Unknown user or password."),
        ("error_auth.xml", 401, AuthenticationError, "Incorrect login or password"),
        ("error_rights.xml", 200, RightsError, "professional sellers"),
        ("error_quota.xml", 200, QuotaExceededError, "Quota exceeded."),
        ("error_itemid.xml", 400, ParameterError, "The parameter 'itemid' is invalid."),
        ("error_status.xml", 400, ItemStatusError, "Statut incorrect"),
    ],
)
def test_errorresponse_is_mapped_whatever_the_status(
    client: RakutenClient,
    mock: respx.MockRouter,
    fixture: str,
    status: int,
    error: type[APIError],
    text: str,
) -> None:
    """The body decides the error class, not the HTTP status; the text is kept."""
    route = mock.get("/sales_ws").mock(return_value=_xml(fixture, status))
    with pytest.raises(error) as info:
        client.get_item_infos("1")
    assert text in str(info.value)
    assert info.value.fix
    assert info.value.action == "getiteminfos"
    assert route.call_count == 1  # none of these is retried


def test_item_status_error_is_a_parameter_error(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """Callers catching ParameterError also catch the status refusal."""
    mock.get("/sales_ws").mock(return_value=_xml("error_status.xml", 400))
    with pytest.raises(ParameterError):
        client.refuse_sale("1")


def test_quota_error_says_hourly_and_is_not_hammered(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """After a quota error, further calls fail at once without reaching Rakuten."""
    route = mock.get("/sales_ws").mock(return_value=_xml("error_quota.xml"))
    with pytest.raises(QuotaExceededError) as info:
        client.get_new_sales()
    assert "hour" in info.value.fix
    assert 60 <= info.value.retry_after_s <= 3600
    with pytest.raises(QuotaExceededError, match="Not calling"):
        client.get_new_sales()
    assert route.call_count == 1


def test_server_errors_are_retried_with_backoff(
    client: RakutenClient, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """A 500 then a 503 then success: two waits, growing, then the answer."""
    route = mock.get("/sales_ws").mock(
        side_effect=[
            _xml("error_server.xml", 500),
            httpx.Response(503, content=b"Service Unavailable"),
            _xml("getnewsales_one.xml"),
        ]
    )
    assert len(client.get_new_sales()) == 1
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5
    assert 0.5 <= sleeps[1] <= 1.0


def test_connection_errors_and_timeouts_are_retried_then_raised(
    client: RakutenClient, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """Connection errors and timeouts are retried up to the policy, then raised."""
    route = mock.get("/sales_ws").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.ReadTimeout("slow"),
            httpx.ReadTimeout("slow"),
        ]
    )
    with pytest.raises(APITimeoutError) as info:
        client.get_new_sales()
    assert isinstance(info.value, APIConnectionError)
    assert route.call_count == 3
    assert len(sleeps) == 2


def test_truncated_body_is_retried(
    client: RakutenClient, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """A body cut short is fetched again."""
    route = mock.get("/sales_ws").mock(
        side_effect=[_xml("getcurrentsales_truncated.xml"), _xml("getnewsales_one.xml")]
    )
    assert len(client.get_new_sales()) == 1
    assert route.call_count == 2
    assert len(sleeps) == 1


def test_html_page_is_not_retried_and_explained(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """An HTML page from a proxy (200) is reported at once with an excerpt."""
    route = mock.get("/sales_ws").mock(
        return_value=httpx.Response(200, content=fixture_bytes("proxy_error.html"))
    )
    with pytest.raises(ResponseParseError, match="HTML page"):
        client.get_new_sales()
    assert route.call_count == 1


def test_html_page_with_5xx_is_a_server_error_and_retried(
    client: RakutenClient, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """A 502 HTML page is a server error: retried, then raised as ServerError."""
    route = mock.get("/sales_ws").mock(
        return_value=httpx.Response(502, content=fixture_bytes("proxy_error.html"))
    )
    with pytest.raises(ServerError, match="HTTP 502"):
        client.get_new_sales()
    assert route.call_count == 3


def test_client_repr_hides_token(client: RakutenClient) -> None:
    """The client's repr names the login and never the token."""
    assert CANARY_TOKEN not in repr(client)
    assert "ma-boutique" in repr(client)
    assert "***" in repr(client)


@pytest.mark.parametrize(
    ("detail", "fix_words"),
    [
        (
            "Statut incorrect : the item must be accepted before its shipment is confirmed.",
            "Accept",
        ),
        ("Cet article a déjà été expédié (item already shipped).", "already confirmed"),
        ("Statut incorrect : the item is not awaiting acceptance.", "no longer awaiting"),
    ],
)
def test_status_refusals_each_get_their_own_fix(
    client: RakutenClient, mock: respx.MockRouter, detail: str, fix_words: str
) -> None:
    """Not accepted yet, already shipped, not awaiting acceptance: three different fixes."""
    body = fixture_bytes("error_status.xml").replace(
        b"Statut incorrect : the item must be accepted before its shipment is confirmed.",
        detail.encode("iso-8859-1"),
    )
    mock.get("/sales_ws").mock(return_value=httpx.Response(400, content=body))
    with pytest.raises(ItemStatusError) as info:
        client.accept_sale("1")
    assert fix_words in info.value.fix


def test_batch_error_mixing_status_and_url_is_a_parameter_error(
    client: RakutenClient, mock: respx.MockRouter
) -> None:
    """A batch refusal with a URL problem among its lines is not reported as a status error."""
    mock.post("/sales_ws").mock(return_value=_xml("error_import_many.xml", 400))
    shipment = Shipment(
        item_id="1",
        purchase_id="2",
        transporter_name="UPS",
        tracking_number="1Z",
        tracking_url="https://x.invalid",
    )
    with pytest.raises(ParameterError) as info:
        client.import_item_shipping_status([shipment])
    assert not isinstance(info.value, ItemStatusError)
    assert "260300002" in (info.value.detail or "")


def test_proxy_page_quoting_the_url_never_leaks_the_token(
    client: RakutenClient, mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """A proxy page that repeats the request URL (pwd= and all) leaks nothing anywhere."""

    def echo(request: httpx.Request) -> httpx.Response:
        page = f"<html><body><h1>503</h1><p>Upstream failed for {request.url}</p></body></html>"
        return httpx.Response(503, content=page.encode())

    def echo_bad_xml(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=f"<oops>{request.url}".encode())

    mock.get("/sales_ws", params={"action": "getnewsales"}).mock(side_effect=echo)
    mock.get("/sales_ws", params={"action": "getitemtodolist"}).mock(side_effect=echo_bad_xml)
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for call in (client.get_new_sales, client.get_item_todo_list):
            with pytest.raises(APIError) as info:
                call()
            error = info.value
            texts += [str(error), repr(error), error.fix, error.detail or "", *map(str, error.args)]
    texts.append(caplog.text)
    joined = "\n".join(texts)
    assert "Upstream failed" in joined  # the excerpt is there...
    assert CANARY_TOKEN not in joined  # ...but not the token
    assert CANARY_TOKEN[:10] not in joined


def test_retry_warnings_are_redacted_even_with_handlers_added_later(
    credentials: Credentials, mock: respx.MockRouter
) -> None:
    """Records of the API logger are redacted whatever handler a notebook adds afterwards."""
    import io

    mock.get("/sales_ws").mock(
        side_effect=lambda request: httpx.Response(500, content=str(request.url).encode())
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    api_logger = logging.getLogger("rakuten_assist.api")
    with RakutenClient(
        credentials, settings=Settings(base_url=BASE_URL, max_attempts=2), sleep=lambda _: None
    ) as c:
        api_logger.addHandler(handler)  # added after the client, as basicConfig would be
        try:
            with pytest.raises(ServerError):
                c.get_new_sales()
        finally:
            api_logger.removeHandler(handler)
    assert "retrying" in stream.getvalue()
    assert CANARY_TOKEN not in stream.getvalue()


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(
            500,
            content=b"<errorresponse><error><type>ServerError</type>"
            b"<code>ServerError</code><message>Boom.</message></error></errorresponse>",
        ),
        httpx.ReadTimeout("slow"),
    ],
)
def test_shipping_is_never_sent_twice_after_an_unknown_outcome(
    client: RakutenClient, mock: respx.MockRouter, response: httpx.Response | Exception
) -> None:
    """A 5xx or a read timeout on settrackingpackageinfos is not retried: it may have worked."""
    route = mock.get("/sales_ws").mock(side_effect=[response])
    shipment = Shipment(
        item_id="1", transporter_name="UPS", tracking_number="1Z", tracking_url="https://x.invalid"
    )
    with pytest.raises(APIError) as info:
        client.set_tracking_package_infos(shipment)
    assert route.call_count == 1
    assert "before sending it again" in info.value.fix


def test_state_change_is_retried_when_the_connection_never_opened(
    client: RakutenClient, mock: respx.MockRouter, sleeps: list[float]
) -> None:
    """A refused connection means nothing reached Rakuten: acceptsale is sent again."""
    route = mock.get("/sales_ws").mock(
        side_effect=[httpx.ConnectError("refused"), _xml("acceptsale.xml")]
    )
    assert client.accept_sale("260300001").status == "Accepted"
    assert route.call_count == 2
    assert len(sleeps) == 1
