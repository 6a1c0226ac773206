"""A question naming Rakuten item statuses is answered with what they mean for shipping."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities


def test_status_codes_are_found_in_capitals_or_with_their_underscore() -> None:
    """'REMINDED' and 'on_hold' are statuses; 'accepted' in a sentence is only a word."""
    assert extract_entities("que veut dire REMINDED ? et on_hold ?").statuses == [
        "REMINDED",
        "ON_HOLD",
    ]
    assert extract_entities("is Colissimo accepted?").statuses == []


def test_a_status_question_says_what_blocks_the_shipment() -> None:
    """Each status named gets its meaning for shipping, in the user's language."""
    answer = SupportEngine().answer("que veut dire REMINDED sur une commande")
    assert answer.intent == "order_status"
    assert answer.lang == "fr"
    assert answer.facts["blockers"] == {"REMINDED": ["not_accepted"]}
    assert "REMINDED" in answer.text


def test_status_codes_are_never_taken_for_carrier_names() -> None:
    """'TO_CONFIRM and ACCEPTED' are statuses, not carriers the registry lacks."""
    answer = SupportEngine().answer("what's the difference between TO_CONFIRM and ACCEPTED?")
    assert answer.intent == "order_status"
    assert answer.facts["blockers"] == {"TO_CONFIRM": ["not_accepted"], "ACCEPTED": []}
    assert not answer.facts.get("unknown")
