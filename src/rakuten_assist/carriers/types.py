"""The carrier registry's types: carriers.json loaded into frozen objects (loading: registry.py).

Strict for what we own: an unknown key, a bad regex, a template without ``{tracking_number}``
or on a non-https host fails at load with a ``RegistryError`` that names the entry. The
checks are written by hand on frozen named tuples rather than pydantic models (or even
dataclasses): ``carriers check`` must start in a few tens of milliseconds, pydantic alone
costs about 100 ms to import and each dataclass about 1 ms to build. Schema and how to add
a carrier: ``docs/carriers.md``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

from rakuten_assist.carriers.checkdigits import CHECKS

__all__ = [
    "INPUTS",
    "PLACEHOLDERS",
    "Carrier",
    "Confidence",
    "NumberFormat",
    "RakutenAlternate",
    "Registry",
    "Samples",
    "normalise_name",
]

#: extra inputs a carrier may need to build its URL (``needs``)
INPUTS = ("postal_code", "country")
#: placeholders allowed in a URL template; ``country_lower`` is ``country`` in lower case
PLACEHOLDERS = frozenset(
    {"tracking_number", "postal_code", "country", "country_lower", "lang", "locale"}
)


def normalise_name(text: str) -> str:
    """Case-, accent-, space- and punctuation-free form of a carrier name ("Colis Privé" ->
    "colisprive")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.casefold() if c.isalnum())


def normalise_words(text: str) -> str:
    """Like :func:`normalise_name` but keeps word boundaries as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    cleaned = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(cleaned.split())


class NumberFormat(NamedTuple):
    """One shape of tracking number a carrier issues, with its check digit if one exists."""

    name: str
    pattern: str
    check: str | None
    confidence: Literal["high", "low"]
    #: slice of the number that goes into the URL (DPD labels carry the parcel number inside)
    url_part: tuple[int, int] | None = None

    def matches(self, number: str) -> bool:
        """True when ``number`` has this shape (the check digit is not looked at)."""
        # re keeps compiled patterns in its own cache: each is compiled once, on first use.
        return re.fullmatch(self.pattern, number) is not None

    def check_passes(self, number: str) -> bool:
        """True when the format has a check digit and ``number`` carries a fitting one."""
        return self.check is not None and CHECKS[self.check](number)


class RakutenAlternate(NamedTuple):
    """Another Rakuten ``transporter_name`` for this carrier, and the words that select it."""

    name: str
    aliases: tuple[str, ...]
    note: str


class Samples(NamedTuple):
    """Numbers every test runs through the carrier: valid ones must pass, invalid ones fail."""

    valid: tuple[str, ...]
    invalid: tuple[str, ...]


class Confidence(NamedTuple):
    """How sure the reference is (V verified, C corroborated, S single source, I inferred,
    X conflicting, - none) about the URL template and about the number formats."""

    url: str
    format: str


class Carrier(NamedTuple):
    """One carrier of the registry."""

    id: str
    name: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...]
    rakuten_name: str
    rakuten_alternates: tuple[RakutenAlternate, ...]
    url_template: str | None
    url_defaults: Mapping[str, str]
    needs: tuple[str, ...]
    no_url_reason: str | None
    formats: tuple[NumberFormat, ...]
    samples: Samples
    sample_inputs: Mapping[str, str]
    priority: int
    sources: tuple[str, ...]
    last_checked: str
    confidence: Confidence
    notes: str = ""
    #: ``no_url_reason`` in French, for French support answers
    no_url_reason_fr: str | None = None

    @property
    def has_url(self) -> bool:
        """True when we can build a per-number tracking URL (the carrier is supported)."""
        return self.url_template is not None

    @property
    def host(self) -> str | None:
        """The host of the tracking page, the only host our URLs for it ever point to."""
        if self.url_template is None:
            return None
        return self.url_template.split("/", 3)[2]

    @property
    def rakuten_names(self) -> tuple[str, ...]:
        """Every Rakuten transporter name that means this carrier, the default first."""
        return (self.rakuten_name, *(alt.name for alt in self.rakuten_alternates))


class Registry:
    """The loaded carriers, by id and in file order, with the normalised alias index."""

    def __init__(
        self,
        carriers: tuple[Carrier, ...],
        ambiguous_names: Mapping[str, tuple[str, ...]],
        source: str,
    ) -> None:
        self.carriers = carriers
        self.by_id = {carrier.id: carrier for carrier in carriers}
        self.ambiguous_names = dict(ambiguous_names)
        self.source = source
        self._index: dict[str, dict[str, str | None]] | None = None
        self._words: list[tuple[str, dict[str, str | None]]] | None = None

    def __iter__(self) -> Iterator[Carrier]:
        return iter(self.carriers)

    def __len__(self) -> int:
        return len(self.carriers)

    def __contains__(self, carrier_id: object) -> bool:
        return carrier_id in self.by_id

    def get(self, carrier_id: str) -> Carrier | None:
        """The carrier with this id, or None."""
        return self.by_id.get(carrier_id)

    def alias_index(self) -> dict[str, dict[str, str | None]]:
        """Normalised name -> {carrier id: Rakuten product name or None}, built once.

        A product name (``So Colissimo``) is set when the words name that Rakuten alternate;
        a key with several carrier ids is ambiguous (``ambiguous_names``).
        """
        if self._index is None:
            index: dict[str, dict[str, str | None]] = {}
            for carrier in self.carriers:
                for text in (carrier.id, carrier.name, *carrier.aliases):
                    index.setdefault(normalise_name(text), {}).setdefault(carrier.id, None)
                for alt in carrier.rakuten_alternates:
                    product = alt.name if alt.aliases else None
                    for text in (alt.name, *alt.aliases):
                        slot = index.setdefault(normalise_name(text), {})
                        if product is not None or carrier.id not in slot:
                            slot[carrier.id] = product
            for name, ids in self.ambiguous_names.items():
                index[normalise_name(name)] = dict.fromkeys(ids)
            self._index = index
        return self._index

    def words_index(self) -> list[tuple[str, dict[str, str | None]]]:
        """(name as lower-case words, {carrier id: product}) for names of 3+ characters.

        Used to find a carrier named inside a longer text ("chronopost 13h").
        """
        if self._words is None:
            spaced: dict[str, dict[str, str | None]] = {}
            for carrier in self.carriers:
                names: list[tuple[str, str | None]] = [(carrier.name, None)]
                names += [(alias, None) for alias in carrier.aliases]
                for alt in carrier.rakuten_alternates:
                    product = alt.name if alt.aliases else None
                    names += [(alt.name, product), *((a, product) for a in alt.aliases)]
                for name, product in names:
                    key = normalise_words(name)
                    if len(key.replace(" ", "")) < 3:
                        continue
                    slot = spaced.setdefault(key, {})
                    if product is not None or carrier.id not in slot:
                        slot[carrier.id] = product
            self._words = list(spaced.items())
        return self._words
