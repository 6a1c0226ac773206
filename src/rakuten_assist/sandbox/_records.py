"""What the sandbox's requests and refusals are made of: accounts, recorded requests,
shipment requests, page tokens, and Rakuten's errors with its exact wording."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from rakuten_assist.sandbox.data import SandboxItem, SandboxSale

__all__ = [
    "ALREADY_SHIPPED",
    "BAD_NUMBER",
    "NOT_ACCEPTED",
    "NOT_AWAITING",
    "Account",
    "CurrentSalesQuery",
    "Page",
    "RecordedRequest",
    "ServiceError",
    "ShipmentRequest",
    "bad_credentials",
    "decode_token",
    "encode_token",
    "mandatory",
    "page_of_token",
    "parameter_error",
    "quota_exceeded",
    "rights_error",
]

# Rakuten's own wording, kept verbatim: clients match on these texts.
NOT_ACCEPTED = "Statut incorrect : the item must be accepted before its shipment is confirmed."
ALREADY_SHIPPED = "Cet article a déjà été expédié (item already shipped)."
NOT_AWAITING = "Statut incorrect : the item is not awaiting acceptance."
BAD_NUMBER = "Numéro incorrect : the tracking number contains invalid characters."
_QUOTA_DETAIL = (
    "You have exceeded the maximum number of requests per hour. Please contact "
    "support.pro@priceminister.com for more information."
)


class ServiceError(Exception):
    """A refusal of the web service, rendered as an ``errorresponse``.

    Attributes:
        type, code, message: the ``<error>`` children, verbatim.
        details: one ``<detail>`` each.
        status: the HTTP status it comes with (Rakuten answers some errors with 200).
    """

    def __init__(
        self,
        code: str,
        message: str,
        details: Iterable[str],
        *,
        kind: str = "Sender",
        status: int = 200,
    ) -> None:
        self.type = kind
        self.code = code
        self.message = message
        self.details = tuple(details)
        self.status = status
        super().__init__(f"{kind}/{code}: {message} {' '.join(self.details)}")


def mandatory(name: str) -> ServiceError:
    """The error for a request parameter that is missing or empty."""
    return ServiceError(
        "ParameterError",
        "Problem with parameters",
        [f"The parameter {name} is mandatory"],
        status=400,
    )


def parameter_error(*details: str) -> ServiceError:
    """The error for parameters that are present but refused (HTTP 400)."""
    return ServiceError("ParameterError", "Problem with parameters.", details, status=400)


def bad_credentials(detail: str = "Incorrect login or password") -> ServiceError:
    """The error for an unknown login or a wrong token (HTTP 200, as Rakuten does)."""
    return ServiceError("InvalidUserConnection", "Unknown user or password.", [detail])


def quota_exceeded() -> ServiceError:
    """The error after too many calls within the hour (HTTP 200)."""
    return ServiceError("InvalidUserRights", "Quota exceeded.", [_QUOTA_DETAIL])


def rights_error() -> ServiceError:
    """The error for an account that is not a Professional seller (HTTP 200)."""
    return ServiceError(
        "InvalidUserRights",
        "Access denied.",
        ["This web service is reserved for professional sellers."],
    )


@dataclass(frozen=True)
class Account:
    """A seller account the sandbox knows."""

    login: str
    token: str
    professional: bool = True


@dataclass
class RecordedRequest:
    """One request as the sandbox received it, token left out."""

    action: str
    params: dict[str, str]
    time: datetime
    method: str = "GET"
    login: str = ""
    #: the HTTP status answered (None while the request is being handled)
    status: int | None = None


@dataclass(frozen=True)
class ShipmentRequest:
    """One shipment confirmation: from settrackingpackageinfos or a line of an import file."""

    item_id: str
    transporter: str
    tracking_number: str
    tracking_url: str
    purchase_id: str | None = None


@dataclass(frozen=True)
class CurrentSalesQuery:
    """The filters of getcurrentsales (each one optional)."""

    purchased_since: date | None = None
    preorder_only: bool = False
    not_shipped_only: bool = False


@dataclass
class Page:
    """One getcurrentsales page: its sales, the token of the next one, its number."""

    sales: list[tuple[SandboxSale, list[SandboxItem]]]
    next_token: str
    number: int


def encode_token(page: int, after: int) -> str:
    # Opaque to clients, but it names the last sale served, so resuming from a token gives
    # the same next page even if sales were accepted in between.
    raw = f"{page}.{after}".encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str) -> tuple[int, int]:
    try:
        padded = token.strip() + "=" * (-len(token.strip()) % 4)
        page, after = base64.urlsafe_b64decode(padded).decode("ascii").split(".")
        return int(page), int(after)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise parameter_error("The parameter 'nexttoken' is invalid.") from exc


def page_of_token(token: str) -> int:
    """The page number a ``nexttoken`` leads to (1 without a token or with a foreign one)."""
    if not token.strip():
        return 1
    try:
        return decode_token(token)[0]
    except ServiceError:
        return 1
