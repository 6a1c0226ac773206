"""The fleet commands as a support lead uses them: accounts check, fleet orders, fleet report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox.fleet import FleetSandbox, running_fleet_sandbox

pytestmark = pytest.mark.integration

ORDER_KEYS = {"purchase_id", "purchase_date", "item_id", "sku", "ean", "status", "country"}


def test_accounts_check_passes_the_sandbox_file(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every sandbox account is well-formed (the wrong token is only wrong for Rakuten)."""
    assert main(["accounts", "check", "--accounts", str(small_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert [a["label"] for a in data["accounts"]] == [f"shop-{i:04d}" for i in range(1, 11)]
    assert all(set(a) == {"label", "ok", "problem", "fix", "problems"} for a in data["accounts"])
    assert all(a["problems"] == [] for a in data["accounts"])


def test_accounts_check_names_faulty_entries_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An e-mail login and an unset variable are named with their fixes; exit 1."""
    monkeypatch.delenv("T_UNSET", raising=False)
    path = tmp_path / "accounts.toml"
    path.write_text(
        '[[account]]\nlabel = "a"\nlogin = "me@shop.fr"\ntoken_env = "HOME"\n'
        '[[account]]\nlabel = "b"\nlogin = "shop-b"\ntoken_env = "T_UNSET"\n',
        encoding="utf-8",
    )
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL  a: The login is an e-mail address." in out
    assert "FAIL  b: The environment variable T_UNSET is not set." in out


def test_accounts_check_shows_every_problem_of_an_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A duplicate label, an e-mail login and an unset variable: all three, each with its fix."""
    monkeypatch.delenv("T_UNSET", raising=False)
    monkeypatch.setenv("T_SET", "a1b2c3d4-well-formed-token")
    path = tmp_path / "accounts.toml"
    path.write_text(
        '[[account]]\nlabel = "a"\nlogin = "me@shop.fr"\ntoken_env = "T_UNSET"\n'
        '[[account]]\nlabel = "a"\nlogin = "shop-a"\ntoken_env = "T_SET"\n',
        encoding="utf-8",
    )
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("FAIL  a: This label is used by entries #1, #2 of the file") == 1
    assert "FAIL  a: The login is an e-mail address." in out
    assert "FAIL  a: The environment variable T_UNSET is not set." in out
    assert out.count("fix:") == 3
    assert main(["accounts", "check", "--accounts", str(path), "--json"]) == 1
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert [a["label"] for a in accounts] == ["a"]  # one verdict for the label
    first = accounts[0]
    assert len(first["problems"]) == 3
    assert first["problem"] == first["problems"][0]["problem"]
    assert all(set(p) == {"problem", "fix"} and p["fix"] for p in first["problems"])


def test_accounts_check_keeps_the_file_order_and_one_verdict_per_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries without a label or with unknown keys stay in place; a duplicate is listed once."""
    monkeypatch.setenv("T_OK", "a1b2c3d4-well-formed-token")
    path = tmp_path / "accounts.toml"
    path.write_text(
        '[[account]]\nlabel = "first"\nlogin = "shop-1"\ntoken_env = "T_OK"\n'
        '[[account]]\nlogin = "shop-2"\ntoken_env = "T_OK"\n'
        '[[account]]\nlabel = "first"\nlogin = "shop-3"\ntoken_env = "T_OK"\n'
        '[[account]]\nlabel = "fourth"\nlogin = "shop-4"\ntoken_env = "T_OK"\n'
        '[[account]]\nlabel = "fifth"\nlogin = "shop-5"\ntoken_env = "T_OK"\ncolour = "red"\n',
        encoding="utf-8",
    )
    assert main(["accounts", "check", "--accounts", str(path), "--json"]) == 1
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert [(a["label"], a["ok"]) for a in accounts] == [
        ("first", False),
        ("#2", False),
        ("fourth", True),
        ("fifth", False),
    ]
    assert "#1, #3" in accounts[0]["problem"]
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "fix:" not in line]
    assert [line.split(":")[0] for line in lines] == [
        "FAIL  first",
        "FAIL  #2",
        "ok    fourth",
        "FAIL  fifth",
    ]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_accounts_check_refuses_an_open_file_with_tokens_exit_2(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sandbox file made group-readable is refused, with chmod 600 as the fix; exit 2."""
    small_file.chmod(0o644)
    assert main(["accounts", "check", "--accounts", str(small_file)]) == 2
    err = capsys.readouterr().err
    assert "other users can read it" in err
    assert "chmod 600" in err


def test_fleet_orders_lists_failures_apart_stores_the_run_exit_1(
    small_fleet: FleetSandbox,
    small_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Eight accounts fetched, two failing with their fix; JSON rows carry the account."""
    store = str(tmp_path / "fleet.sqlite3")
    code = main(
        ["fleet", "orders", "--accounts", str(small_file), "--store", store, "--format", "json"]
    )
    captured = capsys.readouterr()
    assert code == 1
    rows = json.loads(captured.out)
    assert {row["account"] for row in rows} == {f"shop-{i:04d}" for i in range(1, 11)} - {
        "shop-0004",
        "shop-0008",
    }
    assert all(ORDER_KEYS <= set(row) for row in rows)
    assert "2 accounts failed" in captured.err
    assert "shop-0004: Rakuten did not recognise the login and token pair" in captured.err
    assert "copy the token again" in captured.err
    assert "shop-0008: The credentials are right but the account is not a Professional" in (
        captured.err
    )
    assert main(["fleet", "report", "--store", store, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    failing = {a["label"] for a in report["accounts"] if not a["ok"]}
    assert failing == {"shop-0004", "shop-0008"}
    assert sum(a["items"] for a in report["accounts"]) == len(rows)


def test_fleet_orders_exit_3_when_no_account_could_be_fetched(
    small_fleet: FleetSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the two broken accounts: nothing fetched, exit 3, the run still stored."""
    lines = small_fleet.server.accounts_file().split("[[account]]")
    kept = [part for part in lines[1:] if "shop-0004" in part or "shop-0008" in part]
    path = tmp_path / "broken.toml"
    path.write_text(lines[0] + "".join("[[account]]" + part for part in kept), encoding="utf-8")
    path.chmod(0o600)
    store = str(tmp_path / "fleet.sqlite3")
    assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 3
    assert "No open orders in the accounts fetched." in capsys.readouterr().out
    assert main(["fleet", "report", "--store", store]) == 0
    out = capsys.readouterr().out
    assert "Accounts failing (2)" in out


def test_invalid_entries_are_stored_as_failures_without_a_call(
    small_fleet: FleetSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An entry whose variable is unset fails with its fix; the others are still fetched."""
    path = tmp_path / "accounts.toml"
    head = small_fleet.server.accounts_file().split("[[account]]")
    path.write_text(
        head[0]
        + "[[account]]"
        + head[1]
        + '[[account]]\nlabel = "no-token"\nlogin = "shop-x"\ntoken_env = "NOT_SET_X"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)
    store = str(tmp_path / "fleet.sqlite3")
    assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 1
    capsys.readouterr()
    assert main(["fleet", "report", "--store", store, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    no_token = next(a for a in report["accounts"] if a["label"] == "no-token")
    assert no_token["ok"] is False
    assert "NOT_SET_X" in no_token["error"]


def test_progress_bar_shows_on_stderr_for_a_fetch_over_a_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """At 700 ms per answer the fetch takes over a second: the bar shows accounts and items."""
    with running_fleet_sandbox(accounts=3, sales=25, latency_ms=700) as sandbox:
        path = sandbox.write_accounts(tmp_path / "accounts.toml")
        store = str(tmp_path / "fleet.sqlite3")
        assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 0
    captured = capsys.readouterr()
    assert "[########################] 3/3 accounts, 0 failed, " in captured.err
    assert "shop-0001" in captured.out


def test_fleet_orders_against_postgresql(
    small_file: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same run stored in PostgreSQL, and the report read back from it."""
    assert main(["fleet", "orders", "--accounts", str(small_file), "--store", pg_url]) == 1
    capsys.readouterr()
    assert main(["fleet", "report", "--store", pg_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["accounts"]) == 10
    assert {a["label"] for a in report["accounts"] if not a["ok"]} == {"shop-0004", "shop-0008"}


def test_report_on_an_empty_store_says_to_run_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No run yet: the report says which command fills it."""
    from rakuten_assist.store import open_store

    open_store(str(tmp_path / "empty.sqlite3"))
    assert main(["fleet", "report", "--store", str(tmp_path / "empty.sqlite3")]) == 0
    assert "rakuten-assist fleet orders" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_report_on_a_mistyped_store_creates_nothing_and_says_so(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store path that does not exist is a usage error naming it, with the slashes rule;
    no file or folder is left behind (a report only reads)."""
    monkeypatch.chdir(tmp_path)
    for store in ("not a url", str(tmp_path / "no" / "dir" / "x.db"), "sqlite:///tmp/rel.db"):
        assert main(["fleet", "report", "--store", store, "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert ("There is no store at" if lang == "en" else "Aucun historique à") in err
        assert "sqlite:////" in err
    assert list(tmp_path.iterdir()) == []


def test_a_three_slash_store_is_said_as_the_file_it_names(
    small_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """sqlite:///tmp/x.db is relative (SQLAlchemy's rule): fleet report names the file it
    looked for under the current folder, and fleet orders names the file it stored into."""
    monkeypatch.chdir(tmp_path)
    assert main(["fleet", "report", "--store", "sqlite:///tmp/x.db"]) == 2
    assert f"(the file {tmp_path / 'tmp' / 'x.db'})" in capsys.readouterr().err
    url = "sqlite:///tmp/y.db"
    assert main(["fleet", "orders", "--accounts", str(small_file), "--store", url]) == 1
    err = capsys.readouterr().err
    assert f"in {tmp_path / 'tmp' / 'y.db'}." in err.splitlines()[-1]


def test_report_without_any_store_yet_says_to_run_first_and_creates_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default store before any fleet run: the report says which command fills it, exit 0,
    and does not create the store."""
    monkeypatch.delenv("RAKUTEN_ASSIST_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["fleet", "report"]) == 0
    assert "rakuten-assist fleet orders" in capsys.readouterr().out
    assert not (tmp_path / "data").exists()


def test_write_accounts_needs_accounts(capsys: pytest.CaptureFixture[str]) -> None:
    """--write-accounts alone is a usage error that says to add --accounts."""
    assert main(["sandbox", "serve", "--write-accounts", "x.toml"]) == 2
    assert "--accounts N" in capsys.readouterr().err


def test_sandbox_serve_accounts_writes_an_owner_only_file(tmp_path: Path) -> None:
    """serve --accounts 6 --write-accounts FILE serves the fleet and writes its file (0600)."""
    path = tmp_path / "fleet.toml"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rakuten_assist",
            "sandbox",
            "serve",
            "--port",
            "0",
            "--accounts",
            "6",
            "--write-accounts",
            str(path),
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert path.exists()
        if os.name == "posix":
            assert path.stat().st_mode & 0o777 == 0o600
        checked = subprocess.run(
            [sys.executable, "-m", "rakuten_assist", "accounts", "check", "--accounts", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0
        assert "6 accounts" in checked.stderr
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=10)
    assert "6 merchant accounts" in out
    assert (
        "shop-0004 is misconfigured on purpose: its token in the accounts file was revoked" in out
    )
    assert "wrong_token" not in out


def test_fleet_orders_sandbox_runs_with_no_account_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--sandbox 10 starts the fleet sandbox in-process: two accounts fail, the run is stored."""
    monkeypatch.delenv("RAKUTEN_ACCOUNTS", raising=False)
    store = str(tmp_path / "fleet.sqlite3")
    assert main(["fleet", "orders", "--sandbox", "10", "--store", store, "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert "built-in fleet sandbox" in captured.err
    assert "2 accounts failed" in captured.err
    assert captured.out.startswith("account,purchase_id")


def test_a_second_run_within_the_hour_stays_within_the_budget(
    small_fleet: FleetSandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Calls of the first run count in the second: an account allowed 3 an hour stops at 3."""
    lines = small_fleet.server.accounts_file().split("[[account]]")
    path = tmp_path / "accounts.toml"
    path.write_text(
        lines[0] + "[[account]]" + lines[1].rstrip() + "\nhourly_quota = 3\n", encoding="utf-8"
    )
    path.chmod(0o600)
    login = small_fleet.accounts[0].login
    state = small_fleet.server.state_of(login)
    store = str(tmp_path / "fleet.sqlite3")
    before = state.count_requests()
    assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 0
    first = state.count_requests() - before
    assert first == 2  # getnewsales and its one page
    assert main(["fleet", "orders", "--accounts", str(path), "--store", store]) == 3
    assert state.count_requests() - before == 3  # one more, then nothing
    err = capsys.readouterr().err
    assert "budget of 3 calls per hour is spent" in err


@pytest.mark.parametrize(
    "args",
    [
        ["--accounts", "no-such-file.toml"],
        ["--shard", "3/2"],
        ["--format", "parquet"],
    ],
)
def test_fleet_orders_usage_errors_exit_2_before_any_call(
    args: list[str], small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a bad shard or parquet without -o: exit 2 with the fix, nothing sent."""
    full = ["fleet", "orders", "--accounts", str(small_file), "--store", str(tmp_path / "s.db")]
    assert main([*full, *args]) == 2
    assert "Fix:" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_a_french_locale_is_enough_for_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With LANG=fr_FR.UTF-8 and no option, accounts check speaks French."""
    monkeypatch.delenv("RAKUTEN_ASSIST_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    path = tmp_path / "accounts.toml"
    path.write_text('[[account]]\nlabel = "a"\nlogin = "x@y.fr"\ntoken_env = "T"\n', "utf-8")
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    out = capsys.readouterr().out
    assert "L'identifiant est une adresse e-mail." in out


def test_fleet_orders_sandbox_keeps_demo_runs_out_of_the_team_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --store, a sandbox run goes to a demo store of its own, named with the command
    that reports it; the team's store (RAKUTEN_ASSIST_STORE) is neither created nor written."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    team = tmp_path / "team.sqlite3"
    monkeypatch.setenv("RAKUTEN_ASSIST_STORE", f"sqlite:///{team}")
    assert main(["fleet", "orders", "--sandbox", "4", "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert not team.exists()
    demo = next(line for line in err.splitlines() if "fleet report --store" in line)
    url = demo.split("fleet report --store ", 1)[1].split("`")[0]
    assert url.startswith("sqlite:///")
    assert url.endswith("fleet-sandbox.sqlite3")
    assert str(tmp_path / "data") in url
    assert main(["fleet", "report", "--store", url, "--json"]) == 0
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert {a["label"] for a in accounts} == {"shop-0001", "shop-0002", "shop-0003", "shop-0004"}
    # Varied merchants: the demo shows accounts that differ in what waits for acceptance.
    assert len({a["awaiting_acceptance_over"] for a in accounts if a["ok"]}) == 3
    assert main(["fleet", "report"]) == 2  # the team store was never created
    assert "There is no store at" in capsys.readouterr().err
