"""Tracking URLs: a carrier's own template filled with a validated, percent-encoded number."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from rakuten_assist.carriers.checkdigits import ISO_COUNTRIES
from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.lookup import alternatives_for, find_carrier, resolve_carrier
from rakuten_assist.carriers.numbers import (
    NumberCheck,
    normalise_postcode,
    validate_number,
)
from rakuten_assist.carriers.types import POSTCODE_FORMS, Carrier, Registry, drop_parameter
from rakuten_assist.carriers.words import carrier_name, carrier_names
from rakuten_assist.errors import (
    MissingCarrierInputError,
    NoTrackingPageError,
    TrackingNumberError,
)
from rakuten_assist.i18n import Message, Texts

__all__ = ["TrackedLink", "build_tracking_url", "tracked_link", "tracking_url"]


_LANG = re.compile(r"[a-z]{2}")
#: characters a URL carries as they are (RFC 3986 unreserved); every other one is encoded
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def quote(text: str) -> str:
    """``text`` percent-encoded as one URL component (what ``urllib.parse.quote(text,
    safe="")`` gives, without importing urllib.parse and ipaddress at every start-up)."""
    return "".join(
        char if char in _UNRESERVED else "".join(f"%{byte:02X}" for byte in char.encode())
        for char in text
    )


def _no_page(carrier: Carrier, reg: Registry) -> NoTrackingPageError:
    others = alternatives_for(carrier, reg)
    # The reason is said in the reader's language from carriers.json's per-language map.
    reason = Texts(carrier.no_url_reasons or {})
    return NoTrackingPageError(
        Message("carriers.error.no_page", {"name": carrier_name(carrier), "reason": reason}),
        fix=Message("carriers.error.no_page_fix", {"names": carrier_names(others)})
        if others
        else Message("carriers.error.no_page_fix_none"),
    )


def _template_value(carrier: Carrier, name: str, given: str | None, normalise: Any) -> str | None:
    if given:
        return str(normalise(given))
    return carrier.url_defaults.get(name)


def _postcode(carrier: Carrier, value: str) -> str:
    """The normalised postcode, refused when it is not the form the carrier's page expects
    (a Belgian 1000 in Colis Privé's link, which appends a French 5-digit postcode)."""
    code = normalise_postcode(value)
    form = carrier.postcode_form
    if form is not None and not re.fullmatch(POSTCODE_FORMS[form], code):
        expected = Message(f"carriers.postcode_form.{form}")
        raise TrackingNumberError(
            Message(
                "carriers.error.postcode_form",
                {"postcode": value, "name": carrier_name(carrier), "form": expected},
            ),
            fix=Message("carriers.error.postcode_form_fix", {"form": expected}),
        )
    return code


def _country(value: str) -> str:
    code = value.strip().upper()
    if code == "FX":  # Rakuten's metropolitan France
        code = "FR"
    if code not in ISO_COUNTRIES:
        raise TrackingNumberError(
            Message("carriers.error.country", {"value": value}),
            fix=Message("carriers.error.country_fix"),
        )
    return code


def _lang(value: str) -> str:
    code = value.strip().lower()
    if not _LANG.fullmatch(code):
        raise TrackingNumberError(
            Message("carriers.error.lang", {"value": value}), fix=Message("carriers.error.lang_fix")
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
        TrackingNumberError: the postcode, country or language is malformed, or the postcode
            is not the form the carrier's page expects.
    """
    template = carrier.url_template
    assert template is not None  # noqa: S101 - callers refuse carriers without a page first
    values = {
        "postal_code": _template_value(
            carrier, "postal_code", postcode, lambda value: _postcode(carrier, value)
        ),
        "country": _template_value(carrier, "country", country, _country),
        "lang": _template_value(carrier, "lang", lang, _lang),
        "locale": carrier.url_defaults.get("locale"),
    }
    # in the catalogue's order ("postal_code_country"), whatever the registry's order
    missing = [name for name in ("postal_code", "country") if name in carrier.needs]
    missing = [name for name in missing if not values.get(name)]
    if missing:
        which = "_".join(missing)  # postal_code, country, postal_code_country
        error = MissingCarrierInputError(
            Message(f"carriers.error.needs_{which}", {"name": carrier_name(carrier)}),
            missing=missing,
        )
        error.set_fix(Message(f"carriers.error.needs_{which}_fix"))
        raise error
    for name, value in values.items():
        if not value:
            template = drop_parameter(template, name)  # never an empty "&postalCode="
    url = template.replace("{tracking_number}", quote(url_number))
    for name, value in values.items():
        url = url.replace("{" + name + "}", quote(value or ""))
    return url.replace("{country_lower}", quote((values["country"] or "").lower()))


class TrackedLink(NamedTuple):
    """A carrier, the Rakuten name to send, the number's check and the link: each once."""

    carrier: Carrier
    rakuten_name: str
    check: NumberCheck
    url: str


def tracked_link(
    carrier: Carrier | str,
    number: str,
    postcode: str | None = None,
    country: str | None = None,
    *,
    lang: str | None = None,
    registry_: Registry | None = None,
) -> TrackedLink:
    """Resolve the carrier, validate the number and build the link, each exactly once.

    Raises:
        UnknownCarrierError: ``carrier`` is a name we do not know (closest ones attached).
        NoTrackingPageError: the carrier has no public per-number page.
        TrackingNumberError: the number (or postcode) is unsafe or invalid for the carrier.
        MissingCarrierInputError: a required extra input (postcode, country) is missing.
    """
    reg = registry_ or registry()
    if isinstance(carrier, Carrier):
        found, rakuten_name, settled = carrier, carrier.rakuten_name, None
    else:
        match = find_carrier(carrier, reg, number=number)
        if match.carrier is None:
            resolve_carrier(carrier, number, reg)  # raises, naming what the name is
            raise AssertionError  # pragma: no cover - resolve_carrier always raises here
        found = match.carrier
        rakuten_name = match.rakuten_name or found.rakuten_name
        settled = match.name.number_check if match.name else None
    if not found.has_url:
        raise _no_page(found, reg)
    check = settled or validate_number(found, number)
    if not check.valid:
        raise TrackingNumberError(
            check.message or check.reason,
            fix=Message("carriers.error.copy_again", {"name": carrier_name(found)}),
        )
    url = build_tracking_url(found, check.url_number, postcode, country, lang)
    return TrackedLink(found, rakuten_name, check, url)


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
    return tracked_link(carrier, number, postcode, country, lang=lang, registry_=registry_).url
