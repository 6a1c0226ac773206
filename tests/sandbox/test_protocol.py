"""The shape of every sales_ws answer: roots, namespaces, echoes, sales, items, encoding."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

pytestmark = pytest.mark.integration

SALE_CHILDREN = ["purchaseid", "purchasedate", "deliveryinformation", "items"]
DELIVERY_CHILDREN = [
    "shippingtype",
    "purchasebuyerlogin",
    "purchasebuyeremail",
    "deliveryaddress",
    "billingaddress",
]
ADDRESS_CHILDREN = [
    "civility",
    "lastname",
    "firstname",
    "address1",
    "address2",
    "zipcode",
    "city",
    "country",
    "countryalpha2",
    "phonenumber1",
    "phonenumber2",
]
ITEM_CHILDREN = [
    "sku",
    "advertid",
    "advertpricelisted",
    "itemid",
    "headline",
    "itemstatus",
    "ispreorder",
    "is_fulfilment",
    "isnego",
    "price",
    "isrsl",
    "isbn",
    "ean",
    "paymentstatus",
]


def _children(element):
    return [child.tag for child in element]


def test_getnewsales_lists_only_items_awaiting_acceptance(service):
    """getnewsales answers getnewsalesresult with every sale shape field and waiting items only."""
    answer = service.call("getnewsales")
    assert answer.status == 200
    assert answer.root.tag == "getnewsalesresult"
    assert answer.namespace == "http://pmcdn.priceminister.com/res/schema/getnewsales"
    assert answer.text("request/version") == "2017-08-07"
    assert answer.text("request/user") == "demo-boutique"
    assert answer.text("response/lastversion") == "2017-08-07"
    assert answer.root.find("response/nexttoken") is None
    sales = answer.root.findall("response/sales/sale")
    assert sales
    for sale in sales:
        assert set(SALE_CHILDREN) <= set(_children(sale))
        assert set(DELIVERY_CHILDREN) <= set(_children(sale.find("deliveryinformation")))
        for item in sale.findall("items/item"):
            assert set(ITEM_CHILDREN) <= set(_children(item))
            assert item.findtext("itemstatus") in {"TO_CONFIRM", "REQUESTED", "REMINDED"}
    statuses = set(answer.texts("response/sales/sale/items/item/itemstatus"))
    assert statuses == {"TO_CONFIRM", "REQUESTED", "REMINDED"}


def test_getcurrentsales_has_its_namespace_token_and_accepted_items(service):
    """getcurrentsales answers in its own namespace with a nexttoken and accepted items."""
    answer = service.call("getcurrentsales")
    assert answer.root.tag == "getcurrentsalesresult"
    assert answer.namespace == "http://pmcdn.priceminister.com/res/schema/getcurrentsales"
    assert answer.root.find("response/nexttoken") is not None
    assert answer.text("request/ispendingpreorder") == "false"
    assert len(answer.root.findall("response/sales/sale")) == 10
    statuses = set(answer.texts("response/sales/sale/items/item/itemstatus"))
    assert statuses <= {"ACCEPTED", "ON_HOLD"}
    for address in answer.root.iter("deliveryaddress"):
        assert _children(address) == ADDRESS_CHILDREN


def test_answers_are_iso_8859_1_with_character_references(service):
    """Answers are Latin-1 bytes; a name outside Latin-1 comes as character references."""
    response = service.raw("getnewsales")
    assert response.headers["content-type"] == "text/xml;charset=ISO-8859-1"
    assert response.content.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    everything = response.content + b"".join(
        service.raw("getcurrentsales", nexttoken=token).content for token in _all_tokens(service)
    )
    for name in ("Hélène", "Françoise", "Müller", "Núñez"):
        assert name.encode("latin-1") in everything
    assert "é".encode() not in everything  # no UTF-8 sneaking in
    # Łukasz Wiśniewski: Ł is U+0141 (321) and ś U+015B (347), outside Latin-1
    assert b"<firstname>&#321;<![CDATA[ukasz]]></firstname>" in everything
    assert b"<lastname><![CDATA[Wi]]>&#347;<![CDATA[niewski]]></lastname>" in everything
    first_names = service.read(response).texts(
        "response/sales/sale/deliveryinformation/deliveryaddress/firstname"
    )
    assert "Łukasz" in first_names


def _all_tokens(service):
    tokens, token = [""], ""
    while True:
        token = service.call("getcurrentsales", nexttoken=token).text("response/nexttoken")
        if not token:
            return tokens
        tokens.append(token)


def _all_sales(service):
    sales = list(service.call("getnewsales").root.findall("response/sales/sale"))
    for token in _all_tokens(service):
        sales += service.call("getcurrentsales", nexttoken=token).root.findall(
            "response/sales/sale"
        )
    return sales


def test_sales_cover_countries_relays_dates_and_prices(service, now):
    """The demo sales span six-plus countries (FX majority), three relay networks and ten days."""
    sales = _all_sales(service)
    countries = [s.findtext("deliveryinformation/deliveryaddress/countryalpha2") for s in sales]
    assert len(set(countries)) >= 6
    assert countries.count("FX") > len(countries) / 2
    assert "FR" not in countries  # Rakuten says FX for metropolitan France
    relays = {
        s.findtext("deliveryinformation/shippingtype"): s.find(
            "deliveryinformation/collectionpointaddress"
        )
        for s in sales
        if s.find("deliveryinformation/collectionpointaddress") is not None
    }
    assert {"Point relais Mondial Relay", "Relais Colis", "Chronopost Pickup"} <= set(relays)
    for point in relays.values():
        assert point.findtext("id")
        assert point.findtext("zipcode")
    for sale in sales:
        date = datetime.strptime(sale.findtext("purchasedate"), "%d/%m/%Y-%H:%M")
        assert now - timedelta(days=10) <= date.replace(tzinfo=now.tzinfo) <= now
    nego = [i for s in sales for i in s.iter("item") if i.findtext("isnego") == "Y"]
    assert len(nego) == 1
    assert float(nego[0].findtext("price/amount")) < float(
        nego[0].findtext("advertpricelisted/amount")
    )


def test_unknown_parameters_are_ignored(service):
    """An integrator's channel parameter changes nothing in the answer."""
    plain = service.raw("getnewsales")
    with_channel = service.raw("getnewsales", channel="HashTagPlentymarket")
    assert with_channel.status_code == 200
    assert with_channel.content == plain.content


def test_getitemtodolist_lists_items_and_causes(service):
    """getitemtodolist lists items that need the seller, each with its causes."""
    answer = service.call("getitemtodolist")
    assert answer.root.tag == "getitemtodolistresult"
    assert answer.text("response/lastversion") == "2011-09-01"
    causes = answer.texts("response/items/item/causes/cause")
    assert {"CLAIM", "UNREAD_MESSAGE_FROM_BUYER"} <= set(causes)


def test_getiteminfos_gives_status_payment_and_history(service, sandbox):
    """getiteminfos answers the item's status, payment status and itemlog history."""
    item_id = sandbox.state.sales[-1].items[0].item_id
    answer = service.call("getiteminfos", itemid=item_id)
    assert answer.root.tag == "getiteminfosresult"
    assert answer.text("request/itemid") == item_id
    assert answer.text("response/item/itemid") == item_id
    assert answer.text("response/item/itemstatus") == sandbox.state.item(item_id).status
    assert answer.text("response/item/paymentstatus")
    assert "ITEM_REQUESTED" in answer.texts("response/item/itemlog/itemlogcode")


def test_getiteminfos_marks_the_items_messages_read(service, sandbox):
    """getiteminfos shows an unread buyer message once; then getitemtodolist no longer lists it."""

    def unread() -> set[str]:
        answer = service.call("getitemtodolist")
        return {
            item.findtext("itemid")
            for item in answer.root.iterfind("response/items/item")
            if any(c.text.startswith("UNREAD_MESSAGE") for c in item.iterfind("causes/cause"))
        }

    (item_id,) = unread()
    other = next(i for s in sandbox.state.sales for i in s.items if i.item_id != item_id)
    sandbox.state.item(other.item_id).todo_causes = ("UNREAD_MESSAGE_FROM_BUYER",)
    assert unread() == {item_id, other.item_id}
    service.call("getiteminfos", itemid=item_id)
    assert unread() == {other.item_id}


def test_getshippinginformation_and_billing_describe_one_purchase(service, sandbox):
    """getshippinginformation and getbillinginformation answer for a purchase id."""
    sale = sandbox.state.sales[0]
    shipping = service.call("getshippinginformation", purchaseid=sale.purchase_id)
    assert shipping.root.tag == "getshippinginformationresult"
    info = "response/shippinginformation"
    assert shipping.text(f"{info}/shippingtype") == sale.shipping_type
    assert shipping.text(f"{info}/purchaseshippingcostprice/currency") == "EUR"
    assert shipping.text(f"{info}/billingaddress/countryalpha2")
    billing = service.call("getbillinginformation", purchaseid=sale.purchase_id)
    assert billing.root.tag == "getbillinginformationresult"
    item_ids = billing.texts("response/billinginformation/items/item/itemid")
    assert item_ids == [item.item_id for item in sale.items]
    assert billing.text("response/billinginformation/items/item/paymentamount/amount")
    unknown = service.call("getbillinginformation", purchaseid="1")
    assert unknown.error[3] == ["The parameter 'purchaseid' is invalid."]


@pytest.mark.parametrize("missing", ["action", "login", "pwd", "version"])
def test_each_mandatory_parameter_is_named_when_missing(service, missing):
    """A request without action, login, pwd or version names the missing parameter."""
    params = {
        "action": "getnewsales",
        "login": "demo-boutique",
        "pwd": service.sandbox.token,
        "version": "2017-08-07",
    }
    del params[missing]
    answer = service.read(service.http.get(service.sandbox.service_url, params=params))
    assert answer.error == (
        "Sender",
        "ParameterError",
        "Problem with parameters",
        [f"The parameter {missing} is mandatory"],
    )


def test_unknown_action_and_version_are_invalid(service):
    """An unknown action or version gets 'The parameter action/version is invalid'."""
    assert service.call("getsomething").error[3] == ["The parameter action is invalid"]
    assert service.call("getnewsales", version="1999-01-01").error[3] == [
        "The parameter version is invalid"
    ]
    assert service.call("getnewsales", version="2014-02-11").status == 200
