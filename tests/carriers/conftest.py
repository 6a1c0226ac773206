"""Shared fixtures of the carrier tests: the registry loaded once from carriers.json."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import Registry, load_registry


@pytest.fixture(scope="session")
def reg() -> Registry:
    """The real registry, loaded strictly from the repository's carriers.json."""
    return load_registry()
