"""The order lookup tab: an id in, the order's status, SKU and blockers out (via the app)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, Markdown

from rakuten_assist.tui.i18n import ui

__all__ = ["OrderLookup"]


class OrderLookup(Vertical):
    """Posts ``OrderLookup.Requested``; the app fetches in a worker and calls ``show``."""

    class Requested(Message):
        """The user asked for an order or item id."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, lang: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self._showing_hint = True

    def compose(self) -> ComposeResult:
        """The id field, its button, the result."""
        with Vertical(id="order-row"):
            yield Input(placeholder=ui(self.lang, "order_placeholder"), id="order-input")
            yield Button(ui(self.lang, "order_button"), id="order-button", compact=True)
        yield Markdown(ui(self.lang, "order_hint"), id="order-result")

    def set_lang(self, lang: str) -> None:
        """Relabel the fixed texts."""
        self.lang = lang
        self.query_one("#order-input", Input).placeholder = ui(lang, "order_placeholder")
        self.query_one("#order-button", Button).label = ui(lang, "order_button")
        if self._showing_hint:
            self.query_one("#order-result", Markdown).update(ui(lang, "order_hint"))

    def show(self, markdown: str) -> None:
        """Display a result (or a progress line)."""
        self._showing_hint = False
        self.query_one("#order-result", Markdown).update(markdown)

    def _request(self) -> None:
        query = self.query_one("#order-input", Input).value.strip()
        if query:
            self.show(ui(self.lang, "order_loading"))
            self.post_message(self.Requested(query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the id field looks it up."""
        event.stop()
        self._request()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The button looks it up."""
        event.stop()
        self._request()
