"""The seeded demo data: reproducible to the byte, and full of realistic problems."""

from __future__ import annotations

from datetime import timedelta

from rakuten_assist.sandbox.data import ean13, generate_sales
from rakuten_assist.sandbox.server import DEMO_LOGIN, DEMO_TOKEN, answer, demo_accounts
from rakuten_assist.sandbox.state import SandboxState


def _all_bytes(state):
    """Every listing answer of a store, concatenated."""
    params = {"login": DEMO_LOGIN, "pwd": DEMO_TOKEN, "version": "2017-08-07"}
    chunks = [answer(state, {**params, "action": "getnewsales"})[1]]
    token = ""
    while True:
        status, body = answer(state, {**params, "action": "getcurrentsales", "nexttoken": token})
        assert status == 200
        chunks.append(body)
        token = body.split(b"<nexttoken>")[2].split(b"</nexttoken>")[0].decode()
        if not token:
            return b"".join(chunks)


def test_same_seed_and_now_give_the_same_bytes(now):
    """Two stores built from the same seed and now answer byte-identical documents."""
    first = SandboxState.seeded(demo_accounts(), seed=42, sales=40, now=now)
    second = SandboxState.seeded(demo_accounts(), seed=42, sales=40, now=now)
    assert _all_bytes(first) == _all_bytes(second)


def test_another_seed_gives_other_sales(now):
    """A different seed changes the sales drawn beyond the scripted ones."""
    first = SandboxState.seeded(demo_accounts(), seed=42, sales=40, now=now)
    other = SandboxState.seeded(demo_accounts(), seed=43, sales=40, now=now)
    assert _all_bytes(first) != _all_bytes(other)


def test_eans_carry_valid_gs1_check_digits(now):
    """Every EAN (and ISBN-13) is 13 digits whose last one is the GS1 check digit."""
    products = {item.product for sale in generate_sales(40, seed=1, now=now) for item in sale.items}
    eans = {p.ean for p in products} | {p.isbn for p in products if p.isbn}
    assert eans
    for ean in eans:
        assert len(ean) == 13
        assert ean.isdigit()
        weighted = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(ean[:12]))
        assert int(ean[12]) == (10 - weighted % 10) % 10
    assert ean13("400638133393") == "4006381333931"  # a published GS1 example


def test_skus_have_the_problems_real_catalogues_have(now):
    """SKUs include RK-10042 style, an empty one, lower case, leading zeros and stray spaces."""
    skus = {item.sku for sale in generate_sales(40, seed=42, now=now) for item in sale.items}
    assert "RK-10042" in skus
    assert "" in skus
    assert any(s and s != s.upper() for s in skus)
    assert any(s.startswith("000") for s in skus)
    assert any(s != s.strip() for s in skus)


def test_sales_have_multi_units_preorders_and_every_status(now):
    """Sales include two units of one SKU, a pre-order and new, accepted and on-hold items."""
    sales = generate_sales(40, seed=42, now=now)
    assert any(
        len(sale.items) >= 2 and len({i.sku for i in sale.items}) < len(sale.items)
        for sale in sales
    )
    assert any(len({i.item_id for i in sale.items}) > 1 for sale in sales)
    items = [item for sale in sales for item in sale.items]
    statuses = {item.status for item in items}
    assert {"TO_CONFIRM", "REQUESTED", "REMINDED", "ACCEPTED", "ON_HOLD"} <= statuses
    assert sum(i.status == "ACCEPTED" for i in items) > len(items) / 2
    assert any(i.is_preorder for i in items)
    nego = [i for i in items if i.is_nego]
    assert len(nego) == 1
    assert nego[0].price < nego[0].product.price


def test_ids_and_dates_increase_together_within_ten_days(now):
    """Purchase ids grow with the purchase date, all within the ten days before now."""
    sales = generate_sales(60, seed=5, now=now)
    assert [s.purchase_date for s in sales] == sorted(s.purchase_date for s in sales)
    assert [int(s.purchase_id) for s in sales] == sorted(int(s.purchase_id) for s in sales)
    assert len({s.purchase_id for s in sales}) == 60
    item_ids = [i.item_id for s in sales for i in s.items]
    assert len(set(item_ids)) == len(item_ids)
    for sale in sales:
        assert now - timedelta(days=10) <= sale.purchase_date <= now
        assert sale.purchase_date.utcoffset() == timedelta(hours=2)  # Paris summer time


def test_small_and_empty_shops_work(now):
    """A sandbox with one sale or none still answers valid listings."""
    assert generate_sales(0, seed=42, now=now) == []
    state = SandboxState.seeded(demo_accounts(), seed=42, sales=1, now=now)
    assert b"<sales>" in _all_bytes(state)
