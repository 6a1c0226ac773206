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
    "POSTCODE_FORMS",
    "Carrier",
    "Evidence",
    "NameWords",
    "NumberFormat",
    "RakutenAlternate",
    "Registry",
    "Samples",
    "drop_parameter",
    "normalise_name",
    "optional_parameter",
]

#: extra inputs a carrier may need to build its URL (``needs``)
INPUTS = ("postal_code", "country")
#: the postcode forms a carrier's page may expect (carriers.json ``postcode_form``) -> pattern
#: of the normalised postcode; a form's words are ``carriers.postcode_form.<form>``
POSTCODE_FORMS = {"fr": r"\d{5}"}
#: placeholders allowed in a URL template; ``country_lower`` is ``country`` in lower case
PLACEHOLDERS = frozenset(
    {"tracking_number", "postal_code", "country", "country_lower", "lang", "locale"}
)


_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_name(text: str) -> str:
    """Case-, accent-, space- and punctuation-free form of a carrier name ("Colis Privé" ->
    "colisprive")."""
    if text.isascii():  # most names: one regex instead of a loop (start-up time)
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.casefold() if c.isalnum())


def normalise_words(text: str) -> str:
    """Like :func:`normalise_name` but keeps word boundaries as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    cleaned = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(cleaned.split())


def _parameter(name: str) -> re.Pattern[str]:
    """A query parameter (in the query or a fragment's query) whose whole value is {name}."""
    return re.compile(r"([?&])[^?&#=/]+=\{" + re.escape(name) + r"\}(?=[&#]|$)")


def optional_parameter(template: str, name: str) -> bool:
    """Whether ``{name}`` appears in the template only as the whole value of query parameters,
    so that the parameter can be left out when no value is given."""
    return template.count("{" + name + "}") == len(_parameter(name).findall(template)) > 0


def drop_parameter(template: str, name: str) -> str:
    """The template without the query parameters whose value is ``{name}``."""
    dropped = _parameter(name).sub(lambda m: m.group(1) if m.group(1) == "?" else "", template)
    return dropped.replace("?&", "?").rstrip("?")


class NumberFormat(NamedTuple):
    """One shape of tracking number a carrier issues, with its check digit if one exists."""

    name: str
    pattern: str
    check: str | None
    #: how much the shape alone says ("high": specific to this carrier; "low": shared or
    #: loose); the only "confidence" of the package is a candidate's score in detection
    strength: Literal["high", "low"]
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


class Evidence(NamedTuple):
    """How well the sources back the entry: the reference's levels (V verified, C
    corroborated, S single source, I inferred, X conflicting, - none) for the URL template and
    the number formats, and whether the sources agree on the page address (``agreed``,
    ``single``, ``conflicting``; ``none`` without a page)."""

    url: str
    format: str
    url_agreement: Literal["agreed", "single", "conflicting", "none"] = "none"


class NameWords(NamedTuple):
    """The words of the name lookup that are not carriers (``names`` in carriers.json)."""

    #: words that never name a carrier on their own ("post", "colis", "express")
    generic: frozenset[str] = frozenset()
    #: a country or region word -> ISO alpha-2 code ("uk" -> "GB", "belgique" -> "BE")
    qualifiers: Mapping[str, str] = {}
    #: shipping platforms and label tools: display name -> spellings
    platforms: Mapping[str, tuple[str, ...]] = {}
    #: marketplaces: display name -> spellings
    marketplaces: Mapping[str, tuple[str, ...]] = {}
    #: Rakuten's "Autre" and its translations
    other: frozenset[str] = frozenset()
    #: the marketplace this toolkit serves (one of ``marketplaces``): named when typed as a
    #: carrier, but never reported as a mention in a message, where it is the context
    home: str | None = None
    #: a brand word that, typed alone, names one carrier though others' names carry it too
    #: ("Correos" is Correos, the Spanish post; Correos Express is always said whole)
    brand_alone: Mapping[str, str] = {}


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
    #: why there is no link, by language (``{"en": ..., "fr": ...}``); None with a page
    no_url_reasons: Mapping[str, str] | None
    formats: tuple[NumberFormat, ...]
    samples: Samples
    sample_inputs: Mapping[str, str]
    priority: int
    sources: tuple[str, ...]
    #: YYYY-MM-DD: when the entry was written from its sources (not a live visit of the page)
    written: str
    evidence: Evidence
    notes: str = ""
    #: the form of postcode the page expects (a key of ``POSTCODE_FORMS``), None when the
    #: sources do not say
    postcode_form: str | None = None

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

    def reason(self, lang: str) -> str | None:
        """Why there is no link, in ``lang`` (English when that language lacks it)."""
        if self.no_url_reasons is None:
            return None
        return self.no_url_reasons.get(lang) or self.no_url_reasons.get("en")


class Registry:
    """The loaded carriers, by id and in file order, with the lookup's words."""

    def __init__(
        self,
        carriers: tuple[Carrier, ...],
        ambiguous_names: Mapping[str, tuple[str, ...]],
        source: str,
        names: NameWords | None = None,
        exact_names: Mapping[str, str] | None = None,
    ) -> None:
        self.carriers = carriers
        self.by_id = {carrier.id: carrier for carrier in carriers}
        #: a name run together ("kuehnenagel") that designates exactly one carrier -> its id
        self.exact_names = dict(exact_names or {})
        self.ambiguous_names = dict(ambiguous_names)
        self.source = source
        self.names = names or NameWords()

    def __iter__(self) -> Iterator[Carrier]:
        return iter(self.carriers)

    def __len__(self) -> int:
        return len(self.carriers)

    def __contains__(self, carrier_id: object) -> bool:
        return carrier_id in self.by_id

    def get(self, carrier_id: str) -> Carrier | None:
        """The carrier with this id, or None."""
        return self.by_id.get(carrier_id)
