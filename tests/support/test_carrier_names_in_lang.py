"""Carrier names in an answer are said in the answer's language, one name per carrier, in the
text, the quick replies and the sources alike (qa2 items 1 and 24)."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_a_french_answer_names_every_dpd_in_french() -> None:
    """'et DPD c'est supporté ?' names DPD Allemagne, never DPD Germany, in text and replies."""
    answer = SupportEngine().answer("et DPD c'est supporté ?", lang="fr")
    shown = answer.text + " ".join(answer.suggestions)
    assert "DPD Allemagne" in answer.text
    assert "DPD (DPDgroup : BE, NL, LU et autres pays)" in answer.text
    assert "DPD Germany" not in shown
    assert "other countries" not in shown
    assert "DPD Allemagne est accepté ?" in answer.suggestions


def test_a_french_quick_reply_with_a_french_name_finds_its_carrier() -> None:
    """Sending back the quick reply 'DPD Allemagne est accepté ?' answers DPD Germany itself."""
    answer = SupportEngine().answer("DPD Allemagne est accepté ?", lang="fr")
    assert answer.facts["carrier_ids"] == ["dpd-de"]
    spanish = SupportEngine().answer("Correos (Espagne) est accepté ?", lang="fr")
    assert spanish.facts["carrier_ids"] == ["correos"]


def test_gls_and_dhl_paket_are_named_in_french() -> None:
    """GLS's group and DHL Paket are said with their French descriptions in a French answer."""
    engine = SupportEngine()
    gls = engine.answer("GLS c'est supporté ?", lang="fr")
    assert "GLS (Allemagne / groupe européen)" in gls.text
    assert "Germany" not in gls.text + " ".join(gls.suggestions)
    paket = engine.answer("DHL Paket c'est accepté ?", lang="fr")
    assert "DHL Paket (Allemagne)" in paket.text
    assert "(Germany)" not in paket.text + " ".join(paket.suggestions)


def test_gls_italy_and_hermes_germany_are_named_in_french() -> None:
    """GLS's Italian network and Hermes Germany say their country in French, reason included."""
    engine = SupportEngine()
    gls = engine.answer("GLS c'est supporté ?", lang="fr")
    assert "GLS Italie" in gls.text
    assert "Italy" not in gls.text + " ".join(gls.suggestions)
    italy = engine.answer("GLS Italie est accepté ?", lang="fr")
    assert italy.facts["carrier_ids"] == ["gls-italy"]
    assert "Italy" not in italy.text
    hermes = engine.answer("Hermes c'est accepté ?", lang="fr")
    assert "Hermes Allemagne" in hermes.text
    assert "Germany" not in hermes.text + " ".join(hermes.suggestions)


def test_an_english_answer_keeps_the_registry_names() -> None:
    """English answers say the registry's own names."""
    answer = SupportEngine().answer("is DPD supported?", lang="en")
    assert "DPD Germany" in answer.text
