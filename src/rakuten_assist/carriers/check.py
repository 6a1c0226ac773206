""" "Is my carrier supported?": check_carrier, the one answer for a name and an optional number.

Pure: no network, no pandas. Nothing here guesses silently: the name goes through the one
lookup (:mod:`rakuten_assist.carriers.names`), a number is validated once against the carrier
it belongs to and the link built once from the carrier's own template. Every sentence comes
from the ``carriers`` message catalogue, in the language asked for.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.lookup import alternatives_for, ambiguity_fix
from rakuten_assist.carriers.names import NameMatch, resolve_name
from rakuten_assist.carriers.numbers import NumberCheck, validate_number
from rakuten_assist.carriers.types import Carrier, Registry
from rakuten_assist.carriers.urls import build_tracking_url
from rakuten_assist.carriers.words import carrier_name, carrier_names
from rakuten_assist.errors import MissingCarrierInputError, TrackingNumberError
from rakuten_assist.i18n import say, t

__all__ = ["CarrierCheck", "check_carrier", "evidence_sentence"]


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
    #: what the name lookup understood (platform, marketplace, Autre, country typed...)
    name: NameMatch | None = None

    @property
    def needs(self) -> list[str]:
        """Extra inputs the carrier's link needs (``postal_code``, ``country``)."""
        return list(self.carrier.needs) if self.carrier else []

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON shape of ``carriers check --json`` (CLI.md), plus a few extra keys; the
        number's reason and format in ``lang`` (``message`` is in the check's own language)."""
        carrier = self.carrier
        return {
            "query": self.query,
            "supported": self.supported,
            "kind": self.name.kind if self.name else None,
            "label": self.name.label if self.name else None,
            "carrier": None
            if carrier is None
            else {
                "id": carrier.id,
                "name": carrier.name,
                "rakuten_name": self.rakuten_name,
                "needs": list(carrier.needs),
                "countries": list(carrier.countries),
                "evidence": {
                    "url": carrier.evidence.url,
                    "format": carrier.evidence.format,
                    "url_agreement": carrier.evidence.url_agreement,
                },
                "written": carrier.written,
                "sources": list(carrier.sources),
            },
            "tracking_url": self.tracking_url,
            "example": self.example,
            "number": self.number.to_dict(lang) if self.number else None,
            "message": self.message,
            "suggestions": [c.id for c in self.suggestions],
            "warnings": list(self.warnings),
        }


def evidence_sentence(carrier: Carrier, lang: str = "en", *, short: bool = False) -> str:
    """In words, how well the sources back the carrier's page address (``short``: a few
    words, for a line of sources). The one place these words come from: the registry's
    ``url_agreement``, which load checks against the link's level and the sources listed."""
    kind = "short" if short else "evidence"
    return t(f"carriers.{kind}.{carrier.evidence.url_agreement}", lang)


def _name(carrier: Carrier, lang: str) -> str:
    return carrier_name(carrier).render(lang)


def _names(carriers: Any, lang: str) -> str:
    return str(carrier_names(carriers).render(lang))


def _not_a_carrier(text: str, match: NameMatch, lang: str, number: str | None) -> CarrierCheck:
    """The answer when the name settles on no carrier: why, and what to do."""
    suggestions = list(match.candidates)
    if match.kind == "other":
        message = t("carriers.name.other", lang)
        suggestions = []
    elif match.kind == "platform":
        message = t("carriers.name.platform", lang, name=match.label or text)
    elif match.kind == "marketplace":
        message = t("carriers.name.marketplace", lang, name=match.label or text)
        if suggestions:
            message += " " + t(
                "carriers.name.marketplace_related", lang, names=_names(suggestions, lang)
            )
    elif match.kind == "ambiguous" and number:
        # The number was given and did not settle it: say what it fits, not "a number helps".
        message = t(
            "carriers.name.ambiguous_numbered", lang, query=text, names=_names(suggestions, lang)
        )
        message += " " + say(ambiguity_fix(suggestions, number), lang)
    elif match.kind == "ambiguous":
        message = t("carriers.name.ambiguous", lang, query=text, names=_names(suggestions, lang))
    else:
        if match.qualifier and suggestions:
            message = t(
                "carriers.name.unknown_country", lang, query=text, country=match.qualifier,
                names=_names(suggestions, lang),
            )  # fmt: skip
        else:
            message = t("carriers.name.unknown", lang, query=text)
            if suggestions:
                message += " " + t(
                    "carriers.name.suggestions", lang, names=_names(suggestions, lang)
                )
        message += " " + t("carriers.name.unknown_fix", lang)
    return CarrierCheck(text, False, None, None, None, False, None, message, suggestions, [], match)


def _needs_sentence(carrier: Carrier, lang: str) -> str:
    if not carrier.needs:
        return t("carriers.check.needs_none", lang)
    labels = " + ".join(t(f"carriers.inputs.{n}", lang) for n in carrier.needs)
    return t("carriers.check.needs", lang, inputs=labels)


def check_carrier(
    text: str,
    number: str | None = None,
    postcode: str | None = None,
    country: str | None = None,
    *,
    lang: str | None = None,
    registry_: Registry | None = None,
    message_lang: str = "en",
) -> CarrierCheck:
    """Answer "is my carrier supported?" for a carrier name and, optionally, a number.

    Args:
        lang: the language of the tracking page (``{lang}`` in the carrier's template).
        message_lang: the language of the answer's sentences (``en``, ``fr``...).

    Never raises for a bad name or number: everything is in the answer (``supported``,
    ``message``, ``suggestions``, ``number.reason``).
    """
    reg = registry_ or registry()
    words = message_lang
    match = resolve_name(text, number, reg)
    carrier = match.carrier
    if match.kind != "carrier" or carrier is None:
        return _not_a_carrier(text, match, words, number)
    rakuten_name = match.rakuten_name or carrier.rakuten_name
    understood = (
        t("carriers.name.understood", words, query=text, name=_name(carrier, words)) + " "
        if match.how == "fuzzy"
        else ""
    )
    # The number is validated once: the lookup already did it when it settled the name.
    number_check = match.number_check
    if number is not None and number_check is None:
        number_check = _checked_number(carrier, number)

    if not carrier.has_url:
        others = alternatives_for(carrier, reg)
        message = understood + t(
            "carriers.check.no", words, name=_name(carrier, words), rakuten=rakuten_name,
            reason=carrier.reason(words) or "",
        )  # fmt: skip
        message += " " + (
            t("carriers.check.no_alternatives", words, names=_names(others, words))
            if others
            else t("carriers.check.no_alternative", words)
        )
        return CarrierCheck(
            text, False, carrier, rakuten_name, None, False, number_check, message, others,
            [], match,
        )  # fmt: skip

    warnings: list[str] = []
    if rakuten_name == "Autre":
        warnings.append(t("carriers.check.autre", words, name=_name(carrier, words)))
    if carrier.evidence.url_agreement != "agreed":
        warnings.append(evidence_sentence(carrier, words))
    base = (
        understood
        + t("carriers.check.yes", words, name=_name(carrier, words), rakuten=rakuten_name)
        + " "
        + _needs_sentence(carrier, words)
    )

    def supported(
        url: str | None,
        checked: NumberCheck | None,
        sentence: str,
        problem: str | None = None,
        *,
        example: bool = False,
    ) -> CarrierCheck:
        # Every answer from here on says yes (the carrier is usable); only the link varies.
        notes = [*warnings, problem] if problem else warnings
        return CarrierCheck(
            text, True, carrier, rakuten_name, url, example, checked, f"{base} {sentence}",
            warnings=notes, name=match,
        )  # fmt: skip

    if number_check is None:
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
            problem = " ".join(part for part in exc.render(words) if part)
            return supported(
                None, None, t("carriers.check.example_failed", words, problem=problem), problem
            )
        sentence = t("carriers.check.example", words, sample=sample, url=url)
        return supported(url, None, sentence, example=True)

    if not number_check.valid:
        reason = number_check.reason_in(words)
        return supported(
            None, number_check, t("carriers.check.invalid_number", words, reason=reason)
        )
    if not number_check.checksum and carrier.formats:
        warnings.append(t("carriers.check.no_check_digit", words))
    elif not carrier.formats:
        warnings.append(number_check.reason_in(words))
        other = _fits_another(carrier, number_check.value, reg)
        if other is not None:
            # A carrier without a format takes any number: say whose number it really looks like.
            warnings.append(t("carriers.check.fits_other", words, name=_name(other, words)))
    try:
        url = build_tracking_url(carrier, number_check.url_number, postcode, country, lang)
    except (MissingCarrierInputError, TrackingNumberError) as exc:
        problem = " ".join(part for part in exc.render(words) if part)
        return supported(None, number_check, problem, problem)
    return supported(url, number_check, t("carriers.check.link", words, url=url))


def _checked_number(carrier: Carrier, number: str) -> NumberCheck:
    """The number's check; unsafe characters make an invalid check, not an exception."""
    try:
        return validate_number(carrier, number)
    except TrackingNumberError as exc:
        return NumberCheck(number, False, exc.message, message=exc.msg)


def _fits_another(carrier: Carrier, value: str, reg: Registry) -> Carrier | None:
    """Another carrier whose specific format and check digit fit the number, if one does."""
    from rakuten_assist.carriers.numbers import detect_carrier

    ranked = detect_carrier(value, reg)
    if ranked and ranked[0].checksum and ranked[0].format.strength == "high":
        found = ranked[0].carrier
        return found if found.id != carrier.id else None
    return None
