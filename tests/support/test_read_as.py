"""A name typed that is not the carrier's own (an alias for another product, a former name)
is said to have been read as that carrier (qa2 item 33).

The two aliases the QA walk questioned stay: ../shared/reference/carriers-facts.json lists
"Lettre recommandée" and "Recommandé" among La Poste Lettre suivie's aliases (the same La
Poste tracking page) and "Amazon Shipping" among Amazon Logistics' aliases."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_a_registered_letter_is_said_to_be_read_as_the_tracked_letter() -> None:
    """'lettre recommandée' answers La Poste Lettre suivie, saying first that it was read so."""
    answer = SupportEngine().answer("on envoie en lettre recommandée avec AR, c'est bon ?")
    assert answer.facts["carrier_ids"] == ["la-poste-lettre-suivie"]
    assert answer.facts["read_as"] == {"lettre recommandée": "la-poste-lettre-suivie"}
    line = answer.text.splitlines()[1]
    assert line.startswith("- J'ai lu « lettre recommandée » comme La Poste Lettre suivie")
    assert line.index("J'ai lu") < line.index("**oui**")


def test_amazon_shipping_is_said_to_be_read_as_amazon_logistics() -> None:
    """'Amazon Shipping' is answered as Amazon Logistics, saying so."""
    answer = SupportEngine().answer("Is Amazon Shipping accepted?")
    assert answer.facts["carrier_ids"] == ["amazon-logistics"]
    assert 'I read "Amazon Shipping" as Amazon Logistics (AMZL)' in answer.text


def test_a_link_for_a_former_name_says_how_it_was_read() -> None:
    """A tracking link asked with 'Coliposte' says it was read as Colissimo, then the link."""
    answer = SupportEngine().answer("lien de suivi Coliposte 6A12345678905")
    assert answer.facts["tracking_url"]
    assert answer.text.startswith("J'ai lu « Coliposte » comme Colissimo")


def test_the_carriers_own_name_or_a_typo_of_it_adds_nothing() -> None:
    """'Colissimo', 'So Colissimo' and 'letre suivie' are the carriers' own names: no note."""
    engine = SupportEngine()
    for question in ("Colissimo c'est ok ?", "So Colissimo c'est ok ?", "letre suivie ok ?"):
        answer = engine.answer(question)
        assert answer.facts["read_as"] == {}, question
        assert "J'ai lu" not in answer.text, question
