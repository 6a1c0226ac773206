"""The shipment journal as ``ship`` uses it: recorded around every send, shown by ``--journal``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rakuten_assist.cli._common import EXIT_OK, emit_json

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.journal import JournalEntry, Outcome
    from rakuten_assist.models import Shipment


def _say(key: str, **params: object) -> str:
    from rakuten_assist.cli._common import cli_lang
    from rakuten_assist.i18n import t

    return t(f"cli.journal.{key}", cli_lang(), **params)


def journal_of(client: RakutenClient) -> dict[str, JournalEntry]:
    """The latest journal entry of each item sent to this client's service and account.

    Empty for a local sandbox: it forgets its shipments when it restarts, so what this
    machine once sent to it says nothing about its present state (its own history does).
    """
    from rakuten_assist.journal import ShipmentJournal, is_loopback

    if is_loopback(client.settings.base_url):
        return {}
    return ShipmentJournal().latest(client.settings.base_url, client.credentials.login)


def _outcome(exc: BaseException) -> Outcome:
    from rakuten_assist.errors import (
        APIConnectionError,
        APIError,
        ResponseParseError,
        ServerError,
    )

    if isinstance(exc, APIConnectionError):
        return "unknown" if exc.request_sent else "not_sent"
    if isinstance(exc, ServerError | ResponseParseError) or not isinstance(exc, APIError):
        # No answer we can read, or Ctrl-C during the call: it may have been applied.
        return "unknown"
    return "refused"


def send_with_journal(
    client: RakutenClient, shipments: Sequence[Shipment], action: str, call: Callable[[], str]
) -> str:
    """Record ``shipments`` in the journal, make the call, record Rakuten's answer.

    Raises:
        JournalError: the journal cannot be written; nothing was sent.
        APIError: the call failed (its outcome is recorded first).
    """
    from rakuten_assist.journal import ShipmentJournal

    journal = ShipmentJournal()
    attempt = journal.record_attempt(
        shipments,
        base_url=client.settings.base_url,
        login=client.credentials.login,
        action=action,
    )
    item_ids = [s.item_id for s in shipments]
    try:
        status = call()
    except BaseException as exc:
        journal.record_result(attempt, item_ids, _outcome(exc), str(exc) or type(exc).__name__)
        if isinstance(exc, KeyboardInterrupt):
            # Killed mid-call: say what to run next (the re-run is safe).
            print(_say("interrupted", count=len(item_ids)), file=sys.stderr)
        raise
    journal.record_result(attempt, item_ids, "accepted", status)
    return status


def show_journal(as_json: bool) -> int:
    """Print every shipment sent from this machine, oldest first, with Rakuten's answer."""
    from rakuten_assist.journal import ShipmentJournal

    journal = ShipmentJournal()
    entries = journal.entries()
    if as_json:
        emit_json({"path": str(journal.path), "shipments": [e.to_json() for e in entries]})
        return EXIT_OK
    if not entries:
        print(_say("none", path=str(journal.path)))
        return EXIT_OK
    for entry in entries:
        answered = _say("answered_at", time=entry.answered) if entry.answered else ""
        outcome = _say(f"outcome_{entry.outcome}")
        print(
            _say(
                "line",
                time=entry.time,
                item=entry.item_id,
                carrier=entry.transporter_name,
                number=entry.tracking_number,
                outcome=outcome,
                answered=answered,
            )
        )
        print(
            _say(
                "where",
                url=entry.tracking_url,
                action=entry.action,
                login=entry.login,
                base_url=entry.base_url,
            )
        )
        if entry.outcome in ("pending", "unknown"):
            print(_say("unknown_hint"))
        elif entry.detail and entry.outcome != "accepted":
            print(f"    {entry.detail}")
    print("\n" + _say("total", count=len(entries), path=str(journal.path)))
    return EXIT_OK
