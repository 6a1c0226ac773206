"""order_status answers: where an order or item stands and what blocks its shipment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rakuten_assist.models import ACCEPTABLE_STATUSES, OrderLine
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import say
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.checks import status_word

__all__ = [
    "answer_ask_order_id",
    "answer_general_orders",
    "answer_order_status",
    "answer_statuses",
    "blockers",
]

_CLOSED = {"CANCELLED", "REFUSED"}
_CLAIM = {"ON_HOLD", "PENDING_CLAIM"}


def _status_blockers(status: str) -> list[str]:
    """What an item status alone says stops the shipment (empty: ready to ship)."""
    found: list[str] = []
    if status in ACCEPTABLE_STATUSES:
        found.append("not_accepted")
    if status in _CLOSED:
        found.append("closed")
    if status in _CLAIM:
        found.append("claim")
    return found


def blockers(line: OrderLine) -> list[str]:
    """Codes of what stops this item from being shipped now (empty: ready to ship)."""
    found = _status_blockers((line.item.status or "").upper())
    if not (line.item.sku or "").strip():
        found.append("empty_sku")
    # No test-order guess from the title or buyer: "Kit de test pH" is a real sale, and only
    # Rakuten support can say which order is its test order.
    return found


def _line_facts(line: OrderLine) -> dict[str, Any]:
    return {
        "purchase_id": line.sale.purchase_id,
        "item_id": line.item.item_id,
        "status": line.item.status,
        "source": line.source,
        "sku": line.item.sku,
        "country": line.sale.country_code,
        "blockers": blockers(line),
    }


#: the item statuses seen from Rakuten (reference/rakuten-api.md, "Status vocabularies");
#: SHIPPED and COMMITTED were never seen as an itemstatus
_SEEN_STATUSES = (
    "REQUESTED", "TO_CONFIRM", "REMINDED", "ACCEPTED", "ON_HOLD", "PENDING_CLAIM", "CANCELLED",
    "REFUSED",
)  # fmt: skip
#: a status named in capitals next to a status word: "le statut SHIPPED", "DELIVERED status"
_NAMED_STATUS = re.compile(
    r"(?i:\b(?:statut|status|state|etat|état)s?\b)\W{0,3}(?:(?i:est|is|en|in|de|=)\W{1,3})?"
    r"([A-Z][A-Z_]{3,})\b|\b([A-Z][A-Z_]{3,})\W{1,3}(?i:status|state)\b"
)


#: a status word anywhere in the question, and a code in capitals shaped like a state
#: ("How do we tell an item is SHIPPED? We never see that status come back.")
_STATUS_WORD = re.compile(r"(?i)\b(?:statuts?|status(?:es)?|states?|etats?|états?)\b")
_STATE_CODE = re.compile(r"\b([A-Z]{3,}(?:ED|EE|É|ÉE))\b")
#: the states an order is said to reach that Rakuten does not send, typed in lower case
#: (folded): words, not codes, so only these, beside a status word
_STATE_WORD = re.compile(
    r"\b(shipped|delivered|sent|dispatched|completed|fulfilled|closed|in_transit|"
    r"expediee?s?|livree?s?|envoyee?s?|terminee?s?|cloturee?s?)\b"
)


def _unseen_status(question: str) -> str | None:
    """A status the question names that Rakuten is not known to send (``SHIPPED``)."""
    for match in _NAMED_STATUS.finditer(question):
        status = match.group(1) or match.group(2)
        if status not in _SEEN_STATUSES:
            return status
    if _STATUS_WORD.search(question):
        for match in _STATE_CODE.finditer(question):
            if match.group(1) not in _SEEN_STATUSES:
                return match.group(1)
        # typed in lower case: a state an order is said to reach ("is there a shipped
        # status", "le statut shipped marche pas")
        folded = fold(question)
        words = [m.span() for m in _STATUS_WORD.finditer(folded)]
        states = list(_STATE_WORD.finditer(folded))
        if states:
            # the state nearest a status word ("les ventes expediees, le statut shipped")
            nearest = min(
                states, key=lambda m: min(max(m.start() - e, s - m.end(), 0) for s, e in words)
            )
            return nearest.group(1).upper()
    return None


def answer_ask_order_id(lang: Lang, *, question: str = "") -> Answer:
    """An order question without an id: ask for the Rakuten order or item number. A status
    named that Rakuten is not known to send ("le statut SHIPPED veut dire quoi ?") is said
    to be unknown, with the statuses that are."""
    unseen = _unseen_status(question)
    if unseen is not None:
        return Answer(
            intent="order_status",
            lang=lang,
            text=say(
                "orders.status_unseen",
                lang,
                status=unseen,
                known=", ".join(f"`{s}`" for s in _SEEN_STATUSES),
            ),
            facts={"purchase_id": None, "item_id": None, "unknown_status": unseen},
            suggestions=[],
            sources=[Source(kind="engine", ref="item_status")],
        )
    return Answer(
        intent="order_status",
        lang=lang,
        text=say("orders.ask_id", lang),
        facts={"purchase_id": None, "item_id": None, "found": None, "missing": ["order_id"]},
        suggestions=[],
        sources=[Source(kind="engine", ref="order_id")],
    )


#: a question about Rakuten's two lists of open sales ("getnewsales", "the new sales list")
_SALES_LISTS = re.compile(
    r"\bget(?:new|current)sales\b|\b(?:liste|listes) des (?:nouvelles )?ventes\b"
    # where the sales waiting for acceptance are seen ("comment il voit les ventes en attente
    # d'acceptation", "how do I list the items still to accept")
    r"|\b(?:see|list|show|find|get|view|voir|voit|vois|lister|liste|listent|affiche|afficher|"
    r"retrouve|retrouver|recuperer|recupere)\b.{0,40}\b(?:waiting|awaiting|pending|en attente|"
    r"attendent|a accepter|to accept|to be accepted)\b"
    r"|\b(?:which|what) (?:call|action|list)\b(?:(?!ship|track|cancel|refus).){0,30}"
    r"\b(?:sales|orders)\b"
    r"|\b(?:quel|quelle) (?:appel|action|liste)\b(?:(?!expedi|suivi|annul|refus).){0,30}"
    r"\b(?:ventes|commandes)\b"
    r"|\b(?:once|after) (?:they are |being )?accepted\b.{0,30}\bwhere\b"
    r"|\bune fois acceptees?\b.{0,30}\b(?:ou|passent|vont)\b"
    r"|\bacceptee ou (?:pas|non)\b|\b(?:si|whether|if) (?:elle|la vente|la commande|it|it's|"
    r"the sale|the order) (?:est |is )?accept(?:ee|ed)\b"
    r"|\b(?:new|current) sales list\b|\blist of (?:new|current) sales\b"
)
#: a question about the item statuses in general ("which statuses can come back?")
_ALL_STATUSES = re.compile(
    r"\b(?:quels|quelles|lesquels|liste des|tous les|which|what|list of|all the|all)\s+"
    r"(?:\w+\s+){0,2}(?:statuts|statuses|etats|states)\b"
)


def answer_general_orders(question: str, lang: Lang) -> Answer | None:
    """An order question that names no order: what Rakuten's lists of open sales hold
    ("pourquoi ma vente acceptée n'est plus dans getnewsales ?"), or what every item status
    means ("which statuses can getnewsales return?"); None when it asks about one order."""
    folded = fold(question)
    if _ALL_STATUSES.search(folded):
        return answer_statuses(_SEEN_STATUSES, lang)
    if _SALES_LISTS.search(folded):
        return answer_sales_lists(lang)
    return None


def answer_sales_lists(lang: Lang) -> Answer:
    """What getnewsales and getcurrentsales hold, and where an accepted sale goes."""
    return Answer(
        intent="order_status",
        lang=lang,
        text=say("setup.sales_lists", lang),
        facts={
            "purchase_id": None,
            "item_id": None,
            "lists": ["getnewsales", "getcurrentsales"],
            "no_country_filter": True,
        },
        suggestions=[say("run_checks", lang)],
        sources=[Source.checklist(["open_orders"])],
    )


def answer_statuses(statuses: Sequence[str], lang: Lang) -> Answer:
    """What the item statuses a question names mean for shipping ("que veut dire REMINDED ?")."""
    lines = [say("orders.status_intro", lang)]
    for status in statuses:
        reasons = [say(f"orders.blocker.{code}", lang) for code in _status_blockers(status)]
        state = "; ".join(reasons) if reasons else say("orders.ready", lang)
        lines.append(say("orders.status_line", lang, status=status, state=state))
    return Answer(
        intent="order_status",
        lang=lang,
        text="\n".join(lines),
        facts={
            "purchase_id": None,
            "item_id": None,
            "statuses": list(statuses),
            "blockers": {status: _status_blockers(status) for status in statuses},
        },
        sources=[Source(kind="engine", ref="item_status")],
    )


def answer_order_status(
    lang: Lang,
    *,
    purchase_id: str | None,
    item_id: str | None,
    lines: Sequence[OrderLine] | None,
) -> Answer:
    """Status and blockers of the named order or item, or what is needed to look it up.

    Args:
        lang: the user's language.
        purchase_id: the order named in the question, if any.
        item_id: the item named in the question, if any.
        lines: the account's open orders, or ``None`` when no account is connected.
    """
    ref = purchase_id or item_id or ""
    base: dict[str, Any] = {"purchase_id": purchase_id, "item_id": item_id}
    if lines is None:
        return Answer(
            intent="order_status",
            lang=lang,
            text=say("orders.not_connected", lang, ref=ref),
            facts={**base, "found": None, "needs": ["login", "token"]},
            suggestions=[say("run_checks", lang)],
            sources=[Source(kind="engine", ref="no_account")],
        )
    matching = [
        line
        for line in lines
        if (purchase_id and line.sale.purchase_id == purchase_id)
        or (item_id and line.item.item_id == item_id)
    ]
    if not matching:
        return Answer(
            intent="order_status",
            lang=lang,
            text=say("orders.not_open", lang, ref=ref, count=len(lines)),
            facts={**base, "found": False, "open": False, "open_items": len(lines)},
            sources=[Source(kind="open_orders")],
        )
    rows = [_line_facts(line) for line in matching]
    text_lines = []
    for row in rows:
        reasons = [say(f"orders.blocker.{code}", lang) for code in row["blockers"]]
        state = "; ".join(reasons) if reasons else say("orders.ready", lang)
        text_lines.append(
            say(
                "orders.line",
                lang,
                purchase_id=row["purchase_id"],
                item_id=row["item_id"],
                status=status_word(row["status"]).render(lang),
                country=row["country"] or "?",
                state=state,
            )
        )
    facts = {
        **base,
        "found": True,
        "items": rows,
        "status": rows[0]["status"],
        "blockers": sorted({code for row in rows for code in row["blockers"]}),
    }
    return Answer(
        intent="order_status",
        lang=lang,
        text="\n".join(text_lines),
        facts=facts,
        sources=[Source(kind="open_orders")],
    )
