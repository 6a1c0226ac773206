"""Builders for the matching tests: order lines, order frames and catalogues made in memory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from rakuten_assist.models import Address, Money, OrderLine, RelayPoint, Sale, SaleItem

PARIS = ZoneInfo("Europe/Paris")


def make_line(
    item_id: str = "900001",
    *,
    sku: str | None = "RK-10042",
    source: str = "new",
    status: str = "REQUESTED",
    country: str | None = "FR",
    zipcode: str | None = "75005",
    shipping_type: str | None = "Suivi",
    relay: RelayPoint | None = None,
    purchase_date: datetime | None = None,
    price: str | None = "34.90",
    ean: str | None = None,
    **item_fields: Any,
) -> OrderLine:
    """One order line with a buyer whose personal data is easy to spot in output."""
    address = Address(
        first_name="Hélène",
        last_name="Dupré",
        address1="12 rue des Écoles",
        zipcode=zipcode,
        city="PARIS",
        country="France",
        country_code=country,
        phone1="0612345678",
    )
    item = SaleItem(
        item_id=item_id,
        sku=sku,
        ean=ean,
        status=status,
        price=Money(amount=Decimal(price)) if price is not None else None,
        headline="Théière en fonte",
        **item_fields,
    )
    sale = Sale(
        purchase_id=f"P{item_id}",
        purchase_date=purchase_date or datetime(2026, 11, 20, 10, 30, tzinfo=PARIS),
        shipping_type=shipping_type,
        buyer_login="helene75",
        buyer_email="helene@example.invalid",
        delivery_address=address,
        relay_point=relay,
        items=(item,),
    )
    return OrderLine(source=source, sale=sale, item=item)  # type: ignore[arg-type]


@pytest.fixture
def line() -> Callable[..., OrderLine]:
    """The order-line builder."""
    return make_line


def items_frame(skus: list[str | None], eans: list[str | None] | None = None) -> pd.DataFrame:
    """An items frame shaped like orders_frame's key columns."""
    return pd.DataFrame(
        {
            "item_id": pd.Series([f"i{n}" for n in range(len(skus))], dtype="str"),
            "sku": pd.Series(skus, dtype="str"),
            "ean": pd.Series(eans if eans is not None else [None] * len(skus), dtype="str"),
        }
    )


def catalog_frame(**columns: list[str | None]) -> pd.DataFrame:
    """A catalogue with string columns, as load_catalog returns it."""
    return pd.DataFrame({name: pd.Series(values, dtype="str") for name, values in columns.items()})


@pytest.fixture
def items() -> Callable[..., pd.DataFrame]:
    """The items-frame builder: ``items(["RK-1", None], eans=[...])``."""
    return items_frame


@pytest.fixture
def catalog() -> Callable[..., pd.DataFrame]:
    """The catalogue builder: ``catalog(id=[...], sku=[...])``."""
    return catalog_frame
