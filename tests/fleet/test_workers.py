"""Two worker processes on disjoint shards of one accounts file write one store side by side."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rakuten_assist.fleet.accounts import shard_of
from rakuten_assist.sandbox.fleet import FleetSandbox, running_fleet_sandbox
from rakuten_assist.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ACCOUNTS = 40


@pytest.fixture(scope="module")
def healthy_fleet() -> Iterator[FleetSandbox]:
    """Forty healthy accounts with a little latency, so the two workers overlap in time."""
    with running_fleet_sandbox(
        accounts=ACCOUNTS, misconfigured=False, sales=15, latency_ms=20
    ) as sandbox:
        yield sandbox


def _two_workers(accounts: Path, store: str) -> list[subprocess.CompletedProcess[str]]:
    """Start both shards at once and wait for both."""
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "rakuten_assist",
                "fleet",
                "orders",
                "--accounts",
                str(accounts),
                "--store",
                store,
                "--shard",
                f"{part}/2",
                "--format",
                "csv",
                "--concurrency",
                "4",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in (1, 2)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


@pytest.mark.parametrize("kind", ["postgresql", "sqlite"])
def test_two_workers_on_disjoint_shards_share_one_store(
    kind: str, healthy_fleet: FleetSandbox, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Each account is fetched by exactly one worker; both runs land whole in the store."""
    url: str = request.getfixturevalue("pg_url" if kind == "postgresql" else "sqlite_url")
    accounts = healthy_fleet.write_accounts(tmp_path / "accounts.toml")
    results = _two_workers(accounts, url)
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    store = open_store(url)
    runs = store.query("SELECT id, shard, accounts FROM runs ORDER BY shard")
    assert [r["shard"] for r in runs] == ["1/2", "2/2"]
    by_run = {
        run["shard"]: {
            row["label"]
            for row in store.query("SELECT label FROM run_accounts WHERE run_id = ?", [run["id"]])
        }
        for run in runs
    }
    labels = {account.label for account in healthy_fleet.accounts}
    assert by_run["1/2"] | by_run["2/2"] == labels
    assert not by_run["1/2"] & by_run["2/2"]
    assert by_run["1/2"] == {label for label in labels if shard_of(label, 2) == 1}
    # Both shards did real work: neither is empty.
    assert by_run["1/2"]
    assert by_run["2/2"]


def test_shards_are_stable_when_accounts_are_added() -> None:
    """Adding accounts never moves an existing account to another shard."""
    before = {f"shop-{i}": shard_of(f"shop-{i}", 4) for i in range(100)}
    after = {f"shop-{i}": shard_of(f"shop-{i}", 4) for i in range(150)}
    assert all(after[label] == shard for label, shard in before.items())
    assert set(before.values()) == {1, 2, 3, 4}
