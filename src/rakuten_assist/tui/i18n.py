"""The TUI's words: ids of the ``tui`` catalogue (``i18n/<lang>/tui.toml``) looked up by key."""

from __future__ import annotations

from typing import Literal

from rakuten_assist.i18n import t

__all__ = ["LANGS", "Lang", "other_lang", "plural_form", "ui", "ui_count"]

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("en", "fr")


def ui(lang: str, key: str, **values: object) -> str:
    """The interface sentence ``tui.<key>`` in ``lang`` (English for any other language)."""
    return t(f"tui.{key}", "fr" if lang == "fr" else "en", **values)


def other_lang(lang: str) -> Lang:
    """French for English and English for French."""
    return "en" if lang == "fr" else "fr"


def plural_form(lang: str, count: int) -> Literal["one", "other"]:
    """The plural category of ``count`` in ``lang`` (CLDR's: French says 0 and 1 in the
    singular, English only 1)."""
    if lang == "fr":
        return "one" if count in (0, 1) else "other"
    return "one" if count == 1 else "other"


def ui_count(lang: str, key: str, count: int, **values: object) -> str:
    """The sentence ``tui.<key>.one`` or ``tui.<key>.other`` that agrees with ``count``
    (given to it as ``{count}``)."""
    return ui(lang, f"{key}.{plural_form(lang, count)}", count=count, **values)
