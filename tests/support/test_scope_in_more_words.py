"""Out-of-scope questions in more words, alone or as follow-ups: a price asked 'ça coûte
combien ?', 'is it free?', how long something takes, two carriers compared."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Conversation, SupportEngine


def _then(first: str, then: str) -> tuple[str, object]:
    engine, memory = SupportEngine(), Conversation()
    engine.answer(first, memory)
    answer = engine.answer(then, memory)
    return answer.intent, answer.facts.get("out_of_scope")


@pytest.mark.parametrize(
    ("first", "then", "category"),
    [
        ("Colissimo accepté ?", "et ça coûte combien ?", "prices"),
        ("how do I get a test order?", "is it free?", "prices"),
        ("is a pro account required?", "how long does it take?", "rakuten_delays"),
        ("comment avoir une commande test ?", "ça prend combien de temps ?", "rakuten_delays"),
    ],
)
def test_an_out_of_scope_follow_up_is_an_honest_i_dont_know(
    first: str, then: str, category: str
) -> None:
    """After a stock answer, a price or a duration asked about it gets the honest 'I don't
    know' with who can answer, never the stock answer again."""
    assert _then(first, then) == ("unknown", category)


@pytest.mark.parametrize(
    "question",
    [
        "which one is better, Chronopost or Colissimo?",
        "Colissimo ou Chronopost, lequel est le meilleur pour Rakuten ?",
        "on hésite entre GLS France et DPD France, vous conseillez quoi ?",
    ],
)
def test_two_carriers_compared_is_advice_the_engine_does_not_give(question: str) -> None:
    """Which of two carriers is better is advice (carriers' sales teams), not a 'both are
    supported' stock answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "carrier_advice"


def test_the_best_name_for_one_carrier_is_still_the_registrys() -> None:
    """'The best transporter name for Chronopost?' asks the registry's name, not advice."""
    answer = SupportEngine().answer("the best transporter name for Chronopost?")
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["chronopost"]


@pytest.mark.parametrize("question", ["Chronopost accepted?", "Relais Colis refused?"])
def test_an_english_participle_is_no_typo_of_french(question: str) -> None:
    """'accepted' and 'refused' are English, not slips of 'accepté' and 'refusé'."""
    assert SupportEngine().answer(question).lang == "en"
