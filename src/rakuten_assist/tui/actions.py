"""The one table of the app's actions: it feeds the key bindings, the footer, the command
palette and the help screen, so the four can never list different things."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

from rakuten_assist.tui.i18n import ui

__all__ = ["ACTIONS", "AppAction", "bindings", "key_label"]


class AppAction(NamedTuple):
    """One thing the user can do.

    Attributes:
        key: the key that runs it (Textual's key name).
        action: the app action it runs.
        name: catalogue key of its short name (footer, help).
        footer: shown in the footer (the rest are in the palette and the help screen).
        palette: offered in the command palette.
    """

    key: str
    action: str
    name: str
    footer: bool = True
    palette: bool = True

    def title(self, lang: str) -> str:
        """Its name in the palette and the help screen (longer than the footer's)."""
        return ui(lang, f"cmd_{self.name}")

    def help(self, lang: str) -> str:
        """One sentence saying what it does."""
        return ui(lang, f"cmd_{self.name}_help")

    def label(self, lang: str) -> str:
        """Its short footer label."""
        return ui(lang, f"key_{self.name}")


ACTIONS: tuple[AppAction, ...] = (
    # The footer shows them in this order (Quit, a priority binding, first): what agents
    # need most comes before what a narrow terminal cuts.
    AppAction("f1", "help", "help"),
    AppAction("ctrl+y", "copy_answer", "copy"),
    AppAction("f2", "walkthrough", "walkthrough"),
    AppAction("f3", "show_tab('carriers')", "carriers"),
    AppAction("f4", "show_tab('orders')", "orders"),
    AppAction("ctrl+s", "export_report", "report"),
    AppAction("f5", "credentials", "credentials"),
    AppAction("f6", "switch_language", "lang"),
    AppAction("f7", "copy_markdown", "copy_markdown", footer=False),
    AppAction("ctrl+p", "command_palette", "palette", palette=False),
    AppAction("ctrl+q", "quit", "quit"),
)


def bindings(lang: str) -> list[Binding]:
    """The key bindings of ``ACTIONS``, labelled in ``lang``.

    Quit is a priority binding, as Textual's own: it works whatever has the focus.
    """
    return [
        Binding(a.key, a.action, a.label(lang), show=a.footer, priority=a.action == "quit")
        for a in ACTIONS
    ]


def key_label(key: str) -> str:
    """A key as people write it: ``f1`` is F1, ``ctrl+y`` is Ctrl+Y."""
    parts = key.split("+")
    return "+".join(part.upper() if len(part) <= 3 else part.capitalize() for part in parts)
