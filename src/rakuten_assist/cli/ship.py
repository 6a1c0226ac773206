"""``ship``: shipment confirmation, a dry run unless ``--send``; ``--batch FILE.csv`` for many.

The dry run looks up the item's status in the account's open orders (never in its history,
which Rakuten marks read: see ``_ship_lookup``), runs the pre-flight and shows exactly what
would be sent; ``--send`` and ``--item-history`` read the item's history instead. ``--send``
sends only what the pre-flight approved: one item through settrackingpackageinfos, a batch
through importitemshippingstatus. A batch learns its items from the open orders, a few
requests for the whole file, and leaves the account untouched in a dry run; the dry run and
``--send`` plan every line the same way. Every shipment sent is recorded in the local journal
before and after the call (``ship --journal`` shows it); a batch skips, and reports, the items
already shipped by the journal or by Rakuten, so a killed batch can be run again.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_USAGE,
    add_connection_options,
    emit_json,
    fail,
    open_client,
)
from rakuten_assist.cli._ship_journal import journal_of, send_with_journal
from rakuten_assist.cli._ship_lookup import (
    check_history_before_send,
    item_history,
    plan_row,
    read_open_items,
    with_column_fixes,
    with_lookup_reason,
)
from rakuten_assist.i18n import Message, say, t
from rakuten_assist.models import status_said

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.carriers.shipment import ShipmentPlan

_REQUIRED_COLUMNS = ("item_id", "carrier", "number")
_OPTIONAL_COLUMNS = ("postcode", "country", "purchase_id")


def register(subparsers: Any) -> None:
    """Add ``ship`` to the command line."""
    parser = subparsers.add_parser(
        "ship",
        help="cli_help.ship.help",
        description=("cli_help.ship.description"),
    )
    parser.add_argument("item_id", nargs="?", metavar="ITEM_ID", help="cli_help.ship.item_id")
    parser.add_argument("--carrier", help="cli_help.ship.carrier")
    parser.add_argument("--number", help="cli_help.ship.number")
    parser.add_argument("--postcode", help="cli_help.ship.postcode")
    parser.add_argument("--country", help="cli_help.ship.country")
    parser.add_argument(
        "--batch",
        type=Path,
        metavar="FILE.csv",
        help="cli_help.ship.batch",
    )
    parser.add_argument("--send", action="store_true", help="cli_help.ship.send")
    parser.add_argument("--item-history", action="store_true", help="cli_help.ship.item_history")
    parser.add_argument(
        "--journal",
        action="store_true",
        help="cli_help.ship.journal",
    )
    parser.add_argument("--json", action="store_true", help="cli_help.ship.json")
    add_connection_options(parser)
    parser.set_defaults(handler=run_ship)


def run_ship(args: argparse.Namespace) -> int:
    """Plan (and with --send, confirm) one shipment or a batch; or show the journal."""
    if args.journal:
        from rakuten_assist.cli._ship_journal import show_journal

        return show_journal(args.json)
    if args.batch is not None:
        if args.item_id or args.carrier or args.number:
            fail(_say("either_or"))
            return EXIT_USAGE
        rows = _read_batch(args.batch)
        if rows is None:
            return EXIT_USAGE
        return _ship_batch(args, rows)
    if not (args.item_id and args.carrier and args.number):
        fail(_say("needs"), _say("needs_fix"))
        return EXIT_USAGE
    return _ship_one(args)


def _lang() -> str:
    from rakuten_assist.cli._common import cli_lang

    return cli_lang()


def _say(key: str, **params: object) -> str:
    """A sentence of ``ship``'s output in the user's language."""
    return t(f"cli.ship.{key}", _lang(), **params)


def _said(key: str, **params: object) -> Message:
    """A sentence of ``ship``'s output, to say later in the user's language."""
    return Message(f"cli.ship.{key}", params)


def _plan_one(client: RakutenClient, args: argparse.Namespace) -> ShipmentPlan:
    """The plan of the one item: from its history with --send or --item-history, else from
    the open orders and the journal, as a batch line (a dry run leaves the account untouched).
    """
    from rakuten_assist.carriers.shipment import plan_shipment

    if args.send or args.item_history:
        status, shipped, problem = item_history(client, args.item_id)
        plan = plan_shipment(
            args.item_id,
            args.carrier,
            args.number,
            item_status=status,
            postcode=args.postcode,
            country=args.country,
        )
        return with_lookup_reason(plan, shipped or problem)
    row = {
        "item_id": args.item_id,
        "carrier": args.carrier,
        "number": args.number,
        "postcode": args.postcode or "",
        "country": args.country or "",
    }
    plan, skip = plan_row(
        client, row, read_open_items(client), journal_of(client), read_history=False
    )
    return with_lookup_reason(plan, skip)


def _print_plan(plan: ShipmentPlan) -> None:
    verdict = _say("would_accept") if plan.ok else _say("would_refuse")
    status = (
        say(status_said(plan.item_status), _lang()) if plan.item_status else _say("unknown_status")
    )
    print(_say("plan_line", item=plan.item_id, status=status, verdict=verdict))
    if plan.rakuten_name:
        print(f"  transporter_name: {plan.rakuten_name}")
    if plan.tracking_number:
        print(f"  tracking_number:  {plan.tracking_number}")
    if plan.tracking_url:
        print(f"  tracking_url:     {plan.tracking_url}")
    for reason in plan.reason_texts(_lang()):
        print(f"  - {reason}")
    for warning in plan.warning_texts(_lang()):
        print(_say("note", text=warning))


def _ship_one(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        plan = _plan_one(client, args)
        rakuten_status = None
        if plan.ok and args.send:
            shipment = plan.raise_if_refused()
            rakuten_status = send_with_journal(
                client,
                [shipment],
                "settrackingpackageinfos",
                lambda: client.set_tracking_package_infos(shipment),
            )
    if args.json:
        emit_json(
            {
                **plan.to_dict(_lang()),
                "dry_run": not args.send,
                "sent": rakuten_status is not None,
                "rakuten_status": rakuten_status,
            }
        )
    else:
        _print_plan(plan)
        if rakuten_status is not None:
            print(_say("sent_one", status=rakuten_status))
        elif plan.ok:
            print(_say("dry_one"))
            if not args.item_history:
                print(t("cli.ship_lookup.send_reads_one", _lang()))
    return EXIT_OK if plan.ok else EXIT_NO


def _delimiter(header: str) -> str:
    """The header line's separator: a French spreadsheet saves CSV with ';', some with tabs."""
    return max(",;\t", key=header.count) if header.strip() else ","


def _read_batch(path: Path) -> list[dict[str, str]] | None:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            text = handle.read()
        reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        rows = [
            {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
            for row in reader
        ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        from rakuten_assist.errors import os_reason
        from rakuten_assist.i18n import say

        # Python's words for a bad file ("'utf-8' codec can't decode...") are English.
        reason = say(os_reason(exc), _lang()) if isinstance(exc, OSError) else _say("not_csv_text")
        fail(_say("cannot_read", path=str(path), reason=reason), _say("cannot_read_fix"))
        return None
    missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
    if missing:
        fail(
            _say("lacks_columns", path=str(path), count=len(missing), columns=", ".join(missing)),
            _say("lacks_columns_fix", optional=",".join(_OPTIONAL_COLUMNS)),
        )
        return None
    if not rows:
        fail(_say("no_lines", path=str(path)), _say("no_lines_fix"))
        return None
    return rows


def _ship_batch(args: argparse.Namespace, rows: list[dict[str, str]]) -> int:
    with open_client(args) as client:
        open_items = read_open_items(client)
        journal = journal_of(client)
        plans: list[ShipmentPlan] = []
        skipped: dict[int, Message] = {}
        first_line: dict[str, int] = {}
        for index, (line_number, row) in enumerate(enumerate(rows, start=2)):
            plan, skip = plan_row(client, row, open_items, journal, read_history=args.item_history)
            plan = with_column_fixes(plan, line_number)
            item_id = plan.item_id
            if skip is None and item_id in first_line:
                # Rakuten refuses the second confirmation of an item as already shipped.
                plan = with_lookup_reason(
                    plan,
                    _said("repeated", item=item_id, line=first_line[item_id]),
                )
            elif item_id:
                first_line.setdefault(item_id, line_number)
            if skip is not None:
                skipped[index] = skip
            elif plan.ok and plan.shipment is not None and not plan.shipment.purchase_id:
                plan = with_lookup_reason(
                    plan,
                    _said("no_purchase", item=item_id),
                )
            plans.append(plan)
        if args.send:
            plans = check_history_before_send(client, plans, skipped)
        approved = [p.raise_if_refused() for i, p in enumerate(plans) if p.ok and i not in skipped]
        rakuten_status = None
        if args.send and approved:
            rakuten_status = send_with_journal(
                client,
                approved,
                "importitemshippingstatus",
                lambda: client.import_item_shipping_status(approved),
            )
    refused = sum(1 for i, p in enumerate(plans) if not p.ok and i not in skipped)
    if args.json:
        emit_json(
            {
                "dry_run": not args.send,
                "sent": rakuten_status is not None,
                "rakuten_status": rakuten_status,
                "approved": len(approved),
                "refused": refused,
                "skipped": len(skipped),
                "shipments": [
                    {
                        **p.to_dict(_lang()),
                        "verdict": _verdict(p, i in skipped),
                        "skipped_because": skipped[i].render(_lang()) if i in skipped else None,
                    }
                    for i, p in enumerate(plans)
                ],
            }
        )
    else:
        for index, plan in enumerate(plans):
            if index in skipped:
                print(_say("skipped_line", item=plan.item_id, why=skipped[index].render(_lang())))
            else:
                _print_plan(plan)
        print("\n" + _say("totals", approved=len(approved), refused=refused, skipped=len(skipped)))
        if rakuten_status is not None:
            print(_say("sent_batch", count=len(approved), status=rakuten_status))
        elif approved:
            print(_say("dry_batch"))
            print(t("cli.ship_lookup.send_reads_history", _lang(), count=len(approved)))
        if refused:
            print(_say("refused_not_sent"), file=sys.stderr)
    return EXIT_OK if refused == 0 else EXIT_NO


def _verdict(plan: ShipmentPlan, skipped: bool) -> str:
    if skipped:
        return "skipped"
    return "approved" if plan.ok else "refused"
