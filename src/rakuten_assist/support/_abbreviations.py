"""Abbreviations of support messages read as the words they stand for ("bjr", "pb", "mdp").

The table is data (``intent_data/abbreviations.toml``), per language; a message's folded
words are expanded before its intent, scope and language are read.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

__all__ = ["expand", "language_of_abbreviation"]

_WORD = re.compile(r"(?<![\w'])[a-z]+(?![\w'])")


@cache
def _table() -> dict[str, tuple[str, str]]:
    """Abbreviation -> (its words, its language, empty when several have it)."""
    source = resources.files("rakuten_assist.support") / "intent_data" / "abbreviations.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    found: dict[str, tuple[str, str]] = {}
    for lang, words in data["words"].items():
        for short, long in words.items():
            # an abbreviation of both languages ("config") says nothing of the language
            found[short] = (long, "" if short in found else lang)
    return found


def expand(folded: str) -> str:
    """``folded`` (lower case, no accents) with its abbreviations written out."""
    table = _table()
    return _WORD.sub(lambda m: table[m.group(0)][0] if m.group(0) in table else m.group(0), folded)


def language_of_abbreviation(word: str) -> str | None:
    """The language an abbreviation belongs to ("bjr": fr), or None for another word and
    for one of several languages ("config")."""
    found = _table().get(word)
    return found[1] or None if found else None
