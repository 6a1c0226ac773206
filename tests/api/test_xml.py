"""The parser survives what the real service sends, and refuses what it never should."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from rakuten_assist.api._sales_xml import parse_sales, sales_page
from rakuten_assist.api._xml import find_error, parse_bool, parse_date, parse_document
from rakuten_assist.errors import ResponseParseError

from .conftest import fixture_bytes


def _sales(name: str):  # type: ignore[no-untyped-def]
    return parse_sales(parse_document(fixture_bytes(name)))


def test_one_sale_one_item_is_a_list_of_one() -> None:
    """A document with a single <sale> and a single <item> still gives lists."""
    sales = _sales("getnewsales_one.xml")
    assert len(sales) == 1
    assert [i.item_id for i in sales[0].items] == ["260300001"]
    assert sales[0].items[0].status == "TO_CONFIRM"


def test_many_sales_many_items_with_relay_point_and_empty_sku() -> None:
    """Several sales and items are all read; an empty SKU is None; a relay point is kept."""
    sales = _sales("getnewsales_many.xml")
    assert [s.purchase_id for s in sales] == ["430000002", "430000003"]
    assert [i.item_id for i in sales[0].items] == ["260300002", "260300003"]
    relay_sale = sales[1]
    assert relay_sale.items[0].sku is None
    assert relay_sale.items[0].is_preorder is True
    assert relay_sale.relay_point is not None
    assert relay_sale.relay_point.name == "Tabac de la Gare"
    assert relay_sale.relay_point.id == "020451"
    assert relay_sale.delivery_address is not None
    assert relay_sale.delivery_address.country_code == "DE"


def test_empty_sales_element_gives_no_sales() -> None:
    """``<sales/>`` is an empty answer, not an error."""
    assert _sales("getnewsales_empty.xml") == []


def test_accented_latin1_text_is_decoded() -> None:
    """ISO-8859-1 bytes give the right accented characters."""
    sale = _sales("getnewsales_one.xml")[0]
    assert sale.items[0].headline == "Cafétière émaillée 1 L"
    assert sale.delivery_address is not None
    assert sale.delivery_address.first_name == "Hélène"


def test_utf8_mislabelled_as_latin1_is_read_as_utf8() -> None:
    """UTF-8 bytes under an ISO-8859-1 declaration do not turn into mojibake."""
    sale = _sales("getnewsales_utf8_mislabelled.xml")[0]
    assert sale.items[0].headline == "Cafétière émaillée 1 L"


def test_control_characters_are_dropped() -> None:
    """Control characters inside CDATA do not break the parse."""
    sale = _sales("getnewsales_control_chars.xml")[0]
    assert sale.items[0].headline == "Cafétière émaillée 1 L"


@pytest.mark.parametrize(
    "name",
    ["getcurrentsales_page1.xml", "getcurrentsales_page2.xml", "getcurrentsales_minimal.xml"],
)
def test_any_default_namespace_is_accepted(name: str) -> None:
    """pmcdn, static.fr.shopping and www.priceminister namespaces all parse the same."""
    assert len(_sales(name)) >= 1


def test_prefixed_namespace_is_accepted() -> None:
    """A prefixed namespace on <sale> (UTF-8 document) still yields the sale."""
    sales = _sales("getnewsales_prefixed_ns.xml")
    assert [s.purchase_id for s in sales] == ["430000001"]


def test_minimal_sale_with_absent_elements() -> None:
    """Absent elements give defaults, never an exception."""
    sale = _sales("getcurrentsales_minimal.xml")[0]
    assert sale.purchase_date is None
    assert sale.delivery_address is None
    assert sale.items[0].sku is None
    assert sale.items[0].price is None


def test_fx_is_reported_as_fr() -> None:
    """Rakuten's FX (metropolitan France) becomes the ISO code FR."""
    sale = _sales("getnewsales_one.xml")[0]
    assert sale.country_code == "FR"


def test_money_is_decimal_and_listed_price_is_kept() -> None:
    """Prices are Decimals; the listed price is kept apart from the price paid."""
    sale = _sales("getcurrentsales_page1.xml")[1]
    item = sale.items[0]
    assert item.price is not None
    assert item.listed_price is not None
    assert item.price.amount == Decimal("19.90")
    assert item.listed_price.amount == Decimal("24.90")
    assert item.price.currency == "EUR"


def test_purchase_date_is_paris_time() -> None:
    """``13/07/2024-23:27`` is 23:27 in Paris, i.e. 21:27 UTC in summer."""
    sale = _sales("getnewsales_one.xml")[0]
    assert sale.purchase_date == datetime(2024, 7, 13, 23, 27, tzinfo=ZoneInfo("Europe/Paris"))
    assert sale.purchase_date is not None
    assert sale.purchase_date.utcoffset() is not None
    assert sale.purchase_date.isoformat() == "2024-07-13T23:27:00+02:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/01/2025-08:05", datetime(2025, 1, 1, 8, 5, tzinfo=ZoneInfo("Europe/Paris"))),
        ("21/12/2012", datetime(2012, 12, 21, tzinfo=ZoneInfo("Europe/Paris"))),
        ("", None),
        (None, None),
        ("not a date", None),
    ],
)
def test_parse_date_variants(text: str | None, expected: datetime | None) -> None:
    """Dates with and without time parse; garbage gives None rather than a wrong date."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Y", True), ("y", True), ("true", True), ("N", False), ("", False), (None, False)],
)
def test_parse_bool(text: str | None, expected: bool) -> None:
    """Rakuten's Y/N flags and true/false both read correctly."""
    assert parse_bool(text) is expected


def test_nexttoken_read_and_empty_on_last_page() -> None:
    """The page token is read; an empty token means the last page."""
    _, token = sales_page(parse_document(fixture_bytes("getcurrentsales_page1.xml")))
    assert token == "TOKEN-PAGE-2"
    _, last = sales_page(parse_document(fixture_bytes("getcurrentsales_page3.xml")))
    assert last is None


def test_html_proxy_page_gives_clear_error_with_excerpt() -> None:
    """An HTML page says so, with a short excerpt of what it said."""
    with pytest.raises(ResponseParseError) as info:
        parse_document(fixture_bytes("proxy_error.html"), action="getnewsales")
    assert "HTML page" in info.value.message
    assert "Bad Gateway" in info.value.message
    assert len(info.value.message) < 300


def test_truncated_body_is_flagged_as_truncated() -> None:
    """A body cut in the middle raises a parse error marked truncated (worth a retry)."""
    with pytest.raises(ResponseParseError) as info:
        parse_document(fixture_bytes("getcurrentsales_truncated.xml"))
    assert info.value.truncated is True
    assert "cut short" in info.value.message


@pytest.mark.parametrize("name", ["xxe.xml", "billion_laughs.xml"])
def test_dtd_and_entities_are_refused_unread(name: str) -> None:
    """XXE and entity-expansion documents are refused before parsing."""
    with pytest.raises(ResponseParseError, match="DTD or entity"):
        parse_document(fixture_bytes(name))


def test_entity_declared_later_in_document_is_not_expanded() -> None:
    """A DTD placed after a long prologue is still never expanded nor fetched."""
    padding = b"<!--" + b" " * 5000 + b"-->"
    doc = padding + fixture_bytes("xxe.xml").split(b"?>", 1)[1]
    with pytest.raises(ResponseParseError):
        parse_sales(parse_document(b'<?xml version="1.0"?>' + doc))


def test_oversized_document_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document above the size bound is refused with the bound in the message."""
    import rakuten_assist.api._xml as xml_module

    monkeypatch.setattr(xml_module, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(ResponseParseError, match="bound"):
        parse_document(fixture_bytes("getnewsales_one.xml"))


def test_empty_body_is_an_error() -> None:
    """An empty body is a parse error, not an empty list of sales."""
    with pytest.raises(ResponseParseError, match="empty"):
        parse_document(b"  ")


def test_error_response_is_read_with_all_details() -> None:
    """An errorresponse gives type, code, message and every detail."""
    fault = find_error(parse_document(fixture_bytes("error_import_many.xml")))
    assert fault is not None
    assert fault.code == "ParameterError"
    assert fault.message == "Problem with parameters."
    assert len(fault.details) == 2
    assert "260300002" in fault.details[1]


def test_normal_answer_has_no_error() -> None:
    """A sales answer is not mistaken for an error."""
    assert find_error(parse_document(fixture_bytes("getnewsales_one.xml"))) is None


def test_sku_is_kept_exactly_and_blank_sku_is_none() -> None:
    """Stray spaces around a SKU survive (matching reports them); a blank SKU is None."""
    doc = fixture_bytes("getnewsales_many.xml")
    doc = doc.replace(b"<![CDATA[RK-10042]]>", b"<![CDATA[ RK-10042 ]]>", 1)
    doc = doc.replace(b"<sku><![CDATA[]]></sku>", b"<sku><![CDATA[   ]]></sku>", 1)
    sales = parse_sales(parse_document(doc))
    assert sales[0].items[0].sku == " RK-10042 "
    assert sales[1].items[0].sku is None


def test_spaces_written_without_cdata_are_kept_like_cdata_ones() -> None:
    """The indentation the parser drops is not text: spaces written plainly in a SKU stay."""
    doc = fixture_bytes("getnewsales_many.xml")
    doc = doc.replace(b"<![CDATA[RK-10042]]>", b"  RK-10042 ", 1)
    doc = doc.replace(b"<sku><![CDATA[]]></sku>", b"<sku>\n    </sku>", 1)
    sales = parse_sales(parse_document(doc))
    assert sales[0].items[0].sku == "  RK-10042 "
    assert sales[1].items[0].sku is None


def test_mislabelled_utf8_found_beyond_an_ascii_prefix() -> None:
    """UTF-8 whose first accent comes after 64 KB of ASCII is still read as UTF-8."""
    doc = fixture_bytes("getnewsales_utf8_mislabelled.xml")
    padding = b"<!--" + b"x" * 70_000 + b"-->"
    doc = doc.replace(b"<request>", padding + b"<request>", 1)
    sale = parse_sales(parse_document(doc))[0]
    assert sale.items[0].headline == "Cafétière émaillée 1 L"


def test_latin1_whose_first_accents_happen_to_read_as_utf8_stays_latin1() -> None:
    """Latin-1 text starting with a pair like "Ã©" (valid UTF-8 bytes) is still Latin-1."""
    doc = fixture_bytes("getnewsales_one.xml")
    # "Ã©" in ISO-8859-1 is the two bytes C3 A9, which also spell "é" in UTF-8.
    doc = doc.replace(b"<request>", b"<!-- \xc3\xa9 --><request>", 1)
    sale = parse_sales(parse_document(doc))[0]
    assert sale.delivery_address is not None
    assert sale.delivery_address.last_name == "Lef\xe8vre"


def test_latin1_is_not_mistaken_for_utf8() -> None:
    """A genuine ISO-8859-1 body keeps its accents (no double decoding)."""
    sale = parse_sales(parse_document(fixture_bytes("getnewsales_one.xml")))[0]
    assert sale.delivery_address is not None
    assert sale.delivery_address.last_name == "Lefèvre"


def test_a_prefix_declared_on_an_unprefixed_root_still_names_the_sales() -> None:
    """Sales in a prefix declared beside xmlns:xsi on a plain root are read like plain ones."""
    body = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<getnewsalesresult xmlns="urn:a" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        b' xmlns:p="urn:p"><response><sales><p:sale><purchaseid>7</purchaseid>'
        b"<items><p:item><itemid>9</itemid></p:item></items></p:sale></sales></response>"
        b"</getnewsalesresult>"
    )
    sales = parse_sales(parse_document(body))
    assert [(s.purchase_id, [i.item_id for i in s.items]) for s in sales] == [("7", ["9"])]
