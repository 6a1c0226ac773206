"""An answer made ready to forward: plain text a merchant can read, or Markdown.

Pure functions of the answer's text: no terminal, no clipboard, no I/O. The engine writes its
answers in a small Markdown subset (``**bold**``, ``*emphasis*``, ```code```, ``[label](url)``,
``<url>``, ``#`` headings, ``-`` or ``*`` bullets, fenced blocks); :func:`plain_text` removes
every bit of that syntax and keeps every link whole (never shortened, never wrapped), so the
text survives being pasted into an e-mail or a ticket. The TUI's "copy answer" and
``rakuten-assist ask --format text|markdown`` are built on these functions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from rakuten_assist.support._answer import Answer

__all__ = ["FORMATS", "Format", "plain_text", "render"]

Format = Literal["text", "markdown"]
FORMATS: tuple[Format, ...] = get_args(Format)

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[*+]\s+")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s*>\s?")
# [label](url "title") -> the label and the whole URL
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# *emphasis*, but not a bullet star, an arithmetic star or a star inside a URL
_EMPHASIS = re.compile(r"(?<![\w*/])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w/])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w/])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_URL = re.compile(r"(?:https?|mailto):[^\s<>\"]+")
_PLACEHOLDER = "\x00{}\x00"
_RESTORE = re.compile(r"\x00(\d+)\x00")


def _link_text(label: str, url: str) -> str:
    """``label: url``, or the URL alone when the label says nothing more."""
    label = label.strip()
    if not label or label == url or label.rstrip("/") == url.rstrip("/"):
        return url
    return f"{label}: {url}"


def _inline(line: str) -> str:
    """One line's inline Markdown removed; URLs and code spans are protected first."""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return _PLACEHOLDER.format(len(kept) - 1)

    line = _CODE.sub(lambda m: keep(m.group(2).strip()), line)
    line = _LINK.sub(lambda m: keep(_link_text(_inline(m.group(1)), m.group(2))), line)
    line = _AUTOLINK.sub(lambda m: keep(m.group(1)), line)
    line = _URL.sub(lambda m: keep(m.group(0)), line)
    for _ in range(2):  # nested: ***both*** or **a *b* c**
        line = _STRONG.sub(r"\2", line)
        line = _EMPHASIS.sub(r"\1", line)
        line = _UNDERSCORE_EMPHASIS.sub(r"\1", line)
    line = _ESCAPE.sub(r"\1", line)
    while _RESTORE.search(line):
        line = _RESTORE.sub(lambda m: kept[int(m.group(1))], line)
    return line


def plain_text(markdown: str) -> str:
    """``markdown`` as plain text a merchant can read: no Markdown syntax, links whole.

    Bullets stay as ``- `` (readable as they are), numbered lists keep their numbers,
    headings lose their hashes, code spans and fences keep their content verbatim.

    Args:
        markdown: an answer's text, in the engine's Markdown subset.
    """
    out: list[str] = []
    in_fence = False
    for raw in markdown.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(raw)
            continue
        if _RULE.match(raw):
            out.append("")
            continue
        line = _QUOTE.sub("", raw)
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _BULLET.sub(r"\1- ", line)
        out.append(_inline(line).rstrip())
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _texts(answer: Answer) -> list[str]:
    """The text of every question's answer, in order (one for a single question)."""
    parts = getattr(answer, "parts", None) or []
    return [part.text for part in parts] if parts else [answer.text]


def render(answer: Answer, fmt: Format = "text") -> str:
    """The answer ready to forward, every question's answer in order.

    Args:
        answer: what the engine returned (a multi-question message holds ``parts``).
        fmt: ``"text"`` (plain text, whole links, no Markdown syntax) or ``"markdown"``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    texts = _texts(answer)
    if fmt == "markdown":
        return "\n\n".join(text.strip() for text in texts)
    return "\n\n".join(plain_text(text) for text in texts)
