"""An input that remembers what was sent: up and down walk the history, like a shell."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

__all__ = ["HistoryInput"]


class HistoryInput(Input):
    """``Input`` with an up/down history; secret (masked) entries are never remembered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history_previous", "Previous", show=False),
        Binding("down", "history_next", "Next", show=False),
    ]

    # Textual's Input sets its virtual size to the text's width on every change, and the
    # layout sets it back to the box's: each keystroke (and the clearing on Enter) laid out
    # the whole screen, chat included. The box is a fixed three rows by the chat's width,
    # so a change of text only needs the input repainted (scrolling reads the value).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._position: int | None = None
        self._draft = ""

    def remember(self, text: str) -> None:
        """Add a sent text to the history (not when masked, not twice in a row)."""
        if self.password or not text.strip():
            return
        if not self.history or self.history[-1] != text:
            self.history.append(text)
        self._position = None

    def action_history_previous(self) -> None:
        """Show the previous sent text."""
        if self.password or not self.history:
            return
        if self._position is None:
            self._draft = self.value
            self._position = len(self.history)
        self._position = max(0, self._position - 1)
        self._show(self.history[self._position])

    def action_history_next(self) -> None:
        """Show the next sent text, then the draft that was being typed."""
        if self.password or self._position is None:
            return
        self._position += 1
        if self._position >= len(self.history):
            self._position = None
            self._show(self._draft)
        else:
            self._show(self.history[self._position])

    def _show(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)
