"""The tuning conversations: each turn answered with the memory of the turns before it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support.evaluation import load_conversations, score_conversation

CONVERSATIONS = load_conversations(Path(__file__).with_name("conversations.json"))


def test_the_tuning_table_has_at_least_thirty_multi_turn_conversations() -> None:
    """The conversation table is big enough to mean something, every one multi-turn."""
    assert len(CONVERSATIONS) >= 30
    assert all(len(conversation["turns"]) >= 2 for conversation in CONVERSATIONS)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["id"] for c in CONVERSATIONS])
def test_conversation_is_followed_turn_by_turn(conversation: dict[str, Any]) -> None:
    """Every turn gets its expected intent and facts, and never a refused carrier."""
    for scored in score_conversation(SupportEngine(), conversation):
        assert scored.problems == [], scored.turn["say"]
        assert not scored.confidently_wrong, scored.turn["say"]


def test_yes_walks_the_setup_in_the_checklist_order() -> None:
    """Each 'yes' runs the offered next setup step, from the login to the test order."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("how do I set up the connection?", memory)
    intents = [engine.answer("yes", memory).intent for _ in range(7)]
    assert intents == [
        "login_help",
        "token_help",
        "professional_account",
        "country_scope",
        "sku_mapping",
        "carrier_support",
        "test_order",
    ]
