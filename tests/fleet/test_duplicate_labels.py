"""A label two entries share: counted as the entries the file has, and the same verdict from
accounts check and fleet orders (neither entry fetched, both named)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox.fleet import FleetSandbox

pytestmark = pytest.mark.integration


def _shared_label_file(small_fleet: FleetSandbox, tmp_path: Path) -> Path:
    """Seven entries: #1 (e-mail login) and #4 (sound) share the label "a"."""
    sound = small_fleet.write_accounts(tmp_path / "sound.toml").read_text(encoding="utf-8")
    base = sound.split("[[account]]")[0]
    rows = [
        ("a", "me@shop.fr", "fleet-token-0001-sandbox"),
        ("b", "fleet-shop-0002", "fleet-token-0002-sandbox"),
        ("c", "fleet-shop-0003", "fleet-token-0003-sandbox"),
        ("a", "fleet-shop-0001", "fleet-token-0001-sandbox"),
        ("e", "fleet-shop-0005", "fleet-token-0005-sandbox"),
        ("f", "fleet-shop-0006", "fleet-token-0006-sandbox"),
        ("g", "fleet-shop-0007", "fleet-token-0007-sandbox"),
    ]
    tables = "".join(
        f'[[account]]\nlabel = "{label}"\nlogin = "{login}"\ntoken = "{token}"\n'
        for label, login, token in rows
    )
    path = tmp_path / "shared.toml"
    path.write_text(base + tables, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_accounts_check_counts_the_entries_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six entries, two sharing a label and one without any: six counted, five with a problem."""
    monkeypatch.delenv("T_UNSET", raising=False)
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[account]]\nlabel = "a"\nlogin = "me@shop.fr"\ntoken = "a1b2c3d4-well-formed"\n'
        '[[account]]\nlabel = "b"\nlogin = "shop-b"\ntoken_env = "T_UNSET"\n'
        '[[account]]\nlabel = "c"\nlogin = "shop-c"\ntoken = "has spaces in it"\n'
        '[[account]]\nlabel = "a"\nlogin = "shop-a"\ntoken = "a1b2c3d4-well-formed"\n'
        '[[account]]\nlogin = "shop-e"\ntoken = "a1b2c3d4-well-formed"\n'
        '[[account]]\nlabel = "f"\nlogin = "shop-f"\ntoken = "a1b2c3d4-well-formed"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    assert f"6 accounts in {path}, 5 with a problem." in capsys.readouterr().err
    assert main(["accounts", "check", "--accounts", str(path), "--lang", "fr"]) == 1
    assert f"6 comptes dans {path}, dont 5 avec un problème." in capsys.readouterr().err


def test_fleet_orders_names_a_shared_label_as_accounts_check_does(
    small_fleet: FleetSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Neither entry of a shared label is fetched; fleet orders and fleet report say why
    (the shared label, then the e-mail login) and count the file's seven entries."""
    path = _shared_label_file(small_fleet, tmp_path)
    store = ["--store", str(tmp_path / "fleet.sqlite3")]
    assert main(["fleet", "orders", "--accounts", str(path), *store, "--format", "json"]) == 1
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert "a" not in {row["account"] for row in rows}
    said = next(line for line in captured.err.splitlines() if line.startswith("  a:"))
    assert "used by entries #1, #4 of the file" in said
    assert "e-mail" in said
    assert "7 accounts, 2 failed" in captured.err
    assert main(["fleet", "report", *store]) == 0
    report = capsys.readouterr().out
    line = next(line for line in report.splitlines() if line.startswith("  a:"))
    assert "used by entries #1, #4 of the file" in line
    assert "e-mail" in line
