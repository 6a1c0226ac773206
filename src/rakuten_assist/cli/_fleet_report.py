"""``rakuten-assist fleet report``: the stored runs as text or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import EXIT_OK, EXIT_USAGE, emit_json, fail, store_exit
from rakuten_assist.cli._fleet_output import OUR_SIDE_IDS, our_side_lines

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.fleet.report import FleetReport

__all__ = ["run_report"]


def run_report(args: argparse.Namespace) -> int:
    """Print the report from the stored runs."""
    import os

    from rakuten_assist.fleet.report import build_report, daily_open_orders
    from rakuten_assist.i18n import t
    from rakuten_assist.store import Store, StoreError, default_store_url, open_store

    try:
        url = args.store or default_store_url()
        wanted = Store(url, lang=args.lang)
        if not wanted.exists():
            # A report only reads: a mistyped path must not leave a new, empty store behind.
            if args.store is None and not os.environ.get("RAKUTEN_ASSIST_STORE"):
                sys.stdout.write(t("fleet.report.empty", args.lang) + "\n")
                return EXIT_OK
            fail(
                t("fleet.store.missing", args.lang, url=url, path=wanted.where),
                t("fleet.store.missing_fix", args.lang),
                lang=args.lang,
            )
            return EXIT_USAGE
        store = open_store(url, lang=args.lang)
        report = build_report(store, older_than_hours=args.older_than, lang=args.lang)
        daily = daily_open_orders(store, days=8)
    except StoreError as exc:
        fail(exc.message, exc.fix, lang=args.lang)
        return store_exit(exc)
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
        *([t("fleet.report.interrupted", lang)] if report.run.get("interrupted") else []),
        "",
    ]
    # Rakuten never reached: one cause on our side, said once, not a message per merchant.
    ours = [a for a in report.failing if a.error_id in OUR_SIDE_IDS]
    theirs = [a for a in report.failing if a.error_id not in OUR_SIDE_IDS]
    if theirs:
        out.append(t("fleet.report.failing", lang, count=len(theirs)))
    elif not ours:
        # "Accounts failing (0), with what to tell them:" then nothing: say there is none.
        out.append(t("fleet.report.none_failing", lang))
    for account in theirs:
        # Worded as ``fleet orders`` words it: our cause, Rakuten's text apart, the fix.
        error = account.said or account.error
        out.append(t("fleet.report.failing_line", lang, label=account.label, error=error))
        if account.rakuten_text:
            out.append(t("fleet.report.quote_line", lang, text=account.rakuten_text))
        out.append(t("fleet.report.fix_line", lang, fix=account.fix or "-"))
    if ours:
        out += [
            *([""] if theirs else []),
            *our_side_lines([(a.label, a.said or a.error, a.fix) for a in ours], lang),
        ]
    # An account never fetched in full has no counts: said once per section, never as "none".
    never = [a.label for a in report.accounts if a.counted_run is None]
    uncounted = (
        [t("fleet.report.not_counted", lang, count=len(never), labels=", ".join(never))]
        if never
        else []
    )
    waiting = [a for a in report.accounts if a.awaiting_acceptance_over]
    out += ["", t("fleet.report.waiting", lang, hours=f"{report.older_than_hours:g}")]
    out += _marked(
        [
            (t("fleet.report.count_line", lang, label=a.label, count=a.awaiting_acceptance_over), a)
            for a in waiting
        ],
        lang,
    ) or ([] if uncounted else [t("fleet.report.none", lang)])
    out += uncounted
    sku = [a for a in report.accounts if a.empty_sku_items or a.unknown_sku_items]
    out += ["", t("fleet.report.sku", lang)]
    out += _marked(
        [
            (
                t("fleet.report.sku_line_empty", lang, label=a.label, empty=a.empty_sku_items)
                if a.unknown_sku_items is None
                else t(
                    "fleet.report.sku_line",
                    lang,
                    label=a.label,
                    empty=a.empty_sku_items,
                    unknown=a.unknown_sku_items,
                ),
                a,
            )
            for a in sku
        ],
        lang,
    ) or ([] if uncounted else [t("fleet.report.none", lang)])
    out += uncounted
    # Unknown SKUs are judged against a catalogue: said once for the accounts without one.
    bare = [a.label for a in report.accounts if a.counted_run and a.unknown_sku_items is None]
    if bare and len(bare) == sum(1 for a in report.accounts if a.counted_run):
        out.append(t("fleet.report.no_catalogue_any", lang))
    elif bare:
        out.append(t("fleet.report.no_catalogue", lang, count=len(bare), labels=", ".join(bare)))
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


def _marked(lines: list[tuple[str, Any]], lang: str) -> list[str]:
    """Each account's line with the mark of where its counts come from; a mark every line
    shares (all counted from the same earlier fetch) is said once, under them."""
    from rakuten_assist.i18n import t

    marks = {_counted(account, lang) for _, account in lines}
    if len(lines) > 1 and len(marks) == 1 and "" not in marks:
        first = lines[0][1]
        shared = (
            t("fleet.report.all_partial", lang)
            if first.partial
            else t("fleet.report.all_counted_from", lang, time=_when(first.counted_at))
        )
        return [line for line, _ in lines] + [shared]
    return [line + _counted(account, lang) for line, account in lines]


def _when(moment: Any) -> str:
    return str(moment)[:16].replace("T", " ")


def _counted(account: Any, lang: str) -> str:
    """The mark of counts from a fetch that failed part-way, or from an earlier complete fetch
    when the latest failed before any item (empty for a complete latest fetch)."""
    from rakuten_assist.i18n import t

    if account.partial:
        return t("fleet.report.partial", lang)
    if account.ok or account.counted_at is None:
        return ""
    return t("fleet.report.counted_from", lang, time=_when(account.counted_at))
