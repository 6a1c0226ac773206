"""Command palette entries (Ctrl+P) for the app's main actions, in the interface language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.tui.app import SupportApp

__all__ = ["SupportCommands"]

# (label key, help key, app action)
_ENTRIES = (
    ("cmd_walkthrough", "cmd_walkthrough_help", "walkthrough"),
    ("cmd_carrier", "cmd_carrier_help", "show_tab('carriers')"),
    ("cmd_order", "cmd_order_help", "show_tab('orders')"),
    ("cmd_report", "cmd_report_help", "export_report"),
    ("cmd_lang", "cmd_lang_help", "switch_language"),
    ("cmd_credentials", "cmd_credentials_help", "credentials"),
)


class SupportCommands(Provider):
    """Start the walkthrough, check a carrier, look up an order, export, switch language."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: SupportApp = self.app  # type: ignore[assignment]
        lang = app.lang
        return [
            (ui(lang, label), ui(lang, help_key), _runner(app, action))
            for label, help_key, action in _ENTRIES
        ]

    async def discover(self) -> Hits:
        """Every entry, shown when the palette opens."""
        for label, help_text, run in self._entries():
            yield DiscoveryHit(label, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """The entries matching what is typed, best first."""
        matcher = self.matcher(query)
        for label, help_text, run in self._entries():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), run, help=help_text)


def _runner(app: SupportApp, action: str) -> Callable[[], object]:
    def run() -> object:
        return app.run_action(action)

    return run
