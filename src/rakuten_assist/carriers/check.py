""" "Is my carrier supported?": check_carrier, the one answer for a name and an optional number.

Pure: no network, no pandas. Nothing here guesses silently: an ambiguous name comes back as
suggestions, a number is ranked against every carrier whose format fits (a fitting check digit
outranks a length match), and a URL is only built from the carrier's own template with a
number reduced to letters and digits, then percent-encoded anyway.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.lookup import alternatives_for, find_carrier, resolve_carrier
from rakuten_assist.carriers.numbers import (
    NumberCheck,
    validate_number,
)
from rakuten_assist.carriers.types import Carrier, Registry, normalise_name
from rakuten_assist.carriers.urls import _input_label, build_tracking_url
from rakuten_assist.errors import (
    MissingCarrierInputError,
    TrackingNumberError,
    UnknownCarrierError,
)

__all__ = ["CarrierCheck", "check_carrier"]


_OTHER_WORDS = frozenset({"autre", "autres", "other", "others"})


class CarrierCheck(NamedTuple):
    """The answer to "is my carrier supported?" (``carriers check``)."""

    query: str
    supported: bool
    carrier: Carrier | None
    rakuten_name: str | None
    tracking_url: str | None
    example: bool
    number: NumberCheck | None
    message: str
    suggestions: list[Carrier] = []  # noqa: RUF012 - never mutated, rebuilt per answer
    warnings: list[str] = []  # noqa: RUF012 - never mutated, rebuilt per answer

    @property
    def needs(self) -> list[str]:
        """Extra inputs the carrier's link needs (``postal_code``, ``country``)."""
        return list(self.carrier.needs) if self.carrier else []

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``carriers check --json`` (CLI.md), plus a few extra keys."""
        carrier = self.carrier
        return {
            "query": self.query,
            "supported": self.supported,
            "carrier": None
            if carrier is None
            else {
                "id": carrier.id,
                "name": carrier.name,
                "rakuten_name": self.rakuten_name,
                "needs": list(carrier.needs),
                "countries": list(carrier.countries),
                "confidence": {"url": carrier.confidence.url, "format": carrier.confidence.format},
                "last_checked": carrier.last_checked,
            },
            "tracking_url": self.tracking_url,
            "example": self.example,
            "number": self.number.to_dict() if self.number else None,
            "message": self.message,
            "suggestions": [c.id for c in self.suggestions],
            "warnings": list(self.warnings),
        }


def _needs_sentence(carrier: Carrier) -> str:
    if not carrier.needs:
        return "No extra data is needed."
    labels = " and ".join(_input_label(n) for n in carrier.needs)
    return f"The link also needs {labels}."


def check_carrier(
    text: str,
    number: str | None = None,
    postcode: str | None = None,
    country: str | None = None,
    *,
    lang: str | None = None,
    registry_: Registry | None = None,
) -> CarrierCheck:
    """Answer "is my carrier supported?" for a carrier name and, optionally, a number.

    Never raises for a bad name or number: everything is in the answer (``supported``,
    ``message``, ``suggestions``, ``number.reason``).
    """
    reg = registry_ or registry()
    if normalise_name(text) in _OTHER_WORDS:
        return CarrierCheck(
            text,
            False,
            None,
            None,
            None,
            False,
            None,
            "'Autre' is Rakuten's value for a carrier it does not list, not a carrier: say "
            "which carrier ships the parcel and we check whether it has a tracking page.",
            [],
            [],
        )
    match = find_carrier(text, reg)
    carrier, rakuten_name = match.carrier, match.rakuten_name
    if carrier is None and match.how == "ambiguous" and number:
        try:
            carrier, rakuten_name = resolve_carrier(text, number, reg)
        except (UnknownCarrierError, TrackingNumberError):
            carrier = None
    if carrier is None:
        names = ", ".join(c.name for c in match.suggestions)
        if match.how == "ambiguous":
            message = f"{text!r} can mean several carriers: {names}. Say which one you ship with."
        else:
            message = (
                f"{text!r} is not a carrier we know, so we cannot build a tracking link for it."
                + (f" Closest: {names}." if names else "")
                + " Choose a carrier from `rakuten-assist carriers list`; if yours has a public "
                "per-number tracking page, send it as 'Autre' with that page's URL and ask us "
                "to add it."
            )
        return CarrierCheck(
            text, False, None, None, None, False, None, message, list(match.suggestions)
        )

    if not carrier.has_url:
        others = alternatives_for(carrier, reg)
        message = (
            f"No: {carrier.name} is known (Rakuten name {rakuten_name!r}) but "
            f"{carrier.no_url_reason} "
            "Rakuten needs a tracking link, so this shipment would be refused."
            + (
                f" Ship with a supported carrier instead ({', '.join(c.name for c in others)})."
                if others
                else " Ship with a supported carrier instead."
            )
        )
        number_check = _safe_validate(carrier, number)
        return CarrierCheck(
            text, False, carrier, rakuten_name, None, False, number_check, message, others
        )

    warnings: list[str] = []
    if rakuten_name == "Autre":
        warnings.append(
            f"Rakuten does not list {carrier.name}: it is sent as 'Autre' with the tracking URL."
        )
    if carrier.confidence.url in {"S", "I", "X"}:
        warnings.append(
            f"The {carrier.name} page is known from limited sources (confidence "
            f"{carrier.confidence.url}); open the link once to be sure."
        )
    base = (
        f"Yes: {carrier.name} is supported. Rakuten transporter name: {rakuten_name!r}. "
        + _needs_sentence(carrier)
    )

    def supported(
        url: str | None,
        number_check: NumberCheck | None,
        sentence: str,
        problem: str | None = None,
        *,
        example: bool = False,
    ) -> CarrierCheck:
        # Every answer from here on says yes (the carrier is usable); only the link varies.
        notes = [*warnings, problem] if problem else warnings
        return CarrierCheck(
            text, True, carrier, rakuten_name, url, example, number_check, base + sentence,
            warnings=notes,
        )  # fmt: skip

    if number is None:
        sample = carrier.samples.valid[0]
        inputs = dict(carrier.sample_inputs)
        try:
            url = build_tracking_url(
                carrier,
                validate_number(carrier, sample).url_number,
                postcode or inputs.get("postal_code"),
                country or inputs.get("country"),
                lang,
            )
        except (MissingCarrierInputError, TrackingNumberError) as exc:
            # A bad --postcode or --country is the caller's input, not the carrier's support.
            problem = f"{exc.message} {exc.fix}"
            return supported(None, None, f" But no example link could be built: {problem}", problem)
        sentence = f" Example link (with the sample number {sample}, not yours): {url}"
        return supported(url, None, sentence, example=True)

    number_check = _checked_number(carrier, number)
    if not number_check.valid:
        return supported(None, number_check, f" But the number is not valid: {number_check.reason}")
    if not number_check.checksum and carrier.formats:
        warnings.append("The number fits the carrier's format but has no check digit to verify.")
    elif not carrier.formats:
        warnings.append(number_check.reason)
    try:
        url = build_tracking_url(carrier, number_check.url_number, postcode, country, lang)
    except (MissingCarrierInputError, TrackingNumberError) as exc:
        problem = f"{exc.message} {exc.fix}"
        return supported(None, number_check, f" {problem}", problem)
    return supported(url, number_check, f" Tracking link: {url}")


def _safe_validate(carrier: Carrier, number: str | None) -> NumberCheck | None:
    return None if number is None else _checked_number(carrier, number)


def _checked_number(carrier: Carrier, number: str) -> NumberCheck:
    """The number's check; unsafe characters make an invalid check, not an exception."""
    try:
        return validate_number(carrier, number)
    except TrackingNumberError as exc:
        return NumberCheck(number, False, exc.message)
