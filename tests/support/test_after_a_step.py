"""Asking what comes after a set-up step gets the walkthrough; asking where the step is does not."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what comes after the token?", "en"),
        ("une fois le jeton copié, je fais quoi ensuite ?", "fr"),
        ("ok I have the login, what next?", "en"),
        ("identifiant trouvé, c'est quoi l'étape suivante ?", "fr"),
    ],
)
def test_what_comes_after_a_step_is_the_walkthrough(question: str, lang: str) -> None:
    """'and after the token?' asks for the steps that follow, not for the token again."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("setup_walkthrough", lang)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("et ensuite le token il est où ?", "token_help"),
        ("after the token is pasted it says InvalidUserConnection", "error_explain"),
    ],
)
def test_where_a_step_is_or_its_error_stays_its_own_question(question: str, intent: str) -> None:
    """'then where is the token?' asks where; an error after a step is explained."""
    assert SupportEngine().answer(question).intent == intent


def test_after_the_token_in_a_set_up_conversation() -> None:
    """After the walkthrough and the token's place, 'and once I have the token?' goes on."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer("I need to set up a new seller account", conversation)
    engine.answer("where do I find the token again?", conversation)
    answer = engine.answer("and once I have the token?", conversation)
    assert answer.intent == "setup_walkthrough"
