"""Tracking numbers on their own: normalisation, validation against a carrier, detection.

Split out of :mod:`rakuten_assist.carriers` (which re-exports every public name here): a
number is reduced to letters and digits, judged against each format of a carrier (a fitting
check digit beats a shape-only match) and ranked across the registry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from rakuten_assist.carriers.checkdigits import s10
from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.types import Carrier, NumberFormat, Registry
from rakuten_assist.carriers.words import carrier_name, format_name, format_names
from rakuten_assist.errors import TrackingNumberError

if TYPE_CHECKING:
    from rakuten_assist.i18n import Message

__all__ = [
    "Candidate",
    "FollowUp",
    "Mistyped",
    "NumberCheck",
    "NumberEvidence",
    "detect_carrier",
    "follow_up",
    "mistyped_carriers",
    "normalise_number",
    "normalise_postcode",
    "validate_number",
]

_SAFE = re.compile(r"[A-Z0-9]+")
_STRIPPED = frozenset(" \t\r\n\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014")
#: plausible length of a number for a carrier without a known format
_FREE_MIN, _FREE_MAX = 5, 35


# --- normalisation ---------------------------------------------------------------------------


def _normalise_code(text: str, what: str) -> str:
    """``what`` is ``number`` or ``postcode``: the catalogue ids say it in each language."""
    from rakuten_assist.i18n import Message

    cleaned = "".join(c for c in unicodedata.normalize("NFKC", text) if c not in _STRIPPED)
    value = cleaned.upper()
    if not value:
        raise TrackingNumberError(
            Message(f"carriers.error.{what}_empty"), fix=Message(f"carriers.error.{what}_empty_fix")
        )
    if not _SAFE.fullmatch(value):
        bad = next(c for c in value if not _SAFE.fullmatch(c))
        raise TrackingNumberError(
            Message(f"carriers.error.{what}_character", {"text": text, "bad": bad}),
            fix=Message(f"carriers.error.{what}_character_fix"),
        )
    return value


def normalise_number(number: str) -> str:
    """Upper-case the number and drop spaces and dashes.

    Raises:
        TrackingNumberError: empty, or any character other than A-Z and 0-9 is left (the
            message names it), since such a character could change the URL.
    """
    return _normalise_code(number, "number")


def normalise_postcode(postcode: str) -> str:
    """Postcode without spaces or dashes, upper case ("1012 ab" -> "1012AB").

    Raises:
        TrackingNumberError: empty, too long, or characters other than letters and digits.
    """
    value = _normalise_code(postcode, "postcode")
    if not 2 <= len(value) <= 10:
        from rakuten_assist.i18n import Message

        raise TrackingNumberError(
            Message("carriers.error.postcode_length", {"postcode": postcode}),
            fix=Message("carriers.error.postcode_length_fix"),
        )
    return value


# --- results ---------------------------------------------------------------------------------

#: what a candidate's number says about its carrier, strongest first (``Candidate.evidence``)
NumberEvidence = Literal["proven", "checked_shared", "distinctive", "shape"]


class Candidate(NamedTuple):
    """One carrier a tracking number can belong to."""

    carrier: Carrier
    confidence: float
    checksum: bool
    format: NumberFormat

    @property
    def evidence(self) -> NumberEvidence:
        """``proven`` (a format of this carrier only, check digit fitting), ``distinctive``
        (such a format without check digit), ``checked_shared`` (a fitting check digit on a
        shape other carriers share) or ``shape`` (length and shape only)."""
        return _evidence(self.format, self.checksum)


class NumberCheck(NamedTuple):
    """A number checked against one carrier."""

    value: str
    valid: bool
    #: the reason in English (``reason_in(lang)`` for another language)
    reason: str
    checksum: bool = False
    format: NumberFormat | None = None
    #: the reason as a catalogue message, to say it in the reader's language
    message: Message | None = None

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (the English text when there is no catalogue message)."""
        return self.message.render(lang) if self.message is not None else self.reason

    @property
    def url_number(self) -> str:
        """The part of the number that goes into the URL and to Rakuten."""
        if self.format is not None and self.format.url_part is not None:
            start, end = self.format.url_part
            return self.value[start:end]
        return self.value

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The ``number`` object of ``carriers check --json``: the reason and the format's
        name in ``lang``; ``format_id`` is the format's name as carriers.json writes it."""
        from rakuten_assist.carriers.words import format_name

        fmt = self.format
        return {
            "value": self.value,
            "valid": self.valid,
            "reason": self.reason_in(lang),
            "checksum": self.checksum,
            "format": format_name(fmt).render(lang) if fmt else None,
            "format_id": fmt.name if fmt else None,
        }


# --- numbers ---------------------------------------------------------------------------------


_BASE: dict[str, float] = {
    "proven": 0.90,
    "checked_shared": 0.55,
    "distinctive": 0.50,
    "shape": 0.25,
}


def _evidence(fmt: NumberFormat, checksum: bool) -> NumberEvidence:
    """How much a matching format says about the carrier.

    Only a format specific to one carrier ("high") can prove it; a fitting check digit on a
    shape other carriers share ("low": 9, 12 or 14 digits...) shows a well-formed number, not
    whose it is, so it stays below a proof (a mod-10 digit fits one random number in ten).
    """
    if fmt.strength == "high":
        return "proven" if checksum else "distinctive"
    return "checked_shared" if checksum else "shape"


def _format_confidence(fmt: NumberFormat, checksum: bool, carrier: Carrier) -> float:
    # A fitting check digit outranks a shape-only match; the carrier's priority (Rakuten
    # France market first) only breaks ties between look-alikes.
    return round(_BASE[_evidence(fmt, checksum)] + carrier.priority / 1000, 3)


def _foreign_s10(value: str, carrier: Carrier) -> str | None:
    """The country of a UPU S10 number that is not ``carrier``'s, else None.

    The S10 check digit is shared by every postal operator: an S10 number identifies its
    post only through its country suffix, so it never belongs to a carrier that does not
    serve that country (nor to an express carrier serving everywhere).
    """
    if len(value) == 13 and s10(value) and value[11:] not in carrier.countries:
        return value[11:]
    return None


def _shaped(carrier: Carrier, value: str) -> list[NumberFormat]:
    """The carrier's formats with the number's shape (none for another country's S10)."""
    if _foreign_s10(value, carrier) is not None:
        return []
    return [fmt for fmt in carrier.formats if fmt.matches(value)]


def _checked(
    value: str,
    valid: bool,
    key: str,
    checksum: bool = False,
    fmt: NumberFormat | None = None,
    **params: Any,
) -> NumberCheck:
    """A number's check whose reason is the catalogue message ``carriers.number.<key>``."""
    from rakuten_assist.i18n import Message

    message = Message(f"carriers.number.{key}", {"value": value, **params})
    return NumberCheck(value, valid, message.render("en"), checksum, fmt, message)


def validate_number(carrier: Carrier, number: str) -> NumberCheck:
    """Check ``number`` against the carrier's formats and check digits.

    Raises:
        TrackingNumberError: the number has characters other than letters and digits.
    """
    value = normalise_number(number)
    name = carrier_name(carrier)
    if not carrier.formats:
        if _FREE_MIN <= len(value) <= _FREE_MAX:
            return _checked(value, True, "no_format", name=name)
        return _checked(value, False, "implausible", name=name, low=_FREE_MIN, high=_FREE_MAX)
    country = _foreign_s10(value, carrier)
    if country is not None:
        return _checked(value, False, "foreign_s10", name=name, country=country)
    shaped = _shaped(carrier, value)
    if not shaped:
        shapes = format_names(carrier.formats)
        return _checked(value, False, "no_shape", name=name, length=len(value), shapes=shapes)
    fmt, checksum = _best_format(shaped, value)
    if fmt is not None:
        key = "fits_checked" if checksum else "fits_unchecked"
        return _checked(value, True, key, checksum, fmt, format=format_name(fmt))
    return _checked(value, False, "typo", False, shaped[0], format=format_name(shaped[0]))


def _best_format(shaped: list[NumberFormat], value: str) -> tuple[NumberFormat | None, bool]:
    """The format that accepts ``value`` (and whether by check digit), or (None, False).

    A number with the shape of a high-strength format whose check digit fails is a typo,
    even when a looser format without check digit would take it.
    """
    for fmt in shaped:
        if fmt.check is not None and fmt.check_passes(value):
            return fmt, True
    if any(f.check is not None and f.strength == "high" for f in shaped):
        return None, False
    unchecked = [f for f in shaped if f.check is None]
    if unchecked:
        return max(unchecked, key=lambda f: f.strength == "high"), False
    return None, False


class Mistyped(NamedTuple):
    """A carrier whose specific format has the number's shape, but whose check digit fails:
    the number is most likely that carrier's, mistyped (never a valid candidate of it)."""

    carrier: Carrier
    format: NumberFormat


def _scan(value: str, carriers: Iterable[Carrier]) -> tuple[list[Candidate], list[Mistyped]]:
    """The carriers whose formats accept ``value``, and those whose specific shape it has
    with a failing check digit."""
    found: list[Candidate] = []
    mistyped: list[Mistyped] = []
    for carrier in carriers:
        shaped = _shaped(carrier, value)
        if not shaped:
            continue
        fmt, checksum = _best_format(shaped, value)
        if fmt is not None:
            confidence = _format_confidence(fmt, checksum, carrier)
            found.append(Candidate(carrier, confidence, checksum, fmt))
            continue
        specific = [f for f in shaped if f.check is not None and f.strength == "high"]
        if specific:
            mistyped.append(Mistyped(carrier, specific[0]))
    if mistyped:
        # A shape only a mistyped carrier issues says more than a length other carriers
        # share: those length-only matches would send the number to the wrong page.
        found = [c for c in found if c.evidence != "shape"]
    found.sort(key=lambda c: (-c.confidence, c.carrier.id))
    mistyped.sort(key=lambda m: (-m.carrier.priority, m.carrier.id))
    return found, mistyped


def detect_carrier(
    number: str, registry_: Registry | None = None, *, among: list[Carrier] | None = None
) -> list[Candidate]:
    """Every carrier the number can belong to, most likely first.

    A fitting check digit outranks a shape-only match; carriers whose only matching format
    has a check digit that does not fit are left out (:func:`mistyped_carriers` names them),
    and so are length-only matches when such a carrier's specific shape fits the number.

    Raises:
        TrackingNumberError: the number has characters other than letters and digits.
    """
    value = normalise_number(number)
    return _scan(value, among if among is not None else (registry_ or registry()))[0]


def mistyped_carriers(
    number: str, registry_: Registry | None = None, *, among: list[Carrier] | None = None
) -> list[Mistyped]:
    """The carriers whose specific number format has this shape but whose check digit fails
    (a typo in one of their numbers), best known first.

    Raises:
        TrackingNumberError: the number has characters other than letters and digits.
    """
    value = normalise_number(number)
    return _scan(value, among if among is not None else (registry_ or registry()))[1]


class FollowUp(NamedTuple):
    """A number sent after a carrier was named: does it fit that carrier, and if not, whose?

    ``status``: ``fits`` (the carrier's formats accept it: use ``check``), ``refused`` (they
    refuse it), ``no_format`` (the carrier has no known format, so nothing says the number is
    its own), ``malformed`` (characters other than letters and digits). Whenever it is not
    ``fits``, ``detected`` ranks the carriers the number fits afresh: never give the named
    carrier's link for it.
    """

    carrier: Carrier
    status: Literal["fits", "refused", "no_format", "malformed"]
    check: NumberCheck | None
    detected: list[Candidate]

    @property
    def fits(self) -> bool:
        """True when the named carrier's formats accept the number."""
        return self.status == "fits"


def follow_up(carrier: Carrier, number: str, registry_: Registry | None = None) -> FollowUp:
    """Check a follow-up number against the carrier named before it (validated once)."""
    try:
        check = validate_number(carrier, number)
    except TrackingNumberError:
        return FollowUp(carrier, "malformed", None, [])
    if carrier.formats and check.valid:
        return FollowUp(carrier, "fits", check, [])
    status: Literal["refused", "no_format"] = "refused" if carrier.formats else "no_format"
    return FollowUp(carrier, status, check, detect_carrier(number, registry_))
