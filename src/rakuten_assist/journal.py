"""The local shipment journal: every shipment sent to Rakuten, recorded before and after the call.

One JSON object per line, appended and synced before the call (``attempt``) and after it
(``result``), so a batch killed at any moment leaves a trace of what may have gone out:

- ``attempt``: the item, purchase, carrier, tracking number and URL about to be sent;
- ``result``: the same attempt id with Rakuten's outcome: ``accepted`` (Rakuten said OK),
  ``refused`` (Rakuten answered with an error), ``unknown`` (the answer never came: the request
  may have been applied), or ``not_sent`` (the connection was never made).

An attempt with no result (the process was killed during the call) reads as ``unknown``. The
file is ``$RAKUTEN_ASSIST_JOURNAL``, else ``shipments.jsonl`` in the user's data directory
(``$XDG_DATA_HOME/rakuten-assist``, by default ``~/.local/share/rakuten-assist``). It holds
no token and no buyer data: item ids, carriers and tracking numbers only.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from rakuten_assist.errors import JournalError, os_reason
from rakuten_assist.i18n import Message
from rakuten_assist.models import Shipment
from rakuten_assist.redaction import redact

__all__ = ["JournalEntry", "Outcome", "ShipmentJournal", "default_journal_path", "is_loopback"]

Outcome = Literal["pending", "accepted", "refused", "unknown", "not_sent"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def default_journal_path() -> Path:
    """``$RAKUTEN_ASSIST_JOURNAL``, else ``shipments.jsonl`` in the user's data directory."""
    configured = os.environ.get("RAKUTEN_ASSIST_JOURNAL")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return Path(base) / "rakuten-assist" / "shipments.jsonl"


def is_loopback(base_url: str) -> bool:
    """True for a local sandbox, whose shipments are forgotten when it restarts."""
    return (urlsplit(base_url).hostname or "") in _LOOPBACK


@dataclass(frozen=True)
class JournalEntry:
    """One shipment of one attempt, with its latest known outcome."""

    attempt: str
    time: str
    base_url: str
    login: str
    action: str
    item_id: str
    purchase_id: str | None
    transporter_name: str
    tracking_number: str
    tracking_url: str
    outcome: Outcome = "pending"
    answered: str | None = None
    detail: str | None = None

    def to_json(self) -> dict[str, str | None]:
        """The entry as ``ship --journal --json`` shows it."""
        return asdict(self)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ShipmentJournal:
    """Append-only record of shipments sent from this machine.

    Args:
        path: the journal file (created with its folder on the first record).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_journal_path()

    def _append(self, records: Iterable[dict[str, str | None]]) -> None:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(lines)
                handle.flush()
                # On disk before the call goes out: a crash a moment later still leaves it.
                os.fsync(handle.fileno())
        except OSError as exc:
            raise JournalError(
                Message(
                    "errors.journal.unwritable",
                    {"path": str(self.path), "reason": os_reason(exc)},
                )
            ) from exc

    def record_attempt(
        self, shipments: Sequence[Shipment], *, base_url: str, login: str, action: str
    ) -> str:
        """Record the shipments about to be sent; returns the attempt id for the result."""
        attempt = uuid.uuid4().hex
        time = _now()
        self._append(
            {
                "event": "attempt",
                "attempt": attempt,
                "time": time,
                "base_url": redact(base_url),
                "login": login,
                "action": action,
                "item_id": s.item_id,
                "purchase_id": s.purchase_id,
                "transporter_name": s.transporter_name,
                "tracking_number": s.tracking_number,
                "tracking_url": s.tracking_url,
            }
            for s in shipments
        )
        return attempt

    def record_result(
        self, attempt: str, item_ids: Sequence[str], outcome: Outcome, detail: str | None = None
    ) -> None:
        """Record Rakuten's outcome of an attempt, for each of its items."""
        time = _now()
        self._append(
            {
                "event": "result",
                "attempt": attempt,
                "time": time,
                "item_id": item_id,
                "outcome": outcome,
                "detail": redact(detail) if detail else None,
            }
            for item_id in item_ids
        )

    def entries(self) -> list[JournalEntry]:
        """Every shipment attempted, oldest first, each with its latest outcome.

        A line that cannot be read (a crash in the middle of a write) is skipped.
        """
        if not self.path.exists():
            return []
        attempts: dict[tuple[str, str], JournalEntry] = {}
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                    key = (record["attempt"], record["item_id"])
                    if record.get("event") == "attempt":
                        fields = {k: record.get(k) for k in JournalEntry.__dataclass_fields__} | {
                            "outcome": "pending",
                            "answered": None,
                            "detail": None,
                        }
                        attempts[key] = JournalEntry(**fields)
                    elif key in attempts:
                        entry = attempts[key]
                        attempts[key] = JournalEntry(
                            **(
                                asdict(entry)
                                | {
                                    "outcome": record["outcome"],
                                    "answered": record["time"],
                                    "detail": record.get("detail"),
                                }
                            )
                        )
                except (ValueError, KeyError, TypeError):
                    continue
        return list(attempts.values())

    def latest(self, base_url: str, login: str) -> dict[str, JournalEntry]:
        """The latest entry of each item sent to this service and account."""
        url = redact(base_url)
        return {e.item_id: e for e in self.entries() if e.base_url == url and e.login == login}
