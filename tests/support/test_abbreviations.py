"""Abbreviations are read as the words they stand for; a call for help greets only alone."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._abbreviations import expand
from rakuten_assist.support._lang import detect_language


def test_abbreviations_are_expanded_as_whole_words_only() -> None:
    """'pb' and 'mdp' are written out; a word containing them is left alone."""
    assert expand("pb de mdp") == "probleme de mot de passe"
    assert expand("pbx mdps") == "pbx mdps"


def test_an_abbreviation_tells_its_language_unless_both_use_it() -> None:
    """'bjr' is French; 'config' is typed in both languages and tells nothing."""
    assert detect_language("bjr", default="en") == "fr"
    assert detect_language("config", default="en") == "en"
    assert detect_language("config", default="fr") == "fr"


def test_an_abbreviated_greeting_greets_and_a_long_call_for_help_does_not() -> None:
    """'bjr' alone is a greeting in French; 'help' after a problem report is no greeting."""
    engine = SupportEngine()
    hello = engine.answer("bjr")
    assert (hello.intent, hello.lang) == ("greeting", "fr")
    assert engine.answer("help").intent == "greeting"
    assert engine.answer("nothing works since yesterday, help").intent == "unknown"


def test_a_greeting_word_before_a_question_does_not_hide_the_question() -> None:
    """'bjr est ce que ... ?' asks something: never answered as a greeting."""
    answer = SupportEngine().answer("bjr est ce que milee ca passe sur rakuten")
    assert answer.intent != "greeting"
