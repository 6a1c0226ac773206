"""getcurrentsales pagination by nexttoken, resumption from a token, and the filters."""

from __future__ import annotations

import math

import pytest

pytestmark = pytest.mark.integration


def _walk(service, **params):
    """Every page from the first, as (token sent, answer)."""
    pages, token = [], ""
    while True:
        answer = service.call("getcurrentsales", nexttoken=token, **params)
        pages.append((token, answer))
        token = answer.text("response/nexttoken")
        if not token:
            return pages


def test_pages_run_to_an_empty_nexttoken_without_gaps_or_repeats(service, sandbox):
    """Following nexttoken reaches an empty token after every current sale, each once."""
    pages = _walk(service)
    expected = [sale.purchase_id for sale, _ in sandbox.state.current_sales()]
    assert len(pages) == math.ceil(len(expected) / 10)
    last = pages[-1][1].root.find("response/nexttoken")
    assert last is not None
    assert (last.text or "") == ""
    seen = [pid for _, page in pages for pid in page.texts("response/sales/sale/purchaseid")]
    assert seen == expected
    assert all(len(page.root.findall("response/sales/sale")) == 10 for _, page in pages[:-1])


def test_resuming_from_a_token_gives_the_same_page(service, sandbox):
    """A token sent again, even after a sale was accepted, gives the same next page."""
    pages = _walk(service)
    token, page_two = pages[1]
    _sale, items = sandbox.state.new_sales()[0]
    assert (
        service.call("acceptsale", itemid=items[0].item_id, shippingfromcountry="249").status == 200
    )
    again = service.call("getcurrentsales", nexttoken=token)
    assert again.texts("response/sales/sale/purchaseid") == page_two.texts(
        "response/sales/sale/purchaseid"
    )
    assert again.text("request/nexttoken") == token


def test_a_foreign_token_is_refused(service):
    """A nexttoken the sandbox never issued is a ParameterError."""
    answer = service.call("getcurrentsales", nexttoken="not-a-token!")
    assert answer.status == 400
    assert answer.error[1] == "ParameterError"
    assert answer.error[3] == ["The parameter 'nexttoken' is invalid."]


def test_purchasedate_filters_from_that_day_and_is_echoed(service, sandbox, now):
    """purchasedate keeps sales from that day on and is echoed as dd/mm/yyyy."""
    since = (now.date().replace(day=now.day - 3)).isoformat()
    pages = _walk(service, purchasedate=since)
    assert (
        pages[0][1].text("request/purchasedate") == f"{now.day - 3:02d}/{now.month:02d}/{now.year}"
    )
    dates = [d for _, p in pages for d in p.texts("response/sales/sale/purchasedate")]
    assert dates
    assert all(int(d[:2]) >= now.day - 3 for d in dates)
    everything = sum(len(sale_items) for sale_items in sandbox.state.current_sales())
    assert len(dates) < everything


def test_an_unreadable_purchasedate_is_ignored(service):
    """A purchasedate Rakuten cannot read is ignored, as the real service does."""
    plain = service.call("getcurrentsales").texts("response/sales/sale/purchaseid")
    odd = service.call("getcurrentsales", purchasedate="yesterday")
    assert odd.texts("response/sales/sale/purchaseid") == plain


def test_pending_preorder_keeps_only_preorders(service):
    """ispendingpreorder=y keeps only pre-ordered items."""
    answer = service.call("getcurrentsales", ispendingpreorder="y")
    assert answer.text("request/ispendingpreorder") == "true"
    flags = answer.texts("response/sales/sale/items/item/ispreorder")
    assert flags
    assert set(flags) == {"Y"}


def test_not_shipped_only_hides_shipped_items(service, sandbox):
    """notshippeditemsonly=true leaves out an item once its shipment is confirmed."""
    item = sandbox.state.current_sales()[0][1][0]
    shipped = service.call(
        "settrackingpackageinfos",
        itemid=item.item_id,
        transporter_name="Colissimo",
        tracking_number="6A12345678901",
        tracking_url="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
    )
    assert shipped.status == 200
    listed = [
        i for _, p in _walk(service) for i in p.texts("response/sales/sale/items/item/itemid")
    ]
    unshipped = [
        i
        for _, p in _walk(service, notshippeditemsonly="true")
        for i in p.texts("response/sales/sale/items/item/itemid")
    ]
    assert item.item_id in listed
    assert item.item_id not in unshipped
    assert len(unshipped) == len(listed) - 1


def test_page_size_sets_sales_per_page(now):
    """page_size decides how many sales a page holds."""
    import httpx

    from rakuten_assist.sandbox import running_sandbox

    with running_sandbox(sales=12, page_size=3, now=now) as sb, httpx.Client() as http:
        params = {
            "action": "getcurrentsales",
            "login": sb.login,
            "pwd": sb.token,
            "version": "2017-08-07",
        }
        counts, token = [], ""
        while True:
            body = http.get(sb.service_url, params={**params, "nexttoken": token}).text
            counts.append(body.count("<sale>"))
            token = body.split("<nexttoken>")[2].split("</nexttoken>")[0]
            if not token:
                break
    assert sum(counts) == len(sb.state.current_sales())
    assert max(counts) == 3
