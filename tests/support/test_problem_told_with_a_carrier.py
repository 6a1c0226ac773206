"""A problem told with a carrier, nothing asked, is a problem to explain (its message asked
for), not the carrier's support; 'what can you do?' gets what the assistant does."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "message",
    [
        "Bonjour, on a un souci avec nos expéditions Colissimo",
        "we have an issue with our DPD France shipments since Monday morning",
    ],
)
def test_a_problem_told_with_a_carrier_asks_for_the_message(message: str) -> None:
    """'We have an issue with our DPD shipments' is no question whether DPD is supported:
    the answer asks for the error message."""
    answer = SupportEngine().answer(message)
    assert answer.intent == "error_explain"
    assert not answer.facts.get("carrier_ids")


def test_a_question_about_a_carrier_and_a_problem_stays_a_carrier_question() -> None:
    """'Un problème avec Chronopost ?' asks (a question mark): the carrier answer."""
    answer = SupportEngine().answer("un problème avec Chronopost ?")
    assert answer.intent == "carrier_support"


@pytest.mark.parametrize("question", ["what can you do?", "tu sais faire quoi ?"])
def test_what_can_you_do_is_answered_by_the_greeting(question: str) -> None:
    """'What can you do?' lists what the assistant helps with, never 'I don't know'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "greeting"
    assert answer.facts["can_help_with"]
