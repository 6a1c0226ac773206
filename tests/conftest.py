"""Fixtures for every test: the shipment journal goes to a throw-away file, never ~/.local."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Derived files (checked-registry stamps, compiled catalogues) go to a throw-away directory,
# never the developer's ~/.cache; set before any test module loads a catalogue.
os.environ.setdefault("RAKUTEN_ASSIST_CACHE_DIR", tempfile.mkdtemp(prefix="rakuten-assist-"))


@pytest.fixture(autouse=True)
def _journal_in_tmp(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test writes its shipments to its own journal file."""
    path = tmp_path_factory.mktemp("journal") / "shipments.jsonl"
    monkeypatch.setenv("RAKUTEN_ASSIST_JOURNAL", str(path))
    return path


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English in tests unless a test asks for French (the locale may be fr)."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "en")
