"""What the sandbox answers to each ``sales_ws`` action, once the request is authenticated.

``answer(state, params)`` checks the mandatory parameters, the credentials and the action's
version, then calls the action's function under the store's lock; every refusal comes back
as Rakuten's ``errorresponse``. The HTTP side (``server``) only moves bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree

from rakuten_assist.sandbox._records import (
    CurrentSalesQuery,
    ServiceError,
    ShipmentRequest,
    mandatory,
    parameter_error,
)
from rakuten_assist.sandbox.state import SandboxState
from rakuten_assist.sandbox.xml import (
    render_accept,
    render_billing_information,
    render_error,
    render_import,
    render_item_infos,
    render_item_todo_list,
    render_refuse,
    render_sales,
    render_shipping_information,
    render_tracking,
)

__all__ = ["ACTIONS", "answer"]

_UPLOAD_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


@dataclass(frozen=True)
class _Call:
    """One authenticated request, as the action functions see it."""

    state: SandboxState
    params: Mapping[str, str]
    version: str
    user: str
    upload: bytes | None

    def require(self, name: str) -> str:
        value = self.params.get(name, "").strip()
        if not value:
            raise mandatory(name)
        return value


# ----- actions ------------------------------------------------------------------------------


def _get_new_sales(call: _Call) -> bytes:
    return render_sales("getnewsales", call.version, call.user, (), call.state.new_sales())


def _get_current_sales(call: _Call) -> bytes:
    params = call.params
    since: date | None = None
    raw_date = params.get("purchasedate", "").strip()
    if raw_date:
        try:
            since = date.fromisoformat(raw_date)
        except ValueError:
            since = None  # Rakuten silently ignores a date it cannot read
    query = CurrentSalesQuery(
        purchased_since=since,
        preorder_only=params.get("ispendingpreorder", "").strip().lower() == "y",
        not_shipped_only=params.get("notshippeditemsonly", "").strip().lower() == "true",
    )
    token = params.get("nexttoken", "").strip()
    page = call.state.current_page(token or None, query)
    echo = [("nexttoken", token), ("ispendingpreorder", str(query.preorder_only).lower())]
    if since is not None:
        echo.append(("purchasedate", since.strftime("%d/%m/%Y")))
    if query.not_shipped_only:
        echo.append(("notshippeditemsonly", "true"))
    return render_sales(
        "getcurrentsales", call.version, call.user, echo, page.sales, page.next_token
    )


def _get_item_todo_list(call: _Call) -> bytes:
    return render_item_todo_list(call.version, call.user, call.state.todo_items())


def _known_item_id(call: _Call) -> str:
    item_id = call.require("itemid")
    try:
        call.state.item(item_id)
    except KeyError:
        raise parameter_error("The parameter 'itemid' is invalid.") from None
    return item_id


def _get_item_infos(call: _Call) -> bytes:
    item_id = _known_item_id(call)
    with call.state.lock:
        body = render_item_infos(call.version, call.user, call.state.item(item_id))
        # The answer still shows the messages; from now on they count as read (SHIBA).
        call.state.read_messages(item_id)
        return body


def _accept_sale(call: _Call) -> bytes:
    item_id = call.require("itemid")
    origin = ""
    if call.version >= "2021-04-08":
        # Since 2021 the seller must say where the parcel leaves from (EU one-stop-shop VAT).
        origin = call.require("shippingfromcountry")
        # Rakuten wants 249 for metropolitan France and refuses 250, France's usual code.
        if not origin.isdigit() or origin.lstrip("0") == "250":
            raise parameter_error("The parameter 'shippingfromcountry' is invalid.")
    item = call.state.accept(item_id)
    country = call.state.sale(item.purchase_id).delivery.country_alpha2
    echo = [("itemid", item_id)]
    if origin:
        echo.append(("shippingfromcountry", origin))
    return render_accept(call.version, call.user, echo, country, origin)


def _refuse_sale(call: _Call) -> bytes:
    item_id = call.require("itemid")
    call.state.refuse(item_id)
    return render_refuse(call.version, call.user, [("itemid", item_id)])


def _set_tracking(call: _Call) -> bytes:
    request = ShipmentRequest(
        item_id=call.require("itemid"),
        transporter=call.params.get("transporter_name", ""),
        tracking_number=call.params.get("tracking_number", ""),
        tracking_url=call.params.get("tracking_url", ""),
    )
    item = call.state.ship(request, via="settrackingpackageinfos")
    shipment = item.shipment
    assert shipment is not None  # noqa: S101 - ship() just recorded it
    return render_tracking(
        call.version,
        call.user,
        item.item_id,
        shipment.transporter,
        shipment.tracking_number,
        shipment.tracking_url,
    )


def _child_text(element: Any, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _import_shipping(call: _Call) -> bytes:
    if not call.upload:
        raise mandatory("file")
    try:
        root = etree.fromstring(call.upload, _UPLOAD_PARSER)
    except etree.XMLSyntaxError as exc:
        raise parameter_error("The parameter 'file' is invalid.") from exc
    for element in root.iter():
        # Uploaded files are read namespace-blind, like the service does.
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    requests = [
        ShipmentRequest(
            item_id=_child_text(item, "itemid"),
            transporter=_child_text(item, "transporter"),
            tracking_number=_child_text(item, "trackingnumber"),
            tracking_url=_child_text(item, "trackingurl"),
            purchase_id=_child_text(item, "purchaseid"),
        )
        for item in root.iter("item")
    ]
    if not requests:
        raise parameter_error("The parameter 'file' is invalid.")
    call.state.ship_many(requests, via="importitemshippingstatus")
    return render_import(call.version, call.user)


def _known_sale_id(call: _Call) -> str:
    purchase_id = call.require("purchaseid")
    try:
        call.state.sale(purchase_id)
    except KeyError:
        raise parameter_error("The parameter 'purchaseid' is invalid.") from None
    return purchase_id


def _get_shipping_information(call: _Call) -> bytes:
    sale = call.state.sale(_known_sale_id(call))
    with call.state.lock:
        return render_shipping_information(call.version, call.user, sale)


def _get_billing_information(call: _Call) -> bytes:
    sale = call.state.sale(_known_sale_id(call))
    with call.state.lock:
        return render_billing_information(call.version, call.user, sale)


#: action -> (accepted versions, newest first; the function that answers it)
ACTIONS: dict[str, tuple[tuple[str, ...], Callable[[_Call], bytes]]] = {
    "getnewsales": (("2017-08-07", "2016-03-16", "2014-02-11"), _get_new_sales),
    "getcurrentsales": (("2017-08-07", "2016-03-16", "2014-02-11"), _get_current_sales),
    "getitemtodolist": (("2011-09-01", "2011-02-02"), _get_item_todo_list),
    "getiteminfos": (("2017-08-07", "2011-02-02"), _get_item_infos),
    "acceptsale": (("2021-04-08", "2010-09-20"), _accept_sale),
    "refusesale": (("2010-09-20", "2021-04-08"), _refuse_sale),
    "settrackingpackageinfos": (("2016-03-16", "2012-11-06"), _set_tracking),
    "importitemshippingstatus": (("2016-05-09",), _import_shipping),
    "getshippinginformation": (
        ("2017-09-12", "2014-02-11", "2011-03-29"),
        _get_shipping_information,
    ),
    "getbillinginformation": (("2016-03-16", "2011-03-29"), _get_billing_information),
}


#: actions whose answer is rendered once per page until an item changes
_CACHED = frozenset({"getnewsales", "getcurrentsales"})


def _invalid(name: str) -> ServiceError:
    return ServiceError(
        "ParameterError",
        "Problem with parameters",
        [f"The parameter {name} is invalid"],
        status=400,
    )


def answer(
    state: SandboxState, params: Mapping[str, str], upload: bytes | None = None
) -> tuple[int, bytes]:
    """The HTTP status and XML body for one request to ``/sales_ws``, errors included."""
    try:
        for name in ("action", "login", "pwd", "version"):
            if not params.get(name, "").strip():
                raise mandatory(name)
        login = params["login"].strip()
        state.authorize(login, params["pwd"].strip())
        action = params["action"].strip().lower()
        spec = ACTIONS.get(action)
        if spec is None:
            raise _invalid("action")
        versions, function = spec
        version = params["version"].strip()
        if version not in versions:
            raise _invalid("version")
        call = _Call(state, params, version, login, upload)
        # One request at a time inside the store: a page is rendered from one consistent state.
        with state.lock:
            if action in _CACHED:
                # Read-only answers depend on the parameters and the items alone.
                key = (action, version, login, *sorted(p for p in params.items() if p[0] != "pwd"))
                return 200, state.rendered(key, lambda: function(call))
            return 200, function(call)
    except ServiceError as error:
        return error.status, render_error(error)
