"""A parcel the buyer says never came is a delivery dispute: the carrier and Rakuten's
customer service can answer, never a 'which GLS?' or a carrier's stock answer."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("l'acheteur affirme que GLS ne lui a jamais livré sa commande", "fr"),
        ("Mondial Relay a perdu le colis ? le client dit colis perdu", "fr"),
        ("la cliente n'a rien reçu alors qu'on a expédié en DPD", "fr"),
        ("customer says the Hermes parcel never arrived, what now?", "en"),
        ("the buyer did not receive the order we sent with Colissimo", "en"),
    ],
)
def test_a_parcel_not_received_gets_who_can_settle_it(question: str, lang: str) -> None:
    """Honest unknown naming the carrier (an enquiry) and Rakuten's customer service."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("unknown", lang)
    assert answer.facts["out_of_scope"] == "delivery_dispute"
    assert answer.facts["who"] == "carrier_and_rakuten"
    assert answer.facts["escalate"] is True


def test_a_dispute_with_its_carrier_and_number_gets_the_tracking_link() -> None:
    """With the carrier and the number, the link to look at the parcel is what helps."""
    answer = SupportEngine().answer(
        "le client dit qu'il n'a jamais reçu le colis Colissimo 6A12345678905"
    )
    assert answer.intent == "tracking_url"
    assert answer.facts["tracking_url"]


def test_a_carrier_question_without_a_dispute_is_no_dispute() -> None:
    """'GLS France est accepté ?' names no parcel that never came."""
    assert SupportEngine().answer("GLS France est accepté ?").facts.get("out_of_scope") is None
