"""Answers from the stored runs: who fails and what to tell them, what waits, what trends.

Each account is judged on its latest stored outcome (workers on shards write separate runs,
so the latest outcome of each account may come from different runs). Its counts (sales
waiting, SKUs) come from that fetch when it brought items (a fetch that failed part-way is
marked partial), else from its latest complete fetch: a fetch that failed before any item
would give counts of 0, read as "nothing waits" when nothing was read. The
fix of a failure comes from the project's error catalogue (``support.errors_catalogue``) in
the reader's language, else from the error itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from rakuten_assist.store import Store

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AccountReport", "FleetReport", "build_report", "daily_open_orders"]

DEFAULT_OLDER_THAN_HOURS = 24.0


@dataclass(frozen=True)
class AccountReport:
    """One account in the report (keys of ``fleet report --json``)."""

    label: str
    ok: bool
    error: str | None
    fix: str | None
    items: int
    awaiting_acceptance_over: int
    empty_sku_items: int
    unknown_sku_items: int | None
    run_id: str
    checked: str
    #: why it fails, from the error catalogue in the reader's language (None: not known)
    cause: str | None = None
    #: the error's message id (``errors.fault.auth``...), stable across languages
    error_id: str | None = None
    #: what the text report says of a failure, in the reader's language (``failure_words``)
    said: str | None = None
    #: Rakuten's own text for a failure it answered, as received (quoted apart in the text)
    rakuten_text: str | None = None
    #: the run and time of the fetch the counts come from: the latest when it brought items,
    #: else the latest complete one (None: no fetch ever brought items; counts unknown, 0)
    counted_run: str | None = None
    counted_at: str | None = None

    @property
    def partial(self) -> bool:
        """The latest fetch failed after some items came back: its counts are not complete."""
        return not self.ok and self.items > 0

    def as_json(self) -> dict[str, Any]:
        """The CLI.md shape, plus the run and time the outcome comes from."""
        return {
            "label": self.label,
            "ok": self.ok,
            "error": self.error,
            "fix": self.fix,
            "cause": self.cause,
            "error_id": self.error_id,
            "items": self.items,
            "awaiting_acceptance_over": self.awaiting_acceptance_over,
            "empty_sku_items": self.empty_sku_items,
            "unknown_sku_items": self.unknown_sku_items,
            "run_id": self.run_id,
            "checked": self.checked,
            "partial": self.partial,
            "counted_run": self.counted_run,
            "counted_at": self.counted_at,
        }


@dataclass(frozen=True)
class FleetReport:
    """The latest run, each account's latest outcome, and the threshold used."""

    run: dict[str, Any] | None
    accounts: list[AccountReport]
    older_than_hours: float

    @property
    def failing(self) -> list[AccountReport]:
        """Accounts whose latest fetch failed."""
        return [account for account in self.accounts if not account.ok]

    def as_json(self) -> dict[str, Any]:
        """The ``fleet report --json`` shape of CLI.md."""
        return {
            "run": self.run,
            "older_than_hours": self.older_than_hours,
            "accounts": [account.as_json() for account in self.accounts],
        }


def explain(
    message: str | None, stored_fix: str | None, lang: str
) -> tuple[str | None, str | None]:
    """The error catalogue's cause and fix for a stored error message, in ``lang``.

    Without a catalogue entry: no cause (the message says it) and the error's own fix.
    """
    if not message:
        return None, stored_fix
    from rakuten_assist.support.errors_catalogue import explain_error

    match = explain_error(message)
    if match is None:
        return None, stored_fix
    cause, fix = _entry_texts(match.entry, lang)
    return cause or None, fix or stored_fix


def _entry_texts(entry: Any, lang: str) -> tuple[str, str]:
    """An entry's cause and fix in ``lang``: from its catalogue methods (``cause_in``,
    ``fix_in``) where the support package has them, else from its per-language tables."""
    cause_in = getattr(entry, "cause_in", None)
    fix_in = getattr(entry, "fix_in", None)
    if cause_in is not None and fix_in is not None:
        return str(cause_in(lang)), str(fix_in(lang))
    causes, fixes = entry.cause, entry.fix
    return (
        str(causes.get(lang) or causes.get("en") or ""),
        str(fixes.get(lang) or fixes.get("en") or ""),
    )


def failure_words(
    message_id: str | None,
    params: dict[str, Any],
    message: str | None,
    fix: str | None,
    lang: str,
    *,
    unusable_entry: bool = False,
) -> tuple[str | None, str | None, str | None]:
    """What to say about a failed account, Rakuten's own text to quote apart, and the fix.

    Both ``fleet orders`` and ``fleet report`` word failures with it. What to say is the error
    catalogue's cause in ``lang`` when the error is known there, else our error message in
    ``lang``; Rakuten's text (``errors.fault.*``) is never mixed into our sentence: it is
    returned apart, to be shown marked as Rakuten's words.

    Args:
        message_id: the error's catalogue id (None: only its English text is known).
        params: the id's parameters (Rakuten's text is ``text`` of a fault).
        message: the error's English text (what the error catalogue recognises).
        fix: the error's own fix, used when the error catalogue has none.
        lang: the reader's language.
        unusable_entry: the error is an accounts-file entry that was not fetched: its problems
            are said as ``accounts check`` said them (the error catalogue would keep only one).
    """
    from rakuten_assist.errors._network import said_params
    from rakuten_assist.i18n import Message

    if unusable_entry:
        return message, None, fix
    cause, fix = explain(message, fix, lang)
    raw = params.get("text") if message_id and message_id.startswith("errors.fault.") else None
    quoted = str(raw).strip() or None if raw is not None else None
    if cause:
        return cause, quoted, fix
    if message_id is None:
        return message, None, fix
    try:
        # Our sentence without Rakuten's text, which follows apart.
        shown = said_params(message_id, {**params, "text": ""} if quoted else params)
        said = Message(message_id, shown).render(lang)
    except (KeyError, ValueError):  # an id this version does not know: the text as stored
        return message, None, fix
    return said.rstrip(" :") if quoted else said, quoted, fix


def catalogue_fix(message: str | None, stored_fix: str | None, lang: str) -> str | None:
    """The error catalogue's fix for a stored error message, else the error's own fix."""
    return explain(message, stored_fix, lang)[1]


def _error_in(row: dict[str, Any], lang: str) -> str | None:
    """A stored error in ``lang`` when its catalogue id was stored, else its English text."""
    stored: str | None = row["error_message"]
    if not row.get("error_id"):
        return stored
    from rakuten_assist.errors._network import said_params
    from rakuten_assist.i18n import Message

    try:
        return Message(row["error_id"], said_params(row["error_id"], _stored_params(row))).render(
            lang
        )
    except (KeyError, ValueError):  # an id this version does not know: the text as stored
        return stored


def _fix_in(row: dict[str, Any], lang: str) -> str | None:
    """A stored fix in ``lang``: from its catalogue id when one was stored; for a run stored
    before fix ids were, from the errors catalogue's fix of the same English text; else
    the text as stored."""
    stored: str | None = row["error_fix"]
    from rakuten_assist.i18n import Message, catalogue

    fix_id = row.get("fix_id")
    if not fix_id and stored:
        english = catalogue("en")
        fix_id = next(
            (key for key in english if key.startswith("errors.fix.") and english[key] == stored),
            None,
        )
    if not fix_id:
        return stored
    try:
        return Message(fix_id, _stored_params(row, "fix_params")).render(lang)
    except (KeyError, ValueError):  # an id this version does not know: the text as stored
        return stored


def _stored_params(row: dict[str, Any], column: str = "error_params") -> dict[str, Any]:
    import json

    try:
        params = json.loads(row.get(column) or "{}")
    except ValueError:
        return {}
    return params if isinstance(params, dict) else {}


def _latest_outcomes(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT a.* FROM run_accounts a JOIN ("
        " SELECT label, MAX(finished) AS finished FROM run_accounts GROUP BY label"
        ") latest ON a.label = latest.label AND a.finished = latest.finished "
        "ORDER BY a.label"
    )


def _latest_complete(store: Store) -> dict[str, tuple[str, str]]:
    """Per label: the run and time of its latest complete (ok) fetch."""
    rows = store.query(
        "SELECT a.label, a.run_id, a.finished FROM run_accounts a JOIN ("
        " SELECT label, MAX(finished) AS finished FROM run_accounts WHERE ok GROUP BY label"
        ") l ON a.label = l.label AND a.finished = l.finished WHERE a.ok"
    )
    return {row["label"]: (row["run_id"], str(row["finished"])) for row in rows}


_LATEST_ITEMS = (
    "SELECT i.run_id, i.label, i.source, i.purchase_date, i.sku, i.sku_known, a.finished "
    "FROM run_items i JOIN run_accounts a ON a.run_id = i.run_id AND a.label = i.label "
    "JOIN (SELECT label, MAX(finished) AS finished FROM run_accounts GROUP BY label) l "
    "ON a.label = l.label AND a.finished = l.finished"
)
_COMPLETE_ITEMS = (
    "SELECT i.run_id, i.label, i.source, i.purchase_date, i.sku, i.sku_known, a.finished "
    "FROM run_items i JOIN run_accounts a ON a.run_id = i.run_id AND a.label = i.label "
    "JOIN (SELECT label, MAX(finished) AS finished FROM run_accounts WHERE ok GROUP BY label) l "
    "ON a.label = l.label AND a.finished = l.finished WHERE a.ok"
)


def _item_counts(
    store: Store, older_than: timedelta, *, complete: bool
) -> dict[tuple[str, str], dict[str, int]]:
    """Per (run, label) of each account's latest fetch (``complete``: latest complete fetch):
    items awaiting acceptance for longer than ``older_than`` at the time of the fetch, and
    items without SKU."""
    rows = store.query(_COMPLETE_ITEMS if complete else _LATEST_ITEMS)
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        entry = counts.setdefault(
            (row["run_id"], row["label"]), {"awaiting": 0, "empty": 0, "unknown": 0, "known": 0}
        )
        if row["source"] == "new" and row["purchase_date"]:
            seen = datetime.fromisoformat(str(row["finished"]))
            bought = datetime.fromisoformat(str(row["purchase_date"]))
            if seen - bought > older_than:
                entry["awaiting"] += 1
        if not (row["sku"] or "").strip():
            entry["empty"] += 1
        elif row["sku_known"] is not None:
            entry["known" if row["sku_known"] else "unknown"] += 1
    return counts


def build_report(
    store: Store, *, older_than_hours: float = DEFAULT_OLDER_THAN_HOURS, lang: str = "en"
) -> FleetReport:
    """Each account's latest outcome with its fix and counts, and the latest run."""
    runs = store.query(
        "SELECT id, started, finished, interrupted FROM runs ORDER BY started DESC LIMIT 1"
    )
    older_than = timedelta(hours=older_than_hours)
    counts = {
        **_item_counts(store, older_than, complete=False),
        **_item_counts(store, older_than, complete=True),
    }
    complete = _latest_complete(store)
    accounts = []
    for row in _latest_outcomes(store):
        counted_run: str | None
        counted_at: str | None
        if row["ok"] or int(row["items"]):
            counted_run, counted_at = row["run_id"], str(row["finished"])
        else:
            counted_run, counted_at = complete.get(row["label"], (None, None))
        c = counts.get((counted_run, row["label"]), {}) if counted_run else {}
        unusable = row.get("error_class") == "UnusableEntryError"
        cause, fix = (
            (None, row["error_fix"])
            if unusable
            else explain(row["error_message"], _fix_in(row, lang), lang)
        )
        said, quoted, _ = failure_words(
            row.get("error_id"),
            _stored_params(row),
            row["error_message"],
            row["error_fix"],
            lang,
            unusable_entry=unusable,
        )
        judged = c.get("known", 0) + c.get("unknown", 0)
        accounts.append(
            AccountReport(
                label=row["label"],
                ok=bool(row["ok"]),
                error=_error_in(row, lang),
                fix=None if row["ok"] else fix,
                cause=None if row["ok"] else cause,
                error_id=row.get("error_id"),
                said=None if row["ok"] else said,
                rakuten_text=None if row["ok"] else quoted,
                items=int(row["items"]),
                awaiting_acceptance_over=c.get("awaiting", 0),
                empty_sku_items=c.get("empty", 0),
                unknown_sku_items=c.get("unknown", 0) if judged else None,
                run_id=row["run_id"],
                checked=str(row["finished"]),
                counted_run=counted_run,
                counted_at=counted_at,
            )
        )
    run = dict(runs[0]) if runs else None
    if run is not None:
        run["interrupted"] = bool(run["interrupted"])  # SQLite keeps booleans as 0 and 1
    return FleetReport(run=run, accounts=accounts, older_than_hours=older_than_hours)


def daily_open_orders(store: Store, *, days: int | None = None) -> pd.DataFrame:
    """Open orders (purchases) per account per day, from each day's last complete fetch.

    Returns a frame with ``day`` (Paris date), ``account`` and ``open_orders``; a failed
    fetch is left out (its count would be partial).
    """
    import pandas as pd

    statement = "SELECT label, finished, orders FROM run_accounts WHERE ok"
    params: tuple[Any, ...] = ()
    if days is not None:
        from rakuten_assist.store._backend import timestamp

        statement += " AND finished >= ?"
        params = (timestamp(datetime.now(UTC) - timedelta(days=days)),)
    rows = store.query(statement, params)
    frame = pd.DataFrame(rows, columns=["label", "finished", "orders"])
    if frame.empty:
        return pd.DataFrame(
            {
                "day": pd.Series(dtype="object"),
                "account": pd.Series(dtype="string"),
                "open_orders": pd.Series(dtype="int64"),
            }
        )
    frame["finished"] = pd.to_datetime(frame["finished"], utc=True, format="ISO8601")
    frame["day"] = frame["finished"].dt.tz_convert("Europe/Paris").dt.date
    last = frame.sort_values("finished").groupby(["label", "day"], as_index=False).last()
    result = pd.DataFrame(
        {
            "day": last["day"],
            "account": last["label"].astype("string"),
            "open_orders": last["orders"].astype("int64"),
        }
    )
    return result.sort_values(["day", "account"]).reset_index(drop=True)
