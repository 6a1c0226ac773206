"""Ctrl-C during ``fleet orders``: what was lost, what was fetched, and what to run next."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

import rakuten_assist.fleet as fleet_package
from rakuten_assist.cli import main
from rakuten_assist.fleet import FleetProgress, FleetRun

pytestmark = pytest.mark.integration


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, accounts: int) -> list[FleetProgress]:
    """Press Ctrl-C (a real SIGINT) in the real fetch once ``accounts`` accounts are done."""
    real = fleet_package.fetch_fleet
    seen: list[FleetProgress] = []

    def interrupted(ready: Any, **options: Any) -> FleetRun:
        shown = options["on_progress"]

        def on_progress(progress: FleetProgress) -> None:
            shown(progress)
            seen.append(progress)
            if progress.done == accounts:
                signal.raise_signal(signal.SIGINT)

        return real(ready, **{**options, "on_progress": on_progress})

    monkeypatch.setattr(fleet_package, "fetch_fleet", interrupted)
    return seen


@pytest.mark.parametrize(
    ("lang", "nothing", "fetched", "again"),
    [
        ("en", "nothing was stored", "item(s) had been fetched", "Run the same command again"),
        ("fr", "rien n'a été enregistré", "article(s) avaient été récupérés", "Relancez"),
    ],
)
def test_ctrl_c_says_nothing_was_stored_what_was_fetched_and_the_command_to_run(
    lang: str,
    nothing: str,
    fetched: str,
    again: str,
    small_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Exit 130; no run stored, no file; the items fetched so far and the same command to rerun."""
    seen = _interrupt_after(monkeypatch, accounts=3)
    store = tmp_path / "s.db"
    output = tmp_path / "fleet.csv"
    args = ["fleet", "orders", "--accounts", str(small_file), "--store", str(store)]
    code = main([*args, "-o", str(output), "--concurrency", "1", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 130
    assert seen[-1].done == 3
    assert seen[-1].items > 0
    assert nothing in err
    assert f"{seen[-1].items} {fetched}" in err
    assert again in err
    command = (
        f"rakuten-assist fleet orders --accounts {small_file} --store {store} "
        f"-o {output} --format csv --concurrency 1"
    )
    assert command in err
    assert not output.exists()
    assert main(["fleet", "report", "--store", str(store), "--json"]) == 0
    assert '"run": null' in capsys.readouterr().out
