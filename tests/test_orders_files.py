"""orders files: format from the name, atomic, no live formulas, resume and Ctrl-C lose nothing."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import shlex
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import Sandbox, running_sandbox

pytestmark = pytest.mark.integration

FORMULAS = {"sku": '=HYPERLINK("http://evil","x")', "headline": "@SUM(1+1)*cmd|' /C calc'!A0"}


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    """A sandbox with one item whose SKU and title are spreadsheet formulas."""
    with running_sandbox() as sandbox:
        item = sandbox.state.sales[0].items[0]
        item.product = dataclasses.replace(item.product, **FORMULAS)
        yield sandbox


@pytest.fixture(autouse=True)
def _no_retry_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("time.sleep", lambda _: None)


def _base(sb: Sandbox) -> list[str]:
    return ["--login", sb.login, "--token", sb.token, "--base-url", sb.base_url]


def _ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [row["item_id"] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("suffix", [".json", ".parquet", ".xlsx", ".csv"])
def test_the_format_follows_the_extension(sb: Sandbox, tmp_path: Path, suffix: str) -> None:
    """-o open.json (.parquet, .xlsx, .csv) writes that format, not the text table."""
    out = tmp_path / f"open{suffix}"
    assert main(["orders", *_base(sb), "-o", str(out)]) == 0
    reader = {
        ".json": lambda p: pd.DataFrame(json.loads(p.read_text(encoding="utf-8"))),
        ".parquet": pd.read_parquet,
        ".xlsx": pd.read_excel,
        ".csv": pd.read_csv,
    }[suffix]
    frame = reader(out)
    assert len(frame) == 49
    assert "item_id" in frame.columns


def test_a_format_the_extension_contradicts_is_an_error(
    sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format csv -o open.json exits 2 before any request, saying how to fix it."""
    code = main(["orders", *_base(sb), "--format", "csv", "-o", str(tmp_path / "open.json")])
    assert code == 2
    assert sb.state.count_requests() == 0
    assert "names the json format but --format csv" in capsys.readouterr().err


def test_csv_and_excel_cells_never_run_as_formulas(sb: Sandbox, tmp_path: Path) -> None:
    """A SKU or title starting with = or @ is written with a leading apostrophe."""
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"open{suffix}"
        assert main(["orders", *_base(sb), "-o", str(out)]) == 0
        frame = pd.read_csv(out, dtype=str) if suffix == ".csv" else pd.read_excel(out, dtype=str)
        assert "'" + FORMULAS["sku"] in set(frame["sku"])
        assert "'" + FORMULAS["headline"] in set(frame["headline"])
        for column in frame.columns:
            texts = frame[column].dropna().astype(str)
            assert not texts.str.match(r"[=+@\t\r]").any(), column
    # Excel: the cell holds text, not a formula.
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "open.xlsx").active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_json_keeps_the_values_as_they_are(sb: Sandbox, tmp_path: Path) -> None:
    """JSON is not a spreadsheet: the SKU is kept exactly as Rakuten sent it."""
    out = tmp_path / "open.json"
    assert main(["orders", *_base(sb), "-o", str(out)]) == 0
    assert FORMULAS["sku"] in {row["sku"] for row in json.loads(out.read_text("utf-8"))}


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    """atomic_write: a writer failing half-way leaves the old file and no temporary file."""
    from rakuten_assist.exports import atomic_write

    target = tmp_path / "open.csv"
    target.write_text("old complete content\n", encoding="utf-8")

    def half_then_fail(path: Path) -> None:
        path.write_text("new but cut", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old complete content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["open.csv"]


def _printed_resume(err: str) -> list[str]:
    command = err.split("Resume with: ", 1)[1].split(" (its rows", 1)[0].split(";", 1)[0]
    words = shlex.split(command)
    assert words[:2] == ["rakuten-assist", "orders"]
    return words[1:]


def test_resume_merges_into_the_same_file_and_the_command_is_complete(
    sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Page 3 fails; the printed command, run as is, completes the same file, one row per item."""
    full = tmp_path / "full.csv"
    assert main(["orders", *_base(sb), "-o", str(full)]) == 0
    out = tmp_path / "open.csv"
    capsys.readouterr()
    sb.faults.fail_next("getcurrentsales", count=10, page=3)
    assert main(["orders", *_base(sb), "-o", str(out)]) == 3
    first = _ids(out)
    assert 0 < len(first) < 49
    words = _printed_resume(capsys.readouterr().err)
    for option in ("-o", "--format", "--base-url", "--login"):
        assert option in words
    assert sb.token not in words
    sb.faults.clear()
    assert main([*words, "--token", sb.token]) == 0
    merged = _ids(out)
    assert sorted(merged) == sorted(_ids(full))
    assert len(merged) == len(set(merged))


def test_a_resumed_run_numbers_its_pages_as_the_run_it_continues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run failing on page 3 keeps pages 1-2 and prints a resume from page 3; the resumed
    run says pages 3, 4, then a failure on page 5 with a resume from page 5, and the third run
    completes the file."""
    out = tmp_path / "open.csv"
    with running_sandbox(sales=80, page_size=10) as sandbox:
        everything = tmp_path / "full.csv"
        assert main(["orders", *_base(sandbox), "-o", str(everything)]) == 0
        capsys.readouterr()
        sandbox.faults.fail_next("getcurrentsales", count=10, page=3)
        assert main(["orders", *_base(sandbox), "-o", str(out)]) == 3
        err = capsys.readouterr().err
        assert "Page 3 of the current sales failed after 2 pages arrived" in err
        words = _printed_resume(err)
        assert words[words.index("--resume-page") + 1] == "3"
        sandbox.faults.clear()
        sandbox.faults.fail_next("getcurrentsales", count=10, page=5)
        assert main([*words, "--token", sandbox.token]) == 3
        err = capsys.readouterr().err
        assert "page 3 read" in err
        assert "page 4 read" in err
        assert "page 1 read" not in err
        assert "Page 5 of the current sales failed after 4 pages arrived" in err
        words = _printed_resume(err)
        assert words[words.index("--resume-page") + 1] == "5"
        sandbox.faults.clear()
        assert main([*words, "--token", sandbox.token]) == 0
        assert sorted(_ids(out)) == sorted(_ids(everything))


def test_a_resumed_run_failing_again_says_what_the_file_holds_in_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A resumed run that fails again merges into the -o file, and its hint counts the rows
    the file holds (both runs), not only the rows this run fetched."""
    out = tmp_path / "open.csv"
    with running_sandbox(sales=80, page_size=10) as sandbox:
        sandbox.faults.fail_next("getcurrentsales", count=10, page=3)
        assert main(["orders", *_base(sandbox), "-o", str(out)]) == 3
        words = _printed_resume(capsys.readouterr().err)
        sandbox.faults.clear()
        sandbox.faults.fail_next("getcurrentsales", count=10, page=5)
        assert main([*words, "--token", sandbox.token]) == 3
        err = capsys.readouterr().err
    held = len(_ids(out))
    this_run = int(err.split("Kept ", 1)[1].split(" items", 1)[0])
    assert this_run < held
    assert f"{out} holds the {held} items fetched so far" in err
    assert err.rstrip().splitlines()[-1].startswith("error: Page 5")


def test_a_resume_token_rakuten_refuses_is_not_offered_again(
    sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--resume-from with a token Rakuten refuses (mistyped or too old): the hint says to run
    again without it, never "Resume with: ... --resume-from <the same token>"."""
    out = tmp_path / "open.csv"
    argv = ["orders", *_base(sb), "-o", str(out), "--resume-from", "not-a-token"]
    assert main(argv) == 3
    err = capsys.readouterr().err
    assert "Resume with" not in err
    assert "run the command again without --resume-from and --resume-page" in err


def test_ctrl_c_keeps_what_was_fetched_and_prints_the_resume_command(
    sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    """Ctrl-C after page 2 writes pages 1-2, prints the command, exits 130; resuming completes."""
    from rakuten_assist.cli import orders as orders_command

    progress = orders_command._progress

    def interrupt_at_page_2(page: Any) -> None:
        progress(page)
        if page.number == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(orders_command, "_progress", interrupt_at_page_2)
    out = tmp_path / "open.json"
    assert main(["orders", *_base(sb), "-o", str(out)]) == 130
    kept = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < len(kept) < 49
    words = _printed_resume(capsys.readouterr().err)
    monkeypatch.setattr(orders_command, "_progress", progress)
    assert main([*words, "--token", sb.token]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows) == 49 == len({row["item_id"] for row in rows})


def test_no_claim_of_no_open_orders_after_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    """--resume-from against a dead service: stdout stays empty, the error is on stderr."""
    code = main(
        ["orders", "--login", "demo-boutique", "--token", "abcdefghijklmnop",
         "--base-url", "http://127.0.0.1:9", "--resume-from", "XYZ"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 3
    assert out == ""
    assert "No open orders" not in err
    assert "error:" in err


def test_country_option_explains_there_is_no_country_filter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """orders --country FR says Rakuten has no country filter and how to filter instead."""
    code = main(["orders", "--sandbox", "--country", "FR"])
    err = capsys.readouterr().err
    assert code == 2
    assert "no --country filter" in err
    assert "country column" in err
    assert "usage:" not in err


def test_match_csv_neutralises_formulas_and_reads_our_export_back(
    sb: Sandbox, tmp_path: Path
) -> None:
    """match --format csv: the formula SKU is text; read back from our export it is intact."""
    orders = tmp_path / "open.csv"
    assert main(["orders", *_base(sb), "-o", str(orders)]) == 0
    catalog = tmp_path / "feed.csv"
    with catalog.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["sku", "id"], [FORMULAS["sku"], "P1"]])
    report = tmp_path / "match.csv"
    main(["match", "--catalog", str(catalog), "--orders", str(orders), "--format", "csv",
          "-o", str(report)])  # fmt: skip
    with report.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    matched = [r for r in rows if r["status"] == "matched"]
    assert [r["sku"] for r in matched] == ["'" + FORMULAS["sku"]]
    assert not any(value.startswith(("=", "@", "+")) for r in rows for value in r.values())


def test_the_notebook_export_neutralises_formulas(tmp_path: Path) -> None:
    """export_orders to Excel and CSV: no formula cell, the text kept behind an apostrophe."""
    from openpyxl import load_workbook

    from rakuten_assist.notebook.views import export_orders

    frame = pd.DataFrame({"item_id": ["1", "2"], "sku": ["=1+1", "-5"], "price": [-1.5, 2.0]})
    path = export_orders(frame, tmp_path / "out.xlsx")
    cells = [c for row in load_workbook(path).active.iter_rows() for c in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert [c.value for c in cells if c.column == 2][1:] == ["'=1+1", "'-5"]
    assert [c.value for c in cells if c.column == 3][1:] == [-1.5, 2.0]
    export_orders(frame, tmp_path / "out.csv")
    assert "'=1+1" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("name", ["open.xls", "open.tsv", "open.jsonl"])
def test_an_unknown_extension_is_an_error_not_a_text_table(
    sb: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """-o open.xls (an extension no format uses) exits 2 before any request and writes nothing."""
    out = tmp_path / name
    code = main(["orders", *_base(sb), "-o", str(out)])
    assert code == 2
    assert sb.state.count_requests() == 0
    assert not out.exists()
    err = capsys.readouterr().err
    assert "extension no output format uses" in err
    assert ".csv, .json, .parquet, .xlsx, .txt" in err


def test_an_unknown_extension_is_written_when_the_format_is_named(
    sb: Sandbox, tmp_path: Path
) -> None:
    """--format csv -o open.tsv is an explicit choice: the CSV is written under that name."""
    out = tmp_path / "open.tsv"
    assert main(["orders", *_base(sb), "--format", "csv", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 49


def test_a_file_without_extension_still_gets_the_table(sb: Sandbox, tmp_path: Path) -> None:
    """-o open (no extension) keeps the documented default: the text table."""
    out = tmp_path / "open"
    assert main(["orders", *_base(sb), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("purchase_id")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_device_target_is_written_through_not_replaced(tmp_path: Path) -> None:
    """atomic_write to a named pipe (like -o /dev/null) writes into it and leaves it a pipe."""
    from rakuten_assist.exports import atomic_write

    target = tmp_path / "pipe"
    os.mkfifo(target)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(target.read_bytes()), daemon=True)
    reader.start()
    atomic_write(target, lambda path: path.write_text("rows\n", encoding="utf-8"))
    reader.join(timeout=10)
    assert stat.S_ISFIFO(target.stat().st_mode)
    assert received == [b"rows\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
