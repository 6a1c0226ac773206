"""The support engine's words: read from the ``support`` message catalogue.

Every sentence lives in ``i18n/<lang>/support.toml``; :func:`say` looks one up by its id
(without the ``support.`` prefix).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from rakuten_assist import i18n
from rakuten_assist.support._lang import Lang

__all__ = [
    "DEVELOPER_PAGE",
    "SETUP_STEP_IDS",
    "Surface",
    "can_help_with",
    "needs_text",
    "say",
]

#: where an answer is read: the command line (``ask``, ``chat``, notebooks) or the bot's
#: screen, whose own tabs and keys replace the commands
Surface = Literal["cli", "tui"]

#: the page of the seller account holding the token (Rakuten's own French label)
DEVELOPER_PAGE = "Mon compte > Mes informations développeur"

#: the setup checklist's steps (same ids and order as the doctor's checks)
SETUP_STEP_IDS: tuple[str, ...] = (
    "login",
    "token",
    "credentials",
    "professional_rights",
    "open_orders",
    "sku_mapping",
    "carriers",
    "test_order",
)

#: what the engine knows about (greeting and "I don't know"), as catalogue ids
_CAN_HELP_IDS: tuple[str, ...] = (
    "carriers",
    "tracking_url",
    "detect",
    "login",
    "sku",
    "setup",
    "test_order",
    "countries",
    "professional",
    "errors",
    "order_status",
)


def say(msg_id: str, lang: Lang, /, **params: Any) -> str:
    """The support message ``msg_id`` in ``lang`` (English where that language lacks it)."""
    return i18n.t(f"support.{msg_id}", lang, **params)


def can_help_with(lang: Lang) -> list[str]:
    """What the engine can help with, in ``lang``."""
    return [say(f"can_help.{topic}", lang) for topic in _CAN_HELP_IDS]


def needs_text(needs: Sequence[str], lang: Lang) -> str:
    """The extra inputs a link needs, in words of the user's language."""
    labels = [
        say(f"needs.{need}" if need in ("postal_code", "country") else "needs.other", lang)
        for need in needs
    ]
    return say("list_and", lang).join(labels)
