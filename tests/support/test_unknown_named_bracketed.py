"""A carrier the registry does not know, its country in brackets, gets no link from others."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "name", "lang"),
    [
        ("Venipak (Lithuania) tracking link for 4820193756", "Venipak", "en"),
        ("Econt (Bulgarie) lien de suivi du colis 5102938475", "Econt", "fr"),
    ],
)
def test_an_unknown_carrier_with_its_country_is_said_unknown(
    question: str, name: str, lang: str
) -> None:
    """'X (Country) link for N' says X is not in the registry and who can answer, never
    another carrier's link for the number."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("unknown", lang)
    assert answer.facts["unknown"] == [name]
    assert answer.facts["escalate"] is True
    assert answer.facts["tracking_url"] is None


def test_a_known_carrier_with_brackets_still_gets_its_link() -> None:
    """'lien Colissimo (La Poste) 6A12345678905' is Colissimo's link."""
    answer = SupportEngine().answer("lien Colissimo (La Poste) 6A12345678905")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["colissimo"]
