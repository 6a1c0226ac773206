"""The sandbox's live store and Rakuten's business rules, behind one lock.

Every rule refuses with the exact ``(type, code, message, detail)`` Rakuten uses, raised as a
``ServiceError`` that the server renders as an ``errorresponse``; clients map those texts.
The requests' records and the errors themselves are in ``_records`` (imported from here
too).
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rakuten_assist.sandbox._records import (
    ALREADY_SHIPPED,
    BAD_NUMBER,
    NOT_ACCEPTED,
    NOT_AWAITING,
    Account,
    CurrentSalesQuery,
    Page,
    RecordedRequest,
    ServiceError,
    ShipmentRequest,
    bad_credentials,
    decode_token,
    encode_token,
    mandatory,
    page_of_token,
    parameter_error,
    quota_exceeded,
    rights_error,
)
from rakuten_assist.sandbox.data import (
    PARIS,
    ItemLog,
    RecordedShipment,
    SandboxItem,
    SandboxSale,
    generate_sales,
)

__all__ = [
    "AWAITING_ACCEPTANCE",
    "CURRENT_STATUSES",
    "Account",
    "CurrentSalesQuery",
    "RecordedRequest",
    "SandboxState",
    "ServiceError",
    "ShipmentRequest",
    "mandatory",
    "page_of_token",
    "parameter_error",
]

AWAITING_ACCEPTANCE = frozenset({"TO_CONFIRM", "REQUESTED", "REMINDED"})
#: statuses listed by getcurrentsales (accepted, possibly under a claim)
CURRENT_STATUSES = frozenset({"ACCEPTED", "ON_HOLD"})

QUOTA_WINDOW_SECONDS = 3600.0
#: getcurrentsales without a filter
_NO_FILTER = CurrentSalesQuery()

_TRACKING_NUMBER = re.compile(r"^[A-Z0-9]+$")
_ABSOLUTE_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.IGNORECASE)


@dataclass
class SandboxState:
    """The live store of one sandbox: sales, accounts, the request log, the quota counters.

    Every read and write of items goes through ``lock`` (the server is multi-threaded).
    """

    sales: list[SandboxSale]
    accounts: Mapping[str, Account]
    page_size: int = 10
    quota: int | None = None
    now: datetime = field(default_factory=lambda: datetime.now(PARIS))
    requests: list[RecordedRequest] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        self._items = {item.item_id: item for sale in self.sales for item in sale.items}
        self._sales = {sale.purchase_id: sale for sale in self.sales}
        self._calls: dict[str, deque[float]] = {}
        self._started = time.monotonic()
        #: bumped by every change to an item: answers rendered before it are stale
        self.generation = 0
        self._rendered: dict[Hashable, tuple[int, bytes]] = {}

    @classmethod
    def seeded(
        cls,
        accounts: Mapping[str, Account],
        *,
        seed: int = 42,
        sales: int = 40,
        page_size: int = 10,
        quota: int | None = None,
        now: datetime | None = None,
    ) -> SandboxState:
        """A store filled with the demo sales of ``seed`` (see ``sandbox.data``)."""
        if now is None:
            now = datetime.now(PARIS).replace(second=0, microsecond=0)
        elif now.tzinfo is None:
            now = now.replace(tzinfo=PARIS)
        return cls(
            sales=generate_sales(sales, seed=seed, now=now),
            accounts=dict(accounts),
            page_size=max(1, page_size),
            quota=quota,
            now=now.astimezone(PARIS),
        )

    # ----- reading -------------------------------------------------------------------------

    def clock(self) -> datetime:
        """The sandbox's present: ``now`` plus the real time elapsed since it started."""
        return self.now + timedelta(seconds=time.monotonic() - self._started)

    def item(self, item_id: str) -> SandboxItem:
        """The live item with this id.

        Raises:
            KeyError: no such item.
        """
        return self._items[item_id]

    def sale(self, purchase_id: str) -> SandboxSale:
        """The sale with this purchase id.

        Raises:
            KeyError: no such sale.
        """
        return self._sales[purchase_id]

    def count_requests(self, action: str | None = None) -> int:
        """How many requests were received (for one action, or all)."""
        with self.lock:
            return sum(1 for r in self.requests if action is None or r.action == action)

    def new_sales(self) -> list[tuple[SandboxSale, list[SandboxItem]]]:
        """Sales with items awaiting acceptance, with only those items."""
        with self.lock:
            found = []
            for sale in self.sales:
                items = [item for item in sale.items if item.status in AWAITING_ACCEPTANCE]
                if items:
                    found.append((sale, items))
            return found

    def current_sales(
        self, query: CurrentSalesQuery = _NO_FILTER
    ) -> list[tuple[SandboxSale, list[SandboxItem]]]:
        """Accepted sales with their accepted items, filtered as getcurrentsales does."""
        with self.lock:
            found = []
            for sale in self.sales:
                if query.purchased_since and sale.purchase_date.date() < query.purchased_since:
                    continue
                items = [
                    item
                    for item in sale.items
                    if item.status in CURRENT_STATUSES
                    and (item.is_preorder or not query.preorder_only)
                    and (item.shipment is None or not query.not_shipped_only)
                ]
                if items:
                    found.append((sale, items))
            return found

    def current_page(self, token: str | None, query: CurrentSalesQuery) -> Page:
        """One page of getcurrentsales, resumed after the sale the token names.

        Raises:
            ServiceError: a token this sandbox did not issue.
        """
        number, after = (1, 0) if not token else decode_token(token)
        with self.lock:
            rest = [
                entry for entry in self.current_sales(query) if int(entry[0].purchase_id) > after
            ]
        page = rest[: self.page_size]
        next_token = ""
        if len(rest) > self.page_size:
            next_token = encode_token(number + 1, int(page[-1][0].purchase_id))
        return Page(page, next_token, number)

    def read_messages(self, item_id: str) -> None:
        """Mark the item's messages read, as Rakuten does when getiteminfos shows the item."""
        with self.lock:
            item = self._items[item_id.strip()]
            causes = tuple(c for c in item.todo_causes if not c.startswith("UNREAD_MESSAGE"))
            if causes != item.todo_causes:
                item.todo_causes = causes
                self.generation += 1

    def todo_items(self) -> list[SandboxItem]:
        """Items that need the seller's attention (claims, unread messages)."""
        with self.lock:
            return [item for sale in self.sales for item in sale.items if item.todo_causes]

    def rendered(self, key: Hashable, render: Callable[[], bytes]) -> bytes:
        """The answer ``render`` gives, rendered once per ``key`` until an item changes.

        A fleet polls the same pages over and over; rendering one is most of the sandbox's
        work per request. Call with ``lock`` held, so nothing changes while it renders.
        """
        with self.lock:
            found = self._rendered.get(key)
            if found is not None and found[0] == self.generation:
                return found[1]
            body = render()
            if len(self._rendered) >= _RENDERED_MAX:
                # Bounded, however many filters and tokens a client tries: oldest out first.
                del self._rendered[next(iter(self._rendered))]
            self._rendered[key] = (self.generation, body)
            return body

    # ----- access --------------------------------------------------------------------------

    def record(self, request: RecordedRequest) -> RecordedRequest:
        """Add a request to the log (thread-safe) and return it."""
        with self.lock:
            self.requests.append(request)
        return request

    def authorize(self, login: str, token: str) -> Account:
        """The account of these credentials, counted against its hourly quota.

        Raises:
            ServiceError: bad credentials, an e-mail as login, no Professional rights, or
                the quota spent.
        """
        account = self.accounts.get(login)
        if account is None or account.token != token:
            if "@" in login:
                raise bad_credentials(
                    "Incorrect login or password (use the account name, not the e-mail address)"
                )
            raise bad_credentials()
        if not account.professional:
            raise rights_error()
        if self.quota is not None:
            with self.lock:
                calls = self._calls.setdefault(login, deque())
                moment = time.monotonic()
                while calls and moment - calls[0] >= QUOTA_WINDOW_SECONDS:
                    calls.popleft()
                if len(calls) >= self.quota:
                    raise quota_exceeded()
                calls.append(moment)
        return account

    # ----- writing -------------------------------------------------------------------------

    def _known_item(self, item_id: str) -> SandboxItem:
        item = self._items.get(item_id.strip())
        if item is None:
            raise parameter_error("The parameter 'itemid' is invalid.")
        return item

    def accept(self, item_id: str) -> SandboxItem:
        """Accept an item awaiting acceptance: it moves from new to current sales.

        Raises:
            ServiceError: unknown item, or an item not awaiting acceptance.
        """
        with self.lock:
            item = self._known_item(item_id)
            if item.status not in AWAITING_ACCEPTANCE:
                raise parameter_error(NOT_AWAITING)
            item.status = "ACCEPTED"
            self.generation += 1
            item.logs.append(
                ItemLog(
                    self.clock(),
                    "ITEM_COMMITTED",
                    "Vous avez confirmé la commande et vous êtes engagé(e) à livrer cet article.",
                )
            )
            return item

    def refuse(self, item_id: str) -> SandboxItem:
        """Refuse an item awaiting acceptance: it leaves both lists as REFUSED.

        Raises:
            ServiceError: unknown item, or an item not awaiting acceptance.
        """
        with self.lock:
            item = self._known_item(item_id)
            if item.status not in AWAITING_ACCEPTANCE:
                raise parameter_error(NOT_AWAITING)
            item.status = "REFUSED"
            self.generation += 1
            item.logs.append(ItemLog(self.clock(), "ITEM_REFUSED", "Vous avez refusé la vente."))
            return item

    def check_shipment(
        self, request: ShipmentRequest, shipped: set[str] | None = None
    ) -> str | None:
        """The detail Rakuten would refuse this shipment with, or None if it is accepted.

        ``shipped`` holds the item ids already confirmed earlier in the same import file.
        """
        with self.lock:
            item = self._items.get(request.item_id.strip())
            if item is None:
                return "The parameter 'itemid' is invalid."
            if request.purchase_id is not None:
                # Import files must name the purchase too; a wrong one is refused.
                if not request.purchase_id.strip():
                    return "The parameter 'purchaseid' is mandatory."
                if request.purchase_id.strip() != item.purchase_id:
                    return "The parameter 'purchaseid' is invalid."
            if not request.transporter.strip():
                return "The parameter 'transporter_name' is mandatory."
            number = request.tracking_number.strip()
            if not number:
                return "The parameter 'tracking_number' is mandatory."
            # Case is not significant for carriers; spaces, dashes and the like are refused.
            if not _TRACKING_NUMBER.match(number.upper()):
                return BAD_NUMBER
            url = request.tracking_url.strip()
            if not url:
                return "The parameter 'tracking_url' is mandatory."
            if not _ABSOLUTE_URL.match(url):
                return "The parameter 'tracking_url' is invalid."
            if item.shipment is not None or (shipped is not None and item.item_id in shipped):
                return ALREADY_SHIPPED
            if item.status not in CURRENT_STATUSES:
                return NOT_ACCEPTED
            return None

    def ship(self, request: ShipmentRequest, *, via: str) -> SandboxItem:
        """Record one shipment after checking it.

        Raises:
            ServiceError: the shipment is refused (the detail says why).
        """
        with self.lock:
            refusal = self.check_shipment(request)
            if refusal is not None:
                raise parameter_error(refusal)
            return self._apply(request, via)

    def ship_many(self, requests: list[ShipmentRequest], *, via: str) -> list[SandboxItem]:
        """Record a batch of shipments, all or none.

        Raises:
            ServiceError: one detail per refused line, prefixed with its item id; nothing
                is recorded then.
        """
        with self.lock:
            refusals = []
            shipped: set[str] = set()
            for request in requests:
                refusal = self.check_shipment(request, shipped)
                if refusal is None:
                    shipped.add(request.item_id.strip())
                else:
                    refusals.append(f"{request.item_id.strip() or '?'}: {refusal}")
            if refusals:
                raise parameter_error(*refusals)
            return [self._apply(request, via) for request in requests]

    def _apply(self, request: ShipmentRequest, via: str) -> SandboxItem:
        item = self._items[request.item_id.strip()]
        self.generation += 1
        moment = self.clock()
        item.shipment = RecordedShipment(
            transporter=request.transporter.strip(),
            tracking_number=request.tracking_number.strip(),
            tracking_url=request.tracking_url.strip(),
            at=moment,
            via=via,
        )
        item.logs.append(
            ItemLog(
                moment,
                "ITEM_SHIPPED",
                f"Vous avez confirmé l'expédition ({item.shipment.transporter} "
                f"{item.shipment.tracking_number}).",
                item.shipment.tracking_url,
            )
        )
        return item


#: answers kept per store (``SandboxState.rendered``): a fleet account's pages, with room
_RENDERED_MAX = 32
