"""'And for X?' with a word of the last answer's topic goes on with that topic."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("do we get orders from Spanish buyers?", "and how about Portugal?"),
        ("on reçoit des commandes d'Italie, c'est normal ?", "et pour l'Autriche ?"),
    ],
)
def test_and_for_a_country_after_the_countries_answer(first: str, then: str) -> None:
    """After the countries answer, 'and for Portugal?' is answered about countries too."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer(first, conversation)
    assert engine.answer(then, conversation).intent == "country_scope"


def test_and_for_a_word_of_no_topic_is_not_forced_into_the_last_one() -> None:
    """'and for the price?' after the countries answer is not a countries answer."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("do we get orders from Spanish buyers?", conversation)
    assert engine.answer("and for the price?", conversation).intent != "country_scope"
