"""Titles, details and fixes of the setup checks, read from the ``checks`` catalogue
(``i18n/<lang>/checks.toml``)."""

from __future__ import annotations

from typing import Any

from rakuten_assist import i18n
from rakuten_assist.support._lang import Lang

__all__ = ["title", "tr"]


def title(check_id: str, lang: Lang, **fmt: Any) -> str:
    """The title of a check in ``lang``."""
    return i18n.t(f"checks.title.{check_id}", lang, **fmt)


def tr(key: str, lang: Lang, **fmt: Any) -> str:
    """A detail or fix in ``lang``, its fields filled in."""
    return i18n.t(f"checks.{key}", lang, **fmt).strip()
