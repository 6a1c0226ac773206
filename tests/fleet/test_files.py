"""``fleet orders -o FILE``: the format the file names, written whole, formulas made inert."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from rakuten_assist.cli import main
from rakuten_assist.cli.fleet import _write

pytestmark = pytest.mark.integration

FETCHED = {f"shop-{i:04d}" for i in range(1, 11)} - {"shop-0004", "shop-0008"}


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str)
    if path.suffix == ".json":
        return pd.DataFrame(json.loads(path.read_text(encoding="utf-8")))
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_excel(path, dtype=str)


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet", ".xlsx"])
def test_the_output_extension_chooses_the_format(
    suffix: str, small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o fleet.csv/.json/.parquet/.xlsx holds that format, one row per item with its account."""
    output = tmp_path / f"fleet{suffix}"
    store = str(tmp_path / "s.db")
    code = main(
        ["fleet", "orders", "--accounts", str(small_file), "--store", store, "-o", str(output)]
    )
    assert code == 1
    frame = _read(output)
    assert {"account", "purchase_id", "item_id", "sku", "country"} <= set(frame.columns)
    assert set(frame["account"]) == FETCHED
    assert f"wrote {len(frame)} rows to {output}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "extra", "said"),
    [
        ("fleet.csv", ["--format", "json"], "fleet.csv"),
        ("fleet.xls", [], "fleet.xls"),
    ],
)
def test_a_wrong_or_unknown_extension_is_refused_before_any_call(
    name: str,
    extra: list[str],
    said: str,
    small_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """-o fleet.csv --format json, or -o fleet.xls: exit 2 with the fix, no store, no file."""
    store = tmp_path / "s.db"
    output = tmp_path / name
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", str(store)]
    assert main([*args, "-o", str(output), *extra]) == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Fix:" in err
    assert not store.exists()
    assert not output.exists()


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "account": ["shop-0001"],
            "purchase_id": ["P1"],
            "purchase_date": pd.to_datetime(["2026-12-01 10:00"]).tz_localize("UTC"),
            "item_id": ["I1"],
            "sku": ['=HYPERLINK("http://x")'],
            "status": ["REQUESTED"],
            "source": ["new"],
        }
    )


def test_csv_cells_a_spreadsheet_would_run_get_an_apostrophe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A SKU starting with '=' is written as text in the CSV file and on stdout."""
    output = tmp_path / "fleet.csv"
    _write(_frame(), "csv", output, "en")
    assert pd.read_csv(output, dtype=str)["sku"][0] == '\'=HYPERLINK("http://x")'
    capsys.readouterr()
    _write(_frame(), "csv", None, "en")
    assert "'=HYPERLINK" in capsys.readouterr().out


def test_a_failed_write_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way leaves the file of the last run as it was."""
    output = tmp_path / "fleet.parquet"
    output.write_bytes(b"last run")

    def half(self: pd.DataFrame, path: Path, **_: object) -> None:
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", half)
    with pytest.raises(OSError, match="No space left"):
        _write(_frame(), "parquet", output, "en")
    assert output.read_bytes() == b"last run"


@pytest.mark.skipif(not Path(os.devnull).exists(), reason="no null device")
def test_output_to_the_null_device_stores_the_run_and_leaves_the_device(
    small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o /dev/null (the sharded cron of docs/scaling.md) stores the run; the device stays."""
    store = str(tmp_path / "s.db")
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", store]
    assert main([*args, "-o", os.devnull]) == 1
    assert not Path(os.devnull).is_file()
    capsys.readouterr()
    assert main(["fleet", "report", "--store", store, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["run"] is not None
