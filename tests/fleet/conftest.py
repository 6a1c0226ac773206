"""Fixtures for the fleet: accounts files, a fleet sandbox, and both kinds of store.

The PostgreSQL store tests need a real server: ``RAKUTEN_ASSIST_TEST_PG`` names it (``.ci/run``
starts one with ``.ci/postgres``). Without it they are skipped and say why; in CI
(``CI=true``) they fail instead, so a broken server start cannot pass unseen.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rakuten_assist.sandbox.fleet import FleetSandbox, running_fleet_sandbox

PG_ENV = "RAKUTEN_ASSIST_TEST_PG"


def _no_server(reason: str) -> None:
    message = (
        f"{reason}: the PostgreSQL store tests need a server. Start one with "
        f'`eval "$(bash .ci/postgres start)"` (it sets {PG_ENV}), as .ci/run does.'
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_dsn() -> str:
    """The test server's DSN, checked to answer."""
    dsn = os.environ.get(PG_ENV, "")
    if not dsn:
        _no_server(f"{PG_ENV} is not set")
    psycopg = pytest.importorskip("psycopg")
    try:
        with psycopg.connect(dsn, connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as exc:
        _no_server(f"the server at {PG_ENV} does not answer ({type(exc).__name__})")
    return dsn


@pytest.fixture
def pg_url(pg_dsn: str) -> Iterator[str]:
    """A store URL on the test server, in a schema of its own dropped afterwards."""
    import psycopg

    schema = f"fleet_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_dsn, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in pg_dsn else "?"
    try:
        yield f"{pg_dsn}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(pg_dsn, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A store URL for an embedded store in a fresh folder."""
    return f"sqlite:///{tmp_path / 'store' / 'fleet.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """Each kind of store in turn: the embedded default, then PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture(scope="module")
def fleet() -> Iterator[FleetSandbox]:
    """A fleet sandbox of 25 accounts, five misconfigured (one of each kind)."""
    with running_fleet_sandbox(accounts=25, sales=24) as sandbox:
        yield sandbox


@pytest.fixture
def accounts_file(fleet: FleetSandbox, tmp_path: Path) -> Path:
    """The fleet sandbox's accounts file, owner-only."""
    return fleet.write_accounts(tmp_path / "accounts.toml")


@pytest.fixture(scope="module")
def small_fleet() -> Iterator[FleetSandbox]:
    """Ten accounts: shop-0004 has a revoked token, shop-0008 is not Professional."""
    with running_fleet_sandbox(accounts=10, sales=12) as sandbox:
        yield sandbox


@pytest.fixture
def small_file(small_fleet: FleetSandbox, tmp_path: Path) -> Path:
    """The small fleet's accounts file."""
    return small_fleet.write_accounts(tmp_path / "accounts.toml")
