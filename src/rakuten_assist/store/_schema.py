"""The store's schema, as numbered migrations that run the same on SQLite and PostgreSQL.

Types are the ones both understand alike: TEXT, INTEGER, BOOLEAN, DOUBLE PRECISION.
Timestamps are ISO 8601 text in UTC with a fixed width (``2026-12-07T01:02:03.000000+00:00``),
so they compare and sort as text in both databases. A store records which migrations it
has in ``schema_version``; opening a store applies the missing ones, in order, in one
transaction, under a lock so that two workers starting at once do not both apply them.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "VERSION_TABLE"]

VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
)

#: (version, statements): never edit a released one; add the next.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE runs (
                id TEXT PRIMARY KEY,
                started TEXT NOT NULL,
                finished TEXT NOT NULL,
                worker TEXT NOT NULL,
                accounts INTEGER NOT NULL,
                failed INTEGER NOT NULL,
                items INTEGER NOT NULL
            )""",
            """CREATE TABLE run_accounts (
                run_id TEXT NOT NULL REFERENCES runs (id),
                label TEXT NOT NULL,
                login TEXT NOT NULL,
                ok BOOLEAN NOT NULL,
                error_class TEXT,
                error_code TEXT,
                error_message TEXT,
                error_fix TEXT,
                calls INTEGER NOT NULL,
                pages INTEGER NOT NULL,
                items INTEGER NOT NULL,
                orders INTEGER NOT NULL,
                started TEXT NOT NULL,
                finished TEXT NOT NULL,
                PRIMARY KEY (run_id, label)
            )""",
            """CREATE TABLE run_items (
                run_id TEXT NOT NULL,
                label TEXT NOT NULL,
                item_id TEXT NOT NULL,
                purchase_id TEXT NOT NULL,
                purchase_date TEXT,
                sku TEXT,
                ean TEXT,
                status TEXT,
                source TEXT NOT NULL,
                country TEXT,
                price DOUBLE PRECISION,
                currency TEXT,
                shipping_type TEXT,
                PRIMARY KEY (run_id, label, item_id),
                FOREIGN KEY (run_id, label) REFERENCES run_accounts (run_id, label)
            )""",
        ),
    ),
    (
        2,
        (
            # Which part of the accounts file a worker ran ("2/4"), for sharded teams.
            "ALTER TABLE runs ADD COLUMN shard TEXT",
            # Whether the item's SKU is in the account's catalogue (NULL: no catalogue).
            "ALTER TABLE run_items ADD COLUMN sku_known BOOLEAN",
            # The report and the hourly budgets read each account's latest runs.
            "CREATE INDEX run_accounts_by_label ON run_accounts (label, finished)",
        ),
    ),
    (
        3,
        (
            # The error's catalogue id and parameters (JSON), so a report shows it in the
            # reader's language; error_message keeps the English text for machines.
            "ALTER TABLE run_accounts ADD COLUMN error_id TEXT",
            "ALTER TABLE run_accounts ADD COLUMN error_params TEXT",
        ),
    ),
    (
        4,
        (
            # A run cut short by Ctrl-C: its finished accounts are kept, the others are
            # recorded as not fetched (with the calls they made, which count in the quota).
            "ALTER TABLE runs ADD COLUMN interrupted BOOLEAN NOT NULL DEFAULT FALSE",
            # The fix's catalogue id and parameters (JSON), so that a report says the fix
            # in the reader's language too; error_fix keeps the English text.
            "ALTER TABLE run_accounts ADD COLUMN fix_id TEXT",
            "ALTER TABLE run_accounts ADD COLUMN fix_params TEXT",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]
