"""The pure views under the explorer: filter, sort, page, summarise, chart data, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.frames import PII_COLUMNS
from rakuten_assist.notebook.views import (
    OrderQuery,
    acceptance_ages,
    export_orders,
    filter_orders,
    orders_per_country,
    orders_per_day,
    page_of,
    sort_orders,
    summarise_orders,
    view_orders,
)


def test_no_filter_keeps_every_row(small_frame: pd.DataFrame) -> None:
    """Empty filters mean "no filter": every row comes back, none silently dropped."""
    result = filter_orders(small_frame)
    pd.testing.assert_frame_equal(result, small_frame)


def test_filters_combine_with_and(small_frame: pd.DataFrame) -> None:
    """Status, country and source filters each narrow the rows, together as a logical AND."""
    result = filter_orders(
        small_frame, statuses=["ACCEPTED", "TO_CONFIRM"], countries=["FR"], sources=["current"]
    )
    expected = small_frame[
        small_frame["status"].isin(["ACCEPTED", "TO_CONFIRM"])
        & (small_frame["country"] == "FR")
        & (small_frame["source"] == "current")
    ]
    assert list(result["item_id"]) == list(expected["item_id"])
    assert len(result) == 2


def test_fx_is_filtered_as_france(small_frame: pd.DataFrame) -> None:
    """Rakuten's FX buyer country is found under FR, the code the frame uses."""
    assert set(filter_orders(small_frame, countries=["FR"])["purchase_id"]) == {"P1", "P3"}


def test_date_range_is_inclusive_in_paris_time(small_frame: pd.DataFrame) -> None:
    """Both ends of the date range are kept, compared on the French local purchase day."""
    result = filter_orders(small_frame, date_from=date(2025, 3, 3), date_to="2025-03-05")
    assert set(result["purchase_id"]) == {"P2", "P3", "P4"}


def test_text_search_spans_sku_title_and_purchase_id(small_frame: pd.DataFrame) -> None:
    """Free text finds a SKU case-insensitively, a word of a title with accents, a purchase id."""
    assert set(filter_orders(small_frame, text="rk-5")["item_id"]) == {"I5"}
    assert set(filter_orders(small_frame, text="THÉIÈRE")["item_id"]) == {"I1"}
    assert set(filter_orders(small_frame, text="p2")["item_id"]) == {"I3"}
    assert filter_orders(small_frame, text="fonte bleue").empty


def test_match_status_filter_without_column_keeps_nothing(small_frame: pd.DataFrame) -> None:
    """Asking for a match status on a frame never matched returns no rows, not all rows."""
    assert filter_orders(small_frame, match_statuses=["matched"]).empty


def test_filter_does_not_touch_the_callers_frame(small_frame: pd.DataFrame) -> None:
    """Filtering returns a new frame and leaves the caller's frame equal to before."""
    before = small_frame.copy()
    result = filter_orders(small_frame, countries=["BE"])
    result.loc[0, "sku"] = "changed"
    pd.testing.assert_frame_equal(small_frame, before)


def test_sort_by_category_sorts_by_text(small_frame: pd.DataFrame) -> None:
    """Sorting a categorical column orders by its text, descending on request."""
    result = sort_orders(small_frame, "country", ascending=False)
    countries = list(result["country"].astype(str))
    assert countries == sorted(countries, reverse=True)


def test_sort_puts_missing_values_last(small_frame: pd.DataFrame) -> None:
    """An item without SKU sorts after every item that has one, in both directions."""
    for ascending in (True, False):
        result = sort_orders(small_frame, "sku", ascending=ascending)
        assert pd.isna(result["sku"].iloc[-1])


def test_sort_by_unknown_column_says_so(small_frame: pd.DataFrame) -> None:
    """Sorting by a column that does not exist raises a KeyError naming it."""
    with pytest.raises(KeyError, match="nope"):
        sort_orders(small_frame, "nope")


def test_pages_cover_every_row_once(sandbox_frame: pd.DataFrame) -> None:
    """Walking every page shows each row exactly once, the last page being partial."""
    size = 10
    first = page_of(sandbox_frame, 1, size)
    seen = []
    for number in range(1, first.pages + 1):
        seen.extend(page_of(sandbox_frame, number, size).rows["item_id"])
    assert seen == list(sandbox_frame["item_id"])
    assert first.pages == -(-len(sandbox_frame) // size)


def test_page_number_is_clamped(small_frame: pd.DataFrame) -> None:
    """A page past the end shows the last page; a page before the first shows the first."""
    assert page_of(small_frame, 99, 4).number == 2
    assert page_of(small_frame, -3, 4).number == 1
    assert page_of(small_frame.iloc[0:0], 1, 4).label() == "0 of 0 rows · no rows · page 1 of 1"


def test_view_label_says_n_of_m_rows(small_frame: pd.DataFrame) -> None:
    """The view's label counts the filtered rows against every row of the frame."""
    view = view_orders(small_frame, OrderQuery(countries=("FR",), page_size=2))
    assert view.label.startswith("3 of 6 rows")
    assert "page 1 of 2" in view.label


def test_summary_counts_orders_items_and_value(small_frame: pd.DataFrame) -> None:
    """The summary counts distinct purchases, items and price sums per country and status."""
    summary = summarise_orders(small_frame)
    france = summary[(summary["country"] == "FR") & (summary["status"] == "ACCEPTED")].iloc[0]
    assert (france["orders"], france["items"]) == (1, 2)
    assert france["value"] == pytest.approx(34.90 + 9.90)
    assert summary["items"].sum() == len(small_frame)
    assert summary["value"].sum() == pytest.approx(small_frame["price"].sum())


def test_acceptance_ages_lists_waiting_items_oldest_first(small_frame: pd.DataFrame) -> None:
    """Only items awaiting acceptance are listed, oldest first, with the oldest age."""
    ages = acceptance_ages(small_frame)
    assert list(ages.items["item_id"]) == ["I3", "I4"]
    waiting = small_frame[small_frame["needs_acceptance"]]
    assert ages.oldest_hours == pytest.approx(waiting["age_hours"].max())


def test_orders_per_country_and_day_count_purchases(small_frame: pd.DataFrame) -> None:
    """Chart data counts distinct purchases and fills the days without orders with zero."""
    per_country = orders_per_country(small_frame)
    assert (
        per_country["FR"]
        == small_frame.loc[small_frame["country"] == "FR", "purchase_id"].nunique()
    )
    per_day = orders_per_day(small_frame)
    assert len(per_day) == 8  # 1 to 8 March, every day present
    assert per_day.sum() == small_frame["purchase_id"].nunique()
    assert per_day[pd.Timestamp("2025-03-02")] == 0


def test_csv_export_round_trips_without_pii(tmp_path: Path, small_frame_pii: pd.DataFrame) -> None:
    """A CSV export reads back with every row and, by default, no buyer personal column."""
    written = export_orders(small_frame_pii, tmp_path / "view.csv")
    back = pd.read_csv(written, dtype=str, encoding="utf-8-sig")
    assert len(back) == len(small_frame_pii)
    assert not set(PII_COLUMNS) & set(back.columns)
    assert list(back["item_id"]) == list(small_frame_pii["item_id"])
    assert "Théière en fonte" in set(back["headline"])


def test_excel_export_keeps_pii_only_when_asked(
    tmp_path: Path, small_frame_pii: pd.DataFrame
) -> None:
    """An Excel export reads back; buyer columns appear only with with_pii=True."""
    written = export_orders(small_frame_pii, tmp_path / "view.xlsx", with_pii=True)
    back = pd.read_excel(written, dtype=str)
    assert len(back) == len(small_frame_pii)
    assert set(PII_COLUMNS) <= set(back.columns)
    assert back["purchase_date"].iloc[0].startswith("2025-03-01 10:30")


def test_export_refuses_an_unknown_suffix(tmp_path: Path, small_frame: pd.DataFrame) -> None:
    """An export to a file named neither .csv nor .xlsx fails and says how to name it."""
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        export_orders(small_frame, tmp_path / "view.txt")


def test_a_wrong_sort_column_or_page_size_is_said_in_the_analysts_language(
    small_frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An analyst with a French locale who sorts by a column the frame lacks, or asks for
    pages of 0 rows, reads why in French."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    with pytest.raises(KeyError, match="Aucune colonne 'prix' pour trier"):
        view_orders(small_frame, OrderQuery(sort_by="prix"))
    with pytest.raises(ValueError, match="au moins une ligne, pas 0"):
        page_of(small_frame, 1, 0)
