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


def test_every_misconfigured_sandbox_account_is_said_in_words() -> None:
    """`sandbox serve --accounts` says how each broken account is broken in the reader's words,
    never by its kind's id (wrong_token)."""
    from rakuten_assist.sandbox.fleet import FLEET_KINDS

    for kind in FLEET_KINDS[1:]:
        for lang in ("en", "fr"):
            said = i18n.lookup(f"fleet.sandbox.kind.{kind}", lang)
            assert said, (kind, lang)
            assert said != kind
            assert "_" not in said
    line = t(
        "fleet.sandbox.broken_line",
        "fr",
        label="shop-0008",
        kind=t("fleet.sandbox.kind.not_professional", "fr"),
    )
    assert (
        line
        == "  shop-0008 est mal configuré exprès : ce n'est pas un compte vendeur Professionnel"
    )
