"""The fleet's sentences come from the catalogues, in French for a French reader."""

from __future__ import annotations

from rakuten_assist import i18n
from rakuten_assist.i18n import t


def test_the_fleet_has_its_own_catalogue_in_each_language() -> None:
    """fleet.toml exists in English and French with the same ids (parameters: tests/i18n)."""
    english = {k for k in i18n.catalogue("en") if k.startswith("fleet.")}
    french = {k for k in i18n.catalogue("fr") if k.startswith("fleet.")}
    assert len(english) > 50
    assert english == french


def test_french_is_french_and_unknown_languages_fall_back_to_english() -> None:
    """A French reader gets French; a language we lack gets English, never an id."""
    assert t("fleet.login.email", "fr") == "L'identifiant est une adresse e-mail."
    assert t("fleet.login.email", "de") == "The login is an e-mail address."
