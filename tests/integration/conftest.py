"""A fresh sandbox per test and a client on it (loopback only, no real account)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.config import Settings
from rakuten_assist.sandbox import Sandbox, running_sandbox

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A sandbox with the default seeded data and a fixed present."""
    with running_sandbox(seed=7, sales=40, now=NOW) as sb:
        yield sb


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[RakutenClient]:
    """The project's client on the sandbox's demo account; retries never sleep."""
    with RakutenClient(
        sandbox.credentials,
        settings=Settings(base_url=sandbox.base_url),
        retry=RetryPolicy(max_attempts=3),
        sleep=lambda _: None,
    ) as c:
        yield c
