"""A link asked for a number with the carrier's own shape but a wrong check digit says the
check digit is wrong (a typo), not that the number is none of the carrier's."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("lien colissimo 6A12345678904", "fr", "sa clé de contrôle est fausse"),
        ("tracking link for Royal Mail AB123456789GB", "en", "its check digit is wrong"),
    ],
)
def test_a_wrong_check_digit_is_said_to_be_a_typo(question: str, lang: str, said: str) -> None:
    """No link; the answer names the check digit and asks to copy the number again."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.facts["tracking_url"] is None
    assert answer.facts["problem"] == "number"
    assert said in answer.text


def test_a_number_of_another_shape_keeps_the_shape_answer() -> None:
    """'relais colis 1234567890123456' has none of Relais Colis's shapes: said so."""
    answer = SupportEngine().answer("link for relais colis 1234567890123456", lang="en")
    assert "does not match Relais Colis numbers" in answer.text
    assert "check digit" not in answer.text
