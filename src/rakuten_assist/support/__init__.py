"""The support engine: setup checks, Rakuten's error catalogue, bilingual questions and answers.

UI-free and deterministic (no network model): the TUI, the notebook widgets and the ``doctor``
and ``ask`` commands all use it. Public names load on first use so importing the package stays
light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "Answer": "rakuten_assist.support.answers",
    "CATALOGUE": "rakuten_assist.support.errors_catalogue",
    "CheckResult": "rakuten_assist.support.checks",
    "Conversation": "rakuten_assist.support.conversation",
    "Engine": "rakuten_assist.support.engine",
    "ErrorEntry": "rakuten_assist.support.errors_catalogue",
    "ErrorMatch": "rakuten_assist.support.errors_catalogue",
    "INTENTS": "rakuten_assist.support.intents",
    "SetupRequest": "rakuten_assist.support.checks",
    "Source": "rakuten_assist.support._sources",
    "SupportEngine": "rakuten_assist.support.engine",
    "answer_order_status": "rakuten_assist.support.orders",
    "check_login_value": "rakuten_assist.support.checks",
    "check_token_value": "rakuten_assist.support.checks",
    "detect_language": "rakuten_assist.support._lang",
    "explain_error": "rakuten_assist.support.errors_catalogue",
    "iter_checks": "rakuten_assist.support.checks",
    "run_checks": "rakuten_assist.support.checks",
}

__all__ = [
    "CATALOGUE",
    "INTENTS",
    "Answer",
    "CheckResult",
    "Conversation",
    "Engine",
    "ErrorEntry",
    "ErrorMatch",
    "SetupRequest",
    "Source",
    "SupportEngine",
    "answer_order_status",
    "check_login_value",
    "check_token_value",
    "detect_language",
    "explain_error",
    "iter_checks",
    "run_checks",
]

if TYPE_CHECKING:
    from rakuten_assist.support._lang import detect_language
    from rakuten_assist.support._sources import Source
    from rakuten_assist.support.answers import Answer
    from rakuten_assist.support.checks import (
        CheckResult,
        SetupRequest,
        check_login_value,
        check_token_value,
        iter_checks,
        run_checks,
    )
    from rakuten_assist.support.conversation import Conversation
    from rakuten_assist.support.engine import Engine, SupportEngine
    from rakuten_assist.support.errors_catalogue import (
        CATALOGUE,
        ErrorEntry,
        ErrorMatch,
        explain_error,
    )
    from rakuten_assist.support.intents import INTENTS
    from rakuten_assist.support.orders import answer_order_status


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
