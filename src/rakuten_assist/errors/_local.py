"""Errors found before or beside any request: settings, carriers, shipments, catalogues.

The ``ConfigError``, ``CarrierError`` and other local branches of the tree drawn in
``rakuten_assist.errors``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rakuten_assist.errors._base import RakutenAssistError
from rakuten_assist.i18n import Joined, Message

__all__ = [
    "AmbiguousCarrierError",
    "CarrierError",
    "CatalogError",
    "ConfigError",
    "InvalidBaseURLError",
    "InvalidFilterError",
    "InvalidLoginError",
    "InvalidTokenError",
    "JournalError",
    "LoginIsEmailError",
    "MissingCarrierInputError",
    "MissingCredentialsError",
    "NoTrackingPageError",
    "RegistryError",
    "ShipmentRefusedError",
    "TrackingNumberError",
    "UnknownCarrierError",
]


# --- configuration ---------------------------------------------------------------------------


class ConfigError(RakutenAssistError, ValueError):
    """Settings that cannot work, detected before any request is sent."""


class LoginIsEmailError(ConfigError):
    """An e-mail address was given as the login; Rakuten wants the account name."""

    fix_id = "errors.fix.login_is_email"


class InvalidLoginError(ConfigError):
    """A login with characters an account name never has (spaces, quotes...)."""

    fix_id = "errors.fix.invalid_login"


class InvalidBaseURLError(ConfigError):
    """A base URL that cannot be the web service's."""

    fix_id = "errors.fix.invalid_base_url"


class MissingCredentialsError(ConfigError):
    """No login or no token was given."""

    fix_id = "errors.fix.missing_credentials"


class InvalidTokenError(ConfigError):
    """A token that cannot be a Rakuten API token (spaces inside, an e-mail, too short)."""

    fix_id = "errors.fix.invalid_token"


class InvalidFilterError(RakutenAssistError, ValueError):
    """A filter value that can never match (a country name instead of its code...)."""

    fix_id = "errors.fix.filters"


class JournalError(ConfigError):
    """The local shipment journal cannot be written: no shipment is sent unrecorded."""

    fix_id = "errors.fix.journal"


# --- carriers and shipping -------------------------------------------------------------------


class RegistryError(RakutenAssistError):
    """The carrier registry file is invalid; the message names the entry."""

    fix_id = "errors.fix.registry"


class CarrierError(RakutenAssistError):
    """A carrier or tracking problem."""


class UnknownCarrierError(CarrierError, LookupError):
    """A carrier name the registry does not know.

    Attributes:
        query: what the user typed.
        suggestions: the closest known carriers (ids), best first.
    """

    def __init__(
        self, query: str, suggestions: Sequence[str] = (), *, fix: str | Message | None = None
    ) -> None:
        close = ", ".join(suggestions)
        super().__init__(
            Message("carriers.error.unknown_closest", {"query": query, "closest": close})
            if close
            else Message("carriers.error.unknown", {"query": query}),
            # "Choose one of the closest" only when some are named.
            fix=fix
            or Message(
                "errors.fix.unknown_carrier" if close else "errors.fix.unknown_carrier_none"
            ),
        )
        self.query = query
        self.suggestions = list(suggestions)


class AmbiguousCarrierError(UnknownCarrierError):
    """A name several carriers share ("DHL", "DPD") that nothing settled on one of them.

    Attributes:
        candidates: the ids of every carrier the name can mean, best known first.
    """

    def __init__(
        self, query: str, candidates: Sequence[str], *, message: Message, fix: Message
    ) -> None:
        CarrierError.__init__(self, message, fix=fix)
        self.query = query
        self.suggestions = list(candidates)
        self.candidates = list(candidates)


class NoTrackingPageError(CarrierError):
    """A known carrier that has no public per-number tracking page."""


class TrackingNumberError(CarrierError, ValueError):
    """A tracking number that cannot belong to the carrier, or unsafe characters in it."""


class MissingCarrierInputError(CarrierError, ValueError):
    """The carrier's tracking URL needs an extra input (postcode, country) that is missing.

    Attributes:
        missing: the names of the missing inputs.
    """

    def __init__(
        self, message: str | Message, *, missing: Sequence[str], fix: str | None = None
    ) -> None:
        super().__init__(message, fix=fix)
        self.missing = list(missing)


class ShipmentRefusedError(RakutenAssistError):
    """Pre-flight found reasons Rakuten would refuse the shipment.

    Attributes:
        reasons: every reason, each a full sentence with its fix.
    """

    def __init__(self, reasons: Sequence[Message]) -> None:
        super().__init__(
            Message("errors.shipment.refused", {"reasons": Joined(tuple(reasons))}),
            fix=Message("errors.shipment.refused_fix"),
        )
        self.reasons = list(reasons)


class CatalogError(RakutenAssistError, ValueError):
    """A catalogue file that cannot be used as it is."""
