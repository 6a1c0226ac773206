"""``rakuten-assist orders``: every open order of the account, one row per item."""

from __future__ import annotations

import argparse
import importlib.util
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REMOTE,
    EXIT_USAGE,
    add_connection_options,
    emit_json,
    fail,
    open_client,
    positive_int,
)
from rakuten_assist.exports import FormatMismatchError, FormatUnknownError, format_for
from rakuten_assist.i18n import t
from rakuten_assist.redaction import redact

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.api import CurrentSalesPage
    from rakuten_assist.errors import FetchInterrupted, PartialFetchError

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
        help="cli_help.orders.help",
        description=("cli_help.orders.description"),
    )
    add_connection_options(parser)
    parser.add_argument(
        "--status",
        choices=["new", "current", "all"],
        default="all",
        help="cli_help.orders.status",
    )
    parser.add_argument(
        "--format",
        choices=["table", "csv", "json", "parquet", "xlsx"],
        default=None,
        dest="fmt",
        help="cli_help.orders.format",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="cli_help.orders.output",
    )
    parser.add_argument(
        "--with-pii",
        action="store_true",
        help="cli_help.orders.with_pii",
    )
    parser.add_argument(
        "--resume-from",
        default=None,
        metavar="TOKEN",
        help="cli_help.orders.resume_from",
    )
    parser.add_argument(
        "--resume-page",
        default=1,
        type=positive_int,
        metavar="N",
        help="cli_help.orders.resume_page",
    )
    parser.add_argument(
        "--country",
        default=None,
        metavar="CC",
        help="cli_help.orders.country",
    )
    parser.set_defaults(handler=run)


def _lang() -> str:
    from rakuten_assist.cli._common import cli_lang

    return cli_lang()


def _os_reason(exc: OSError) -> str:
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say

    return str(say(os_reason(exc), _lang()))


def _say(key: str, **params: object) -> str:
    """A sentence of ``orders``' output in the user's language."""
    return t(f"cli.orders.{key}", _lang(), **params)


def _progress(page: CurrentSalesPage) -> None:
    if page.number < _PROGRESS_FROM_PAGE:
        return
    message = _say("progress", page=page.number, sales=len(page.sales))
    if sys.stderr.isatty():
        # One line rewritten in place; the last page ends it.
        end = "\n" if not page.next_token else ""
        print(f"\r{message}", end=end, file=sys.stderr, flush=True)
    else:
        print(message, file=sys.stderr)


def resume_command(args: argparse.Namespace, fmt: str, token: str, page: int) -> str:
    """The complete command that continues this run at ``page``: same output, format and
    service."""
    words = ["rakuten-assist", "orders", "--resume-from", token, "--resume-page", str(page)]
    if args.output is not None:
        words += ["-o", str(args.output)]
    words += ["--format", fmt]
    if args.status != "all":
        words += ["--status", args.status]
    if args.with_pii:
        words.append("--with-pii")
    if getattr(args, "sandbox", False):
        words.append("--sandbox")
    else:
        if args.login:
            words += ["--login", args.login]
        if args.base_url:
            words += ["--base-url", redact(args.base_url)]
    # The token is never printed: the user passes it again as before.
    return shlex.join(words)


def run(args: argparse.Namespace) -> int:
    """Fetch, then print or write the open orders."""
    if args.country is not None:
        fail(
            _say("no_country", country=repr(args.country)),
            _say("no_country_fix"),
        )
        return EXIT_USAGE
    try:
        fmt = format_for(args.output, args.fmt)
    except (FormatMismatchError, FormatUnknownError) as exc:
        fail(*exc.render(_lang()))
        return EXIT_USAGE
    problem = _output_problem(fmt, args.output, resuming=args.resume_from is not None)
    if problem is not None:
        # Checked before fetching: a fetch spends the hourly quota.
        fail(*problem)
        return EXIT_USAGE
    from rakuten_assist.api import fetch_open_orders
    from rakuten_assist.errors import FetchInterrupted, PartialFetchError
    from rakuten_assist.frames import orders_frame

    exit_code = EXIT_OK
    stop: PartialFetchError | FetchInterrupted | None = None
    cause_fix = ""
    with open_client(args) as client:
        try:
            # Sales awaiting acceptance are one call: fetched again on a resumed run too, so
            # an earlier failure of that call cannot hide them.
            orders = fetch_open_orders(
                client,
                on_page=_progress,
                resume_from=args.resume_from,
                resume_page=args.resume_page,
            )
            lines = orders.lines
        except PartialFetchError as exc:
            lines, stop = exc.lines, exc
            cause_fix = exc.cause.render(_lang())[1]
            exit_code = EXIT_REMOTE
        except FetchInterrupted as exc:
            lines, stop = exc.lines, exc
            print("\n" + t("cli.common.interrupted", _lang()), file=sys.stderr)
            exit_code = EXIT_INTERRUPTED
    if stop is not None and args.output is None:
        # Without -o the failure is said first, as before, and the rows it kept follow it.
        _say_stop(stop, _next_step(args, fmt, stop, len(lines), cause_fix))
    frame = orders_frame(lines, with_pii=args.with_pii)
    if args.status != "all":
        frame = frame[frame["source"] == args.status]
    # Sales awaiting acceptance first (they need action), then oldest first.
    frame = frame.sort_values(
        ["source", "purchase_date"], key=_source_first, kind="stable"
    ).reset_index(drop=True)
    if stop is not None and frame.empty and args.output is None:
        # Nothing arrived: "No open orders." would be a claim, and the error said it all.
        return exit_code
    try:
        written = _write(frame, fmt, args.output, merge=args.resume_from is not None)
    except OSError as exc:
        fail(
            _say("cannot_write", path=str(args.output), reason=_os_reason(exc)),
            _say("other_path"),
        )
        if stop is not None:
            _say_stop(stop, _next_step(args, fmt, stop, None, cause_fix))
        return EXIT_USAGE
    if stop is not None and args.output is not None:
        # After the write: a resumed run merges into the file, which then holds more rows
        # than this run fetched, and the resume hint says what the file holds.
        _say_stop(stop, _next_step(args, fmt, stop, written, cause_fix))
    return exit_code


def _say_stop(stop: PartialFetchError | FetchInterrupted, step: str) -> None:
    """The fetch's failure (or interruption) and what to do next, on stderr."""
    from rakuten_assist.errors import PartialFetchError

    if isinstance(stop, PartialFetchError):
        fail(stop.render(_lang())[0], step)
    else:
        fail(_say("interrupted", pages=stop.pages_fetched), step)


def _next_step(
    args: argparse.Namespace,
    fmt: str,
    stop: PartialFetchError | FetchInterrupted,
    kept: int | None,
    cause_fix: str,
) -> str:
    """What to run next and where the rows fetched so far are: ``kept`` is the count on
    stdout, or the rows the -o file holds after this run (None: it could not be written)."""
    if args.output is None:
        kept_text = _say("kept_shown", count=kept or 0)
    elif kept is None:
        kept_text = _say("kept_unwritten", path=str(args.output))
    else:
        kept_text = _say("kept_written", count=kept, path=str(args.output))
    if _token_refused(args, stop):
        # Resuming with the very token Rakuten just refused would fail the same way (and
        # the parameter error's own fix, "check the ids", says nothing more).
        return _say("resume_refused", kept=kept_text)
    if stop.resume_token:
        merged = _say("merged") if args.output is not None else ""
        command = resume_command(args, fmt, stop.resume_token, stop.resume_page)
        step = _say("resume_with", command=command, merged=merged, kept=kept_text)
    else:
        step = _say("run_again", kept=kept_text)
    return f"{step} {cause_fix}".strip()


def _token_refused(args: argparse.Namespace, stop: PartialFetchError | FetchInterrupted) -> bool:
    """Whether Rakuten refused the --resume-from token itself (a parameter error on the very
    page it names): a mistyped or expired token, not a failure to try again."""
    from rakuten_assist.errors import ParameterError

    cause = getattr(stop, "cause", None)
    return (
        args.resume_from is not None
        and isinstance(cause, ParameterError)
        and stop.resume_token == args.resume_from
    )


def _output_problem(fmt: str, output: Path | None, *, resuming: bool) -> tuple[str, str] | None:
    """Why the requested output cannot be written, as (cause, fix), or None."""
    if fmt in ("parquet", "xlsx"):
        if output is None:
            return _say("binary", format=fmt), _say("binary_fix", format=fmt)
        module = "pyarrow" if fmt == "parquet" else "openpyxl"
        if importlib.util.find_spec(module) is None:
            return (
                _say("needs_module", format=fmt, module=module),
                _say("needs_module_fix", module=module),
            )
    if output is not None:
        if output.is_dir():
            return _say("is_dir", path=str(output)), _say("is_dir_fix")
        parent = output.parent if str(output.parent) else Path(".")
        if not parent.is_dir():
            return _say("no_folder", path=str(parent)), _say("no_folder_fix")
        if resuming and fmt == "table" and output.exists():
            return _say("table_merge", path=str(output)), _say("table_merge_fix")
    return None


def _source_first(column: pd.Series) -> pd.Series:
    if column.name == "source":
        return column.astype("string").map({"new": 0, "current": 1})
    return column


def _write(frame: pd.DataFrame, fmt: str, output: Path | None, *, merge: bool) -> int | None:
    """Write the rows to stdout, or to ``output``: then the count of rows the file holds."""
    from rakuten_assist.cli._orders_files import write_orders

    if output is None:
        if fmt == "json":
            from rakuten_assist.frames import to_json_records

            emit_json(to_json_records(frame))
        elif fmt == "csv":
            from rakuten_assist.exports import neutralise_formulas

            sys.stdout.write(neutralise_formulas(frame).to_csv(index=False))
        else:
            sys.stdout.write(_table(frame))
        return None
    count = write_orders(frame, fmt, output, merge=merge, table=_table)
    print(_say("wrote", count=count, path=str(output)), file=sys.stderr)
    return count


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return _say("none") + "\n"
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
        "\n"
        + _say(
            "summary",
            items=len(frame),
            sales=sales,
            new=by_source.get("new", 0),
            current=by_source.get("current", 0),
            countries=countries,
        )
        + "\n"
    )
    return body + "\n" + summary
