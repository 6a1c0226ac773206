"""Families a blind table (dev17) found: ordinary words in lower case that spell a carrier's
alias, a place after "from" taken for a carrier, a postal item number typed with its letters
apart."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._grouped_numbers import spaced_numbers


def test_ordinary_words_in_lower_case_name_no_carrier() -> None:
    """'what do we do now?' names no 'WeDo Logistics'; typed as its name, it still is one."""
    assert extract_entities("The check failed, what do we do now?").carriers == []
    named = extract_entities("is We Do Logistics on Rakuten's list?").carriers
    assert [mention.carrier.id for mention in named] == ["wedo-logistics"]


def test_a_place_after_from_is_no_carrier() -> None:
    """'from Shenzhen' says where a number came from: the number's carrier is detected."""
    answer = SupportEngine().answer(
        "Which carrier is LY209384714CN? Our supplier sent it from Guangzhou."
    )
    assert answer.intent == "detect_carrier"
    assert "china-post" in answer.facts["candidate_ids"]


def test_a_postal_item_number_with_its_letters_apart_is_one_number() -> None:
    """'RC 628391047 SE' is PostNord's RC628391047SE (its check digit proves it)."""
    numbers, rest = spaced_numbers("le suivi RC 628391047 SE, c'est qui ?")
    assert numbers == ["RC628391047SE"]
    assert "628391047" not in rest
    assert spaced_numbers("on a 12 commandes, réf 628391047")[0] == []
