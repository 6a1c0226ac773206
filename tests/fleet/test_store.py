"""The store: a run written whole or not at all, migrations, no token, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rakuten_assist.api import RetryPolicy
from rakuten_assist.config import Settings
from rakuten_assist.fleet import FleetRun, check_accounts, fetch_fleet, load_accounts
from rakuten_assist.sandbox.fleet import FleetSandbox
from rakuten_assist.store import SCHEMA_VERSION, Store, StoreError, open_store

pytestmark = pytest.mark.integration

FAST_RETRY = RetryPolicy(max_attempts=2, initial_delay_s=0.01, max_delay_s=0.02)


@pytest.fixture(scope="module")
def run(fleet: FleetSandbox, tmp_path_factory: pytest.TempPathFactory) -> FleetRun:
    """One fetch of the 25-account fleet sandbox (five misconfigured)."""
    path = fleet.write_accounts(tmp_path_factory.mktemp("run") / "accounts.toml")
    accounts = [c.account for c in check_accounts(load_accounts(path)) if c.account]
    return fetch_fleet(accounts, settings=Settings(base_url=fleet.base_url), retry=FAST_RETRY)


def test_run_is_stored_with_every_account_and_item(store_url: str, run: FleetRun) -> None:
    """The run, each account's outcome and error, and every open item are stored."""
    store = open_store(store_url)
    store.save_run(run)
    [stored] = store.query("SELECT id, accounts, failed, items FROM runs")
    assert stored == {
        "id": run.id,
        "accounts": 25,
        "failed": len(run.failed),
        "items": sum(len(o.lines) for o in run.outcomes),
    }
    rows = store.query("SELECT label, ok, error_class, items FROM run_accounts ORDER BY label")
    assert [(r["label"], bool(r["ok"]), r["items"]) for r in rows] == [
        (o.label, o.ok, len(o.lines)) for o in sorted(run.outcomes, key=lambda o: o.label)
    ]
    assert {r["error_class"] for r in rows if not r["ok"]} == {
        "AuthenticationError",
        "RightsError",
        "QuotaExceededError",
        "ServerError",
    }
    items = store.query(
        "SELECT item_id, label, source FROM run_items WHERE label = ?", ["shop-0001"]
    )
    first = next(o for o in run.outcomes if o.label == "shop-0001")
    assert {r["item_id"] for r in items} == {line.item.item_id for line in first.lines}


def test_no_token_in_any_stored_row(store_url: str, run: FleetRun, fleet: FleetSandbox) -> None:
    """No sandbox token, right or wrong, appears in any column of any table."""
    store = open_store(store_url)
    store.save_run(run)
    dump = repr(
        [store.query(f"SELECT * FROM {table}") for table in ("runs", "run_accounts", "run_items")]  # noqa: S608
    )
    for account in fleet.accounts:
        assert account.token not in dump
        assert account.file_token not in dump


def test_a_failed_write_leaves_no_half_run(
    store_url: str, run: FleetRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash while the items are written leaves neither the run nor its accounts."""
    store = open_store(store_url)
    original = Store._insert_many

    def crash_on_items(self: Store, connection: object, table: str, *args: object) -> None:
        if table == "run_items":
            raise RuntimeError("disk on fire")
        original(self, connection, table, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_insert_many", crash_on_items)
    with pytest.raises(RuntimeError):
        store.save_run(run)
    monkeypatch.undo()
    assert store.query("SELECT COUNT(*) AS n FROM runs") == [{"n": 0}]
    assert store.query("SELECT COUNT(*) AS n FROM run_accounts") == [{"n": 0}]
    store.save_run(run)  # and the store is still usable
    assert store.query("SELECT COUNT(*) AS n FROM runs") == [{"n": 1}]


def test_old_schema_is_migrated_keeping_its_runs(store_url: str, run: FleetRun) -> None:
    """A store at version 1 is brought to the latest version on open, its rows kept."""
    old = Store(store_url)
    assert old.migrate(target=1) == 1
    old_columns = "id, started, finished, worker, accounts, failed, items"
    with old._transaction() as connection:
        connection.execute(
            old._sql(f"INSERT INTO runs ({old_columns}) VALUES (?, ?, ?, ?, ?, ?, ?)"),  # noqa: S608
            (
                "old-run",
                "2026-01-01T00:00:00.000000+00:00",
                "2026-01-01T00:01:00.000000+00:00",
                "w",
                0,
                0,
                0,
            ),
        )
    store = open_store(store_url)
    assert store.version() == SCHEMA_VERSION
    [old_run] = store.query("SELECT id, shard, interrupted FROM runs")
    assert (old_run["id"], old_run["shard"], bool(old_run["interrupted"])) == (
        "old-run",
        None,
        False,
    )
    store.save_run(run, shard="1/2")
    assert {r["shard"] for r in store.query("SELECT shard FROM runs")} == {None, "1/2"}
    assert open_store(store_url).version() == SCHEMA_VERSION  # opening again changes nothing


def test_calls_of_the_last_hour_are_counted_per_account(store_url: str, run: FleetRun) -> None:
    """Calls made by runs that finished in the last hour count against each account."""
    store = open_store(store_url)
    store.save_run(run)
    used = store.calls_in_last_hour()
    assert used == {o.label: o.calls for o in run.outcomes}
    assert store.calls_in_last_hour(now=datetime.now(UTC) + timedelta(hours=2)) == {}


def test_unreachable_postgresql_says_so_without_the_password() -> None:
    """A server that does not answer is named, its password replaced by ***."""
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://team:s3cret-pw@127.0.0.1:9/rakuten")
    text = str(caught.value)
    assert "s3cret-pw" not in text
    assert "team:***@127.0.0.1:9" in text


def test_embedded_store_defaults_to_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --store or $RAKUTEN_ASSIST_STORE, the store is a file in the data directory."""
    from rakuten_assist.store import default_store_url

    monkeypatch.delenv("RAKUTEN_ASSIST_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_store_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'rakuten-assist' / 'fleet.sqlite3'}"
    assert open_store().version() == SCHEMA_VERSION
    assert (tmp_path / "data" / "rakuten-assist" / "fleet.sqlite3").is_file()


def test_errors_are_stored_with_their_message_id_and_read_in_french(
    store_url: str, run: FleetRun
) -> None:
    """The wrong token's error keeps its catalogue id: the report shows it in French."""
    from rakuten_assist.fleet.report import build_report

    store = open_store(store_url)
    store.save_run(run)
    [row] = store.query(
        "SELECT error_id, error_params FROM run_accounts WHERE error_class = ?",
        ["AuthenticationError"],
    )
    assert row["error_id"] == "errors.fault.auth"
    report = build_report(store, lang="fr")
    wrong = next(a for a in report.accounts if a.error_id == "errors.fault.auth")
    assert wrong.error is not None
    assert wrong.error.startswith("Rakuten a refusé les identifiants")


def test_a_fix_is_read_in_french_from_its_id_or_its_known_english_text(store_url: str) -> None:
    """A failure the error catalogue does not know gets its fix in French: from the fix id
    stored with it, or, for a fix stored as text only (older runs, plain errors), from the
    errors catalogue's fix of the same English text; an unknown text stays as stored."""
    from rakuten_assist.errors import RakutenAssistError
    from rakuten_assist.fleet import AccountOutcome
    from rakuten_assist.fleet.report import build_report
    from rakuten_assist.i18n import Message, t

    now = datetime.now(UTC)
    errors = {
        "by-id": RakutenAssistError(
            "Odd answer.", fix=Message("errors.fix.quota", {"minutes": 42})
        ),
        "by-text": RakutenAssistError("Odd answer.", fix=t("errors.fix.server", "en")),
        "unknown": RakutenAssistError("Odd answer.", fix="Call the merchant."),
    }
    outcomes = [AccountOutcome(label=k, login=k, error=e) for k, e in errors.items()]
    store = open_store(store_url)
    store.save_run(FleetRun("r1", now, now, outcomes))
    [row] = store.query("SELECT fix_id, fix_params FROM run_accounts WHERE label = 'by-id'")
    assert row == {"fix_id": "errors.fix.quota", "fix_params": '{"minutes": 42}'}
    fixes = {a.label: a.fix for a in build_report(store, lang="fr").accounts}
    assert fixes == {
        "by-id": t("errors.fix.quota", "fr", minutes=42),
        "by-text": t("errors.fix.server", "fr"),
        "unknown": "Call the merchant.",
    }
    assert "environ 42 min" in str(fixes["by-id"])


def test_a_store_path_on_another_kind_of_file_is_said_in_french(tmp_path: Path) -> None:
    """--store naming a file that is no SQLite history (an accounts file, say): a French
    reader is told so, with a fix about --store, not SQLite's 'file is not a database'."""
    other = tmp_path / "accounts.toml"
    other.write_text('[[account]]\nlabel = "a"\n' * 200, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        open_store(str(other), lang="fr").version()
    message, fix = caught.value.render("fr")
    assert "n'est pas un historique de flotte" in message
    assert "--store" in fix
    assert "database" not in message
    assert other.read_text(encoding="utf-8").startswith("[[account]]")
