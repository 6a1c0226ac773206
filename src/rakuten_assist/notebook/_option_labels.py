"""The explorer's choices in the reader's words, each with the code it filters or sorts on."""

from __future__ import annotations

from rakuten_assist.frames import country_name
from rakuten_assist.i18n import lookup, say, t
from rakuten_assist.models import ItemStatus, status_word
from rakuten_assist.notebook._filter_values import SOURCES
from rakuten_assist.notebook._html import column_label

__all__ = ["FILTER_COLUMNS", "column_option", "filter_option"]

#: the columns the explorer filters on from a list, and whether its options go by their words
#: (countries) or keep the column's order (statuses follow an order's life)
FILTER_COLUMNS = {"status": False, "country": True, "source": False, "match_status": False}


def _coded(words: str, code: str, lang: str) -> str:
    """Words, then the code they stand for: "accepté (ACCEPTED)"; the code alone when the
    words are only the code ("SKU", not "SKU (sku)")."""
    if words.casefold() == code.casefold():
        return words
    return t("notebook.explorer.coded_option", lang, name=words, code=code)


def _words(column: str, code: str, lang: str) -> str | None:
    if column == "country":
        return country_name(code, lang)
    if column == "status":
        return say(status_word(code), lang) if code.upper() in ItemStatus.__members__ else None
    if column == "source":
        return t(f"notebook.explorer.source_{code}", lang) if code in SOURCES else None
    if column == "match_status":
        return lookup(f"matching.status.{code}", lang)
    return None


def filter_option(column: str, code: str, lang: str) -> str:
    """A filter's option: the code of ``column`` in words of ``lang``, with the code."""
    return _coded(_words(column, code, lang) or code, code, lang)


def column_option(name: str, lang: str) -> str:
    """A sort option: the column in words of ``lang``, with the frame's name for it."""
    return _coded(column_label(name, lang), name, lang)
