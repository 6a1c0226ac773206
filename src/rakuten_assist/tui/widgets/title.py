"""The top row: the app's title and where it is connected, as one widget."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

__all__ = ["TitleBar"]


class TitleBar(Widget):
    """The app's title and sub-title, centred on the top row.

    Not Textual's Header: that is four widgets (icon, title, clock space) with their rules,
    all created and styled before the first frame, and its icon carries an English tooltip
    for the command palette, which the footer already offers (Ctrl+P) in the screen's
    language.
    """

    DEFAULT_CSS = """
    TitleBar {
        /* Split, not docked: the row is taken off the whole screen before the tabs take
           their column, so the title spans the full width above them. */
        split: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        """Follow the app's title and sub-title."""
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        """``title — sub-title``, as Textual formats it."""
        return self.app.format_title(self.app.title, self.app.sub_title)
