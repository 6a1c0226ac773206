"""Tracking numbers and URLs: find_carrier, detect_carrier, tracking_url and check_carrier.

Pure: no network, no pandas. Nothing here guesses silently: an ambiguous name comes back as
suggestions, a number is ranked against every carrier whose format fits (a fitting check digit
outranks a length match), and a URL is only built from the carrier's own template with a
number reduced to letters and digits, then percent-encoded anyway.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, NamedTuple
from urllib.parse import quote

from rakuten_assist._checkdigits import ISO_COUNTRIES
from rakuten_assist._numbers import (
    Candidate,
    NumberCheck,
    detect_carrier,
    normalise_number,
    normalise_postcode,
    validate_number,
)
from rakuten_assist.carriers import (
    Carrier,
    Registry,
    normalise_name,
    normalise_words,
    registry,
)
from rakuten_assist.errors import (
    MissingCarrierInputError,
    NoTrackingPageError,
    TrackingNumberError,
    UnknownCarrierError,
)

__all__ = [
    "Candidate",
    "CarrierCheck",
    "CarrierMatch",
    "NumberCheck",
    "alternatives_for",
    "build_tracking_url",
    "check_carrier",
    "detect_carrier",
    "find_carrier",
    "normalise_number",
    "normalise_postcode",
    "resolve_carrier",
    "tracking_url",
    "validate_number",
]

_LANG = re.compile(r"[a-z]{2}")
_OTHER_WORDS = frozenset({"autre", "autres", "other", "others"})
_FUZZY_CUTOFF = 85.0
_FUZZY_MARGIN = 5.0
_SUGGESTION_CUTOFF = 50.0
_INPUT_LABELS = {"postal_code": "the buyer's delivery postcode", "country": "the delivery country"}


def _input_label(name: str) -> str:
    return _INPUT_LABELS.get(name, name)


# --- results ---------------------------------------------------------------------------------


class CarrierMatch(NamedTuple):
    """What :func:`find_carrier` understood: one carrier, or suggestions and no carrier."""

    query: str
    carrier: Carrier | None
    suggestions: list[Carrier] = []  # noqa: RUF012 - never mutated, rebuilt per match
    #: 0-100; 100 for an exact alias, the fuzzy ratio otherwise
    score: float = 0.0
    #: "exact", "words", "fuzzy", "ambiguous" or "none"
    how: str = "none"
    #: the Rakuten product name the words select ("So Colissimo"), else the carrier's default
    rakuten_name: str | None = None


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


# --- finding a carrier by name ---------------------------------------------------------------


def _by_priority(reg: Registry, ids: Any) -> list[Carrier]:
    return sorted((reg.by_id[i] for i in ids), key=lambda c: -c.priority)


def _word_matches(reg: Registry, text: str) -> list[tuple[int, int, str, str | None]]:
    words = f" {normalise_words(text)} "
    found: list[tuple[int, int, str, str | None]] = []
    for key_words, ids in reg.words_index():
        start = words.find(f" {key_words} ")
        if start < 0 or len(ids) != 1:
            continue
        ((carrier_id, product),) = ids.items()
        found.append((start, start + len(key_words) + 1, carrier_id, product))
    # keep the widest matches: "so colissimo" wins over the "colissimo" inside it
    return [
        m
        for m in found
        if not any(
            o != m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0] for o in found
        )
    ]


def _fuzzy(reg: Registry, text: str) -> list[tuple[Carrier, float]]:
    from rapidfuzz import fuzz, process

    index = reg.alias_index()
    keys = list(index)
    probes = {normalise_name(text)}
    words = normalise_words(text).split()
    probes.update(w for w in words if len(w) >= 4)
    probes.update(a + b for a, b in itertools.pairwise(words))
    best: dict[str, float] = {}
    for probe in probes:
        for key, score, _ in process.extract(probe, keys, scorer=fuzz.ratio, limit=8):
            for carrier_id in index[key]:
                best[carrier_id] = max(best.get(carrier_id, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], -reg.by_id[kv[0]].priority))
    return [(reg.by_id[cid], score) for cid, score in ranked]


def find_carrier(text: str, registry_: Registry | None = None) -> CarrierMatch:
    """Find the carrier a merchant means, without ever guessing silently.

    Case, accents, spaces and punctuation are ignored. An exact alias wins; then the words of
    a product name ("chronopost 13h", "So Colissimo relais"); then typos ("colisimo"). When
    two carriers fit about as well, ``carrier`` is None and ``suggestions`` lists them.
    """
    reg = registry_ or registry()
    key = normalise_name(text)
    if not key:
        return CarrierMatch(query=text, carrier=None)
    hit = reg.alias_index().get(key)
    if hit:
        if len(hit) == 1:
            ((carrier_id, product),) = hit.items()
            carrier = reg.by_id[carrier_id]
            return CarrierMatch(text, carrier, [], 100.0, "exact", product or carrier.rakuten_name)
        return CarrierMatch(text, None, _by_priority(reg, hit), 100.0, "ambiguous")

    matches = _word_matches(reg, text)
    carriers = {m[2] for m in matches}
    if len(carriers) == 1:
        widest = max(matches, key=lambda m: m[1] - m[0])
        carrier = reg.by_id[widest[2]]
        return CarrierMatch(text, carrier, [], 95.0, "words", widest[3] or carrier.rakuten_name)
    if len(carriers) > 1:
        return CarrierMatch(text, None, _by_priority(reg, carriers), 95.0, "ambiguous")

    ranked = _fuzzy(reg, text)
    if not ranked or ranked[0][1] < _FUZZY_CUTOFF:
        close = [c for c, score in ranked[:3] if score >= _SUGGESTION_CUTOFF]
        return CarrierMatch(text, None, close, ranked[0][1] if ranked else 0.0, "none")
    top, score = ranked[0]
    rivals = [c for c, s in ranked[1:] if s >= score - _FUZZY_MARGIN]
    if rivals:
        return CarrierMatch(text, None, [top, *rivals][:4], score, "ambiguous")
    return CarrierMatch(text, top, [], score, "fuzzy", top.rakuten_name)


# --- URLs ------------------------------------------------------------------------------------


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


def _no_page(carrier: Carrier, reg: Registry) -> NoTrackingPageError:
    others = ", ".join(c.name for c in alternatives_for(carrier, reg))
    return NoTrackingPageError(
        f"{carrier.name} cannot be sent to Rakuten: {carrier.no_url_reason}",
        fix=(
            f"Ship with a supported carrier ({others})"
            if others
            else "Ship with a supported carrier"
        )
        + "; never send a made-up link.",
    )


def resolve_carrier(
    carrier: Carrier | str, number: str | None = None, registry_: Registry | None = None
) -> tuple[Carrier, str]:
    """The carrier and the Rakuten name to send for a carrier or its name.

    An ambiguous name ("DHL") is settled by the number when exactly one of the carriers it
    may mean accepts that number.

    Raises:
        UnknownCarrierError: unknown or still ambiguous name, with the closest carriers.
    """
    if isinstance(carrier, Carrier):
        return carrier, carrier.rakuten_name
    reg = registry_ or registry()
    match = find_carrier(carrier, reg)
    if match.carrier is not None:
        return match.carrier, match.rakuten_name or match.carrier.rakuten_name
    if match.how == "ambiguous" and number:
        try:
            fitting = [c for c in match.suggestions if validate_number(c, number).valid]
        except TrackingNumberError:
            # A number that is not even well formed settles nothing: the name stays ambiguous.
            fitting = []
        if len(fitting) == 1:
            return fitting[0], fitting[0].rakuten_name
    names = [c.id for c in match.suggestions]
    if match.how == "ambiguous":
        raise UnknownCarrierError(
            carrier,
            names,
            fix=f"{carrier!r} can mean {', '.join(c.name for c in match.suggestions)}: name "
            "the one you ship with.",
        )
    raise UnknownCarrierError(carrier, names)


def _template_value(carrier: Carrier, name: str, given: str | None, normalise: Any) -> str | None:
    if given:
        return str(normalise(given))
    return carrier.url_defaults.get(name)


def _country(value: str) -> str:
    code = value.strip().upper()
    if code == "FX":  # Rakuten's metropolitan France
        code = "FR"
    if code not in ISO_COUNTRIES:
        raise TrackingNumberError(
            f"{value!r} is not a two-letter ISO country code.", fix="Use a code such as FR or NL."
        )
    return code


def _lang(value: str) -> str:
    code = value.strip().lower()
    if not _LANG.fullmatch(code):
        raise TrackingNumberError(
            f"{value!r} is not a two-letter language code.", fix="Use fr or en."
        )
    return code


def build_tracking_url(
    carrier: Carrier,
    url_number: str,
    postcode: str | None,
    country: str | None,
    lang: str | None,
) -> str:
    """Fill the carrier's template with an already validated number and the extra inputs.

    Raises:
        MissingCarrierInputError: a required input (postcode, country) is missing.
        TrackingNumberError: the postcode, country or language is malformed.
    """
    template = carrier.url_template
    assert template is not None  # noqa: S101 - callers refuse carriers without a page first
    values = {
        "postal_code": _template_value(carrier, "postal_code", postcode, normalise_postcode),
        "country": _template_value(carrier, "country", country, _country),
        "lang": _template_value(carrier, "lang", lang, _lang),
        "locale": carrier.url_defaults.get("locale"),
    }
    missing = [name for name in carrier.needs if not values.get(name)]
    if missing:
        labels = " and ".join(_input_label(name) for name in missing)
        raise MissingCarrierInputError(
            f"The {carrier.name} tracking link needs {labels}.",
            missing=missing,
            fix="Pass "
            + " and ".join("--postcode" if m == "postal_code" else "--country" for m in missing)
            + " (from the order's delivery address).",
        )
    url = template.replace("{tracking_number}", quote(url_number, safe=""))
    for name, value in values.items():
        url = url.replace("{" + name + "}", quote(value or "", safe=""))
    return url.replace("{country_lower}", quote((values["country"] or "").lower(), safe=""))


def tracking_url(
    carrier: Carrier | str,
    number: str,
    postcode: str | None = None,
    country: str | None = None,
    *,
    lang: str | None = None,
    registry_: Registry | None = None,
) -> str:
    """The tracking URL for this carrier and number, exactly as it would be sent to Rakuten.

    Raises:
        UnknownCarrierError: ``carrier`` is a name we do not know (closest ones attached).
        NoTrackingPageError: the carrier has no public per-number page.
        TrackingNumberError: the number (or postcode) is unsafe or invalid for the carrier.
        MissingCarrierInputError: a required extra input (postcode, country) is missing.
    """
    reg = registry_ or registry()
    found, _ = resolve_carrier(carrier, number, reg)
    if not found.has_url:
        raise _no_page(found, reg)
    check = validate_number(found, number)
    if not check.valid:
        raise TrackingNumberError(
            check.reason,
            fix=f"Copy the {found.name} number again from the label, or check the carrier.",
        )
    return build_tracking_url(found, check.url_number, postcode, country, lang)


# --- "is my carrier supported?" ----------------------------------------------------------------


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
