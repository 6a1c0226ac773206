"""Asking whether a carrier's link takes the postcode is answered from the carrier's facts."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.errors_catalogue import explain_error


@pytest.mark.parametrize(
    ("question", "carrier"),
    [
        ("does the DHL Express link take the postcode?", "dhl-express"),
        ("Mondial Relay: faut mettre le code postal dans l'url ?", "mondial-relay"),
    ],
)
def test_a_named_carriers_link_and_the_postcode_get_its_facts(question: str, carrier: str) -> None:
    """Without a number, 'does X's link take the postcode?' is a question about X."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


def test_a_postcode_given_with_a_link_request_still_asks_for_the_number() -> None:
    """'lien mondial relay, code postal 75011' gives a postcode for a link, not a question."""
    answer = SupportEngine().answer("lien mondial relay, code postal 75011")
    assert answer.intent == "tracking_url"


@pytest.mark.parametrize(
    ("first", "then", "carrier"),
    [
        (
            "is Colis Privé supported?",
            "and the postcode, does it go in the tracking link?",
            "colis-prive",
        ),
        (
            "Mondial Relay c'est accepté ?",
            "ok et pour le lien, le code postal il le faut aussi ?",
            "mondial-relay",
        ),
    ],
)
def test_a_follow_up_on_the_links_postcode_keeps_the_carrier(
    first: str, then: str, carrier: str
) -> None:
    """After a carrier answer, 'and the postcode, in the link?' is answered for that carrier."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer(first, conversation)
    answer = engine.answer(then, conversation)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


def test_a_word_swapped_for_another_is_no_pasted_error() -> None:
    """'and the postcode' is letters away from 'needs the postcode' but no paste of that error;
    a real message with a typo still is."""
    assert explain_error("and the postcode, does it go in the tracking link?") is None
    typed = explain_error("the tracking url neds the postcode")
    assert typed is not None
    assert typed.entry.id == "ours.missing_carrier_input"
