"""The C walker of sales documents reads exactly what the pure-Python walker reads."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rakuten_assist.api import _sales_xml
from rakuten_assist.api._xml import parse_document
from rakuten_assist.errors import ResponseParseError
from rakuten_assist.sandbox.server import DEMO_LOGIN, DEMO_TOKEN, answer, demo_accounts
from rakuten_assist.sandbox.state import SandboxState

from .conftest import FIXTURES

csales = pytest.importorskip(
    "rakuten_assist.api._csales", reason="the C walker is not built on this machine"
)


def _both(data: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What each walker hands over for the same document."""
    root = parse_document(data)
    python: list[dict[str, Any]] = []
    compiled: list[dict[str, Any]] = []
    _sales_xml._collect(root, python.append)
    csales.collect(
        root,
        _sales_xml._CONTAINERS,
        _sales_xml._ITEM_LEAVES,
        _sales_xml._ADDRESS_LEAVES,
        compiled.append,
    )
    return python, compiled


def _sandbox_documents() -> list[bytes]:
    """Every listing answer of a seeded sandbox store (new sales and each current page)."""
    state = SandboxState.seeded(
        demo_accounts(), seed=7, sales=120, now=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    )
    params = {"login": DEMO_LOGIN, "pwd": DEMO_TOKEN, "version": "2017-08-07"}
    documents = [answer(state, {**params, "action": "getnewsales"})[1]]
    token = ""
    while True:
        status, body = answer(state, {**params, "action": "getcurrentsales", "nexttoken": token})
        assert status == 200
        documents.append(body)
        token = body.split(b"<nexttoken>")[2].split(b"</nexttoken>")[0].decode()
        if not token:
            return documents


def test_the_c_walker_is_in_use_where_it_is_required() -> None:
    """CI sets RAKUTEN_ASSIST_REQUIRE_COMPILED: there, sales are read by the C walker."""
    if not os.environ.get("RAKUTEN_ASSIST_REQUIRE_COMPILED"):
        pytest.skip("RAKUTEN_ASSIST_REQUIRE_COMPILED is not set")
    assert _sales_xml.compiled_walker()


def _readable(path: Path) -> bool:
    try:
        parse_document(path.read_bytes())
    except ResponseParseError:
        return False  # refused before any walker runs (XXE, truncated...)
    return True


@pytest.mark.parametrize(
    "path",
    [path for path in sorted(FIXTURES.glob("*.xml")) if _readable(path)],
    ids=lambda path: path.name,
)
def test_same_values_for_every_fixture(path: Path) -> None:
    """Each recorded answer, quirks included, gives the same raw values from both walkers."""
    python, compiled = _both(path.read_bytes())
    assert compiled == python


def test_same_values_for_every_sandbox_page() -> None:
    """The sandbox's seeded store (accents, relay points, empty SKUs) reads the same."""
    documents = _sandbox_documents()
    assert len(documents) > 2
    for data in documents:
        python, compiled = _both(data)
        assert compiled == python
        assert python  # the pages are not empty: the comparison compared something


def test_same_models_with_and_without_the_c_walker(monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_sales gives equal Sale models whichever walker reads the document."""
    data = (FIXTURES / "getnewsales_many.xml").read_bytes()
    compiled = _sales_xml.parse_sales(parse_document(data))
    monkeypatch.setattr(_sales_xml, "_csales", None)
    assert not _sales_xml.compiled_walker()
    assert _sales_xml.parse_sales(parse_document(data)) == compiled
    assert compiled


# Generated documents: sales, items, addresses and money in any order and nesting, with the
# texts that make walkers differ (spaces of every kind, CDATA, entities, split text).
_TAGS = [
    *_sales_xml._CONTAINERS,
    *_sales_xml._ITEM_LEAVES,
    *_sales_xml._ADDRESS_LEAVES,
    "amount",
    "currency",
    "unknown",
    "items",
    "deliveryinformation",
]
_TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\t\n",
            "RK-1",
            " RK-1 ",
            "\u00a0RK-1\u00a0",
            "\u2003x",
            "\x1c",
            "Lef\u00e8vre",
            "12,50",
            "Y",
            "oui",
            "01/11/2026-10:30",
            "31/02/2026-10:30",
            "01/11/2026-1a:30",
            "01/11/2026-10x30",
            " 01/11/2026-10:30 ",
            "01/11/2026",
            "1/11/2026-10:30:05",
            "\u0661\u0662/11/2026-10:30",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8),
)


def _text_node(draw: st.DrawFn) -> str:
    text = draw(_TEXTS)
    if draw(st.booleans()):
        return "<![CDATA[" + text.replace("]]>", "") + "]]>"
    return escape(text)


# What usually sits inside each container; anything else may turn up anywhere.
_CHILDREN = {
    "sale": [
        "purchaseid",
        "purchasedate",
        "shippingtype",
        "isfullrsl",
        "purchasebuyerlogin",
        "purchasebuyeremail",
        "deliveryaddress",
        "billingaddress",
        "collectionpointaddress",
        "item",
    ],
    "deliveryaddress": list(_sales_xml._ADDRESS_LEAVES),
    "billingaddress": list(_sales_xml._ADDRESS_LEAVES),
    "collectionpointaddress": list(_sales_xml._ADDRESS_LEAVES),
    "item": [*_sales_xml._ITEM_LEAVES, "sku", "price", "advertpricelisted"],
    "price": ["amount", "currency"],
    "advertpricelisted": ["amount", "currency"],
}


@st.composite
def _element(draw: st.DrawFn, tag: str, depth: int) -> str:
    if draw(st.integers(0, 19)) == 0:
        tag = draw(st.sampled_from(_TAGS))  # out of place
    if draw(st.integers(0, 29)) == 0:
        tag = "x:" + tag  # namespaced: neither walker may read it
    children = _CHILDREN.get(tag.removeprefix("x:"))
    if children is None or depth > 3:
        inner = "".join(_text_node(draw) for _ in range(draw(st.integers(0, 2))))
    else:
        names = draw(st.lists(st.sampled_from(children), max_size=8))
        inner = "".join(draw(_element(name, depth + 1)) for name in names)
        if draw(st.integers(0, 9)) == 0:
            inner = _text_node(draw) + inner
    return f"<{tag}>{inner}</{tag}>"


@st.composite
def _content(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(_element("sale", 0), max_size=3)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_content(), encoding=st.sampled_from(["utf-8", "iso-8859-1"]))
def test_same_values_for_generated_documents(body: str, encoding: str) -> None:
    """Any mix of known tags, namespaces and texts gives the same values from both walkers."""
    document = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        f'<getnewsalesresult xmlns:x="urn:other">{body}</getnewsalesresult>'
    )
    try:
        data = document.encode(encoding)
    except UnicodeEncodeError:
        data = document.encode("utf-8").replace(encoding.encode(), b"utf-8", 1)
    python, compiled = _both(data)
    assert compiled == python
