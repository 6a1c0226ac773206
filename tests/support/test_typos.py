"""Typing slips of the words the engine knows are read as those words."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._scope import out_of_scope
from rakuten_assist.support._typos import is_slip


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("configrue", "configure"),
        ("jetonn", "jeton"),
        ("toekn", "token"),
        ("identfiant", "identifiant"),
    ],
)
def test_swapped_doubled_and_near_spellings_are_slips(typed: str, word: str) -> None:
    """Two letters swapped, a letter doubled, a near spelling of a long word: slips."""
    assert is_slip(typed, word)


@pytest.mark.parametrize(
    ("typed", "word"),
    [("taken", "token"), ("ejton", "jeton"), ("login", "login"), ("lien", "lieu")],
)
def test_other_words_are_not_slips(typed: str, word: str) -> None:
    """A different short word, a moved first letter, the word itself, a short word: no slip."""
    assert not is_slip(typed, word)


def test_a_mistyped_keyword_still_routes_the_question() -> None:
    """'jetonn' asks for the token like 'jeton' does."""
    answer = SupportEngine().answer("ou est ce que je trouve le jetonn")
    assert answer.intent == "token_help"


def test_a_mistyped_out_of_scope_word_is_still_out_of_scope() -> None:
    """A mistyped token-lifetime question gets the honest 'I don't know', not the token answer."""
    assert out_of_scope("Le jeton a une date d'expiratoin ?") is not None
    answer = SupportEngine().answer("How long is the Rakuten token valid before it expries?")
    assert answer.intent == "unknown"


def test_a_mistyped_order_word_still_makes_an_order_id() -> None:
    """'commadne 412345678' is an order id, not a tracking number."""
    entities = extract_entities("où en est la commadne 412345678 ?")
    assert entities.purchase_id == "412345678"
    assert entities.numbers == []


def test_payout_and_token_duration_wordings_are_out_of_scope() -> None:
    """'pays out' and 'le token dure combien de temps' ask what only Rakuten can answer."""
    assert out_of_scope("when does Rakuten pay out his sales?") is not None
    assert out_of_scope("le token dure combien de temps ?") is not None
