"""Every next step an answer offers is a question the engine answers, in every language."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._texts import say
from rakuten_assist.support.conversation import Conversation

#: the catalogue ids answers offer as suggestions (the first is what a "yes" runs)
_OFFERED = (
    "run_checks",
    "start_setup",
    "where_token",
    "what_login",
    "try_colissimo",
    "next.carriers",
    "next.countries",
    "next.professional",
    "next.sku",
    "next.test_order",
    "error.try_quota",
    "error.try_unknown_user",
)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("key", _OFFERED)
def test_an_offered_step_is_answered_in_its_language(key: str, lang: str) -> None:
    """A suggestion typed or run by 'yes' gets an answer, never 'I don't know'."""
    answer = SupportEngine().answer(say(key, lang))
    assert answer.intent != "unknown"
    assert answer.lang == lang


@pytest.mark.parametrize(
    ("question", "yes"),
    [("statut de l'article 260300017 ?", "oui"), ("what does InvalidUserConnection mean?", "yes")],
)
def test_yes_after_an_answer_runs_its_offered_step(question: str, yes: str) -> None:
    """'oui' after an answer that offers the checks runs them: the set-up walkthrough."""
    engine, conversation = SupportEngine(), Conversation()
    engine.answer(question, conversation)
    assert conversation.next_step is not None
    assert engine.answer(yes, conversation).intent == "setup_walkthrough"
