"""Benchmark: match_skus on 100,000 order items against a 1,000,000-product catalogue.

The reference is a bare ``pandas.merge`` of the same two frames on the SKU, timed in the same
run; the last line prints their ratio. Data is synthetic but shaped like real feeds: string
SKUs of several styles, empty SKUs on both sides, duplicates, near misses (case, spaces,
leading zeros lost by a spreadsheet), internal ids sent as SKU, EANs.

Run: ``python bench/match.py [--items N] [--catalog N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from rakuten_assist.matching.sku import match_skus

TARGET = 1.5


def _strings(values: Any) -> pd.Series:
    return pd.Series(values, dtype="str")


def make_catalog(size: int, rng: np.random.Generator) -> pd.DataFrame:
    """A catalogue of ``size`` products, all columns strings as ``load_catalog`` gives them."""
    numbers = rng.permutation(size) + 1
    style = rng.integers(0, 3, size)
    sku = np.where(
        style == 0,
        np.char.add("RK-", np.char.zfill(numbers.astype(str), 7)),
        np.where(
            style == 1,
            np.char.add("CH-", np.char.add(numbers.astype(str), "-BL")),
            np.char.zfill(numbers.astype(str), 8),  # numeric SKUs with leading zeros
        ),
    ).astype(object)
    # Spreadsheet damage: some numeric SKUs lost their leading zeros.
    damaged = (style == 2) & (rng.random(size) < 0.01)
    sku[damaged] = numbers[damaged].astype(str)
    sku[rng.random(size) < 0.01] = None  # products exported without SKU
    duplicate_of = rng.integers(0, size, size // 200)  # 0.5 % duplicated SKUs
    sku[rng.integers(0, size, size // 200)] = sku[duplicate_of]
    ean = np.char.add("30", np.char.zfill(rng.integers(0, 10**11, size).astype(str), 11))
    ids = _strings(np.char.add("P", numbers.astype(str)))
    brand = _strings(rng.choice(["Acme", "Globex", "Initech", "Umbrella", "Hooli"], size))
    kind = _strings(rng.choice(["Chaise", "Lampe", "Tapis", "Coussin", "Étagère"], size))
    # The columns of a typical Google Shopping export, all text as load_catalog reads them.
    return pd.DataFrame(
        {
            "id": ids,
            "sku": _strings(sku),
            "gtin": _strings(ean),
            "title": kind + " " + brand + " modèle " + ids,
            "description": kind + " de qualité, livrée sous 48 h. Référence " + ids + ".",
            "link": "https://boutique.example/produits/" + ids,
            "image_link": "https://cdn.boutique.example/img/" + ids + ".jpg",
            "brand": brand,
            "price": _strings(np.round(rng.random(size) * 200, 2).astype(str)) + " EUR",
            "availability": _strings(rng.choice(["in stock", "out of stock"], size)),
            "condition": "new",
            "product_type": "Maison > " + kind,
        }
    )


def make_items(catalog: pd.DataFrame, size: int, rng: np.random.Generator) -> pd.DataFrame:
    """Order items drawn from the catalogue, with the usual share of mistakes."""
    picked = rng.integers(0, len(catalog), size)
    # An offer created without SKU reaches the orders as an empty string, never as NaN, so
    # the bare merge below does not pair missing keys with each other (which pandas does).
    sku = catalog["sku"].fillna("").to_numpy(dtype=object)[picked].copy()
    ean = catalog["gtin"].to_numpy(dtype=object)[picked].copy()
    kind = rng.random(size)
    lower = kind < 0.02
    sku[lower] = [value.lower() for value in sku[lower]]
    spaced = (kind >= 0.02) & (kind < 0.03) & (sku != "")
    sku[spaced] = [f" {value} " for value in sku[spaced]]
    as_id = (kind >= 0.03) & (kind < 0.05)
    sku[as_id] = catalog["id"].to_numpy(dtype=object)[picked[as_id]]
    unknown = (kind >= 0.05) & (kind < 0.08)
    sku[unknown] = [f"OLD-{value}" for value in rng.integers(0, 10**6, int(unknown.sum()))]
    empty = (kind >= 0.08) & (kind < 0.10)
    sku[empty] = ""
    ean[rng.random(size) < 0.3] = None
    return pd.DataFrame(
        {
            "purchase_id": _strings((rng.integers(10**8, 10**9, size)).astype(str)),
            "item_id": _strings((np.arange(size) + 10**9).astype(str)),
            "sku": _strings(sku),
            "ean": _strings(ean),
        }
    )


def best_of(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--catalog", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(20261127)
    catalog = make_catalog(args.catalog, rng)
    items = make_items(catalog, args.items, rng)
    after_data = _rss_mb()
    print(f"data: {len(items):,} items, {len(catalog):,} catalogue rows ({after_data:.0f} MB RSS)")

    merge_s, merged = best_of(
        args.repeat, lambda: pd.merge(items, catalog, on="sku", how="left", suffixes=("", "_c"))
    )
    narrow = catalog[["id", "sku", "gtin"]]
    narrow_s, _ = best_of(args.repeat, lambda: pd.merge(items, narrow, on="sku", how="left"))
    match_s, result = best_of(args.repeat, lambda: match_skus(items, catalog))
    after_match = _rss_mb()

    assert len(result.rows) == len(items), "match_skus must return one row per item"
    summary = result.summary
    print(f"bare merge: {merge_s:.3f} s ({len(merged):,} rows: duplicated SKUs multiply rows)")
    print(f"bare merge of only the id, sku and gtin columns: {narrow_s:.3f} s")
    by_reason = summary["by_reason"]
    print(f"match_skus: {match_s:.3f} s, rate {summary['rate']:.2%}, by reason {by_reason}")
    tracemalloc.start()
    match_skus(items, catalog)
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(
        f"peak memory: {after_match:.0f} MB RSS for the whole run (the frames alone "
        f"{after_data:.0f} MB); one match_skus call peaks at {traced_peak:.0f} MB of "
        "Python/NumPy allocations (tracemalloc; Arrow buffers come on top)"
    )
    ratio = match_s / merge_s
    print(f"for reference, ratio over the 3-column merge: {match_s / narrow_s:.2f}")
    print(f"match ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
