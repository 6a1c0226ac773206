"""Match order items to the merchant's catalogue by SKU, and explain every miss.

Rakuten identifies products by SKU, not by the feed's ``id``: the merchant must map the
internal product id onto the SKU field in the feed's final step. ``match_skus`` gives each
item exactly one status (``matched``, ``empty_sku``, ``not_in_catalog``, ``ambiguous``,
``near_miss``) with a reason and a fix, and says when the orders' SKUs sit in the
catalogue's id column instead (or the other way round). Vectorised: each pass is a
membership test or a merge on normalised keys, never a Python loop over the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from rakuten_assist.errors import CatalogError
from rakuten_assist.i18n import Message
from rakuten_assist.matching.catalog import text_column
from rakuten_assist.matching.columns import ColumnRoles, detect_columns, resolve_column
from rakuten_assist.matching.keys import isin, normalize_ean, normalize_sku, normalize_skus
from rakuten_assist.matching.report import MatchResult, Passes, build_result
from rakuten_assist.models import OrderLine

__all__ = [
    "STATUSES",
    "MatchResult",
    "match_skus",
    "normalize_sku",
    "normalize_skus",
]

_GTIN_LENGTHS = (8, 12, 13, 14)

#: Every status an item can get, best first.
STATUSES = ("matched", "near_miss", "ambiguous", "empty_sku", "not_in_catalog")


def _items_frame(items: pd.DataFrame | Sequence[OrderLine]) -> pd.DataFrame:
    if isinstance(items, pd.DataFrame):
        frame = items
    else:
        from rakuten_assist.frames import orders_frame

        frame = orders_frame(list(items))
    if "sku" not in frame.columns:
        raise CatalogError(
            Message(
                "errors.catalog.orders_no_sku",
                {"columns": ", ".join(f"'{name}'" for name in frame.columns)},
            ),
            fix=Message("errors.fix.orders_export"),
        )
    return frame


def _roles(
    catalog: pd.DataFrame, sku_column: str | None, id_column: str | None, ean_column: str | None
) -> tuple[ColumnRoles, bool]:
    """The columns to use, and whether the key is an id column standing in for a missing SKU."""
    found = detect_columns(catalog.columns)
    sku = resolve_column(catalog, sku_column, role="SKU") if sku_column else found.sku
    ids = resolve_column(catalog, id_column, role="ID") if id_column else found.id
    ean = resolve_column(catalog, ean_column, role="EAN") if ean_column else found.ean
    if sku is None:
        if ids is None:
            # No SKU-like and no id-like name: the error lists what exists.
            resolve_column(catalog, "sku", role="SKU")
        return ColumnRoles(sku=ids, id=None, ean=ean), True
    return ColumnRoles(sku=sku, id=None if ids == sku else ids, ean=ean), False


def _alternates(catalog: pd.DataFrame, roles: ColumnRoles, key_is_id: bool) -> list[str]:
    """Other identifier columns an order SKU may sit in when the mapping is swapped."""
    found = detect_columns(catalog.columns)
    alternates = [roles.id] if roles.id else []
    if found.sku and found.sku != roles.sku:
        alternates.append(found.sku)
    if not key_is_id and found.id and found.id not in (roles.sku, roles.id):
        alternates.append(found.id)
    return [name for name in dict.fromkeys(alternates) if name]


def _text(column: pd.Series) -> pd.Series:
    """A column as strings on a fresh RangeIndex; 12.0 from a numeric column reads "12"."""
    return text_column(column).reset_index(drop=True)


def _count_per_item(positions: pd.Series, size: int) -> np.ndarray[Any, np.dtype[np.int64]]:
    return np.bincount(positions.to_numpy(dtype=np.int64), minlength=size).astype(np.int64)


def match_skus(
    items: pd.DataFrame | Sequence[OrderLine],
    catalog: pd.DataFrame,
    sku_column: str | None = None,
    id_column: str | None = None,
    ean_column: str | None = None,
    *,
    lang: str = "en",
) -> MatchResult:
    """Give each order item exactly one match status against the catalogue, with its fix.

    ``lang`` is the language of the rows' reasons and fixes (``hints`` and ``hints_fr`` are
    always both there).

    Args:
        items: the orders frame of ``orders_frame`` (columns ``item_id``, ``sku``, ``ean``...)
            or the order lines themselves.
        catalog: the catalogue of ``load_catalog`` (all columns strings).
        sku_column: the catalogue column Rakuten SKUs should equal (detected when None:
            ``sku``, ``seller_sku``, ``reference``, ``mpn``...; the id column when there is
            no SKU column at all).
        id_column: the internal product id column (``id``, ``g:id``, ``product_id``...),
            reported as ``product_id`` and checked for a swapped mapping.
        ean_column: the EAN/GTIN column, used to find near misses by barcode.

    Returns:
        A MatchResult: one row per item in the items' order and index, a summary and hints.

    Raises:
        MissingColumnError: a named column is absent (lists those that exist).
        CatalogError: the orders have no ``sku`` column.
    """
    frame = _items_frame(items)
    roles, key_is_id = _roles(catalog, sku_column, id_column, ean_column)
    assert roles.sku is not None  # noqa: S101  (_roles raises when there is no key at all)
    size = len(frame)
    sku_raw = _text(frame["sku"])
    sku_norm = normalize_skus(sku_raw).fillna("")
    key_raw = _text(catalog[roles.sku])
    passes = Passes(
        size=size,
        roles=roles,
        key_is_id=key_is_id,
        key_raw=key_raw,
        product=_text(catalog[roles.id]) if roles.id else key_raw,
    )
    passes.empty = (sku_norm == "").to_numpy(dtype=bool)
    key_norm = normalize_skus(key_raw)
    passes.catalog_empty_keys = int((key_norm.isna() | (key_norm == "")).sum())

    # Only catalogue rows whose normalised key some item shares can take part: one
    # membership test over the catalogue, then every merge runs on that small subset.
    keep = np.flatnonzero(isin(key_norm, sku_norm[~passes.empty]))
    candidates = pd.DataFrame(
        {
            "row": keep,
            "key_raw": key_raw.take(keep).reset_index(drop=True),
            "key_norm": key_norm.take(keep).reset_index(drop=True),
        }
    )
    left = pd.DataFrame({"pos": np.arange(size), "sku": sku_raw, "norm": sku_norm})
    left = left[~passes.empty]

    exact = left.merge(candidates, left_on="sku", right_on="key_raw", how="inner")
    passes.exact = exact[["pos", "row"]]
    passes.exact_count = _count_per_item(exact["pos"], size)

    rest = left[passes.exact_count[left["pos"].to_numpy()] == 0]
    near = rest.merge(candidates, left_on="norm", right_on="key_norm", how="inner")
    passes.near = near[["pos", "row", "sku", "key_raw"]]
    passes.near_count = _count_per_item(near["pos"], size)

    unresolved = (passes.exact_count == 0) & (passes.near_count == 0)
    # The swapped-mapping pass runs before the EAN pass: a SKU found in the id column is
    # the feed's mapping, and the EAN would otherwise "explain" it with a fix that points
    # the offers at the catalogue's ids (the wrong direction).
    with_sku = unresolved & ~passes.empty
    for column in _alternates(catalog, roles, key_is_id):
        if not with_sku.any():
            break
        found = _alternate_pass(left, catalog, column, with_sku)
        passes.swapped.append((column, found))
        with_sku[found["pos"].to_numpy()] = False
        unresolved[found["pos"].to_numpy()] = False
    if roles.ean and "ean" in frame.columns and unresolved.any():
        passes.by_ean = _ean_pass(frame, catalog, roles.ean, unresolved)
    return build_result(frame, sku_raw, passes, lang)


def _ean_pass(
    frame: pd.DataFrame,
    catalog: pd.DataFrame,
    column: str,
    unresolved: np.ndarray[Any, np.dtype[np.bool_]],
) -> pd.DataFrame:
    """Items (unresolved or without SKU) whose EAN is on exactly one catalogue row.

    The catalogue side is probed as written, in each GTIN length (8, 12, 13, 14 digits,
    zero-padded), so a million EANs are never rewritten; only the rows found are normalised.
    """
    ean = _text(frame["ean"])
    picked = pd.DataFrame({"pos": np.flatnonzero(unresolved), "ean": ean[unresolved].to_numpy()})
    # Rakuten may send several EANs separated by ';'.
    picked = picked.assign(ean=picked["ean"].str.split(";")).explode("ean")
    picked["ean"] = normalize_ean(picked["ean"].astype("str"))
    picked = picked.dropna(subset=["ean"])
    variants = pd.concat(
        [picked["ean"], *(picked["ean"].str.zfill(width) for width in _GTIN_LENGTHS)]
    )
    raw = _text(catalog[column])
    keep = np.flatnonzero(isin(raw, variants))
    rows = pd.DataFrame({"row": keep, "ean": normalize_ean(raw.take(keep)).reset_index(drop=True)})
    found = picked.merge(rows, on="ean", how="inner").drop_duplicates(["pos", "row"])
    single = found.groupby("pos")["row"].transform("size") == 1
    return found[single].reset_index(drop=True)


def _alternate_pass(
    left: pd.DataFrame,
    catalog: pd.DataFrame,
    column: str,
    unresolved: np.ndarray[Any, np.dtype[np.bool_]],
) -> pd.DataFrame:
    """Unresolved items whose SKU equals (after normalisation) a value of another column."""
    pending = left[unresolved[left["pos"].to_numpy()]]
    normalised = normalize_skus(_text(catalog[column]))
    keep = np.flatnonzero(isin(normalised, pending["norm"]))
    rows = pd.DataFrame({"row": keep, "norm": normalised.take(keep).reset_index(drop=True)})
    found: pd.DataFrame = pending.merge(rows, on="norm", how="inner")
    return found.drop_duplicates(subset=["pos"]).reset_index(drop=True)
