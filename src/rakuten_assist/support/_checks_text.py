"""Titles, details and fixes of the setup checks, read from the ``checks`` catalogue
(``i18n/<lang>/checks.toml``).

Each is a :class:`Phrase`: the text in the request's language that also carries its message
id and parameters, so a result can be shown again in another language at the edge.
"""

from __future__ import annotations

from typing import Any

from rakuten_assist.i18n import Message
from rakuten_assist.support._lang import Lang

__all__ = ["Phrase", "title", "tr"]


class Phrase(str):
    """A sentence rendered in one language that remembers its message id and parameters."""

    message: Message

    def __new__(cls, message: Message, lang: Lang) -> Phrase:
        """Render ``message`` in ``lang``."""
        phrase = super().__new__(cls, message.render(lang).strip())
        phrase.message = message
        return phrase


def title(check_id: str, lang: Lang, **fmt: Any) -> Phrase:
    """The title of a check in ``lang``."""
    return Phrase(Message(f"checks.title.{check_id}", fmt), lang)


def tr(key: str, lang: Lang, **fmt: Any) -> Phrase:
    """A detail or fix in ``lang``, its fields filled in."""
    return Phrase(Message(f"checks.{key}", fmt), lang)
