"""Render the sandbox's answers in Rakuten's XML: ISO-8859-1, CDATA strings, French dates.

Written by hand rather than through a tree so the bytes are exactly what Rakuten sends:
the declaration, one namespace per action, empty elements kept, ``<![CDATA[...]]>`` where the
service uses it, and characters outside Latin-1 (``Ł``) as character references, which is
the only way such a document can carry them (inside CDATA they are cut out of the section).
The writing primitives are in ``_xml_writer`` (imported from here too).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rakuten_assist.sandbox._records import ServiceError
from rakuten_assist.sandbox._xml_writer import (
    CONTENT_TYPE,
    NAMESPACES,
    Echo,
    XmlWriter,
    envelope,
    format_amount,
    format_date,
    root_attributes,
)
from rakuten_assist.sandbox.data import (
    SELLER_ID,
    SandboxAddress,
    SandboxItem,
    SandboxRelay,
    SandboxSale,
)

__all__ = [
    "CONTENT_TYPE",
    "NAMESPACES",
    "Echo",
    "XmlWriter",
    "format_amount",
    "format_date",
    "render_accept",
    "render_billing_information",
    "render_error",
    "render_import",
    "render_item_infos",
    "render_item_todo_list",
    "render_proxy_page",
    "render_refuse",
    "render_sales",
    "render_shipping_information",
    "render_tracking",
]

# ISO 3166 numeric codes for acceptsale's ``importcountry``; France is 249 (metropolitan),
# the code Rakuten expects, not 250.
_NUMERIC_COUNTRY = {
    "FX": "249",
    "FR": "249",
    "BE": "56",
    "DE": "276",
    "ES": "724",
    "IT": "380",
    "CH": "756",
    "LU": "442",
    "GB": "826",
    "PL": "616",
}


def render_error(error: ServiceError) -> bytes:
    """An ``errorresponse`` with one ``<detail>`` per detail."""
    writer = XmlWriter()
    with writer.element("errorresponse", root_attributes("error")):
        with writer.element("error"):
            writer.text("type", error.type)
            writer.text("code", error.code)
            writer.text("message", error.message)
            with writer.element("details"):
                for detail in error.details:
                    writer.cdata("detail", detail)
    return writer.to_bytes()


def _address(writer: XmlWriter, tag: str, address: SandboxAddress) -> None:
    with writer.element(tag):
        writer.text("civility", address.civility)
        writer.cdata("lastname", address.last_name)
        writer.cdata("firstname", address.first_name)
        writer.cdata("address1", address.address1)
        writer.cdata("address2", address.address2)
        writer.text("zipcode", address.zipcode)
        writer.cdata("city", address.city)
        writer.cdata("country", address.country)
        writer.text("countryalpha2", address.country_alpha2)
        writer.text("phonenumber1", address.phone1)
        writer.text("phonenumber2", address.phone2)


def _relay(writer: XmlWriter, relay: SandboxRelay) -> None:
    with writer.element("collectionpointaddress"):
        writer.text("civility", relay.civility)
        writer.cdata("lastname", relay.last_name)
        writer.cdata("firstname", relay.first_name)
        writer.text("id", relay.id)
        writer.cdata("name", relay.name)
        writer.cdata("address", relay.address)
        writer.text("zipcode", relay.zipcode)
        writer.cdata("city", relay.city)
        writer.cdata("country", relay.country)


def _yes_no(flag: bool) -> str:
    return "Y" if flag else "N"


def _sale_item(writer: XmlWriter, item: SandboxItem) -> None:
    product = item.product
    with writer.element("item"):
        writer.cdata("sku", product.sku)
        writer.text("advertid", product.advert_id)
        writer.money("advertpricelisted", product.price)
        writer.text("itemid", item.item_id)
        writer.cdata("headline", product.headline)
        writer.cdata("itemstatus", item.status)
        writer.text("ispreorder", _yes_no(item.is_preorder))
        writer.text("is_fulfilment", "N")
        writer.text("isnego", _yes_no(item.is_nego))
        writer.text("negotiationcomment", "")
        writer.money("price", item.price)
        writer.text("isrsl", "N")
        writer.text("isbn", product.isbn)
        writer.text("ean", product.ean)
        writer.cdata("paymentstatus", item.payment_status)
        writer.text("sellerscore", "")


def _sale(writer: XmlWriter, sale: SandboxSale, items: Sequence[SandboxItem]) -> None:
    with writer.element("sale"):
        writer.text("purchaseid", sale.purchase_id)
        writer.text("purchasedate", format_date(sale.purchase_date))
        with writer.element("deliveryinformation"):
            writer.text("shippingtype", sale.shipping_type)
            writer.text("isfullrsl", "N")
            writer.cdata("purchasebuyerlogin", sale.buyer_login)
            writer.text("purchasebuyeremail", sale.buyer_email)
            _address(writer, "deliveryaddress", sale.delivery)
            _address(writer, "billingaddress", sale.billing)
            if sale.relay is not None:
                _relay(writer, sale.relay)
        with writer.element("items"):
            for item in items:
                _sale_item(writer, item)


def render_sales(
    action: str,
    version: str,
    user: str,
    echo: Echo,
    sales: Sequence[tuple[SandboxSale, Sequence[SandboxItem]]],
    next_token: str | None = None,
) -> bytes:
    """getnewsales / getcurrentsales; ``next_token`` None leaves ``<nexttoken>`` out."""
    writer = XmlWriter()
    with envelope(writer, f"{action}result", action, version, user, echo):
        if next_token is not None:
            writer.text("nexttoken", next_token)
        writer.text("sellerid", SELLER_ID)
        with writer.element("sales"):
            for sale, items in sales:
                _sale(writer, sale, items)
    return writer.to_bytes()


def render_item_todo_list(version: str, user: str, items: Sequence[SandboxItem]) -> bytes:
    """getitemtodolist: each item and the causes that need the seller."""
    writer = XmlWriter()
    with envelope(writer, "getitemtodolistresult", "getitemtodolist", version, user, ()):
        writer.text("sellerid", SELLER_ID)
        with writer.element("items"):
            for item in items:
                with writer.element("item"):
                    writer.text("itemid", item.item_id)
                    with writer.element("causes"):
                        for cause in item.todo_causes:
                            writer.text("cause", cause)
    return writer.to_bytes()


def render_item_infos(version: str, user: str, item: SandboxItem) -> bytes:
    """getiteminfos: status, payment status and the item's history (newest first)."""
    writer = XmlWriter()
    echo = (("itemid", item.item_id),)
    with envelope(writer, "getiteminfosresult", "getiteminfos", version, user, echo):
        writer.text("sellerid", SELLER_ID)
        with writer.element("item"):
            writer.text("itemid", item.item_id)
            writer.text("date", format_date(item.date))
            writer.text("itemstatus", item.status)
            writer.text("itemstate", "CLAIMED_AMICABLE" if item.status == "ON_HOLD" else "")
            writer.cdata(
                "itemstatelabel",
                "Réclamation en cours. Traitement amiable avec l'acheteur"
                if item.status == "ON_HOLD"
                else "",
            )
            writer.text("paymentstatus", item.payment_status)
            writer.text("sellerscore", "")
            for log in sorted(item.logs, key=lambda entry: entry.date, reverse=True):
                with writer.element("itemlog"):
                    writer.text("creationdate", format_date(log.date))
                    writer.text("itemlogcode", log.code)
                    writer.cdata("description", log.description)
                    writer.cdata("complement", log.complement)
    return writer.to_bytes()


def render_accept(version: str, user: str, echo: Echo, buyer_country: str, origin: str) -> bytes:
    """acceptsale: status ``Accepted`` with the countries of the one-stop-shop VAT scheme."""
    writer = XmlWriter()
    import_country = _NUMERIC_COUNTRY.get(buyer_country, "")
    full_echo = [*echo, ("importcountry", import_country)]
    with envelope(writer, "saleacceptanceresult", "acceptsale", version, user, full_echo):
        writer.text("status", "Accepted")
        if origin:
            writer.text("shippingfromcountry", origin)
        writer.text("importcountry", import_country)
    return writer.to_bytes()


def render_refuse(version: str, user: str, echo: Echo) -> bytes:
    """refusesale: status ``Refused``."""
    writer = XmlWriter()
    with envelope(writer, "salerefusalresult", "refusesale", version, user, echo):
        writer.text("status", "Refused")
    return writer.to_bytes()


def render_tracking(
    version: str, user: str, item_id: str, transporter: str, number: str, url: str
) -> bytes:
    """settrackingpackageinfos: root ``setshippingpackageinfosresult`` and camelCase echo."""
    writer = XmlWriter()
    with writer.element(
        "setshippingpackageinfosresult", root_attributes("settrackingpackageinfos")
    ):
        with writer.element("request"):
            writer.text("user", user)
            writer.text("itemid", item_id)
            writer.text("trackingNumber", number)
            writer.text("trackingUrl", url)
            writer.text("transporterName", transporter)
            writer.text("version", version)
        with writer.element("response"):
            writer.text("lastversion", version)
            writer.text("status", "OK")
    return writer.to_bytes()


def render_import(version: str, user: str) -> bytes:
    """importitemshippingstatus: ``importresult`` status OK (last version is newer, as seen)."""
    writer = XmlWriter()
    with writer.element("importresult", root_attributes("importitemshippingstatus")):
        with writer.element("request"):
            writer.text("user", user)
            writer.text("version", version)
        with writer.element("response"):
            writer.text("lastversion", "2021-06-29")
            writer.text("status", "OK")
    return writer.to_bytes()


def render_shipping_information(version: str, user: str, sale: SandboxSale) -> bytes:
    """getshippinginformation: shipping type, cost, buyer and addresses of one purchase."""
    writer = XmlWriter()
    echo = (("purchaseid", sale.purchase_id),)
    root = "getshippinginformationresult"
    with envelope(writer, root, "getshippinginformation", version, user, echo):
        writer.text("sellerid", SELLER_ID)
        with writer.element("shippinginformation"):
            writer.text("shippingtype", sale.shipping_type)
            with writer.element("prepaidlabel"):
                writer.text("available", "N")
                writer.text("availabilitydetail", "No prepaid label for this shipping type.")
            writer.money("purchaseshippingcostprice", sale.shipping_cost)
            writer.cdata("purchasebuyerlogin", sale.buyer_login)
            writer.text("purchasebuyeremail", sale.buyer_email)
            _address(writer, "billingaddress", sale.billing)
            _address(writer, "deliveryaddress", sale.delivery)
            if sale.relay is not None:
                _relay(writer, sale.relay)
    return writer.to_bytes()


_COMMISSION_RATE = Decimal("0.12")
_VAT_RATE = Decimal("20.0")
_CENT = Decimal("0.01")


def render_billing_information(version: str, user: str, sale: SandboxSale) -> bytes:
    """getbillinginformation: per item price, shipping share, commissions and payment."""
    writer = XmlWriter()
    echo = (("purchaseid", sale.purchase_id),)
    root = "getbillinginformationresult"
    shipping_share = (sale.shipping_cost / len(sale.items)).quantize(_CENT)
    with envelope(writer, root, "getbillinginformation", version, user, echo):
        writer.text("sellerid", SELLER_ID)
        with writer.element("billinginformation"), writer.element("items"):
            for item in sale.items:
                commission = (item.price * _COMMISSION_RATE).quantize(_CENT)
                commission_vat = (commission * _VAT_RATE / 100).quantize(_CENT)
                shipping_commission = (shipping_share * _COMMISSION_RATE).quantize(_CENT)
                shipping_vat = (shipping_commission * _VAT_RATE / 100).quantize(_CENT)
                payment = (
                    item.price
                    + shipping_share
                    - commission
                    - commission_vat
                    - shipping_commission
                    - shipping_vat
                )
                with writer.element("item"):
                    writer.text("itemid", item.item_id)
                    writer.cdata("sku", item.product.sku)
                    writer.cdata("headline", item.product.headline)
                    writer.cdata("category", "Maison & Loisirs")
                    writer.cdata("itemstatus", item.status)
                    writer.money("itemsaleprice", item.price)
                    writer.money("shippingsaleprice", shipping_share)
                    writer.text("itemcommissionvatrate", format_amount(_VAT_RATE))
                    writer.money("itemcommissionexcltax", commission)
                    writer.money("itemcommissionvat", commission_vat)
                    writer.text("shippingcommissionvatrate", format_amount(_VAT_RATE))
                    writer.money("shippingcommissionexcltax", shipping_commission)
                    writer.money("shippingcommissionvat", shipping_vat)
                    writer.money("paymentamount", payment)
    return writer.to_bytes()


_PROXY_PAGES = {
    404: ("Not Found", "The requested URL was not found on this server."),
    502: ("Bad Gateway", "The proxy server received an invalid response from an upstream server."),
}


def render_proxy_page(status: int = 502) -> bytes:
    """The HTML page the front server answers: 502 when the service is down, 404 off its path."""
    title, text = _PROXY_PAGES.get(status, _PROXY_PAGES[502])
    return (
        "<!DOCTYPE html>\n<html><head><title>"
        f"{status} {title}</title></head>\n<body><h1>{title}</h1>\n"
        f"<p>{text}</p>\n"
        "</body></html>\n"
    ).encode("ascii")
