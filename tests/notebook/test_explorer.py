"""OrderExplorer built headless: controls set, the filtered frame and displayed counts checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.frames import PII_COLUMNS
from rakuten_assist.notebook import OrderExplorer
from rakuten_assist.notebook.views import filter_orders


def test_starts_with_every_row_counted(sandbox_frame: pd.DataFrame) -> None:
    """On opening, the count says all M of M rows and the table shows the first page only."""
    explorer = OrderExplorer(sandbox_frame, page_size=10)
    total = len(sandbox_frame)
    assert f"{total} of {total} rows" in explorer.count.value
    assert explorer.table.value.count("<tr>") == 1 + 10  # header + one page
    assert "sandbox" in explorer.banner.value


def test_controls_filter_the_view_and_the_count(sandbox_frame: pd.DataFrame) -> None:
    """Setting country and source controls gives the pure filter's rows and an N of M count."""
    explorer = OrderExplorer(sandbox_frame)
    explorer.countries.value = ("FR", "BE")
    explorer.sources.value = ("new",)
    expected = filter_orders(sandbox_frame, countries=["FR", "BE"], sources=["new"])
    pd.testing.assert_frame_equal(explorer.filtered, expected)
    assert f"{len(expected)} of {len(sandbox_frame)} rows" in explorer.count.value


def test_text_and_dates_filter_too(small_frame: pd.DataFrame) -> None:
    """The search box and the date pickers narrow the view like filter_orders does."""
    explorer = OrderExplorer(small_frame)
    explorer.date_from.value = date(2025, 3, 3)
    explorer.search.value = "yoga"
    assert list(explorer.filtered["item_id"]) == ["I4"]
    assert "1 of 6 rows" in explorer.count.value


def test_status_filter_and_clear(small_frame: pd.DataFrame) -> None:
    """Clearing the filters brings every row back after a status filter."""
    explorer = OrderExplorer(small_frame)
    explorer.statuses.value = ("ON_HOLD",)
    assert list(explorer.filtered["item_id"]) == ["I6"]
    explorer.clear_button.click()
    assert len(explorer.filtered) == len(small_frame)
    assert explorer.statuses.value == ()
    assert "6 of 6 rows" in explorer.count.value


def test_next_and_previous_walk_the_pages(sandbox_frame: pd.DataFrame) -> None:
    """Next and previous move one page, the count follows, and the ends disable the buttons."""
    explorer = OrderExplorer(sandbox_frame, page_size=10)
    pages = -(-len(sandbox_frame) // 10)
    assert explorer.previous_button.disabled
    explorer.next_button.click()
    assert f"rows 11-20 · page 2 of {pages}" in explorer.count.value
    for _ in range(pages + 2):
        explorer.next_button.click()
    assert explorer.view.page.number == pages
    assert explorer.next_button.disabled
    explorer.previous_button.click()
    assert explorer.view.page.number == pages - 1


def test_page_size_selector_changes_rows_per_page(sandbox_frame: pd.DataFrame) -> None:
    """A bigger page size shows more rows per page and fewer pages, never cutting rows."""
    explorer = OrderExplorer(sandbox_frame, page_size=10)
    explorer.page_size.value = 100
    shown = min(100, len(sandbox_frame))
    assert explorer.table.value.count("<tr>") == 1 + shown
    assert len(explorer.view.page.rows) == shown


def test_sort_control_orders_the_table(sandbox_frame: pd.DataFrame) -> None:
    """Choosing a sort column and descending orders the whole filtered view."""
    explorer = OrderExplorer(sandbox_frame)
    explorer.sort_by.value = "price"
    explorer.descending.value = True
    prices = list(explorer.filtered["price"])
    assert prices == sorted(prices, reverse=True)


def test_caller_frame_is_never_modified(sandbox_frame: pd.DataFrame) -> None:
    """Filtering, sorting and exporting leave the caller's frame exactly as it was."""
    before = sandbox_frame.copy()
    explorer = OrderExplorer(sandbox_frame)
    explorer.countries.value = ("FR",)
    explorer.sort_by.value = "sku"
    explorer.frame.loc[0, "sku"] = "mutated inside"
    pd.testing.assert_frame_equal(sandbox_frame, before)


def test_summary_and_charts_follow_the_filters(small_frame: pd.DataFrame) -> None:
    """The summary names awaiting items; opening the charts tab draws a PNG for the view."""
    explorer = OrderExplorer(small_frame)
    assert "2 items await acceptance" in explorer.summary.value
    assert explorer.charts.outputs == ()
    explorer.tabs.selected_index = 2
    assert explorer.charts.outputs[0]["data"]["image/png"]
    explorer.sources.value = ("current",)
    assert "No item in this view awaits acceptance" in explorer.summary.value
    explorer.search.value = "nothing matches this"
    assert "nothing to chart" in explorer.charts.outputs[0]["data"]["text/html"]


def test_titles_are_escaped_in_the_table(small_frame: pd.DataFrame) -> None:
    """A title holding HTML is shown as text, not interpreted."""
    explorer = OrderExplorer(small_frame)
    assert "Tasse &lt;b&gt;bleue&lt;/b&gt;" in explorer.table.value
    assert "<b>bleue</b>" not in explorer.table.value


def test_export_button_writes_the_filtered_view(tmp_path: Path, small_frame: pd.DataFrame) -> None:
    """The export button writes the filtered rows to the file and confirms on screen."""
    explorer = OrderExplorer(small_frame, export_path=tmp_path / "view.csv")
    explorer.countries.value = ("FR",)
    explorer.export_button.click()
    back = pd.read_csv(tmp_path / "view.csv", dtype=str, encoding="utf-8-sig")
    assert sorted(back["item_id"]) == sorted(explorer.filtered["item_id"])
    assert "Wrote 3 rows" in explorer.export_status.value


def test_excel_export_without_pii_unless_kept(
    tmp_path: Path, small_frame_pii: pd.DataFrame
) -> None:
    """A frame loaded with PII exports without it by default; ticking the box puts it in."""
    explorer = OrderExplorer(small_frame_pii)
    assert explorer.export_pii.value is False
    assert not explorer.export_pii.disabled
    written = explorer.export(tmp_path / "view.xlsx")
    assert not set(PII_COLUMNS) & set(pd.read_excel(written).columns)
    explorer.export_pii.value = True
    written = explorer.export(tmp_path / "with_pii.xlsx")
    assert set(PII_COLUMNS) <= set(pd.read_excel(written).columns)


def test_frame_without_pii_cannot_export_pii(small_frame: pd.DataFrame) -> None:
    """Without PII in the frame, the personal-data box is off and disabled."""
    explorer = OrderExplorer(small_frame)
    assert explorer.export_pii.value is False
    assert explorer.export_pii.disabled


def test_export_error_is_shown_in_the_widget(tmp_path: Path, small_frame: pd.DataFrame) -> None:
    """An export into a missing folder shows the error in the widget instead of raising."""
    explorer = OrderExplorer(small_frame, export_path=tmp_path / "missing" / "view.csv")
    explorer.export_button.click()
    assert isinstance(explorer.message.last_error, FileNotFoundError)
    assert "does not exist" in explorer.message.value


def test_needs_a_frame_or_a_client() -> None:
    """Building the explorer from nothing fails with a message saying what to give."""
    with pytest.raises(ValueError, match="load_orders"):
        OrderExplorer()


def test_needs_a_frame_or_a_client_said_in_french() -> None:
    """A French analyst building the explorer from nothing reads what to give in French."""
    with pytest.raises(ValueError, match="Donnez à l'explorateur un tableau"):
        OrderExplorer(lang="fr")


def test_french_labels_come_from_the_notebook_catalogue(small_frame: pd.DataFrame) -> None:
    """OrderExplorer(lang="fr") labels its filters, buttons, tabs, banner and summary in French."""
    explorer = OrderExplorer(small_frame, lang="fr")
    assert explorer.statuses.description == "Statut"
    assert explorer.clear_button.description == "Effacer les filtres"
    assert explorer.export_pii.description == "inclure les données personnelles des acheteurs"
    assert explorer.tabs.titles == ("Tableau", "Résumé", "Graphiques", "Export")
    assert "données personnelles des acheteurs masquées" in explorer.banner.value
    assert "Commandes, articles et montant" in explorer.summary.value


def test_the_row_count_and_page_are_said_in_french(small_frame: pd.DataFrame) -> None:
    """A French explorer counts rows and pages in French above the table and in the summary;
    it said "6 of 6 rows · rows 1-4 · page 1 of 2" to a French analyst."""
    explorer = OrderExplorer(small_frame, lang="fr", page_size=4)
    assert "6 sur 6 lignes · lignes 1 à 4 · page 1 sur 2" in explorer.count.value
    assert "<b>6 sur 6 lignes</b>" in explorer.summary.value
    for english in (" of ", "rows"):
        assert english not in explorer.count.value


def test_an_export_the_system_refuses_is_said_in_french_without_a_class_name(
    small_frame: pd.DataFrame, tmp_path: Path
) -> None:
    """Exporting over a folder: a French analyst reads "Erreur : <path> : c'est un dossier",
    not "IsADirectoryError : [Errno 21] Is a directory"."""
    folder = tmp_path / "view.csv"
    folder.mkdir()
    explorer = OrderExplorer(small_frame, lang="fr", export_path=folder)
    explorer.export_button.click()
    shown = explorer.message.value
    assert "Erreur" in shown
    assert "c&#x27;est un dossier" in shown or "c'est un dossier" in shown
    assert "Error" not in shown
    assert "Errno" not in shown
