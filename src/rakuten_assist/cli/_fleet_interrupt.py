"""Ctrl-C during ``fleet orders``: keep the accounts already fetched, say what to run next.

The fetch hands back its run on Ctrl-C (``FleetInterrupted``). The accounts fetched to the
end are stored as they are, in one transaction as for a complete run, the run marked
``interrupted``; the accounts cut short are stored as not fetched (no items), with the calls
they made, so that the next run's hourly budgets count them. No output file is written: a
file of some accounts' orders would pass for the fleet's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from rakuten_assist.cli._common import EXIT_INTERRUPTED, fail

if TYPE_CHECKING:
    from rakuten_assist.fleet import FleetInterrupted, FleetRun
    from rakuten_assist.store import Store

__all__ = ["DEFAULT_CONCURRENCY", "again_command", "keep_interrupted", "say_lost"]

DEFAULT_CONCURRENCY = 20


def not_fetched(stop: FleetInterrupted) -> FleetRun:
    """The interrupted run with each account cut short turned into a "not fetched" failure
    that keeps its calls, pages and times, and none of its items."""
    from rakuten_assist.errors import RakutenAssistError
    from rakuten_assist.fleet import AccountOutcome
    from rakuten_assist.i18n import Message

    run = stop.run
    run.outcomes = [
        outcome
        if finished
        else AccountOutcome(
            label=outcome.label,
            login=outcome.login,
            error=RakutenAssistError(
                Message("fleet.orders.not_fetched"), fix=Message("fleet.orders.not_fetched_fix")
            ),
            calls=outcome.calls,
            pages=outcome.pages,
            started=outcome.started,
            finished=outcome.finished,
        )
        for outcome, finished in zip(run.outcomes, stop.finished, strict=True)
    ]
    return run


def keep_interrupted(
    args: argparse.Namespace,
    stop: FleetInterrupted,
    store: Store,
    complete: Callable[[FleetRun], FleetRun],
) -> int:
    """Store what ``stop`` kept (``complete`` adds the accounts that were never ready), say
    it, and what to run next; exit 130 whether or not it could be stored."""
    from rakuten_assist.i18n import t
    from rakuten_assist.store import StoreError

    lang = args.lang
    done = sum(stop.finished)
    items = sum(len(o.lines) for o, ok in zip(stop.run.outcomes, stop.finished, strict=True) if ok)
    run = complete(not_fetched(stop))
    # The bar may have left its line open on a terminal.
    print(file=sys.stderr)
    try:
        store.save_run(run, shard=args.shard)
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=lang)
        say_lost(args, items, done, len(stop.finished))
        return EXIT_INTERRUPTED
    fail(
        t(
            "fleet.orders.interrupted",
            lang,
            done=done,
            items=items,
            run=run.id,
            left=len(stop.finished) - done,
            total=len(stop.finished),
        ),
        t("fleet.orders.interrupted_fix", lang, command=again_command(args)),
        lang=lang,
    )
    return EXIT_INTERRUPTED


def say_lost(args: argparse.Namespace, items: int, done: int, total: int) -> None:
    """Ctrl-C with nothing kept: what had arrived, and the command to run again."""
    from rakuten_assist.i18n import t

    lang = args.lang
    fail(
        t("fleet.orders.interrupted_lost", lang, items=items, done=done, total=total),
        t("fleet.orders.interrupted_fix", lang, command=again_command(args)),
        lang=lang,
    )


def again_command(args: argparse.Namespace) -> str:
    """The command that runs this fetch again: same accounts, store, output and options."""
    import shlex

    from rakuten_assist.redaction import redact
    from rakuten_assist.store._urls import shown_url

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
    if args.concurrency != DEFAULT_CONCURRENCY:
        words += ["--concurrency", str(args.concurrency)]
    if args.shard is not None:
        words += ["--shard", args.shard]
    if args.base_url is not None:
        words += ["--base-url", redact(args.base_url)]
    return shlex.join(words)
