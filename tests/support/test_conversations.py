"""The tuning conversations: each turn answered with the memory of the turns before it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support._texts import SETUP_STEP_IDS
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
    """Each 'yes' runs the walkthrough's next step, from the login to the test order, every
    step of the doctor's checklist in its order; after the last, the offered checks."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("how do I set up the connection?", memory)
    steps = [engine.answer("yes", memory) for _ in SETUP_STEP_IDS]
    assert [a.intent for a in steps] == ["setup_walkthrough"] * len(SETUP_STEP_IDS)
    assert [a.facts["step"] for a in steps] == list(SETUP_STEP_IDS)
    assert [a.facts["step_number"] for a in steps] == list(range(1, len(SETUP_STEP_IDS) + 1))
    after = engine.answer("yes", memory)
    assert "step" not in after.facts  # nothing after the test order: not the walkthrough again
