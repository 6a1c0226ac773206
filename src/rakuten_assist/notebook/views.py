"""Pure pandas views of an orders frame: filter, sort, page, summarise, chart data, export.

Every widget of ``rakuten_assist.notebook`` is a thin shell over one of these; they never
modify the frame they are given and import nothing from ipywidgets.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import pandas as pd

from rakuten_assist.exports import atomic_write, neutralise_formulas
from rakuten_assist.frames import PARIS, PII_COLUMNS
from rakuten_assist.i18n import configured_lang, t
from rakuten_assist.notebook._filter_values import (
    MATCH_STATUSES,
    SOURCES,
    checked,
    wanted_countries,
    wanted_statuses,
)

__all__ = [
    "EXPORT_FORMATS",
    "SEARCH_COLUMNS",
    "AcceptanceAges",
    "OrderQuery",
    "OrderView",
    "Page",
    "acceptance_ages",
    "export_orders",
    "filter_orders",
    "orders_per_country",
    "orders_per_day",
    "page_of",
    "sort_orders",
    "summarise_orders",
    "view_orders",
]

#: Columns the free-text search looks into (those present in the frame).
SEARCH_COLUMNS = ("sku", "headline", "purchase_id", "item_id", "ean")

ExportFormat = Literal["csv", "excel"]
EXPORT_FORMATS: dict[str, ExportFormat] = {
    ".csv": "csv",
    ".xlsx": "excel",
}


def _as_day(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _in(frame: pd.DataFrame, column: str, wanted: Collection[str]) -> pd.Series:
    if column not in frame.columns:
        # Asking for a match status on a frame without one keeps nothing: never all rows.
        return pd.Series(False, index=frame.index)
    return frame[column].astype("object").isin(list(wanted))


def filter_orders(
    frame: pd.DataFrame,
    *,
    statuses: Collection[str] = (),
    countries: Collection[str] = (),
    sources: Collection[str] = (),
    match_statuses: Collection[str] = (),
    date_from: date | datetime | str | None = None,
    date_to: date | datetime | str | None = None,
    text: str = "",
) -> pd.DataFrame:
    """The rows of an orders frame that pass every given filter.

    An empty collection (or None, or an empty text) means "no filter on this column".

    Args:
        frame: an ``orders_frame`` (or ``load_orders``) result; it is not modified.
        statuses: item statuses to keep (``ACCEPTED``, ``REQUESTED``...).
        countries: buyer countries to keep (ISO alpha-2).
        sources: ``new`` and/or ``current``.
        match_statuses: SKU match statuses to keep (needs a ``match_status`` column).
        date_from: first purchase day kept (inclusive, French local date).
        date_to: last purchase day kept (inclusive, French local date).
        text: case-insensitive words, each found in the SKU, title, purchase id, item id or EAN.

    Returns:
        A new frame with a fresh RangeIndex and the same columns and dtypes.

    Raises:
        ValueError: a value that can never match, instead of silently keeping no row: a
            country name instead of its code, an unknown status, source or match status.
            Statuses and country codes are read in any case (``accepted``, ``fr``).
    """
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (
        ("status", wanted_statuses(frame, statuses) if statuses else ()),
        ("country", wanted_countries(countries)),
        ("source", checked(sources, SOURCES, "errors.filters.unknown_sources")),
        (
            "match_status",
            checked(match_statuses, MATCH_STATUSES, "errors.filters.unknown_match_statuses"),
        ),
    ):
        if wanted:
            keep &= _in(frame, column, wanted)
    first, last = _as_day(date_from), _as_day(date_to)
    if (first is not None or last is not None) and "purchase_date" in frame.columns:
        stamps = frame["purchase_date"]
        if stamps.dt.tz is not None:
            stamps = stamps.dt.tz_convert(PARIS)
        days = stamps.dt.date
        if first is not None:
            keep &= days.notna() & (days >= first)
        if last is not None:
            keep &= days.notna() & (days <= last)
    words = text.casefold().split()
    if words:
        columns = [name for name in SEARCH_COLUMNS if name in frame.columns]
        haystack = pd.Series("", index=frame.index, dtype="object")
        for name in columns:
            haystack = haystack + " " + frame[name].astype("object").fillna("").astype(str)
        haystack = haystack.str.casefold()
        for word in words:
            keep &= haystack.str.contains(word, regex=False)
    return frame.loc[keep].reset_index(drop=True)


def sort_orders(frame: pd.DataFrame, column: str | None, *, ascending: bool = True) -> pd.DataFrame:
    """The frame sorted by one column (missing values last), stable; the input is untouched.

    Categories sort by their text, not by the order of their categories.
    """
    if not column:
        return frame.reset_index(drop=True)
    if column not in frame.columns:
        raise KeyError(
            t("notebook.explorer.no_sort_column", configured_lang(), column=repr(column))
        )
    series = frame[column]
    if isinstance(series.dtype, pd.CategoricalDtype):
        key = series.astype("object")
        order = key.sort_values(ascending=ascending, na_position="last", kind="stable").index
        return frame.loc[order].reset_index(drop=True)
    return frame.sort_values(
        column, ascending=ascending, na_position="last", kind="stable"
    ).reset_index(drop=True)


@dataclass(frozen=True)
class Page:
    """One page of a frame.

    Attributes:
        rows: the rows of the page (a copy).
        number: the page shown, from 1 (clamped to the pages that exist).
        pages: how many pages there are (at least 1).
        start: position of the first row shown, from 0.
        total: rows in the whole frame.
    """

    rows: pd.DataFrame
    number: int
    pages: int
    start: int
    total: int

    @property
    def stop(self) -> int:
        """Position after the last row shown."""
        return self.start + len(self.rows)

    def count(self, of_total: int | None = None, lang: str | None = None) -> str:
        """``"49 of 120 rows"``: the rows that match out of all, in ``lang`` (by default the
        reader's: ``RAKUTEN_ASSIST_LANG``, else the locale)."""
        lang = configured_lang(lang)
        all_rows = self.total if of_total is None else of_total
        return t("notebook.explorer.count", lang, shown=self.total, total=all_rows)

    def label(self, of_total: int | None = None, lang: str | None = None) -> str:
        """``"49 of 120 rows · rows 11-20 · page 2 of 5"``: the table's header, in ``lang`` (by
        default the reader's)."""
        lang = configured_lang(lang)
        if len(self.rows):
            shown = t("notebook.explorer.rows_shown", lang, first=self.start + 1, last=self.stop)
        else:
            shown = t("notebook.explorer.no_rows_shown", lang)
        page = t("notebook.explorer.page_of", lang, number=self.number, pages=self.pages)
        return " · ".join((self.count(of_total, lang), shown, page))


def page_of(frame: pd.DataFrame, number: int, size: int) -> Page:
    """Page ``number`` (from 1) of ``size`` rows; out-of-range numbers are clamped."""
    if size < 1:
        raise ValueError(t("notebook.explorer.page_size_too_small", configured_lang(), size=size))
    total = len(frame)
    pages = max(1, math.ceil(total / size))
    number = min(max(1, number), pages)
    start = (number - 1) * size
    return Page(
        rows=frame.iloc[start : start + size].copy(),
        number=number,
        pages=pages,
        start=start,
        total=total,
    )


def summarise_orders(frame: pd.DataFrame) -> pd.DataFrame:
    """Orders, items and value by buyer country and item status, biggest first.

    Returns:
        Columns ``country``, ``status``, ``orders`` (distinct purchases), ``items``, ``value``
        (sum of item prices) and ``currency``; one row per country and status present.
    """
    columns = ["country", "status", "orders", "items", "value", "currency"]
    if frame.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    work = pd.DataFrame(
        {
            "country": frame["country"].astype("object").fillna("??"),
            "status": frame["status"].astype("object").fillna("?"),
            "purchase_id": frame["purchase_id"],
            "price": frame["price"],
            "currency": frame["currency"].astype("object").fillna(""),
        }
    )
    grouped = work.groupby(["country", "status"], sort=False, dropna=False)
    summary = grouped.agg(
        orders=("purchase_id", "nunique"),
        items=("purchase_id", "size"),
        value=("price", "sum"),
        currency=("currency", lambda values: "/".join(sorted(set(values) - {""}))),
    ).reset_index()
    summary["value"] = summary["value"].round(2)
    return summary.sort_values(
        ["items", "value", "country", "status"],
        ascending=[False, False, True, True],
        kind="stable",
    ).reset_index(drop=True)[columns]


@dataclass(frozen=True)
class AcceptanceAges:
    """Sales waiting for the seller to accept or refuse them, and how long they have waited.

    Attributes:
        items: the waiting items, oldest first (purchase id, item id, country, age in hours).
        oldest_hours: the age of the oldest waiting item (None when nothing waits).
        median_hours: the median age (None when nothing waits).
    """

    items: pd.DataFrame
    oldest_hours: float | None
    median_hours: float | None

    @property
    def count(self) -> int:
        """How many items wait for acceptance."""
        return len(self.items)


def acceptance_ages(frame: pd.DataFrame) -> AcceptanceAges:
    """The items still waiting for acceptance, oldest first, with their age in hours."""
    columns = [
        name
        for name in ("purchase_id", "item_id", "purchase_date", "country", "status", "age_hours")
        if name in frame.columns
    ]
    if "needs_acceptance" in frame.columns:
        waiting = frame.loc[frame["needs_acceptance"].astype(bool), columns]
    else:
        waiting = frame.iloc[0:0][columns]
    waiting = waiting.sort_values("age_hours", ascending=False, kind="stable").reset_index(
        drop=True
    )
    ages = waiting["age_hours"].dropna() if "age_hours" in waiting.columns else pd.Series()
    return AcceptanceAges(
        items=waiting,
        oldest_hours=float(ages.max()) if len(ages) else None,
        median_hours=float(ages.median()) if len(ages) else None,
    )


def orders_per_country(frame: pd.DataFrame) -> pd.Series:
    """Distinct purchases per buyer country (``??`` when unknown), most first."""
    if frame.empty:
        return pd.Series(dtype="int64", name="orders")
    countries = frame["country"].astype("object").fillna("??")
    counts = (
        pd.DataFrame({"country": countries, "purchase_id": frame["purchase_id"]})
        .groupby("country")["purchase_id"]
        .nunique()
        .sort_values(ascending=False, kind="stable")
    )
    counts.name = "orders"
    return counts


def orders_per_day(frame: pd.DataFrame) -> pd.Series:
    """Distinct purchases per French local purchase day, every day of the range included."""
    if frame.empty or frame["purchase_date"].isna().all():
        return pd.Series(dtype="int64", name="orders")
    stamps = frame["purchase_date"]
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert(PARIS).dt.tz_localize(None)
    days = stamps.dt.normalize()
    counts = (
        pd.DataFrame({"day": days, "purchase_id": frame["purchase_id"]})
        .dropna(subset=["day"])
        .groupby("day")["purchase_id"]
        .nunique()
    )
    full = pd.date_range(counts.index.min(), counts.index.max(), freq="D")
    counts = counts.reindex(full, fill_value=0).astype("int64")
    counts.index.name = "day"
    counts.name = "orders"
    return counts


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones: datetimes become French local wall time."""
    out = frame.copy()
    for name in out.columns:
        series = out[name]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[name] = series.dt.tz_convert(PARIS).dt.tz_localize(None)
    return out


def export_orders(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    format: ExportFormat | None = None,
    with_pii: bool = False,
) -> Path:
    """Write the frame to CSV or Excel and return the absolute path written.

    Buyer personal columns (``PII_COLUMNS``) are dropped unless ``with_pii=True``, so a view
    built with ``with_pii=True`` still needs a second, explicit yes to leave the notebook.

    Args:
        frame: the rows to write (not modified).
        path: the file to write; its parent directory must exist.
        format: ``csv`` or ``excel``; from the suffix (``.csv``, ``.xlsx``) when None.

    The file is written whole or not at all (a temporary file, then a rename), and every text
    cell a spreadsheet would run as a formula gets a leading apostrophe.
        with_pii: keep buyer names, e-mail, phones and street address.

    Raises:
        ValueError: an unknown format or suffix.
        FileNotFoundError: the parent directory does not exist.
    """
    target = Path(path).expanduser()
    fmt = format or EXPORT_FORMATS.get(target.suffix.lower())
    if fmt not in ("csv", "excel"):
        raise ValueError(
            t("errors.notebook.export_format", configured_lang(), name=repr(target.name))
        )
    if not target.parent.exists():
        raise FileNotFoundError(
            t("errors.notebook.no_folder", configured_lang(), path=repr(str(target.parent)))
        )
    data = frame if with_pii else frame.drop(columns=[c for c in PII_COLUMNS if c in frame])
    # Text from Rakuten or a catalogue starting with = + - @ would run as a formula.
    data = neutralise_formulas(data)
    if fmt == "csv":
        # UTF-8 with BOM: Excel on Windows opens French accents correctly only with it.
        atomic_write(target, lambda path: data.to_csv(path, index=False, encoding="utf-8-sig"))
    else:
        excel = _for_excel(data)
        atomic_write(target, lambda path: excel.to_excel(path, index=False, sheet_name="orders"))
    return target.resolve()


@dataclass(frozen=True)
class OrderQuery:
    """Everything the explorer's controls say: filters, sort and page."""

    statuses: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    match_statuses: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    sort_by: str | None = None
    descending: bool = False
    page: int = 1
    page_size: int = 25


@dataclass(frozen=True)
class OrderView:
    """What the explorer shows for one query.

    Attributes:
        rows: the filtered and sorted rows (every one of them, not only the page).
        page: the page of ``rows`` on screen.
        total: rows in the frame before filtering.
    """

    rows: pd.DataFrame
    page: Page
    total: int

    @property
    def label(self) -> str:
        """``"12 of 49 rows · rows 1-10 · page 1 of 2"``, in the reader's language."""
        return self.page.label(self.total)


def view_orders(frame: pd.DataFrame, query: OrderQuery) -> OrderView:
    """Filter, sort and page an orders frame as the query says; the frame is not modified."""
    rows = filter_orders(
        frame,
        statuses=query.statuses,
        countries=query.countries,
        sources=query.sources,
        match_statuses=query.match_statuses,
        date_from=query.date_from,
        date_to=query.date_to,
        text=query.text,
    )
    rows = sort_orders(rows, query.sort_by, ascending=not query.descending)
    return OrderView(rows=rows, page=page_of(rows, query.page, query.page_size), total=len(frame))
