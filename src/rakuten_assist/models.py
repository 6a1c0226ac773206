"""Pydantic models of what Rakuten sends and what we send back: sales, items, addresses, money.

Tolerant by design: the parser hands these models already-cleaned values (empty and absent
elements are both ``None``), and unknown elements never reach them. Buyer personal data
(names, street, phones, e-mail) is kept out of reprs so a model printed in a log or a
notebook shows no PII.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rakuten_assist.i18n import Message

__all__ = [
    "ACCEPTABLE_STATUSES",
    "Address",
    "ItemStatus",
    "Money",
    "OrderLine",
    "RelayPoint",
    "Sale",
    "SaleItem",
    "Shipment",
    "Source",
    "status_said",
    "status_word",
]

Source = Literal["new", "current"]


class ItemStatus(StrEnum):
    """Item statuses seen from the sales web service (`itemstatus`)."""

    TO_CONFIRM = "TO_CONFIRM"
    REQUESTED = "REQUESTED"
    REMINDED = "REMINDED"
    ACCEPTED = "ACCEPTED"
    ON_HOLD = "ON_HOLD"
    PENDING_CLAIM = "PENDING_CLAIM"
    CANCELLED = "CANCELLED"
    REFUSED = "REFUSED"
    COMMITTED = "COMMITTED"
    SHIPPED = "SHIPPED"


def status_word(status: str | None) -> Message:
    """An item status (``REMINDED``) in words of the reader's language ("relancé")."""
    key = (status or "").strip().upper()
    return Message(f"common.item_status.{key if key in ItemStatus.__members__ else 'unknown'}")


def status_said(status: str) -> Message:
    """An item status in words with Rakuten's code beside it ("relancé (REMINDED)"), for
    the agent who looks it up in Rakuten's back office."""
    code = status.strip().upper()
    if code not in ItemStatus.__members__:
        return Message("common.item_status.said_unknown", {"code": code})
    return Message("common.item_status.said", {"word": status_word(code), "code": code})


#: statuses of an item still waiting for the seller to accept or refuse it
ACCEPTABLE_STATUSES = frozenset({"TO_CONFIRM", "REQUESTED", "REMINDED"})

_MODEL = ConfigDict(frozen=True, extra="ignore")


class Money(BaseModel):
    """An amount with its currency; Decimal, never float."""

    model_config = _MODEL

    amount: Decimal
    currency: str = "EUR"

    def __str__(self) -> str:
        return f"{self.amount:.2f} {self.currency}"


class Address(BaseModel):
    """A postal address of a buyer; personal fields stay out of the repr."""

    model_config = _MODEL

    civility: str | None = Field(default=None, repr=False)
    first_name: str | None = Field(default=None, repr=False)
    last_name: str | None = Field(default=None, repr=False)
    address1: str | None = Field(default=None, repr=False)
    address2: str | None = Field(default=None, repr=False)
    zipcode: str | None = None
    city: str | None = None
    country: str | None = None
    #: ISO 3166 alpha-2; Rakuten's ``FX`` (metropolitan France) is reported as ``FR``
    country_code: str | None = None
    phone1: str | None = Field(default=None, repr=False)
    phone2: str | None = Field(default=None, repr=False)


class RelayPoint(BaseModel):
    """A pick-up point chosen by the buyer (Mondial Relay, Relais Colis, Chronopost...)."""

    model_config = _MODEL

    id: str | None = None
    name: str | None = None
    address: str | None = None
    zipcode: str | None = None
    city: str | None = None
    country: str | None = None


class SaleItem(BaseModel):
    """One unit sold: Rakuten has no quantity field, each ``<item>`` is one unit."""

    model_config = _MODEL

    item_id: str
    sku: str | None = None
    advert_id: str | None = None
    ean: str | None = None
    isbn: str | None = None
    headline: str | None = None
    status: str | None = None
    payment_status: str | None = None
    price: Money | None = None
    listed_price: Money | None = None
    is_preorder: bool = False
    is_fulfilment: bool = False
    is_nego: bool = False
    is_rsl: bool = False

    @property
    def needs_acceptance(self) -> bool:
        """True while the seller still has to accept or refuse the item."""
        return (self.status or "") in ACCEPTABLE_STATUSES


class Sale(BaseModel):
    """A purchase: one buyer, one delivery, one or more items."""

    model_config = _MODEL

    purchase_id: str
    #: Europe/Paris aware datetime (Rakuten sends ``dd/mm/yyyy-HH:MM`` in French local time)
    purchase_date: datetime | None = None
    shipping_type: str | None = None
    is_full_rsl: bool = False
    buyer_login: str | None = Field(default=None, repr=False)
    buyer_email: str | None = Field(default=None, repr=False)
    delivery_address: Address | None = None
    billing_address: Address | None = None
    relay_point: RelayPoint | None = None
    items: tuple[SaleItem, ...] = ()

    @property
    def country_code(self) -> str | None:
        """The buyer's delivery country (alpha-2), falling back to the billing address."""
        for address in (self.delivery_address, self.billing_address):
            if address is not None and address.country_code:
                return address.country_code
        return None


class OrderLine(BaseModel):
    """One open item with its sale, labelled by the stream it came from."""

    model_config = _MODEL

    source: Source
    sale: Sale
    item: SaleItem


class Shipment(BaseModel):
    """Exactly what is sent to Rakuten to confirm the shipment of one item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item_id: str
    purchase_id: str | None = None
    transporter_name: str
    tracking_number: str
    tracking_url: str
