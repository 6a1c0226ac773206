"""Failed accounts are worded alike by fleet orders and fleet report, and partial counts show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox.fleet import FleetSandbox

pytestmark = pytest.mark.integration

# What the sandbox's Rakuten answers for the two broken accounts of the small fleet.
_RAKUTEN_TEXTS = ("Unknown user or password", "Access denied")
_MARKS = {"en": "Rakuten's own words, as received:", "fr": "texte de Rakuten, tel que reçu :"}


def _blocks(text: str, label: str) -> list[str]:
    """The lines about one account: its line and the indented lines under it."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {label}"))
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line)
    return block


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_orders_and_report_word_a_failure_alike_with_rakuten_quoted_apart(
    lang: str, small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our cause and fix in the reader's language; Rakuten's text only on its marked line."""
    store = str(tmp_path / "fleet.sqlite3")
    common = ["--store", store, "--lang", lang]
    assert main(["fleet", "orders", "--accounts", str(small_file), *common]) == 1
    orders_err = capsys.readouterr().err
    assert main(["fleet", "report", *common]) == 0
    report_out = capsys.readouterr().out
    for label, rakuten in zip(("shop-0004", "shop-0008"), _RAKUTEN_TEXTS, strict=True):
        said, quoted, fix = _blocks(orders_err, label)
        assert [said, quoted] == _blocks(report_out, label)[:2]
        assert rakuten not in said
        assert quoted.strip().startswith(_MARKS[lang])
        assert rakuten in quoted
        assert rakuten not in fix
    if lang == "fr":
        for english in ("Rakuten refused", "no rights", "fix:"):
            assert english not in orders_err
            assert english not in report_out


def test_counts_of_a_fetch_that_failed_part_way_are_marked_partial(
    fleet: FleetSandbox, accounts_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Accounts that failed after some items are partial in the JSON and marked in the text."""
    store = str(tmp_path / "fleet.sqlite3")
    main(["fleet", "orders", "--accounts", str(accounts_file), "--store", store])
    capsys.readouterr()
    assert main(["fleet", "report", "--store", store, "--json"]) == 0
    accounts = {a["label"]: a for a in json.loads(capsys.readouterr().out)["accounts"]}
    partial = {label for label, a in accounts.items() if a["partial"]}
    # quota (second page refused) and failing_page (page 2 fails) had items before failing.
    assert partial == {"shop-0012", "shop-0020"}
    assert all(accounts[label]["items"] > 0 and not accounts[label]["ok"] for label in partial)
    assert main(["fleet", "report", "--store", store]) == 0
    out = capsys.readouterr().out
    counts = out.split("Sales awaiting acceptance", 1)[1].splitlines()  # the counted sections
    mark = "(partial: its latest fetch failed part-way)"
    for label in ("shop-0012", "shop-0020"):
        lines = [line for line in counts if line.startswith(f"  {label}:")]
        assert lines  # its waiting sales or SKU counts are shown...
        assert all(line.endswith(mark) for line in lines)  # ...and marked
    complete = [line for line in counts if line.startswith("  shop-0001:")]
    assert complete
    assert not any(mark in line for line in complete)
