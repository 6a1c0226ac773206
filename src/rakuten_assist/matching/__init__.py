"""Matching order items to the merchant's catalogue by SKU: catalogues (CSV, Excel, Google
Shopping XML...), SKU keys, the match itself and its findings. Pure: no network, no UI.

| module | holds |
|---|---|
| ``catalog`` | reading a catalogue file into a DataFrame, each failure with its fix |
| ``columns`` | finding the SKU, id and EAN columns of a catalogue |
| ``feed_xml`` | Google Shopping / RSS product feeds |
| ``keys`` | normalised SKU and EAN keys |
| ``sku`` | ``match_skus``: the five statuses of each item |
| ``report`` | the result of a match and its table |
| ``hints`` | catalogue-level findings (swapped columns, lost zeros...) |

Public names load their module on first use (PEP 562): pandas is imported only when needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist._lazy import lazy_exports

_EXPORTS = {
    "CATALOG_FORMATS": "rakuten_assist.matching.catalog",
    "load_catalog": "rakuten_assist.matching.catalog",
    "MatchResult": "rakuten_assist.matching.sku",
    "STATUSES": "rakuten_assist.matching.sku",
    "match_skus": "rakuten_assist.matching.sku",
}

__all__ = ["CATALOG_FORMATS", "STATUSES", "MatchResult", "load_catalog", "match_skus"]

if TYPE_CHECKING:
    from rakuten_assist.matching.catalog import CATALOG_FORMATS, load_catalog
    from rakuten_assist.matching.sku import STATUSES, MatchResult, match_skus

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
