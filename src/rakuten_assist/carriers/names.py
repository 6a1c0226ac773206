"""One lookup for carrier names: a typed name, or the carriers named in a free-text message.

Precision first: an answer that names a carrier must rest on a distinctive word of that
carrier (never on "post", "express", "relais"...), a country or region word the merchant typed
("UK", "Canada", "Belgique") is never dropped to land on another country's carrier, and
whatever cannot be settled comes back as candidates and a question, or as "not in our
registry". Shipping platforms, marketplaces and Rakuten's ``Autre`` are named as what they
are. Every caller (CLI, support engine, TUI browser, walkthrough) goes through
:func:`resolve_name` or :func:`find_mentions`, so they never disagree.

The words themselves (generic words, country qualifiers, platforms, marketplaces) are data in
carriers.json (``names``), like the carriers' aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from rakuten_assist.carriers.types import NameWords

if TYPE_CHECKING:
    from rakuten_assist.carriers.numbers import NumberCheck
    from rakuten_assist.carriers.types import Carrier, Registry

__all__ = [
    "Kind",
    "Mention",
    "NameMatch",
    "find_mentions",
    "name_tokens",
    "resolve_name",
    "split_carrier_list",
]

Kind = Literal["carrier", "ambiguous", "platform", "marketplace", "other", "unknown"]
#: how a carrier was reached: the whole name, words inside it, a typo, or a tracking number
How = Literal["exact", "words", "fuzzy", "number", "qualifier", "none"]

_WORD = re.compile(r"[^\W_]+")
_MAX_WINDOW = 5
_FUZZY_MIN = 5  # shorter words (DPD, GLS, UPS, TNT, Evri) are matched exactly only


class NameMatch(NamedTuple):
    """What a typed name means.

    ``kind``: ``carrier`` (``carrier`` set), ``ambiguous`` (``candidates``: ask which one),
    ``platform`` / ``marketplace`` (``label`` names it; not a carrier), ``other`` (Rakuten's
    ``Autre``), ``unknown`` (not in our registry; ``candidates`` are suggestions sharing a
    distinctive word, never an answer).
    """

    query: str
    kind: Kind
    carrier: Carrier | None = None
    candidates: tuple[Carrier, ...] = ()
    how: How = "none"
    #: the Rakuten product name the words select ("So Colissimo"), else the carrier's default
    rakuten_name: str | None = None
    #: the platform or marketplace as its owner writes it ("Boxtal")
    label: str | None = None
    #: the country qualifier the merchant typed ("GB" for "UK"), when one was
    qualifier: str | None = None
    #: the number's check against ``carrier`` when the number settled an ambiguous name
    #: (computed once: the answer reuses it)
    number_check: NumberCheck | None = None

    @property
    def confident(self) -> bool:
        """True when the answer names one carrier."""
        return self.kind == "carrier"


class Mention(NamedTuple):
    """A carrier (or platform, marketplace) named inside a message, with where it stands."""

    text: str
    start: int
    end: int
    match: NameMatch


class _Target(NamedTuple):
    kind: Kind
    ids: tuple[str, ...] = ()
    product: str | None = None
    label: str | None = None


class _Index(NamedTuple):
    keys: dict[str, _Target]
    #: compact key -> its words (to know whether the key is distinctive)
    words: dict[str, tuple[str, ...]]
    #: distinctive words of every name, for typo matching
    vocabulary: tuple[str, ...]
    #: distinctive word -> carrier ids whose names contain it (suggestions, brand families)
    families: dict[str, frozenset[str]]
    names: NameWords
    #: compact keys listed in ``ambiguous_names``
    shared: frozenset[str]


# --- normalisation ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(text: str) -> list[str]:
    """The words of a name, folded ("Kühne+Nagel" -> ["kuhne", "nagel"])."""
    return _WORD.findall(_fold(text))


def _spans(text: str) -> list[tuple[str, int, int]]:
    folded = _fold(text)
    if len(folded) != len(text):  # a character folded into several: spans on the folded text
        text = folded
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(folded)]


# --- the index -------------------------------------------------------------------------------


def _is_distinctive(word: str, names: NameWords) -> bool:
    return word not in names.generic and word not in names.qualifiers and not word.isdigit()


def _carrier_names(carrier: Carrier) -> Iterable[tuple[str, str | None]]:
    yield carrier.id.replace("-", " "), None
    yield carrier.name, None
    for alias in carrier.aliases:
        yield alias, None
    for alt in carrier.rakuten_alternates:
        product = alt.name if alt.aliases else None
        for text in (alt.name, *alt.aliases):
            yield text, product


@lru_cache(maxsize=4)
def _index(reg: Registry) -> _Index:
    names = reg.names
    keys: dict[str, _Target] = {}
    words: dict[str, tuple[str, ...]] = {}
    families: dict[str, set[str]] = {}

    def add(text: str, target: _Target) -> None:
        tokens = tuple(name_tokens(text))
        key = "".join(tokens)
        if not key:
            return
        words.setdefault(key, tokens)
        known = keys.get(key)
        if known is None or (target.kind == "carrier" and known.kind != "carrier"):
            keys[key] = target
        elif known.kind == "carrier" and target.kind == "carrier":
            ids = tuple(dict.fromkeys((*known.ids, *target.ids)))
            keys[key] = known._replace(ids=ids, product=known.product or target.product)

    for carrier in reg:
        for text, product in _carrier_names(carrier):
            add(text, _Target("carrier", (carrier.id,), product))
            for word in name_tokens(text):
                if _is_distinctive(word, names) and len(word) >= 2:
                    families.setdefault(word, set()).add(carrier.id)
    for name, ids in reg.ambiguous_names.items():
        tokens = tuple(name_tokens(name))
        keys["".join(tokens)] = _Target("carrier", tuple(ids))
        words["".join(tokens)] = tokens
    for label, spellings in names.platforms.items():
        for text in (label, *spellings):
            add(text, _Target("platform", label=label))
    for label, spellings in names.marketplaces.items():
        for text in (label, *spellings):
            add(text, _Target("marketplace", label=label))
    vocabulary = {
        word
        for tokens in words.values()
        for word in tokens
        if len(word) >= _FUZZY_MIN and _is_distinctive(word, names)
    }
    return _Index(
        keys,
        words,
        tuple(sorted(vocabulary)),
        {word: frozenset(ids) for word, ids in families.items()},
        names,
        frozenset("".join(name_tokens(name)) for name in reg.ambiguous_names),
    )


# --- typed names -----------------------------------------------------------------------------


def _allowed_window(tokens: tuple[str, ...], names: NameWords) -> bool:
    """A single word must be distinctive; a phrase must not be qualifiers alone."""
    if len(tokens) == 1:
        return _is_distinctive(tokens[0], names)
    return any(word not in names.qualifiers for word in tokens)


def _windows(
    tokens: list[str], index: _Index, skip: Callable[[str], bool] | None = None
) -> list[tuple[int, int, _Target]]:
    """The widest known names inside ``tokens``, left to right, never overlapping."""
    found: list[tuple[int, int, _Target]] = []
    used = [False] * len(tokens)
    for size in range(min(_MAX_WINDOW, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            window = tuple(tokens[start : start + size])
            target = index.keys.get("".join(window))
            if target is None or not _allowed_window(window, index.names):
                continue
            if size == 1 and skip is not None and skip(window[0]):
                continue
            found.append((start, start + size, target))
            for i in range(start, start + size):
                used[i] = True
    return sorted(found, key=lambda f: f[0])


def _typo_limit(word: str) -> int:
    return 1 if len(word) < 8 else 2


def _correct(word: str, index: _Index) -> str | None:
    """The one distinctive name word ``word`` is a typo of, or None."""
    if len(word) < _FUZZY_MIN or word in index.keys:
        return None
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    limit = _typo_limit(word)
    close = extract(word, index.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=3)
    if not close:
        return None
    best = min(score for _, score, _ in close)
    winners = [choice for choice, score, _ in close if score == best]
    return winners[0] if len(winners) == 1 else None


def _fuzzy_compact(compact: str, country: str | None, index: _Index, reg: Registry) -> list[str]:
    """Names whose compact form is a typo away from the whole typed name.

    The name must have a distinctive word, or be a country's post whose country is the one
    typed ("Australian Post" -> Australia Post, never "Post" -> bpost).
    """
    if len(compact) < _FUZZY_MIN:
        return []
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extract

    def acceptable(key: str) -> bool:
        words = index.words.get(key, ())
        if any(_is_distinctive(w, index.names) for w in words):
            return True
        target = index.keys[key]
        return (
            country is not None
            and any(w in index.names.qualifiers for w in words)
            and all(country in _countries(reg.by_id[i]) for i in target.ids)
            and bool(target.ids)
        )

    limit = _typo_limit(compact)
    close = extract(compact, list(index.keys), scorer=OSA.distance, score_cutoff=limit, limit=8)
    keys = [key for key, _, _ in close if len(key) >= _FUZZY_MIN and acceptable(key)]
    if not keys:
        return []
    best = min(OSA.distance(compact, key) for key in keys)
    return [key for key in keys if OSA.distance(compact, key) == best]


def _countries(carrier: Carrier) -> frozenset[str]:
    return frozenset(carrier.countries)


def _apply_qualifier(
    ids: tuple[str, ...], country: str | None, brand: Iterable[str], reg: Registry, index: _Index
) -> tuple[tuple[str, ...], How]:
    """Carriers among ``ids`` (or their brand family) that serve the typed country."""
    if country is None:
        return ids, "words"
    explicit = tuple(i for i in ids if country in _countries(reg.by_id[i]))
    if explicit:
        return explicit, "qualifier"
    family: set[str] = set()
    for word in brand:
        family |= index.families.get(word, frozenset())
    serving = tuple(sorted(i for i in family if country in _countries(reg.by_id[i])))
    if serving:
        return serving, "qualifier"
    worldwide = tuple(i for i in ids if "*" in _countries(reg.by_id[i]))
    if len(ids) > 1 and worldwide:
        # "DHL Parcel Poland": the worldwide brand is one possibility among the family's
        # national companies we do not list; ask rather than answer with it.
        return tuple(dict.fromkeys((*worldwide, *sorted(family)))), "none"
    return worldwide, "words"


def _settle_by_number(
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


def _by_priority(reg: Registry, ids: Iterable[str]) -> tuple[Carrier, ...]:
    return tuple(sorted((reg.by_id[i] for i in dict.fromkeys(ids)), key=lambda c: -c.priority))


def _carrier_answer(
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
    candidates = _by_priority(reg, ids)
    settled = _settle_by_number(candidates, number)
    if settled is not None:
        chosen, check = settled
        return NameMatch(
            query, "carrier", chosen, candidates, "number", chosen.rakuten_name,
            qualifier=country, number_check=check,
        )  # fmt: skip
    return NameMatch(query, "ambiguous", None, candidates, how, qualifier=country)


def _suggestions(tokens: list[str], reg: Registry, index: _Index) -> tuple[Carrier, ...]:
    """Carriers sharing a distinctive word (or a typo of one) with the typed name."""
    ids: set[str] = set()
    for word in tokens:
        if not _is_distinctive(word, index.names):
            continue
        ids |= index.families.get(word, frozenset())
        if len(word) >= 3 and not ids:
            from rapidfuzz.distance import OSA

            for known, owners in index.families.items():
                if len(known) >= 3 and OSA.distance(word, known, score_cutoff=1) <= 1:
                    ids |= owners
    return _by_priority(reg, ids)[:4]


def _qualifier_of(tokens: Iterable[str], names: NameWords) -> str | None:
    found = {names.qualifiers[w] for w in tokens if w in names.qualifiers}
    return found.pop() if len(found) == 1 else None


def _from_targets(
    query: str,
    targets: list[tuple[tuple[str, ...], _Target]],
    leftover: list[str],
    how: How,
    reg: Registry,
    index: _Index,
    number: str | None,
) -> NameMatch | None:
    carriers = [(words, t) for words, t in targets if t.kind == "carrier"]
    country = _qualifier_of(leftover, index.names)
    if carriers:
        ids: list[str] = []
        product = None
        brand: list[str] = []
        for words, target in carriers:
            ids.extend(target.ids)
            product = product or target.product
            brand.extend(w for w in words if _is_distinctive(w, index.names))
        unique = tuple(dict.fromkeys(ids))
        if len(carriers) > 1 and len(unique) > 1:
            return _carrier_answer(query, unique, None, how, reg, number, country)
        kept, qualified = _apply_qualifier(unique, country, brand, reg, index)
        if not kept:
            # The country typed rules out every carrier the words name: say so, never swap;
            # suggest only carriers sharing a distinctive word ("DHL ..."), never "La Poste".
            family = {i for w in brand for i in index.families.get(w, frozenset())}
            return NameMatch(
                query, "unknown", None, _by_priority(reg, family)[:4], "none", qualifier=country
            )
        if qualified == "none":
            return NameMatch(
                query, "ambiguous", None, _by_priority(reg, kept), how, qualifier=country
            )
        return _carrier_answer(
            query, kept, product if kept == unique else None,
            qualified if qualified == "qualifier" else how, reg, number, country,
        )  # fmt: skip
    if any(_is_distinctive(w, index.names) for w in leftover):
        # "Vinted Go" is not Vinted: more distinctive words than the platform's name.
        return NameMatch(query, "unknown", None, _suggestions(leftover, reg, index))
    for kind in ("platform", "marketplace"):
        for words, target in targets:
            if target.kind == kind:
                # Amazon the marketplace -> Amazon Logistics as the carrier it may mean.
                related = _suggestions(list(words), reg, index) if kind == "marketplace" else ()
                return NameMatch(query, target.kind, None, related, how, label=target.label)
    return None


def resolve_name(
    text: str, number: str | None = None, registry_: Registry | None = None
) -> NameMatch:
    """What the merchant means by ``text``: a carrier, candidates, a non-carrier, or unknown.

    Args:
        text: the name as typed ("Kuehne+Nagel", "dpd belgique", "colisimo").
        number: a tracking number, when one was given: it settles an ambiguous name when
            exactly one of the candidates accepts it.
    """
    from rakuten_assist.carriers.loader import registry

    reg = registry_ or registry()
    index = _index(reg)
    names = index.names
    tokens = name_tokens(text)
    compact = "".join(tokens)
    if not compact:
        return NameMatch(text, "unknown")
    if compact in names.other or (len(tokens) == 1 and tokens[0] in names.other):
        return NameMatch(text, "other", how="exact")
    whole = index.keys.get(compact)
    explicit = compact in index.shared  # "Pickup", "La Poste": named as ambiguous on purpose
    if whole is not None and (explicit or _allowed_window(index.words[compact], names)):
        answer = _from_targets(
            text, [(index.words[compact], whole)], [], "exact", reg, index, number
        )
        if answer is not None:
            return answer

    found = _windows(tokens, index)
    if found:
        covered = {i for start, end, _ in found for i in range(start, end)}
        leftover = [w for i, w in enumerate(tokens) if i not in covered]
        targets = [(tuple(tokens[s:e]), t) for s, e, t in found]
        answer = _from_targets(text, targets, leftover, "words", reg, index, number)
        if answer is not None:
            return answer

    # Typos: word by word against distinctive name words, then the whole name run together.
    corrected = [(_correct(w, index) or w) if _is_distinctive(w, names) else w for w in tokens]
    if corrected != tokens:
        found = _windows(corrected, index)
        if found:
            covered = {i for start, end, _ in found for i in range(start, end)}
            leftover = [w for i, w in enumerate(corrected) if i not in covered]
            targets = [(tuple(corrected[s:e]), t) for s, e, t in found]
            answer = _from_targets(text, targets, leftover, "fuzzy", reg, index, number)
            if answer is not None:
                return answer
    generic_only = not any(_is_distinctive(w, names) or w in names.qualifiers for w in tokens)
    close = (
        [] if generic_only else _fuzzy_compact(compact, _qualifier_of(tokens, names), index, reg)
    )
    if close:
        targets = [(index.words[key], index.keys[key]) for key in close]
        carrier_ids = {i for _, t in targets for i in t.ids}
        if len(carrier_ids) <= 1 or len(close) == 1:
            leftover = [w for w in tokens if w in names.qualifiers]
            answer = _from_targets(text, targets, leftover, "fuzzy", reg, index, number)
            if answer is not None:
                return answer
        else:
            return NameMatch(text, "ambiguous", None, _by_priority(reg, carrier_ids), "fuzzy")

    return NameMatch(
        text,
        "unknown",
        None,
        _suggestions(tokens, reg, index),
        qualifier=_qualifier_of(tokens, names),
    )


# --- free text -------------------------------------------------------------------------------


def find_mentions(
    text: str,
    registry_: Registry | None = None,
    *,
    is_common: Callable[[str], bool] | None = None,
    number: str | None = None,
) -> list[Mention]:
    """Every carrier, platform or marketplace named in a message, in order, each once.

    Exact names anywhere first, then typos of distinctive words of five letters or more.
    ``is_common`` tells ordinary words of the message's language ("commande"), which are
    never taken for a typo nor, alone, for a name.
    """
    from rakuten_assist.carriers.loader import registry

    reg = registry_ or registry()
    index = _index(reg)
    names = index.names
    spans = _spans(text)
    tokens = [w for w, _, _ in spans]

    def skip(word: str) -> bool:
        return len(word) < 3 or (is_common is not None and is_common(word))

    found = _windows(tokens, index, skip)
    covered = {i for s, e, _ in found for i in range(s, e)}
    typos: list[tuple[int, int, _Target]] = []
    for i, word in enumerate(tokens):
        if i in covered or not _is_distinctive(word, names) or skip(word):
            continue
        fixed = _correct(word, index)
        if fixed is None:
            continue
        target = index.keys.get(fixed)
        if target is not None:
            typos.append((i, i + 1, target))
    mentions: list[Mention] = []
    seen: set[tuple[str, ...]] = set()
    for start, end, target in sorted([*found, *typos], key=lambda f: f[0]):
        window = tuple(tokens[start:end])
        neighbours = tokens[max(0, start - 1) : start] + tokens[end : end + 2]
        leftover = [w for w in neighbours if w in names.qualifiers]
        how: How = "fuzzy" if (start, end, target) in typos else "exact"
        match = _from_targets(
            text[spans[start][1] : spans[end - 1][2]],
            [(window, target)], leftover, how, reg, index, number,
        )  # fmt: skip
        if match is None:
            continue
        key = (match.kind, *(c.id for c in match.candidates), match.label or "")
        if key in seen:
            continue
        seen.add(key)
        mentions.append(Mention(match.query, spans[start][1], spans[end - 1][2], match))
    return mentions


# --- lists of names --------------------------------------------------------------------------

_LIST_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\bet\b|\band\b|\bou\b|\bor\b)\s*", re.IGNORECASE)
_INNER_SEPARATORS = re.compile(r"\s*[/+&]\s*")


def split_carrier_list(text: str, registry_: Registry | None = None) -> list[str]:
    """The carrier names of a list as typed ("Colissimo, Kuehne+Nagel et DPD").

    Commas, semicolons, new lines, "et", "and" separate names; "/", "+" and "&" only when the
    whole is not itself a known name ("Kuehne+Nagel", "DB Schenker", "S.F. Express" stay
    whole) and every piece is.
    """
    parts = [p.strip() for p in _LIST_SEPARATORS.split(text) if p and p.strip()]
    names: list[str] = []
    for part in parts:
        if _INNER_SEPARATORS.search(part) and resolve_name(part, registry_=registry_).kind in (
            "unknown",
            "ambiguous",
        ):
            pieces = [p for p in _INNER_SEPARATORS.split(part) if p]
            resolved = [resolve_name(p, registry_=registry_).kind for p in pieces]
            if all(kind != "unknown" for kind in resolved):
                names.extend(pieces)
                continue
        names.append(part)
    return names
