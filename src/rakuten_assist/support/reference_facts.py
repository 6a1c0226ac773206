"""Facts of the Rakuten reference notes, answered when a question asks for one.

Each fact is data: ``support/facts/<area>.toml`` says which words ask for it and under which
intent it is answered; its answer is the message ``facts_<area>.<id>`` of each language's
catalogue. A fact is asked when every group of its ``when`` has a phrase starting a word of
the folded question, and no ``unless`` phrase does; of several, the one with the most groups
wins, then the first in file order. Adding a fact touches its area's file and the catalogues.

The engine answers a fact only where nothing more specific applies (no pasted error, no
tracking number, nothing out of scope, no follow-up): the link builder, the carrier lookup
and the error catalogue keep their questions.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from rakuten_assist import i18n
from rakuten_assist.support._answer import Answer
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._sources import Source
from rakuten_assist.support.intents import INTENTS, Intent

__all__ = ["ReferenceFact", "answer_fact", "fact_for", "reference_facts"]

_DIR = os.path.join(os.path.dirname(__file__), "facts")
#: intents a fact may not be answered under: they are computed or are courtesy
_NOT_FACT_INTENTS = frozenset({"detect_carrier", "greeting"})


@dataclass(frozen=True)
class ReferenceFact:
    """One fact: its id, area, intent, source and the phrases that ask for it.

    Attributes:
        id: the fact's id, unique in its area (``getnewsales_no_paging``).
        area: the file it comes from (``sales``); its answer is ``facts_<area>.<id>``.
        intent: the intent it is answered under; ``unknown`` for what nobody publishes.
        source: where the reference notes write it (``rakuten-api.md §2``).
        when: groups of folded phrases; every group must have one in the question.
        unless: folded phrases that rule the fact out.
        examples: example questions per language (for tests).
    """

    id: str
    area: str
    intent: Intent
    source: str
    when: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...]
    examples: dict[str, tuple[str, ...]]

    @property
    def message_id(self) -> str:
        return f"facts_{self.area}.{self.id}"

    def asked_in(self, folded: str) -> bool:
        """Whether a folded question asks for this fact."""
        return all(any(_starts_word(p, folded) for p in group) for group in self.when) and not (
            any(_starts_word(p, folded) for p in self.unless)
        )


@functools.cache
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9_])" + re.escape(phrase))


def _starts_word(phrase: str, folded: str) -> bool:
    return _pattern(phrase).search(folded) is not None


def _fact(area: str, raw: dict[str, Any]) -> ReferenceFact:
    intent = raw["intent"]
    if intent not in INTENTS or intent in _NOT_FACT_INTENTS:
        raise ValueError(f"support/facts/{area}.toml: {raw['id']}: intent {intent!r}")
    return ReferenceFact(
        id=raw["id"],
        area=area,
        intent=intent,
        source=raw["source"],
        when=tuple(tuple(fold(p) for p in group) for group in raw["when"]),
        unless=tuple(fold(p) for p in raw.get("unless", ())),
        examples={lang: tuple(qs) for lang, qs in raw.get("examples", {}).items()},
    )


@functools.cache
def reference_facts() -> tuple[ReferenceFact, ...]:
    """Every fact of every area, in file order (areas sorted by name)."""
    facts: list[ReferenceFact] = []
    for name in sorted(os.listdir(_DIR) if os.path.isdir(_DIR) else ()):
        if name.endswith(".toml"):
            with open(os.path.join(_DIR, name), "rb") as handle:
                data = tomllib.load(handle)
            facts += [_fact(name[: -len(".toml")], raw) for raw in data.get("fact", ())]
    return tuple(facts)


@functools.lru_cache(maxsize=256)
def fact_for(question: str) -> ReferenceFact | None:
    """The fact ``question`` asks for, if any: the one with the most groups matched."""
    folded = fold(question)
    asked = [fact for fact in reference_facts() if fact.asked_in(folded)]
    return max(asked, key=lambda fact: len(fact.when), default=None)


def answer_fact(fact: ReferenceFact, lang: Lang) -> Answer:
    """The fact's answer in ``lang``, with its source; what nobody publishes is escalated."""
    facts: dict[str, Any] = {"fact_id": fact.id, "reference": fact.source}
    if fact.intent == "unknown":
        facts["escalate"] = True
    return Answer(
        intent=fact.intent,
        lang=lang,
        text=i18n.t(fact.message_id, lang),
        facts=facts,
        sources=[Source.reference(fact.source)],
    )
