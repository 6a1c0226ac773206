"""The SKU part of an order lookup: each item's SKU and, with a catalogue, whether it matches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.models import OrderLine

__all__ = ["describe_skus", "lines_for"]

_STATUSES = ("matched", "empty_sku", "not_in_catalog", "ambiguous", "near_miss")


def lines_for(lines: Sequence[OrderLine], query: str) -> list[OrderLine]:
    """The open items of a purchase id, or the item with that item id."""
    wanted = query.strip()
    return [line for line in lines if wanted in (line.sale.purchase_id, line.item.item_id)]


def describe_skus(found: Sequence[OrderLine], *, catalog: str | None, lang: str) -> str:
    """Markdown: one line per item with its SKU, matched against ``catalog`` when given.

    Raises:
        CatalogError: the catalogue cannot be read (the app shows its fix).
    """
    if not found:
        return ""
    out = ["", f"**{ui(lang, 'sku.title')}**", ""]
    matches: dict[str, tuple[str, str]] = {}
    if catalog:
        from rakuten_assist.frames import orders_frame
        from rakuten_assist.matching.catalog import load_catalog
        from rakuten_assist.matching.sku import match_skus

        rows = match_skus(orders_frame(list(found)), load_catalog(catalog)).rows
        for row in rows.itertuples(index=False):
            matches[str(row.item_id)] = (str(row.status), str(row.reason or ""))
    for line in found:
        sku = line.item.sku or ""
        shown = f"`{sku}`" if sku.strip() else f"*{ui(lang, 'sku.empty')}*"
        text = ui(lang, "sku.item", item=f"`{line.item.item_id}`", sku=shown)
        if line.item.item_id in matches:
            status, reason = matches[line.item.item_id]
            known = status in _STATUSES
            text += " — **" + (ui(lang, f"sku.status.{status}") if known else status) + "**"
            # The matcher explains a miss in English only: a French screen keeps to the status.
            if reason and status != "matched" and lang != "fr":
                text += f": {reason}"
        out.append(f"- {text}")
    if not catalog:
        out += ["", ui(lang, "sku.no_catalogue")]
    return "\n".join(out)
