"""How ``ship`` learns the state of the items it ships, without touching the account.

``getiteminfos`` is not a plain read: Rakuten marks the item's messages read when it answers,
and every call counts against the seller's hourly quota. A dry run must leave the account as
it found it, so a dry run, of a batch or of one item, learns its items from the open orders
instead: getnewsales, every getcurrentsales page, and every page again with
``notshippeditemsonly=true`` (a few requests whatever the length of the batch). They give
each open item's status and purchase, and whether it is shipped: listed among the current
sales but not among those not shipped yet.

An item that is not among the open orders cannot be shipped (a shipment needs an accepted
item, and accepted items are current sales): its line is refused, saying what that can mean.
``--item-history`` reads Rakuten's history of those items only (one getiteminfos each), to tell
an item shipped long ago (skipped) from a wrong id. It does so in a dry run and with ``--send``
alike, so that both plan every line the same way.

With ``--send``, the lines about to be sent have their history read first, as before: the last
check against a second confirmation should not rest on the filter alone, whose exact meaning
Rakuten does not document. The dry run says so, with the number of items concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rakuten_assist.i18n import Message

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.carriers.shipment import ShipmentPlan
    from rakuten_assist.journal import JournalEntry


def _said(key: str, **params: object) -> Message:
    """A sentence of ``ship``'s output (catalogue id ``cli.KEY``), said in the reader's language."""
    return Message(f"cli.{key}", params)


@dataclass(frozen=True)
class OpenItems:
    """What the open orders say about every open item of the account.

    Attributes:
        status: item id -> its status in the open orders.
        purchase: item id -> its purchase id.
        shipped: items listed among the current sales but not among those not shipped yet.
    """

    status: dict[str, str | None]
    purchase: dict[str, str]
    shipped: frozenset[str]


def read_open_items(client: RakutenClient) -> OpenItems:
    """The open orders, then the current sales not shipped yet: a few requests in all.

    Raises:
        APIError: Rakuten or the network failed (PartialFetchError when some pages arrived:
            a batch is never planned from half the orders).
    """
    from rakuten_assist.api import fetch_open_orders

    lines = fetch_open_orders(client).lines
    # Read after the open orders: an item shipped in between shows as shipped, not as open.
    not_shipped = {
        item.item_id
        for sale in client.get_current_sales(not_shipped_only=True)
        for item in sale.items
    }
    current = {line.item.item_id for line in lines if line.source == "current"}
    return OpenItems(
        status={line.item.item_id: line.item.status for line in lines},
        purchase={line.item.item_id: line.sale.purchase_id for line in lines},
        shipped=frozenset(current - not_shipped),
    )


def item_history(
    client: RakutenClient, item_id: str
) -> tuple[str | None, Message | None, Message | None]:
    """(status, "already shipped" sentence, "unknown item" sentence) from getiteminfos.

    Rakuten marks the item's messages read when it answers: only call it where the user
    expects something to change on the account (``--send``, ``--item-history``).
    """
    from rakuten_assist.cli._common import cli_lang
    from rakuten_assist.errors import ParameterError

    try:
        infos = client.get_item_infos(item_id)
    except ParameterError as exc:
        detail = exc.detail or exc.render(cli_lang())[0]
        return None, None, _said("ship.unknown_item", item=item_id, detail=detail)
    # The item status stays ACCEPTED after a shipment confirmation; only the history says it.
    shipped = [log for log in infos.logs if (log.code or "").strip().upper() == "ITEM_SHIPPED"]
    if shipped:
        date = shipped[-1].date
        # Rakuten writes its history in French local time: the offset says which.
        when = (
            _said("ship.on_date", date=f"{date:%Y-%m-%d %H:%M}", zone=_utc_offset(date))
            if date
            else ""
        )
        return infos.status, _said("ship.already_shipped", item=item_id, when=when), None
    return infos.status, None, None


def _utc_offset(moment: datetime) -> str:
    """``UTC+01:00`` for a Paris winter time; ``UTC`` for a time without a zone."""
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def with_lookup_reason(plan: ShipmentPlan, reason: Message | None) -> ShipmentPlan:
    """``plan`` refused for ``reason`` (first), without the "status unknown" warning."""
    if reason is None:
        return plan
    from rakuten_assist.carriers.shipment import status_reason

    unknown_status = status_reason(plan.item_id, None)[1]
    warnings = [w for w in plan.warnings if w != unknown_status]
    return replace(
        plan, ok=False, shipment=None, reasons=[reason, *plan.reasons], warnings=warnings
    )


#: the one-item fixes that name an option ("Pass --postcode"), and the CSV columns a batch
#: line fills instead
_COLUMN_FIXES = {
    "carriers.error.needs_postal_code_fix": "postcode",
    "carriers.error.needs_country_fix": "country",
    "carriers.error.needs_postal_code_country_fix": "postcode, country",
}


def with_column_fixes(plan: ShipmentPlan, line: int) -> ShipmentPlan:
    """``plan`` of the batch file's ``line``, its fixes naming the CSV columns to fill.

    A batch has no ``--postcode`` per line: a fix naming the option would send the user to
    an option that does not exist there.
    """
    reasons = [_column_fix(reason, line) for reason in plan.reasons]
    return plan if reasons == plan.reasons else replace(plan, reasons=reasons)


def _column_fix(reason: Message, line: int) -> Message:
    fix = reason.params.get("fix")
    if not isinstance(fix, Message) or fix.id not in _COLUMN_FIXES:
        return reason
    columns = _COLUMN_FIXES[fix.id]
    said = _said("ship.fill_columns", columns=columns, count=columns.count(",") + 1, line=line)
    return Message(reason.id, {**reason.params, "fix": said})


def plan_row(
    client: RakutenClient,
    row: dict[str, str],
    open_items: OpenItems,
    journal: dict[str, JournalEntry],
    *,
    read_history: bool,
) -> tuple[ShipmentPlan, Message | None]:
    """The plan of one batch line, and why it is skipped when the item is already shipped.

    The same in a dry run and with --send: the journal first (what this machine sent and
    Rakuten accepted), then the open orders; Rakuten's history only for an item that is not
    among them, and only when ``read_history`` (``--item-history``).
    """
    from rakuten_assist.carriers.shipment import plan_shipment

    item_id = row.get("item_id", "")
    status = open_items.status.get(item_id)
    plan_args: dict[str, Any] = {
        "postcode": row.get("postcode") or None,
        "country": row.get("country") or None,
        "purchase_id": row.get("purchase_id") or open_items.purchase.get(item_id),
    }
    carrier, number = row.get("carrier", ""), row.get("number", "")

    def plan(item_status: str | None) -> ShipmentPlan:
        return plan_shipment(item_id, carrier, number, item_status=item_status, **plan_args)

    entry = journal.get(item_id)
    if entry is not None and entry.outcome == "accepted":
        return plan(status), _said(
            "ship.journal_accepted",
            time=entry.time,
            carrier=entry.transporter_name,
            number=entry.tracking_number,
        )
    if item_id in open_items.shipped:
        return plan(status), _said("ship_lookup.listed_shipped", item=item_id)
    problem = None
    if item_id and item_id not in open_items.status:
        if read_history:
            status, shipped, problem = item_history(client, item_id)
            if shipped is not None:
                return plan(status), shipped
        else:
            problem = _said("ship_lookup.not_open", item=item_id)
    checked = with_lookup_reason(plan(status), problem)
    if entry is not None and entry.outcome in ("pending", "unknown") and checked.ok:
        warning = _said("ship_lookup.retry_unknown", time=entry.time)
        checked = replace(checked, warnings=[*checked.warnings, warning])
    return checked, None


def check_history_before_send(
    client: RakutenClient, plans: list[ShipmentPlan], skipped: dict[int, Message]
) -> list[ShipmentPlan]:
    """``plans`` after reading the history of every line about to be sent (``--send`` only).

    A line whose history shows a shipment joins ``skipped``; one Rakuten does not know is
    refused. Lines refused or skipped already are not read: they are not sent either way.
    """
    checked = []
    for index, plan in enumerate(plans):
        if plan.ok and index not in skipped:
            _, shipped, problem = item_history(client, plan.item_id)
            if shipped is not None:
                skipped[index] = shipped
            plan = with_lookup_reason(plan, problem)
        checked.append(plan)
    return checked
