"""Slips the name lookup forgives: a country word mistyped beside a carrier ("DPD Frnace"),
and a name of several words with one slip in a word the other rules cannot anchor on
("colis priver", "relais coliss").

Precision first, as everywhere in the lookup: a slip is mended only when it is one edit away
(a swap of two letters counts as one) from exactly one meaning, never on its first letter in
a message, and never when the word is itself a name, a country or a slip of a name word.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from rakuten_assist.carriers._name_index import FUZZY_MIN, is_distinctive

if TYPE_CHECKING:
    from rakuten_assist.carriers._name_index import Index, Target

__all__ = ["Slips", "slips_of"]


class Slips:
    """The words slips are measured against, built once per index."""

    def __init__(self, index: Index) -> None:
        self.index = index

    @cached_property
    def countries(self) -> dict[str, str]:
        """Country word -> its country ("frankreich" -> "DE"), words long enough to slip."""
        return {w: c for w, c in self.index.names.qualifiers.items() if len(w) >= FUZZY_MIN}

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word of every name, generic or not."""
        return frozenset(w for tokens in self.index.words.values() for w in tokens)

    @cached_property
    def phrases(self) -> dict[str, tuple[str, ...]]:
        """Any word -> the names of several words that contain it ("colis" -> "colisprive")."""
        found: dict[str, list[str]] = {}
        for key, tokens in self.index.words.items():
            if len(tokens) > 1 and self.index.keys[key].kind == "carrier":
                for word in set(tokens):
                    found.setdefault(word, []).append(key)
        return {word: tuple(keys) for word, keys in found.items()}

    def country(self, word: str, *, first_letter: bool = False) -> str | None:
        """The country word ``word`` is a slip of ("frnace" -> "france"), or None.

        Only a word that no name, country or name-word slip explains; with ``first_letter``
        (free text), the slip keeps the first letter and is a letter left out, added or
        swapped, never one letter for another ("belle" is no "belge").
        """
        from rapidfuzz.distance import OSA

        from rakuten_assist.carriers._name_rules import correct

        names = self.index.names
        if len(word) < FUZZY_MIN or word in names.qualifiers or word in self.name_words:
            return None
        close = [
            known
            for known in self.countries
            if OSA.distance(word, known, score_cutoff=1) <= 1
            and not (first_letter and not _kept_letters(word, known))
        ]
        if not close or len({names.qualifiers[k] for k in close}) != 1:
            return None
        if is_distinctive(word, names) and correct(word, self.index, limit=1) is not None:
            return None  # also a slip of a carrier's own word: not ours to choose
        return min(close, key=lambda known: OSA.distance(word, known))

    def mend_countries(self, tokens: list[str]) -> list[str]:
        """``tokens`` with each country-word slip spelt right ("dpd frnace" -> "dpd france")."""
        return [self.country(w) or w for w in tokens]

    def in_words(
        self, tokens: list[str], used: set[int], skip: Callable[[str], bool]
    ) -> list[tuple[int, int, Target]]:
        """Names of several words typed with every word right but one, that one a single
        slip away and keeping its first letter ("colis priver", "relais coliss").

        The slip is a letter left out, added or two letters swapped, never one letter for
        another ("colis prise" is no Colis Privé); an ordinary word of the message is taken
        only when it is the name's word with one letter more at its end ("priver").
        """

        found: list[tuple[int, int, Target]] = []
        for size in (3, 2):
            for start in range(len(tokens) - size + 1):
                span = range(start, start + size)
                if any(i in used for i in span):
                    continue
                window = tokens[start : start + size]
                keys = {k for w in window for k in self.phrases.get(w, ())}
                targets = set()
                for key in keys:
                    words = self.index.words[key]
                    if len(words) != size:
                        continue
                    pairs = [(t, n) for t, n in zip(window, words, strict=True) if t != n]
                    if len(pairs) != 1:
                        continue
                    typed, meant = pairs[0]
                    if not self._slip(typed, meant, skip):
                        continue
                    targets.add(self.index.keys[key])
                if len(targets) == 1 and len("".join(window)) >= 8:
                    found.append((start, start + size, targets.pop()))
                    used.update(span)
        return found

    def _slip(self, typed: str, meant: str, skip: Callable[[str], bool]) -> bool:
        """Whether ``typed`` is a slip of the name word ``meant`` in a message."""
        from rapidfuzz.distance import OSA

        if len(typed) < FUZZY_MIN - 1 or len(meant) < FUZZY_MIN - 1 or typed[0] != meant[0]:
            return False
        if typed in self.name_words or typed in self.index.names.qualifiers:
            return False  # another name's word, or a country: not a slip
        if OSA.distance(typed, meant, score_cutoff=1) > 1:
            return False
        if skip(typed):
            return len(typed) == len(meant) + 1 and typed.startswith(meant)
        return _kept_letters(typed, meant)


def _kept_letters(typed: str, meant: str) -> bool:
    """Whether a one-edit slip keeps the first letter and is a letter left out, added or
    two letters swapped: one letter for another is how other words are made ("prise",
    "prime" beside "prive"; "belle" beside "belge")."""
    same_length = len(typed) == len(meant)
    return typed[0] == meant[0] and (not same_length or sorted(typed) == sorted(meant))


@lru_cache(maxsize=4)
def slips_of(index: Index) -> Slips:
    """The slips of ``index``, built once."""
    return Slips(index)
