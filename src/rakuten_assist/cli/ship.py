"""``ship``: shipment confirmation, a dry run unless ``--send``; ``--batch FILE.csv`` for many.

The dry run looks up each item's status on Rakuten, runs the pre-flight and shows exactly what
would be sent. ``--send`` sends only what the pre-flight approved: one item through
settrackingpackageinfos, a batch through importitemshippingstatus.
"""

from __future__ import annotations

import argparse
import csv
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

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.carriers.shipment import ShipmentPlan

_REQUIRED_COLUMNS = ("item_id", "carrier", "number")
_OPTIONAL_COLUMNS = ("postcode", "country", "purchase_id")


def register(subparsers: Any) -> None:
    """Add ``ship`` to the command line."""
    parser = subparsers.add_parser(
        "ship",
        help="confirm a shipment (dry run unless --send)",
        description=(
            "Shows exactly what would be sent to Rakuten and whether it would be accepted. "
            "Nothing is sent without --send."
        ),
    )
    parser.add_argument("item_id", nargs="?", metavar="ITEM_ID", help="the Rakuten item id")
    parser.add_argument("--carrier", help="the carrier, as the merchant names it")
    parser.add_argument("--number", help="the tracking number")
    parser.add_argument("--postcode", help="buyer's delivery postcode (some carriers need it)")
    parser.add_argument("--country", help="delivery country, ISO alpha-2 (PostNL needs it)")
    parser.add_argument(
        "--batch",
        type=Path,
        metavar="FILE.csv",
        help="many shipments: columns item_id,carrier,number[,postcode,country,purchase_id]",
    )
    parser.add_argument("--send", action="store_true", help="really send what passes the checks")
    parser.add_argument("--json", action="store_true", help="machine output on stdout")
    add_connection_options(parser)
    parser.set_defaults(handler=run_ship)


def run_ship(args: argparse.Namespace) -> int:
    """Plan (and with --send, confirm) one shipment or a batch."""
    if args.batch is not None:
        if args.item_id or args.carrier or args.number:
            fail("Give either ITEM_ID --carrier --number, or --batch FILE.csv, not both.")
            return EXIT_USAGE
        rows = _read_batch(args.batch)
        if rows is None:
            return EXIT_USAGE
        return _ship_batch(args, rows)
    if not (args.item_id and args.carrier and args.number):
        fail(
            "ship needs ITEM_ID, --carrier and --number (or --batch FILE.csv).",
            "Example: rakuten-assist ship 312550000 --carrier colissimo --number 6A12345678905",
        )
        return EXIT_USAGE
    return _ship_one(args)


def _item_status(client: RakutenClient, item_id: str) -> tuple[str | None, str | None]:
    """(status, reason it could not be read) of one item, from getiteminfos."""
    from rakuten_assist.errors import ParameterError

    try:
        infos = client.get_item_infos(item_id)
    except ParameterError as exc:
        return None, (
            f"Rakuten does not know item {item_id} ({exc.detail or exc.message}): check the "
            "item id (one per unit, not the purchase id)."
        )
    # The item status stays ACCEPTED after a shipment confirmation; only the history says it.
    shipped = [log for log in infos.logs if (log.code or "").strip().upper() == "ITEM_SHIPPED"]
    if shipped:
        when = f" on {shipped[-1].date:%Y-%m-%d %H:%M}" if shipped[-1].date else ""
        return infos.status, (
            f"Item {item_id} is already confirmed as shipped (its history has ITEM_SHIPPED"
            f"{when}): nothing to send; a second confirmation would be refused."
        )
    return infos.status, None


def _with_lookup_reason(plan: ShipmentPlan, reason: str | None) -> ShipmentPlan:
    if reason is None:
        return plan
    from dataclasses import replace

    from rakuten_assist.carriers.shipment import status_reason

    unknown_status = status_reason(plan.item_id, None)[1]
    warnings = [w for w in plan.warnings if w != unknown_status]
    return replace(
        plan, ok=False, shipment=None, reasons=[reason, *plan.reasons], warnings=warnings
    )


def _print_plan(plan: ShipmentPlan) -> None:
    verdict = "would be ACCEPTED" if plan.ok else "would be REFUSED"
    print(f"Item {plan.item_id} (status {plan.item_status or 'unknown'}): {verdict}.")
    if plan.rakuten_name:
        print(f"  transporter_name: {plan.rakuten_name}")
    if plan.tracking_number:
        print(f"  tracking_number:  {plan.tracking_number}")
    if plan.tracking_url:
        print(f"  tracking_url:     {plan.tracking_url}")
    for reason in plan.reasons:
        print(f"  - {reason}")
    for warning in plan.warnings:
        print(f"  note: {warning}")


def _ship_one(args: argparse.Namespace) -> int:
    from rakuten_assist.carriers.shipment import plan_shipment

    with open_client(args) as client:
        status, lookup_reason = _item_status(client, args.item_id)
        plan = plan_shipment(
            args.item_id,
            args.carrier,
            args.number,
            item_status=status,
            postcode=args.postcode,
            country=args.country,
        )
        plan = _with_lookup_reason(plan, lookup_reason)
        rakuten_status = None
        if plan.ok and args.send:
            rakuten_status = client.set_tracking_package_infos(plan.raise_if_refused())
    if args.json:
        emit_json(
            {
                **plan.to_dict(),
                "dry_run": not args.send,
                "sent": rakuten_status is not None,
                "rakuten_status": rakuten_status,
            }
        )
    else:
        _print_plan(plan)
        if rakuten_status is not None:
            print(f"Sent to Rakuten (settrackingpackageinfos): {rakuten_status}.")
        elif plan.ok:
            print("Dry run: nothing was sent. Add --send to confirm this shipment.")
    return EXIT_OK if plan.ok else EXIT_NO


def _read_batch(path: Path) -> list[dict[str, str]] | None:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip().lower() for c in reader.fieldnames or []]
            rows = [
                {k.strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
                for row in reader
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        fail(f"Cannot read {path}: {exc}.", "Give a UTF-8 CSV file with a header line.")
        return None
    missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
    if missing:
        fail(
            f"{path} lacks the column(s) {', '.join(missing)}.",
            "The header must name item_id,carrier,number (and optionally "
            + ",".join(_OPTIONAL_COLUMNS)
            + ").",
        )
        return None
    if not rows:
        fail(f"{path} has no shipment lines.", "Add one line per item under the header.")
        return None
    return rows


def _ship_batch(args: argparse.Namespace, rows: list[dict[str, str]]) -> int:
    from rakuten_assist.api import fetch_open_orders
    from rakuten_assist.carriers.shipment import plan_shipment

    with open_client(args) as client:
        known = {
            line.item.item_id: (line.item.status, line.sale.purchase_id)
            for line in fetch_open_orders(client).lines
        }
        plans: list[ShipmentPlan] = []
        first_line: dict[str, int] = {}
        for line_number, row in enumerate(rows, start=2):
            item_id = row.get("item_id", "")
            lookup_reason = None
            status, purchase_id = known.get(item_id, (None, None))
            if item_id and item_id not in known:
                status, lookup_reason = _item_status(client, item_id)
            plan = plan_shipment(
                item_id,
                row.get("carrier", ""),
                row.get("number", ""),
                item_status=status,
                postcode=row.get("postcode") or None,
                country=row.get("country") or None,
                purchase_id=row.get("purchase_id") or purchase_id,
            )
            plan = _with_lookup_reason(plan, lookup_reason)
            if item_id in first_line:
                # Rakuten refuses the second confirmation of an item as already shipped.
                plan = _with_lookup_reason(
                    plan,
                    f"Item {item_id} is already on line {first_line[item_id]} of the batch: "
                    "Rakuten would refuse it as already shipped. Keep one line per item (one "
                    "item per unit).",
                )
            elif item_id:
                first_line[item_id] = line_number
            if plan.ok and plan.shipment is not None and not plan.shipment.purchase_id:
                plan = _with_lookup_reason(
                    plan,
                    f"The purchase of item {item_id} is unknown and a batch upload needs it: "
                    "add a purchase_id column.",
                )
            plans.append(plan)
        approved = [p.raise_if_refused() for p in plans if p.ok]
        rakuten_status = None
        if args.send and approved:
            rakuten_status = client.import_item_shipping_status(approved)
    refused = len(plans) - len(approved)
    if args.json:
        emit_json(
            {
                "dry_run": not args.send,
                "sent": rakuten_status is not None,
                "rakuten_status": rakuten_status,
                "approved": len(approved),
                "refused": refused,
                "shipments": [p.to_dict() for p in plans],
            }
        )
    else:
        for plan in plans:
            _print_plan(plan)
        print(f"\n{len(approved)} approved, {refused} refused.")
        if rakuten_status is not None:
            print(
                f"Sent {len(approved)} shipment(s) to Rakuten (importitemshippingstatus): "
                f"{rakuten_status}."
            )
        elif approved:
            print("Dry run: nothing was sent. Add --send to upload the approved shipments.")
        if refused:
            print(
                "Refused lines were not sent: fix the reasons above and run again.", file=sys.stderr
            )
    return EXIT_OK if refused == 0 else EXIT_NO
