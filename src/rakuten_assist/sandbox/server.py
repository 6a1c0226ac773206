"""The sandbox HTTP server: ``/sales_ws`` routing, authentication, faults, access log.

Standard library only (``http.server``), one thread per request. The access log goes to the
``rakuten_assist.sandbox`` logger with every ``pwd`` value replaced by ``***``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from rakuten_assist.redaction import redact
from rakuten_assist.sandbox._records import (
    Account,
    CurrentSalesQuery,
    RecordedRequest,
    ServiceError,
    ShipmentRequest,
    mandatory,
    page_of_token,
    parameter_error,
    quota_exceeded,
)
from rakuten_assist.sandbox.data import PARIS
from rakuten_assist.sandbox.faults import Fault, Faults
from rakuten_assist.sandbox.state import SandboxState
from rakuten_assist.sandbox.xml import (
    CONTENT_TYPE,
    render_accept,
    render_billing_information,
    render_error,
    render_import,
    render_item_infos,
    render_item_todo_list,
    render_proxy_page,
    render_refuse,
    render_sales,
    render_shipping_information,
    render_tracking,
)

__all__ = [
    "DEMO_LOGIN",
    "DEMO_TOKEN",
    "NON_PRO_LOGIN",
    "SERVICE_PATH",
    "SandboxServer",
    "demo_accounts",
]

logger = logging.getLogger("rakuten_assist.sandbox")

DEMO_LOGIN = "demo-boutique"
#: the demo token; dashes keep it from looking like a real one to secret scanners
DEMO_TOKEN = "demo-token-7f3a-2b91-sandbox"  # noqa: S105 - public demo value, sandbox only
#: a demo account without Professional rights: every call gets the rights error
NON_PRO_LOGIN = "demo-particulier"
SERVICE_PATH = "/sales_ws"

_MAX_UPLOAD_BYTES = 16 * 1024 * 1024
_SERVER_ERROR_DETAIL = "An error occurred while processing the request"
_UPLOAD_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def demo_accounts() -> dict[str, Account]:
    """The accounts every sandbox knows: the Professional demo shop and a private seller."""
    return {
        DEMO_LOGIN: Account(DEMO_LOGIN, DEMO_TOKEN, professional=True),
        NON_PRO_LOGIN: Account(NON_PRO_LOGIN, DEMO_TOKEN, professional=False),
    }


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


def _page_number(params: Mapping[str, str]) -> int:
    return page_of_token(params.get("nexttoken", ""))


def _upload_from(content_type: str, body: bytes) -> bytes | None:
    """The ``file`` field of a multipart/form-data body (or a bare XML body)."""
    if content_type.lower().startswith(("text/xml", "application/xml")):
        return body
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    for part in message.walk():
        if part.get_param("name", header="content-disposition") == "file":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else None
    return None


class _Handler(BaseHTTPRequestHandler):
    server: SandboxServer
    server_version = "RakutenSandbox/1.0"
    sys_version = ""
    # Keep-alive, as the real service behind its load balancer: a client fetching 20 pages
    # reuses one connection instead of opening one per page. Every answer has its length.
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and
        # the client's delayed ACK hold the body back ~40 ms on a kept-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._handle(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_UPLOAD_BYTES:
            self.close_connection = True  # the unread body must not be taken for a request
            self._send(413, b"", "text/plain")
            return
        body = self.rfile.read(length) if length else b""
        self._handle(_upload_from(self.headers.get("Content-Type", ""), body))

    def _handle(self, upload: bytes | None) -> None:
        url = urlsplit(self.path)
        if url.path.rstrip("/") != SERVICE_PATH:
            self._send(404, render_proxy_page(404), "text/html; charset=us-ascii")
            return
        params = {key: values[0] for key, values in parse_qs(url.query).items() if values}
        state, faults, latency = self.server.tenant(params.get("login", "").strip())
        action = params.get("action", "").strip().lower()
        record = state.record(
            RecordedRequest(
                action=action,
                params={k: v for k, v in params.items() if k != "pwd"},
                time=datetime.now(PARIS),
                method=self.command,
                login=params.get("login", ""),
            )
        )
        if latency:
            time.sleep(latency)
        fault = faults.pick(action, _page_number(params))
        status, body, content_type = self._respond(state, fault, params, upload)
        record.status = status
        self._send(status, body, content_type)

    def _respond(
        self,
        state: SandboxState,
        fault: Fault | None,
        params: Mapping[str, str],
        upload: bytes | None,
    ) -> tuple[int, bytes, str]:
        kind = fault.kind if fault else None
        if kind == "html":
            return 502, render_proxy_page(502), "text/html; charset=us-ascii"
        if kind == "server_error":
            error = ServiceError(
                "ServerError",
                "Server not able to fullfill request.",
                [_SERVER_ERROR_DETAIL],
                kind="ServerError",
                status=500,
            )
            return error.status, render_error(error), CONTENT_TYPE
        if kind == "quota":
            return 200, render_error(quota_exceeded()), CONTENT_TYPE
        if kind == "slow" and fault is not None:
            time.sleep(fault.delay)
        status, body = answer(state, params, upload)
        if kind == "truncated":
            # A proxy that dropped the rest: a complete HTTP answer, half an XML document.
            body = body[: len(body) // 2]
        return status, body, CONTENT_TYPE

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (a timeout on a "slow" fault): nothing left to tell it.
            logger.debug("client left before the answer to %s", redact(self.path))

    def log_message(self, format: str, *args: Any) -> None:
        if logger.isEnabledFor(logging.INFO):  # not formatted, nor redacted, for nobody
            logger.info("%s %s", self.address_string(), redact(format % args))


class SandboxServer(ThreadingHTTPServer):
    """The Rakuten-compatible web service on ``host:port`` (port 0: a free one).

    ``serve_forever()`` runs it in the calling thread (the ``sandbox serve`` command);
    ``running_sandbox()`` runs it in a daemon thread for tests and ``--sandbox``.

    Args:
        host, port: where to listen; loopback by default.
        seed, sales, page_size, now: the demo data (see ``sandbox.data``).
        latency_ms: added to every answer.
        fail_rate, truncate_rate: random faults (see ``Faults``).
        quota: calls allowed per login and hour (None: unlimited).
    """

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default listen backlog is 5: under a burst of simultaneous connections
    # (a fleet fetch, a load test) the kernel drops the rest and clients wait for nothing.
    # The kernel caps it at net.core.somaxconn.
    request_queue_size = 1024

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 42,
        sales: int = 40,
        page_size: int = 10,
        latency_ms: int = 0,
        fail_rate: float = 0.0,
        truncate_rate: float = 0.0,
        quota: int | None = None,
        now: datetime | None = None,
    ) -> None:
        self.state = SandboxState.seeded(
            demo_accounts(), seed=seed, sales=sales, page_size=page_size, quota=quota, now=now
        )
        self.faults = Faults(seed=seed, fail_rate=fail_rate, truncate_rate=truncate_rate)
        self.latency_seconds = max(0, latency_ms) / 1000
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        """``http://host:port``; the service itself is at ``base_url + "/sales_ws"``."""
        host, port = self.server_address[:2]
        if isinstance(host, bytes):
            host = host.decode("ascii")
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def tenant(self, login: str) -> tuple[SandboxState, Faults, float]:
        """The store, faults and latency (seconds) that serve ``login``.

        One of each here, whatever the login; the fleet sandbox (``sandbox.fleet``) serves
        each account from its own.
        """
        return self.state, self.faults, self.latency_seconds

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints tracebacks to stderr; library code logs instead.
        logger.exception("sandbox request from %s failed", client_address)


@contextmanager
def serving_in_thread(server: ThreadingHTTPServer, name: str) -> Iterator[None]:
    """Serve ``server`` from a daemon thread for the length of the block, then stop and close it."""
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"{name}-{server.server_address[1]}",
        daemon=True,
    )
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
