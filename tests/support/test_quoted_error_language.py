"""The answer follows the person's own words, not the Rakuten error they paste into them."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._lang import Lang


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


@pytest.mark.parametrize(
    ("message", "configured", "lang"),
    [
        ("Quota exceeded.", "fr", "fr"),
        ("InvalidUserRights", "fr", "fr"),
        ("<errorcode>AuthenticationFailed</errorcode>", "fr", "fr"),
        ("Quota exceeded.", "en", "en"),
        ("Quota exceeded.", None, "en"),
        ("I get Quota exceeded. What do I do?", "fr", "en"),
    ],
)
def test_an_error_pasted_alone_is_answered_in_the_users_language(
    message: str, configured: Lang | None, lang: str
) -> None:
    """A pasted error with no words of the user's own follows the configured language."""
    engine = SupportEngine(default_lang=configured)
    answer = engine.answer(message)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
