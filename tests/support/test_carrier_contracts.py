"""A contract with carriers named beside them is the merchant's, not Rakuten's terms."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "carriers"),
    [
        (
            "Colissimo et Chronopost, on a les deux en contrat, c'est bon pour Rakuten ?",
            ["colissimo", "chronopost"],
        ),
        ("We have a contract with DPD France, can we use it on Rakuten?", ["dpd-fr"]),
    ],
)
def test_carriers_under_contract_are_a_carrier_question(question: str, carriers: list[str]) -> None:
    """'we have a contract with X and Y, OK?' gets X and Y's answers, not 'I don't know'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == carriers


@pytest.mark.parametrize(
    "question",
    ["que dit le contrat Rakuten sur les pénalités ?", "can I end my Rakuten contract early?"],
)
def test_rakuten_contract_terms_stay_out_of_scope(question: str) -> None:
    """Without a carrier named, a contract question is Rakuten's terms: who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts.get("out_of_scope") == "contract"
