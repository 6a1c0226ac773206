"""MatchReport and load_orders(catalog=): the match summary and every miss, plain pandas first."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.matching.catalog import load_catalog
from rakuten_assist.matching.sku import match_skus
from rakuten_assist.notebook import MatchReport, load_orders
from rakuten_assist.notebook._html import match_result_html
from rakuten_assist.notebook.loading import add_match_columns
from rakuten_assist.sandbox import DEMO_CATALOGUE


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    """The demo catalogue shipped with the notebooks (semicolon CSV, a few feed defects)."""
    return load_catalog(DEMO_CATALOGUE)


def test_report_from_a_path_shows_summary_and_every_miss(
    sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    """Loading by path gives match_skus' result, its summary and all its misses on screen."""
    report = MatchReport(sandbox_frame)
    report.path.value = str(DEMO_CATALOGUE)
    report.load_button.click()
    expected = match_skus(sandbox_frame, catalogue)
    assert report.result is not None
    pd.testing.assert_frame_equal(report.result.rows, expected.rows)
    misses = expected.misses()
    assert f"Misses: {len(misses)} of {len(sandbox_frame)} items" in report.misses_count.value
    assert report.misses_table.value.count("<tr>") == 1 + len(misses)
    assert report.message.last_error is None


def test_column_pickers_list_the_catalogue_columns(
    sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    """The SKU and id pickers offer the loaded catalogue's columns; choosing one re-matches."""
    report = MatchReport(sandbox_frame, catalogue)
    assert set(catalogue.columns) <= {value for _label, value in report.sku_column.options}
    report.sku_column.value = "id"
    expected = match_skus(sandbox_frame, catalogue, sku_column="id")
    assert report.result is not None
    assert report.result.summary["matched"] == expected.summary["matched"]


def test_upload_loads_the_catalogue(sandbox_frame: pd.DataFrame) -> None:
    """A file given through the FileUpload widget is loaded and matched like a path."""
    report = MatchReport(sandbox_frame)
    content = DEMO_CATALOGUE.read_bytes()
    report.upload.value = (
        {
            "name": "feed.csv",
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime(2025, 3, 1, tzinfo=UTC),
        },
    )
    assert report.catalog_frame is not None
    assert "feed.csv" in report.catalog_info.value
    assert report.result is not None


def test_missing_file_error_is_shown_with_its_fix(
    sandbox_frame: pd.DataFrame, tmp_path: Path
) -> None:
    """A path to no file shows the catalogue error and its fix inside the widget."""
    report = MatchReport(sandbox_frame)
    report.path.value = str(tmp_path / "nope.csv")
    report.load_button.click()
    assert report.message.last_error is not None
    assert "Fix:" in report.message.value


def test_load_orders_adds_the_match_status(catalogue: pd.DataFrame) -> None:
    """load_orders(catalog=...) adds each item's match status, equal to match_skus'."""
    frame = load_orders(sandbox=True, catalog=DEMO_CATALOGUE)
    expected = match_skus(load_orders(sandbox=True), catalogue)
    statuses = dict(zip(expected.rows["item_id"], expected.rows["status"], strict=True))
    assert dict(zip(frame["item_id"], frame["match_status"].astype(str), strict=True)) == statuses
    assert frame.attrs["origin"] == "sandbox"


def test_add_match_columns_leaves_the_frame_alone(
    sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    """Adding match columns returns a new frame; the caller's keeps its columns."""
    before = list(sandbox_frame.columns)
    matched = add_match_columns(sandbox_frame, catalogue)
    assert list(sandbox_frame.columns) == before
    assert {"match_status", "match_reason", "product_id"} <= set(matched.columns)


def test_match_result_renders_as_html(sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame) -> None:
    """The match result's HTML lists the summary and one table row per miss."""
    result = match_skus(sandbox_frame, catalogue)
    markup = match_result_html(result)
    assert f"Misses: {len(result.misses())}" in markup
    assert "matched" in markup


def test_the_misses_view_shows_every_reason_and_fix_whole(
    sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    """The notebook's table of SKU misses holds each reason and fix in full, never cut."""
    report = MatchReport(sandbox_frame, catalogue)
    misses = report.misses
    assert len(misses) > 0
    html = report.misses_view().data
    long_texts = [t for t in [*misses["reason"], *misses["suggestion"]] if len(t) > 50]
    assert long_texts
    for text in long_texts:
        assert escape(text) in html


def test_french_labels_come_from_the_notebook_catalogue(
    sandbox_frame: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    """MatchReport(lang="fr") labels its pickers, buttons and miss count in French."""
    report = MatchReport(sandbox_frame, catalogue, lang="fr")
    assert report.sku_column.description == "Colonne SKU"
    assert report.match_button.description == "Rapprocher"
    assert ("(détecter)", "(detect)") in report.sku_column.options
    assert "Non rapprochés" in report.misses_count.value
