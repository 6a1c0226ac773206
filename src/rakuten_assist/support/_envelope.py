"""A message without its envelope: salutation, sign-off, signature and device line.

Merchants write e-mails: "Bonjour,\\n\\n<question>\\n\\nMerci d'avance,\\nJulie". The envelope
asks nothing, and its words mislead: a signed name taken for a carrier the registry does not
know, "merci" taken for thanks. Its phrases are data (``intent_data/envelope.toml``).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from rakuten_assist.support._lang import fold

__all__ = ["without_envelope"]

#: a signature line is short: a name, a team, a phone number
_SIGNATURE_WORDS = 6
_SIGNATURE_LINES = 4
#: a salutation line holds the salutation and a few words ("Bonjour l'équipe support,")
_OPENING_WORDS = 4
_WORD = re.compile(r"[a-z0-9'-]+")


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    source = resources.files("rakuten_assist.support") / "intent_data" / "envelope.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    keys = ("openings", "closings", "devices", "forward_markers", "header_keys")
    return {key: tuple(data[key]) for key in keys}


def _starts(line: str, phrases: tuple[str, ...]) -> bool:
    folded = " ".join(_WORD.findall(fold(line))) if line.strip() != "--" else "--"
    return any(folded == p or folded.startswith(p + " ") for p in phrases)


def _short(line: str, most: int) -> bool:
    return len(line.split()) <= most and "?" not in line


def _opening(line: str) -> bool:
    """A line that only greets ("Bonjour,", "Hi team,", "Bonjour Marc !")."""
    stripped = line.strip()
    return (
        _starts(stripped, _phrases()["openings"])
        and _short(stripped, _OPENING_WORDS)
        and (stripped[-1:] in ",!" or len(stripped.split()) <= 2)
    )


def _closing_at(lines: list[str]) -> int | None:
    """Where the sign-off starts: a short closing line followed only by a short signature."""
    found = None
    for index in range(len(lines) - 1, max(len(lines) - 1 - _SIGNATURE_LINES, -1), -1):
        line = lines[index].strip()
        if not _short(line, _SIGNATURE_WORDS):
            break
        if _starts(line, _phrases()["closings"]):
            found = index  # the earliest: "Merci d'avance,\nBien cordialement,\nJulie"
    return found


def _marker(line: str) -> bool:
    """A forwarded or quoted mail's marker line ("---------- Message transféré ---------")."""
    folded = " ".join(_WORD.findall(fold(line))).strip("- ")
    return bool(folded) and folded in _phrases()["forward_markers"] and "?" not in line


def _header(line: str) -> bool:
    """A mail header line: a header key, a colon, a value ("De : Julie <julie@...>")."""
    key, colon, value = line.partition(":")
    return bool(colon and value.strip()) and (
        " ".join(_WORD.findall(fold(key))) in _phrases()["header_keys"]
    )


def _without_headers(lines: list[str]) -> list[str]:
    """The lines without a forwarded mail's marker and header lines (kept when a lone
    "Date : ..." line is all there is: that may be the user's own words)."""
    markers = [line for line in lines if _marker(line)]
    headers = [line for line in lines if _header(line)]
    if not markers and len(headers) < 2:
        return lines
    return [line for line in lines if not (_marker(line) or _header(line))]


def without_envelope(text: str) -> str:
    """``text`` without its salutation line, sign-off, signature and device line.

    Only whole lines are removed, and only when something remains: a message that is all
    courtesy ("Bonjour", "Merci beaucoup !") is left as it is.
    """
    lines = text.strip().split("\n")
    if len(lines) < 2:
        return text
    body = [x for x in _without_headers(lines) if not _starts(x.strip(), _phrases()["devices"])]
    while body and not body[-1].strip():
        body.pop()
    end = _closing_at(body)
    if end is not None:
        body = body[:end]
    start = 0
    while start < len(body) and (not body[start].strip() or _opening(body[start])):
        start += 1
    body = body[start:]
    kept = "\n".join(body).strip()
    return kept or text
