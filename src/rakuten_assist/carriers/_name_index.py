"""The index behind the name lookup: every carrier, platform and marketplace name, folded.

Built once per registry from carriers.json (aliases, ``ambiguous_names`` and ``names``).
Keys are names run together ("kuehnenagel"), so punctuation and spacing never split a name;
each key keeps its words, to tell a distinctive name from generic words ("la poste").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from rakuten_assist.carriers.types import NameWords

if TYPE_CHECKING:
    from rakuten_assist.carriers.numbers import NumberCheck
    from rakuten_assist.carriers.types import Carrier, Registry

__all__ = [
    "How",
    "Index",
    "Kind",
    "Mention",
    "NameMatch",
    "Target",
    "index_of",
    "is_distinctive",
    "name_tokens",
    "spans",
]

Kind = Literal["carrier", "ambiguous", "platform", "marketplace", "other", "unknown"]
#: how a carrier was reached: the whole name, words inside it, a typo, or a tracking number
How = Literal["exact", "words", "fuzzy", "number", "qualifier", "none"]

_WORD = re.compile(r"[^\W_]+")
#: shorter words (DPD, GLS, UPS, TNT, Evri) are matched exactly only, never as typos
FUZZY_MIN = 5


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


class Target(NamedTuple):
    """What a name designates: carriers (several when shared), or a platform/marketplace."""

    kind: Kind
    ids: tuple[str, ...] = ()
    product: str | None = None
    label: str | None = None


class Index:
    """Every name of the registry, folded, with what each designates.

    The exact-name tables are built at once; the tables for words in another order, typos
    and suggestions only when a name is not found exactly (a few ms of every start-up).
    """

    def __init__(
        self,
        keys: dict[str, Target],
        words: dict[str, tuple[str, ...]],
        entries: list[tuple[tuple[str, ...], Target]],
        brands: dict[str, frozenset[str]],
        names: NameWords,
        shared: frozenset[str],
    ) -> None:
        #: compact key ("kuehnenagel") -> what it designates
        self.keys = keys
        #: compact key -> its words (to know whether the key is distinctive)
        self.words = words
        #: every name's words with what it designates
        self.entries = entries
        #: distinctive word -> carrier ids whose display name contains it ("dpd" -> 4 DPDs)
        self.brands = brands
        self.names = names
        #: compact keys listed in ``ambiguous_names``
        self.shared = shared

    @cached_property
    def bags(self) -> dict[frozenset[str], Target]:
        """The words of a name in any order -> what it designates ("luxembourg post")."""
        bags: dict[frozenset[str], Target] = {}
        for tokens, target in self.entries:
            if len(tokens) > 1:
                bag = frozenset(tokens)
                bags[bag] = _merge(bags.get(bag), target)
        return bags

    @cached_property
    def cores(self) -> dict[str, frozenset[str]]:
        """The non-generic words of a carrier name run together -> carriers ("amazon" for
        "Amazon Logistics", "Amazon Livraison"): a name typed with other generic words."""
        cores: dict[str, set[str]] = {}
        for tokens, target in self.entries:
            core = core_of(tokens, self.names)
            if (
                target.kind == "carrier"
                and core
                and any(is_distinctive(w, self.names) for w in tokens)
            ):
                cores.setdefault(core, set()).update(target.ids)
        return {core: frozenset(ids) for core, ids in cores.items()}

    @cached_property
    def families(self) -> dict[str, frozenset[str]]:
        """Distinctive word -> carrier ids whose names contain it (suggestions, brands)."""
        families: dict[str, set[str]] = {}
        for tokens, target in self.entries:
            if target.kind != "carrier" or len(target.ids) != 1:
                continue
            for word in tokens:
                if len(word) >= 2 and is_distinctive(word, self.names):
                    families.setdefault(word, set()).update(target.ids)
        return {word: frozenset(ids) for word, ids in families.items()}

    @cached_property
    def phrases(self) -> dict[str, tuple[str, ...]]:
        """Distinctive word -> the names of several words that contain it ("mondial" ->
        "mondialrelay", ...), for a typo in the other words of a name in a message."""
        found: dict[str, list[str]] = {}
        for key, tokens in self.words.items():
            if len(tokens) < 2:
                continue
            for word in tokens:
                if is_distinctive(word, self.names):
                    found.setdefault(word, []).append(key)
        return {word: tuple(keys) for word, keys in found.items()}

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """Distinctive words of every name, for typo matching."""
        return tuple(
            sorted(
                {
                    word
                    for tokens in self.words.values()
                    for word in tokens
                    if len(word) >= FUZZY_MIN and is_distinctive(word, self.names)
                }
            )
        )


def _fold(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose (a few ms of every start-up)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(text: str) -> list[str]:
    """The words of a name, folded ("Kühne+Nagel" -> ["kuhne", "nagel"])."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_fold(text)))


def spans(text: str) -> list[tuple[str, int, int]]:
    """The folded words of ``text`` with their offsets in it."""
    folded = _fold(text)
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(folded)]


def is_distinctive(word: str, names: NameWords) -> bool:
    """A word that can name a carrier: not generic, not a country, not a bare number."""
    return word not in names.generic and word not in names.qualifiers and not word.isdigit()


def core_of(tokens: Iterable[str], names: NameWords) -> str:
    """The non-generic words run together (countries kept): what a name rests on."""
    return "".join(w for w in tokens if w not in names.generic)


def _carrier_names(carrier: Carrier) -> Iterable[tuple[str, str | None]]:
    from rakuten_assist import i18n
    from rakuten_assist.carriers.words import carrier_name

    yield carrier.id.replace("-", " "), None
    yield carrier.name, None
    # The name as answers say it in each language ("DPD Allemagne"): a quick reply that
    # repeats it must find the same carrier.
    for lang in i18n.languages():
        shown = carrier_name(carrier).render(lang)
        if shown != carrier.name:
            yield shown, None
    for alias in carrier.aliases:
        yield alias, None
    for alt in carrier.rakuten_alternates:
        product = alt.name if alt.aliases else None
        for text in (alt.name, *alt.aliases):
            yield text, product


def _merge(known: Target | None, target: Target) -> Target:
    if known is None or (target.kind == "carrier" and known.kind != "carrier"):
        return target
    if known.kind == "carrier" and target.kind == "carrier":
        ids = tuple(dict.fromkeys((*known.ids, *target.ids)))
        return known._replace(ids=ids, product=known.product or target.product)
    return known


@lru_cache(maxsize=4)
def brands_of(reg: Registry) -> dict[str, frozenset[str]]:
    """Distinctive word -> carrier ids whose display name contains it ("dpd" -> 4 DPDs)."""
    brands: dict[str, set[str]] = {}
    for carrier in reg:
        for word in _tokens(carrier.name):
            if is_distinctive(word, reg.names):
                brands.setdefault(word, set()).add(carrier.id)
    return {word: frozenset(ids) for word, ids in brands.items()}


@lru_cache(maxsize=4)
def index_of(reg: Registry) -> Index:
    """The lookup's index of ``reg``, built once."""
    names = reg.names
    keys: dict[str, Target] = {}
    words: dict[str, tuple[str, ...]] = {}
    entries: list[tuple[tuple[str, ...], Target]] = []

    def add(text: str, target: Target) -> None:
        tokens = _tokens(text)
        key = "".join(tokens)
        if not key:
            return
        words.setdefault(key, tokens)
        keys[key] = _merge(keys.get(key), target)
        entries.append((tokens, target))

    for carrier in reg:
        for text, product in _carrier_names(carrier):
            add(text, Target("carrier", (carrier.id,), product))
    for name, ids in reg.ambiguous_names.items():
        shared = _tokens(name)
        keys["".join(shared)] = Target("carrier", tuple(ids))
        words["".join(shared)] = shared
    for label, spellings in names.platforms.items():
        for text in (label, *spellings):
            add(text, Target("platform", label=label))
    for label, spellings in names.marketplaces.items():
        for text in (label, *spellings):
            add(text, Target("marketplace", label=label))
    return Index(
        keys,
        words,
        entries,
        brands_of(reg),
        names,
        frozenset("".join(_tokens(name)) for name in reg.ambiguous_names),
    )
