"""Every open order of the account: new sales plus every page of current sales.

No country filter exists on Rakuten's side and none is applied here: a Belgian or Swiss
buyer's order is as open as a French one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from rakuten_assist._gc import paused_gc
from rakuten_assist.api.client import CurrentSalesPage, RakutenClient
from rakuten_assist.errors import (
    APIError,
    FetchInterrupted,
    PartialFetchError,
    cause_of,
    fix_of,
)
from rakuten_assist.i18n import Message
from rakuten_assist.models import OrderLine, Sale, Source

__all__ = ["OpenOrders", "fetch_open_orders", "order_lines"]

PageCallback = Callable[[CurrentSalesPage], None]


@dataclass
class OpenOrders:
    """The open orders of an account, one line per item.

    Attributes:
        lines: one OrderLine per item, de-duplicated by item id.
        new_sales: sales awaiting acceptance, as received.
        current_sales: accepted sales from every page, as received.
        pages: how many getcurrentsales pages were read.
        duplicates: items seen twice (an item accepted between the two calls is kept once,
            as ``current``).
    """

    lines: list[OrderLine] = field(default_factory=list)
    new_sales: list[Sale] = field(default_factory=list)
    current_sales: list[Sale] = field(default_factory=list)
    pages: int = 0
    duplicates: int = 0

    def count_by_source(self) -> dict[str, int]:
        """Items per stream: ``{"new": n, "current": m}``."""
        counts = Counter(line.source for line in self.lines)
        return {"new": counts.get("new", 0), "current": counts.get("current", 0)}

    def count_by_country(self) -> dict[str, int]:
        """Items per buyer country (alpha-2; ``??`` when Rakuten gave none)."""
        return dict(Counter(line.sale.country_code or "??" for line in self.lines).most_common())


# OrderLine's validator, called directly: OrderLine(...) adds a Python call per line (a fleet
# run builds 20,000), for the same model (its sale and item are models already, not copied).
_validate_line = OrderLine.__pydantic_validator__.validate_python


def order_lines(sales: list[Sale], source: Source) -> list[OrderLine]:
    """One OrderLine per item of ``sales``, labelled with the stream they came from."""
    validate = _validate_line
    with paused_gc():
        return [
            validate({"source": source, "sale": sale, "item": item})
            for sale in sales
            for item in sale.items
        ]


def _merge(new_sales: list[Sale], current_sales: list[Sale]) -> tuple[list[OrderLine], int]:
    seen: dict[str, OrderLine] = {}
    duplicates = 0
    # Current first: an item present in both was accepted between the two calls, and its
    # current state is the newer one.
    for line in order_lines(current_sales, "current") + order_lines(new_sales, "new"):
        if line.item.item_id in seen:
            duplicates += 1
            continue
        seen[line.item.item_id] = line
    return list(seen.values()), duplicates


def fetch_open_orders(
    client: RakutenClient,
    *,
    on_page: PageCallback | None = None,
    resume_from: str | None = None,
    resume_page: int = 1,
    include_new: bool = True,
) -> OpenOrders:
    """Fetch new sales and every page of current sales, concurrently, whatever the country.

    Args:
        client: the account's client.
        on_page: called after each current-sales page (progress display).
        resume_from: a ``nexttoken`` from a PartialFetchError to continue an interrupted run.
        resume_page: that error's ``resume_page``: pages are numbered as in the interrupted
            run, in progress and errors alike.
        include_new: fetch getnewsales too (turn off when resuming only the current pages).

    Raises:
        PartialFetchError: something failed after some sales arrived. ``.lines`` keeps what
            arrived; ``.resume_token`` says where to resume the current pages (None when they
            all arrived and only the sales awaiting acceptance are missing).
        APIError: the first call failed and nothing arrived.
        FetchInterrupted: Ctrl-C; carries the lines read so far and the token to resume from.
    """
    current: list[Sale] = []
    # Pages counted as in the run resumed (its pages were kept by whoever resumes).
    earlier_pages = max(resume_page, 1) - 1 if resume_from else 0
    pages = earlier_pages
    pending: str | None = resume_from
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="getnewsales") as pool:
        new_future: Future[list[Sale]] | None = (
            pool.submit(client.get_new_sales) if include_new else None
        )
        try:
            pages_of_the_run = client.iter_current_sales_pages(
                resume_from=resume_from, resume_page=resume_page
            )
            for page in pages_of_the_run:
                pages += 1
                current.extend(page.sales)
                pending = page.next_token
                if on_page is not None:
                    on_page(page)
        except KeyboardInterrupt:
            # Keep what arrived: the sales awaiting acceptance only if their call is done.
            done = new_future is not None and new_future.done()
            new_sales = _new_sales_result(new_future)[0] if done else []
            lines, _ = _merge(new_sales, current)
            raise FetchInterrupted(lines=lines, pages_fetched=pages, resume_token=pending) from None
        except PartialFetchError as exc:
            new_sales, new_error = _new_sales_result(new_future)
            lines, _ = _merge(new_sales, current)
            kept: dict[str, object] = {"cause": cause_of(exc), "count": len(lines)}
            raise PartialFetchError(
                Message("errors.api.kept_items", kept)
                if new_error is None
                else Message(
                    "errors.api.kept_items_new_missing",
                    {**kept, "new_cause": cause_of(new_error)},
                ),
                sales=current,
                pages_fetched=exc.pages_fetched,
                resume_token=exc.resume_token,
                cause=exc.cause,
                lines=lines,
            ) from exc
        new_sales, new_error = _new_sales_result(new_future)
    if new_error is not None:
        if not current and pages - earlier_pages <= 1:
            raise new_error
        # Every current page arrived but the sales awaiting acceptance did not: keep the
        # pages, and say that the ones needing action are the missing ones.
        lines, _ = _merge([], current)
        raise PartialFetchError(
            Message(
                "errors.api.new_sales_missing",
                {"cause": cause_of(new_error), "count": len(lines)},
            ),
            sales=current,
            pages_fetched=pages,
            resume_token=None,
            cause=new_error,
            lines=lines,
            fix=Message("errors.fix.fetch_new_again", {"fix": fix_of(new_error)}),
        ) from new_error
    lines, duplicates = _merge(new_sales, current)
    return OpenOrders(
        lines=lines,
        new_sales=new_sales,
        current_sales=current,
        pages=pages,
        duplicates=duplicates,
    )


def _new_sales_result(
    future: Future[list[Sale]] | None,
) -> tuple[list[Sale], APIError | None]:
    """The new sales, or none and the error that stopped them (never silently dropped)."""
    if future is None:
        return [], None
    try:
        return future.result(), None
    except APIError as exc:
        return [], exc
