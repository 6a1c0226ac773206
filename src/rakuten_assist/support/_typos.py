"""Typing slips: when a typed word is a known word mistyped.

One rule for every place the engine reads a word it knows (intent phrases, out-of-scope
phrases, the words that make a number an order id). A long word tolerates a near spelling
("identifient", "configuer") and any one slip, a swap of two letters included
("configrue"); a five-letter word only the slips fast typing makes without making another
word: a letter doubled ("jetonn") or two letters swapped ("jteon", "toekn"; never the first
letter: "ejton" is not "jeton"). A shorter word is never guessed: "taken" is not "token".
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

__all__ = ["is_slip"]

#: from this length a near spelling counts (the engine's historical rule)
LONG = 6
_SHORT = 5
_CUTOFF = 85.0


def _doubled(typed: str, word: str) -> bool:
    """``typed`` is ``word`` with one of its letters typed twice."""
    return len(typed) == len(word) + 1 and any(
        typed[i] == typed[i - 1] and typed[:i] + typed[i + 1 :] == word
        for i in range(1, len(typed))
    )


def _swapped(typed: str, word: str) -> bool:
    """``typed`` is ``word`` with two neighbouring letters swapped."""
    if len(typed) != len(word):
        return False
    diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and typed[diff[0]] == word[diff[1]]
        and (typed[diff[1]] == word[diff[0]])
    )


def _undoubled(typed: str, word: str) -> bool:
    """``typed`` is ``word`` with one of its double letters typed once ("comission")."""
    return _doubled(word, typed)


def is_slip(typed: str, word: str, *, strict: bool = False) -> bool:
    """Whether ``typed`` is ``word`` (folded, both) with a typing slip; never when equal.

    ``strict`` accepts only the slips that make no other word: two letters swapped, a
    letter doubled or a double letter typed once ("contact" is not "contract"). It is for
    words whose wrong guess turns a question into another (an out-of-scope word, an id).
    """
    if typed == word or not typed or (typed[0] != word[0] and len(word) < LONG):
        return False
    if strict:
        return (
            len(word) >= _SHORT
            and typed[0] == word[0]
            and (_doubled(typed, word) or _undoubled(typed, word) or _swapped(typed, word))
        )
    if len(word) >= LONG:
        near = abs(len(typed) - len(word)) <= 2 and fuzz.ratio(typed, word) >= _CUTOFF
        return near or (typed[0] == word[0] and OSA.distance(typed, word) <= 1)
    if len(word) == _SHORT:
        return _doubled(typed, word) or _swapped(typed, word)
    return False
