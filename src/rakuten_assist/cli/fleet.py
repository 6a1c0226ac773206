"""``rakuten-assist fleet orders`` and ``fleet report``: every account at once, and its history."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_NO,
    EXIT_OK,
    EXIT_REMOTE,
    EXIT_USAGE,
    emit_json,
    fail,
    non_negative_float,
    positive_int,
)
from rakuten_assist.cli.accounts import add_accounts_option, default_lang

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.fleet import FleetProgress, FleetRun
    from rakuten_assist.fleet.report import FleetReport

# The progress bar shows only for a fetch longer than this (seconds).
_PROGRESS_AFTER_S = 1.0
_BAR_WIDTH = 24
_DEFAULT_CONCURRENCY = 20
_TABLE_COLUMNS = ["account", "purchase_id", "purchase_date", "item_id", "sku", "status", "source"]


def register(subparsers: Any) -> None:
    """Add the ``fleet`` command group: ``orders`` and ``report``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "fleet",
        help="cli_help.fleet.help",
        description="cli_help.fleet.description",
    )
    parser.set_defaults(parser=parser)
    commands = parser.add_subparsers(dest="fleet_command", metavar="COMMAND")
    orders = commands.add_parser(
        "orders",
        help="cli_help.fleet.orders.help",
        description=("cli_help.fleet.orders.description"),
    )
    add_accounts_option(orders)
    orders.add_argument(
        "--concurrency",
        type=positive_int,
        default=_DEFAULT_CONCURRENCY,
        help="cli_help.fleet.orders.concurrency",
    )
    _add_store_option(orders)
    orders.add_argument("--base-url", default=None, help="cli_help.fleet.orders.base_url")
    orders.add_argument(
        "--format",
        choices=["table", "csv", "json", "parquet", "xlsx"],
        default=None,
        dest="fmt",
        help="cli_help.fleet.orders.format",
    )
    orders.add_argument(
        "-o",
        "--output",
        type=_path,
        default=None,
        metavar="FILE",
        help="cli_help.fleet.orders.output",
    )
    orders.add_argument("--shard", default=None, metavar="K/N", help="cli_help.fleet.orders.shard")
    orders.add_argument(
        "--sandbox",
        type=int,
        nargs="?",
        const=50,
        default=None,
        metavar="N",
        help="cli_help.fleet.orders.sandbox",
    )
    orders.set_defaults(handler=run_orders)
    report = commands.add_parser(
        "report",
        help="cli_help.fleet.report.help",
        description="cli_help.fleet.report.description",
    )
    _add_store_option(report)
    report.add_argument(
        "--older-than",
        type=non_negative_float,
        default=24.0,
        metavar="HOURS",
        help="cli_help.fleet.report.older_than",
    )
    report.add_argument("--json", action="store_true", help="cli_help.fleet.report.json")
    report.add_argument(
        "--lang", choices=["en", "fr"], default=default_lang(), help="cli_help.fleet.report.lang"
    )
    report.set_defaults(handler=run_report)


def _path(text: str) -> Any:
    from pathlib import Path

    return Path(text)


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        default=None,
        metavar="URL",
        help="cli_help.fleet.store",
    )


class _ProgressBar:
    """Accounts done, failed and items on stderr, once the fetch has taken a second."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.started = time.monotonic()
        self.shown = False
        self.last_line = 0.0
        self.tty = sys.stderr.isatty()
        self.latest: FleetProgress | None = None

    def __call__(self, progress: FleetProgress) -> None:
        from rakuten_assist.i18n import t

        self.latest = progress
        now = time.monotonic()
        elapsed = now - self.started
        finished = progress.done == progress.total
        if elapsed < _PROGRESS_AFTER_S and not (finished and self.shown):
            return
        # Not a terminal: one line a second at most, so logs stay readable.
        if not self.tty and not finished and now - self.last_line < 1.0:
            return
        filled = _BAR_WIDTH * progress.done // max(1, progress.total)
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        line = t(
            "fleet.progress.line",
            self.lang,
            bar=bar,
            done=progress.done,
            total=progress.total,
            failed=progress.failed,
            items=progress.items,
            seconds=f"{elapsed:.1f}",
        )
        self.shown = True
        self.last_line = now
        if self.tty:
            print(f"\r{line}", end="\n" if finished else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)


def _os_reason(exc: OSError, lang: str) -> str:
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say

    return str(say(os_reason(exc), lang))


def _shard(text: str | None, lang: str) -> tuple[int, int] | None:
    from rakuten_assist.i18n import t

    if text is None:
        return None
    part, _, parts = text.partition("/")
    if part.isdigit() and parts.isdigit() and 1 <= int(part) <= int(parts):
        return int(part), int(parts)
    raise ValueError(t("fleet.shard.bad", lang, value=text))


def run_orders(args: argparse.Namespace) -> int:
    """Check the accounts, fetch them all, store the run, print the items and the failures."""
    if args.sandbox is None:
        return _run_orders(args)
    import tempfile
    from pathlib import Path

    from rakuten_assist.i18n import t
    from rakuten_assist.sandbox.fleet import running_fleet_sandbox

    with running_fleet_sandbox(accounts=max(1, args.sandbox)) as fleet:
        print(
            t("fleet.sandbox.in_process", args.lang, url=fleet.base_url, count=args.sandbox),
            file=sys.stderr,
        )
        with tempfile.TemporaryDirectory() as folder:
            args.accounts = fleet.write_accounts(Path(folder) / "accounts.toml")
            return _run_orders(args)


def _run_orders(args: argparse.Namespace) -> int:
    from rakuten_assist.config import Settings
    from rakuten_assist.errors import ConfigError
    from rakuten_assist.fleet import (
        AccountOutcome,
        AccountsFileError,
        check_accounts,
        default_accounts_path,
        fetch_fleet,
        load_accounts,
    )
    from rakuten_assist.i18n import t
    from rakuten_assist.store import StoreError, open_store

    lang = args.lang
    try:
        shard = _shard(args.shard, lang)
    except ValueError as exc:
        fail(str(exc), t("fleet.shard.bad_fix", lang))
        return EXIT_USAGE
    from rakuten_assist.exports import FormatMismatchError, FormatUnknownError, format_for

    try:
        args.fmt = format_for(args.output, args.fmt)
    except (FormatMismatchError, FormatUnknownError) as exc:
        fail(*exc.render(lang))
        return EXIT_USAGE
    problem = _output_problem(args.fmt, args.output, lang)
    if problem is not None:
        fail(*problem)
        return EXIT_USAGE
    try:
        accounts = load_accounts(args.accounts or default_accounts_path(), lang=lang)
    except AccountsFileError as exc:
        fail(exc.message, exc.fix)
        return EXIT_USAGE
    checks = check_accounts(accounts, lang=lang)
    if shard is not None:
        part, parts = shard
        from rakuten_assist.fleet.accounts import shard_of

        checks = [c for c in checks if shard_of(c.label, parts) == part]
    ready = [check.account for check in checks if check.account is not None]
    settings = Settings.from_env(args.base_url or accounts.base_url)
    try:
        store = open_store(args.store, lang=lang)
        used = store.calls_in_last_hour()
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=lang)
        return EXIT_USAGE
    # Retries are logged as warnings; the progress bar and the failure list say it better.
    logging.getLogger("rakuten_assist.fleet").setLevel(logging.ERROR)
    bar = _ProgressBar(lang)
    try:
        run = fetch_fleet(
            ready,
            settings=settings,
            concurrency=args.concurrency,
            used_calls=used,
            on_progress=bar,
            lang=lang,
        )
    except KeyboardInterrupt:
        _say_interrupted(args, bar.latest, len(ready))
        return EXIT_INTERRUPTED
    fetched = {outcome.label: outcome for outcome in run.outcomes}
    run.outcomes = [
        fetched[check.label]
        if check.account is not None
        else AccountOutcome(
            label=check.label,
            login="",
            # Every problem of the entry, so the report does not hide the second one.
            error=ConfigError(
                " ".join(problem for problem, _ in check.problems),
                fix=" ".join(fix for _, fix in check.problems if fix),
            ),
        )
        for check in checks
    ]
    from rakuten_assist.fleet.skus import judge_skus

    for unusable in judge_skus(run, ready, lang=lang):
        print(unusable, file=sys.stderr)
    try:
        store.save_run(run, shard=args.shard)
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=lang)
        return EXIT_USAGE
    _print_failures(run, lang)
    frame = run.frame()
    try:
        _write(frame, args.fmt, args.output, lang)
    except OSError as exc:
        reason = _os_reason(exc, lang)
        fail(
            t("fleet.orders.cannot_write", lang, path=args.output, reason=reason),
            t("fleet.orders.cannot_write_fix", lang),
        )
        return EXIT_USAGE
    print(
        t(
            "fleet.orders.summary",
            lang,
            total=len(run.outcomes),
            failed=len(run.failed),
            items=len(frame),
            run=run.id,
        ),
        file=sys.stderr,
    )
    if not run.failed:
        return EXIT_OK
    return EXIT_REMOTE if len(run.failed) == len(run.outcomes) else EXIT_NO


def _say_interrupted(args: argparse.Namespace, progress: FleetProgress | None, total: int) -> None:
    """Ctrl-C during the fetch: nothing stored or written, what had arrived, what to run."""
    from rakuten_assist.i18n import t

    lang = args.lang
    # The bar may have left its line open on a terminal.
    print(file=sys.stderr)
    fail(
        t(
            "fleet.orders.interrupted",
            lang,
            items=progress.items if progress else 0,
            done=progress.done if progress else 0,
            total=progress.total if progress else total,
        ),
        t("fleet.orders.interrupted_fix", lang, command=_again_command(args)),
        lang=lang,
    )


def _again_command(args: argparse.Namespace) -> str:
    """The command that runs this fetch again: same accounts, store, output and options."""
    import shlex

    from rakuten_assist.redaction import redact
    from rakuten_assist.store._backend import shown_url

    words = ["rakuten-assist", "fleet", "orders"]
    if args.sandbox is not None:
        # The sandbox's accounts file was temporary: the option makes a new one.
        words += ["--sandbox", str(args.sandbox)]
    elif args.accounts is not None:
        words += ["--accounts", str(args.accounts)]
    if args.store is not None:
        # The team database password is a secret too: shown as *** like the token.
        words += ["--store", redact(shown_url(args.store))]
    if args.output is not None:
        words += ["-o", str(args.output)]
    words += ["--format", args.fmt]
    if args.concurrency != _DEFAULT_CONCURRENCY:
        words += ["--concurrency", str(args.concurrency)]
    if args.shard is not None:
        words += ["--shard", args.shard]
    if args.base_url is not None:
        words += ["--base-url", redact(args.base_url)]
    return shlex.join(words)


def _print_failures(run: FleetRun, lang: str) -> None:
    from rakuten_assist.fleet.report import failure_words
    from rakuten_assist.i18n import t

    if not run.failed:
        return
    print(t("fleet.orders.failed_header", lang, count=len(run.failed)), file=sys.stderr)
    for outcome in run.failed:
        error = outcome.error
        if error is None:
            continue
        # Worded as ``fleet report`` words it: our cause, Rakuten's text apart, the fix.
        message = getattr(error, "msg", None)
        _, own_fix = error.render(lang)
        said, quoted, fix = failure_words(
            message.id if message is not None else None,
            dict(message.params) if message is not None else {},
            error.message,
            own_fix,
            lang,
        )
        print(
            t("fleet.orders.failed_line", lang, label=outcome.label, message=said),
            file=sys.stderr,
        )
        if quoted:
            print(t("fleet.orders.quote_line", lang, text=quoted), file=sys.stderr)
        if fix:
            print(t("fleet.orders.fix_line", lang, fix=fix), file=sys.stderr)


def _output_problem(fmt: str, output: Any, lang: str) -> tuple[str, str] | None:
    """Why the requested output cannot be written, as (cause, fix), checked before fetching."""
    import importlib.util

    from rakuten_assist.i18n import t

    if fmt == "parquet":
        if output is None:
            return t("fleet.output.parquet_file", lang), t("fleet.output.parquet_file_fix", lang)
        if importlib.util.find_spec("pyarrow") is None:
            return t("fleet.output.no_pyarrow", lang), t("fleet.output.no_pyarrow_fix", lang)
    if fmt == "xlsx":
        if output is None:
            return t("fleet.output.xlsx_file", lang), t("fleet.output.xlsx_file_fix", lang)
        if importlib.util.find_spec("openpyxl") is None:
            return t("fleet.output.no_openpyxl", lang), t("fleet.output.no_openpyxl_fix", lang)
    if output is not None:
        if output.is_dir():
            return t("fleet.output.is_dir", lang, path=output), t("fleet.output.is_dir_fix", lang)
        if not output.parent.is_dir():
            return (
                t("fleet.output.no_folder", lang, path=output.parent),
                t("fleet.output.is_dir_fix", lang),
            )
    return None


def _write(frame: pd.DataFrame, fmt: str, output: Any, lang: str) -> None:
    """The items as a table, CSV, JSON (the rows of ``orders --format json`` plus ``account``),
    Parquet or Excel, on stdout or in ``output`` (written as ``orders`` writes its files)."""
    from rakuten_assist.i18n import t

    if output is None:
        if fmt == "json":
            from rakuten_assist.frames import to_json_records

            emit_json(to_json_records(frame))
        elif fmt == "csv":
            from rakuten_assist.exports import neutralise_formulas

            sys.stdout.write(neutralise_formulas(frame).to_csv(index=False))
        else:
            sys.stdout.write(_table(frame, lang))
        return
    from rakuten_assist.cli._orders_files import write_orders

    rows = write_orders(frame, fmt, output, merge=False, table=lambda f: _table(f, lang))
    print(t("fleet.output.wrote", lang, rows=rows, path=output), file=sys.stderr)


def _table(frame: pd.DataFrame, lang: str) -> str:
    from rakuten_assist.i18n import t

    if frame.empty:
        return t("fleet.orders.none", lang) + "\n"
    shown = frame[[c for c in _TABLE_COLUMNS if c in frame.columns]].copy()
    shown["purchase_date"] = shown["purchase_date"].dt.strftime("%Y-%m-%d %H:%M")
    return shown.to_string(index=False, na_rep="-") + "\n"


def run_report(args: argparse.Namespace) -> int:
    """Print the report from the stored runs."""
    from rakuten_assist.fleet.report import build_report, daily_open_orders
    from rakuten_assist.store import StoreError, open_store

    try:
        store = open_store(args.store, lang=args.lang)
        report = build_report(store, older_than_hours=args.older_than, lang=args.lang)
        daily = daily_open_orders(store, days=8)
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=args.lang)
        return EXIT_USAGE
    if args.json:
        data = report.as_json()
        data["open_orders_per_day"] = [
            {"day": str(day), "account": str(account), "open_orders": int(count)}
            for day, account, count in zip(
                daily["day"], daily["account"], daily["open_orders"], strict=True
            )
        ]
        emit_json(data)
        return EXIT_OK
    sys.stdout.write(_report_text(report, daily, args.lang))
    return EXIT_OK


def _report_text(report: FleetReport, daily: pd.DataFrame, lang: str) -> str:
    from rakuten_assist.i18n import t

    if report.run is None:
        return t("fleet.report.empty", lang) + "\n"
    out = [
        t(
            "fleet.report.header",
            lang,
            run=report.run["id"],
            finished=str(report.run["finished"])[:19].replace("T", " "),
            accounts=len(report.accounts),
        ),
        "",
        t("fleet.report.failing", lang, count=len(report.failing)),
    ]
    for account in report.failing:
        # Worded as ``fleet orders`` words it: our cause, Rakuten's text apart, the fix.
        error = account.said or account.error
        out.append(t("fleet.report.failing_line", lang, label=account.label, error=error))
        if account.rakuten_text:
            out.append(t("fleet.report.quote_line", lang, text=account.rakuten_text))
        out.append(t("fleet.report.fix_line", lang, fix=account.fix or "-"))
    waiting = [a for a in report.accounts if a.awaiting_acceptance_over]
    out += ["", t("fleet.report.waiting", lang, hours=f"{report.older_than_hours:g}")]
    out += [
        t("fleet.report.count_line", lang, label=a.label, count=a.awaiting_acceptance_over)
        + _partial(a, lang)
        for a in waiting
    ] or [t("fleet.report.none", lang)]
    sku = [a for a in report.accounts if a.empty_sku_items or a.unknown_sku_items]
    out += ["", t("fleet.report.sku", lang)]
    out += [
        t(
            "fleet.report.sku_line",
            lang,
            label=a.label,
            empty=a.empty_sku_items,
            unknown="-" if a.unknown_sku_items is None else a.unknown_sku_items,
        )
        + _partial(a, lang)
        for a in sku
    ] or [t("fleet.report.none", lang)]
    out += ["", t("fleet.report.daily", lang)]
    if daily.empty:
        out.append(t("fleet.report.none", lang))
    else:
        table = daily.pivot_table(
            index="account", columns="day", values="open_orders", aggfunc="last", observed=True
        )
        table.index.name = table.columns.name = None  # the heading above says what they are
        out.append(table.to_string(na_rep="-"))
    return "\n".join(out) + "\n"


def _partial(account: Any, lang: str) -> str:
    """The mark of counts from a fetch that failed part-way (empty for a complete one)."""
    from rakuten_assist.i18n import t

    return t("fleet.report.partial", lang) if account.partial else ""
