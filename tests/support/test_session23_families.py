"""Families found by the blind conversations dev7, each proved in new wordings: the setup
walkthrough goes on from the last step covered (never back to a step done), a carrier the user
rules out after a detection is never the answer, a follow-up on a pasted error stays with it,
and questions about sellers' ratings are out of scope."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation


def _talk(*messages: str) -> list[Answer]:
    engine = SupportEngine()
    memory = Conversation()
    return [engine.answer(message, memory) for message in messages]


# --- out of scope: sellers' ratings --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("s'il passe en compte pro, il garde ses évaluations ?", "fr"),
        ("a buyer left a negative review, can Rakuten remove it?", "en"),
        ("notre note vendeur a baissé, c'est à cause des retards d'expédition ?", "fr"),
    ],
)
def test_sellers_ratings_are_an_honest_unknown(question: str, lang: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.lang == lang
    assert answer.facts["out_of_scope"] == "seller_ratings"
    assert answer.facts["who"] == "rakuten_seller_support"


def test_ratings_asked_after_the_professional_answer_are_not_answered_by_it() -> None:
    answers = _talk(
        "mon client a un compte particulier, ça marche pour l'API ?", "et ses avis clients ?"
    )
    assert answers[0].intent == "professional_account"
    assert answers[1].intent == "unknown"
    assert answers[1].facts["escalate"] is True


@pytest.mark.parametrize(
    "question", ["une évaluation rapide de notre connexion svp", "rating of UPS vs DHL?"]
)
def test_a_rating_word_alone_is_no_question_about_sellers_ratings(question: str) -> None:
    assert SupportEngine().answer(question).facts.get("out_of_scope") != "seller_ratings"
