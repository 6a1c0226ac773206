"""Bytes of a 10,000-sale getcurrentsales page to models and rows, over a bare lxml parse.

Ours: ``parse_document`` (hardened parser, encoding and namespace handling) + ``sales_page``
(Sale models) + ``order_lines`` + ``orders_frame`` (one typed DataFrame row per item).
Baseline: a bare ``lxml.etree.fromstring`` of the same bytes. They are timed alternately in
the same run and compared by their medians, so machine noise hits both alike. The pure-Python
walker (what an install without a C compiler uses) is timed too, for comparison. Prints, as
its last line, the ratio of what this install uses:

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

from rakuten_assist.api import _sales_xml
from rakuten_assist.api._sales_xml import compiled_walker, sales_page
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


def ours_pure_python(data: bytes) -> tuple[int, int]:
    """``ours`` with the pure-Python walker, as on an install without a C compiler."""
    compiled = _sales_xml._csales
    _sales_xml._csales = None  # type: ignore[assignment]
    try:
        return ours(data)
    finally:
        _sales_xml._csales = compiled


def bare(data: bytes) -> None:
    """The baseline: lxml's parse alone, default parser."""
    etree.fromstring(data)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = current_sales_document(count)
    sales, rows = ours(data)  # warm-up, and a check that nothing is lost
    assert sales == count, (sales, count)
    assert ours_pure_python(data) == (sales, rows)
    variants = {"ours": ours, "pure": ours_pure_python} if compiled_walker() else {"ours": ours}
    times: dict[str, list[float]] = {"bare": [], **{name: [] for name in variants}}
    for _ in range(RUNS):
        for name, function in variants.items():
            start = time.perf_counter()
            bare(data)
            times["bare"].append(time.perf_counter() - start)
            start = time.perf_counter()
            function(data)
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    bare_s = median["bare"]
    size_mb = len(data) / 1_000_000
    walker = "the C walker" if compiled_walker() else "the pure-Python walker (not compiled)"
    print(f"document: {count} sales, {rows} item rows, {size_mb:.1f} MB ISO-8859-1")
    print(f"bare lxml parse: {bare_s:.3f} s ({size_mb / bare_s:.0f} MB/s), median")
    if "pure" in median:
        print(
            f"ours with the pure-Python walker: {median['pure']:.3f} s, "
            f"ratio {median['pure'] / bare_s:.2f}"
        )
    print(f"ours (parse + models + rows) with {walker}: {median['ours']:.3f} s, median of {RUNS}")
    print(f"parse ratio {median['ours'] / bare_s:.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
