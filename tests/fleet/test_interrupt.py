"""Ctrl-C during ``fleet orders``: the finished accounts are kept, the rest marked not fetched."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rakuten_assist.fleet as fleet_package
from rakuten_assist.cli import main
from rakuten_assist.fleet import FleetProgress, FleetRun
from rakuten_assist.i18n import t
from rakuten_assist.sandbox.fleet import FleetSandbox
from rakuten_assist.store import open_store

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _ctrl_c_reaches_python() -> Iterator[None]:
    """A test run started in the background inherits SIGINT ignored, so the Ctrl-C these
    tests press would never arrive: Python's own handler is put back for each test."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, accounts: int) -> list[FleetProgress]:
    """Press Ctrl-C (a real SIGINT) in the real fetch once ``accounts`` accounts are done."""
    real = fleet_package.fetch_fleet
    seen: list[FleetProgress] = []
    pressed: list[FleetProgress] = []  # once: a second Ctrl-C stops without keeping anything

    def interrupted(ready: Any, **options: Any) -> FleetRun:
        shown = options["on_progress"]

        def on_progress(progress: FleetProgress) -> None:
            shown(progress)
            seen.append(progress)
            if progress.done == accounts and len(pressed) == 0:
                pressed.append(progress)
                signal.raise_signal(signal.SIGINT)

        return real(ready, **{**options, "on_progress": on_progress})

    monkeypatch.setattr(fleet_package, "fetch_fleet", interrupted)
    return seen


def _requests(fleet: FleetSandbox) -> dict[str, int]:
    """Requests each account's sandbox has received so far, by login."""
    return {a.login: len(fleet.server.state_of(a.login).requests) for a in fleet.accounts}


@pytest.mark.parametrize(
    ("lang", "kept", "not_fetched", "again"),
    [
        ("en", "are stored as run", "Not fetched: the run was interrupted", "Run the same"),
        ("fr", "sont enregistrés comme exécution", "Non lu : l'exécution a été", "Relancez"),
    ],
)
def test_ctrl_c_keeps_the_finished_accounts_and_says_how_to_resume(
    lang: str,
    kept: str,
    not_fetched: str,
    again: str,
    small_fleet: FleetSandbox,
    small_file: Path,
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Exit 130; one run marked interrupted: 3 accounts whole, 7 not fetched, every call counted;
    no output file; the report shows it; the same command to run again."""
    seen = _interrupt_after(monkeypatch, accounts=3)
    output = tmp_path / "fleet.csv"
    before = _requests(small_fleet)
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", store_url]
    code = main([*args, "-o", str(output), "--concurrency", "1", "--lang", lang])
    err = capsys.readouterr().err
    after = _requests(small_fleet)
    assert code == 130
    assert seen[-1].done == 3
    assert kept in err
    assert again in err
    assert "--format csv --concurrency 1" in err
    assert not output.exists()

    store = open_store(store_url)
    (run,) = store.query("SELECT id, interrupted, accounts, failed, items FROM runs")
    assert bool(run["interrupted"]) is True
    assert run["id"] in err
    rows = {
        row["label"]: row
        for row in store.query("SELECT * FROM run_accounts WHERE run_id = ?", (run["id"],))
    }
    assert len(rows) == run["accounts"] == 10
    finished = [r for r in rows.values() if r["error_id"] != "fleet.orders.not_fetched"]
    left = [r for r in rows.values() if r["error_id"] == "fleet.orders.not_fetched"]
    assert (len(finished), len(left)) == (3, 7)
    assert all(not r["ok"] and r["items"] == 0 and r["fix_id"] for r in left)
    # Every request the sandbox received in this run is a stored call, for the next budget.
    sent = {login: after[login] - before[login] for login in after}
    assert {r["login"]: r["calls"] for r in rows.values()} == sent
    assert sum(sent.values()) > 0
    stored_items = store.query("SELECT COUNT(*) AS n FROM run_items WHERE run_id = ?", (run["id"],))
    assert stored_items[0]["n"] == run["items"] == sum(r["items"] for r in finished) > 0
    used = store.calls_in_last_hour()
    assert all(used[r["label"]] == r["calls"] for r in finished)

    assert main(["fleet", "report", "--store", store_url, "--json", "--lang", lang]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["run"]["interrupted"] is True
    left_labels = {r["label"] for r in left}
    reported = {a["label"]: a for a in report["accounts"]}
    for label in left_labels:
        assert reported[label]["ok"] is False
        assert reported[label]["error"].startswith(not_fetched)
    assert main(["fleet", "report", "--store", store_url, "--lang", lang]) == 0
    text = capsys.readouterr().out
    assert "Ctrl-C" in text
    assert not_fetched in text
    assert t("fleet.orders.not_fetched_fix", lang) in text


def test_ctrl_c_before_any_account_ends_stores_a_run_of_accounts_not_fetched(
    small_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Interrupted at the first progress report: every account is recorded as not fetched."""
    _interrupt_after(monkeypatch, accounts=0)
    store_url = str(tmp_path / "s.db")
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", store_url]
    assert main([*args, "--format", "json"]) == 130
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "the 0 accounts fetched to the end" in captured.err
    rows = open_store(store_url).query("SELECT error_id, ok FROM run_accounts")
    assert len(rows) == 10
    assert {row["error_id"] for row in rows} == {"fleet.orders.not_fetched"}


def test_accounts_cut_short_keep_every_call_they_made(
    small_fleet: FleetSandbox,
    small_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Interrupted with several accounts in flight: no request the sandbox received is missing
    from the stored calls of its account, finished or cut short."""
    _interrupt_after(monkeypatch, accounts=2)
    before = _requests(small_fleet)
    store_url = str(tmp_path / "s.db")
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", store_url]
    assert main([*args, "--concurrency", "4", "--format", "json"]) == 130
    capsys.readouterr()
    after = _requests(small_fleet)
    rows = open_store(store_url).query("SELECT login, calls, error_id FROM run_accounts")
    assert len(rows) == 10
    stored = {row["login"]: row["calls"] for row in rows}
    for login, count in after.items():
        assert stored[login] >= count - before[login] >= 0
    assert sum(1 for row in rows if row["error_id"] != "fleet.orders.not_fetched") >= 2
