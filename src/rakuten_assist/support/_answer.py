"""The Answer model every engine returns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rakuten_assist.support._lang import Lang
from rakuten_assist.support._sources import Source
from rakuten_assist.support.intents import Intent

__all__ = ["Answer"]


class Answer(BaseModel):
    """One reply of the support engine.

    Attributes:
        intent: what the question was understood as (CLI.md ``ask --json`` intents).
        lang: ``"fr"`` or ``"en"``, the user's language.
        text: the reply, Markdown.
        facts: the facts behind the reply, JSON-able (carrier ids, URLs, error ids...).
        suggestions: quick replies the user may send next, in their language.
        sources: where each fact comes from, as records (:class:`Source`) rendered in the
            answer's language by :meth:`Source.render`.
        parts: one answer per question when the message held several, in order; the other
            fields are then those of the first part.
    """

    model_config = ConfigDict(frozen=True)

    intent: Intent
    lang: Lang
    text: str
    facts: dict[str, Any] = Field(default_factory=dict)
    suggestions: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    parts: list[Answer] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``ask --json`` shape: intent, lang, answer, facts, plus sources (in words of the
        answer's language, and as records in ``source_refs``) and suggestions."""
        shape: dict[str, Any] = {
            "intent": self.intent,
            "lang": self.lang,
            "answer": self.text,
            "facts": self.facts,
            "sources": [source.render(self.lang) for source in self.sources],
            "source_refs": [source.model_dump(exclude_defaults=True) for source in self.sources],
            "suggestions": list(self.suggestions),
        }
        if self.parts:
            shape["parts"] = [
                {"intent": part.intent, "answer": part.text, "facts": part.facts}
                for part in self.parts
            ]
        return shape
