"""The fleet's message catalogue: every sentence in English and French, same parameters."""

from __future__ import annotations

import string

from rakuten_assist.fleet._words import LANGS, _catalogue, t


def _params(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_id_exists_in_every_language_with_the_same_parameters() -> None:
    """English and French have the same ids, and each sentence takes the same parameters."""
    english = _catalogue("en")
    assert len(english) > 50
    for lang in LANGS:
        other = _catalogue(lang)
        assert set(other) == set(english), lang
        for msg_id, text in english.items():
            assert _params(other[msg_id]) == _params(text), (lang, msg_id)


def test_french_is_french_and_unknown_languages_fall_back_to_english() -> None:
    """A French reader gets French; a language we lack gets English, never an id."""
    assert t("fleet.login.email", "fr") == "L'identifiant est une adresse e-mail."
    assert t("fleet.login.email", "de") == "The login is an e-mail address."
