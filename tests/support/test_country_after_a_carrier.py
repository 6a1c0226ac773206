"""'Et pour la Belgique ?' after one carrier's answer asks about that carrier for buyers of
that country; a question about that country's orders being fetched stays the country
answer."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("first", "then", "carrier"),
    [
        ("Colis Privé est accepté par Rakuten ?", "et pour l'Espagne ?", "colis-prive"),
        ("Is DPD France supported?", "what about for Belgium?", "dpd-fr"),
        ("Chronopost c'est ok ?", "et pour des acheteurs en Suisse ?", "chronopost"),
    ],
)
def test_a_country_after_one_carrier_is_that_carrier_again(
    first: str, then: str, carrier: str
) -> None:
    """The carrier answer again (its name and link hold whatever the buyer's country)."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer(first, conv)
    answer = engine.answer(then, conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


@pytest.mark.parametrize(
    "then",
    ["et les commandes d'Espagne, elles remontent ?", "and are orders from Belgium retrieved?"],
)
def test_orders_of_a_country_stay_the_country_answer(then: str) -> None:
    """Asked whether that country's orders are fetched: Rakuten has no country filter."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Colis Privé est accepté par Rakuten ?", conv)
    assert engine.answer(then, conv).intent == "country_scope"
