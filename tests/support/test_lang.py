"""French or English detection: deterministic, from word lists and accents."""

from __future__ import annotations

import pytest

from rakuten_assist.support._lang import detect_language, fold


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("où est mon colis ?", "fr"),
        ("mon login c mon mail ?", "fr"),
        ("ca marche pas", "fr"),
        ("does rakuten take mondial relais", "en"),
        ("what's the status of my order", "en"),
        ("j'ai reçu une erreur", "fr"),
    ],
)
def test_detects_the_language(text: str, lang: str) -> None:
    """Casual French and English sentences, typos included, are told apart."""
    assert detect_language(text) == lang


@pytest.mark.parametrize("default", ["fr", "en"])
def test_no_signal_keeps_the_default(default: str) -> None:
    """A bare tracking number has no language: the conversation's language is kept."""
    assert detect_language("6A12345678905", default=default) == default  # type: ignore[arg-type]


def test_fold_strips_accents_and_curly_apostrophes() -> None:
    """Folding makes 'Numéro’s' and "numero's" the same text."""
    assert fold("Numéro’s ÉTÉ") == "numero's ete"


@pytest.mark.parametrize(
    "text", ["on utilise UPS", "on envoie par DPD", "token invalide", "voici le numéro"]
)
def test_everyday_french_is_french(text: str) -> None:
    """Short everyday French sentences are French even in an English conversation."""
    assert detect_language(text, default="en") == "fr"


@pytest.mark.parametrize("default", ["fr", "en"])
def test_a_carrier_and_ok_has_no_language(default: str) -> None:
    """'GLS ok ?' says nothing about the language: the conversation's is kept."""
    assert detect_language("GLS ok ?", default=default) == default  # type: ignore[arg-type]
