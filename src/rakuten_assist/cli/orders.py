"""``rakuten-assist orders``: every open order of the account, one row per item."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_OK,
    EXIT_REMOTE,
    EXIT_USAGE,
    add_connection_options,
    emit_json,
    fail,
    open_client,
)

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.api import CurrentSalesPage

_TABLE_COLUMNS = [
    "purchase_id",
    "purchase_date",
    "item_id",
    "sku",
    "status",
    "country",
    "price",
    "currency",
    "shipping_type",
    "source",
    "headline",
]
# Show a progress line once the fetch is long enough for someone to wonder.
_PROGRESS_FROM_PAGE = 2


def register(subparsers: Any) -> None:
    """Add the ``orders`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "orders",
        help="all open orders of the account, every buyer country, one row per item",
        description=(
            "All open orders: sales awaiting acceptance (new) and every page of current "
            "sales, whatever the buyer's country (Rakuten has no country filter)."
        ),
    )
    add_connection_options(parser)
    parser.add_argument("--status", choices=["new", "current", "all"], default="all")
    parser.add_argument(
        "--format", choices=["table", "csv", "json", "parquet"], default="table", dest="fmt"
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="write to FILE")
    parser.add_argument(
        "--with-pii",
        action="store_true",
        help="include buyer names, e-mail, phones and street address (left out by default)",
    )
    parser.add_argument(
        "--resume-from",
        default=None,
        metavar="TOKEN",
        help="continue an interrupted fetch from the token the error printed",
    )
    parser.set_defaults(handler=run)


def _progress(page: CurrentSalesPage) -> None:
    if page.number < _PROGRESS_FROM_PAGE:
        return
    message = f"current sales: page {page.number} read ({len(page.sales)} sales)"
    if sys.stderr.isatty():
        # One line rewritten in place; the last page ends it.
        end = "\n" if not page.next_token else ""
        print(f"\r{message}", end=end, file=sys.stderr, flush=True)
    else:
        print(message, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Fetch, then print or write the open orders."""
    problem = _output_problem(args.fmt, args.output)
    if problem is not None:
        # Checked before fetching: a fetch spends the hourly quota.
        fail(*problem)
        return EXIT_USAGE
    from rakuten_assist.api import fetch_open_orders
    from rakuten_assist.errors import PartialFetchError
    from rakuten_assist.frames import orders_frame

    exit_code = EXIT_OK
    with open_client(args) as client:
        try:
            # Sales awaiting acceptance are one call: fetched again on a resumed run too, so
            # an earlier failure of that call cannot hide them.
            orders = fetch_open_orders(client, on_page=_progress, resume_from=args.resume_from)
            lines = orders.lines
        except PartialFetchError as exc:
            lines = exc.lines
            kept = f"the {len(lines)} item(s) already fetched are written"
            if exc.resume_token:
                fix = (
                    f"Resume with: rakuten-assist orders --resume-from {exc.resume_token} "
                    f"({kept}). {exc.cause.fix}"
                )
            else:
                fix = f"Run the command again ({kept}). {exc.cause.fix}"
            fail(exc.message, fix)
            exit_code = EXIT_REMOTE
    frame = orders_frame(lines, with_pii=args.with_pii)
    if args.status != "all":
        frame = frame[frame["source"] == args.status]
    # Sales awaiting acceptance first (they need action), then oldest first.
    frame = frame.sort_values(
        ["source", "purchase_date"], key=_source_first, kind="stable"
    ).reset_index(drop=True)
    try:
        _write(frame, args.fmt, args.output)
    except OSError as exc:
        fail(f"Could not write {args.output}: {exc.strerror or exc}.", "Choose another -o path.")
        return EXIT_USAGE
    return exit_code


def _output_problem(fmt: str, output: Path | None) -> tuple[str, str] | None:
    """Why the requested output cannot be written, as (cause, fix), or None."""
    if fmt == "parquet":
        if output is None:
            return "Parquet is a binary format.", "Give a file with -o orders.parquet."
        if importlib.util.find_spec("pyarrow") is None:
            return (
                "Writing Parquet needs pyarrow, which is not installed.",
                "pip install 'rakuten-assist[notebook]' (or pyarrow), or use --format csv.",
            )
    if output is not None:
        if output.is_dir():
            return f"{output} is a directory.", "Give a file name with -o, e.g. orders.csv."
        parent = output.parent if str(output.parent) else Path(".")
        if not parent.is_dir():
            return f"The folder {parent} does not exist.", "Create it, or choose another -o path."
    return None


def _source_first(column: pd.Series) -> pd.Series:
    if column.name == "source":
        return column.astype("string").map({"new": 0, "current": 1})
    return column


def _write(frame: pd.DataFrame, fmt: str, output: Path | None) -> None:
    from rakuten_assist.frames import to_json_records

    if fmt == "json":
        if output is None:
            emit_json(to_json_records(frame))
        else:
            import json

            output.write_text(
                json.dumps(to_json_records(frame), ensure_ascii=False, indent=2, default=str),
                encoding="utf-8",
            )
    elif fmt == "csv":
        text = frame.to_csv(index=False)
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
    elif fmt == "parquet" and output is not None:
        frame.to_parquet(output, index=False)
    else:
        text = _table(frame)
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
    if output is not None:
        print(f"wrote {len(frame)} row(s) to {output}", file=sys.stderr)


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No open orders.\n"
    shown = frame[[c for c in _TABLE_COLUMNS if c in frame.columns]].copy()
    if "purchase_date" in shown:
        shown["purchase_date"] = shown["purchase_date"].dt.strftime("%Y-%m-%d %H:%M")
    if "price" in shown:
        shown["price"] = shown["price"].map(lambda v: f"{v:.2f}" if v == v else "-")
    if "headline" in shown:
        shown["headline"] = shown["headline"].astype("string").str.slice(0, 38)
    body = shown.to_string(index=False, na_rep="-")
    sales = frame["purchase_id"].nunique()
    by_source = frame["source"].value_counts().to_dict()
    countries = ", ".join(
        f"{code} {count}" for code, count in frame["country"].value_counts().items() if count
    )
    summary = (
        f"\n{len(frame)} item(s) in {sales} sale(s): {by_source.get('new', 0)} awaiting "
        f"acceptance, {by_source.get('current', 0)} current. Buyer countries: {countries} "
        "(all countries are listed: Rakuten has no country filter).\n"
    )
    return body + "\n" + summary
