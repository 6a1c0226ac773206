"""Finding a carrier by the name a person types: exact aliases, words inside a text, fuzzy."""

from __future__ import annotations

import itertools
from typing import Any, NamedTuple

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.numbers import (
    validate_number,
)
from rakuten_assist.carriers.types import Carrier, Registry, normalise_name, normalise_words
from rakuten_assist.errors import (
    TrackingNumberError,
    UnknownCarrierError,
)

__all__ = ["CarrierMatch", "alternatives_for", "find_carrier", "resolve_carrier"]


_OTHER_WORDS = frozenset({"autre", "autres", "other", "others"})
_FUZZY_CUTOFF = 85.0
_FUZZY_MARGIN = 5.0
_SUGGESTION_CUTOFF = 50.0


class CarrierMatch(NamedTuple):
    """What :func:`find_carrier` understood: one carrier, or suggestions and no carrier."""

    query: str
    carrier: Carrier | None
    suggestions: list[Carrier] = []  # noqa: RUF012 - never mutated, rebuilt per match
    #: 0-100; 100 for an exact alias, the fuzzy ratio otherwise
    score: float = 0.0
    #: "exact", "words", "fuzzy", "ambiguous" or "none"
    how: str = "none"
    #: the Rakuten product name the words select ("So Colissimo"), else the carrier's default
    rakuten_name: str | None = None


def _by_priority(reg: Registry, ids: Any) -> list[Carrier]:
    return sorted((reg.by_id[i] for i in ids), key=lambda c: -c.priority)


def _word_matches(reg: Registry, text: str) -> list[tuple[int, int, str, str | None]]:
    words = f" {normalise_words(text)} "
    found: list[tuple[int, int, str, str | None]] = []
    for key_words, ids in reg.words_index():
        start = words.find(f" {key_words} ")
        if start < 0 or len(ids) != 1:
            continue
        ((carrier_id, product),) = ids.items()
        found.append((start, start + len(key_words) + 1, carrier_id, product))
    # keep the widest matches: "so colissimo" wins over the "colissimo" inside it
    return [
        m
        for m in found
        if not any(
            o != m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0] for o in found
        )
    ]


def _fuzzy(reg: Registry, text: str) -> list[tuple[Carrier, float]]:
    from rapidfuzz import fuzz, process

    index = reg.alias_index()
    keys = list(index)
    probes = {normalise_name(text)}
    words = normalise_words(text).split()
    probes.update(w for w in words if len(w) >= 4)
    probes.update(a + b for a, b in itertools.pairwise(words))
    best: dict[str, float] = {}
    for probe in probes:
        for key, score, _ in process.extract(probe, keys, scorer=fuzz.ratio, limit=8):
            for carrier_id in index[key]:
                best[carrier_id] = max(best.get(carrier_id, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], -reg.by_id[kv[0]].priority))
    return [(reg.by_id[cid], score) for cid, score in ranked]


def find_carrier(text: str, registry_: Registry | None = None) -> CarrierMatch:
    """Find the carrier a merchant means, without ever guessing silently.

    Case, accents, spaces and punctuation are ignored. An exact alias wins; then the words of
    a product name ("chronopost 13h", "So Colissimo relais"); then typos ("colisimo"). When
    two carriers fit about as well, ``carrier`` is None and ``suggestions`` lists them.
    """
    reg = registry_ or registry()
    key = normalise_name(text)
    if not key:
        return CarrierMatch(query=text, carrier=None)
    hit = reg.alias_index().get(key)
    if hit:
        if len(hit) == 1:
            ((carrier_id, product),) = hit.items()
            carrier = reg.by_id[carrier_id]
            return CarrierMatch(text, carrier, [], 100.0, "exact", product or carrier.rakuten_name)
        return CarrierMatch(text, None, _by_priority(reg, hit), 100.0, "ambiguous")

    matches = _word_matches(reg, text)
    carriers = {m[2] for m in matches}
    if len(carriers) == 1:
        widest = max(matches, key=lambda m: m[1] - m[0])
        carrier = reg.by_id[widest[2]]
        return CarrierMatch(text, carrier, [], 95.0, "words", widest[3] or carrier.rakuten_name)
    if len(carriers) > 1:
        return CarrierMatch(text, None, _by_priority(reg, carriers), 95.0, "ambiguous")

    ranked = _fuzzy(reg, text)
    if not ranked or ranked[0][1] < _FUZZY_CUTOFF:
        close = [c for c, score in ranked[:3] if score >= _SUGGESTION_CUTOFF]
        return CarrierMatch(text, None, close, ranked[0][1] if ranked else 0.0, "none")
    top, score = ranked[0]
    rivals = [c for c, s in ranked[1:] if s >= score - _FUZZY_MARGIN]
    if rivals:
        return CarrierMatch(text, None, [top, *rivals][:4], score, "ambiguous")
    return CarrierMatch(text, top, [], score, "fuzzy", top.rakuten_name)


def alternatives_for(carrier: Carrier, registry_: Registry | None = None) -> list[Carrier]:
    """Supported carriers serving the same countries, best known first (for a refused one)."""
    reg = registry_ or registry()
    countries = set(carrier.countries) - {"*"}
    same = [
        c
        for c in reg
        if c.has_url and c.id != carrier.id and (not countries or countries & set(c.countries))
    ]
    return sorted(same, key=lambda c: -c.priority)[:3]


def resolve_carrier(
    carrier: Carrier | str, number: str | None = None, registry_: Registry | None = None
) -> tuple[Carrier, str]:
    """The carrier and the Rakuten name to send for a carrier or its name.

    An ambiguous name ("DHL") is settled by the number when exactly one of the carriers it
    may mean accepts that number.

    Raises:
        UnknownCarrierError: unknown or still ambiguous name, with the closest carriers.
    """
    if isinstance(carrier, Carrier):
        return carrier, carrier.rakuten_name
    reg = registry_ or registry()
    match = find_carrier(carrier, reg)
    if match.carrier is not None:
        return match.carrier, match.rakuten_name or match.carrier.rakuten_name
    if match.how == "ambiguous" and number:
        try:
            fitting = [c for c in match.suggestions if validate_number(c, number).valid]
        except TrackingNumberError:
            # A number that is not even well formed settles nothing: the name stays ambiguous.
            fitting = []
        if len(fitting) == 1:
            return fitting[0], fitting[0].rakuten_name
    names = [c.id for c in match.suggestions]
    if match.how == "ambiguous":
        raise UnknownCarrierError(
            carrier,
            names,
            fix=f"{carrier!r} can mean {', '.join(c.name for c in match.suggestions)}: name "
            "the one you ship with.",
        )
    raise UnknownCarrierError(carrier, names)
