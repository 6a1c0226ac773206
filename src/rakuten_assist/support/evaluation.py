"""Scoring the engine against a table of questions (used by the tests and bench/support.py).

A row is ``{"q", "intent", "lang", "expect": {path: value}, "require": [path], "split"}``,
optionally with ``parts`` (the ordered intents of a multi-question message) and
``never_carrier_ids`` (carriers whose appearance would be a confidently wrong answer).
Paths are dotted (``carriers.0.rakuten_name``); when the fact at a path is a list and the
expected value is not, the list must contain it. A conversation is ``{"id", "lang", "turns":
[row...]}``: each turn is scored like a row, given the earlier turns as memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rakuten_assist.support.answers import Answer

if TYPE_CHECKING:
    from rakuten_assist.support.engine import SupportEngine

__all__ = [
    "ScoredTurn",
    "carrier_ids_named",
    "confidently_wrong",
    "fact_at",
    "load_conversations",
    "load_questions",
    "problems",
    "score_conversation",
]

_MISSING = object()


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a question table file (JSON with a ``questions`` list)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = data["questions"]
    return rows


def load_conversations(path: str | Path) -> list[dict[str, Any]]:
    """The conversations of a conversation table file (JSON with a ``conversations`` list)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    conversations: list[dict[str, Any]] = data["conversations"]
    return conversations


def fact_at(facts: Mapping[str, Any], path: str) -> Any:
    """The fact at a dotted path, or a private sentinel when absent."""
    value: Any = facts
    for part in path.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or value == "" or value == [] or value == {}


def problems(answer: Answer, row: Mapping[str, Any]) -> list[str]:
    """Why ``answer`` does not satisfy ``row`` (an empty list: it does)."""
    found: list[str] = []
    if answer.intent != row["intent"]:
        found.append(f"intent {answer.intent!r} != {row['intent']!r}")
    if answer.lang != row["lang"]:
        found.append(f"lang {answer.lang!r} != {row['lang']!r}")
    for path, expected in row.get("expect", {}).items():
        actual = fact_at(answer.facts, path)
        if isinstance(expected, list) and isinstance(actual, list):
            ok = all(item in actual for item in expected)
        elif isinstance(actual, list) and not isinstance(expected, list):
            ok = expected in actual
        else:
            ok = actual == expected
        if not ok:
            shown = "absent" if actual is _MISSING else repr(actual)
            found.append(f"fact {path} = {shown}, expected {expected!r}")
    for path in row.get("require", []):
        if _empty(fact_at(answer.facts, path)):
            found.append(f"fact {path} missing")
    if "parts" in row:
        intents = [part.intent for part in answer.parts] or [answer.intent]
        if intents != list(row["parts"]):
            found.append(f"parts {intents!r} != {row['parts']!r}")
    wrong = set(row.get("never_carrier_ids", [])) & carrier_ids_named(answer)
    if wrong:
        found.append(f"names refused carrier(s) {sorted(wrong)!r}")
    if not answer.sources:
        found.append("no source cited")
    return found


def carrier_ids_named(answer: Answer) -> set[str]:
    """Every carrier id an answer (and each of its parts) names as its answer or a candidate."""
    named: set[str] = set()
    for one in [answer, *answer.parts]:
        for key in ("carrier_ids", "candidate_ids"):
            value = one.facts.get(key) or []
            named.update(str(item) for item in value)
        for carrier in one.facts.get("carriers") or []:
            if isinstance(carrier, Mapping) and carrier.get("id"):
                named.add(str(carrier["id"]))
    return named


def confidently_wrong(answer: Answer, row: Mapping[str, Any]) -> bool:
    """A wrong answer said with confidence: a wrong carrier, or a stock answer to a question
    the engine should have said it does not know."""
    named = carrier_ids_named(answer)
    if set(row.get("never_carrier_ids", [])) & named:
        return True
    expected = row.get("expect", {}).get("carrier_ids")
    if expected and named:
        wanted = set(expected) if isinstance(expected, list) else {expected}
        if not wanted & named:
            return True
    asked_unknown = row["intent"] == "unknown" or row.get("expect", {}).get("escalate") is True
    return asked_unknown and answer.intent not in ("unknown", "greeting")


class ScoredTurn(NamedTuple):
    """One turn of a conversation, its answer, and how that answer was scored."""

    turn: dict[str, Any]
    answer: Answer
    problems: list[str]
    confidently_wrong: bool


def score_conversation(
    engine: SupportEngine, conversation: Mapping[str, Any]
) -> Iterator[ScoredTurn]:
    """Each turn of ``conversation`` answered with the memory of the turns before it, scored
    like a row (a turn without its own ``lang`` takes the conversation's)."""
    from rakuten_assist.support.conversation import Conversation

    memory = Conversation()
    for turn in conversation["turns"]:
        row = {"lang": conversation["lang"], **turn}
        answer = engine.answer(row["say"], memory)
        yield ScoredTurn(row, answer, problems(answer, row), confidently_wrong(answer, row))
