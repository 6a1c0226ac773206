"""No fleet token shows: not in output, logs, errors, reprs, the store or the report."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rakuten_assist.api import RetryPolicy
from rakuten_assist.cli import main
from rakuten_assist.config import Settings
from rakuten_assist.fleet import check_accounts, fetch_fleet, load_accounts
from rakuten_assist.sandbox.fleet import FleetSandbox
from rakuten_assist.store import open_store

pytestmark = pytest.mark.integration


def _secrets(fleet: FleetSandbox) -> list[str]:
    """Every token of the fleet: the right ones and the revoked ones in the file."""
    return sorted({a.token for a in fleet.accounts} | {a.file_token for a in fleet.accounts})


def _assert_clean(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text
        assert secret[:16] not in text  # not even a recognisable piece of it


def test_fleet_commands_logs_store_and_files_never_hold_a_token(
    fleet: FleetSandbox,
    accounts_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """fleet orders in every format and fleet report, at DEBUG logging: no token anywhere."""
    caplog.set_level(logging.DEBUG)
    secrets = _secrets(fleet)
    store = tmp_path / "fleet.sqlite3"
    for fmt in ("table", "csv", "json", "parquet"):
        out = tmp_path / f"orders.{fmt}"
        args = ["--accounts", str(accounts_file), "--store", str(store), "--format", fmt]
        assert main(["fleet", "orders", *args, "-o", str(out)]) == 1
        _assert_clean(out.read_bytes().decode("latin-1"), secrets)
    assert main(["fleet", "report", "--store", str(store)]) == 0
    assert main(["fleet", "report", "--store", str(store), "--json"]) == 0
    assert main(["accounts", "check", "--accounts", str(accounts_file), "--json"]) == 0
    captured = capsys.readouterr()
    _assert_clean(captured.out + captured.err, secrets)
    assert "shop-0004" in captured.err  # the failures were reported, without their tokens
    assert caplog.records
    _assert_clean(caplog.text, secrets)
    _assert_clean("\n".join(str(r.args) + str(r.msg) for r in caplog.records), secrets)
    for path in store.parent.glob("fleet.sqlite3*"):  # the database and its WAL
        _assert_clean(path.read_bytes().decode("latin-1"), secrets)


def test_fleet_objects_and_errors_never_hold_a_token(
    fleet: FleetSandbox, accounts_file: Path, pg_url: str
) -> None:
    """Reprs of accounts and runs, every error, the status table and the PostgreSQL rows."""
    secrets = _secrets(fleet)
    checks = check_accounts(load_accounts(accounts_file))
    accounts = [check.account for check in checks if check.account]
    texts = [repr(checks), repr(accounts), *(str(a.credentials) for a in accounts)]
    fast = RetryPolicy(max_attempts=2, initial_delay_s=0.01, max_delay_s=0.02)
    run = fetch_fleet(accounts, settings=Settings(base_url=fleet.base_url), retry=fast)
    unreachable = fetch_fleet(
        accounts[:3], settings=Settings(base_url="http://127.0.0.1:9", max_attempts=1)
    )
    for outcome in run.outcomes + unreachable.outcomes:
        texts.append(repr(outcome))
        if outcome.error is not None:
            error = outcome.error
            texts += [str(error), repr(error), error.fix, str(error.__cause__)]
            texts.append(str(error.__context__))
    assert len([o for o in unreachable.outcomes if o.error]) == 3
    texts.append(run.status().to_csv())
    store = open_store(pg_url)
    store.save_run(run)
    for table in ("runs", "run_accounts", "run_items"):
        texts.append(repr(store.query(f"SELECT * FROM {table}")))  # noqa: S608 - fixed names
    assert len(texts) > 20
    _assert_clean("\n".join(texts), secrets)
