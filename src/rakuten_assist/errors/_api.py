"""Errors of talking to Rakuten: the ``APIError`` branch of the tree in ``errors``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rakuten_assist.errors._base import RakutenAssistError, fix_of
from rakuten_assist.i18n import Message

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "FetchInterrupted",
    "ItemStatusError",
    "PaginationError",
    "ParameterError",
    "PartialFetchError",
    "QuotaExceededError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RightsError",
    "ServerError",
]


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


class APICertificateError(APIConnectionError):
    """The server's TLS certificate failed verification: the connection was never made.

    Not transient: the same address answers with the same certificate on every attempt, so
    it is never retried (the fix is the base URL or the certificate, not waiting).
    """

    fix_id = "errors.fix.api_certificate"


class APIProxyError(APIConnectionError):
    """The environment's proxy refused for a reason that lasts: it wants credentials the
    address does not give, forbids this machine, or is not a proxy of the kind named (an HTTP
    proxy written ``socks5://``). The connection to Rakuten was never made.

    Never retried: the same proxy refuses the same way on every attempt, so waiting only
    delays the fix (the proxy's address or credentials). A proxy that cannot be reached, or
    cannot reach Rakuten, stays a plain :class:`APIConnectionError` and is retried.
    """

    fix_id = "errors.fix.proxy"


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
        pages_fetched: how many pages arrived (counting those of the run a resumed one
            continues).
        resume_token: the ``nexttoken`` to resume from (pass it as ``resume_from``).
        resume_page: the number of the page ``resume_token`` fetches (pass it as
            ``resume_page``, so the resumed run numbers its pages as this one did).
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
                {
                    "pages": pages_fetched,
                    "token": repr(resume_token),
                    "page": pages_fetched + 1,
                    "fix": fix_of(cause),
                },
            ),
            action=cause.action,
            code=cause.code,
            status_code=cause.status_code,
            detail=cause.detail,
        )
        self.sales = list(sales)
        self.pages_fetched = pages_fetched
        self.resume_token = resume_token
        self.resume_page = pages_fetched + 1
        self.resume_page = pages_fetched + 1
        self.cause = cause
        self.lines = list(lines)


class FetchInterrupted(KeyboardInterrupt):
    """Ctrl-C during a fetch: what had arrived, and where to resume.

    Attributes:
        lines: the order lines read before the interruption.
        pages_fetched: how many current-sales pages arrived (counting those of the run a
            resumed one continues).
        resume_token: the ``nexttoken`` of the first page not read (None: none was pending).
        resume_page: that page's number.
    """

    def __init__(
        self, *, lines: Sequence[Any], pages_fetched: int, resume_token: str | None
    ) -> None:
        super().__init__("interrupted")
        self.lines = list(lines)
        self.pages_fetched = pages_fetched
        self.resume_token = resume_token
        self.resume_page = pages_fetched + 1
