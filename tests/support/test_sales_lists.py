"""A question naming Rakuten's lists of open sales gets what each list holds, not the setup
checklist."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


def test_an_order_missing_from_getnewsales_is_told_where_accepted_sales_go() -> None:
    """'pourquoi ma commande n'apparaît pas dans getnewsales ?' says accepted sales are in
    getcurrentsales, on every page."""
    answer = SupportEngine().answer("pourquoi ma commande n'apparaît pas dans getnewsales ?")
    assert answer.lang == "fr"
    assert "Une vente acceptée quitte `getnewsales`" in answer.text
    assert "getcurrentsales" in answer.text
    assert "Identifiant :" not in answer.text


def test_a_setup_question_keeps_the_checklist() -> None:
    """'comment configurer la connexion rakuten ?' still gets the numbered checklist."""
    answer = SupportEngine().answer("comment configurer la connexion rakuten ?")
    assert answer.intent == "setup_walkthrough"
    assert "1. Identifiant" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "getnewsales ou getcurrentsales, laquelle donne les ventes déjà acceptées ?",
        "on n'appelle que getnewsales et il nous manque des commandes, normal ?",
        "une vente acceptée a disparu de la liste des nouvelles ventes, où est-elle passée ?",
        "how do getnewsales and getcurrentsales differ?",
        "our connector only reads getnewsales, some orders never reach us: why?",
    ],
)
def test_a_question_about_the_two_lists_is_an_order_question_answered_in_general(
    question: str,
) -> None:
    """Asked about Rakuten's lists of open sales, with no order named: what each list holds,
    as an order answer, never 'which order?' nor 'I don't know'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.facts["lists"] == ["getnewsales", "getcurrentsales"]
    assert "getcurrentsales" in answer.text
    assert "nexttoken" in answer.text


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("quels statuts un article peut-il avoir chez Rakuten ?", "fr"),
        ("c'est quoi la liste des statuts possibles dans getnewsales ?", "fr"),
        ("which item statuses can come back from Rakuten?", "en"),
        ("what statuses does getnewsales return for an item?", "en"),
    ],
)
def test_a_question_about_every_status_lists_what_each_means(question: str, lang: str) -> None:
    """'Which statuses...?' lists every status Rakuten is known to send, each with what it
    means for shipping, instead of asking for an order number."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.lang == lang
    assert {"REQUESTED", "ACCEPTED", "ON_HOLD", "CANCELLED"} <= set(answer.facts["statuses"])
    assert "SHIPPED" not in answer.facts["statuses"]


def test_one_order_asked_about_still_asks_which() -> None:
    """'où en est ma commande ?' names no order and asks nothing general: its number is asked."""
    answer = SupportEngine().answer("où en est ma commande ?")
    assert answer.intent == "order_status"
    assert answer.facts["missing"] == ["order_id"]
