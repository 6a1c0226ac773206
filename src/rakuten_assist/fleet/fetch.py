"""Every open order of every account, concurrently; one account's failure stops only itself.

``fetch_fleet(accounts)`` sends httpx's async requests: at most ``concurrency`` requests in
flight for the whole fleet and at most ``concurrency`` accounts started at once, each account's
calls counted against its own hourly budget. An account that fails (wrong token, not
Professional, quota, timeout, a page that keeps failing) gets its error recorded, with the
items that did arrive, and the others go on.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from rakuten_assist._gc import paused_gc
from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.api._sales_xml import parse_sales, sales_page
from rakuten_assist.api.client import VERSIONS
from rakuten_assist.api.orders import _merge
from rakuten_assist.config import Settings
from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.fleet._async_client import AsyncAccountClient, Lanes, Sleep
from rakuten_assist.fleet.accounts import FleetAccount
from rakuten_assist.fleet.quota import HourlyBudget
from rakuten_assist.i18n import t
from rakuten_assist.models import OrderLine, Sale

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AccountOutcome",
    "FleetInterrupted",
    "FleetProgress",
    "FleetRun",
    "fetch_fleet",
    "fetch_fleet_async",
]

T = TypeVar("T")

logger = logging.getLogger("rakuten_assist.fleet")

#: a page chain longer than this is a loop on the service's side, not open orders
_MAX_PAGES = 10_000


@dataclass
class AccountOutcome:
    """What one account's fetch gave: its items, or its error (and the items before it).

    Attributes:
        label: the account's label in the accounts file.
        login: its Rakuten account name.
        lines: the open items that arrived (all of them when ``ok``).
        error: the failure, token scrubbed; None when every call succeeded.
        calls: requests sent for this account in this run (each attempt counts).
        pages: current-sales pages read.
        started, finished: when its fetch began and ended (UTC).
        sku_known: per line, its SKU is in the catalogue (True), not (False), empty (None).
    """

    label: str
    login: str
    lines: list[OrderLine] = field(default_factory=list)
    error: RakutenAssistError | None = None
    calls: int = 0
    pages: int = 0
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime = field(default_factory=lambda: datetime.now(UTC))
    #: per line, whether its SKU is in the merchant's catalogue (None: empty SKU); None
    #: when the account has no catalogue (``judge_skus``)
    sku_known: list[bool | None] | None = None

    def __repr__(self) -> str:
        # Short: asyncio and anyio repr finished tasks, and thousands of sales would be
        # formatted in full before being cut.
        return (
            f"AccountOutcome(label={self.label!r}, ok={self.ok}, items={len(self.lines)}, "
            f"calls={self.calls}, error={type(self.error).__name__ if self.error else None})"
        )

    @property
    def ok(self) -> bool:
        """True when the account was fetched in full."""
        return self.error is None


@dataclass(frozen=True)
class FleetProgress:
    """Where a fleet fetch stands, for a progress bar."""

    total: int
    done: int
    failed: int
    items: int


@dataclass
class FleetRun:
    """One fleet fetch: its id, when it ran, and each account's outcome in file order."""

    id: str
    started: datetime
    finished: datetime
    outcomes: list[AccountOutcome]
    #: stopped by Ctrl-C before every account was fetched (see ``FleetInterrupted``)
    interrupted: bool = False

    def __repr__(self) -> str:
        return f"FleetRun(id={self.id!r}, accounts={len(self.outcomes)}, failed={len(self.failed)})"

    @property
    def failed(self) -> list[AccountOutcome]:
        """The accounts that were not fetched in full."""
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def frame(self, *, with_pii: bool = False, lang: str | None = None) -> pd.DataFrame:
        """One typed row per open item of every account, with an ``account`` column first;
        ``country_name`` in ``lang`` (by default the reader's language)."""
        import pandas as pd

        from rakuten_assist.frames import orders_frame

        lines: list[OrderLine] = []
        labels: list[str] = []
        for outcome in self.outcomes:
            lines.extend(outcome.lines)
            labels.extend([outcome.label] * len(outcome.lines))
        frame = orders_frame(lines, with_pii=with_pii, now=self.started, lang=lang)
        frame.insert(0, "account", pd.Series(labels, dtype="category"))
        return frame

    def status(self) -> pd.DataFrame:
        """One row per account: ok, items, pages, calls, error class, message and fix."""
        import pandas as pd

        return pd.DataFrame(
            {
                "account": [o.label for o in self.outcomes],
                "login": [o.login for o in self.outcomes],
                "ok": [o.ok for o in self.outcomes],
                "items": [len(o.lines) for o in self.outcomes],
                "pages": [o.pages for o in self.outcomes],
                "calls": [o.calls for o in self.outcomes],
                "error": [type(o.error).__name__ if o.error else None for o in self.outcomes],
                "message": [o.error.message if o.error else None for o in self.outcomes],
                "fix": [o.error.fix if o.error else None for o in self.outcomes],
            }
        ).astype({"account": "string", "login": "string", "ok": "bool"})


class FleetInterrupted(KeyboardInterrupt):
    """Ctrl-C during a fleet fetch, with what the fetch had done, so it can be kept.

    Attributes:
        run: every account's outcome so far (``interrupted`` set), each with the calls it
            made, so that they still count against the account's hourly quota.
        finished: per outcome, whether that account's fetch had ended (ok or failed); the
            others were cut short and hold only what had arrived.
    """

    def __init__(self, run: FleetRun, finished: Sequence[bool]) -> None:
        super().__init__()
        self.run = run
        self.finished = tuple(finished)


async def _fetch_account(
    client: AsyncAccountClient, outcome: AccountOutcome, on_page: Callable[[int], None]
) -> None:
    """Fill ``outcome``: new sales beside every current-sales page, in one account.

    ``on_page`` is told how many items each answer brought (progress only: an item accepted
    between the two calls is counted twice there, once in the outcome).
    """

    async def new_sales() -> list[Sale]:
        root = await client.request("getnewsales", VERSIONS["getnewsales"])
        sales = parse_sales(root)
        on_page(sum(len(sale.items) for sale in sales))
        return sales

    new_task = asyncio.create_task(new_sales())
    current: list[Sale] = []
    error: RakutenAssistError | None = None
    token: str | None = None
    try:
        while outcome.pages < _MAX_PAGES:
            params = {"nexttoken": token} if token else {}
            root = await client.request("getcurrentsales", VERSIONS["getcurrentsales"], params)
            sales, next_token = sales_page(root)
            outcome.pages += 1
            current.extend(sales)
            on_page(sum(len(sale.items) for sale in sales))
            if not next_token or next_token == token:
                break
            token = next_token
    except RakutenAssistError as exc:
        error = exc
    except BaseException:
        new_task.cancel()  # not left running, nor its failure unread, when this one ends
        raise
    new: list[Sale] = []
    try:
        new = await new_task
    except RakutenAssistError as exc:
        error = error or exc
    outcome.lines, _ = _merge(new, current)
    outcome.error = error


async def fetch_fleet_async(
    accounts: Sequence[FleetAccount],
    *,
    settings: Settings | None = None,
    concurrency: int = 20,
    used_calls: Mapping[str, int] | None = None,
    on_progress: Callable[[FleetProgress], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    retry: RetryPolicy | None = None,
    sleep: Sleep = asyncio.sleep,
    lang: str = "en",
) -> FleetRun:
    """Fetch every account's open orders concurrently (see ``fetch_fleet``)."""
    settings = settings or Settings.from_env()
    concurrency = max(1, concurrency)
    used = used_calls or {}
    started = datetime.now(UTC)
    outcomes = [AccountOutcome(label=a.label, login=a.login) for a in accounts]
    state = {"done": 0, "failed": 0, "items": 0}

    def report() -> None:
        if on_progress is not None:
            on_progress(
                FleetProgress(len(outcomes), state["done"], state["failed"], state["items"])
            )

    def on_page(items: int) -> None:
        state["items"] += items
        report()

    starts = asyncio.Semaphore(concurrency)
    lanes = Lanes(settings, concurrency, transport)
    ended: set[int] = set()  # the outcomes whose fetch ran to its end, ok or failed

    async def one(account: FleetAccount, outcome: AccountOutcome) -> None:
        async with starts:
            client = AsyncAccountClient(
                lanes,
                account.credentials,
                settings,
                budget=HourlyBudget(account.hourly_quota, used.get(account.label, 0), lang),
                retry=retry,
                sleep=sleep,
            )
            outcome.started = datetime.now(UTC)
            try:
                await _fetch_account(client, outcome, on_page)
            except Exception as exc:
                # A fault of ours, not Rakuten's: this account fails, the fleet goes on. Only
                # the class is kept: the text of a foreign exception may quote a request URL.
                logger.error("fetching %s failed unexpectedly: %s", account.label, type(exc))
                outcome.error = RakutenAssistError(
                    t("fleet.fetch.unexpected", lang, kind=type(exc).__name__),
                    fix=t("fleet.fetch.unexpected_fix", lang),
                )
            finally:
                outcome.calls = client.calls
                outcome.finished = datetime.now(UTC)
        ended.add(id(outcome))
        state["done"] += 1
        state["failed"] += 0 if outcome.ok else 1
        report()

    tasks: list[asyncio.Future[None]] = []
    try:
        report()
        tasks = [asyncio.ensure_future(one(a, o)) for a, o in zip(accounts, outcomes, strict=True)]
        await asyncio.gather(*tasks)
    except asyncio.CancelledError:
        # Ctrl-C (asyncio.run cancels this task): let every account note its calls, then
        # hand back what was done instead of losing it.
        await asyncio.gather(*tasks, return_exceptions=True)
        run = FleetRun(new_run_id(started), started, datetime.now(UTC), outcomes, True)
        raise FleetInterrupted(run, [id(o) in ended for o in outcomes]) from None
    finally:
        await lanes.aclose()
    return FleetRun(
        id=new_run_id(started), started=started, finished=datetime.now(UTC), outcomes=outcomes
    )


def new_run_id(started: datetime) -> str:
    """A run id that sorts by time and never collides between workers."""
    return f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:12]}"


def fetch_fleet(
    accounts: Sequence[FleetAccount],
    *,
    settings: Settings | None = None,
    concurrency: int = 20,
    used_calls: Mapping[str, int] | None = None,
    on_progress: Callable[[FleetProgress], None] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    retry: RetryPolicy | None = None,
    lang: str = "en",
) -> FleetRun:
    """Every open order of every account, concurrently; failures recorded per account.

    Args:
        accounts: the checked accounts (``check_accounts(...)``'s ``account`` values).
        settings: base URL and timeouts shared by every account.
        concurrency: requests in flight at most, fleet-wide (also accounts started at once).
        used_calls: calls each account (by label) already made in the last hour; they are
            counted against its ``hourly_quota``.
        on_progress: called after each page and each finished account.
        transport: an httpx async transport instead of the network (tests).
        retry: the retry policy for connection errors, timeouts and 5xx.
        lang: the language of the fleet's own messages (budget refusals).

    Works from plain code and from a notebook (where an event loop is already running: the
    fetch then runs in a thread of its own).
    """
    coroutine = fetch_fleet_async(
        accounts,
        settings=settings,
        concurrency=concurrency,
        used_calls=used_calls,
        on_progress=on_progress,
        transport=transport,
        retry=retry,
        lang=lang,
    )
    return _run(coroutine)


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        # A fleet fetch builds hundreds of thousands of acyclic objects (sales, items,
        # responses) while it runs; the cyclic collector's passes over that growing heap
        # cost a quarter of the client's time and reclaim nothing until the end.
        with paused_gc(result_kept=True):
            return asyncio.run(coroutine)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            with paused_gc(result_kept=True):
                box["result"] = asyncio.run(coroutine)
        except BaseException as exc:  # handed back to the caller's thread below
            box["error"] = exc

    thread = threading.Thread(target=target, name="fetch-fleet")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    result: T = box["result"]
    return result
