"""The TUI's words: ids of the ``tui`` catalogue (``i18n/<lang>/tui.toml``) looked up by key."""

from __future__ import annotations

from typing import Literal

from rakuten_assist.i18n import t

__all__ = ["LANGS", "Lang", "other_lang", "ui"]

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("en", "fr")


def ui(lang: str, key: str, **values: object) -> str:
    """The interface sentence ``tui.<key>`` in ``lang`` (English for any other language)."""
    return t(f"tui.{key}", "fr" if lang == "fr" else "en", **values)


def other_lang(lang: str) -> Lang:
    """French for English and English for French."""
    return "en" if lang == "fr" else "fr"
