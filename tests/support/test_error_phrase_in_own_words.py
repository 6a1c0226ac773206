"""A short error phrase inside the user's own sentence does not outweigh what the sentence asks."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("the merchant's login is an e-mail address, contact@boutique.fr, is that OK?", "en"),
        ("son identifiant est une adresse e-mail, vente@maboutique.fr, ça passe ?", "fr"),
    ],
)
def test_a_login_that_is_an_email_is_a_login_question(question: str, lang: str) -> None:
    """Saying the login is an e-mail address asks about the login, not our error message."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("login_help", lang)


@pytest.mark.parametrize(
    "question",
    ["Quota exceeded.", "j'ai 'Invalid itemid' pour 260300017", "Statut incorrect sur 260300077"],
)
def test_a_pasted_or_quoted_error_or_one_with_an_id_is_still_the_error(question: str) -> None:
    """A whole message, a quoted one, or one beside an id stays an error to explain."""
    assert SupportEngine().answer(question).intent == "error_explain"
