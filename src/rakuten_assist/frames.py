"""Open orders as pandas DataFrames: one row per item, typed columns, buyer PII only on request."""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from rakuten_assist._country import country_code, country_name
from rakuten_assist._gc import paused_gc
from rakuten_assist.i18n import configured_lang
from rakuten_assist.models import ACCEPTABLE_STATUSES, ItemStatus, Money, OrderLine, Sale

__all__ = [
    "ORDER_COLUMNS",
    "PARIS",
    "PII_COLUMNS",
    "country_code",
    "country_name",
    "orders_frame",
    "postcode_area",
    "to_json_records",
]

#: Rakuten sends French local times; every datetime column is in this zone.
PARIS = ZoneInfo("Europe/Paris")
_DATETIME_DTYPE = pd.DatetimeTZDtype(unit="us", tz="Europe/Paris")

# Words in a shipping type that mean a pick-up point rather than the buyer's door.
_RELAY_WORDS = ("relais", "relay", "relai ", "kiala", "shop2shop", "pickup", "pick-up", "point")

_STR = "str"
_CATEGORY = "category"
_FLOAT = "float64"
_BOOL = "bool"

#: Columns of ``orders_frame`` without PII, in order, with their dtypes.
ORDER_COLUMNS: dict[str, Any] = {
    "purchase_id": _STR,
    "purchase_date": _DATETIME_DTYPE,
    "item_id": _STR,
    "sku": _STR,
    "ean": _STR,
    "advert_id": _STR,
    "headline": _STR,
    "status": _CATEGORY,
    "payment_status": _STR,
    "country": _CATEGORY,
    "country_name": _STR,
    "price": _FLOAT,
    "currency": _STR,
    "listed_price": _FLOAT,
    "shipping_type": _CATEGORY,
    "source": _CATEGORY,
    "age_hours": _FLOAT,
    "needs_acceptance": _BOOL,
    "is_preorder": _BOOL,
    "is_fulfilment": _BOOL,
    "postcode_area": _STR,
    "delivery": _CATEGORY,
    "relay_point_id": _STR,
    "relay_point_name": _STR,
}

#: Buyer personal data, added only with ``with_pii=True``.
PII_COLUMNS: dict[str, Any] = {
    "buyer_login": _STR,
    "buyer_email": _STR,
    "buyer_first_name": _STR,
    "buyer_last_name": _STR,
    "phone1": _STR,
    "phone2": _STR,
    "address1": _STR,
    "address2": _STR,
    "zipcode": _STR,
    "city": _STR,
}

# Fixed categories first so filters list every value even before it occurs.
_FIXED_CATEGORIES: dict[str, list[str]] = {
    "status": [status.value for status in ItemStatus],
    "source": ["new", "current"],
    "delivery": ["home", "relay"],
}


def postcode_area(postcode: str | None, country: str | None) -> str | None:
    """The coarse area of a postcode: the département for France, the first characters else.

    French overseas départements (97x, 98x) keep three digits, since 97 alone would merge
    Guadeloupe, Martinique, Guyane, Réunion and Mayotte.
    """
    if not postcode:
        return None
    compact = "".join(postcode.split()).upper()
    if not compact:
        return None
    if country in (None, "FR") and compact[:2] in ("97", "98"):
        return compact[:3]
    return compact[:2]


_RELAY_PATTERN = re.compile("|".join(re.escape(word) for word in _RELAY_WORDS))


@functools.lru_cache(maxsize=256)
def _relay_shipping(shipping_type: str | None) -> bool:
    """True when the shipping type names a pick-up point (few distinct values: cached)."""
    return _RELAY_PATTERN.search(f"{(shipping_type or '').lower()} ") is not None


def _is_relay(sale: Sale) -> bool:
    relay = sale.relay_point
    if relay is not None and (relay.id or relay.name):
        return True
    return _relay_shipping(sale.shipping_type)


# Per-sale columns, in the order ``_sale_values`` returns them.
_SALE_COLUMNS = (
    "purchase_id",
    "country",
    "country_name",
    "shipping_type",
    "postcode_area",
    "delivery",
    "relay_point_id",
    "relay_point_name",
)
_PII_SALE_COLUMNS = tuple(PII_COLUMNS)
# Item columns read straight from a SaleItem field of the same name.
_ITEM_FIELDS = (
    "item_id",
    "sku",
    "ean",
    "advert_id",
    "headline",
    "status",
    "payment_status",
    "is_preorder",
    "is_fulfilment",
)


def _sale_values(sale: Sale, with_pii: bool, lang: str) -> tuple[Any, ...]:
    """The columns that depend on the sale only (computed once per sale, not per item)."""
    address = sale.delivery_address or sale.billing_address
    code = country_code(sale.country_code)
    is_relay = _is_relay(sale)
    relay = sale.relay_point if is_relay else None
    values: tuple[Any, ...] = (
        sale.purchase_id,
        code,
        # Rakuten's own name (in French) for a code CLDR does not know.
        country_name(code, lang, address.country if address else None),
        sale.shipping_type,
        postcode_area(address.zipcode if address else None, code),
        "relay" if is_relay else "home",
        relay.id if relay else None,
        relay.name if relay else None,
    )
    if with_pii:
        values += (
            sale.buyer_login,
            sale.buyer_email,
            address.first_name if address else None,
            address.last_name if address else None,
            address.phone1 if address else None,
            address.phone2 if address else None,
            address.address1 if address else None,
            address.address2 if address else None,
            address.zipcode if address else None,
            address.city if address else None,
        )
    return values


def _epoch_seconds(sale: Sale) -> float:
    purchase_date = sale.purchase_date
    if purchase_date is None:
        return math.nan
    if purchase_date.tzinfo is None:
        # Rakuten's dates are French local time; a naive one was parsed without its zone.
        purchase_date = purchase_date.replace(tzinfo=PARIS)
    return purchase_date.timestamp()


def _typed(name: str, values: Sequence[Any], dtype: Any) -> pd.Series:
    if dtype == _CATEGORY:
        fixed = _FIXED_CATEGORIES.get(name, [])
        # Few distinct values: find them with set() in C, then give each row its code with
        # one dict lookup, instead of letting pandas hash every string again.
        fixed_set = set(fixed)
        seen = sorted(v for v in set(values) if isinstance(v, str) and v and v not in fixed_set)
        categories = [*fixed, *seen]
        code_of = {value: code for code, value in enumerate(categories)}
        # None, "" and anything else outside the categories get -1: missing.
        codes = np.fromiter(
            map(code_of.get, values, itertools.repeat(-1)), dtype=np.int32, count=len(values)
        )
        categorical = pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype=_STR))
        return pd.Series(categorical, name=name)
    if dtype == _BOOL:
        return pd.Series(np.fromiter(values, dtype=bool, count=len(values)), name=name)
    if dtype == _FLOAT:
        return pd.Series(np.fromiter(values, dtype=float, count=len(values)), name=name)
    series: pd.Series = pd.Series(values, dtype=dtype, name=name)
    return series


def orders_frame(
    lines: Sequence[OrderLine],
    *,
    with_pii: bool = False,
    now: datetime | None = None,
    lang: str | None = None,
) -> pd.DataFrame:
    """One row per open item, with typed columns (see ``ORDER_COLUMNS``).

    Args:
        lines: the open order lines (``fetch_open_orders(client).lines``).
        with_pii: add buyer names, e-mail, phones and street address (``PII_COLUMNS``).
        now: the reference time of ``age_hours`` (default: the current time).
        lang: the language of ``country_name`` ("Allemagne" in French); by default the
            reader's (``RAKUTEN_ASSIST_LANG``, else the locale).

    Returns:
        A DataFrame with a fresh RangeIndex; an empty one keeps the same columns and dtypes.
    """
    reference = now if now is not None else datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=PARIS)
    columns = {**ORDER_COLUMNS, **(PII_COLUMNS if with_pii else {})}
    # Built column-wise: sale-level values once per sale (a sale has one or more items),
    # item-level values as one tuple per line, then transposed in C by zip().
    with paused_gc():
        return _orders_frame(lines, with_pii, reference, columns, configured_lang(lang))


def _orders_frame(
    lines: Sequence[OrderLine],
    with_pii: bool,
    reference: datetime,
    columns: dict[str, Any],
    lang: str,
) -> pd.DataFrame:
    # Each distinct sale is computed once and spread over its items' rows by index.
    sales: list[Sale] = []
    index_of: dict[int, int] = {}
    row_sale: list[int] = []
    for line in lines:
        sale = line.sale
        index = index_of.get(id(sale))
        if index is None:
            index = index_of[id(sale)] = len(sales)
            sales.append(sale)
        row_sale.append(index)
    take = np.asarray(row_sale, dtype=np.intp)
    raw: dict[str, Any] = {}
    sale_names = _SALE_COLUMNS + (_PII_SALE_COLUMNS if with_pii else ())
    per_sale = list(zip(*(_sale_values(sale, with_pii, lang) for sale in sales), strict=True))
    for name, values in zip(sale_names, per_sale or [() for _ in sale_names], strict=True):
        raw[name] = np.asarray(values, dtype=object)[take] if values else ()
    items = [line.item for line in lines]
    for name in _ITEM_FIELDS:
        raw[name] = list(map(operator.attrgetter(name), items))
    prices = [item.price for item in items]
    raw["price"] = _amounts(prices)
    raw["currency"] = [None if price is None else price.currency for price in prices]
    raw["listed_price"] = _amounts([item.listed_price for item in items])
    raw["source"] = [line.source for line in lines]
    raw["needs_acceptance"] = [status in ACCEPTABLE_STATUSES for status in raw["status"]]
    epochs = np.asarray([_epoch_seconds(sale) for sale in sales], dtype=float)
    seconds = epochs[take] if len(take) else np.empty(0, dtype=float)
    stamps = pd.to_datetime(seconds * 1_000_000, unit="us", utc=True)
    data: dict[str, pd.Series] = {}
    for name, dtype in columns.items():
        if name == "purchase_date":
            data[name] = pd.Series(stamps, name=name).dt.tz_convert(PARIS).astype(dtype)
        elif name == "age_hours":
            data[name] = pd.Series((reference.timestamp() - seconds) / 3600, name=name)
        else:
            data[name] = _typed(name, raw[name], dtype)
    return pd.DataFrame(data, columns=list(columns))


def _amounts(prices: Sequence[Money | None]) -> Sequence[float]:
    """The amounts as floats, NaN where there is none (each shared Money converted once)."""
    floats: dict[int, float] = {}
    out: list[float] = []
    nan = math.nan
    for price in prices:
        if price is None:
            out.append(nan)
            continue
        value = floats.get(id(price))
        if value is None:
            value = floats[id(price)] = float(price.amount)
        out.append(value)
    return out


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: None for missing, ISO 8601 for timestamps."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of an orders frame as JSON-ready dicts (``orders --format json`` of CLI.md).

    Dates are ISO 8601 with their offset, missing values are None, categories plain strings.
    The caller's frame is not modified.
    """
    columns = {name: frame[name].astype(object).tolist() for name in frame.columns}
    return [
        {name: _plain(columns[name][index]) for name in frame.columns}
        for index in range(len(frame))
    ]
