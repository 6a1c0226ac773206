"""A pasted order's fields: the question about one field is answered, not the order's status,
and the link uses the number the carrier's formats take, never the order's id."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        "Here is what our module sends for item 770120334:\n<item>\n"
        "<purchaseid>518822107</purchaseid><itemid>770120334</itemid>\n"
        "<transporter>Colissimo</transporter>\n<trackingnumber>6A12345678905</trackingnumber>\n"
        "<trackingurl></trackingurl>\n</item>\nThe trackingurl is empty, what goes in it?",
        "commande 512004411, transporteur Colissimo, numéro de suivi 6A12345678905. "
        "Le tracking_url est vide, qu'est-ce qu'on y met ?",
    ],
)
def test_an_empty_link_field_of_a_pasted_order_gets_the_link(question: str) -> None:
    """The order's purchase id sits beside the tracking number: the link is built for the
    tracking number, the one Colissimo's formats take."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["colissimo"]
    assert answer.facts["number"] == "6A12345678905"
    assert "6A12345678905" in answer.facts["tracking_url"]


def test_an_id_of_the_background_does_not_route_the_question() -> None:
    """'Order X was accepted. What goes in trackingurl?' asks about the link field, not
    about order X's status."""
    answer = SupportEngine().answer(
        "We accepted order 430000001 this morning. What goes in the trackingurl field?"
    )
    assert answer.intent == "tracking_url"


@pytest.mark.parametrize(
    "question",
    [
        "L'article 260300005 ne part pas. Pourquoi ?",
        "We accepted order 430000001 this morning. Where is it now?",
    ],
)
def test_a_question_about_the_order_of_the_background_stays_an_order_question(
    question: str,
) -> None:
    """A question with no words of its own, or asking where the order is, is still about
    the order the sentence before names."""
    assert SupportEngine().answer(question).intent == "order_status"
