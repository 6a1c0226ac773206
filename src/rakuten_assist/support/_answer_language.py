"""Which language an answer is in: the user's own words, not a pasted error or a carrier's name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rakuten_assist.support._lang import Lang, detect_language
from rakuten_assist.support.errors_catalogue import normalise_error_text

if TYPE_CHECKING:
    from rakuten_assist.support._entity_types import Entities

__all__ = ["lead_before_quote", "pasted_error_lang", "without_names"]

#: how much of an error message's start tells that the whole message was pasted
_OPENING = 16


def pasted_error_lang(question: str, entities: Entities) -> Lang | None:
    """The language of a pasted error, for when the user's own words say nothing."""
    if entities.error is None:
        return None
    entry = entities.error.entry
    # The whole message as Rakuten shows it starts in the entry's language ("Statut
    # incorrect : the item..."); a part of it is in the language of its own words.
    opening = normalise_error_text(entry.message)[:_OPENING]
    if opening and opening in normalise_error_text(question):
        return entry.lang
    return detect_language(question, default=entry.lang)


#: "what does this mean: <a message in another language>": the lead is the user's own words
_LEAD = re.compile(r"^\s*([^:\n]{8,80}?)\s*:\s+(\S.*)$")
_LEAD_WORDS = 3


def lead_before_quote(question: str) -> str | None:
    """The user's own lead before a colon on a one-line message when it, alone, says a
    language other than the rest's ("what does this mean: Le transporteur n'existe pas");
    None otherwise."""
    found = _LEAD.match(question)
    if found is None or "\n" in question or len(found.group(1).split()) < _LEAD_WORDS:
        return None
    if any(mark in found.group(1) for mark in '"«»“”<>'):
        return None  # the quote is before the colon: the words after it are the user's
    lead = detect_language(found.group(1), default="")
    rest = detect_language(found.group(2), default="")
    return found.group(1) if lead and rest and lead != rest else None


def without_names(text: str, entities: Entities) -> str:
    """``text`` without the words naming its carriers."""
    for mention in entities.carriers:
        text = re.sub(re.escape(mention.text), " ", text, flags=re.IGNORECASE)
    return text
