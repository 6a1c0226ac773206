"""A carrier's name says nothing of the user's language unless nothing else does; the
shipping confirmation and its carrier field, named in other words, find their intents."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Is Colis Privé ok?", "en"),
        ("Chronopost Relais accepted by Rakuten?", "en"),
        ("Royal Mail pour le Royaume-Uni ?", "fr"),
        ("Colis Privé ?", "fr"),
    ],
)
def test_a_carrier_name_is_no_language_clue_beside_the_users_words(
    question: str, lang: str
) -> None:
    """'Is Colis Privé ok?' is English: the French name does not outweigh 'is'; a name
    alone still says what it can."""
    assert SupportEngine().answer(question).lang == lang


@pytest.mark.parametrize(
    "question", ["comment je confirme une expédition ?", "how do I confirm a shipment?"]
)
def test_confirming_a_shipment_asks_what_a_confirmation_needs(question: str) -> None:
    """Confirming a shipment, with no carrier, is answered with what every confirmation
    needs (transporter, number, link)."""
    assert SupportEngine().answer(question).intent == "tracking_url"


@pytest.mark.parametrize(
    "question",
    ["what's the exact transporter value?", "je mets quoi dans transporteur ?"],
)
def test_the_transporter_value_asked_about_gets_the_carrier_rules(question: str) -> None:
    """The value of the transporter field, asked without a carrier, gets the carrier rules."""
    assert SupportEngine().answer(question).intent == "carrier_support"
