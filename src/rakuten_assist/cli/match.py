"""``rakuten-assist match``: order items against the merchant's catalogue, each miss explained."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_REMOTE,
    add_connection_options,
    emit_json,
    fail,
    open_client,
)

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.matching.sku import MatchResult

_WIDTH = 100


def register(subparsers: Any) -> None:
    """Add the ``match`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "match",
        help="cli_help.match.help",
        description=("cli_help.match.description"),
    )
    parser.add_argument(
        "--catalog",
        required=True,
        type=Path,
        metavar="FEED",
        help="cli_help.match.catalog",
    )
    parser.add_argument("--sku-column", default=None, metavar="C", help="cli_help.match.sku_column")
    parser.add_argument(
        "--id-column",
        default=None,
        metavar="C",
        help="cli_help.match.id_column",
    )
    parser.add_argument("--ean-column", default=None, metavar="C", help="cli_help.match.ean_column")
    parser.add_argument(
        "--header-row",
        type=int,
        default=None,
        metavar="N",
        help="cli_help.match.header_row",
    )
    parser.add_argument(
        "--catalog-format",
        default=None,
        choices=["csv", "tsv", "excel", "json", "parquet", "xml"],
        help="cli_help.match.catalog_format",
    )
    parser.add_argument(
        "--orders",
        type=Path,
        default=None,
        metavar="FILE",
        help="cli_help.match.orders",
    )
    parser.add_argument(
        "--format",
        choices=["table", "json", "csv"],
        default="table",
        dest="fmt",
        help="cli_help.match.format",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="cli_help.match.output",
    )
    add_connection_options(parser)
    parser.set_defaults(handler=run)


def _lang() -> str:
    from rakuten_assist.cli._common import cli_lang

    return cli_lang()


def _say(key: str, **params: object) -> str:
    """A sentence of ``match``'s output in the user's language."""
    from rakuten_assist.i18n import t

    return t(f"cli.match.{key}", _lang(), **params)


def _word(key: str) -> str:
    """A word of SKU matching (a miss's status) in the user's language."""
    from rakuten_assist.i18n import t

    return t(f"matching.{key}", _lang())


def catalog_path(given: Path) -> Path:
    """The catalogue to read: ``demo`` (when no such file exists) is the sandbox's demo feed."""
    if str(given) == "demo" and not given.exists():
        from rakuten_assist.sandbox import DEMO_CATALOGUE

        return Path(DEMO_CATALOGUE)
    return given


def _orders_from_file(path: Path) -> pd.DataFrame:
    from rakuten_assist.errors import CatalogError
    from rakuten_assist.exports import restore_formulas
    from rakuten_assist.i18n import Message
    from rakuten_assist.matching.catalog import load_catalog

    if not path.is_file():
        # Read like a catalogue, but a missing --orders file is no "catalogue file" to name.
        problem = "orders_folder" if path.is_dir() else "orders_missing"
        raise CatalogError(
            Message(f"cli.match.{problem}", {"path": str(path)}),
            fix=Message("cli.match.orders_fix"),
        )

    # The orders export is read like a catalogue: every column as text, so SKUs keep their
    # leading zeros, and the same clear errors for an empty or broken file. The apostrophe
    # our CSV export puts before a formula-like SKU is not part of the SKU.
    return restore_formulas(load_catalog(path))


def _orders_from_rakuten(args: argparse.Namespace) -> tuple[pd.DataFrame, int]:
    from rakuten_assist.api import fetch_open_orders
    from rakuten_assist.errors import PartialFetchError
    from rakuten_assist.frames import orders_frame

    exit_code = EXIT_OK
    with open_client(args) as client:
        try:
            lines = fetch_open_orders(client).lines
        except PartialFetchError as exc:
            lines = exc.lines
            fail(
                exc.render(_lang())[0],
                _say("partial", count=len(lines), fix=exc.cause.render(_lang())[1]),
            )
            exit_code = EXIT_REMOTE
    return orders_frame(lines), exit_code


def run(args: argparse.Namespace) -> int:
    """Load the catalogue and the orders, match, print; exit 0 all matched, 1 some not."""
    from rakuten_assist.matching.catalog import load_catalog
    from rakuten_assist.matching.sku import match_skus

    feed_path = catalog_path(args.catalog)
    catalog = load_catalog(feed_path, format=args.catalog_format, header_row=args.header_row)
    if args.orders is not None:
        orders, exit_code = _orders_from_file(args.orders), EXIT_OK
    else:
        orders, exit_code = _orders_from_rakuten(args)
    print(
        _say("matching", items=len(orders), rows=len(catalog)),
        file=sys.stderr,
    )
    result = match_skus(
        orders,
        catalog,
        sku_column=args.sku_column,
        id_column=args.id_column,
        ean_column=args.ean_column,
        lang=_lang(),
    )
    _write(result, args.fmt, args.output, str(feed_path))
    if exit_code != EXIT_OK:
        return exit_code
    return EXIT_OK if result.summary["unmatched"] == 0 else EXIT_NO


def _write(result: MatchResult, fmt: str, output: Path | None, catalog_name: str) -> None:
    if fmt == "json":
        if output is None:
            emit_json(result.to_json(_lang()))
            return
        import json

        text = json.dumps(result.to_json(_lang()), ensure_ascii=False, indent=2, default=str) + "\n"
    elif fmt == "csv":
        from rakuten_assist.exports import neutralise_formulas

        # A catalogue's or Rakuten's text may start with "=": never a live formula.
        text = neutralise_formulas(result.rows).to_csv(index=False)
    else:
        text = render_table(result, catalog_name)
    if output is None:
        sys.stdout.write(text)
    else:
        from rakuten_assist.exports import atomic_write

        atomic_write(output, lambda path: path.write_text(text, encoding="utf-8"))
        print(_say("wrote", path=str(output)), file=sys.stderr)


#: a quoted value (a SKU, an EAN): quotes that no letter touches from outside
_QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)")
#: stands for a space inside a quoted value while wrapping (textwrap never breaks on it)
_KEEP = "\x1f"


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """``text`` wrapped at ``_WIDTH``, never inside a quoted SKU: a copied SKU must be whole."""
    kept = _QUOTED.sub(lambda found: found.group().replace(" ", _KEEP), text)
    lines = textwrap.wrap(
        kept,
        width=_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_KEEP, " ") for line in lines]


def _wrapped(label: str, text: str) -> list[str]:
    return _wrap(text, f"    {label} ", " " * 9)


def render_table(result: MatchResult, catalog_name: str) -> str:
    """The human report: the rate, misses by reason, each miss with why and fix, the hints."""
    from rakuten_assist.i18n import percent, say

    summary = result.summary
    items, matched = summary["items"], summary["matched"]
    columns = summary["columns"]
    lines = [
        _say(
            "headline",
            matched=matched,
            items=items,
            rate=say(percent(summary["rate"]), _lang()),
            catalog=catalog_name,
            rows=summary["catalog_rows"],
            sku=columns["sku"],
            more=(_say("id_column", column=columns["id"]) if columns["id"] else "")
            + (_say("ean_column", column=columns["ean"]) if columns["ean"] else ""),
        )
    ]
    misses_by_reason = {
        name: count for name, count in summary["by_reason"].items() if count and name != "matched"
    }
    if misses_by_reason:
        lines.append(
            _say(
                "by_reason",
                counts=", ".join(
                    _say("count", status=_word(f"status.{n}"), count=c)
                    for n, c in misses_by_reason.items()
                ),
            )
        )
    if summary["top_missing"]:
        lines.append(
            _say(
                "top_missing",
                skus=", ".join(
                    f"'{row['sku']}' ({row['count']})" for row in summary["top_missing"]
                ),
            )
        )
    misses = result.misses()
    if len(misses):
        lines += ["", _say("misses")]
        for record in misses[["item_id", "sku", "status", "reason", "suggestion"]].to_dict(
            orient="records"
        ):
            raw_sku = record["sku"]
            sku = _say("sku", sku=raw_sku) if isinstance(raw_sku, str) else _say("no_sku")
            lines.append(
                _say(
                    "miss_line",
                    item=record["item_id"],
                    sku=sku,
                    status=_word(f"status.{record['status']}"),
                )
            )
            lines += _wrapped(_say("why"), str(record["reason"]))
            lines += _wrapped(_say("fix"), str(record["suggestion"]))
    hints = result.hints_in(_lang())
    if hints:
        lines += ["", _say("feed_fixes")]
        for hint in hints:
            lines += _wrap(hint, "  - ", "    ")
    return "\n".join(lines) + "\n"
