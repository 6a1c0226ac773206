"""Replies read with what was just asked: the number typed alone after 'which number?', the
login field asked about during a setup, a question about the token after an error."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation


def _last(*turns: str) -> Answer:
    """The answer to the last of ``turns``, said in one conversation."""
    engine, conv = SupportEngine(), Conversation()
    answers = [engine.answer(turn, conv) for turn in turns]
    return answers[-1]


def test_a_number_typed_alone_in_the_carriers_own_shape_gets_its_link() -> None:
    """'1GAB34CD56EF' after 'which GEODIS number?': GEODIS's format takes it, the link is built."""
    answer = _last("GEODIS est accepté ?", "oui", "1GAB34CD56EF")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["geodis"]
    assert "1GAB34CD56EF" in answer.text


def test_a_word_typed_alone_is_no_number() -> None:
    """A token the carrier's formats refuse builds no link for that carrier."""
    answer = _last("GEODIS est accepté ?", "oui", "bonjour12")
    assert answer.facts.get("carrier_ids") != ["geodis"]


@pytest.mark.parametrize(
    "question",
    [
        "Je paramètre la connexion d'une boutique, qu'est-ce qu'on met dans le champ identifiant ?",
        "setting up the Rakuten connector for a shop: what goes in the username field?",
    ],
)
def test_the_login_field_asked_about_during_a_setup_is_the_login(question: str) -> None:
    """The setup is background; the field asked about is the login."""
    assert SupportEngine().answer(question).intent == "login_help"


def test_a_token_question_after_an_error_is_about_the_token() -> None:
    """After 'Unknown user or password.' explained, 'so it's the token, where do I get a new
    one?' is the token answer, not the error again."""
    answer = _last(
        "Rakuten answers 'Unknown user or password.' since this morning",
        "The account name is right, so it must be the token. Where do we copy a new one?",
    )
    assert answer.intent == "token_help"
