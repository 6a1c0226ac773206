"""One class over SQLite (sqlite3) and PostgreSQL (psycopg 3): connect, migrate, write, read.

A connection is opened per operation and closed after it: a store is shared by processes
(workers on shards, a notebook, the report), so nothing is held between calls. SQL is
written once with ``?`` placeholders; PostgreSQL gets ``%s``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist._country import country_code
from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.i18n import t
from rakuten_assist.redaction import redact, register_secret
from rakuten_assist.store._schema import MIGRATIONS, VERSION_TABLE
from rakuten_assist.store._urls import (
    SCHEME,
    connect_reason,
    is_network_failure,
    is_postgresql,
    shown_url,
    url_secrets,
)

if TYPE_CHECKING:
    from rakuten_assist.fleet.fetch import FleetRun

__all__ = ["Store", "StoreError", "shown_url", "timestamp", "url_secrets"]

# Any constant: the key of the PostgreSQL advisory lock taken while migrating.
_MIGRATION_LOCK = 7_345_001
_SQLITE_BUSY_S = 60.0

_ITEM_COLUMNS = (
    "run_id",
    "label",
    "item_id",
    "purchase_id",
    "purchase_date",
    "sku",
    "ean",
    "status",
    "source",
    "country",
    "price",
    "currency",
    "shipping_type",
    "sku_known",
)


def _use_wal(lite: sqlite3.Connection) -> None:
    """Put the SQLite file in WAL mode: readers (a notebook, the report) never block a writer.

    Changing the journal mode does not wait on SQLite's busy timeout: while another worker
    holds the file (its migration, its run), the change fails at once with "database is
    locked". The mode is kept in the file, so it is set only when not set yet, and retried
    until the busy timeout when another worker holds the file.
    """
    deadline = time.monotonic() + _SQLITE_BUSY_S
    while True:
        try:
            if str(lite.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                lite.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class StoreError(RakutenAssistError):
    """The store cannot be opened, migrated, written or read."""

    #: the store's server could not be reached (a network failure, not a usage error)
    unreachable: bool = False


#: SQLite's own words for why a file cannot be the store -> the catalogue's
_SQLITE_REASONS = {
    "file is not a database": "not_sqlite",
    "unable to open database file": "sqlite_unopenable",
    "attempt to write a readonly database": "sqlite_readonly",
}


def _cannot_open(exc: OSError | sqlite3.Error, path: Path, lang: str) -> StoreError:
    """Why the embedded store at ``path`` cannot be opened, in ``lang``: SQLite's and the
    system's words are English."""
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say

    fix = t("fleet.store.cannot_open_fix", lang)
    if isinstance(exc, OSError):
        reason = str(say(os_reason(exc), lang))
    else:
        word = _SQLITE_REASONS.get(str(exc))
        reason = t(f"fleet.store.{word}", lang) if word else redact(str(exc))
        if word == "not_sqlite":
            fix = t("fleet.store.not_sqlite_fix", lang)
    return StoreError(t("fleet.store.cannot_open", lang, url=path, reason=reason), fix=fix)


def timestamp(moment: datetime) -> str:
    """A moment as the store keeps it: ISO 8601 in UTC, fixed width, sortable as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class Store:
    """The history of fleet runs at one URL (see ``open_store``)."""

    def __init__(self, url: str, *, lang: str = "en") -> None:
        """Raises ``StoreError`` for a URL of another scheme (``mysql://``...), naming the
        accepted ones, rather than taking it for a file name."""
        self.lang = lang
        # Its password is a secret like the token: masked in every text and log from now on.
        for secret in url_secrets(url):
            register_secret(secret)
        self.url = url
        scheme = SCHEME.match(url)
        if is_postgresql(url):
            self.dialect = "postgresql"
            self._path: Path | None = None
        elif scheme is None or url.startswith("sqlite:///"):
            self.dialect = "sqlite"
            raw = url.removeprefix("sqlite:///")
            self._path = Path(raw).expanduser()
        else:
            raise StoreError(
                t("fleet.store.unknown_scheme", lang, url=shown_url(url), scheme=scheme.group(1)),
                fix=t("fleet.store.unknown_scheme_fix", lang),
            )

    def __repr__(self) -> str:
        return f"Store({shown_url(self.url)!r})"

    @property
    def where(self) -> str:
        """Where the runs are, to show: the absolute path of an SQLite file (a three-slash
        URL is relative to the current folder), a PostgreSQL URL with its secrets masked."""
        if self._path is None:
            return shown_url(self.url)
        return os.path.abspath(self._path)

    def exists(self) -> bool:
        """Whether the store is there already: its SQLite file exists (a PostgreSQL database
        is assumed to: connecting says whether it does)."""
        return self._path is None or self._path.is_file()

    # ----- connections ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        if self.dialect == "postgresql":
            try:
                import psycopg
            except ImportError:
                raise StoreError(
                    t("fleet.store.no_psycopg", self.lang),
                    fix=t("fleet.store.no_psycopg_fix", self.lang),
                ) from None
            try:
                connection = psycopg.connect(self.url, connect_timeout=10)
            except psycopg.Error as exc:
                error = StoreError(
                    t(
                        "fleet.store.unreachable",
                        self.lang,
                        url=shown_url(self.url),
                        reason=connect_reason(str(exc), self.lang),
                    ),
                    fix=t("fleet.store.unreachable_fix", self.lang),
                )
                error.unreachable = is_network_failure(str(exc))
                raise error from None
            with connection:
                yield connection
            return
        path = self._path or Path("fleet.sqlite3")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are begun explicitly (BEGIN IMMEDIATE).
            lite = sqlite3.connect(path, timeout=_SQLITE_BUSY_S, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise _cannot_open(exc, path, self.lang) from None
        try:
            try:
                _use_wal(lite)
            except sqlite3.Error as exc:
                raise _cannot_open(exc, path, self.lang) from None
            lite.execute("PRAGMA foreign_keys=ON")
            yield lite
        finally:
            lite.close()

    def _sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.dialect == "postgresql" else statement

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        with self._connection() as connection:
            if self.dialect == "postgresql":
                with connection.transaction():
                    yield connection
                return
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    # ----- schema ---------------------------------------------------------------------------

    def version(self) -> int:
        """The schema version the store has (0: empty)."""
        with self._connection() as connection:
            connection.execute(VERSION_TABLE)
            if self.dialect == "postgresql":
                connection.commit()
            row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
            return int(row[0] or 0)

    def migrate(self, target: int | None = None) -> int:
        """Apply the missing migrations up to ``target`` (all by default); return the version."""
        goal = target if target is not None else MIGRATIONS[-1][0]
        with self._transaction() as connection:
            if self.dialect == "postgresql":
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            connection.execute(VERSION_TABLE)
            row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = int(row[0] or 0)
            for version, statements in MIGRATIONS:
                if current < version <= goal:
                    for statement in statements:
                        connection.execute(statement)
                    connection.execute(
                        self._sql("INSERT INTO schema_version (version, applied) VALUES (?, ?)"),
                        (version, timestamp(datetime.now(UTC))),
                    )
                    current = version
            return current

    # ----- writing --------------------------------------------------------------------------

    def save_run(self, run: FleetRun, *, shard: str | None = None) -> None:
        """Write a run, every account's outcome and every open item in one transaction.

        An interrupted run (``run.interrupted``) is written the same way: its accounts not
        fetched are outcomes with their error and the calls they made.
        """
        from rakuten_assist.config import redact

        worker = f"{socket.gethostname()}:{os.getpid()}"
        accounts_rows = []
        item_rows: list[tuple[Any, ...]] = []
        for outcome in run.outcomes:
            error = outcome.error
            accounts_rows.append(
                (
                    run.id,
                    outcome.label,
                    outcome.login,
                    outcome.ok,
                    type(error).__name__ if error else None,
                    getattr(error, "code", None),
                    redact(error.message) if error else None,
                    redact(error.fix) if error and error.fix else None,
                    outcome.calls,
                    outcome.pages,
                    len(outcome.lines),
                    len({line.sale.purchase_id for line in outcome.lines}),
                    timestamp(outcome.started),
                    timestamp(outcome.finished),
                    *_message_columns(getattr(error, "msg", None)),
                    *_message_columns(getattr(error, "fix_msg", None)),
                )
            )
            known = outcome.sku_known or [None] * len(outcome.lines)
            for line, sku_known in zip(outcome.lines, known, strict=True):
                sale, item = line.sale, line.item
                item_rows.append(
                    (
                        run.id,
                        outcome.label,
                        item.item_id,
                        sale.purchase_id,
                        timestamp(sale.purchase_date) if sale.purchase_date else None,
                        item.sku,
                        item.ean,
                        str(item.status) if item.status is not None else None,
                        line.source,
                        _country(sale.country_code),
                        float(item.price.amount) if item.price is not None else None,
                        item.price.currency if item.price is not None else None,
                        sale.shipping_type,
                        sku_known,
                    )
                )
        with self._transaction() as connection:
            connection.execute(
                self._sql(
                    "INSERT INTO runs (id, started, finished, worker, accounts, failed, items, "
                    "shard, interrupted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                ),
                (
                    run.id,
                    timestamp(run.started),
                    timestamp(run.finished),
                    worker,
                    len(run.outcomes),
                    len(run.failed),
                    len(item_rows),
                    shard,
                    run.interrupted,
                ),
            )
            self._insert_many(
                connection,
                "run_accounts",
                (
                    "run_id",
                    "label",
                    "login",
                    "ok",
                    "error_class",
                    "error_code",
                    "error_message",
                    "error_fix",
                    "calls",
                    "pages",
                    "items",
                    "orders",
                    "started",
                    "finished",
                    "error_id",
                    "error_params",
                    "fix_id",
                    "fix_params",
                ),
                accounts_rows,
            )
            self._insert_many(connection, "run_items", _ITEM_COLUMNS, item_rows)

    def _insert_many(
        self,
        connection: Any,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
    ) -> None:
        if not rows:
            return
        names = ", ".join(columns)
        if self.dialect == "postgresql":
            # COPY: one round trip for thousands of rows, inside the run's transaction.
            with connection.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            return
        marks = ", ".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 - fixed names

    # ----- reading --------------------------------------------------------------------------

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only statement (``?`` placeholders), as dicts."""
        with self._connection() as connection:
            cursor = connection.execute(self._sql(statement), tuple(params))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def calls_in_last_hour(self, now: datetime | None = None) -> dict[str, int]:
        """Calls each account (by label) made in runs that finished within the last hour."""
        since = timestamp((now or datetime.now(UTC)) - timedelta(hours=1))
        rows = self.query(
            "SELECT label, SUM(calls) AS calls FROM run_accounts WHERE finished >= ? "
            "GROUP BY label",
            (since,),
        )
        return {row["label"]: int(row["calls"] or 0) for row in rows}


def _message_columns(message: Any) -> tuple[str | None, str | None]:
    """A message's catalogue id and its parameters as JSON (token-free), or two NULLs."""
    import json

    from rakuten_assist.config import redact

    if message is None:
        return None, None
    params = redact(json.dumps(dict(message.params), ensure_ascii=False, default=str))
    return message.id, params


# Not from frames: writing a run must not import pandas (1.5 s of a 2 s store write in
# bench/fleet.py, whose fetch never needed it).
_country = country_code
