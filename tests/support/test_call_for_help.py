"""A call for help beside a topic's word asks about that topic; alone it greets."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "intent", "lang"),
    [
        ("help carriers", "carrier_support", "en"),
        ("besoin d'aide pour le transporteur", "carrier_support", "fr"),
        ("bonjour, aide transporteurs svp", "carrier_support", "fr"),
    ],
)
def test_help_with_a_topic_word_answers_the_topic(question: str, intent: str, lang: str) -> None:
    """'help' plus a weak topic word ('carriers') is that topic's answer, not a hello."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == (intent, lang)


@pytest.mark.parametrize("question", ["aide svp", "help please", "aidez-moi"])
def test_a_call_for_help_alone_greets(question: str) -> None:
    """With no topic word, a call for help gets the greeting that says what can be asked."""
    assert SupportEngine().answer(question).intent == "greeting"
