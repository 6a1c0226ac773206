"""'Is that the problem?' asks about what the message told before it, not about its last words."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        "Rakuten refuse nos expéditions depuis lundi, il dit que le transporteur n'est pas "
        "reconnu. On avait tapé chronopost en minuscules, c'est ça le souci ?",
        "Rakuten rejects our shipments, it says the carrier is not recognized. We typed it as "
        "DHL Express, is that the issue?",
        "Rakuten refused the shipment and said carrier not recognized. We entered Colis Prive "
        "without the accent. Could that be why?",
    ],
)
def test_a_cause_question_is_about_the_refusal_told_before(question: str) -> None:
    """A refusal told, then the carrier typed, then 'is that why?': the refusal is explained,
    not the typed carrier's support."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.unsupported_carrier"


def test_a_question_of_its_own_after_the_story_keeps_its_own_topic() -> None:
    """The same story ending with a question of its own ('which name should we type?') is
    still answered by the carrier named in that question."""
    answer = SupportEngine().answer(
        "Rakuten rejects our shipments, it says the carrier is not recognized. We typed "
        "Chronopost Relais. Which name should we type?"
    )
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["chronopost"]
