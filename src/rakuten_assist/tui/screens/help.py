"""The help screen (F1): where to start, and every key of the action table. Esc closes it."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from rakuten_assist.tui.actions import ACTIONS, key_label
from rakuten_assist.tui.i18n import ui

__all__ = ["HelpScreen"]


class HelpScreen(ModalScreen[None]):
    """How to begin, then one row per action: its key, its name, what it does."""

    # Its own rules, parsed when the screen first opens (not with the first frame).
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help-box {
        width: 100;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }

    #help-title, #help-intro, #help-keys {
        margin-bottom: 1;
    }

    #help-close {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False),
        Binding("f1", "close", show=False),
    ]

    def __init__(self, *, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        """The text and the table of keys, scrolling when the window is small."""
        lang = self.lang
        keys = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column(no_wrap=True)
        keys.add_column(ratio=1)
        for action in ACTIONS:
            keys.add_row(key_label(action.key), action.title(lang), action.help(lang))
        keys.add_row(ui(lang, "key_esc"), ui(lang, "help_esc"), ui(lang, "help_esc_help"))
        with VerticalScroll(id="help-box"):
            yield Static(f"[b]{ui(lang, 'help_title')}[/b]", id="help-title")
            yield Static(ui(lang, "help_intro"), id="help-intro")
            yield Static(keys, id="help-keys")
            yield Static(ui(lang, "help_close"), id="help-close")

    def action_close(self) -> None:
        """Back to the chat."""
        self.dismiss(None)
