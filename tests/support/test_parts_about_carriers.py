"""Two questions about two carriers are answered part by part, the carriers all named."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_two_carrier_questions_about_different_carriers_are_two_parts() -> None:
    """'Is DPD France supported? And what's the Rakuten name for Chronopost?' has a part each,
    and the answer's facts list both carriers."""
    answer = SupportEngine().answer(
        "Is DPD France supported? And what's the Rakuten name for Chronopost?"
    )
    assert [part.intent for part in answer.parts] == ["carrier_support", "carrier_support"]
    assert [part.facts["carrier_ids"] for part in answer.parts] == [["dpd-fr"], ["chronopost"]]
    assert answer.facts["carrier_ids"] == ["dpd-fr", "chronopost"]


def test_one_carrier_asked_twice_is_one_answer() -> None:
    """'Colissimo accepté ? Colissimo ça passe ?' asks one thing twice: no parts."""
    answer = SupportEngine().answer("Colissimo accepté ? Colissimo ça passe pour Rakuten ?")
    assert answer.parts == []
    assert answer.facts["carrier_ids"] == ["colissimo"]
