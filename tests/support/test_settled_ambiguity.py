"""A carrier name the same message already settled is not asked about again."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_an_ambiguity_the_message_already_settled_is_not_asked() -> None:
    """'Lettre suivie de la poste' answers the Lettre suivie only: 'la poste' is not asked
    about, since the same message said which La Poste product (qa2 item 23c)."""
    answer = SupportEngine().answer(
        "bonjour, on envoie nos colis en Lettre suivie de la poste, c'est accepté par rakuten ?"
    )
    assert answer.facts["carrier_ids"] == ["la-poste-lettre-suivie"]
    assert answer.facts["ambiguous"] == []
    assert "lequel" not in answer.text


def test_la_poste_alone_is_still_asked_about() -> None:
    """'la poste' alone can mean Colissimo or the tracked letter: the answer asks which."""
    answer = SupportEngine().answer("on utilise la poste, c'est accepté ?")
    assert answer.facts["ambiguous"][0]["candidates"] == ["colissimo", "la-poste-lettre-suivie"]
