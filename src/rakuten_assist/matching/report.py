"""The words of SKU matching: statuses, reasons and fixes per row, summary and hints.

Text is assembled column-wise (vectorised string concatenation per status group), so a
100,000-item report costs a few string operations, not 100,000 f-strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from rakuten_assist.i18n import Message, t
from rakuten_assist.matching import hints as _hints
from rakuten_assist.matching.columns import ColumnRoles
from rakuten_assist.matching.hints import Hint
from rakuten_assist.matching.keys import drop_separators

__all__ = ["MATCH_COLUMNS", "MatchResult", "Passes", "build_result"]

_STATUSES = ("matched", "near_miss", "ambiguous", "empty_sku", "not_in_catalog")
MATCHED, NEAR, AMBIGUOUS, EMPTY, MISSING = range(5)

#: Columns of ``MatchResult.rows`` (``purchase_id`` too when the items have it).
MATCH_COLUMNS = (
    "item_id",
    "sku",
    "status",
    "product_id",
    "catalog_sku",
    "catalog_row",
    "reason",
    "suggestion",
)


def _empty_found() -> pd.DataFrame:
    return pd.DataFrame({"pos": pd.Series(dtype=np.int64), "row": pd.Series(dtype=np.int64)})


def _no_flags() -> np.ndarray[Any, np.dtype[np.bool_]]:
    return np.zeros(0, dtype=bool)


def _no_counts() -> np.ndarray[Any, np.dtype[np.int64]]:
    return np.zeros(0, dtype=np.int64)


@dataclass
class Passes:
    """What each matching pass found, by item position (``pos``) and catalogue row (``row``)."""

    size: int
    roles: ColumnRoles
    key_is_id: bool
    key_raw: pd.Series
    product: pd.Series
    catalog_empty_keys: int = 0
    empty: np.ndarray[Any, np.dtype[np.bool_]] = field(default_factory=_no_flags)
    exact: pd.DataFrame = field(default_factory=_empty_found)
    exact_count: np.ndarray[Any, np.dtype[np.int64]] = field(default_factory=_no_counts)
    near: pd.DataFrame = field(default_factory=_empty_found)
    near_count: np.ndarray[Any, np.dtype[np.int64]] = field(default_factory=_no_counts)
    by_ean: pd.DataFrame = field(default_factory=_empty_found)
    swapped: list[tuple[str, pd.DataFrame]] = field(default_factory=list)


@dataclass(frozen=True)
class MatchResult:
    """The outcome of ``match_skus``.

    Attributes:
        rows: one row per item, in the items' order and index (``MATCH_COLUMNS``).
        summary: items, matched, unmatched, rate, by_reason, top_missing, columns.
        hints: catalogue-level findings with their fix (swapped id/SKU mapping, lost zeros...).
        hints_fr: the same findings in French, in the same order.
        hint_messages: the same findings as messages (``hints_in(lang)`` says them).
    """

    rows: pd.DataFrame
    summary: dict[str, Any]
    hints: list[str]
    hints_fr: list[str] = field(default_factory=list)
    hint_messages: list[Message] = field(default_factory=list)

    def hints_in(self, lang: str) -> list[str]:
        """The catalogue-level findings in ``lang``."""
        if self.hint_messages:
            return [message.render(lang) for message in self.hint_messages]
        return self.hints_fr if lang == "fr" else self.hints

    def misses(self) -> pd.DataFrame:
        """The rows that did not match, ready to send to the merchant."""
        return self.rows[self.rows["status"] != "matched"]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The ``match --format json`` document of CLI.md (summary, rows, hints), its hints in
        ``lang`` (the rows' reasons are in the language the match was made in)."""
        columns = [name for name in ("purchase_id", *MATCH_COLUMNS) if name in self.rows]
        view = self.rows[columns].astype(object)
        records = view.where(view.notna(), None).to_dict(orient="records")
        return {"summary": self.summary, "rows": records, "hints": self.hints_in(lang)}


def _quoted(values: Any) -> pd.Series:
    return "'" + pd.Series(values).astype("str").fillna("").reset_index(drop=True) + "'"


def _w(key: str, lang: str, /, **params: Any) -> str:
    """A piece of a reason or fix in ``lang`` (pieces are joined around the per-row values)."""
    return t(f"matching.{key}", lang, **params)


def _row_label(rows: Any, lang: str) -> pd.Series:
    return _w("row_label", lang) + (pd.Series(rows).astype(np.int64) + 1).astype("str")


def _partial(values: pd.Series, *, case: bool, separators: bool, zeros: bool) -> pd.Series:
    """Normalise with some steps switched off, to tell which steps a near miss needed."""
    text = values.astype("str").fillna("").str.strip()
    if case:
        text = text.str.upper()
    if separators:
        text = drop_separators(text)
    if zeros:
        text = text.str.lstrip("0")
    return text


class _Report:
    """Per-item status, chosen catalogue row, reason and fix, as plain numpy arrays."""

    def __init__(self, size: int) -> None:
        self.status = np.full(size, MISSING, dtype=np.int8)
        self.row = np.full(size, -1, dtype=np.int64)
        self.reason = np.full(size, None, dtype=object)
        self.suggestion = np.full(size, None, dtype=object)

    def put(self, pos: Any, **columns: Any) -> None:
        index = np.asarray(pos, dtype=np.int64)
        for name, values in columns.items():
            data = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else values
            getattr(self, name)[index] = data


def _describe_near(near: pd.DataFrame, lang: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Reason, suggestion and a lost-zeros flag for single-candidate near misses."""
    near = near.reset_index(drop=True)
    a, b = near["sku"].astype("str"), near["key_raw"].astype("str")
    full = {"case": True, "separators": True, "zeros": True}
    without = {
        step: (_partial(a, **{**full, step: False}), _partial(b, **{**full, step: False}))
        for step in full
    }
    differs = {step: left != right for step, (left, right) in without.items()}
    spaces = (a != a.str.strip()) | (b != b.str.strip())
    labels = {"case": _w("near.case", lang), "separators": _w("near.separators", lang)}
    text = pd.Series("", index=near.index, dtype="str")
    text = text + np.where(spaces, _w("near.spaces", lang) + ", ", "")
    for step, label in labels.items():
        text = text + np.where(differs[step], f"{label}, ", "")
    text = text + np.where(differs["zeros"], _w("near.zeros", lang) + ", ", "")
    text = text.str.rstrip(", ")
    kept_a, kept_b = without["zeros"]
    lost = differs["zeros"] & (kept_a.str.len() > kept_b.str.len())
    reason = _w("sku_subject", lang) + _quoted(a) + _w("near.equals", lang) + _quoted(b)
    reason = reason + _w("near.ignoring", lang) + text + " (" + _row_label(near["row"], lang) + ")"
    generic = (
        _w("near.fix_a", lang)
        + _quoted(b)
        + _w("near.fix_b", lang)
        + _quoted(a)
        + _w("near.fix_c", lang, fix=_w("mapping_fix", lang))
    )
    zeros = _w("near.zeros_fix", lang) + _quoted(a) + "."
    suggestion = generic.where(~lost, zeros)
    return reason, suggestion, lost


def _select(found: pd.DataFrame, counts: np.ndarray[Any, Any], *, several: bool) -> pd.DataFrame:
    """Rows of ``found`` for positions with exactly one hit, or with several."""
    hits = counts[found["pos"].to_numpy()]
    selected: pd.DataFrame = found[hits > 1 if several else hits == 1]
    return selected.reset_index(drop=True)


def _join_groups(labels: pd.Series, sizes: Any, index: Any) -> pd.Series:
    """Consecutive runs of ``sizes`` labels joined with ", ", one string per run."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover
        groups = np.repeat(np.arange(len(sizes)), sizes)
        joined = labels.groupby(groups).agg(", ".join)
        return pd.Series(joined.to_numpy(), index=index, dtype="str")
    bounds = np.r_[0, np.cumsum(sizes)]
    lists = pa.ListArray.from_arrays(
        pa.array(bounds, type=pa.int32()), pa.array(labels, type=pa.string())
    )
    return pd.Series(pd.array(pc.binary_join(lists, ", "), dtype="str"), index=index)


def _listing(found: pd.DataFrame, values: pd.Series, lang: str) -> pd.DataFrame:
    """Per position (sorted): how many rows, and the first five as "row N (value)"."""
    if found.empty:
        return pd.DataFrame(
            {"labels": pd.Series(dtype="str"), "size": pd.Series(dtype=np.int64)},
            index=pd.Index([], dtype=np.int64),
        )
    ordered = found.sort_values(["pos", "row"]).reset_index(drop=True)
    shown = values.take(ordered["row"].to_numpy()).astype("str").fillna("")
    label = _w("row", lang) + (ordered["row"] + 1).astype("str") + " (" + shown.to_numpy() + ")"
    positions = ordered["pos"].to_numpy()
    starts = np.flatnonzero(np.r_[True, positions[1:] != positions[:-1]])
    sizes = np.diff(np.r_[starts, len(positions)])
    rank = np.arange(len(positions)) - np.repeat(starts, sizes)
    labels = _join_groups(label[rank < 5], np.minimum(sizes, 5), positions[starts])
    more = pd.Series(sizes - 5, index=labels.index).clip(lower=0)
    and_more = _w("and_more_a", lang) + more.astype("str") + _w("and_more_b", lang)
    labels = labels + np.where(more > 0, and_more, "")
    return pd.DataFrame({"labels": labels, "size": sizes}, index=labels.index)


def _plain_texts(report: _Report, sku_raw: pd.Series, key: str, lang: str) -> None:
    """Reason and fix of the items no pass explained: not in the catalogue at all."""
    pos = np.flatnonzero(report.reason == None)  # noqa: E711  (elementwise on an object array)
    quoted = _quoted(sku_raw.take(pos))
    report.put(
        pos,
        reason=_w("sku_subject", lang) + quoted + _w("plain.reason", lang, column=key),
        suggestion=_w("plain.fix", lang),
    )


def build_result(
    frame: pd.DataFrame, sku_raw: pd.Series, passes: Passes, lang: str = "en"
) -> MatchResult:
    """Turn the passes into one status, reason and fix per item (in ``lang``), summary, hints."""
    mapping_fix = _w("mapping_fix", lang)
    key = passes.roles.sku
    report = _Report(passes.size)
    hints: list[Hint] = []

    single = _select(passes.exact, passes.exact_count, several=False)
    report.put(single["pos"], status=MATCHED, row=single["row"])
    report.put(single["pos"], reason=_w("matched", lang), suggestion="")

    listed = _listing(_select(passes.exact, passes.exact_count, several=True), passes.product, lang)
    pos = listed.index.to_numpy()
    report.put(pos, status=AMBIGUOUS)
    report.put(
        pos,
        reason=_w("sku_subject", lang)
        + _quoted(sku_raw.take(pos))
        + _w("ambiguous.is_on", lang)
        + listed["size"].astype("str").to_numpy()
        + _w("ambiguous.rows", lang)
        + listed["labels"].to_numpy(),
        suggestion=_w("ambiguous.fix", lang),
    )

    near = _select(passes.near, passes.near_count, several=False)
    reason, suggestion, lost = _describe_near(near, lang)
    report.put(near["pos"], status=NEAR, row=near["row"], reason=reason, suggestion=suggestion)
    listed = _listing(_select(passes.near, passes.near_count, several=True), passes.key_raw, lang)
    pos = listed.index.to_numpy()
    report.put(pos, status=NEAR)
    report.put(
        pos,
        reason=_w("sku_subject", lang)
        + _quoted(sku_raw.take(pos))
        + _w("near.several", lang)
        + listed["labels"].to_numpy(),
        suggestion=_w("near.several_fix", lang, fix=mapping_fix),
    )

    ean = passes.by_ean
    if len(ean):
        pos = ean["pos"].to_numpy()
        empty = passes.empty[pos]
        catalogue_sku = _quoted(passes.key_raw.take(ean["row"].to_numpy()))
        where = _row_label(ean["row"], lang) + " (" + _w("sku", lang) + catalogue_sku + ")"
        code = ean["ean"].astype("str").reset_index(drop=True)
        report.put(pos, row=ean["row"])
        report.put(pos[~empty], status=NEAR)
        report.put(
            pos,
            reason=np.where(
                empty,
                _w("ean.empty", lang) + code + _w("ean.is_on", lang) + where,
                _w("sku_subject", lang)
                + _quoted(sku_raw.take(pos))
                + _w("ean.not_in_catalogue", lang)
                + code
                + _w("ean.is_on", lang)
                + where,
            ),
            suggestion=np.where(
                # A catalogue row without SKU: there is no SKU to give the offer yet.
                passes.key_raw.take(ean["row"].to_numpy()).fillna("").astype("str").str.strip()
                == "",
                _w("ean.no_sku_fix", lang, fix=mapping_fix),
                _w("ean.fix_a", lang) + catalogue_sku + _w("ean.fix_b", lang, fix=mapping_fix),
            ),
        )

    for column, found in passes.swapped:
        if not len(found):
            continue
        report.put(found["pos"], row=found["row"])
        report.put(
            found["pos"],
            reason=_w("sku_subject", lang)
            + _quoted(found["sku"])
            + _w("swapped.reason", lang, key=key, column=column)
            + _row_label(found["row"], lang),
            suggestion=_w("swapped.fix", lang, fix=mapping_fix, key=key, column=column),
        )
        hints.append(_hints.swapped(column, key, len(found)))

    empty_pos = np.flatnonzero(passes.empty)
    report.put(empty_pos, status=EMPTY)
    plain_empty = empty_pos[report.reason[empty_pos] == None]  # noqa: E711
    report.put(
        plain_empty,
        reason=_w("empty.reason", lang),
        suggestion=_w("empty.fix", lang, fix=mapping_fix),
    )
    _plain_texts(report, sku_raw, key or "", lang)
    return _finish(frame, sku_raw, passes, report, hints, int(lost.sum()))


def _finish(
    frame: pd.DataFrame,
    sku_raw: pd.Series,
    passes: Passes,
    report: _Report,
    hints: list[Hint],
    lost_zeros: int,
) -> MatchResult:
    size, roles = passes.size, passes.roles
    found = report.row >= 0
    chosen = np.where(found, report.row, 0)

    def at_rows(values: pd.Series) -> Any:
        if not len(values):
            return pd.array([None] * size, dtype="str")
        picked = values.take(chosen).reset_index(drop=True)
        return picked.where(found, np.nan).array

    data: dict[str, Any] = {}
    if "purchase_id" in frame.columns:
        data["purchase_id"] = frame["purchase_id"].astype("str").array
    data.update(
        item_id=(
            frame["item_id"].astype("str").array
            if "item_id" in frame.columns
            else pd.array(np.arange(size).astype(str), dtype="str")
        ),
        sku=sku_raw.where(~passes.empty, np.nan).array,
        status=pd.Categorical.from_codes(report.status, categories=pd.Index(_STATUSES)),
        product_id=at_rows(passes.product),
        catalog_sku=at_rows(passes.key_raw),
        catalog_row=pd.arrays.IntegerArray(np.where(found, report.row + 1, 0), ~found),
        reason=pd.array(report.reason, dtype="str"),
        suggestion=pd.array(report.suggestion, dtype="str"),
    )
    rows = pd.DataFrame(data, index=frame.index)

    counts = np.bincount(report.status, minlength=len(_STATUSES))
    matched = int(counts[MATCHED])
    missing = sku_raw[(report.status != MATCHED) & ~passes.empty]
    top = missing.value_counts().head(10)
    summary: dict[str, Any] = {
        "items": size,
        "matched": matched,
        "unmatched": size - matched,
        "rate": round(matched / size, 4) if size else 1.0,
        "by_reason": {name: int(counts[code]) for code, name in enumerate(_STATUSES)},
        "top_missing": [{"sku": str(sku), "count": int(n)} for sku, n in top.items()],
        "columns": {"sku": roles.sku, "id": roles.id, "ean": roles.ean},
        "catalog_rows": len(passes.key_raw),
    }
    _add_hints(hints, passes, counts, lost_zeros)
    return MatchResult(
        rows=rows,
        summary=summary,
        hints=[hint.text("en") for hint in hints],
        hints_fr=[hint.text("fr") for hint in hints],
        hint_messages=[hint.message for hint in hints],
    )


def _add_hints(
    hints: list[Hint], passes: Passes, counts: np.ndarray[Any, Any], lost_zeros: int
) -> None:
    key, total = passes.roles.sku, len(passes.key_raw)
    if passes.key_is_id:
        hints.insert(0, _hints.no_sku_column(key))
    if total and passes.catalog_empty_keys == total:
        hints.append(_hints.no_sku_exported(key))
    elif passes.catalog_empty_keys:
        hints.append(_hints.empty_keys(passes.catalog_empty_keys, total, key))
    if counts[EMPTY]:
        hints.append(_hints.offers_without_sku(int(counts[EMPTY])))
    if counts[AMBIGUOUS]:
        hints.append(_hints.ambiguous(int(counts[AMBIGUOUS])))
    if lost_zeros:
        hints.append(_hints.lost_zeros(lost_zeros))
    others = int(counts[NEAR]) - lost_zeros
    if others > 0:
        hints.append(_hints.near(others))
