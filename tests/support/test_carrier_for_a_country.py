"""A carrier asked about for one country's orders gets the carrier answer, not the stock
answer on which countries' orders are fetched."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "carrier_id"),
    [
        (
            "nos clients espagnols, on les livre avec Correos Express, ça va ?",
            "fr",
            "correos-express",
        ),
        ("Colissimo International vers la Suisse, c'est bon pour Rakuten ?", "fr", "colissimo"),
        ("pour les commandes allemandes on prend DHL Paket, ok ?", "fr", "dhl-paket-de"),
        ("we send our Italian orders with Poste Italiane, is that fine?", "en", "poste-italiane"),
        ("Bpost for the Belgian buyers, accepted?", "en", "bpost"),
    ],
)
def test_a_carrier_for_a_countrys_orders_gets_the_carrier_answer(
    question: str, lang: str, carrier_id: str
) -> None:
    """The country says where the carrier goes; the answer is that carrier's."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert answer.facts["carrier_ids"] == [carrier_id]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("on expédie en Colissimo, est-ce que les commandes belges remontent ?", "fr"),
        ("we ship with Bpost: are Belgian orders fetched too?", "en"),
        ("We ship with DHL Express. Do you handle orders from Germany?", "en"),
    ],
)
def test_orders_fetched_for_a_country_stay_a_country_question(question: str, lang: str) -> None:
    """Whether a country's orders are fetched or handled is asked, a carrier beside it (or in
    the background) or not."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("country_scope", lang)
