"""A merchant who delivers the parcels himself gets what Rakuten's reference says, and who
can settle the rest: never a carrier's answer, never the stock carrier rules."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("nous livrons nous-mêmes nos clients du département, on déclare quoi à Rakuten ?", "fr"),
        ("le marchand livre lui-même avec sa camionnette : quel transporteur ?", "fr"),
        ("livraison par nos propres moyens, faut-il un lien de suivi ?", "fr"),
        ("we deliver the orders ourselves around Lyon, which carrier do we put?", "en"),
        ("the seller uses our own delivery drivers, is that ok for Rakuten?", "en"),
    ],
)
def test_own_delivery_gets_autre_its_url_rule_and_who_can_answer(question: str, lang: str) -> None:
    """'Autre' is the nearest value and needs a tracking URL; nothing published covers a
    delivery without a tracking page, so Rakuten's seller support is named; no carrier."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert answer.facts["own_delivery"] is True
    assert answer.facts["carriers"][0]["rakuten_name"] == "Autre"
    assert answer.facts["carrier_ids"] == []
    assert answer.facts["who"] == "rakuten_seller_support"
    assert "`Autre`" in answer.text


def test_a_carrier_named_beside_own_delivery_is_answered_for_that_carrier() -> None:
    """'on livre nous-mêmes mais parfois en Colissimo' asks about Colissimo."""
    answer = SupportEngine().answer("on livre nous-mêmes mais parfois en Colissimo, accepté ?")
    assert answer.facts["carrier_ids"] == ["colissimo"]
    assert "own_delivery" not in answer.facts
