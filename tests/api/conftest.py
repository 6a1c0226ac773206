"""Fixtures for the API tests: recorded-shape XML documents and a respx-mocked client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import respx

from rakuten_assist.api import RakutenClient, RetryPolicy
from rakuten_assist.config import Credentials, Settings

FIXTURES = Path(__file__).parent / "fixtures"
BASE_URL = "https://ws.test.invalid"
SERVICE = f"{BASE_URL}/sales_ws"
#: a canary: if this string shows up in any output, the token leaked
CANARY_TOKEN = "CANARY-tok3n-ZZ9-do-not-leak"


def fixture_bytes(name: str) -> bytes:
    """The raw bytes of a fixture document."""
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def credentials() -> Credentials:
    """Credentials of a fictitious shop with the canary token."""
    return Credentials.from_values("ma-boutique", CANARY_TOKEN)


@pytest.fixture
def sleeps() -> list[float]:
    """Records the waits the client asked for, instead of sleeping."""
    return []


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    """A respx router: every request must be mocked, every route must be called."""
    with respx.mock(base_url=BASE_URL, assert_all_mocked=True, assert_all_called=True) as router:
        yield router


@pytest.fixture
def client(
    credentials: Credentials, sleeps: list[float], mock: respx.MockRouter
) -> Iterator[RakutenClient]:
    """A client on the mocked service, retries recorded rather than slept."""
    policy = RetryPolicy(max_attempts=3)
    with RakutenClient(
        credentials,
        settings=Settings(base_url=BASE_URL),
        retry=policy,
        sleep=sleeps.append,
    ) as c:
        yield c
