"""Source lines in the interface language, with the registry's confidence codes in words.

The engine cites its sources as ``kind: detail`` ("carrier registry: colissimo (registry
updated 2026-11-27, confidence url V, format S)"). On screen an agent reads the kind in their
language and "confirmed by two sources" rather than ``C``; a source of a kind we do not know
is shown as the engine wrote it.
"""

from __future__ import annotations

import re

from rakuten_assist.tui.i18n import ui

__all__ = ["confidence_words", "source_line"]

_CARRIER = re.compile(r"^carrier registry: (?P<id>[\w.-]+)(?: \((?P<details>.*)\))?$")
_UPDATED = re.compile(r"registry updated (\d{4}-\d{2}-\d{2})")
_CONFIDENCE = re.compile(r"(?:confidence|evidence) url (\S+), format (\S+)")
_NOT_FOUND = re.compile(r"'([^']+)' not found")
_KINDS = {
    "carrier registry": "registry",
    "error catalogue": "errors",
    "setup checklist": "checklist",
}
# The registry's codes (docs/carriers.md): verified, corroborated, single source, inferred,
# conflicting, none.
_CODES = {"V": "verified", "C": "two", "S": "one", "I": "inferred", "X": "conflict", "-": "none"}


def confidence_words(code: str, lang: str) -> str:
    """A registry confidence code (``V``, ``C``, ``S``, ``I``, ``X``, ``-``) in words."""
    return ui(lang, f"confidence.{_CODES.get(code.strip(), 'none')}")


def _carrier_name(carrier_id: str) -> str:
    from rakuten_assist.carriers import registry
    from rakuten_assist.errors import RakutenAssistError

    try:
        return next((c.name for c in registry() if c.id == carrier_id), carrier_id)
    except RakutenAssistError:
        return carrier_id


def _steps(detail: str, lang: str) -> str:
    """The checklist steps a source cites ("token, login") by their titles; all: none."""
    from rakuten_assist.i18n import t
    from rakuten_assist.support._texts import SETUP_STEP_IDS

    ids = [part.strip() for part in detail.split(",")]
    if set(SETUP_STEP_IDS) <= set(ids):
        return ""  # the whole checklist: its name says it
    lang = "fr" if lang == "fr" else "en"
    return ", ".join(t(f"checks.title.{i}", lang) if i in SETUP_STEP_IDS else i for i in ids)


def source_line(source: str, lang: str) -> str:
    """One source as the agent reads it, in ``lang``."""
    carrier = _CARRIER.match(source)
    if carrier and not _NOT_FOUND.search(source):
        details = carrier.group("details") or ""
        updated = _UPDATED.search(details)
        confidence = _CONFIDENCE.search(details)
        line = ui(lang, "source.carrier", name=_carrier_name(carrier.group("id")))
        if updated:
            line += " " + ui(lang, "source.updated", date=updated.group(1))
        if confidence:
            line += ui(
                lang,
                "source.confidence",
                url=confidence_words(confidence.group(1), lang),
                format=confidence_words(confidence.group(2), lang),
            )
        return line
    kind, _, detail = source.partition(": ")
    label = _KINDS.get(kind.strip())
    if label is None:
        return source
    missing = _NOT_FOUND.findall(detail)
    if missing:
        detail = ui(lang, "source.not_found", names=", ".join(f"'{m}'" for m in missing))
    else:
        detail = re.sub(r"\s*\([^)]*\)$", "", detail)  # the engine's English provenance note
    if label == "checklist":
        detail = _steps(detail, lang)
    title = ui(lang, f"source.{label}")
    return f"{title}{ui(lang, 'source.colon')}{detail}" if detail else title
