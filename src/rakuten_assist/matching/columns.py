"""Which catalogue column holds the SKU, the product id or the EAN; named-column lookups."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from rakuten_assist.errors import CatalogError
from rakuten_assist.i18n import Message

__all__ = ["ColumnRoles", "MissingColumnError", "detect_columns", "resolve_column"]

# Column names that usually hold each role, most telling first (compared case-insensitively,
# spaces and dashes read as underscores).
_SKU_NAMES = (
    "sku",
    "seller_sku",
    "merchant_sku",
    "sku_vendeur",
    "item_sku",
    "product_sku",
    "variant_sku",
    "offer_sku",
    "reference_vendeur",
    "reference",
    "référence",
    "ref",
    "article_number",
    "mpn",
    "g:mpn",
)
_ID_NAMES = (
    "id",
    "g:id",
    "product_id",
    "productid",
    "internal_id",
    "item_group_id",
    "g:item_group_id",
    "offer_id",
    "variant_id",
    "identifiant",
)
_EAN_NAMES = ("ean", "ean13", "g:ean", "gtin", "g:gtin", "gtin13", "barcode", "upc", "isbn")


class MissingColumnError(CatalogError):
    """A column the user named (or matching needs) is not in the catalogue.

    Attributes:
        column: the column asked for.
        available: the columns the catalogue has.
        suggestion: the likely intended column, if any.
    """

    def __init__(
        self, column: str, available: Sequence[str], *, role: str = "SKU", suggestion: str | None
    ) -> None:
        shown = ", ".join(f"'{name}'" for name in available[:30])
        more = (
            Message("errors.catalog.more_columns", {"count": len(available) - 30})
            if len(available) > 30
            else ""
        )
        option = role.lower()
        fix = (
            Message(
                "errors.fix.use_column", {"option": option, "suggestion": suggestion, "role": role}
            )
            if suggestion
            else Message("errors.fix.name_column", {"option": option, "role": role})
        )
        super().__init__(
            Message("errors.catalog.no_column", {"column": column, "columns": shown, "more": more}),
            fix=fix,
        )
        self.column = column
        self.available = list(available)
        self.suggestion = suggestion


@dataclass(frozen=True)
class ColumnRoles:
    """Which catalogue columns hold the SKU, the internal product id and the EAN (or None)."""

    sku: str | None
    id: str | None
    ean: str | None


def _canonical(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def _find(columns: Sequence[str], names: Iterable[str], taken: set[str]) -> str | None:
    by_canonical: dict[str, str] = {}
    for column in columns:
        by_canonical.setdefault(_canonical(column), column)
    for name in names:
        found = by_canonical.get(_canonical(name))
        if found is not None and found not in taken:
            return found
    return None


def detect_columns(columns: Iterable[str]) -> ColumnRoles:
    """Guess the SKU, id and EAN columns from their names (``sku``, ``g:id``, ``gtin``...)."""
    names = [str(column) for column in columns]
    sku = _find(names, _SKU_NAMES, set())
    ean = _find(names, _EAN_NAMES, {sku} if sku else set())
    taken = {name for name in (sku, ean) if name}
    return ColumnRoles(sku=sku, id=_find(names, _ID_NAMES, taken), ean=ean)


def resolve_column(frame: pd.DataFrame, column: str, *, role: str = "SKU") -> str:
    """The frame's column named ``column``, ignoring case and surrounding spaces if unique.

    Raises:
        MissingColumnError: no such column; lists those that exist and the likely one.
    """
    columns = [str(name) for name in frame.columns]
    if column in columns:
        return column
    loose = [name for name in columns if _canonical(name) == _canonical(column)]
    if len(loose) == 1:
        return loose[0]
    roles = detect_columns(columns)
    guesses: dict[str, str | None] = {"SKU": roles.sku, "ID": roles.id, "EAN": roles.ean}
    guess = guesses.get(role.upper())
    if guess is None:
        close = difflib.get_close_matches(column, columns, n=1, cutoff=0.6)
        guess = close[0] if close else roles.sku
    raise MissingColumnError(column, columns, role=role, suggestion=guess)
