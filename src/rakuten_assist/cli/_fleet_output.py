"""What ``fleet orders`` shows and writes: its progress bar, failures, table and files."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import emit_json

if TYPE_CHECKING:
    import pandas as pd

    from rakuten_assist.fleet import FleetProgress, FleetRun

__all__ = [
    "OUR_SIDE_IDS",
    "ProgressBar",
    "os_reason",
    "our_side_lines",
    "output_problem",
    "print_failures",
    "write",
]

# The progress bar shows only for a fetch longer than this (seconds).
_PROGRESS_AFTER_S = 1.0
_BAR_WIDTH = 24
_TABLE_COLUMNS = ["account", "purchase_id", "purchase_date", "item_id", "sku", "status", "source"]


class ProgressBar:
    """Accounts done, failed and items on stderr, once the fetch has taken a second."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.started = time.monotonic()
        self.shown = False
        self.last_line = 0.0
        self.tty = sys.stderr.isatty()
        self.latest: FleetProgress | None = None

    def __call__(self, progress: FleetProgress) -> None:
        from rakuten_assist.i18n import Number, t

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
            seconds=Number(f"{elapsed:.1f}").render(self.lang),
        )
        self.shown = True
        self.last_line = now
        if self.tty:
            print(f"\r{line}", end="\n" if finished else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)


def os_reason(exc: OSError, lang: str) -> str:
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say

    return str(say(os_reason(exc), lang))


#: failures where the request never reached Rakuten: the cause is on the side that runs the
#: fleet (network, base URL), nothing a merchant can act on
OUR_SIDE_IDS = frozenset(
    {
        "errors.api.unreachable",
        "errors.api.connect_timeout",
        "errors.api.proxy_refused",
        "errors.api.proxy_unreachable",
    }
)


def our_side_lines(failures: list[tuple[str, str | None, str | None]], lang: str) -> list[str]:
    """The accounts Rakuten could not be reached for, said once per cause: each group of
    accounts that failed alike on one line (``failures``: label, what was said, the fix)."""
    from rakuten_assist.i18n import t

    if not failures:
        return []
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    for label, said, fix in failures:
        groups.setdefault((said, fix), []).append(label)
    lines = [t("fleet.our_side.header", lang, count=len(failures))]
    for (said, fix), labels in groups.items():
        lines.append(t("fleet.our_side.line", lang, labels=", ".join(labels), error=said or "-"))
        if fix:
            lines.append(t("fleet.our_side.fix_line", lang, fix=fix))
    return lines


def print_failures(run: FleetRun, lang: str) -> None:
    from rakuten_assist.fleet.accounts import UnusableEntryError
    from rakuten_assist.fleet.report import failure_words
    from rakuten_assist.i18n import t

    if not run.failed:
        return
    theirs: list[str] = []
    ours: list[tuple[str, str | None, str | None]] = []
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
            unusable_entry=isinstance(error, UnusableEntryError),
        )
        if message is not None and message.id in OUR_SIDE_IDS:
            ours.append((outcome.label, said, fix))
            continue
        theirs.append(t("fleet.orders.failed_line", lang, label=outcome.label, message=said))
        if quoted:
            theirs.append(t("fleet.orders.quote_line", lang, text=quoted))
        if fix:
            theirs.append(t("fleet.orders.fix_line", lang, fix=fix))
    if theirs:
        count = len(run.failed) - len(ours)
        print(t("fleet.orders.failed_header", lang, count=count), file=sys.stderr)
        print("\n".join(theirs), file=sys.stderr)
    for line in our_side_lines(ours, lang):
        print(line, file=sys.stderr)


def output_problem(fmt: str, output: Any, lang: str) -> tuple[str, str] | None:
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


def write(frame: pd.DataFrame, fmt: str, output: Any, lang: str) -> None:
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
