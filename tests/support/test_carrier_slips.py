"""Carrier names and their country words typed with a slip are answered as the carrier."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "carrier_ids", "lang"),
    [
        (
            "mondial relai et colis priver, Rakuten les prend ?",
            ["mondial-relay", "colis-prive"],
            "fr",
        ),
        ("GLS Itlaie c'est le bon nom pour Rakuten ?", ["gls-italy"], "fr"),
        ("do you accept relais colsi and chronopst?", ["relais-colis", "chronopost"], "en"),
        ("is DPD Fracne what we send as the carrier?", ["dpd-fr"], "en"),
    ],
)
def test_a_slip_in_a_name_or_its_country_still_answers_for_the_carrier(
    question: str, carrier_ids: list[str], lang: str
) -> None:
    """The carrier answer names every carrier meant, in the asker's language."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert answer.facts["carrier_ids"] == carrier_ids


def test_a_brand_beside_a_word_nobody_knows_is_still_asked() -> None:
    """'DPD Zorglub' is no country: the answer asks which DPD, never picks DPD France."""
    answer = SupportEngine().answer("DPD Zorglub est accepté ?")
    assert answer.facts["carrier_ids"] == []
    assert answer.facts["ambiguous"]
