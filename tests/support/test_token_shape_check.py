"""Questions about the token's shape (length, case, spaces) or how to know it works get what is
known, not only where the token is."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("le token fait combien de caractères ?", "fr", "ne publie ni longueur ni format"),
        ("est-ce que le jeton est sensible à la casse ?", "fr", "exactement comme"),
        ("how do I know if my token is valid?", "en", "whether Rakuten accepts them"),
        ("comment tester mon jeton ?", "fr", "si Rakuten les accepte"),
    ],
)
def test_shape_and_check_questions_are_answered(question: str, lang: str, said: str) -> None:
    """The token's shape is said unpublished (copy it exactly); its test is doctor's call."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.intent == "token_help"
    assert said in answer.text
    assert "rakuten-assist doctor" in answer.text


@pytest.mark.parametrize(
    "question",
    ["c'est bon le token il est dans mes informations développeur ?", "où trouver mon token ?"],
)
def test_where_the_token_is_keeps_the_location_answer(question: str) -> None:
    """A question about where the token is keeps the location answer."""
    answer = SupportEngine().answer(question, lang="fr")
    assert answer.text.startswith("Le jeton d'API se trouve")
