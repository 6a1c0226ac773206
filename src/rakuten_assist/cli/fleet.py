"""``rakuten-assist fleet orders`` and ``fleet report``: every account at once, and its history.

What ``fleet orders`` shows and writes is in ``_fleet_output``, what it keeps on Ctrl-C in
``_fleet_interrupt``, and ``fleet report`` in ``_fleet_report``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_INTERRUPTED,
    EXIT_NO,
    EXIT_OK,
    EXIT_REMOTE,
    EXIT_USAGE,
    fail,
    non_negative_float,
    positive_int,
    store_exit,
)
from rakuten_assist.cli._fleet_interrupt import DEFAULT_CONCURRENCY as _DEFAULT_CONCURRENCY
from rakuten_assist.cli._fleet_interrupt import again_command as _again_command
from rakuten_assist.cli._fleet_interrupt import keep_interrupted, say_lost
from rakuten_assist.cli._fleet_output import (
    ProgressBar,
    os_reason,
    output_problem,
    print_failures,
)
from rakuten_assist.cli._fleet_output import write as _write
from rakuten_assist.cli._fleet_report import run_report
from rakuten_assist.cli.accounts import add_accounts_option, default_lang

if TYPE_CHECKING:
    from rakuten_assist.fleet import AccountCheck, FleetRun

# ``_again_command`` and ``_write`` are imported from here by tests and older callers.
__all__ = ["_again_command", "_write", "register", "run_orders", "run_report"]


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

    # Varied merchants (sizes, sales waiting), so the report shows differences.
    with running_fleet_sandbox(accounts=max(1, args.sandbox), vary_sales=True) as fleet:
        print(
            t("fleet.sandbox.in_process", args.lang, url=fleet.base_url, count=args.sandbox),
            file=sys.stderr,
        )
        if args.store is None:
            # Demo merchants never join the team's history: their own store, unless asked.
            import shlex

            from rakuten_assist.store import sandbox_store_url

            args.store = sandbox_store_url()
            print(
                t("fleet.sandbox.demo_store", args.lang, store=shlex.quote(args.store)),
                file=sys.stderr,
            )
        with tempfile.TemporaryDirectory() as folder:
            args.accounts = fleet.write_accounts(Path(folder) / "accounts.toml")
            return _run_orders(args)


def _run_orders(args: argparse.Namespace) -> int:
    from rakuten_assist.config import Settings
    from rakuten_assist.fleet import (
        AccountsFileError,
        FleetInterrupted,
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
    problem = output_problem(args.fmt, args.output, lang)
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
        return store_exit(exc)
    # Retries are logged as warnings; the progress bar and the failure list say it better.
    logging.getLogger("rakuten_assist.fleet").setLevel(logging.ERROR)
    bar = ProgressBar(lang)

    def complete(run: FleetRun) -> FleetRun:
        return _complete(run, checks, ready, lang)

    try:
        run = fetch_fleet(
            ready,
            settings=settings,
            concurrency=args.concurrency,
            used_calls=used,
            on_progress=bar,
            lang=lang,
        )
    except FleetInterrupted as stop:
        return keep_interrupted(args, stop, store, complete)
    except KeyboardInterrupt:
        # Before the fetch began, or a second Ctrl-C: nothing to keep.
        print(file=sys.stderr)  # the bar may have left its line open on a terminal
        progress = bar.latest
        if progress is None:
            say_lost(args, 0, 0, len(ready))
        else:
            say_lost(args, progress.items, progress.done, progress.total)
        return EXIT_INTERRUPTED
    run = complete(run)
    try:
        store.save_run(run, shard=args.shard)
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=lang)
        return store_exit(exc)
    print_failures(run, lang)
    frame = run.frame()
    try:
        _write(frame, args.fmt, args.output, lang)
    except OSError as exc:
        reason = os_reason(exc, lang)
        fail(
            t("fleet.orders.cannot_write", lang, path=args.output, reason=reason),
            t("fleet.orders.cannot_write_fix", lang),
        )
        return EXIT_USAGE
    # Entries, as the file has them: a label two entries share is one outcome, two entries.
    shared = sum(check.entries - 1 for check in checks)
    print(
        t(
            "fleet.orders.summary",
            lang,
            total=len(run.outcomes) + shared,
            failed=len(run.failed) + shared,
            items=len(frame),
            run=run.id,
            store=store.where,
        ),
        file=sys.stderr,
    )
    if not run.failed:
        return EXIT_OK
    return EXIT_REMOTE if len(run.failed) == len(run.outcomes) else EXIT_NO


def _complete(run: FleetRun, checks: list[AccountCheck], ready: list[Any], lang: str) -> FleetRun:
    """``run`` with every checked account in file order (an unusable entry as its problems),
    and the SKUs of the accounts with a catalogue judged (unusable catalogues said)."""
    from rakuten_assist.fleet import AccountOutcome
    from rakuten_assist.fleet.accounts import UnusableEntryError
    from rakuten_assist.fleet.skus import judge_skus

    fetched = {outcome.label: outcome for outcome in run.outcomes}
    run.outcomes = [
        fetched[check.label]
        if check.account is not None
        else AccountOutcome(
            label=check.label,
            login="",
            # Every problem of the entry, so the report does not hide the second one.
            error=UnusableEntryError(
                " ".join(problem for problem, _ in check.problems),
                fix=" ".join(fix for _, fix in check.problems if fix),
            ),
        )
        for check in checks
    ]
    for unusable in judge_skus(run, ready, lang=lang):
        print(unusable, file=sys.stderr)
    return run
