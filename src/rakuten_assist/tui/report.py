"""The ticket report: conversation and checklist as Markdown, with every secret scrubbed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rakuten_assist.config import redact
from rakuten_assist.exports import neutralise_controls
from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.support.checks import CheckResult

__all__ = ["ChatEntry", "build_report", "scrub", "write_report"]

_ICONS = {True: "✓", False: "✗", None: "–"}
_MASK = "•••"
# A run of letters and digits standing alone: the shape an API token has when pasted.
_RUN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{20,}(?![A-Za-z0-9])")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_MIN_HEX, _MIN_MIXED = 20, 24


@dataclass(frozen=True)
class ChatEntry:
    """One message of the conversation, as the report shows it."""

    role: Literal["user", "assistant"]
    text: str


def _looks_like_token(run: str) -> bool:
    from rakuten_assist.carriers import detect_carrier

    hexadecimal = len(run) >= _MIN_HEX and _HEX.fullmatch(run) is not None
    mixed = (
        len(run) >= _MIN_MIXED and any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
    )
    # Long tracking numbers (Mondial Relay, DPD, FedEx...) have the same shape: keep those
    # a carrier accepts, the agent needs them in the ticket.
    return (hexadecimal or mixed) and not detect_carrier(run)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """Remove every secret from ``text``: the known ones, ``pwd=`` values, and token shapes.

    A token the app never saw (pasted in the chat by the merchant) is caught by its shape:
    20 or more hex characters, or 24 or more letters and digits mixed, unless a carrier
    accepts it as a tracking number.
    """
    secrets = list(secrets)
    for secret in secrets:
        if secret:
            text = text.replace(secret, _MASK)
    text = _RUN.sub(lambda m: _MASK if _looks_like_token(m.group()) else m.group(), text)
    return redact(text, secrets)


def _t(lang: str, key: str, **values: object) -> str:
    return ui(lang, f"report.{key}", **values)


def build_report(
    entries: Sequence[ChatEntry],
    checks: Sequence[CheckResult],
    *,
    account: str,
    secrets: Iterable[str] = (),
    lang: str = "en",
    now: datetime | None = None,
) -> str:
    """The Markdown report for a support ticket.

    Args:
        entries: the conversation, oldest first.
        checks: the checklist results.
        account: "SANDBOX" or the account name.
        secrets: values that must never appear (the API token); each is masked.
        lang: "fr" or "en" for the headings.
        now: the report's timestamp (tests pass a fixed one).
    """
    stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    out = [
        _t(lang, "title"),
        "",
        _t(lang, "account", account=account),
        _t(lang, "date", date=stamp),
        "",
        _t(lang, "checklist"),
        "",
    ]
    if checks:
        out += [
            _t(lang, "table_header"),
            "|---|---|---|---|",
        ]
        for check in checks:
            cells = [_ICONS[check.ok], check.title, check.detail, check.fix or ""]
            cells = [neutralise_controls(c) for c in cells]
            out.append(
                "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"
            )
    else:
        out.append(_t(lang, "no_check"))
    out += ["", _t(lang, "conversation"), ""]
    for entry in entries:
        who = _t(lang, "user" if entry.role == "user" else "assistant")
        # Typed or pasted text: escape sequences would act when the report is printed.
        out += [f"**{who}{ui(lang, 'colon').rstrip()}**", "", neutralise_controls(entry.text), ""]
    return scrub("\n".join(out).rstrip() + "\n", secrets)


def write_report(
    text: str,
    directory: Path,
    *,
    now: datetime | None = None,
    name: str = "report",
    suffix: str = "md",
) -> Path:
    """Write the report (or a copied answer: ``name`` "answer") to a new file in ``directory``
    and return its path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"rakuten-assist-{name}-{stamp}.{suffix}"
    counter = 1
    while path.exists():
        counter += 1
        path = directory / f"rakuten-assist-{name}-{stamp}-{counter}.{suffix}"
    path.write_text(text, encoding="utf-8")
    return path
