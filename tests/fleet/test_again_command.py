"""The rerun command printed after Ctrl-C never shows the store's password."""

from __future__ import annotations

import argparse

from rakuten_assist.cli.fleet import _again_command


def _args(store: str) -> argparse.Namespace:
    return argparse.Namespace(
        sandbox=None,
        accounts="fleet.toml",
        store=store,
        output=None,
        fmt="table",
        concurrency=8,
        shard=None,
        base_url=None,
    )


def test_rerun_command_masks_the_postgresql_password() -> None:
    """A team store URL keeps its user, host and database but its password becomes ***."""
    command = _again_command(_args("postgresql://team:S3cretPW@db.example:5432/fleet"))
    assert "S3cretPW" not in command
    assert "postgresql://team:***@db.example:5432/fleet" in command


def test_rerun_command_keeps_a_store_url_without_password() -> None:
    """A store URL with no password is printed as given, so the command runs as it is."""
    command = _args("postgresql://team@db.example:5432/fleet")
    assert "--store postgresql://team@db.example:5432/fleet" in _again_command(command)
