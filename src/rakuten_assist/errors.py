"""Every error rakuten_assist raises, as one tree.

::

    RakutenAssistError
    ├── ConfigError (ValueError)                  bad settings, caught before any request
    │   ├── LoginIsEmailError                     an e-mail where the account name belongs
    │   ├── InvalidLoginError                     characters an account name never has
    │   ├── InvalidBaseURLError                   no scheme or host, or plain http to a remote host
    │   ├── MissingCredentialsError               no login or no token at all
    │   ├── InvalidTokenError                     a token that cannot be right
    │   └── JournalError                          the local shipment journal cannot be written
    ├── APIError                                  anything that went wrong talking to Rakuten
    │   ├── APIConnectionError                    DNS, refused, reset
    │   │   └── APITimeoutError                   no answer in time
    │   ├── AuthenticationError                   InvalidUserConnection: "Unknown user or password."
    │   ├── RightsError                           InvalidUserRights that is not the quota
    │   ├── QuotaExceededError                    "Quota exceeded.": hourly, do not retry now
    │   ├── ParameterError                        ParameterError: a bad itemid, a missing parameter
    │   │   └── ItemStatusError                   the item is not in a state that allows this
    │   ├── ServerError                           5xx or ServerError responses
    │   ├── ResponseParseError                    not the XML we expect (HTML proxy page, truncated)
    │   │   └── ResponseTooLargeError             a body above the size bound, stopped unread
    │   ├── PaginationError                       nexttoken goes round in a circle or never ends
    │   └── PartialFetchError                     page k failed: keeps pages 1..k-1 + resume token
    ├── RegistryError                             carriers.json is invalid (names the entry)
    ├── CarrierError
    │   ├── UnknownCarrierError (LookupError)     a name we do not know; carries the closest ones
    │   ├── NoTrackingPageError                   a known carrier with no public per-number page
    │   ├── TrackingNumberError (ValueError)      a number that cannot belong to the carrier
    │   └── MissingCarrierInputError (ValueError) a required extra input (postcode...) is missing
    ├── ShipmentRefusedError                      pre-flight found reasons Rakuten would refuse
    └── CatalogError (ValueError)                 a catalogue file we cannot use, with the fix

``FetchInterrupted`` (a ``KeyboardInterrupt``, not an error) carries what a fetch had read
when the user pressed Ctrl-C, and where to resume.

Every error carries a human ``fix`` next to its message; front ends show both. No error ever
holds the API token: URLs are redacted before they reach a message (see ``redact``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "CarrierError",
    "CatalogError",
    "ConfigError",
    "FetchInterrupted",
    "InvalidBaseURLError",
    "InvalidLoginError",
    "InvalidTokenError",
    "ItemStatusError",
    "JournalError",
    "LoginIsEmailError",
    "MissingCarrierInputError",
    "MissingCredentialsError",
    "NoTrackingPageError",
    "PaginationError",
    "ParameterError",
    "PartialFetchError",
    "QuotaExceededError",
    "RakutenAssistError",
    "RegistryError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RightsError",
    "ServerError",
    "ShipmentRefusedError",
    "TrackingNumberError",
    "UnknownCarrierError",
]


class RakutenAssistError(Exception):
    """Root of every error raised by rakuten_assist.

    Args:
        message: what went wrong, in one sentence.
        fix: what the user can do about it, in one sentence (optional).
    """

    default_fix: str = ""

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix if fix is not None else self.default_fix

    def __str__(self) -> str:
        if self.fix:
            return f"{self.message} Fix: {self.fix}"
        return self.message


# --- configuration ---------------------------------------------------------------------------


class ConfigError(RakutenAssistError, ValueError):
    """Settings that cannot work, detected before any request is sent."""


class LoginIsEmailError(ConfigError):
    """An e-mail address was given as the login; Rakuten wants the account name."""

    default_fix = (
        "Use the seller account name shown in the Rakuten user banner (top right once logged "
        "in), not the e-mail address: Rakuten rejects e-mails as login."
    )


class InvalidLoginError(ConfigError):
    """A login with characters an account name never has (spaces, quotes...)."""

    default_fix = "Copy the account name exactly as shown in the Rakuten user banner."


class InvalidBaseURLError(ConfigError):
    """A base URL that cannot be the web service's."""

    default_fix = (
        "Use https://ws.fr.shopping.rakuten.com (the default), or the URL printed by "
        "`rakuten-assist sandbox serve`."
    )


class MissingCredentialsError(ConfigError):
    """No login or no token was given."""

    default_fix = (
        "Pass --login and --token (or set RAKUTEN_LOGIN and RAKUTEN_TOKEN); the token is in "
        "Rakuten under Mon compte > Mes informations développeur. Or use --sandbox to try "
        "everything on the built-in sandbox."
    )


class InvalidTokenError(ConfigError):
    """A token that cannot be a Rakuten API token (spaces inside, an e-mail, too short)."""

    default_fix = (
        "Copy the token again from Mon compte > Mes informations développeur, in full and "
        "without spaces; it is not your web password."
    )


class JournalError(ConfigError):
    """The local shipment journal cannot be written: no shipment is sent unrecorded."""

    default_fix = (
        "Make the journal's folder writable, or point RAKUTEN_ASSIST_JOURNAL at a writable "
        "file, then run the same command again."
    )


# --- API -------------------------------------------------------------------------------------


class APIError(RakutenAssistError):
    """Anything that went wrong talking to the Rakuten web service.

    Attributes:
        action: the sales_ws action that failed (``getnewsales``...), when known.
        code: Rakuten's error code (``InvalidUserConnection``...), when it sent one.
        status_code: the HTTP status, when a response arrived.
        detail: Rakuten's detail text, when it sent one.
    """

    def __init__(
        self,
        message: str,
        *,
        fix: str | None = None,
        action: str | None = None,
        code: str | None = None,
        status_code: int | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message, fix=fix)
        self.action = action
        self.code = code
        self.status_code = status_code
        self.detail = detail


class APIConnectionError(APIError):
    """The service could not be reached (DNS, refused or reset connection).

    Attributes:
        request_sent: False when the request surely never reached Rakuten (the connection
            was never made), so even an action that changes state can be sent again.
    """

    default_fix = "Check the network and the base URL, then try again."

    def __init__(self, message: str, *, request_sent: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """The service did not answer in time."""

    default_fix = "Rakuten is slow right now: try again in a few minutes, or raise the timeout."


class AuthenticationError(APIError):
    """Rakuten refused the login and token ("Unknown user or password.")."""

    default_fix = (
        "Check the login is the account name from the Rakuten user banner (not the e-mail) and "
        "copy the token again from Mon compte > Mes informations développeur."
    )


class RightsError(APIError):
    """The account lacks the rights for the web service (not a Professional account)."""

    default_fix = (
        "The sales web service only works for Professional seller accounts: ask Rakuten to "
        "switch the account to Professional, then try again."
    )


class QuotaExceededError(APIError):
    """Rakuten's hourly request quota is used up.

    Attributes:
        retry_after_s: seconds until the quota window has surely passed.
    """

    def __init__(self, message: str, *, retry_after_s: float = 3600.0, **kwargs: Any) -> None:
        kwargs.setdefault(
            "fix",
            "Rakuten counts requests per hour; wait a full hour from this refusal (about "
            f"{round(retry_after_s / 60)} min) before calling again, and do not retry now. "
            "(Whether Rakuten's hour is rolling or by the clock is not published: a full hour "
            "is enough under either.)",
        )
        super().__init__(message, **kwargs)
        self.retry_after_s = retry_after_s


class ParameterError(APIError):
    """Rakuten refused a parameter (a bad itemid, a missing mandatory value)."""

    default_fix = "Check the ids and values sent; the detail names the parameter Rakuten refused."


class ItemStatusError(ParameterError):
    """The item is not in a state that allows the action (not accepted yet, already shipped)."""

    default_fix = (
        "Accept the sale first (or check it was not already shipped or cancelled) before "
        "sending tracking information."
    )


class ServerError(APIError):
    """Rakuten answered with a server error (5xx or a ServerError response)."""

    default_fix = "Rakuten had a problem on its side: try again in a few minutes."


class ResponseParseError(APIError):
    """The answer was not the XML we expect (an HTML page from a proxy, a truncated body).

    Attributes:
        truncated: the body looks cut short (worth retrying), not merely foreign.
    """

    default_fix = (
        "Something between us and Rakuten answered instead of the web service (or the answer "
        "was cut): check the base URL and any proxy, then try again."
    )

    def __init__(self, message: str, *, truncated: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.truncated = truncated


class ResponseTooLargeError(ResponseParseError):
    """The answer grew past the size bound; reading stopped there, the rest was never read."""

    default_fix = (
        "Fetch fewer sales at a time (a later purchasedate), or raise Settings.max_body_bytes "
        "if the account really has that many open orders."
    )


class PaginationError(APIError):
    """Rakuten's ``nexttoken`` chain would never end (a token repeats, or endless empty pages)."""

    default_fix = (
        "This is a fault of the web service: report it to Rakuten support with the time of "
        "the call; meanwhile fetch by date (purchasedate) to read the remaining pages."
    )


class PartialFetchError(APIError):
    """A page failed after earlier pages arrived: nothing fetched so far is lost.

    Attributes:
        sales: the sales fetched before the failure (pages 1..k-1).
        pages_fetched: how many pages arrived.
        resume_token: the ``nexttoken`` to resume from (pass it as ``resume_from``).
        lines: the order lines assembled so far (``fetch_open_orders`` fills it: the new
            sales plus pages 1..k-1 of the current sales).
    """

    def __init__(
        self,
        message: str,
        *,
        sales: Sequence[Any],
        pages_fetched: int,
        resume_token: str | None,
        cause: APIError,
        lines: Sequence[Any] = (),
        fix: str | None = None,
    ) -> None:
        super().__init__(
            message,
            fix=fix
            or (
                f"{pages_fetched} page(s) were kept; resume from token {resume_token!r} "
                f"(resume_from=... / --resume-from) once the cause is fixed: {cause.fix}"
            ),
            action=cause.action,
            code=cause.code,
            status_code=cause.status_code,
            detail=cause.detail,
        )
        self.sales = list(sales)
        self.pages_fetched = pages_fetched
        self.resume_token = resume_token
        self.cause = cause
        self.lines = list(lines)


class FetchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a fetch: what had arrived, and where to resume.

    Attributes:
        lines: the order lines read before the interruption.
        pages_fetched: how many current-sales pages arrived.
        resume_token: the ``nexttoken`` of the first page not read (None: none was pending).
    """

    def __init__(
        self, *, lines: Sequence[Any], pages_fetched: int, resume_token: str | None
    ) -> None:
        super().__init__("interrupted")
        self.lines = list(lines)
        self.pages_fetched = pages_fetched
        self.resume_token = resume_token


# --- carriers and shipping -------------------------------------------------------------------


class RegistryError(RakutenAssistError):
    """The carrier registry file is invalid; the message names the entry."""

    default_fix = "Correct the named entry of carriers.json (its schema is in docs/carriers.md)."


class CarrierError(RakutenAssistError):
    """A carrier or tracking problem."""


class UnknownCarrierError(CarrierError, LookupError):
    """A carrier name the registry does not know.

    Attributes:
        query: what the user typed.
        suggestions: the closest known carriers (ids), best first.
    """

    def __init__(
        self, query: str, suggestions: Sequence[str] = (), *, fix: str | None = None
    ) -> None:
        close = ", ".join(suggestions)
        super().__init__(
            f"Unknown carrier {query!r}." + (f" Closest: {close}." if close else ""),
            fix=fix
            or (
                "Pick one of the closest carriers, or run `rakuten-assist carriers list`; we "
                "never invent a tracking URL for a carrier we do not know."
            ),
        )
        self.query = query
        self.suggestions = list(suggestions)


class NoTrackingPageError(CarrierError):
    """A known carrier that has no public per-number tracking page."""


class TrackingNumberError(CarrierError, ValueError):
    """A tracking number that cannot belong to the carrier, or unsafe characters in it."""


class MissingCarrierInputError(CarrierError, ValueError):
    """The carrier's tracking URL needs an extra input (postcode, country) that is missing.

    Attributes:
        missing: the names of the missing inputs.
    """

    def __init__(self, message: str, *, missing: Sequence[str], fix: str | None = None) -> None:
        super().__init__(message, fix=fix)
        self.missing = list(missing)


class ShipmentRefusedError(RakutenAssistError):
    """Pre-flight found reasons Rakuten would refuse the shipment.

    Attributes:
        reasons: every reason, each a full sentence with its fix.
    """

    def __init__(self, reasons: Sequence[str]) -> None:
        super().__init__(
            "Rakuten would refuse this shipment: " + " ".join(reasons),
            fix="Correct each reason above, then run the dry run again before --send.",
        )
        self.reasons = list(reasons)


class CatalogError(RakutenAssistError, ValueError):
    """A catalogue file that cannot be used as it is."""
