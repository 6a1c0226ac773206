"""Words that name an intent's subject whatever the story around them: an e-mail typed as
the login, the match report's statuses, an order already accepted."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        "onboarding session: the merchant entered orders@shop.example.com as the login, the "
        "connector refuses it",
        "onboarding du vendeur : il a saisi compta@maboutique.fr comme identifiant, le "
        "connecteur refuse",
    ],
)
def test_an_email_typed_as_the_login_is_a_login_question(question: str) -> None:
    """An address given beside a login word is what the message asks about, over the setup
    words of its background (an onboarding, a connector)."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "login_help"


@pytest.mark.parametrize(
    "question",
    [
        "the report has 40 near misses, what do we do with them?",
        "pourquoi 12 articles sont en near_miss ?",
        "what does empty_sku mean on 3 lines?",
    ],
)
def test_a_status_of_the_match_report_is_a_sku_question(question: str) -> None:
    """The match report's statuses (near_miss, not_in_catalog) are asked about as SKU
    matching, never as an error to explain."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "sku_mapping"


@pytest.mark.parametrize(
    "question",
    [
        "la commande que j'ai acceptée hier n'apparaît plus dans les nouvelles ventes, normal ?",
        "an order we accepted yesterday is gone from the pending list, why?",
    ],
)
def test_an_accepted_order_asked_about_is_an_order_question(question: str) -> None:
    """An order already accepted and no longer listed is asked about as an order's state,
    not left to an 'I don't know'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"


@pytest.mark.parametrize(
    "question",
    [
        "the report says 'not_in_catalog' for 5 lines, why?",
        "le rapport affiche « near_miss » sur 8 articles, c'est grave ?",
    ],
)
def test_a_report_status_quoted_after_it_says_is_still_a_sku_word(question: str) -> None:
    """A quote after 'it says' is usually a screen's message whose words do not route the
    question; a quote that is one decisive word of an intent (the match report's status)
    still does."""
    assert SupportEngine().answer(question).intent == "sku_mapping"


def test_a_quoted_message_after_it_says_still_does_not_route_the_question() -> None:
    """'j'ai l'erreur « transporteur non supporté »' is the error, not a carrier question."""
    answer = SupportEngine().answer("j'ai l'erreur « transporteur non supporté »")
    assert answer.intent == "error_explain"


@pytest.mark.parametrize(
    "question",
    [
        "how do I find the carrier of a parcel number?",
        "comment trouver le transporteur d'un numéro de suivi ?",
    ],
)
def test_finding_a_numbers_carrier_asks_for_the_number(question: str) -> None:
    """Asked how to find a number's carrier, without the number: the detection asks for it."""
    assert SupportEngine().answer(question).intent == "detect_carrier"


def test_finding_the_carrier_name_to_send_is_still_a_carrier_question() -> None:
    """'How do I find the carrier name to send?' speaks of no number: the carrier rules."""
    answer = SupportEngine().answer("how do I find the carrier name to send to Rakuten?")
    assert answer.intent == "carrier_support"
