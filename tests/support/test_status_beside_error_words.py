"""A status named beside an error phrase in the user's words, and sales left waiting."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        "the item is REFUSED and we already shipped it, what now?",
        "l'article est en CANCELLED alors qu'on l'a déjà expédié hier",
    ],
)
def test_a_status_beside_error_words_is_a_status_question(question: str) -> None:
    """'REFUSED but we already shipped it' asks about the status, not the 'already shipped'
    error; the error's own words alone still get the error."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.facts["statuses"]


def test_an_error_pasted_with_a_status_stays_the_error() -> None:
    """A pasted error that names a status is explained as that error."""
    answer = SupportEngine().answer("Item already shipped")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.already_shipped"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("orders waiting for acceptance, where do I see them?", "en"),
        ("les ventes en attente d'acceptation, je les trouve où ?", "fr"),
    ],
)
def test_sales_waiting_for_acceptance_are_an_order_question(question: str, lang: str) -> None:
    """Where to see the sales waiting for acceptance is answered about orders."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("order_status", lang)


@pytest.mark.parametrize(
    "question",
    [
        "des ventes en attente d'acceptation depuis plus de 48h, il se passe quoi ?",
        "sales pending for more than a day, what happens?",
    ],
)
def test_what_happens_to_sales_left_waiting_is_rakutens_deadline(question: str) -> None:
    """What Rakuten does with a sale left waiting is its deadline: who can answer, no guess."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "seller_deadlines"


@pytest.mark.parametrize(
    "question",
    ["faut-il expédier sous 72 heures ?", "must sales be accepted within 72 hours?"],
)
def test_a_deadline_in_hours_written_out_is_rakutens_deadline(question: str) -> None:
    """'sous 72 heures' asks Rakuten's deadline as much as 'sous 72h': who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "seller_deadlines"
