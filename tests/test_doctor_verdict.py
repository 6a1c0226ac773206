"""doctor never says "all passed" about a check that could not run or was skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rakuten_assist.cli import main

UNREACHABLE = ["--login", "demo-boutique", "--token", "abcdefghijklmnop"]


@pytest.fixture(autouse=True)
def _no_retry_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("time.sleep", lambda _: None)


def test_unreachable_rakuten_is_not_run_with_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    """Connection refused: the remote checks are not_run, exit 3, and no "All checks passed"."""
    code = main(["doctor", *UNREACHABLE, "--base-url", "http://127.0.0.1:9"])
    out, err = capsys.readouterr()
    assert code == 3
    assert "All checks passed" not in out
    assert "3 checks could not run: Rakuten accepts the credentials" in out
    assert "the connection was refused" in err


def test_unreachable_rakuten_json_states(capsys: pytest.CaptureFixture[str]) -> None:
    """doctor --json: ok false, each check with its state, the remote ones not_run."""
    code = main(["doctor", "--json", *UNREACHABLE, "--base-url", "http://127.0.0.1:9"])
    report = json.loads(capsys.readouterr().out)
    assert code == 3
    assert report["ok"] is False
    states = {check["id"]: check["state"] for check in report["checks"]}
    assert states["login"] == "passed"
    assert states["credentials"] == states["open_orders"] == "not_run"
    assert states["sku_mapping"] == states["carriers"] == states["test_order"] == "skipped"
    assert report["summary"]["not_run"] == 3


@pytest.mark.integration
def test_sandbox_says_which_checks_were_skipped_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On the sandbox every check that ran passes, and the skipped ones are named with why."""
    code = main(["doctor", "--sandbox"])
    out = capsys.readouterr().out
    assert code == 0
    assert "All checks passed" not in out
    assert "Every check that ran passed (5)." in out
    assert "SKU mapping (No catalogue given" in out


@pytest.mark.integration
def test_a_failed_check_wins_over_a_skipped_one(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo catalogue misses SKUs on purpose: exit 1, the failure counted, the skip named."""
    from rakuten_assist.sandbox import DEMO_CATALOGUE

    code = main(["doctor", "--sandbox", "--catalog", str(DEMO_CATALOGUE), "--carrier", "colissimo"])
    out = capsys.readouterr().out
    assert "1 check to fix" in out
    assert "1 check skipped: Test order" in out
    assert "All checks passed" not in out
    assert code == 1


@pytest.mark.integration
def test_demo_catalogue_is_the_sandbox_feed_as_in_match(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """doctor --sandbox --catalog demo checks the demo feed (as match does), not a file 'demo'."""
    monkeypatch.chdir(tmp_path)
    code = main(["doctor", "--sandbox", "--json", "--catalog", "demo"])
    report = json.loads(capsys.readouterr().out)
    sku = next(check for check in report["checks"] if check["id"] == "sku_mapping")
    assert code == 1
    assert sku["state"] == "failed"
    assert "demo_catalogue.csv" in sku["title"]
    assert "34 of 49" in sku["detail"]
