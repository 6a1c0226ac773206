"""Models of the smaller sales_ws answers: to-do list, item infos, shipping and billing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from lxml import etree
from pydantic import BaseModel, ConfigDict, Field

from rakuten_assist.api._xml import (
    children_text,
    first_child,
    iter_named,
    local_name,
    parse_date,
    parse_money,
)
from rakuten_assist.models import Address, Money

__all__ = [
    "AcceptResult",
    "BillingInformation",
    "BillingLine",
    "ItemInfos",
    "ItemLog",
    "ShippingInformation",
    "TodoItem",
    "parse_accept",
    "parse_billing",
    "parse_item_infos",
    "parse_shipping",
    "parse_status",
    "parse_todo",
]

_MODEL = ConfigDict(frozen=True, extra="ignore")


class TodoItem(BaseModel):
    """An item that needs the seller's attention, with why (CLAIM, UNREAD_MESSAGE_...)."""

    model_config = _MODEL
    item_id: str
    causes: tuple[str, ...] = ()


class ItemLog(BaseModel):
    """One event of an item's history."""

    model_config = _MODEL
    date: datetime | None = None
    code: str | None = None
    description: str | None = None


class ItemInfos(BaseModel):
    """getiteminfos: status and history of one item (calling it marks messages as read)."""

    model_config = _MODEL
    item_id: str
    status: str | None = None
    state: str | None = None
    state_label: str | None = None
    payment_status: str | None = None
    available_actions: tuple[str, ...] = ()
    logs: tuple[ItemLog, ...] = ()


class ShippingInformation(BaseModel):
    """getshippinginformation: how the buyer paid for shipping and any prepaid label."""

    model_config = _MODEL
    purchase_id: str
    shipping_type: str | None = None
    shipping_cost: Money | None = None
    prepaid_label_available: bool = False
    tracking_number: str | None = None
    tracking_url: str | None = None
    buyer_login: str | None = Field(default=None, repr=False)
    billing_address: Address | None = None


class BillingLine(BaseModel):
    """One item of getbillinginformation: sale price and commissions."""

    model_config = _MODEL
    item_id: str
    sku: str | None = None
    headline: str | None = None
    status: str | None = None
    sale_price: Money | None = None
    shipping_price: Money | None = None
    commission: Decimal | None = None
    payment_amount: Money | None = None


class BillingInformation(BaseModel):
    """getbillinginformation for one purchase."""

    model_config = _MODEL
    purchase_id: str
    lines: tuple[BillingLine, ...] = ()


class AcceptResult(BaseModel):
    """What acceptsale answered."""

    model_config = _MODEL
    item_id: str
    status: str | None = None
    shipping_from_country: str | None = None


def _response(root: etree._Element) -> etree._Element:
    response = first_child(root, "response")
    return root if response is None else response


def _money(element: etree._Element | None) -> Money | None:
    value = parse_money(element)
    return Money(amount=value[0], currency=value[1]) if value else None


def parse_status(root: etree._Element) -> str:
    """The ``<status>`` of a simple answer (``OK``, ``Accepted``), empty when absent."""
    status = first_child(_response(root), "status")
    return (status.text or "").strip() if status is not None else ""


def parse_accept(root: etree._Element, item_id: str) -> AcceptResult:
    """An acceptsale answer."""
    values = children_text(_response(root))
    return AcceptResult(
        item_id=item_id,
        status=values.get("status"),
        shipping_from_country=values.get("shippingfromcountry"),
    )


def parse_todo(root: etree._Element) -> list[TodoItem]:
    """A getitemtodolist answer: one entry per item, one or many causes each."""
    out = []
    for item in iter_named(root, "item"):
        values = children_text(item)
        if not values.get("itemid"):
            continue
        causes = tuple(
            (c.text or "").strip() for c in iter_named(item, "cause") if (c.text or "").strip()
        )
        out.append(TodoItem(item_id=values["itemid"] or "", causes=causes))
    return out


def parse_item_infos(root: etree._Element, item_id: str) -> ItemInfos:
    """A getiteminfos answer."""
    item = first_child(_response(root), "item")
    if item is None:
        return ItemInfos(item_id=item_id)
    values = children_text(item)
    logs = []
    for log in iter_named(item, "itemlog"):
        log_values = children_text(log)
        logs.append(
            ItemLog(
                date=parse_date(log_values.get("creationdate")),
                code=log_values.get("itemlogcode"),
                description=log_values.get("description"),
            )
        )
    actions_el = first_child(item, "availableactions")
    actions: tuple[str, ...] = ()
    if actions_el is not None:
        actions = tuple(
            (a.text or "").strip() for a in actions_el if (a.text or "").strip()
        ) or tuple(filter(None, [(actions_el.text or "").strip()]))
    return ItemInfos(
        item_id=values.get("itemid") or item_id,
        status=values.get("itemstatus"),
        state=values.get("itemstate"),
        state_label=values.get("itemstatelabel"),
        payment_status=values.get("paymentstatus"),
        available_actions=actions,
        logs=tuple(logs),
    )


def _address(element: etree._Element | None) -> Address | None:
    if element is None:
        return None
    v = children_text(element)
    code = (v.get("countryalpha2") or "").upper() or None
    return Address(
        civility=v.get("civility"),
        first_name=v.get("firstname"),
        last_name=v.get("lastname"),
        address1=v.get("address1"),
        address2=v.get("address2"),
        zipcode=v.get("zipcode"),
        city=v.get("city"),
        country=v.get("country"),
        country_code="FR" if code == "FX" else code,
        phone1=v.get("phonenumber1"),
        phone2=v.get("phonenumber2"),
    )


def parse_shipping(root: etree._Element, purchase_id: str) -> ShippingInformation:
    """A getshippinginformation answer."""
    found = iter_named(root, "shippinginformation")
    info = found[0] if found else _response(root)
    values = children_text(info)
    label = first_child(info, "prepaidlabel")
    label_values = children_text(label) if label is not None else {}
    tracking = first_child(label, "trackinginformation") if label is not None else None
    tracking_values = children_text(tracking) if tracking is not None else {}
    return ShippingInformation(
        purchase_id=purchase_id,
        shipping_type=values.get("shippingtype"),
        shipping_cost=_money(first_child(info, "purchaseshippingcostprice")),
        prepaid_label_available=(label_values.get("available") or "").upper() == "Y",
        tracking_number=tracking_values.get("trackingnumber"),
        tracking_url=tracking_values.get("trackingurl"),
        buyer_login=values.get("purchasebuyerlogin"),
        billing_address=_address(first_child(info, "billingaddress")),
    )


def _decimal(text: str | None) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def parse_billing(root: etree._Element, purchase_id: str) -> BillingInformation:
    """A getbillinginformation answer."""
    lines = []
    for item in iter_named(root, "item"):
        parent = item.getparent()
        if parent is None or local_name(parent.tag) != "items":
            continue
        values = children_text(item)
        if not values.get("itemid"):
            continue
        commission = _money(first_child(item, "itemcommissionexcltax"))
        lines.append(
            BillingLine(
                item_id=values["itemid"] or "",
                sku=values.get("sku"),
                headline=values.get("headline"),
                status=values.get("itemstatus"),
                sale_price=_money(first_child(item, "itemsaleprice")),
                shipping_price=_money(first_child(item, "shippingsaleprice")),
                commission=commission.amount
                if commission
                else _decimal(values.get("itemcommissionexcltax")),
                payment_amount=_money(first_child(item, "paymentamount")),
            )
        )
    return BillingInformation(purchase_id=purchase_id, lines=tuple(lines))
