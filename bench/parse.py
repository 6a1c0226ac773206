"""Bytes of a 10,000-sale getcurrentsales page to models and rows, over a bare lxml parse.

Ours: ``parse_document`` (hardened parser, encoding and namespace handling) + ``sales_page``
(Sale models) + ``orders_frame`` (one typed DataFrame row per item). Baseline: a bare
``lxml.etree.fromstring`` of the same bytes. The two are timed alternately in the same run and
compared by their medians, so machine noise hits both alike. Prints, as its last line:

    parse ratio <value> (target <= 3)

Run: python bench/parse.py [SALES]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

from _documents import current_sales_document

from rakuten_assist.api._sales_xml import sales_page
from rakuten_assist.api._xml import parse_document
from rakuten_assist.api.orders import order_lines
from rakuten_assist.frames import orders_frame

RUNS = 7
TARGET = 3.0


def ours(data: bytes) -> tuple[int, int]:
    """Bytes -> Sale models -> order lines -> DataFrame rows; returns (sales, rows)."""
    sales, _ = sales_page(parse_document(data, action="getcurrentsales"))
    frame = orders_frame(order_lines(sales, "current"))
    return len(sales), len(frame)


def bare(data: bytes) -> None:
    """The baseline: lxml's parse alone, default parser."""
    etree.fromstring(data)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = current_sales_document(count)
    sales, rows = ours(data)  # warm-up, and a check that nothing is lost
    assert sales == count, (sales, count)
    ours_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(RUNS):
        start = time.perf_counter()
        bare(data)
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        ours(data)
        ours_times.append(time.perf_counter() - start)
    ours_s = statistics.median(ours_times)
    bare_s = statistics.median(bare_times)
    size_mb = len(data) / 1_000_000
    print(f"document: {count} sales, {rows} item rows, {size_mb:.1f} MB ISO-8859-1")
    print(f"bare lxml parse: {bare_s:.3f} s ({size_mb / bare_s:.0f} MB/s), median of {RUNS}")
    print(f"ours (parse + models + rows): {ours_s:.3f} s, median of {RUNS}")
    print(f"parse ratio {ours_s / bare_s:.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
