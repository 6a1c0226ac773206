"""Several yes-words together run the offered step; thanks are no yes."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._follow_up_words import YES
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    "said", ["ok vas-y", "oui, allez-y", "yes please, go ahead", "sure, let's do it", "oui svp"]
)
def test_yes_words_together_are_a_yes(said: str) -> None:
    """'ok vas-y' is as much a yes as 'oui'."""
    assert YES.match(said)


@pytest.mark.parametrize("said", ["ok merci", "thanks", "oui mais pour DPD ?", "go to the link"])
def test_thanks_or_a_question_is_no_yes(said: str) -> None:
    """'ok merci' closes the topic; a question after 'oui' asks something of its own."""
    assert not YES.match(said)


def test_ok_go_ahead_after_a_carrier_answer_runs_its_link_step() -> None:
    """After 'is Mondial Relay supported?', 'ok, go ahead' runs the offered link step."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("is Mondial Relay supported?", conversation)
    answer = engine.answer("ok, go ahead", conversation)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["mondial-relay"]
