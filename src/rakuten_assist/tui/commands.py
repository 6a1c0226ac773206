"""Command palette entries (Ctrl+P): the app's action table, in the interface language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from rakuten_assist.tui.actions import ACTIONS, key_label
from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.tui.app import SupportApp

__all__ = ["SupportCommands"]


class SupportCommands(Provider):
    """Every action of the table once, with its key and what it does."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: SupportApp = self.app  # type: ignore[assignment]
        lang = app.lang
        return [
            (a.title(lang), f"{key_label(a.key)}  {a.help(lang)}", _runner(app, a.action))
            for a in ACTIONS
            if a.palette
        ]

    async def discover(self) -> Hits:
        """Every entry, shown when the palette opens."""
        for label, help_text, run in self._entries():
            yield DiscoveryHit(label, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """The entries matching what is typed, best first."""
        matcher = self.matcher(query)
        found = False
        for label, help_text, run in self._entries():
            score = matcher.match(label)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(label), run, help=help_text)
        if not found and query.strip():
            # Not an action: likely a question. Offered in the chat input, in the screen's
            # language (Textual's own "No matches found" is English only).
            app: SupportApp = self.app  # type: ignore[assignment]
            text = ui(app.lang, "palette.no_match", query=query.strip())
            yield Hit(
                1.0, text, _asker(app, query.strip()), help=ui(app.lang, "palette.no_match_help")
            )


def _runner(app: SupportApp, action: str) -> Callable[[], object]:
    def run() -> object:
        return app.run_action(action)

    return run


def _asker(app: SupportApp, text: str) -> Callable[[], object]:
    def ask() -> None:
        from rakuten_assist.tui.widgets.history_input import HistoryInput

        field = app.query_one("#ask", HistoryInput)
        field.value = text
        field.cursor_position = len(text)
        field.focus()

    return ask
