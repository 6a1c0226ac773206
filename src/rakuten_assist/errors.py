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
    ├── InvalidFilterError (ValueError)           filter_orders given a value that never matches
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
    │   │   └── AmbiguousCarrierError             a name several carriers share; carries them all
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

from rakuten_assist.i18n import DEFAULT_LANG, Joined, Message
from rakuten_assist.redaction import redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AmbiguousCarrierError",
    "AuthenticationError",
    "CarrierError",
    "CatalogError",
    "ConfigError",
    "FetchInterrupted",
    "InvalidBaseURLError",
    "InvalidFilterError",
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


def render_message(message: Message | str, lang: str) -> str:
    """A message in ``lang``; a parameter that is itself a Message is rendered in ``lang`` too."""
    return message.render(lang) if isinstance(message, Message) else message


#: the system's reasons a user meets most, by errno name, as ``common.os.*`` messages
_OS_REASONS = frozenset(
    {"ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EEXIST", "ENOSPC", "EROFS", "EADDRINUSE"}
    | {"EADDRNOTAVAIL"}
)


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused (no such file, permission denied...), to say in the reader's
    language; the system's own English text for a rarer reason."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return Message(f"common.os.{name.lower()}")
    return exc.strerror or str(exc)


def cause_of(error: RakutenAssistError) -> Message | str:
    """What went wrong in ``error``, as a Message when it has one (to nest in another)."""
    return error.msg if error.msg is not None else error.message


def fix_of(error: RakutenAssistError) -> Message | str:
    """The fix of ``error``, as a Message when it has one."""
    return error.fix_msg if error.fix_msg is not None else error.fix


class RakutenAssistError(Exception):
    """Root of every error raised by rakuten_assist.

    Words are data: an error carries a ``Message`` (a catalogue id and its parameters) for
    what went wrong and for its fix, so a front end shows it in the user's language with
    ``render(lang)``. ``message`` and ``fix`` hold the English text, for logs and callers
    that only read text. A plain string is still accepted (for texts that quote Rakuten).

    Args:
        message: what went wrong, in one sentence (a ``Message`` or a text).
        fix: what the user can do about it, in one sentence (optional); by default the
            class's ``fix_id`` from the ``errors`` catalogue.
    """

    #: the catalogue id of this class's usual fix (``errors.fix.*``)
    fix_id: str | None = None
    #: a class's usual fix as text, for subclasses that have no catalogue entry yet
    default_fix: str = ""
    msg: Message | None
    fix_msg: Message | None

    def __init__(self, message: str | Message, *, fix: str | Message | None = None) -> None:
        text = render_message(message, DEFAULT_LANG)
        super().__init__(text)
        self.message = text
        self.msg = message if isinstance(message, Message) else None
        if fix is None and self.fix_id is not None:
            fix = Message(self.fix_id)
        if isinstance(fix, Message):
            self.fix = render_message(fix, DEFAULT_LANG)
            self.fix_msg = fix
        else:
            self.fix = fix if fix is not None else self.default_fix

    @property
    def message(self) -> str:
        """What went wrong, in English."""
        return self._message

    @message.setter
    def message(self, text: str) -> None:
        # A text set afterwards (redacted, completed) wins over the message id.
        self._message = text
        self.msg = None

    @property
    def fix(self) -> str:
        """What to do about it, in English ("" when nothing)."""
        return self._fix

    @fix.setter
    def fix(self, text: str) -> None:
        self._fix = text
        self.fix_msg = None

    def set_fix(self, fix: Message) -> None:
        """Replace the fix by a catalogue message (the English text follows)."""
        self.fix = render_message(fix, DEFAULT_LANG)
        self.fix_msg = fix

    def render(self, lang: str) -> tuple[str, str]:
        """(what went wrong, its fix) in ``lang``; English where a text has no message id.

        Redacted like every output: a parameter may quote a server's answer.
        """
        message = render_message(self.msg, lang) if self.msg is not None else self.message
        fix = render_message(self.fix_msg, lang) if self.fix_msg is not None else self.fix
        return redact(message), redact(fix)

    def __str__(self) -> str:
        if self.fix:
            return f"{self.message} Fix: {self.fix}"
        return self.message


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
        message: str | Message,
        *,
        fix: str | Message | None = None,
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

    fix_id = "errors.fix.api_connection"

    def __init__(self, message: str | Message, *, request_sent: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """The service did not answer in time."""

    fix_id = "errors.fix.api_timeout"


class AuthenticationError(APIError):
    """Rakuten refused the login and token ("Unknown user or password.")."""

    fix_id = "errors.fix.authentication"


class RightsError(APIError):
    """The account lacks the rights for the web service (not a Professional account)."""

    fix_id = "errors.fix.rights"


class QuotaExceededError(APIError):
    """Rakuten's hourly request quota is used up.

    Attributes:
        retry_after_s: seconds until the quota window has surely passed.
    """

    def __init__(
        self, message: str | Message, *, retry_after_s: float = 3600.0, **kwargs: Any
    ) -> None:
        kwargs.setdefault(
            "fix", Message("errors.fix.quota", {"minutes": round(retry_after_s / 60)})
        )
        super().__init__(message, **kwargs)
        self.retry_after_s = retry_after_s


class ParameterError(APIError):
    """Rakuten refused a parameter (a bad itemid, a missing mandatory value)."""

    fix_id = "errors.fix.parameter"


class ItemStatusError(ParameterError):
    """The item is not in a state that allows the action (not accepted yet, already shipped)."""

    fix_id = "errors.fix.item_status"


class ServerError(APIError):
    """Rakuten answered with a server error (5xx or a ServerError response)."""

    fix_id = "errors.fix.server"


class ResponseParseError(APIError):
    """The answer was not the XML we expect (an HTML page from a proxy, a truncated body).

    Attributes:
        truncated: the body looks cut short (worth retrying), not merely foreign.
    """

    fix_id = "errors.fix.response_parse"

    def __init__(self, message: str | Message, *, truncated: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.truncated = truncated


class ResponseTooLargeError(ResponseParseError):
    """The answer grew past the size bound; reading stopped there, the rest was never read."""

    fix_id = "errors.fix.response_too_large"


class PaginationError(APIError):
    """Rakuten's ``nexttoken`` chain would never end (a token repeats, or endless empty pages)."""

    fix_id = "errors.fix.pagination"


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
        message: str | Message,
        *,
        sales: Sequence[Any],
        pages_fetched: int,
        resume_token: str | None,
        cause: APIError,
        lines: Sequence[Any] = (),
        fix: str | Message | None = None,
    ) -> None:
        super().__init__(
            message,
            fix=fix
            or Message(
                "errors.fix.resume_pages",
                {"pages": pages_fetched, "token": repr(resume_token), "fix": fix_of(cause)},
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
            fix=fix or Message("errors.fix.unknown_carrier"),
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
