"""The match command on files: exit codes, table, JSON and CSV of CLI.md, clear input errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.cli import main
from rakuten_assist.frames import orders_frame, to_json_records
from rakuten_assist.models import OrderLine

CATALOG = "id;sku;ean\nP1;RK-001;\nP2;RK-002;\nP3;RK-002;\nP4;123;\n"
ORDERS = "item_id,sku,ean\n1,RK-001,\n2,RK-002,\n3,00123,\n4,,\n5,P1,\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A catalogue with the usual mistakes and an orders export hitting each of them."""
    catalog, orders = tmp_path / "feed.csv", tmp_path / "orders.csv"
    catalog.write_text(CATALOG, encoding="utf-8")
    orders.write_text(ORDERS, encoding="utf-8")
    return catalog, orders


def test_table_names_each_problem_and_exits_1(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The human report shows the rate, every miss with why and fix, and the feed hints."""
    catalog, orders = files
    code = main(["match", "--catalog", str(catalog), "--orders", str(orders)])
    out = capsys.readouterr().out
    assert code == 1
    assert "Matched 1 of 5 items (20%)" in out
    # Each problem is named in words, not by its JSON status code.
    words = (
        "on several catalogue rows",
        "nearly the same SKU",
        "empty SKU",
        "not in the catalogue",
    )
    for status in words:
        assert status in out
    assert "near_miss" not in out
    assert out.count("why:") == 4
    assert out.count("fix:") == 4
    assert "match the catalogue's 'id' column" in out


def test_json_is_the_contract_and_alone_on_stdout(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json prints only the JSON document, with the CLI.md keys."""
    catalog, orders = files
    code = main(["match", "--catalog", str(catalog), "--orders", str(orders), "--format", "json"])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert code == 1
    assert document["summary"]["items"] == 5
    assert document["summary"]["matched"] == 1
    assert document["summary"]["unmatched"] == 4
    statuses = [row["status"] for row in document["rows"]]
    assert statuses == ["matched", "ambiguous", "near_miss", "empty_sku", "not_in_catalog"]
    assert all(
        {"item_id", "sku", "product_id", "status", "reason", "suggestion"} <= set(row)
        for row in document["rows"]
    )
    assert "Matching 5 order items" in captured.err


def test_csv_rows(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv prints one row per item with status, reason and suggestion."""
    catalog, orders = files
    main(["match", "--catalog", str(catalog), "--orders", str(orders), "--format", "csv"])
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str)
    assert len(frame) == 5
    assert {"item_id", "sku", "status", "reason", "suggestion"} <= set(frame.columns)
    assert frame.loc[2, "sku"] == "00123"


def test_all_matched_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When every item matches the command exits 0."""
    catalog, orders = tmp_path / "feed.csv", tmp_path / "orders.csv"
    catalog.write_text("id,sku\nP1,RK-001\n", encoding="utf-8")
    orders.write_text("item_id,sku\n1,RK-001\n", encoding="utf-8")
    assert main(["match", "--catalog", str(catalog), "--orders", str(orders)]) == 0
    assert "Matched 1 of 1" in capsys.readouterr().out


def test_missing_column_exits_2_listing_columns(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong --sku-column is a usage error listing the catalogue's columns, no traceback."""
    catalog, orders = files
    code = main(
        ["match", "--catalog", str(catalog), "--orders", str(orders), "--sku-column", "ref"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "'id', 'sku', 'ean'" in err
    assert "Fix:" in err
    assert "Traceback" not in err


def test_unreadable_catalogue_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing catalogue file exits 2 with its cause."""
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    code = main(["match", "--catalog", str(tmp_path / "nope.csv"), "--orders", str(orders)])
    assert code == 2
    assert "No catalogue file" in capsys.readouterr().err


def test_orders_exports_in_json_and_parquet(
    tmp_path: Path, line: Callable[..., OrderLine], capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON and Parquet exports of `orders` are accepted as --orders, SKUs intact."""
    frame = orders_frame([line("1", sku="00042"), line("2", sku=None)])
    catalog = tmp_path / "feed.csv"
    catalog.write_text("id,sku\nP1,00042\n", encoding="utf-8")
    as_json, as_parquet = tmp_path / "orders.json", tmp_path / "orders.parquet"
    as_json.write_text(json.dumps(to_json_records(frame)), encoding="utf-8")
    frame.to_parquet(as_parquet, index=False)
    for export in (as_json, as_parquet):
        code = main(
            ["match", "--catalog", str(catalog), "--orders", str(export), "--format", "json"]
        )
        rows = json.loads(capsys.readouterr().out)["rows"]
        assert code == 1
        assert [row["status"] for row in rows] == ["matched", "empty_sku"]


def test_output_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    """-o writes the report to a file instead of stdout."""
    catalog, orders = files
    target = tmp_path / "report.json"
    arguments = ["match", "--catalog", str(catalog), "--orders", str(orders)]
    main([*arguments, "--format", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["items"] == 5


def test_no_orders_and_no_credentials(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --orders and without credentials the command says how to connect, exit 2."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    catalog, _ = files
    assert main(["match", "--catalog", str(catalog)]) == 2
    assert "--sandbox" in capsys.readouterr().err


def test_command_module_imports_without_pandas() -> None:
    """Loading the match command does not import pandas (the CLI starts fast)."""
    probe = "import sys, rakuten_assist.cli.match; print('pandas' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "False"


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_a_missing_orders_file_is_named_as_the_orders_not_the_catalogue(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make: str,
) -> None:
    """--orders naming nothing (or a folder) exits 2 saying the orders file is missing, with
    how to write one; it said "No catalogue file at orders.json"."""
    feed = tmp_path / "feed.csv"
    feed.write_text("sku,title\nA,x\n", encoding="utf-8")
    orders = tmp_path / "orders.json"
    if make == "folder":
        orders.mkdir()
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert main(["match", "--catalog", str(feed), "--orders", str(orders)]) == 2
    err = capsys.readouterr().err
    assert "fichier de commandes" in err
    assert "rakuten-assist orders -o" in err
    assert "catalogue" not in err.split("Solution")[0]
