"""One quota rule, a rolling hour: the client waits a full hour, says so, as the sandbox counts."""

from __future__ import annotations

import pytest

from rakuten_assist.api import RakutenClient
from rakuten_assist.api._answers import QUOTA_WAIT_S
from rakuten_assist.config import Settings
from rakuten_assist.errors import QuotaExceededError
from rakuten_assist.sandbox import running_sandbox
from rakuten_assist.sandbox.state import QUOTA_WINDOW_SECONDS
from rakuten_assist.support.engine import SupportEngine

pytestmark = pytest.mark.integration


def test_the_client_waits_the_window_the_sandbox_counts() -> None:
    """After the sandbox's quota refusal the client blocks a full rolling hour, and says so."""
    assert QUOTA_WAIT_S == QUOTA_WINDOW_SECONDS
    with running_sandbox(quota=1) as sb:
        with RakutenClient(sb.credentials, settings=Settings(base_url=sb.base_url)) as client:
            client.get_new_sales()
            with pytest.raises(QuotaExceededError) as info:
                client.get_new_sales()
    error = info.value
    assert error.retry_after_s == QUOTA_WAIT_S
    assert "wait a full hour" in error.fix
    assert "next hour" not in error.fix


def test_every_message_says_the_same_rule() -> None:
    """The support bot's quota fix no longer says "the next hour"."""
    answer = SupportEngine().answer("what is the quota")
    assert "full hour" in answer.facts["fix"]
    assert "next hour" not in answer.facts["fix"]
