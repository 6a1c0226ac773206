"""order_status answers: where an order or item stands and what blocks its shipment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rakuten_assist.models import ACCEPTABLE_STATUSES, OrderLine
from rakuten_assist.support._lang import Lang
from rakuten_assist.support._texts import t
from rakuten_assist.support.answers import Answer

__all__ = ["answer_ask_order_id", "answer_order_status", "blockers"]

_CLOSED = {"CANCELLED", "REFUSED"}
_CLAIM = {"ON_HOLD", "PENDING_CLAIM"}


def blockers(line: OrderLine) -> list[str]:
    """Codes of what stops this item from being shipped now (empty: ready to ship)."""
    status = (line.item.status or "").upper()
    found: list[str] = []
    if status in ACCEPTABLE_STATUSES:
        found.append("not_accepted")
    if status in _CLOSED:
        found.append("closed")
    if status in _CLAIM:
        found.append("claim")
    if not (line.item.sku or "").strip():
        found.append("empty_sku")
    # No test-order guess from the title or buyer: "Kit de test pH" is a real sale, and only
    # Rakuten support can say which order is its test order.
    return found


_EXPLAIN: dict[str, tuple[str, str]] = {
    "not_accepted": (
        "not accepted yet: accept it first (Rakuten refuses a shipment before acceptance)",
        "pas encore acceptée : acceptez-la d'abord (Rakuten refuse une expédition avant "
        "l'acceptation)",
    ),
    "closed": ("cancelled or refused: do not ship it", "annulée ou refusée : ne l'expédiez pas"),
    "claim": (
        "a claim is open: answer it before shipping",
        "une réclamation est ouverte : traitez-la avant d'expédier",
    ),
    "empty_sku": (
        "the SKU is empty: your system cannot match the product; map the product id onto the "
        "SKU field in the feed's final step",
        "le SKU est vide : votre système ne peut pas retrouver le produit ; associez "
        "l'identifiant produit au champ SKU à la dernière étape du flux",
    ),
}


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


def answer_ask_order_id(lang: Lang) -> Answer:
    """An order question without an id: ask for the Rakuten order or item number."""
    return Answer(
        intent="order_status",
        lang=lang,
        text=t(
            lang,
            "Which order? Give me its Rakuten order number (purchase id) or item number (item "
            "id), digits only, for example `order 430000001`.",
            "Quelle commande ? Donnez-moi son numéro de commande Rakuten (purchase id) ou "
            "d'article (item id), en chiffres, par exemple `commande 430000001`.",
        ),
        facts={"purchase_id": None, "item_id": None, "found": None, "missing": ["order_id"]},
        suggestions=[],
        sources=["support engine: order lookup needs an id"],
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
            text=t(
                lang,
                f"I cannot see your orders from here, so I cannot say where `{ref}` stands. "
                "Connect an account (login and token) or the sandbox, or run "
                "`rakuten-assist orders` and look for it.",
                f"Je ne vois pas vos commandes d'ici, je ne peux donc pas dire où en est "
                f"`{ref}`. Connectez un compte (identifiant et jeton) ou le bac à sable, ou "
                "lancez `rakuten-assist orders` et cherchez-la.",
            ),
            facts={**base, "found": None, "needs": ["login", "token"]},
            suggestions=[t(lang, "run the setup checks", "lancer les vérifications")],
            sources=["support engine: no account connected"],
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
            text=t(
                lang,
                f"`{ref}` is not among the {len(lines)} open item(s) of this account: it may "
                "be shipped already, cancelled, or belong to another account. Check the id, "
                "then look it up in your Rakuten seller account (sales history); this tool "
                "does not look it up item by item, as that marks the buyer's messages as read.",
                f"`{ref}` n'est pas parmi les {len(lines)} article(s) en cours de ce compte : "
                "elle est peut-être déjà expédiée, annulée, ou d'un autre compte. Vérifiez "
                "l'identifiant, puis cherchez-la dans votre compte vendeur Rakuten (historique "
                "des ventes) ; cet outil ne la recherche pas article par article, car cela "
                "marque les messages de l'acheteur comme lus.",
            ),
            facts={**base, "found": False, "open": False, "open_items": len(lines)},
            sources=["Rakuten: open orders (getnewsales + getcurrentsales)"],
        )
    rows = [_line_facts(line) for line in matching]
    text_lines = []
    for row in rows:
        reasons = [_EXPLAIN[code][0 if lang == "en" else 1] for code in row["blockers"]]
        if reasons:
            state = "; ".join(reasons)
        else:
            state = t(
                lang,
                "accepted and ready to ship: confirm with the carrier, number and tracking URL",
                "acceptée et prête à expédier : confirmez avec le transporteur, le numéro et "
                "l'URL de suivi",
            )
        text_lines.append(
            t(
                lang,
                f"- order `{row['purchase_id']}`, item `{row['item_id']}` "
                f"(`{row['status']}`, buyer country {row['country'] or '?'}): {state}.",
                f"- commande `{row['purchase_id']}`, article `{row['item_id']}` "
                f"(`{row['status']}`, pays acheteur {row['country'] or '?'}) : {state}.",
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
        sources=["Rakuten: open orders (getnewsales + getcurrentsales)"],
    )
