"""The rules of the name lookup: windows of words, typos, country qualifiers, numbers.

Used by :mod:`rakuten_assist.carriers.names` (the public lookup). Each rule keeps precision
first: a carrier answer rests on a distinctive word, a typed country is never dropped, and a
tie is a question, never a pick.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rakuten_assist.carriers._name_index import (
    FUZZY_MIN,
    How,
    Index,
    NameMatch,
    Target,
    core_of,
    is_distinctive,
)
from rakuten_assist.carriers.types import NameWords

if TYPE_CHECKING:
    from rakuten_assist.carriers.numbers import NumberCheck
    from rakuten_assist.carriers.types import Carrier, Registry

_MAX_WINDOW = 5


def allowed_window(tokens: tuple[str, ...], names: NameWords) -> bool:
    """A single word must be distinctive; a phrase must not be qualifiers alone."""
    if len(tokens) == 1:
        return is_distinctive(tokens[0], names)
    return any(word not in names.qualifiers for word in tokens)


def windows(
    tokens: list[str], index: Index, skip: Callable[[str], bool] | None = None
) -> list[tuple[int, int, Target]]:
    """The widest known names inside ``tokens``, left to right, never overlapping."""
    found: list[tuple[int, int, Target]] = []
    used = [False] * len(tokens)
    for size in range(min(_MAX_WINDOW, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            window = tuple(tokens[start : start + size])
            target = index.keys.get("".join(window))
            if target is None or not allowed_window(window, index.names):
                continue
            if size == 1 and skip is not None and skip(window[0]):
                continue
            found.append((start, start + size, target))
            for i in range(start, start + size):
                used[i] = True
    return sorted(found, key=lambda f: f[0])


def typo_limit(word: str) -> int:
    return 1 if len(word) < 8 else 2


def correct(word: str, index: Index, limit: int | None = None) -> str | None:
    """The one distinctive name word ``word`` is a typo of (at most ``limit`` edits), or None."""
    if len(word) < FUZZY_MIN or word in index.keys:
        return None
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    limit = min(typo_limit(word), limit if limit is not None else 2)
    close = extract(word, index.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=3)
    if not close:
        return None
    best = min(score for _, score, _ in close)
    winners = [choice for choice, score, _ in close if score == best]
    # Two spellings of one name ("chronopost" and its listed typo "chronopst") are one
    # answer, not a tie.
    meant = {_meaning(choice, index) for choice in winners}
    return winners[0] if len(meant) == 1 else None


def _meaning(word: str, index: Index) -> object:
    """What a vocabulary word names: its target, or the names of several words it is in."""
    target = index.keys.get(word)
    if target is not None:
        return (target.kind, target.ids)
    return frozenset(index.keys[key].ids for key in index.phrases.get(word, ()))


def fuzzy_compact(tokens: list[str], country: str | None, index: Index, reg: Registry) -> list[str]:
    """Names whose compact form is a typo away from the whole typed name.

    The name must have a distinctive word, or be a country's post whose country is the one
    typed ("Australian Post" -> Australia Post, never "Post" -> bpost). The typos allowed
    are counted on what the name rests on, not its generic words: "J&T Express" is not two
    typos away from "SF Express".
    """
    compact = "".join(tokens)
    core = core_of(tokens, index.names)
    if len(compact) < FUZZY_MIN or len(core) < 4:
        return []
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    def acceptable(key: str) -> bool:
        words = index.words.get(key, ())
        if any(is_distinctive(w, index.names) for w in words):
            return True
        target = index.keys[key]
        return (
            country is not None
            and any(w in index.names.qualifiers for w in words)
            and all(country in countries(reg.by_id[i]) for i in target.ids)
            and bool(target.ids)
        )

    limit = min(typo_limit(compact), typo_limit(core))
    close = extract(compact, list(index.keys), scorer=OSA.distance, score_cutoff=limit, limit=8)
    keys = [key for key, _, _ in close if len(key) >= FUZZY_MIN and acceptable(key)]
    if not keys:
        return []
    best = min(OSA.distance(compact, key) for key in keys)
    return [key for key in keys if OSA.distance(compact, key) == best]


def countries(carrier: Carrier) -> frozenset[str]:
    return frozenset(carrier.countries)


def apply_qualifier(
    ids: tuple[str, ...], country: str | None, brand: Iterable[str], reg: Registry, index: Index
) -> tuple[tuple[str, ...], How]:
    """Carriers among ``ids`` (or their brand family) that serve the typed country."""
    if country is None:
        return ids, "words"
    explicit = tuple(i for i in ids if country in countries(reg.by_id[i]))
    if explicit:
        return explicit, "qualifier"
    if len(ids) == 1 and "*" in countries(reg.by_id[ids[0]]):
        # "TNT FR": the one carrier named serves every country; never another carrier that
        # only shares a word of its name ("TNT Relais Colis")
        return ids, "qualifier"
    family: set[str] = set()
    for word in brand:
        family |= index.families.get(word, frozenset())
    serving = tuple(sorted(i for i in family if country in countries(reg.by_id[i])))
    if serving:
        return serving, "qualifier"
    worldwide = tuple(i for i in ids if "*" in countries(reg.by_id[i]))
    if len(ids) > 1 and worldwide:
        # "DHL Parcel Poland": the worldwide brand is one possibility among the family's
        # national companies we do not list; ask rather than answer with it.
        return tuple(dict.fromkeys((*worldwide, *sorted(family)))), "none"
    return worldwide, "words"


def settle_by_number(
    candidates: tuple[Carrier, ...], number: str | None
) -> tuple[Carrier, NumberCheck] | None:
    """The one candidate whose formats accept ``number`` (by check digit first), or None."""
    if not number or len(candidates) < 2:
        return None
    from rakuten_assist.carriers.numbers import validate_number
    from rakuten_assist.errors import TrackingNumberError

    try:
        checks = [(c, validate_number(c, number)) for c in candidates]
    except TrackingNumberError:
        return None
    for strict in (True, False):
        # A carrier without any known format accepts anything: it settles nothing.
        fitting = [
            (c, check)
            for c, check in checks
            if c.formats and check.valid and (check.checksum or not strict)
        ]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return None
    return None


def by_priority(reg: Registry, ids: Iterable[str]) -> tuple[Carrier, ...]:
    return tuple(sorted((reg.by_id[i] for i in dict.fromkeys(ids)), key=lambda c: -c.priority))


def carrier_answer(
    query: str,
    ids: tuple[str, ...],
    product: str | None,
    how: How,
    reg: Registry,
    number: str | None,
    country: str | None,
) -> NameMatch:
    if len(ids) == 1:
        carrier = reg.by_id[ids[0]]
        return NameMatch(
            query, "carrier", carrier, (carrier,), how, product or carrier.rakuten_name,
            qualifier=country,
        )  # fmt: skip
    candidates = by_priority(reg, ids)
    settled = settle_by_number(candidates, number)
    if settled is not None:
        chosen, check = settled
        return NameMatch(
            query, "carrier", chosen, candidates, "number", chosen.rakuten_name,
            qualifier=country, number_check=check,
        )  # fmt: skip
    return NameMatch(query, "ambiguous", None, candidates, how, qualifier=country)


def suggestions(tokens: list[str], reg: Registry, index: Index) -> tuple[Carrier, ...]:
    """Carriers sharing a distinctive word (or a typo of one) with the typed name."""
    ids: set[str] = set()
    for word in tokens:
        if not is_distinctive(word, index.names):
            continue
        ids |= index.families.get(word, frozenset())
        if len(word) >= 3 and not ids:
            from rapidfuzz.distance import OSA

            for known, owners in index.families.items():
                if len(known) >= 3 and OSA.distance(word, known, score_cutoff=1) <= 1:
                    ids |= owners
    return by_priority(reg, ids)[:4]


#: halves of a two-word country: a country only beside their other half ("pays" is no
#: Netherlands in "colissimo 6A12345678905 pays BE", "pays bas" is)
_HALVES = {
    "pays": "bas", "bas": "pays", "royaume": "uni", "uni": "royaume", "etats": "unis",
    "unis": "etats",
}  # fmt: skip


def qualifier_of(tokens: Iterable[str], names: NameWords) -> str | None:
    words = list(tokens)
    found = {
        names.qualifiers[w]
        for w in words
        if w in names.qualifiers and (w not in _HALVES or _HALVES[w] in words)
    }
    return found.pop() if len(found) == 1 else None


def from_targets(
    query: str,
    targets: list[tuple[tuple[str, ...], Target]],
    leftover: list[str],
    how: How,
    reg: Registry,
    index: Index,
    number: str | None,
) -> NameMatch | None:
    carriers = [(words, t) for words, t in targets if t.kind == "carrier"]
    country = qualifier_of(leftover, index.names)
    if carriers:
        ids: list[str] = []
        product = None
        brand: list[str] = []
        for words, target in carriers:
            ids.extend(target.ids)
            product = product or target.product
            brand.extend(w for w in words if is_distinctive(w, index.names))
        unique = tuple(dict.fromkeys(ids))
        if len(carriers) > 1 and len(unique) > 1:
            return carrier_answer(query, unique, None, how, reg, number, country)
        kept, qualified = apply_qualifier(unique, country, brand, reg, index)
        if not kept:
            # The country typed rules out every carrier the words name: say so, never swap;
            # suggest only carriers sharing a distinctive word ("DHL ..."), never "La Poste".
            family = {i for w in brand for i in index.families.get(w, frozenset())}
            return NameMatch(
                query, "unknown", None, by_priority(reg, family)[:4], "none", qualifier=country
            )
        if qualified == "none":
            return NameMatch(
                query, "ambiguous", None, by_priority(reg, kept), how, qualifier=country
            )
        return carrier_answer(
            query, kept, product if kept == unique else None,
            qualified if qualified == "qualifier" else how, reg, number, country,
        )  # fmt: skip
    if any(is_distinctive(w, index.names) for w in leftover):
        # "Vinted Go" is not Vinted: more distinctive words than the platform's name.
        return NameMatch(query, "unknown", None, suggestions(leftover, reg, index))
    for kind in ("platform", "marketplace"):
        for words, target in targets:
            if target.kind == kind:
                # Amazon the marketplace -> Amazon Logistics as the carrier it may mean.
                related = suggestions(list(words), reg, index) if kind == "marketplace" else ()
                return NameMatch(query, target.kind, None, related, how, label=target.label)
    return None
