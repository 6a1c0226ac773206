"""An Excel feed with a title above its header can be read; `match --catalog demo` works."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from rakuten_assist.cli import main
from rakuten_assist.errors import CatalogError
from rakuten_assist.matching.catalog import load_catalog


def _titled_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Export catalogue - boutique Lyon"])
    sheet.append(["généré le 2026-12-01"])
    sheet.append([])
    sheet.append(["id", "sku", "ean"])
    sheet.append(["P1", "RK-1", "3770012000429"])
    sheet.append(["P2", "RK-2", "3770012000436"])
    book.save(path)
    return path


def test_the_header_row_can_be_named(tmp_path: Path) -> None:
    """header_row=4 reads the columns from row 4, the title rows above are not products."""
    frame = load_catalog(_titled_workbook(tmp_path / "feed.xlsx"), header_row=4)
    assert list(frame.columns) == ["id", "sku", "ean"]
    assert list(frame["sku"]) == ["RK-1", "RK-2"]


def test_a_header_row_for_a_csv_is_refused_with_a_fix(tmp_path: Path) -> None:
    """The option is for Excel workbooks: a CSV says so instead of being misread."""
    path = tmp_path / "feed.csv"
    path.write_text("id,sku\nP1,RK-1\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="only be given for an Excel workbook"):
        load_catalog(path, header_row=2)


@pytest.mark.integration
def test_match_reads_the_titled_workbook_with_header_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """match --header-row 4 finds the SKU column under the title."""
    feed = _titled_workbook(tmp_path / "feed.xlsx")
    code = main(["match", "--sandbox", "--catalog", str(feed), "--header-row", "4"])
    out = capsys.readouterr().out
    assert code == 1  # the sandbox's orders are not all in this two-row feed
    assert "SKU column 'sku'" in out


@pytest.mark.integration
def test_match_catalog_demo_uses_the_demo_feed(capsys: pytest.CaptureFixture[str]) -> None:
    """`match --sandbox --catalog demo` reads the demo feed, as the bot accepts `demo`."""
    code = main(["match", "--sandbox", "--catalog", "demo"])
    out = capsys.readouterr().out
    assert "demo_catalogue.csv" in out
    # The demo feed leaves misses on purpose (near misses, an empty SKU): exit 1.
    assert "Matched 34 of 49 items" in out
    assert code == 1
