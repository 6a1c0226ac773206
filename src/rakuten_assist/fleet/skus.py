"""Which fetched items have a SKU the merchant's catalogue does not know.

Rakuten matches an order to a product by SKU: an item whose SKU is not in the merchant's
product feed (or only close to one, as ``match`` calls a near miss) will not be found on the
merchant's side. Accounts whose entry names a ``catalog`` get each item judged with the same
matching as ``rakuten-assist match``; the others stay unjudged (the report says "unknown").
"""

from __future__ import annotations

from collections.abc import Sequence

from rakuten_assist.errors import CatalogError, os_reason
from rakuten_assist.fleet.accounts import FleetAccount
from rakuten_assist.fleet.fetch import FleetRun
from rakuten_assist.i18n import say, t

__all__ = ["KNOWN_STATUSES", "judge_skus"]

#: match statuses of an item Rakuten's SKU finds in the feed (ambiguous: in it twice)
KNOWN_STATUSES = frozenset({"matched", "ambiguous"})


def judge_skus(run: FleetRun, accounts: Sequence[FleetAccount], *, lang: str = "en") -> list[str]:
    """Fill ``sku_known`` of each outcome whose account has a catalogue.

    Returns one sentence per catalogue that could not be used (the items stay unjudged).
    """
    from rakuten_assist.matching.catalog import load_catalog
    from rakuten_assist.matching.sku import match_skus

    catalogs = {account.label: account.catalog for account in accounts if account.catalog}
    problems: list[str] = []
    for outcome in run.outcomes:
        path = catalogs.get(outcome.label)
        if path is None or not outcome.lines:
            continue
        try:
            result = match_skus(outcome.lines, load_catalog(path))
        except (CatalogError, OSError) as exc:
            reason = (
                exc.render(lang)[0] if isinstance(exc, CatalogError) else say(os_reason(exc), lang)
            )
            problems.append(
                t(
                    "fleet.skus.catalog_unusable",
                    lang,
                    label=outcome.label,
                    path=path,
                    reason=reason,
                )
            )
            continue
        outcome.sku_known = [
            None if status == "empty_sku" else status in KNOWN_STATUSES
            for status in result.rows["status"]
        ]
    return problems
