"""Source lines in the interface language, never the registry's confidence codes.

The engine cites its sources as records (``support.Source``: a kind, what it names, the
registry's date and confidence codes), never as sentences to parse. On screen an agent reads
the kind in their language; a carrier source (and a kind this screen has no label for) reads
as the engine renders it in that language, as `ask` prints it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.support import Source

__all__ = ["confidence_words", "source_line"]

_KINDS = {"registry": "registry", "errors": "errors", "error": "errors", "checklist": "checklist"}
# The registry's codes (docs/carriers.md): verified, corroborated, single source, inferred,
# conflicting, none.
_CODES = {"V": "verified", "C": "two", "S": "one", "I": "inferred", "X": "conflict", "-": "none"}


def confidence_words(code: str, lang: str) -> str:
    """A registry confidence code (``V``, ``C``, ``S``, ``I``, ``X``, ``-``) in words."""
    return ui(lang, f"confidence.{_CODES.get(code.strip(), 'none')}")


def _steps(steps: tuple[str, ...], lang: str) -> str:
    """The checklist steps a source cites by their titles; the whole checklist: none."""
    from rakuten_assist.i18n import t
    from rakuten_assist.support._texts import SETUP_STEP_IDS

    if set(SETUP_STEP_IDS) <= set(steps):
        return ""  # the whole checklist: its name says it
    lang = "fr" if lang == "fr" else "en"
    return ", ".join(t(f"checks.title.{i}", lang) if i in SETUP_STEP_IDS else i for i in steps)


def source_line(source: Source, lang: str) -> str:
    """One source as the agent reads it, in ``lang``."""
    if source.kind == "carrier":
        # The support engine's own line (as `ask` prints it): the link's backing worded once,
        # by the carriers package (evidence_sentence), never from the bare codes here.
        return source.render("fr" if lang == "fr" else "en")
    if source.kind == "not_found":
        names = ", ".join(f"'{name}'" for name in source.names)
        return (
            ui(lang, "source.registry")
            + ui(lang, "source.colon")
            + ui(lang, "source.not_found", names=names)
        )
    if source.kind == "error":
        return _error_line(source.ref, lang)
    label = _KINDS.get(source.kind)
    if label is None:
        return source.render(lang)
    detail = ""
    if source.kind == "checklist":
        detail = _steps(source.steps, lang)
    title = ui(lang, f"source.{label}")
    return f"{title}{ui(lang, 'source.colon')}{detail}" if detail else title


def _error_line(error_id: str, lang: str) -> str:
    """An error catalogue entry in words, never its id: our own check by what it found, a
    Rakuten error by Rakuten's own text."""
    from rakuten_assist.i18n import lookup

    colon = ui(lang, "source.colon")
    if error_id.startswith("ours."):
        found = lookup(f"error_help.{error_id}.message", "fr" if lang == "fr" else "en")
        title = ui(lang, "source.own.checks")
        return f"{title}{colon}{found}" if found else title
    from rakuten_assist.support._rakuten_errors import RAKUTEN_ERRORS

    title = ui(lang, "source.errors")
    entry = next((e for e in RAKUTEN_ERRORS if e.id == error_id), None)
    if entry is None:
        return title
    return f"{title}{colon}{ui(lang, 'source.own.quoted', text=entry.code or entry.message)}"
