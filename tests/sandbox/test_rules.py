"""Business rules: acceptance, refusal, shipment confirmation and their exact refusals."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

COLISSIMO_URL = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"
NOT_ACCEPTED = "Statut incorrect : the item must be accepted before its shipment is confirmed."
ALREADY_SHIPPED = "Cet article a déjà été expédié (item already shipped)."
NOT_AWAITING = "Statut incorrect : the item is not awaiting acceptance."


def _waiting_item(sandbox):
    return sandbox.state.new_sales()[0][1][0]


def _accepted_item(sandbox):
    return sandbox.state.current_sales()[0][1][0]


def _ship(service, item_id, **overrides):
    params = {
        "itemid": item_id,
        "transporter_name": "Colissimo",
        "tracking_number": "6A12345678901",
        "tracking_url": COLISSIMO_URL,
        **overrides,
    }
    return service.call("settrackingpackageinfos", **params)


def _new_ids(service):
    return service.call("getnewsales").texts("response/sales/sale/items/item/itemid")


def _current_ids(service):
    ids, token = [], ""
    while True:
        page = service.call("getcurrentsales", nexttoken=token)
        ids += page.texts("response/sales/sale/items/item/itemid")
        token = page.text("response/nexttoken")
        if not token:
            return ids


def test_accepting_moves_the_item_from_new_to_current_sales(service, sandbox):
    """acceptsale answers Accepted and moves the item from getnewsales to getcurrentsales."""
    item = _waiting_item(sandbox)
    assert item.item_id in _new_ids(service)
    answer = service.call("acceptsale", itemid=item.item_id, shippingfromcountry="249")
    assert answer.root.tag == "saleacceptanceresult"
    assert answer.namespace == "https://fr.shopping.rakuten.com/res/schema/acceptsale"
    assert answer.text("response/status") == "Accepted"
    assert answer.text("request/shippingfromcountry") == "249"
    assert sandbox.state.item(item.item_id).status == "ACCEPTED"
    assert item.item_id not in _new_ids(service)
    assert item.item_id in _current_ids(service)
    infos = service.call("getiteminfos", itemid=item.item_id)
    assert "ITEM_COMMITTED" in infos.texts("response/item/itemlog/itemlogcode")


def test_accepting_twice_is_refused_with_the_status_text(service, sandbox):
    """A second acceptsale of the same item gets 'not awaiting acceptance' (HTTP 400)."""
    item = _waiting_item(sandbox)
    service.call("acceptsale", itemid=item.item_id, shippingfromcountry="249")
    again = service.call("acceptsale", itemid=item.item_id, shippingfromcountry="249")
    assert again.status == 400
    assert again.error == ("Sender", "ParameterError", "Problem with parameters.", [NOT_AWAITING])


def test_acceptsale_2021_needs_a_numeric_shipping_country(service, sandbox):
    """Version 2021-04-08 requires shippingfromcountry, numeric; 2010-09-20 does not."""
    item = _waiting_item(sandbox)
    missing = service.call("acceptsale", itemid=item.item_id)
    assert missing.error[3] == ["The parameter shippingfromcountry is mandatory"]
    alpha = service.call("acceptsale", itemid=item.item_id, shippingfromcountry="FR")
    assert alpha.error[3] == ["The parameter 'shippingfromcountry' is invalid."]
    assert sandbox.state.item(item.item_id).status != "ACCEPTED"
    old = service.call("acceptsale", itemid=item.item_id, version="2010-09-20")
    assert old.text("response/status") == "Accepted"


def test_acceptsale_refuses_250_for_france(service, sandbox):
    """France's usual ISO code 250 is refused: Rakuten wants 249 for metropolitan France."""
    item = _waiting_item(sandbox)
    answer = service.call("acceptsale", itemid=item.item_id, shippingfromcountry="250")
    assert answer.error[1] == "ParameterError"
    assert answer.error[3] == ["The parameter 'shippingfromcountry' is invalid."]
    assert sandbox.state.item(item.item_id).status != "ACCEPTED"


def test_refusing_takes_the_item_out_of_both_lists(service, sandbox):
    """refusesale marks the item REFUSED; it shows in neither getnewsales nor getcurrentsales."""
    item = _waiting_item(sandbox)
    answer = service.call("refusesale", itemid=item.item_id)
    assert answer.root.tag == "salerefusalresult"
    assert answer.text("response/status") == "Refused"
    assert sandbox.state.item(item.item_id).status == "REFUSED"
    assert item.item_id not in _new_ids(service)
    assert item.item_id not in _current_ids(service)
    assert service.call("refusesale", itemid=item.item_id).error[3] == [NOT_AWAITING]


@pytest.mark.parametrize(
    "action", ["acceptsale", "refusesale", "getiteminfos", "settrackingpackageinfos"]
)
def test_an_unknown_itemid_is_invalid(service, action):
    """Every item action answers an unknown itemid with the exact ParameterError, HTTP 400."""
    answer = (
        _ship(service, "999999999")
        if action == "settrackingpackageinfos"
        else service.call(action, itemid="999999999", shippingfromcountry="249")
    )
    assert answer.status == 400
    assert answer.error == (
        "Sender",
        "ParameterError",
        "Problem with parameters.",
        ["The parameter 'itemid' is invalid."],
    )


def test_shipping_records_carrier_number_and_url(service, sandbox):
    """settrackingpackageinfos answers OK with the camelCase echo and records the shipment."""
    item = _accepted_item(sandbox)
    answer = _ship(service, item.item_id)
    assert answer.root.tag == "setshippingpackageinfosresult"
    assert answer.text("request/transporterName") == "Colissimo"
    assert answer.text("request/trackingNumber") == "6A12345678901"
    assert answer.text("request/trackingUrl") == COLISSIMO_URL
    assert answer.text("response/status") == "OK"
    shipment = sandbox.state.item(item.item_id).shipment
    assert (shipment.transporter, shipment.tracking_number, shipment.tracking_url) == (
        "Colissimo",
        "6A12345678901",
        COLISSIMO_URL,
    )
    infos = service.call("getiteminfos", itemid=item.item_id)
    assert "ITEM_SHIPPED" in infos.texts("response/item/itemlog/itemlogcode")
    assert COLISSIMO_URL in infos.texts("response/item/itemlog/complement")


def test_shipping_before_acceptance_and_twice_are_refused(service, sandbox):
    """Tracking for an item not accepted, or already shipped, gets Rakuten's status texts."""
    waiting = _ship(service, _waiting_item(sandbox).item_id)
    assert waiting.status == 400
    assert waiting.error[3] == [NOT_ACCEPTED]
    item = _accepted_item(sandbox)
    assert _ship(service, item.item_id).status == 200
    assert _ship(service, item.item_id).error[3] == [ALREADY_SHIPPED]


@pytest.mark.parametrize(
    ("overrides", "detail"),
    [
        ({"tracking_url": ""}, "The parameter 'tracking_url' is mandatory."),
        (
            {"transporter_name": "Autre", "tracking_url": ""},
            "The parameter 'tracking_url' is mandatory.",
        ),
        ({"tracking_url": "www.laposte.fr/suivi"}, "The parameter 'tracking_url' is invalid."),
        ({"tracking_url": "ftp://example.com/x"}, "The parameter 'tracking_url' is invalid."),
        ({"transporter_name": ""}, "The parameter 'transporter_name' is mandatory."),
        ({"tracking_number": ""}, "The parameter 'tracking_number' is mandatory."),
        (
            {"tracking_number": "6A 1234-5678"},
            "Numéro incorrect : the tracking number contains invalid characters.",
        ),
    ],
)
def test_shipment_parameters_are_checked(service, sandbox, overrides, detail):
    """A missing or malformed tracking parameter is refused with its exact detail."""
    item = _accepted_item(sandbox)
    answer = _ship(service, item.item_id, **overrides)
    assert answer.status == 400
    assert answer.error == ("Sender", "ParameterError", "Problem with parameters.", [detail])
    assert sandbox.state.item(item.item_id).shipment is None


def _import_file(*lines):
    body = "".join(
        f"<item><purchaseid>{p}</purchaseid><itemid>{i}</itemid><transporter>{t}</transporter>"
        f"<trackingnumber>{n}</trackingnumber><trackingurl>{u}</trackingurl></item>"
        for p, i, t, n, u in lines
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><items>{body}</items>'.encode()


def test_import_applies_every_line_when_all_are_valid(service, sandbox):
    """A valid import file records every shipment and answers importresult OK."""
    items = [items[0] for _, items in sandbox.state.current_sales()[:3]]
    xml = _import_file(
        *(
            (i.purchase_id, i.item_id, "Colissimo", f"6A1234567890{n}", COLISSIMO_URL)
            for n, i in enumerate(items)
        )
    )
    answer = service.upload(xml)
    assert answer.root.tag == "importresult"
    assert answer.text("response/status") == "OK"
    assert answer.namespace == "https://fr.shopping.rakuten.com/res/schema/importitemshippingstatus"
    for n, item in enumerate(items):
        shipment = sandbox.state.item(item.item_id).shipment
        assert shipment.tracking_number == f"6A1234567890{n}"
        assert shipment.via == "importitemshippingstatus"


def test_import_refuses_the_whole_file_with_one_detail_per_bad_line(service, sandbox):
    """One bad line refuses the whole file, with one detail per refused item id."""
    good, no_url = (items[0] for _, items in sandbox.state.current_sales()[:2])
    waiting = _waiting_item(sandbox)
    xml = _import_file(
        (good.purchase_id, good.item_id, "Colissimo", "6A12345678901", COLISSIMO_URL),
        (no_url.purchase_id, no_url.item_id, "Autre", "XY123", ""),
        (waiting.purchase_id, waiting.item_id, "Colissimo", "6A12345678902", COLISSIMO_URL),
        ("430000001", "999999999", "Colissimo", "6A12345678903", COLISSIMO_URL),
    )
    answer = service.upload(xml)
    assert answer.status == 400
    assert answer.error[:3] == ("Sender", "ParameterError", "Problem with parameters.")
    assert answer.error[3] == [
        f"{no_url.item_id}: The parameter 'tracking_url' is mandatory.",
        f"{waiting.item_id}: {NOT_ACCEPTED}",
        "999999999: The parameter 'itemid' is invalid.",
    ]
    assert sandbox.state.item(good.item_id).shipment is None


def test_import_without_a_file_names_the_parameter(service):
    """importitemshippingstatus sent as a GET without a file says the file is mandatory."""
    assert service.call("importitemshippingstatus").error[3] == ["The parameter file is mandatory"]
