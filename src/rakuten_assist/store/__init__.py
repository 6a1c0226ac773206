"""The history of fleet runs: an embedded SQLite file by default, or a shared PostgreSQL.

    store = open_store()                           # $RAKUTEN_ASSIST_STORE, else the data dir
    store = open_store("postgresql://team@db/rakuten")
    store.save_run(run)                            # one transaction: all of it or nothing

Same schema on both (``store._schema``), versioned and migrated when a store is opened.
Workers never conflict: run ids are unique per run, each run is written in one transaction,
and migrations take a lock (PostgreSQL advisory lock, SQLite ``BEGIN IMMEDIATE``).
No token is ever written: only labels, logins and error texts already scrubbed of it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from rakuten_assist.store._backend import Store, StoreError
from rakuten_assist.store._schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "default_store_url",
    "open_store",
    "sandbox_store_url",
]


def default_store_url(environ: Mapping[str, str] | None = None) -> str:
    """``$RAKUTEN_ASSIST_STORE``, else ``fleet.sqlite3`` in the user's data directory."""
    env = os.environ if environ is None else environ
    if env.get("RAKUTEN_ASSIST_STORE"):
        return env["RAKUTEN_ASSIST_STORE"]
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir("rakuten-assist")) / "fleet.sqlite3")


def sandbox_store_url() -> str:
    """The demo store of ``fleet orders --sandbox``: ``fleet-sandbox.sqlite3`` in the user's
    data directory, never ``$RAKUTEN_ASSIST_STORE`` (demo merchants stay out of the team's
    history and trends)."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir("rakuten-assist"))
    return "sqlite:///" + str(folder / "fleet-sandbox.sqlite3")


def open_store(url: str | None = None, *, migrate: bool = True, lang: str = "en") -> Store:
    """The store at ``url`` (a ``postgresql://`` URL, ``sqlite:///path`` or a file path),
    its messages in ``lang``.

    Raises:
        StoreError: the store cannot be reached or created, with the fix (never a password).
    """
    store = Store(url or default_store_url(), lang=lang)
    if migrate:
        store.migrate()
    return store
