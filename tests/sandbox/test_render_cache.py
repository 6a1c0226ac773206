"""Pages rendered once and served again: always the bytes the present state renders."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rakuten_assist.sandbox import running_sandbox
from rakuten_assist.sandbox._xml_writer import _cdata, _clean

from .conftest import NOW

COLISSIMO_URL = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"


def _reference_clean(text: str) -> str:
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")


def _reference_cdata(text: str) -> str:
    """The character-by-character writer the sandbox used before its fast path."""
    parts: list[str] = []
    run: list[str] = []
    for ch in _reference_clean(text):
        if ord(ch) > 0xFF:
            if run:
                parts.append("<![CDATA[" + "".join(run).replace("]]>", "]]]]><![CDATA[>") + "]]>")
                run.clear()
            parts.append(f"&#{ord(ch)};")
        else:
            run.append(ch)
    if run:
        parts.append("<![CDATA[" + "".join(run).replace("]]>", "]]]]><![CDATA[>") + "]]>")
    return "".join(parts) or "<![CDATA[]]>"


_TEXTS = st.text(
    alphabet=st.sampled_from(["a", "é", "ÿ", "Ł", "€", "]", ">", "\x00", "\x1f", "\t", "\n", " "]),
    max_size=30,
)


@given(_TEXTS)
def test_cdata_writes_what_the_character_by_character_writer_wrote(text):
    """CDATA sections, character references and dropped control characters are unchanged."""
    assert _clean(text) == _reference_clean(text)
    assert _cdata(text) == _reference_cdata(text)


@pytest.mark.integration
def test_a_page_served_twice_is_the_page_a_fresh_sandbox_renders(service):
    """The second answer for a page is byte for byte the first, and the same as a new sandbox's."""
    first = service.raw("getcurrentsales").content
    second = service.raw("getcurrentsales").content
    with running_sandbox(seed=42, sales=40, page_size=10, now=NOW) as fresh:
        with httpx.Client(timeout=10) as http:
            query = {
                "action": "getcurrentsales",
                "login": fresh.login,
                "pwd": fresh.token,
                "version": "2017-08-07",
            }
            fresh_page = http.get(fresh.service_url, params=query).content
    assert first == second == fresh_page


@pytest.mark.integration
def test_a_shipment_changes_the_not_shipped_page_already_served(service, sandbox):
    """After a shipment, the page of unshipped items no longer lists the shipped item."""
    item = sandbox.state.current_sales()[0][1][0]

    def unshipped() -> list[str]:
        page = service.call("getcurrentsales", notshippeditemsonly="true")
        return page.texts("response/sales/sale/items/item/itemid")

    assert item.item_id in unshipped()
    shipped = service.call(
        "settrackingpackageinfos",
        itemid=item.item_id,
        transporter_name="Colissimo",
        tracking_number="6A12345678901",
        tracking_url=COLISSIMO_URL,
    )
    assert shipped.text("response/status") == "OK"
    assert item.item_id not in unshipped()


def test_the_kept_answers_stay_bounded_and_right_whatever_the_filters(service, sandbox):
    """Many distinct filters keep a bounded number of answers, each still the right one."""
    days = [f"2024-06-{day:02d}" for day in range(1, 29)] * 2
    for day in days:
        page = service.call("getcurrentsales", purchasedate=day)
        assert page.text("request/purchasedate") == f"{day[8:]}/{day[5:7]}/{day[:4]}"
    assert len(sandbox.state._rendered) <= 32
