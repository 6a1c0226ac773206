"""A carrier said not to be the one is dropped; thanks then another carrier asks about it."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("text", "carriers"),
    [
        ("sorry, UPS not DHL Express", ["ups"]),
        ("on passe par GLS France au lieu de Colissimo maintenant, ok ?", ["gls-fr"]),
        ("Colissimo ne marche pas, Chronopost oui ?", ["colissimo", "chronopost"]),
        ("pas Chronopost", ["chronopost"]),
    ],
)
def test_a_carrier_said_not_to_be_the_one_is_dropped(text: str, carriers: list[str]) -> None:
    """'X, not Y' names X; a lone 'not Y' and 'Y doesn't work, X?' keep what they name."""
    assert [m.carrier.id for m in extract_entities(text).carriers] == carriers


def test_a_correction_in_a_conversation_answers_only_the_right_carrier() -> None:
    """'sorry, it's DPD France, not Chronopost' answers DPD France and never Chronopost."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("which transporter name for Chronopost?", conversation)
    answer = engine.answer("sorry, it's DPD France, not Chronopost", conversation)
    assert answer.facts["carrier_ids"] == ["dpd-fr"]
    assert "Chronopost" not in answer.text


@pytest.mark.parametrize(
    ("link", "then", "carrier"),
    [
        ("lien colissimo 6A12345678905", "thanks, and for DHL Express?", "dhl-express"),
        ("tracking link UPS 1Z5R89390357567127", "merci, et pour Colis Privé ?", "colis-prive"),
    ],
)
def test_thanks_then_another_carrier_asks_about_that_carrier(
    link: str, then: str, carrier: str
) -> None:
    """After a link and thanks, 'and for X?' is about X, never the last parcel's link."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer(link, conversation)
    answer = engine.answer(then, conversation)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]
