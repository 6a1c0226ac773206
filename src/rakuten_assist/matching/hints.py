"""The catalogue-level findings of SKU matching, each a message to say in any language.

``MatchResult.hints_in(lang)`` says them (``match`` prints them in the user's language); the
English texts stay in ``MatchResult.hints`` and the French ones in ``hints_fr`` for callers that
read text. The sentences live in ``i18n/<lang>/matching.toml`` (``matching.hint.*``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rakuten_assist.i18n import Message


class Hint(NamedTuple):
    """One finding with its fix, to say in the reader's language."""

    message: Message

    def text(self, lang: str) -> str:
        """The finding in ``lang``."""
        return self.message.render(lang)


def _hint(name: str, /, **params: Any) -> Hint:
    return Hint(
        Message(f"matching.hint.{name}", {"fix": Message("matching.mapping_fix"), **params})
    )


def swapped(column: str, key: str | None, items: int) -> Hint:
    """The orders' SKUs are the catalogue's ``column``, not its SKU column ``key``."""
    return _hint("swapped", column=column, key=key, items=items)


def no_sku_column(key: str | None) -> Hint:
    """The catalogue has no SKU column; items were matched on ``key`` instead."""
    return _hint("no_sku_column", key=key)


def no_sku_exported(key: str | None) -> Hint:
    """The SKU column ``key`` is empty on every catalogue row."""
    return _hint("no_sku_exported", key=key)


def empty_keys(empty: int, total: int, key: str | None) -> Hint:
    """``empty`` of ``total`` catalogue rows have no value in ``key``."""
    return _hint("empty_keys", empty=empty, total=total, key=key)


def offers_without_sku(items: int) -> Hint:
    """``items`` order items come from offers created without a SKU."""
    return _hint("offers_without_sku", items=items)


def ambiguous(items: int) -> Hint:
    """``items`` order items have a SKU found on several catalogue rows."""
    return _hint("ambiguous", items=items)


def lost_zeros(items: int) -> Hint:
    """``items`` order items point at SKUs a spreadsheet stripped of leading zeros."""
    return _hint("lost_zeros", items=items)


def near(items: int) -> Hint:
    """``items`` order items match only up to case, spaces, separators, zeros or by EAN."""
    return _hint("near", items=items)
