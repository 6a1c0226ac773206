"""A worker opening the SQLite store while another holds it waits instead of failing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from rakuten_assist.store import open_store


def test_opening_the_store_waits_while_another_worker_writes(tmp_path: Path) -> None:
    """A new store file locked by another writer is opened once the lock goes, in WAL mode."""
    path = tmp_path / "fleet.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE held (x INTEGER)")  # a file in the default (rollback) mode
    other.execute("BEGIN IMMEDIATE")  # another worker's migration or run, mid-write
    other.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store = open_store(f"sqlite:///{path}")
    finally:
        release.join()
        other.close()
    assert store.version() >= 1
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
