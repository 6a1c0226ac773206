"""An error told as over in a message's background ("last week they had « Quota exceeded. »;
c'est réglé depuis. Is Chronopost Shop2Shop supported?") is no longer what is asked."""

from __future__ import annotations

from dataclasses import replace

from rakuten_assist.support._entity_types import Entities
from rakuten_assist.support._segments import is_question, sentences
from rakuten_assist.support.errors_catalogue import normalise_error_text
from rakuten_assist.support.intents import says_settled

__all__ = ["without_settled_error"]


def without_settled_error(question: str, entities: Entities) -> Entities:
    """``entities`` without their error when the message says, after it and before any
    question, that it was fixed; unchanged otherwise ("ok fixed. now every call comes back
    with Quota exceeded" tells the error after the fix: it is the new problem)."""
    error = entities.error
    if error is None or not error.matched:
        return entities
    told = sentences(question)
    for at, sentence in enumerate(told):
        said = normalise_error_text(sentence)
        start = said.find(error.matched)
        if start < 0:
            continue
        after = [said[start + len(error.matched) :]]
        if at + 1 < len(told) and not is_question(told[at + 1]):
            after.append(told[at + 1])
        if is_question(sentence) or not any(map(says_settled, after)):
            return entities
        return replace(entities, error=None, error_code=None)
    return entities
