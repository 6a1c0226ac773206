"""Scoring the engine against a table of questions (used by the tests and bench/support.py).

A row is ``{"q", "intent", "lang", "expect": {path: value}, "require": [path], "split"}``.
Paths are dotted (``carriers.0.rakuten_name``); when the fact at a path is a list and the
expected value is not, the list must contain it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rakuten_assist.support.answers import Answer

__all__ = ["fact_at", "load_questions", "problems"]

_MISSING = object()


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a question table file (JSON with a ``questions`` list)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = data["questions"]
    return rows


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
    if not answer.sources:
        found.append("no source cited")
    return found
