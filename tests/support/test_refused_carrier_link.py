"""A link asked for a carrier that has no tracking page is refused at once, never after the
number was asked for (qa2 item 22)."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("question", "carrier_id", "lang"),
    [
        (
            "on passe par Amazon Logistics pour certaines commandes, on met quel lien de suivi ?",
            "amazon-logistics",
            "fr",
        ),
        ("tracking link for Heppner?", "heppner", "en"),
    ],
)
def test_no_number_is_asked_for_a_carrier_without_a_page(
    question: str, carrier_id: str, lang: str
) -> None:
    """The first answer says no link can be built whatever the number, with the reason and
    carriers to use instead; it does not promise to build one."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("tracking_url", lang)
    assert answer.facts["carrier_ids"] == [carrier_id]
    assert answer.facts["problem"] == "no_tracking_page"
    assert answer.facts["missing"] == []
    if lang == "fr":
        assert "quel que soit le numéro" in answer.text
        assert "Envoyez-le" not in answer.text
    else:
        assert "whatever the number" in answer.text
        assert "Send it" not in answer.text
    assert "Colissimo" in answer.text


def test_a_remembered_refused_carrier_is_refused_for_the_link_too() -> None:
    """'et le lien de suivi ?' after Amazon Logistics refuses at once as well."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("on utilise Amazon Logistics", conversation)
    answer = engine.answer("et le lien de suivi ?", conversation)
    assert answer.facts["problem"] == "no_tracking_page"
    assert "quel que soit le numéro" in answer.text


def test_a_carrier_with_a_page_still_gets_asked_for_its_number() -> None:
    """Colissimo without a number is still asked for it."""
    answer = SupportEngine().answer("quel lien de suivi pour Colissimo ?")
    assert answer.facts["missing"] == ["number"]
