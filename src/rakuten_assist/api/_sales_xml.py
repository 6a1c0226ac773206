"""Turn ``<sale>`` elements into Sale models in one pass over the document.

Built for 10,000-sale pages (see ``bench/parse.py``). The elements are visited once, in
document order: a container (sale, address, item) switches the map that names its leaves, so
a leaf costs one dictionary lookup. Each sale is built as soon as the walk has passed it.
Models are validated bottom-up, and the values that repeat (a price, a billing address equal
to the delivery address) are validated once and shared: the models are frozen, so sharing is
safe. ``_csales`` is the walker compiled (about 2.5 times faster); ``_collect`` here is its
pure-Python twin, used when it was not built, and the reference the tests compare it with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree
from pydantic import ValidationError

from rakuten_assist._gc import paused_gc
from rakuten_assist.api._xml import first_child, parse_bool, parse_date
from rakuten_assist.models import Address, Money, RelayPoint, Sale, SaleItem

try:
    from rakuten_assist.api import _csales
except (ImportError, ValueError):
    # Not built (no C compiler at install time), or built against an lxml whose C types have
    # changed since (Cython refuses it with a ValueError): the Python walker below does it.
    _csales = None  # type: ignore[assignment]

__all__ = ["parse_sales", "sales_page"]

# Rakuten sends FX for metropolitan France (the pre-1997 ISO code); everything downstream
# (frames, CLI, filters) wants the ISO 3166 code FR.
_COUNTRY_ALIASES = {"FX": "FR", "UK": "GB"}

# Leaves of an address (delivery, billing) or of a relay point (collectionpointaddress),
# mapped to model field names; each model ignores the names it does not have.
_ADDRESS_LEAVES = {
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
    "id": "id",
    "name": "name",
    "address": "address",
}
_ITEM_LEAVES = {
    "itemid": "item_id",
    "advertid": "advert_id",
    "ean": "ean",
    "isbn": "isbn",
    "headline": "headline",
    "itemstatus": "status",
    "paymentstatus": "payment_status",
    "ispreorder": "is_preorder",
    "is_fulfilment": "is_fulfilment",
    "isnego": "is_nego",
    "isrsl": "is_rsl",
}
_FLAGS = ("is_preorder", "is_fulfilment", "is_nego", "is_rsl")
_NO_LEAVES: dict[str, str] = {}

# Containers, and the few sale-level leaves (they may come after an address in some versions,
# so they are recognised whatever the current container).
_SALE, _ADDRESS, _RELAY, _ITEM, _MONEY, _SALE_LEAF, _SKU, _DATE = range(8)
_CONTAINERS: dict[str, tuple[int, str]] = {
    "sale": (_SALE, ""),
    "deliveryaddress": (_ADDRESS, "delivery_address"),
    "billingaddress": (_ADDRESS, "billing_address"),
    "collectionpointaddress": (_RELAY, "relay_point"),
    "item": (_ITEM, ""),
    "price": (_MONEY, "price"),
    "advertpricelisted": (_MONEY, "listed_price"),
    "purchaseid": (_SALE_LEAF, "purchase_id"),
    # Read as a Europe/Paris datetime on the spot (None when unreadable).
    "purchasedate": (_DATE, "purchase_date"),
    "shippingtype": (_SALE_LEAF, "shipping_type"),
    "isfullrsl": (_SALE_LEAF, "is_full_rsl"),
    # The SKU is kept exactly as the offer carries it (stray spaces included): SKU matching
    # reports such spaces as the reason a product is not found. Only a blank SKU is None.
    "sku": (_SKU, "sku"),
    "purchasebuyerlogin": (_SALE_LEAF, "buyer_login"),
    "purchasebuyeremail": (_SALE_LEAF, "buyer_email"),
}


def _text(element: etree._Element) -> str | None:
    text = element.text
    if text:
        text = text.strip()
    return text or None


def _money_texts(element: etree._Element) -> tuple[str, str]:
    """The stripped amount and currency (EUR when blank) of a price element.

    Reads the first ``<amount>`` and ``<currency>`` children as ``findtext`` would, without
    its path machinery: two ``findtext`` per price were a third of ``_collect``.
    """
    amount: str | None = None
    currency: str | None = None
    for child in element:
        tag = child.tag
        if tag == "amount":
            if amount is None:
                amount = child.text or ""
        elif tag == "currency" and currency is None:
            currency = child.text or ""
    return (amount or "").strip(), (currency or "").strip() or "EUR"


def _collect(root: etree._Element, on_sale: Callable[[dict[str, Any]], object]) -> None:
    """Give ``on_sale`` the raw values of each sale, as nested dicts of stripped strings.

    A sale is handed over once the next one starts (or the walk ends), so nothing that
    follows can change it; models are built while its values are still in the CPU cache.
    """
    sale: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    target: dict[str, Any] = {}
    leaves = _NO_LEAVES
    containers = _CONTAINERS
    in_sale = False
    for element in root.iter(etree.Element):
        tag = element.tag
        key = leaves.get(tag)
        if key is not None:
            text = element.text
            if text:
                text = text.strip()
                if text:
                    target[key] = text
            continue
        spec = containers.get(tag)
        if spec is None:
            continue
        kind, key = spec
        if kind == _SALE:
            if in_sale:
                on_sale(sale)
            items = []
            sale = {"items": items}
            in_sale = True
            leaves = _NO_LEAVES
        elif not in_sale:
            continue
        elif kind == _SALE_LEAF:
            text = _text(element)
            if text is not None and key not in sale:
                sale[key] = text
        elif kind == _DATE:
            text = _text(element)
            if text is not None and key not in sale:
                sale[key] = parse_date(text)
        elif kind == _SKU:
            text = element.text
            if text and text.strip() and leaves is _ITEM_LEAVES:
                target[key] = text
        elif kind == _ITEM:
            target = {}
            items.append(target)
            leaves = _ITEM_LEAVES
        elif kind == _MONEY:
            if leaves is _ITEM_LEAVES:
                target[key] = _money_texts(element)
        else:  # an address or a relay point
            target = {}
            sale[key] = target
            leaves = _ADDRESS_LEAVES
    if in_sale:
        on_sale(sale)


def _collect_sales(root: etree._Element, on_sale: Callable[[dict[str, Any]], object]) -> None:
    """``_collect`` in C when the compiled walker is built (about 2.5 times faster)."""
    if compiled_walker():
        _csales.collect(root, _CONTAINERS, _ITEM_LEAVES, _ADDRESS_LEAVES, on_sale)
    else:
        _collect(root, on_sale)


def compiled_walker() -> bool:
    """True when sales are read by the compiled walker (``_csales``), False for pure Python."""
    return _csales is not None and _csales.KINDS == (
        _SALE,
        _ADDRESS,
        _RELAY,
        _ITEM,
        _MONEY,
        _SALE_LEAF,
        _SKU,
        _DATE,
    )


# The models' validators, called directly: model_validate adds a Python call and argument
# checks per model, and a page builds about 40,000 of them.
_validate_money: Callable[[dict[str, Any]], Money] = Money.__pydantic_validator__.validate_python
_validate_address: Callable[[dict[str, Any]], Address] = (
    Address.__pydantic_validator__.validate_python
)
_validate_item: Callable[[dict[str, Any]], SaleItem] = (
    SaleItem.__pydantic_validator__.validate_python
)
_validate_sale: Callable[[dict[str, Any]], Sale] = Sale.__pydantic_validator__.validate_python


class _Builder:
    """Turns raw values into models, validating each distinct value once.

    About 40,000 models per 10,000-sale page: every step here runs that often, so the code
    favours local names and plain loops over helpers.
    """

    def __init__(self) -> None:
        self._money: dict[tuple[str, str], Money | None] = {}
        self._addresses: dict[tuple[tuple[str, str], ...], Address] = {}

    def new_money(self, key: tuple[str, str]) -> Money | None:
        """Validate a price not seen yet (amount and currency texts), and remember it."""
        amount, currency = key
        value: Money | None = None
        if amount:
            try:
                value = _validate_money({"amount": amount.replace(",", "."), "currency": currency})
            except ValidationError:
                value = None  # an unreadable amount is reported as no amount, never as 0
        self._money[key] = value
        return value

    def address(self, raw: dict[str, str]) -> Address | None:
        if not raw:
            return None
        cache_key = tuple(raw.items())
        found = self._addresses.get(cache_key)
        if found is None:
            code = raw.get("country_code")
            if code is not None:
                code = code.upper()
                raw["country_code"] = _COUNTRY_ALIASES.get(code, code)
            found = _validate_address(raw)
            self._addresses[cache_key] = found
        return found

    def items(self, raws: list[dict[str, Any]]) -> tuple[SaleItem, ...]:
        moneys = self._money
        items: list[SaleItem] = []
        for raw in raws:
            if "item_id" not in raw:
                # An item without id cannot be accepted, shipped or matched: it is not an item.
                continue
            price = raw.get("price")
            if price is not None:
                raw["price"] = moneys[price] if price in moneys else self.new_money(price)
            listed = raw.get("listed_price")
            if listed is not None:
                raw["listed_price"] = moneys[listed] if listed in moneys else self.new_money(listed)
            try:
                items.append(_validate_item(raw))
            except ValidationError:
                # A flag that is not Y/N/true/false: read it the tolerant way, field by field.
                for flag in _FLAGS:
                    if flag in raw:
                        raw[flag] = parse_bool(raw[flag])
                items.append(_validate_item(raw))
        return tuple(items)

    def sale(self, raw: dict[str, Any]) -> Sale | None:
        if not raw.get("purchase_id"):
            return None
        if "is_full_rsl" in raw:
            raw["is_full_rsl"] = parse_bool(raw["is_full_rsl"])
        delivery = raw.get("delivery_address")
        billing = raw.get("billing_address")
        # Usually the same address twice; compared before address() normalises the country.
        same = billing is not None and billing == delivery
        if delivery is not None:
            raw["delivery_address"] = self.address(delivery)
        if billing is not None:
            raw["billing_address"] = raw["delivery_address"] if same else self.address(billing)
        relay = raw.get("relay_point")
        if relay is not None:
            raw["relay_point"] = RelayPoint.model_validate(relay) if relay else None
        raw["items"] = self.items(raw["items"])
        return _validate_sale(raw)


def parse_sales(root: etree._Element) -> list[Sale]:
    """Every ``<sale>`` under ``root`` as a Sale (one or many; none gives an empty list)."""
    build = _Builder().sale
    sales: list[Sale] = []
    add = sales.append

    def on_sale(raw: dict[str, Any]) -> None:
        sale = build(raw)
        if sale is not None:
            add(sale)

    with paused_gc():
        _collect_sales(root, on_sale)
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
