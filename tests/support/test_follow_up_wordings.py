"""Follow-ups in the words people use: a country while a postcode is awaited, 'what if mine
is not listed?', an elided pronoun, 'both of them'."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support.answers import Answer


def _answers(*said: str) -> list[Answer]:
    engine, memory = SupportEngine(), Conversation()
    return [engine.answer(one, memory) for one in said]


def test_a_country_while_the_postcode_is_awaited_asks_it_again_and_keeps_the_parcel() -> None:
    """Asked for the postcode, 'the buyer lives in Belgium' gives none: the question is asked
    again (not the countries answer), and the postcode typed next builds the link."""
    _, country, postcode = _answers(
        "tracking link Mondial Relay 12345678", "the buyer lives in Belgium", "it's 4000 Liège"
    )
    assert country.intent == "tracking_url"
    assert "postal_code" in country.facts["missing"]
    assert postcode.intent == "tracking_url"
    assert "4000" in postcode.facts["tracking_url"]


def test_what_if_mine_is_not_listed_after_the_rules_gets_the_rules() -> None:
    """After the carrier rules, 'et si le mien n'est pas dans la liste ?' is answered by the
    rules (send Autre with a link), never an 'I don't know'."""
    rules, then = _answers("quels transporteurs sont acceptés ?", "et si le mien n'y est pas ?")
    assert rules.intent == then.intent == "carrier_support"
    assert then.text == rules.text


def test_an_elided_pronoun_refers_to_the_token_just_explained() -> None:
    """'Mon token ne marche plus' then 'je l'ai régénéré, l'ancien marche encore ?': the
    token, answered with what regenerating does."""
    _, then = _answers("mon token ne marche plus", "je l'ai régénéré, l'ancien marche encore ?")
    assert then.intent == "token_help"
    assert "régénérez" in then.text


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("on expédie en GLS France et en Colis Privé", "les deux sont acceptés ?"),
        ("we ship with GLS France and Colis Privé", "are both of them accepted?"),
    ],
)
def test_both_of_them_refers_to_the_two_carriers_just_named(first: str, then: str) -> None:
    """'We ship with GLS France and Colis Privé' then 'are both of them accepted?': both
    carriers are answered."""
    _, then = _answers(first, then)
    assert then.intent == "carrier_support"
    assert set(then.facts["carrier_ids"]) == {"gls-fr", "colis-prive"}


def test_an_ambiguous_name_after_a_detected_number_is_settled_by_the_number() -> None:
    """'Which carrier is H1234567890123456789?' then 'c'est du Hermes': of Hermes Germany
    and Evri, the number fits Hermes Germany only, so its link is given, not 'which one?'."""
    _, then = _answers("c'est quel transporteur H1234567890123456789 ?", "c'est du Hermes")
    assert then.intent == "tracking_url"
    assert then.facts["carrier_ids"] == ["hermes-de"]


def test_an_ambiguous_name_the_number_does_not_settle_is_asked_about() -> None:
    """A 14-digit number fits several DPDs: 'c'est du DPD' is asked which one."""
    _, then = _answers("c'est quel transporteur 12345678901234 ?", "c'est du DPD")
    assert then.intent == "carrier_support"
    assert not then.facts["carrier_ids"]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("on expédie surtout en Colissimo", "c'est bon pour vous ?"),
        ("our merchant ships with Colissimo", "is that ok?"),
    ],
)
def test_a_verdict_asked_on_the_carrier_just_named_is_a_carrier_answer(
    first: str, then: str
) -> None:
    """'We ship with Colissimo' then 'c'est bon pour vous ?': whether Colissimo is accepted."""
    _, answer = _answers(first, then)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["colissimo"]


@pytest.mark.parametrize("then", ["pourquoi ?", "why?", "et pourquoi ?"])
def test_why_alone_asks_more_of_the_last_answer(then: str) -> None:
    """'Empty SKUs in the orders' then 'why?': the SKU answer (which says why), not an 'I
    don't know'."""
    _, answer = _answers("SKU vides dans les commandes", then)
    assert answer.intent == "sku_mapping"


def test_question_is_a_french_word_too() -> None:
    """'Bonjour, question rapide' is French: 'question' is no clue of English."""
    assert _answers("Bonjour, question rapide")[0].lang == "fr"
