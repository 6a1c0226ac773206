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
from collections.abc import Callable
from typing import TYPE_CHECKING

from rakuten_assist.carriers._name_index import (
    How,
    Kind,
    Mention,
    NameMatch,
    brands_of,
    index_of,
    is_distinctive,
    name_tokens,
    spans,
)
from rakuten_assist.carriers._name_rules import (
    allowed_window,
    by_priority,
    carrier_answer,
    correct,
    from_targets,
    fuzzy_compact,
    qualifier_of,
    suggestions,
    windows,
)
from rakuten_assist.carriers._name_slips import slips_of

if TYPE_CHECKING:
    from rakuten_assist.carriers._name_index import Index, Target
    from rakuten_assist.carriers.types import Registry

__all__ = [
    "How",
    "Kind",
    "Mention",
    "NameMatch",
    "find_mentions",
    "name_tokens",
    "resolve_name",
    "split_carrier_list",
]


def _whole(
    text: str, tokens: list[str], index: Index, reg: Registry, number: str | None
) -> NameMatch | None:
    """The typed name as a whole: an exact name, or the same words in another order."""
    names = index.names
    compact = "".join(tokens)
    target: Target | None = index.keys.get(compact)
    words = index.words.get(compact, tuple(tokens))
    explicit = compact in index.shared  # "Pickup", "La Poste": named as ambiguous on purpose
    if target is None and len(tokens) > 1 and any(w not in names.generic for w in tokens):
        # "Luxembourg Post" = "Post Luxembourg"; generic words reordered ("colis relais")
        # are a phrase, not the brand "Relais Colis".
        target = index.bags.get(frozenset(tokens))
        words = tuple(tokens)
    if target is None or not (explicit or allowed_window(words, names)):
        return None
    target = _widen_brand(tuple(tokens), target, index, alone=True)
    return from_targets(text, [(words, target)], [], "exact", reg, index, number)


def _exact_carrier(
    text: str, tokens: list[str], reg: Registry, number: str | None
) -> NameMatch | None:
    """A name that is exactly one carrier's name or alias ("colissimo", "Kuehne+Nagel"),
    answered without building the whole index (the most frequent question, at start-up)."""
    carrier_id = reg.exact_names.get("".join(tokens))
    if carrier_id is None or not allowed_window(tuple(tokens), reg.names):
        return None
    if (
        len(tokens) == 1
        and reg.names.brand_alone.get(tokens[0]) != carrier_id
        and len(brands_of(reg).get(tokens[0], frozenset()) | {carrier_id}) > 1
    ):
        return None  # a brand several carriers carry: the full rules ask which
    return carrier_answer(text, (carrier_id,), None, "exact", reg, number, None)


def _widen_brand(
    words: tuple[str, ...], target: Target, index: Index, *, alone: bool = False
) -> Target:
    """A brand alone that several carriers' own names carry ("DPD", "GLS", "Hermes", "DHL")
    designates all of them: the answer asks which (a number or a country may settle it).

    ``alone``: the word is typed by itself, nothing after it could be another carrier's
    word; then a brand word of ``names.brand_alone`` is its one carrier ("Correos")."""
    if target.kind != "carrier" or len(words) != 1:
        return target
    if alone and index.names.brand_alone.get(words[0]) in target.ids:
        return target  # "Correos" alone is the Spanish post (names.brand_alone)
    brand = index.brands.get(words[0], frozenset())
    if len(brand | set(target.ids)) < 2:
        return target
    return target._replace(ids=tuple(dict.fromkeys((*target.ids, *sorted(brand)))))


def _core(
    text: str, tokens: list[str], index: Index, reg: Registry, number: str | None
) -> NameMatch | None:
    """A carrier name typed with other generic words ("Amazon logistique" for "Amazon
    Logistics"): the words it rests on must be those of carrier names only."""
    names = index.names
    if all(w not in names.generic for w in tokens):
        return None
    core = "".join(w for w in tokens if w not in names.generic)
    ids = index.cores.get(core)
    if not ids or not any(is_distinctive(w, names) for w in tokens):
        return None
    named = index.keys.get(core)
    if named is not None and named.kind in ("platform", "marketplace"):
        return None  # "Amazon Marketplace": the generic words do not make it the carrier
    return carrier_answer(text, tuple(sorted(ids)), None, "words", reg, number, None)


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
    names = reg.names
    tokens = name_tokens(text)
    if not tokens:
        return NameMatch(text, "unknown")
    if any(w in names.other for w in tokens) and all(
        w in names.other or w in names.generic for w in tokens
    ):
        return NameMatch(text, "other", how="exact")  # "Autre", "autre transporteur"
    fast = _exact_carrier(text, tokens, reg, number)
    if fast is not None:
        return fast  # before the index: building it is most of a start-up's lookup time
    index = index_of(reg)
    mended = slips_of(index).mend_countries(tokens)
    if mended != tokens:
        # "DPD Frnace": the country typed with a slip is still the country typed
        meant = resolve_name(" ".join(mended), number, reg)
        how: How = "fuzzy" if meant.how == "exact" else meant.how
        return meant._replace(query=text, how=how)
    for rule in (_whole, _core):
        answer = rule(text, tokens, index, reg, number)
        if answer is not None:
            return answer

    found = windows(tokens, index)
    covered = {i for start, end, _ in found for i in range(start, end)}
    leftover = [w for i, w in enumerate(tokens) if i not in covered]
    resting = any(is_distinctive(w, names) for s, e, _ in found for w in tokens[s:e])
    if found and (resting or not any(is_distinctive(w, names) for w in leftover)):
        # Generic words alone ("la poste") never stand for a name with other distinctive
        # words ("La Poste Tunisienne"): that is another company.
        unexplained = any(is_distinctive(w, names) for w in leftover)
        # A brand with a word nobody knows ("DPD Zorglub") is the brand, not its default
        # carrier: the answer asks which.
        targets = [
            (tuple(tokens[s:e]), _widen_brand(tuple(tokens[s:e]), t, index) if unexplained else t)
            for s, e, t in found
        ]
        answer = from_targets(text, targets, leftover, "words", reg, index, number)
        if answer is not None:
            return answer

    # Typos: word by word against distinctive name words, then the whole name run together.
    corrected = [(correct(w, index) or w) if is_distinctive(w, names) else w for w in tokens]
    if corrected != tokens:
        found = windows(corrected, index)
        if found:
            covered = {i for start, end, _ in found for i in range(start, end)}
            leftover = [w for i, w in enumerate(corrected) if i not in covered]
            targets = [(tuple(corrected[s:e]), t) for s, e, t in found]
            answer = from_targets(text, targets, leftover, "fuzzy", reg, index, number)
            if answer is not None:
                return answer
    slipped = slips_of(index).in_words(tokens, set(), lambda _: False)
    if len(slipped) == 1 and slipped[0][1] - slipped[0][0] == len(tokens):
        # "relais coliss": every word of the name but one slip in one of them
        answer = from_targets(
            text, [(tuple(tokens), slipped[0][2])], [], "fuzzy", reg, index, number
        )
        if answer is not None:
            return answer
    country = qualifier_of(tokens, names)
    generic_only = not any(is_distinctive(w, names) or w in names.qualifiers for w in tokens)
    close = [] if generic_only else fuzzy_compact(tokens, country, index, reg)
    if close:
        targets = [(index.words[key], index.keys[key]) for key in close]
        carrier_ids = {i for _, t in targets for i in t.ids}
        if len(carrier_ids) <= 1 or len(close) == 1:
            leftover = [w for w in tokens if w in names.qualifiers]
            answer = from_targets(text, targets, leftover, "fuzzy", reg, index, number)
            if answer is not None:
                return answer
        else:
            return NameMatch(text, "ambiguous", None, by_priority(reg, carrier_ids), "fuzzy")
    return NameMatch(text, "unknown", None, suggestions(tokens, reg, index), qualifier=country)


# --- free text -------------------------------------------------------------------------------


def find_mentions(
    text: str,
    registry_: Registry | None = None,
    *,
    is_common: Callable[[str], bool] | None = None,
    number: str | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """Every carrier, platform or marketplace named in a message, in order, each once.

    Exact names anywhere first, then single typos of distinctive words of five letters or
    more, keeping their first letter, for carriers not already named exactly. ``is_common``
    tells ordinary words of the message's language ("commande"), which are never taken for a
    typo nor, alone, for a name. A platform or marketplace name followed by a capitalised
    word we do not know ("Vinted Go") is the start of another name, not a mention.
    ``is_word`` tells words of the language, a wider list: a one-word name cut into such
    words in lower case ("what do we do", "pick up") is no mention ("chrono post" is).
    """
    from rakuten_assist.carriers.loader import registry

    reg = registry_ or registry()
    index = index_of(reg)
    names = index.names
    found_spans = spans(text)
    tokens = [w for w, _, _ in found_spans]

    def skip(word: str) -> bool:
        return len(word) < 3 or (is_common is not None and is_common(word))

    found = windows(tokens, index, skip)
    covered = {i for s, e, _ in found for i in range(s, e)}
    exact_ids = {i for _, _, t in found for i in t.ids}
    typos: list[tuple[int, int, Target]] = []
    #: the words a slip stands for ("crreos" -> "correos"), for the brand it may be
    meant_words: dict[int, tuple[str, ...]] = {}
    for i, word in enumerate(tokens):
        if i in covered or not is_distinctive(word, names) or skip(word):
            continue
        fixed = correct(word, index, limit=1)
        if fixed is None or fixed[0] != word[0]:
            continue  # free text: one typo, never on the first letter ("commande")
        # the slip may open a longer name: "Crreos Express" is Correos Express, not Correos
        for size in (3, 2, 1):
            words = (fixed, *tokens[i + 1 : i + size])
            target = index.keys.get("".join(words))
            if (
                len(words) == size
                and target is not None
                and not any(j in covered for j in range(i, i + size))
                and (size == 1 or allowed_window(words, names))
            ):
                break
        if target is not None and not set(target.ids) & exact_ids:
            typos.append((i, i + len(words), target))
            meant_words[i] = words
    used = covered | {start for start, _, _ in typos}
    typos += _phrase_typos(tokens, used, index, skip)
    slips = slips_of(index)
    typos += slips.in_words(tokens, used | {i for s, e, _ in typos for i in range(s, e)}, skip)
    mentions: list[Mention] = []
    seen: set[tuple[str, ...]] = set()
    named = {i for s, e, _ in [*found, *typos] for i in range(s, e)}
    for start, end, target in sorted([*found, *typos], key=lambda f: f[0]):
        window = tuple(tokens[start:end])
        typed = text[found_spans[start][1] : found_spans[end - 1][2]]
        spelled = index.words.get("".join(window), window)
        if (
            len(window) > len(spelled)
            and typed.islower()
            and is_word is not None
            and all(map(is_word, window))
        ):
            # a one-word name cut into ordinary words in lower case: "what do we do now?"
            # names no "WeDo", "does it pick up orders" no "Pickup"
            continue
        if target.kind in ("platform", "marketplace") and _name_goes_on(
            text, found_spans, end, index
        ):
            continue
        if target.kind == "marketplace" and target.label == names.home:
            continue  # "ça passe pour Rakuten ?": the marketplace we serve is the context
        target = _widen_brand(
            meant_words.get(start, window),
            target,
            index,
            alone=not _brand_goes_on(window, tokens[end : end + 1], reg, index),
        )
        # a word of another name is not this one's ("auspost and nz post": NZ is NZ Post's)
        neighbours = [
            tokens[i]
            for i in (*range(max(0, start - 1), start), *range(end, min(end + 2, len(tokens))))
            if i not in named
        ]
        # a country beside the name, or one typed with a slip ("DPD Frnace")
        leftover = [
            country
            for w in neighbours
            if (country := w if w in names.qualifiers else slips.country(w, first_letter=True))
            and (country == w or not skip(w))
        ]
        how: How = "fuzzy" if (start, end, target) in typos else "exact"
        query = text[found_spans[start][1] : found_spans[end - 1][2]]
        match = from_targets(query, [(window, target)], leftover, how, reg, index, number)
        toward = end < len(tokens) and tokens[end] in _TOWARDS
        if match is not None and match.kind == "unknown" and toward:
            # after "to", "vers", "pour"..., a country that rules out every carrier named is
            # where the parcel goes: "Colissimo to Spain" is Colissimo, no unknown carrier
            leftover = [w for w in leftover if w != tokens[min(end + 1, len(tokens) - 1)]]
            match = from_targets(query, [(window, target)], leftover, how, reg, index, number)
        if match is None:
            continue
        key = (match.kind, *(c.id for c in match.candidates), match.label or "")
        if key in seen:
            continue
        seen.add(key)
        mentions.append(Mention(match.query, found_spans[start][1], found_spans[end - 1][2], match))
    return mentions


def _brand_goes_on(window: tuple[str, ...], after: list[str], reg: Registry, index: Index) -> bool:
    """Whether the word after a brand may be a slip of a word of another carrier carrying
    the brand ("Correos Exress" may be Correos Express)."""
    from rapidfuzz.distance import OSA

    # only a brand word that may stand alone needs the look (find_mentions' hot loop)
    if len(window) != 1 or not after or window[0] not in index.names.brand_alone:
        return False
    others = index.brands.get(window[0], frozenset())
    words = {w for i in others for w in name_tokens(reg.by_id[i].name)} - {window[0]}
    return any(OSA.distance(after[0], w) <= _SLIP_EDITS for w in words)


_SLIP_EDITS = 2
#: words after a carrier's name that may make the country after them the parcel's destination
_TOWARDS = frozenset(
    {"to", "towards", "into", "vers", "pour", "for", "en", "au", "aux", "a", "in", "dans"}
)


def _phrase_typos(
    tokens: list[str], used: set[int], index: Index, skip: Callable[[str], bool]
) -> list[tuple[int, int, Target]]:
    """Names of two or three words typed with one typo outside an exact distinctive word
    ("mondial relai" for Mondial Relay): the exact word anchors the name."""
    from rapidfuzz.distance import OSA

    found: list[tuple[int, int, Target]] = []
    for size in (3, 2):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if any(i in used for i in span):
                continue
            window = tokens[start : start + size]
            compact = "".join(window)
            # the exact distinctive word anchors the name, or its one-typo spelling
            # ("mondail relay": the typo is in the distinctive word itself)
            keys = {
                key
                for word in window
                if not skip(word)
                for anchor in (word, correct(word, index, limit=1))
                if anchor is not None and (anchor == word or anchor[0] == word[0])
                for key in index.phrases.get(anchor, ())
                if len(index.words[key]) == size
            }
            close = [k for k in keys if OSA.distance(compact, k, score_cutoff=1) <= 1]
            targets = {index.keys[k] for k in close}
            if len(targets) == 1 and len(compact) >= 8:
                found.append((start, start + size, targets.pop()))
                used.update(span)
    return found


def _name_goes_on(
    text: str, found_spans: list[tuple[str, int, int]], end: int, index: Index
) -> bool:
    """Whether the word after a name is a capitalised word we do not know ("Vinted Go")."""
    if end >= len(found_spans):
        return False
    word, start, _ = found_spans[end]
    return (
        text[start : start + 1].isupper()
        and word not in index.keys
        and is_distinctive(word, index.names)
    )


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
