"""The Textual front end: ``SupportApp``, a chat over the support engine (needs ``.[tui]``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Connection", "SupportApp"]

if TYPE_CHECKING:
    from rakuten_assist.tui.app import Connection, SupportApp


def __getattr__(name: str) -> Any:
    # Loaded on first use so the pure modules (walkthrough, report) import without textual.
    if name in __all__:
        from rakuten_assist.tui import app

        return getattr(app, name)
    raise AttributeError(f"module 'rakuten_assist.tui' has no attribute {name!r}")
