"""The words of SKU matching: statuses, reasons and fixes per row, summary and hints.

Text is assembled column-wise (vectorised string concatenation per status group), so a
100,000-item report costs a few string operations, not 100,000 f-strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from rakuten_assist._catalog_columns import ColumnRoles
from rakuten_assist._sku_keys import SEPARATORS

__all__ = ["MATCH_COLUMNS", "MatchResult", "Passes", "build_result"]

_STATUSES = ("matched", "near_miss", "ambiguous", "empty_sku", "not_in_catalog")
MATCHED, NEAR, AMBIGUOUS, EMPTY, MISSING = range(5)

#: Columns of ``MatchResult.rows`` (``purchase_id`` too when the items have it).
MATCH_COLUMNS = ("item_id", "sku", "status", "product_id", "catalog_sku", "reason", "suggestion")

MAPPING_FIX = "map the internal product id onto the SKU field in the feed's final step"
_SEPARATOR_PATTERN = "[" + "".join(f"\\{ch}" for ch in SEPARATORS) + r"\s]+"


def _empty_found() -> pd.DataFrame:
    return pd.DataFrame({"pos": pd.Series(dtype=np.int64)})


@dataclass
class Passes:
    """What each matching pass found, by item position (filled in by ``match_skus``)."""

    size: int
    roles: ColumnRoles
    key_is_id: bool
    catalog_rows: int = 0
    catalog_empty_keys: int = 0
    empty: np.ndarray[Any, np.dtype[np.bool_]] = field(default_factory=lambda: np.zeros(0, bool))
    exact: pd.DataFrame = field(default_factory=_empty_found)
    exact_count: np.ndarray[Any, np.dtype[np.int64]] = field(
        default_factory=lambda: np.zeros(0, np.int64)
    )
    near: pd.DataFrame = field(default_factory=_empty_found)
    near_count: np.ndarray[Any, np.dtype[np.int64]] = field(
        default_factory=lambda: np.zeros(0, np.int64)
    )
    by_ean: pd.DataFrame = field(default_factory=_empty_found)
    swapped: list[tuple[str, pd.DataFrame]] = field(default_factory=list)


@dataclass(frozen=True)
class MatchResult:
    """The outcome of ``match_skus``.

    Attributes:
        rows: one row per item, in the items' order and index (``MATCH_COLUMNS``).
        summary: items, matched, unmatched, rate, by_reason, top_missing, columns.
        hints: catalogue-level findings with their fix (swapped id/SKU mapping, lost zeros...).
    """

    rows: pd.DataFrame
    summary: dict[str, Any]
    hints: list[str]

    def misses(self) -> pd.DataFrame:
        """The rows that did not match, ready to send to the merchant."""
        return self.rows[self.rows["status"] != "matched"]

    def to_json(self) -> dict[str, Any]:
        """The ``match --format json`` document of CLI.md (summary, rows, hints)."""
        columns = [name for name in ("purchase_id", *MATCH_COLUMNS) if name in self.rows]
        view = self.rows[columns].astype(object)
        records = view.where(view.notna(), None).to_dict(orient="records")
        return {"summary": self.summary, "rows": records, "hints": list(self.hints)}


def _quoted(values: pd.Series) -> pd.Series:
    return "'" + values.astype("str").fillna("") + "'"


def _row_label(rows: pd.Series) -> pd.Series:
    return "catalogue row " + (rows.astype(np.int64) + 1).astype("str")


def _partial(values: pd.Series, *, case: bool, separators: bool, zeros: bool) -> pd.Series:
    """Normalise with some steps switched off, to tell which steps a near miss needed."""
    text = values.astype("str").fillna("").str.strip()
    if case:
        text = text.str.upper()
    if separators:
        text = text.str.replace(_SEPARATOR_PATTERN, "", regex=True)
    if zeros:
        text = text.str.lstrip("0")
    return text


class _Report:
    """Accumulates per-position columns, then turns them into the rows frame."""

    def __init__(self, size: int) -> None:
        self.status = np.full(size, MISSING, dtype=np.int8)
        self.product = pd.Series(np.nan, index=range(size), dtype="str")
        self.catalog_sku = pd.Series(np.nan, index=range(size), dtype="str")
        self.reason = pd.Series("", index=range(size), dtype="str")
        self.suggestion = pd.Series("", index=range(size), dtype="str")

    def put(self, pos: np.ndarray[Any, Any], **columns: Any) -> None:
        for name, values in columns.items():
            target = getattr(self, name)
            if name == "status":
                target[pos] = values
            else:
                data = values.to_numpy() if isinstance(values, pd.Series) else values
                target.iloc[pos] = data


def _describe_near(near: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Reason, suggestion and a lost-zeros flag for single-candidate near misses."""
    a, b = near["sku"].astype("str"), near["key_raw"].astype("str")
    full = {"case": True, "separators": True, "zeros": True}
    differs = {
        step: _partial(a, **{**full, step: False}) != _partial(b, **{**full, step: False})
        for step in full
    }
    spaces = (a != a.str.strip()) | (b != b.str.strip())
    labels = {"case": "upper/lower case", "separators": "separators or inner spaces"}
    text = pd.Series("", index=near.index, dtype="str")
    text = text + np.where(spaces, "surrounding spaces, ", "")
    for step, label in labels.items():
        text = text + np.where(differs[step], f"{label}, ", "")
    text = text + np.where(differs["zeros"], "leading zeros, ", "")
    text = text.str.rstrip(", ")
    kept_a = _partial(a, case=True, separators=True, zeros=False)
    kept_b = _partial(b, case=True, separators=True, zeros=False)
    lost = differs["zeros"] & (kept_a.str.len() > kept_b.str.len())
    reason = "SKU " + _quoted(a) + " equals catalogue SKU " + _quoted(b) + " only when ignoring "
    reason = reason + text + " (" + _row_label(near["row"]) + ")"
    generic = (
        "Use exactly the same SKU on both sides: the catalogue has "
        + _quoted(b)
        + ", the Rakuten offer "
        + _quoted(a)
        + f"; {MAPPING_FIX} (or correct the offer's SKU)."
    )
    zeros = (
        "The catalogue lost the SKU's leading zeros (a spreadsheet read it as a number): "
        "format the SKU column as text and export again, so it reads " + _quoted(a) + "."
    )
    suggestion = generic.where(~lost, zeros)
    return reason, suggestion, lost


def _first_per_pos(found: pd.DataFrame, counts: np.ndarray[Any, Any], wanted: int) -> pd.DataFrame:
    """Rows of ``found`` for positions with exactly ``wanted`` hits (1) or more (0)."""
    hits = counts[found["pos"].to_numpy()]
    mask = pd.Series(hits == 1 if wanted == 1 else hits > 1, index=found.index)
    selected: pd.DataFrame = found.loc[mask]
    return selected


def _listing(found: pd.DataFrame, value: str) -> pd.DataFrame:
    """Per position: how many rows, and the first five as "row N (value)"."""
    ordered = found.sort_values(["pos", "row"])
    shown_value = ordered[value].astype("str").fillna("")
    label = "row " + (ordered["row"] + 1).astype("str") + " (" + shown_value + ")"
    ordered = ordered.assign(label=label, rank=ordered.groupby("pos").cumcount())
    shown = ordered[ordered["rank"] < 5].groupby("pos")["label"].agg(", ".join)
    sizes = ordered.groupby("pos").size()
    return pd.DataFrame({"labels": shown, "size": sizes})


def build_result(frame: pd.DataFrame, sku_raw: pd.Series, passes: Passes) -> MatchResult:
    """Turn the passes into one status, reason and fix per item, plus summary and hints."""
    size, key = passes.size, passes.roles.sku
    report = _Report(size)
    report.reason = "SKU " + _quoted(sku_raw) + f" is on no catalogue row (column '{key}')"
    report.suggestion.iloc[:] = (
        "Check that the product is in the feed export, or correct the offer's SKU on Rakuten."
    )
    hints: list[str] = []

    single = _first_per_pos(passes.exact, passes.exact_count, 1)
    pos = single["pos"].to_numpy()
    report.put(pos, status=MATCHED, product=single["product"], catalog_sku=single["key_raw"])
    report.put(pos, reason="found on " + _row_label(single["row"]), suggestion="")

    several = _listing(_first_per_pos(passes.exact, passes.exact_count, 0), "product")
    pos = several.index.to_numpy()
    report.put(pos, status=AMBIGUOUS)
    report.put(
        pos,
        reason="SKU "
        + _quoted(sku_raw.iloc[pos].reset_index(drop=True)).to_numpy()
        + " is on "
        + several["size"].astype("str").to_numpy()
        + " catalogue rows: "
        + several["labels"].to_numpy(),
        suggestion="Keep one catalogue row per SKU: remove the duplicates, or give each "
        "variant its own SKU and update the offers.",
    )

    near = _first_per_pos(passes.near, passes.near_count, 1)
    reason, suggestion, lost = _describe_near(near)
    pos = near["pos"].to_numpy()
    report.put(pos, status=NEAR, product=near["product"], catalog_sku=near["key_raw"])
    report.put(pos, reason=reason, suggestion=suggestion)
    multi = _listing(_first_per_pos(passes.near, passes.near_count, 0), "key_raw")
    pos = multi.index.to_numpy()
    report.put(pos, status=NEAR)
    report.put(
        pos,
        reason="SKU "
        + _quoted(sku_raw.iloc[pos].reset_index(drop=True)).to_numpy()
        + " equals several catalogue SKUs once case, spaces, separators and leading zeros "
        "are ignored: " + multi["labels"].to_numpy(),
        suggestion=f"Make the catalogue's SKUs unique and identical to the offer's; {MAPPING_FIX}.",
    )

    ean = passes.by_ean
    if len(ean):
        pos = ean["pos"].to_numpy()
        empty = passes.empty[pos]
        catalogue_sku = _quoted(ean["key_raw"])
        where = _row_label(ean["row"]) + " (SKU " + catalogue_sku + ")"
        report.put(pos, product=ean["product"], catalog_sku=ean["key_raw"])
        report.put(pos[~empty], status=NEAR)
        report.put(
            pos,
            reason=np.where(
                empty,
                "the offer was created without a SKU; its EAN " + ean["ean"] + " is on " + where,
                "SKU "
                + _quoted(sku_raw.iloc[pos].reset_index(drop=True))
                + " is not in the catalogue, but its EAN "
                + ean["ean"]
                + " is on "
                + where,
            ),
            suggestion="Give the offer the catalogue's SKU "
            + catalogue_sku
            + f" on Rakuten: {MAPPING_FIX}.",
        )

    for column, found in passes.swapped:
        if not len(found):
            continue
        pos = found["pos"].to_numpy()
        report.put(pos, product=found["product"], catalog_sku=found["value"])
        report.put(
            pos,
            reason="SKU "
            + _quoted(found["sku"])
            + f" is not in column '{key}' but is the '{column}' of "
            + _row_label(found["row"]),
            suggestion=f"Rakuten identifies products by SKU: {MAPPING_FIX}, so offers and "
            f"column '{key}' agree (or match with --sku-column '{column}' if your order "
            "system looks products up by it).",
        )
        hints.append(
            f"The orders' SKUs match the catalogue's '{column}' column, not '{key}' "
            f"({len(found)} item(s)): the mapping is swapped. Rakuten identifies products by "
            f"SKU: {MAPPING_FIX}."
        )

    empty_pos = np.flatnonzero(passes.empty)
    plain_empty = np.setdiff1d(empty_pos, ean["pos"].to_numpy())
    report.put(empty_pos, status=EMPTY)
    report.put(
        plain_empty,
        reason=np.full(len(plain_empty), "the offer was created without a SKU", dtype=object),
        suggestion=np.full(
            len(plain_empty),
            f"Fill the SKU field in the feed ({MAPPING_FIX}), then update the offer on Rakuten.",
            dtype=object,
        ),
    )
    return _finish(frame, sku_raw, passes, report, hints, int(lost.sum()))


def _finish(
    frame: pd.DataFrame,
    sku_raw: pd.Series,
    passes: Passes,
    report: _Report,
    hints: list[str],
    lost_zeros: int,
) -> MatchResult:
    size, roles = passes.size, passes.roles
    status = pd.Categorical.from_codes(report.status, categories=pd.Index(_STATUSES))
    item_ids = (
        frame["item_id"].astype("str").to_numpy()
        if "item_id" in frame.columns
        else np.arange(size).astype(str)
    )
    data: dict[str, Any] = {}
    if "purchase_id" in frame.columns:
        data["purchase_id"] = frame["purchase_id"].astype("str").to_numpy()
    data.update(
        item_id=pd.array(item_ids, dtype="str"),
        sku=pd.array(sku_raw.where(~passes.empty, np.nan).to_numpy(), dtype="str"),
        status=status,
        product_id=report.product.to_numpy(),
        catalog_sku=report.catalog_sku.to_numpy(),
        reason=report.reason.to_numpy(),
        suggestion=report.suggestion.to_numpy(),
    )
    rows = pd.DataFrame(data, index=frame.index)
    for name in ("product_id", "catalog_sku", "reason", "suggestion"):
        rows[name] = rows[name].astype("str")

    counts = np.bincount(report.status, minlength=len(_STATUSES))
    matched = int(counts[MATCHED])
    missing = pd.Series(sku_raw.to_numpy())[(report.status != MATCHED) & ~passes.empty]
    top = missing.value_counts().head(10)
    summary: dict[str, Any] = {
        "items": size,
        "matched": matched,
        "unmatched": size - matched,
        "rate": round(matched / size, 4) if size else 1.0,
        "by_reason": {name: int(counts[code]) for code, name in enumerate(_STATUSES)},
        "top_missing": [{"sku": str(sku), "count": int(n)} for sku, n in top.items()],
        "columns": {"sku": roles.sku, "id": roles.id, "ean": roles.ean},
        "catalog_rows": passes.catalog_rows,
    }
    key = roles.sku
    if passes.key_is_id:
        hints.insert(
            0,
            f"The catalogue has no SKU column, so items were matched on '{key}'. Rakuten "
            f"identifies products by SKU: {MAPPING_FIX}.",
        )
    if passes.catalog_rows and passes.catalog_empty_keys == passes.catalog_rows:
        hints.append(
            f"The catalogue's '{key}' column is empty on every row: the feed exports no SKU; "
            f"{MAPPING_FIX}."
        )
    elif passes.catalog_empty_keys:
        hints.append(
            f"{passes.catalog_empty_keys} of {passes.catalog_rows} catalogue rows have an "
            f"empty '{key}': those products cannot be ordered through the connection."
        )
    if counts[EMPTY]:
        hints.append(
            f"{counts[EMPTY]} item(s) come from offers created without a SKU: fill the SKU "
            f"field in the feed ({MAPPING_FIX}) and update those offers on Rakuten."
        )
    if counts[AMBIGUOUS]:
        hints.append(
            f"{counts[AMBIGUOUS]} item(s) have a SKU that stands on several catalogue rows: "
            "keep one row per SKU."
        )
    if lost_zeros:
        hints.append(
            f"{lost_zeros} SKU(s) lost their leading zeros in the catalogue: a spreadsheet "
            "read them as numbers. Format the SKU column as text before exporting."
        )
    others = int(counts[NEAR]) - lost_zeros
    if others > 0:
        hints.append(
            f"{others} SKU(s) differ from the catalogue only by case, spaces, separators or "
            f"leading zeros, or are found by EAN: use identical SKUs; {MAPPING_FIX}."
        )
    return MatchResult(rows=rows, summary=summary, hints=hints)
