"""Several questions typed with no question mark at all, as people type on a phone, are
still answered one by one, in order; a list of names or background is never cut up."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import questions


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("le login c'est l'email ou pas et le jeton on le trouve où", ["login_help", "token_help"]),
        ("Chronopost c'est accepté et comment on demande une commande test",
         ["carrier_support", "test_order"]),
        ("1) le login c'est quoi 2) le token on le trouve où 3) faut-il un compte pro",
         ["login_help", "token_help", "professional_account"]),
        ("Is a private seller account fine Also where do I find the token",
         ["professional_account", "token_help"]),
        ("Colissimo c'est accepté sur Rakuten quel lien pour le colis 6A12345678905",
         ["carrier_support", "tracking_url"]),
    ],
)  # fmt: skip
def test_each_unmarked_question_gets_its_answer(message: str, parts: list[str]) -> None:
    """The parts follow the questions asked, in order."""
    answer = SupportEngine().answer(message)
    assert [part.intent for part in answer.parts] == parts


@pytest.mark.parametrize(
    "message",
    [
        "Colissimo et Chronopost sont acceptés",
        "On a fini de configurer le module et comment on teste maintenant",
        "je ne sais pas comment trouver le token",
    ],
)
def test_names_and_background_are_not_cut(message: str) -> None:
    """A list of carriers, or background before the one question, is one question."""
    assert len(questions(message)) <= 1
    assert SupportEngine().answer(message).parts == []


def test_a_marked_message_keeps_its_marks_rule() -> None:
    """With a question mark somewhere, only marked or worded questions count: a statement
    beside it is background ("Colissimo c'est accepté. Le token est où ?")."""
    assert questions("On utilise Colissimo depuis un an. Le token est où ?") == [
        "Le token est où ?"
    ]
