"""Fetch every open order from the sandbox with 50 ms latency, over the sequential floor.

The floor is what a perfect sequential client would need for the current-sales pages alone:
pages x latency (each page needs the previous page's token, so they cannot overlap). New sales
are fetched beside them, so they should cost nothing on top. Prints, as its last line:

    fetch ratio <value> (target <= 1.2)

Run: python bench/fetch.py
"""

from __future__ import annotations

import statistics
import time

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.config import Settings
from rakuten_assist.sandbox import running_sandbox

LATENCY_MS = 50
PAGES = 20
PAGE_SIZE = 10
RUNS = 5
TARGET = 1.2


def _page_size_for(sales: int) -> int:
    """The page size that spreads the seeded current sales over PAGES pages (or one more)."""
    with running_sandbox(sales=sales, page_size=1000) as sb:
        with RakutenClient(sb.credentials, settings=Settings(base_url=sb.base_url)) as client:
            current = len(fetch_open_orders(client).current_sales)
    return max(1, current // PAGES)


def main() -> None:
    # The seeded data also has sales awaiting acceptance: they arrive through getnewsales,
    # beside the current-sales pages.
    sales = PAGES * PAGE_SIZE
    page_size = _page_size_for(sales)
    with running_sandbox(sales=sales, page_size=page_size, latency_ms=LATENCY_MS) as sb:
        client = RakutenClient(sb.credentials, settings=Settings(base_url=sb.base_url))
        with client:
            # Find the number of current-sales pages this data set has, at no latency cost
            # to the measurement (one untimed warm-up run also warms the connection pool).
            warm = fetch_open_orders(client)
            pages = warm.pages
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                orders = fetch_open_orders(client)
                times.append(time.perf_counter() - start)
                assert orders.pages == pages
    floor = pages * LATENCY_MS / 1000
    measured = statistics.median(times)
    print(f"sales: {sales}, current-sales pages: {pages}, items: {len(orders.lines)}")
    print(f"new sales: {orders.count_by_source()['new']} items, fetched concurrently")
    print(f"median of {RUNS} runs: {measured:.3f} s; sequential floor {floor:.3f} s")
    print(f"fetch ratio {measured / floor:.2f} (target <= {TARGET})")


if __name__ == "__main__":
    main()
