"""The errors rakuten_assist itself raises (errors.py), explained for merchants."""

from __future__ import annotations

from rakuten_assist.support._error_entry import ErrorEntry

__all__ = ["OUR_ERRORS"]

OUR_ERRORS: tuple[ErrorEntry, ...] = (
    ErrorEntry(
        id="ours.login_is_email",
        origin="rakuten_assist",
        message="The login is an e-mail address.",
        code="LoginIsEmailError",
        patterns=("is an e-mail address", "loginisemailerror", "login est une adresse e-mail"),
    ),
    ErrorEntry(
        id="ours.invalid_login",
        origin="rakuten_assist",
        message="The login does not look like a Rakuten account name.",
        code="InvalidLoginError",
        patterns=("does not look like a rakuten account name", "invalidloginerror"),
    ),
    ErrorEntry(
        id="ours.missing_login",
        origin="rakuten_assist",
        message="No Rakuten login was given.",
        code="MissingCredentialsError",
        patterns=("no rakuten login was given",),
    ),
    ErrorEntry(
        id="ours.missing_token",
        origin="rakuten_assist",
        message="No Rakuten API token was given.",
        code="MissingCredentialsError",
        patterns=("no rakuten api token was given", "missingcredentialserror"),
    ),
    ErrorEntry(
        id="ours.invalid_token",
        origin="rakuten_assist",
        message="The token cannot be a Rakuten API token.",
        code="InvalidTokenError",
        patterns=(
            "the token contains spaces",
            "the token looks like an e-mail",
            "the token is too short",
            "invalidtokenerror",
        ),
    ),
    ErrorEntry(
        id="ours.unknown_carrier",
        origin="rakuten_assist",
        message="Unknown carrier.",
        code="UnknownCarrierError",
        patterns=("unknown carrier", "unknowncarriererror", "transporteur inconnu du registre"),
    ),
    ErrorEntry(
        id="ours.no_tracking_page",
        origin="rakuten_assist",
        message="The carrier has no public tracking page.",
        code="NoTrackingPageError",
        patterns=(
            "no public tracking page",
            "no public per-number",
            "no tracking page",
            "notrackingpageerror",
            "pas de page de suivi",
        ),
    ),
    ErrorEntry(
        id="ours.missing_carrier_input",
        origin="rakuten_assist",
        message="The carrier's tracking URL needs the buyer's postcode.",
        code="MissingCarrierInputError",
        patterns=(
            "missingcarrierinputerror",
            "needs the postcode",
            "needs the postal code",
            "postcode is missing",
            "postal_code is missing",
            "requires the postcode",
        ),
    ),
    ErrorEntry(
        id="ours.tracking_number",
        origin="rakuten_assist",
        message="The tracking number cannot belong to this carrier.",
        code="TrackingNumberError",
        # The sentences our TrackingNumberError messages use, not the words of a question
        # ("what is a check digit?").
        patterns=(
            "cannot belong to this carrier",
            "trackingnumbererror",
            "check digit does not fit",
            "which is not a letter or a digit",
            "characters does not look like a",
            "unsafe characters",
        ),
    ),
    ErrorEntry(
        id="ours.shipment_refused",
        origin="rakuten_assist",
        message="Rakuten would refuse this shipment.",
        code="ShipmentRefusedError",
        patterns=("rakuten would refuse this shipment", "shipmentrefusederror"),
    ),
    ErrorEntry(
        id="ours.partial_fetch",
        origin="rakuten_assist",
        message="Page k failed: the pages fetched before are kept.",
        code="PartialFetchError",
        patterns=("page(s) were kept", "resume from token", "partialfetcherror"),
    ),
    ErrorEntry(
        id="ours.timeout",
        origin="rakuten_assist",
        message="Rakuten did not answer in time.",
        code="APITimeoutError",
        patterns=("did not answer in time", "timed out", "read timeout", "apitimeouterror"),
    ),
    ErrorEntry(
        id="ours.response_parse",
        origin="rakuten_assist",
        message="The answer was not the XML we expect.",
        code="ResponseParseError",
        patterns=("not the xml we expect", "responseparseerror", "malformed xml"),
    ),
)
