"""Turn ``<sale>`` elements into Sale models in one pass over each element's children.

Built for 10,000-sale pages (see ``bench/parse.py``): every element is visited once, the
models are validated bottom-up, and the values that repeat (the same price, a billing address
equal to the delivery address) are validated once and shared, since the models are frozen.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from rakuten_assist.api._xml import first_child, parse_bool, parse_date
from rakuten_assist.models import Address, Money, RelayPoint, Sale, SaleItem

__all__ = ["parse_sales", "sales_page"]

# Rakuten sends FX for metropolitan France (the pre-1997 ISO code); everything downstream
# (frames, CLI, filters) wants the ISO 3166 code FR.
_COUNTRY_ALIASES = {"FX": "FR", "UK": "GB"}

_ADDRESS_FIELDS = {
    "civility": "civility",
    "firstname": "first_name",
    "lastname": "last_name",
    "address1": "address1",
    "address2": "address2",
    "zipcode": "zipcode",
    "city": "city",
    "country": "country",
    "countryalpha2": "country_code",
    "phonenumber1": "phone1",
    "phonenumber2": "phone2",
}
_RELAY_FIELDS = {
    "id": "id",
    "name": "name",
    "address": "address",
    "zipcode": "zipcode",
    "city": "city",
    "country": "country",
}
# tag -> (field, kind): kind 0 text, 1 flag, 2 money
_ITEM_FIELDS: dict[str, tuple[str, int]] = {
    "itemid": ("item_id", 0),
    "sku": ("sku", 0),
    "advertid": ("advert_id", 0),
    "ean": ("ean", 0),
    "isbn": ("isbn", 0),
    "headline": ("headline", 0),
    "itemstatus": ("status", 0),
    "paymentstatus": ("payment_status", 0),
    "ispreorder": ("is_preorder", 1),
    "is_fulfilment": ("is_fulfilment", 1),
    "isnego": ("is_nego", 1),
    "isrsl": ("is_rsl", 1),
    "price": ("price", 2),
    "advertpricelisted": ("listed_price", 2),
}
_DELIVERY_TEXT = {
    "shippingtype": "shipping_type",
    "purchasebuyerlogin": "buyer_login",
    "purchasebuyeremail": "buyer_email",
}
_ADDRESS_KINDS = {
    "deliveryaddress": "delivery_address",
    "billingaddress": "billing_address",
    "collectionpointaddress": "relay_point",
}


# Element name -> what to do with it, for the single pass in ``parse_sales``.
_SALE, _SALE_TEXT, _SALE_FLAG, _ADDRESS, _ADDRESS_FIELD, _ITEM, _ITEM_TEXT, _ITEM_FLAG = range(8)
_MONEY, _MONEY_FIELD = 8, 9
_DISPATCH: dict[str, tuple[int, str]] = {
    "sale": (_SALE, ""),
    "purchaseid": (_SALE_TEXT, "purchase_id"),
    "purchasedate": (_SALE_TEXT, "purchase_date"),
    "isfullrsl": (_SALE_FLAG, "is_full_rsl"),
    **{tag: (_SALE_TEXT, key) for tag, key in _DELIVERY_TEXT.items()},
    **{tag: (_ADDRESS, key) for tag, key in _ADDRESS_KINDS.items()},
    **{tag: (_ADDRESS_FIELD, key) for tag, key in {**_RELAY_FIELDS, **_ADDRESS_FIELDS}.items()},
    "item": (_ITEM, ""),
    **{
        tag: ({0: _ITEM_TEXT, 1: _ITEM_FLAG, 2: _MONEY}[kind], key)
        for tag, (key, kind) in _ITEM_FIELDS.items()
    },
    "amount": (_MONEY_FIELD, "amount"),
    "currency": (_MONEY_FIELD, "currency"),
}


class _Builder:
    """Turns the raw values of one sale into models, sharing equal frozen values."""

    def __init__(self) -> None:
        self._money: dict[tuple[str, str], Money | None] = {}
        self._addresses: dict[tuple[tuple[str, str], ...], Address] = {}

    def money(self, raw: dict[str, str]) -> Money | None:
        amount = raw.get("amount", "")
        currency = raw.get("currency") or "EUR"
        key = (amount, currency)
        try:
            return self._money[key]
        except KeyError:
            pass
        value: Money | None = None
        if amount:
            try:
                value = Money.model_validate(
                    {"amount": amount.replace(",", "."), "currency": currency}
                )
            except ValueError:
                value = None  # an unreadable amount is reported as no amount, never as 0
        self._money[key] = value
        return value

    def address(self, raw: dict[str, str]) -> Address | None:
        # ``raw`` holds model field names already; relay-only keys are ignored by Address.
        if not raw:
            return None
        cache_key = tuple(raw.items())
        found = self._addresses.get(cache_key)
        if found is None:
            code = raw.get("country_code")
            if code is not None:
                code = code.upper()
                raw["country_code"] = _COUNTRY_ALIASES.get(code, code)
            found = Address.model_validate(raw)
            self._addresses[cache_key] = found
        return found

    def relay(self, raw: dict[str, str]) -> RelayPoint | None:
        return RelayPoint.model_validate(raw) if raw else None

    def item(self, raw: dict[str, Any]) -> SaleItem | None:
        if "item_id" not in raw:
            # An item without id cannot be accepted, shipped or matched: it is not an item.
            return None
        for key in ("price", "listed_price"):
            money = raw.get(key)
            if money is not None:
                raw[key] = self.money(money)
        return SaleItem.model_validate(raw)

    def sale(self, raw: dict[str, Any]) -> Sale | None:
        if not raw.get("purchase_id"):
            return None
        raw["purchase_date"] = parse_date(raw.get("purchase_date"))
        for key in ("delivery_address", "billing_address"):
            if key in raw:
                raw[key] = self.address(raw[key])
        if "relay_point" in raw:
            raw["relay_point"] = self.relay(raw["relay_point"])
        raw["items"] = tuple(
            item for item in (self.item(i) for i in raw.get("items", ())) if item is not None
        )
        return Sale.model_validate(raw)


def parse_sales(root: etree._Element) -> list[Sale]:
    """Every ``<sale>`` under ``root`` as a Sale (one or many; none gives an empty list).

    One pass over the elements in document order: a container (sale, address, item, money)
    opens the dict its leaves fill; unknown elements are skipped.
    """
    builder = _Builder()
    raws: list[dict[str, Any]] = []
    sale: dict[str, Any] | None = None
    address: dict[str, str] | None = None
    item: dict[str, Any] | None = None
    money: dict[str, str] | None = None
    dispatch = _DISPATCH
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag[0] == "{":
            tag = tag[tag.rfind("}") + 1 :]
        spec = dispatch.get(tag)
        if spec is None:
            continue
        kind, key = spec
        if kind == _SALE:
            sale = {"items": []}
            raws.append(sale)
            address = item = money = None
            continue
        if sale is None:
            continue
        if kind in (_ADDRESS, _ITEM, _MONEY, _SALE_FLAG, _ITEM_FLAG):
            if kind == _ADDRESS:
                address = {}
                sale[key] = address
                item = money = None
            elif kind == _ITEM:
                item = {}
                sale["items"].append(item)
                address = money = None
            elif kind == _MONEY:
                if item is not None:
                    money = {}
                    item[key] = money
            elif kind == _SALE_FLAG:
                sale[key] = parse_bool(element.text)
            elif item is not None:
                item[key] = parse_bool(element.text)
            continue
        text = element.text
        if text:
            text = text.strip()
        if not text:
            continue
        if kind == _ITEM_TEXT:
            if item is not None:
                item[key] = text
        elif kind == _ADDRESS_FIELD:
            if address is not None:
                address[key] = text
        elif kind == _MONEY_FIELD:
            if money is not None:
                money[key] = text
        elif key not in sale:
            sale[key] = text
    sales = []
    for raw in raws:
        built = builder.sale(raw)
        if built is not None:
            sales.append(built)
    return sales


def sales_page(root: etree._Element) -> tuple[list[Sale], str | None]:
    """The sales of a getcurrentsales page and the ``nexttoken`` (None on the last page)."""
    response = first_child(root, "response")
    token: str | None = None
    if response is not None:
        token_el = first_child(response, "nexttoken")
        if token_el is not None and token_el.text and token_el.text.strip():
            token = token_el.text.strip()
    return parse_sales(root), token
