"""The sandbox's data model: products, buyers, addresses, sales and their items' history.

Plain mutable records the generator (``data``) fills and the store (``state``) changes under
its lock; the XML renderers read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

__all__ = [
    "Buyer",
    "ItemLog",
    "Product",
    "RecordedShipment",
    "SandboxAddress",
    "SandboxItem",
    "SandboxRelay",
    "SandboxSale",
]


@dataclass(frozen=True)
class Product:
    """An offer of the demo shop: the SKU as the seller typed it, warts included."""

    sku: str
    advert_id: str
    headline: str
    ean: str
    price: Decimal
    isbn: str = ""


@dataclass(frozen=True)
class Buyer:
    """A demo buyer and where they live."""

    first_name: str
    last_name: str
    civility: str
    address1: str
    zipcode: str
    city: str
    country: str
    alpha2: str
    phone: str


@dataclass(frozen=True)
class SandboxAddress:
    """A postal address as Rakuten renders it (``countryalpha2`` is ``FX`` for France)."""

    civility: str
    first_name: str
    last_name: str
    address1: str
    address2: str
    zipcode: str
    city: str
    country: str
    country_alpha2: str
    phone1: str
    phone2: str = ""


@dataclass(frozen=True)
class SandboxRelay:
    """The pick-up point of a relay delivery (``collectionpointaddress``)."""

    id: str
    name: str
    address: str
    zipcode: str
    city: str
    country: str
    civility: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class ItemLog:
    """One line of an item's history, as ``getiteminfos`` lists it."""

    date: datetime
    code: str
    description: str
    complement: str = ""


@dataclass(frozen=True)
class RecordedShipment:
    """What the seller declared when confirming the shipment of one item."""

    transporter: str
    tracking_number: str
    tracking_url: str
    at: datetime
    via: str  # "settrackingpackageinfos" or "importitemshippingstatus"


@dataclass
class SandboxItem:
    """One unit sold; mutable, the store changes its status under its lock."""

    item_id: str
    purchase_id: str
    product: Product
    status: str
    price: Decimal
    date: datetime
    is_preorder: bool = False
    is_nego: bool = False
    payment_status: str = "INCOMING"
    todo_causes: tuple[str, ...] = ()
    shipment: RecordedShipment | None = None
    logs: list[ItemLog] = field(default_factory=list)

    @property
    def sku(self) -> str:
        """The SKU exactly as the seller entered it on the offer (may be empty)."""
        return self.product.sku


@dataclass
class SandboxSale:
    """One purchase: a buyer, a delivery, one or more items."""

    purchase_id: str
    purchase_date: datetime
    shipping_type: str
    buyer_login: str
    buyer_email: str
    delivery: SandboxAddress
    billing: SandboxAddress
    relay: SandboxRelay | None
    shipping_cost: Decimal
    items: list[SandboxItem]
