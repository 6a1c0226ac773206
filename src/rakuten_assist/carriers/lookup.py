"""A carrier from a name, for code that needs one carrier: find_carrier and resolve_carrier.

Both rest on :func:`rakuten_assist.carriers.names.resolve_name`, the one lookup everybody uses
(CLI, support engine, TUI): they only reshape its answer. ``find_carrier`` keeps the shape
older callers know (``carrier``, ``suggestions``, ``how``); ``resolve_carrier`` raises when
the name does not settle on one carrier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.names import NameMatch, resolve_name
from rakuten_assist.carriers.types import Carrier, Registry
from rakuten_assist.errors import (
    AmbiguousCarrierError,
    TrackingNumberError,
    UnknownCarrierError,
)

if TYPE_CHECKING:
    from rakuten_assist.i18n import Message

__all__ = [
    "CarrierMatch",
    "alternatives_for",
    "ambiguity_fix",
    "find_carrier",
    "resolve_carrier",
]


class CarrierMatch(NamedTuple):
    """What :func:`find_carrier` understood: one carrier, or suggestions and no carrier."""

    query: str
    carrier: Carrier | None
    suggestions: list[Carrier] = []  # noqa: RUF012 - never mutated, rebuilt per match
    #: 100 for the whole name, 95 for words inside it, 85 for a typo, 0 when no carrier
    score: float = 0.0
    #: "exact", "words", "fuzzy", "number", "qualifier", "ambiguous" or "none"
    how: str = "none"
    #: the Rakuten product name the words select ("So Colissimo"), else the carrier's default
    rakuten_name: str | None = None
    #: the full answer of the lookup (platform, marketplace, Autre, country typed...)
    name: NameMatch | None = None


_SCORES = {"exact": 100.0, "words": 95.0, "qualifier": 95.0, "number": 95.0, "fuzzy": 85.0}


def find_carrier(
    text: str, registry_: Registry | None = None, *, number: str | None = None
) -> CarrierMatch:
    """Find the carrier a merchant means, without ever guessing silently.

    Case, accents, spaces and punctuation are ignored; see
    :func:`~rakuten_assist.carriers.names.resolve_name` for the rules. When the name can
    mean several carriers, ``carrier`` is None and ``suggestions`` lists them; a ``number``
    settles it when exactly one of them accepts it.
    """
    match = resolve_name(text, number, registry_)
    if match.kind == "carrier" and match.carrier is not None:
        return CarrierMatch(
            text, match.carrier, [], _SCORES.get(match.how, 90.0), match.how,
            match.rakuten_name, match,
        )  # fmt: skip
    how = "ambiguous" if match.kind == "ambiguous" else "none"
    return CarrierMatch(text, None, list(match.candidates), 0.0, how, None, match)


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
        AmbiguousCarrierError: a name several carriers share that the number (if any) did
            not settle, with every candidate (an ``UnknownCarrierError`` too).
        UnknownCarrierError: unknown name, a platform, a marketplace or 'Autre', with the
            closest carriers.
    """
    if isinstance(carrier, Carrier):
        return carrier, carrier.rakuten_name
    match = find_carrier(carrier, registry_, number=number)
    if match.carrier is not None:
        return match.carrier, match.rakuten_name or match.carrier.rakuten_name
    if match.how == "ambiguous":
        raise _ambiguous(carrier, match.suggestions, number)
    names = [c.id for c in match.suggestions]
    name = match.name
    from rakuten_assist.i18n import Message

    error = UnknownCarrierError(carrier, names)
    # Said in the user's language by front ends (render(lang)); the English text is kept.
    error.msg = (
        Message("carriers.error.unknown_closest", {"query": carrier, "closest": ", ".join(names)})
        if names
        else Message("carriers.error.unknown", {"query": carrier})
    )
    if name is not None and name.kind in ("platform", "marketplace", "other"):
        error.set_fix(Message(f"carriers.error.{name.kind}_fix", {"query": carrier}))
    raise error


def _ambiguous(query: str, candidates: list[Carrier], number: str | None) -> AmbiguousCarrierError:
    """The error for a name several carriers share: every candidate, and what the number (when
    one was given) says of them, since it did not settle the name on one."""
    from rakuten_assist.carriers.words import carrier_name
    from rakuten_assist.i18n import Joined, Message

    # Names said in the reader's language: "DHL Paket (Allemagne) (dhl-paket-de)".
    listed = Joined(tuple(Joined((carrier_name(c), f"({c.id})")) for c in candidates), ", ")
    return AmbiguousCarrierError(
        query,
        [c.id for c in candidates],
        message=Message("carriers.error.ambiguous", {"query": query, "names": listed}),
        fix=ambiguity_fix(candidates, number),
    )


def ambiguity_fix(candidates: list[Carrier], number: str | None) -> Message:
    """What settles a name several carriers share: their ids, and what the number (when one
    was given) says of them, since it did not settle the name on one."""
    from rakuten_assist.carriers.numbers import validate_number
    from rakuten_assist.i18n import Message

    ids = ", ".join(c.id for c in candidates)
    try:
        fitting = [
            c for c in candidates if number and c.formats and validate_number(c, number).valid
        ]
    except TrackingNumberError:
        number = None  # malformed: reported on its own, the fix only asks for the name
    if number and fitting:
        fits = ", ".join(c.id for c in fitting)
        return Message("carriers.error.ambiguous_number_several", {"number": number, "ids": fits})
    if number:
        return Message("carriers.error.ambiguous_number_none", {"number": number, "ids": ids})
    return Message("carriers.error.ambiguous_name_fix", {"ids": ids})
