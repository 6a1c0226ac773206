"""'Which carrier is my number?' without the number asks for it; a choice of carrier does not."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("got a tracking number here, can you tell me whose it is? which carrier?", "en"),
        ("j'ai un numéro de colis sans savoir quel transporteur, vous pouvez trouver ?", "fr"),
    ],
)
def test_which_carrier_a_number_is_without_it_asks_for_it(question: str, lang: str) -> None:
    """The answer asks for the number as on the label, in the user's language."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("detect_carrier", lang)
    assert answer.facts["missing"] == ["number"]


@pytest.mark.parametrize("question", ["which carrier?", "quel transporteur choisir pour Rakuten ?"])
def test_a_carrier_question_without_a_number_word_is_no_detection(question: str) -> None:
    """Without a number spoken of, 'which carrier?' is about carriers, not a detection."""
    assert SupportEngine().answer(question).intent != "detect_carrier"


def test_the_number_sent_next_is_detected() -> None:
    """After being asked for it, the number alone gets its detection."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("I have a parcel number, which carrier is it?", conversation)
    answer = engine.answer("6A12345678905", conversation)
    assert answer.intent in ("detect_carrier", "tracking_url")
    assert "colissimo" in (answer.facts.get("candidate_ids") or answer.facts.get("carrier_ids"))
