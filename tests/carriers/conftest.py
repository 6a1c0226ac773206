"""Shared fixtures of the carrier tests: the registry loaded once from carriers.json."""

from __future__ import annotations

import os
import tempfile

import pytest

from rakuten_assist.carriers import Registry, load_registry

# Validation stamps go to a throw-away directory, never the developer's ~/.cache; set before
# the test modules load the registry at collection time.
os.environ.setdefault("RAKUTEN_ASSIST_CACHE_DIR", tempfile.mkdtemp(prefix="carrier-stamps-"))


@pytest.fixture(scope="session")
def reg() -> Registry:
    """The real registry, loaded strictly from the repository's carriers.json."""
    return load_registry()
