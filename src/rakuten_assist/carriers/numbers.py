"""Tracking numbers on their own: normalisation, validation against a carrier, detection.

Split out of :mod:`rakuten_assist.carriers` (which re-exports every public name here): a
number is reduced to letters and digits, judged against each format of a carrier (a fitting
check digit beats a shape-only match) and ranked across the registry.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.types import Carrier, NumberFormat, Registry
from rakuten_assist.errors import TrackingNumberError

__all__ = [
    "Candidate",
    "NumberCheck",
    "detect_carrier",
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
    cleaned = "".join(c for c in unicodedata.normalize("NFKC", text) if c not in _STRIPPED)
    value = cleaned.upper()
    if not value:
        raise TrackingNumberError(f"The {what} is empty.", fix=f"Give the {what} as printed.")
    if not _SAFE.fullmatch(value):
        bad = next(c for c in value if not _SAFE.fullmatch(c))
        raise TrackingNumberError(
            f"The {what} {text!r} contains {bad!r}, which is not a letter or a digit.",
            fix=f"Type the {what} with letters and digits only (spaces and dashes are fine).",
        )
    return value


def normalise_number(number: str) -> str:
    """Upper-case the number and drop spaces and dashes.

    Raises:
        TrackingNumberError: empty, or any character other than A-Z and 0-9 is left (the
            message names it), since such a character could change the URL.
    """
    return _normalise_code(number, "tracking number")


def normalise_postcode(postcode: str) -> str:
    """Postcode without spaces or dashes, upper case ("1012 ab" -> "1012AB").

    Raises:
        TrackingNumberError: empty, too long, or characters other than letters and digits.
    """
    value = _normalise_code(postcode, "postcode")
    if not 2 <= len(value) <= 10:
        raise TrackingNumberError(
            f"The postcode {postcode!r} is not 2 to 10 letters or digits long.",
            fix="Give the buyer's delivery postcode as on the address.",
        )
    return value


# --- results ---------------------------------------------------------------------------------


class Candidate(NamedTuple):
    """One carrier a tracking number can belong to."""

    carrier: Carrier
    confidence: float
    checksum: bool
    format: NumberFormat


class NumberCheck(NamedTuple):
    """A number checked against one carrier."""

    value: str
    valid: bool
    reason: str
    checksum: bool = False
    format: NumberFormat | None = None

    @property
    def url_number(self) -> str:
        """The part of the number that goes into the URL and to Rakuten."""
        if self.format is not None and self.format.url_part is not None:
            start, end = self.format.url_part
            return self.value[start:end]
        return self.value

    def to_dict(self) -> dict[str, Any]:
        """The ``number`` object of ``carriers check --json``."""
        return {
            "value": self.value,
            "valid": self.valid,
            "reason": self.reason,
            "checksum": self.checksum,
            "format": self.format.name if self.format else None,
        }


# --- numbers ---------------------------------------------------------------------------------


def _format_confidence(fmt: NumberFormat, checksum: bool, carrier: Carrier) -> float:
    # A fitting check digit (0.75-0.90) always outranks a shape-only match (0.25-0.50); the
    # carrier's priority (Rakuten France market first) only breaks ties between look-alikes.
    high = fmt.confidence == "high"
    base = (0.75 + (0.15 if high else 0.0)) if checksum else (0.5 if high else 0.25)
    return round(base + carrier.priority / 1000, 3)


def validate_number(carrier: Carrier, number: str) -> NumberCheck:
    """Check ``number`` against the carrier's formats and check digits.

    Raises:
        TrackingNumberError: the number has characters other than letters and digits.
    """
    value = normalise_number(number)
    if not carrier.formats:
        if _FREE_MIN <= len(value) <= _FREE_MAX:
            return NumberCheck(
                value,
                True,
                f"No number format is known for {carrier.name}: accepted as typed, please "
                "double-check it against the label.",
            )
        return NumberCheck(
            value,
            False,
            f"{value!r} is not a plausible {carrier.name} number ({_FREE_MIN} to {_FREE_MAX} "
            "letters or digits expected).",
        )
    shaped = [fmt for fmt in carrier.formats if fmt.matches(value)]
    if not shaped:
        shapes = "; ".join(fmt.name for fmt in carrier.formats)
        return NumberCheck(
            value,
            False,
            f"{value!r} ({len(value)} characters) does not look like a {carrier.name} number. "
            f"Expected: {shapes}.",
        )
    fmt, checksum = _best_format(shaped, value)
    if fmt is not None:
        reason = f"Fits {fmt.name}; " + (
            "check digit correct." if checksum else "no check digit to verify."
        )
        return NumberCheck(value, True, reason, checksum, fmt)
    return NumberCheck(
        value,
        False,
        f"{value!r} has the shape of {shaped[0].name}, but its check digit does not fit: "
        "a character was probably mistyped.",
        False,
        shaped[0],
    )


def _best_format(shaped: list[NumberFormat], value: str) -> tuple[NumberFormat | None, bool]:
    """The format that accepts ``value`` (and whether by check digit), or (None, False).

    A number with the shape of a high-confidence format whose check digit fails is a typo,
    even when a looser format without check digit would take it.
    """
    for fmt in shaped:
        if fmt.check is not None and fmt.check_passes(value):
            return fmt, True
    if any(f.check is not None and f.confidence == "high" for f in shaped):
        return None, False
    unchecked = [f for f in shaped if f.check is None]
    if unchecked:
        return max(unchecked, key=lambda f: f.confidence == "high"), False
    return None, False


def detect_carrier(
    number: str, registry_: Registry | None = None, *, among: list[Carrier] | None = None
) -> list[Candidate]:
    """Every carrier the number can belong to, most likely first.

    A fitting check digit outranks a shape-only match; carriers whose only matching format
    has a check digit that does not fit are left out.

    Raises:
        TrackingNumberError: the number has characters other than letters and digits.
    """
    value = normalise_number(number)
    reg = registry_ or registry()
    found: list[Candidate] = []
    for carrier in among if among is not None else reg:
        shaped = [fmt for fmt in carrier.formats if fmt.matches(value)]
        fmt, checksum = _best_format(shaped, value) if shaped else (None, False)
        if fmt is not None:
            confidence = _format_confidence(fmt, checksum, carrier)
            found.append(Candidate(carrier, confidence, checksum, fmt))
    return sorted(found, key=lambda c: (-c.confidence, c.carrier.id))
