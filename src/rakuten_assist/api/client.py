"""RakutenClient: the sales_ws actions, one method each, with the versions the service expects."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from xml.sax.saxutils import escape

import httpx

from rakuten_assist.api._http import Transport
from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api._sales_xml import parse_sales, sales_page
from rakuten_assist.api.responses import (
    AcceptResult,
    BillingInformation,
    ItemInfos,
    ShippingInformation,
    TodoItem,
    parse_accept,
    parse_billing,
    parse_item_infos,
    parse_shipping,
    parse_status,
    parse_todo,
)
from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import APIError, PaginationError, PartialFetchError, cause_of, fix_of
from rakuten_assist.i18n import DEFAULT_LANG, Message, t
from rakuten_assist.models import Sale, Shipment

__all__ = ["FRANCE_ISO_NUMERIC", "VERSIONS", "CurrentSalesPage", "RakutenClient"]

#: the version each action is called with (the newest one integrators use, see the reference)
VERSIONS = {
    "getnewsales": "2017-08-07",
    "getcurrentsales": "2017-08-07",
    "getitemtodolist": "2011-09-01",
    "getiteminfos": "2017-08-07",
    "acceptsale": "2021-04-08",
    "refusesale": "2010-09-20",
    "settrackingpackageinfos": "2016-03-16",
    "importitemshippingstatus": "2016-05-09",
    "getshippinginformation": "2017-09-12",
    "getbillinginformation": "2016-03-16",
}

#: empty pages in a row, each with a next token, after which the pagination is called endless
MAX_EMPTY_PAGES_IN_A_ROW = 10

#: Rakuten wants metropolitan France as 249 (ISO 3166 numeric of "FX"), not 250
FRANCE_ISO_NUMERIC = 249


@dataclass(frozen=True)
class CurrentSalesPage:
    """One page of getcurrentsales.

    Attributes:
        number: 1-based page number, counting the pages of the run a resumed one continues.
        sales: the sales on the page.
        token: the token this page was fetched with (None for the first page).
        next_token: the token of the next page, None on the last one.
    """

    number: int
    sales: list[Sale]
    token: str | None
    next_token: str | None


class RakutenClient:
    """A sales_ws client for one seller account (synchronous, thread-safe).

    Args:
        credentials: the account name and API token.
        settings: base URL and timeouts (production by default).
        transport: an httpx transport instead of the network (tests use respx).
        retry: the retry policy (defaults to ``settings.max_attempts`` attempts).
        sleep: how to wait between retries (tests pass a no-op).

    Example:
        >>> with RakutenClient(Credentials.from_env()) as client:  # doctest: +SKIP
        ...     sales = client.get_new_sales()
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        settings: Settings | None = None,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.credentials = credentials
        self.settings = settings or Settings.from_env()
        self._transport = Transport(
            credentials, self.settings, transport=transport, policy=retry, sleep=sleep
        )

    def __repr__(self) -> str:
        return (
            f"RakutenClient(login={self.credentials.login!r}, base_url="
            f"{self.settings.base_url!r}, token=***)"
        )

    def __enter__(self) -> RakutenClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._transport.close()

    # --- sales ------------------------------------------------------------------------------

    def get_new_sales(self) -> list[Sale]:
        """Sales awaiting acceptance (getnewsales); not paginated."""
        root = self._transport.request("getnewsales", VERSIONS["getnewsales"])
        return parse_sales(root)

    def iter_current_sales_pages(
        self,
        *,
        purchase_date: date | str | None = None,
        pending_preorder: bool = False,
        not_shipped_only: bool = False,
        resume_from: str | None = None,
        resume_page: int = 1,
    ) -> Iterator[CurrentSalesPage]:
        """Every page of getcurrentsales, following ``nexttoken`` until it is empty.

        Args:
            purchase_date: only sales from that day on (Rakuten silently ignores a bad one).
            pending_preorder: only pre-orders (``ispendingpreorder=y``).
            not_shipped_only: only items not shipped yet.
            resume_from: a ``nexttoken`` from an earlier, interrupted run.
            resume_page: the number of the page ``resume_from`` fetches (the interrupted
                run's ``resume_page``), so pages are numbered as in that run.

        Raises:
            PartialFetchError: a page after the first failed; carries the sales so far and
                the token to resume from. Also when the pagination would never end (a token
                seen before, or too many empty pages in a row): its cause is then a
                PaginationError and it carries every sale fetched.
        """
        token = resume_from
        # Numbered as in the run resumed: "page 7" means the same page in both runs.
        first = max(resume_page, 1) if resume_from else 1
        number = first - 1
        fetched: list[Sale] = []
        # Every token followed so far: one seen again means the pages go round in a circle.
        seen: set[str] = {resume_from} if resume_from else set()
        empty_in_a_row = 0
        params: dict[str, str] = {}
        if purchase_date is not None:
            params["purchasedate"] = (
                purchase_date.isoformat() if isinstance(purchase_date, date) else purchase_date
            )
        if pending_preorder:
            params["ispendingpreorder"] = "y"
        if not_shipped_only:
            params["notshippeditemsonly"] = "true"
        while True:
            number += 1
            page_params = dict(params)
            if token:
                page_params["nexttoken"] = token
            try:
                root = self._transport.request(
                    "getcurrentsales", VERSIONS["getcurrentsales"], page_params
                )
                sales, next_token = sales_page(root)
            except APIError as exc:
                if number == first and resume_from is None:
                    raise
                raise PartialFetchError(
                    Message(
                        "errors.api.page_failed",
                        {"page": number, "arrived": number - 1, "cause": cause_of(exc)},
                    ),
                    sales=fetched,
                    pages_fetched=number - 1,
                    resume_token=token,
                    cause=exc,
                ) from exc
            fetched.extend(sales)
            yield CurrentSalesPage(number=number, sales=sales, token=token, next_token=next_token)
            if not next_token:
                return
            empty_in_a_row = 0 if sales else empty_in_a_row + 1
            if next_token in seen or empty_in_a_row >= MAX_EMPTY_PAGES_IN_A_ROW:
                cause = PaginationError(
                    Message("errors.api.pagination_cycle", {"page": number})
                    if next_token in seen
                    else Message("errors.api.pagination_empty", {"count": empty_in_a_row}),
                    action="getcurrentsales",
                )
                raise PartialFetchError(
                    Message(
                        "errors.api.pages_stopped", {"pages": number, "cause": cause_of(cause)}
                    ),
                    sales=fetched,
                    pages_fetched=number,
                    resume_token=None,
                    cause=cause,
                    fix=Message(
                        "errors.api.pages_kept", {"count": len(fetched), "fix": fix_of(cause)}
                    ),
                )
            seen.add(next_token)
            token = next_token

    def get_current_sales(
        self,
        *,
        purchase_date: date | str | None = None,
        pending_preorder: bool = False,
        not_shipped_only: bool = False,
    ) -> list[Sale]:
        """Every accepted, open sale (all pages of getcurrentsales)."""
        sales: list[Sale] = []
        for page in self.iter_current_sales_pages(
            purchase_date=purchase_date,
            pending_preorder=pending_preorder,
            not_shipped_only=not_shipped_only,
        ):
            sales.extend(page.sales)
        return sales

    def get_item_todo_list(self) -> list[TodoItem]:
        """Items needing attention: claims, unread messages (getitemtodolist)."""
        return parse_todo(self._transport.request("getitemtodolist", VERSIONS["getitemtodolist"]))

    def get_item_infos(self, item_id: str) -> ItemInfos:
        """Status and history of one item (getiteminfos; marks its messages read)."""
        root = self._transport.request(
            "getiteminfos", VERSIONS["getiteminfos"], {"itemid": str(item_id)}
        )
        return parse_item_infos(root, str(item_id))

    def accept_sale(
        self, item_id: str, shipping_from_country: int = FRANCE_ISO_NUMERIC
    ) -> AcceptResult:
        """Accept one item (acceptsale).

        Args:
            item_id: the item, not the purchase: acceptance is per unit.
            shipping_from_country: ISO 3166 numeric code of the country the parcel leaves
                from; metropolitan France is 249 (Rakuten refuses 250).
        """
        root = self._transport.request(
            "acceptsale",
            VERSIONS["acceptsale"],
            {"itemid": str(item_id), "shippingfromcountry": str(int(shipping_from_country))},
        )
        return parse_accept(root, str(item_id))

    def refuse_sale(self, item_id: str) -> str:
        """Refuse one item (refusesale); returns Rakuten's status text."""
        root = self._transport.request(
            "refusesale", VERSIONS["refusesale"], {"itemid": str(item_id)}
        )
        return parse_status(root)

    def get_shipping_information(self, purchase_id: str) -> ShippingInformation:
        """Shipping mode, cost and prepaid label of a purchase (getshippinginformation)."""
        root = self._transport.request(
            "getshippinginformation",
            VERSIONS["getshippinginformation"],
            {"purchaseid": str(purchase_id)},
        )
        return parse_shipping(root, str(purchase_id))

    def get_billing_information(self, purchase_id: str) -> BillingInformation:
        """Prices and commissions per item of a purchase (getbillinginformation)."""
        root = self._transport.request(
            "getbillinginformation",
            VERSIONS["getbillinginformation"],
            {"purchaseid": str(purchase_id)},
        )
        return parse_billing(root, str(purchase_id))

    # --- shipping ---------------------------------------------------------------------------

    def set_tracking_package_infos(self, shipment: Shipment) -> str:
        """Confirm the shipment of one item with its tracking (settrackingpackageinfos).

        Rakuten e-mails the buyer the tracking link; it refuses a shipment without one.
        Returns Rakuten's status (``OK``).
        """
        root = self._transport.request(
            "settrackingpackageinfos",
            VERSIONS["settrackingpackageinfos"],
            {
                "itemid": shipment.item_id,
                "transporter_name": shipment.transporter_name,
                "tracking_number": shipment.tracking_number,
                "tracking_url": shipment.tracking_url,
            },
        )
        return parse_status(root)

    def import_item_shipping_status(self, shipments: Sequence[Shipment]) -> str:
        """Confirm many shipments in one upload (importitemshippingstatus, multipart POST).

        Every shipment needs its ``purchase_id``. Returns Rakuten's status (``OK``).

        Raises:
            ValueError: no shipments, or one without purchase id.
        """
        if not shipments:
            raise ValueError(t("errors.upload.no_shipments", DEFAULT_LANG))
        missing = [s.item_id for s in shipments if not s.purchase_id]
        if missing:
            raise ValueError(t("errors.upload.no_purchase", DEFAULT_LANG, items=", ".join(missing)))
        root = self._transport.request(
            "importitemshippingstatus",
            VERSIONS["importitemshippingstatus"],
            files={"file": ("shipping.xml", shipping_file(shipments), "text/xml")},
        )
        return parse_status(root)


def shipping_file(shipments: Sequence[Shipment]) -> bytes:
    """The XML file importitemshippingstatus expects, UTF-8 without BOM."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<items>"]
    for s in shipments:
        lines.append(
            "<item>"
            f"<purchaseid>{escape(s.purchase_id or '')}</purchaseid>"
            f"<itemid>{escape(s.item_id)}</itemid>"
            f"<transporter>{escape(s.transporter_name)}</transporter>"
            f"<trackingnumber>{escape(s.tracking_number)}</trackingnumber>"
            f"<trackingurl>{escape(s.tracking_url)}</trackingurl>"
            "</item>"
        )
    lines.append("</items>")
    return "\n".join(lines).encode("utf-8")
