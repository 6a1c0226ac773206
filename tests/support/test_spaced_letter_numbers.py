"""A tracking number typed in groups that opens with letters is read as one number."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("le colis XW 308 461 528 FR est parti hier", "XW308461528FR"),
        ("Z 4827 193 056 is the parcel number", "Z4827193056"),
        ("numéro : CB 472 183 057 FR, merci", "CB472183057FR"),
        ("XW 123 456 789 FR arrive quand ?", "XW123456789FR"),
    ],
)
def test_letters_then_digit_groups_are_one_number(text: str, number: str) -> None:
    """Letter-led groups that fit a carrier's own shape (check digit right or wrong) are one
    number, the words around them left out."""
    assert extract_entities(text).numbers == [number]


@pytest.mark.parametrize("text", ["appelez le 06 12 34 56 78", "rdv le 12 03 2026 à 14 h"])
def test_digit_groups_of_a_phone_or_date_are_no_number(text: str) -> None:
    """Groups of digits only with no carrier's check digit stay what they are."""
    assert extract_entities(text).numbers == []


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("quel transporteur pour le XW 308 461 528 FR ?", "fr"),
        ("which carrier is XW 308 461 528 FR", "en"),
    ],
)
def test_a_spaced_number_gets_its_carrier(question: str, lang: str) -> None:
    """The joined number is detected; its first letters are never taken for a carrier name."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("detect_carrier", lang)
    assert answer.facts["candidate_ids"][0] == "chronopost"
    assert "unknown" not in answer.facts


@pytest.mark.parametrize(
    ("question", "lang"),
    [("lien de suivi pour XW 123 456 789 FR ?", "fr"), ("tracking link for XW123456789FR", "en")],
)
def test_a_wrong_check_digit_says_whose_shape_it_has(question: str, lang: str) -> None:
    """A Chronopost-shaped number with a wrong check digit is called a typo in a Chronopost
    number, never 'no carrier uses numbers like it', never a carrier named 'XW', no link."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("detect_carrier", lang)
    assert answer.facts["mistyped_for"] == ["chronopost"]
    assert "http" not in answer.text
