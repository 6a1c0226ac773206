"""Asking what to put as the carrier, or delivering oneself, gets the carrier rules."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("nous livrons nous-mêmes nos clients de la région, quel transporteur indiquer ?", "fr"),
        ("we deliver ourselves with our own van, what do we put as the carrier?", "en"),
    ],
)
def test_delivering_oneself_gets_the_rules_that_say_autre(question: str, lang: str) -> None:
    """A merchant delivering with its own van learns the rule: Autre, with a tracking URL."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert "Autre" in answer.text


def test_what_to_put_as_carrier_for_a_named_one_gets_its_name() -> None:
    """'on met quoi comme transporteur pour Colissimo ?' gets Colissimo's Rakuten name."""
    answer = SupportEngine().answer("on met quoi comme transporteur pour Colissimo ?")
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["colissimo"]
