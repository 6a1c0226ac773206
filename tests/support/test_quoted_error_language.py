"""The answer follows the person's own words, not the Rakuten error they paste into them."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Rakuten me renvoie : The parameter 'tracking_url' is mandatory.", "fr"),
        ("à l'envoi Rakuten affiche « The parameter 'tracking_url' is mandatory. »", "fr"),
        ("j'obtiens Unknown user or password. depuis ce matin", "fr"),
        ("Rakuten returns The parameter 'tracking_url' is mandatory. What now?", "en"),
    ],
)
def test_a_pasted_english_error_does_not_decide_the_language(message: str, lang: str) -> None:
    """French words around an English error (even one quoting a value) get a French answer."""
    answer = SupportEngine().answer(message)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
