"""Fixtures for the notebook toolkit: a hand-made orders frame and the sandbox's frame."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pandas as pd
import pytest

from rakuten_assist.frames import PARIS, orders_frame
from rakuten_assist.models import Address, Money, OrderLine, Sale, SaleItem
from rakuten_assist.notebook.loading import load_orders

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=PARIS)


def _line(
    purchase_id: str,
    item_id: str,
    *,
    day: int,
    country: str,
    status: str,
    source: str,
    sku: str | None,
    headline: str,
    price: str,
) -> OrderLine:
    address = Address(
        first_name="Jeanne",
        last_name="Martin",
        address1="3 rue des Lilas",
        zipcode="75011",
        city="Paris",
        country_code=country,
        phone1="0600000000",
    )
    sale = Sale(
        purchase_id=purchase_id,
        purchase_date=datetime(2025, 3, day, 10, 30, tzinfo=PARIS),
        shipping_type="Suivi",
        buyer_login="jeanne75",
        buyer_email="jeanne@example.org",
        delivery_address=address,
    )
    item = SaleItem(
        item_id=item_id,
        sku=sku,
        headline=headline,
        status=status,
        price=Money(amount=Decimal(price)),
    )
    return OrderLine(source=source, sale=sale, item=item)  # type: ignore[arg-type]


LINES = [
    _line(
        "P1",
        "I1",
        day=1,
        country="FR",
        status="ACCEPTED",
        source="current",
        sku="RK-1",
        headline="Théière en fonte",
        price="34.90",
    ),
    _line(
        "P1",
        "I2",
        day=1,
        country="FR",
        status="ACCEPTED",
        source="current",
        sku="RK-2",
        headline="Tasse <b>bleue</b>",
        price="9.90",
    ),
    _line(
        "P2",
        "I3",
        day=3,
        country="BE",
        status="REQUESTED",
        source="new",
        sku="RK-3",
        headline="Gourde isotherme",
        price="23.90",
    ),
    _line(
        "P3",
        "I4",
        day=5,
        country="FX",
        status="TO_CONFIRM",
        source="new",
        sku=None,
        headline="Tapis de yoga",
        price="49.90",
    ),
    _line(
        "P4",
        "I5",
        day=5,
        country="CH",
        status="ACCEPTED",
        source="current",
        sku="rk-5",
        headline="Bougie figue",
        price="17.90",
    ),
    _line(
        "P5",
        "I6",
        day=8,
        country="DE",
        status="ON_HOLD",
        source="current",
        sku="RK-6",
        headline="Livre cuisine",
        price="29.90",
    ),
]


@pytest.fixture
def small_frame() -> pd.DataFrame:
    """Six items over five purchases, four countries, both sources, without PII."""
    return orders_frame(LINES, now=NOW)


@pytest.fixture
def small_frame_pii() -> pd.DataFrame:
    """The same six items with buyer personal data."""
    return orders_frame(LINES, now=NOW, with_pii=True)


@pytest.fixture(scope="session")
def sandbox_frame() -> pd.DataFrame:
    """The sandbox's demo open orders (seed 42), fetched once per test session."""
    return load_orders(sandbox=True)
