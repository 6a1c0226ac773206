"""The SKU part of an order lookup: each item's SKU and, with a catalogue, whether it matches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rakuten_assist.models import OrderLine

__all__ = ["describe_skus", "lines_for"]


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
    fr = lang == "fr"
    out = ["", "**SKU**", ""]
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
        shown = f"`{sku}`" if sku.strip() else ("*vide*" if fr else "*empty*")
        text = f"- {'article' if fr else 'item'} `{line.item.item_id}`: SKU {shown}"
        if line.item.item_id in matches:
            status, reason = matches[line.item.item_id]
            text += f" — **{status}**" + (f": {reason}" if reason and status != "matched" else "")
        out.append(text)
    if not catalog:
        out += [
            "",
            "Aucun catalogue : donnez-en un dans la configuration guidée (F2) pour vérifier "
            "la correspondance des SKU."
            if fr
            else "No catalogue yet: give one in the walkthrough (F2) to check the SKU match.",
        ]
    return "\n".join(out)
