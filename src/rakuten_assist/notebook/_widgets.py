"""Shared widget plumbing: errors shown inside the widget, figures into an Output."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from rakuten_assist.notebook._html import error_html, notice_html

__all__ = ["MessageArea", "figure_png", "shows_errors"]

F = TypeVar("F", bound=Callable[..., Any])


class MessageArea(widgets.HTML):  # type: ignore[misc]  # ipywidgets is untyped
    """Where a widget says what happened: a confirmation, a warning or an error with its fix."""

    def __init__(self, lang: str = "en") -> None:
        super().__init__(value="")
        self.lang = lang
        self.last_error: BaseException | None = None

    def show_error(self, exc: BaseException) -> None:
        """Show an error with its fix in the widget's language (token redacted), and keep it
        in ``last_error``."""
        self.last_error = exc
        self.value = error_html(exc, self.lang)

    def show(self, text: str, kind: str = "info", *, title: str | None = None) -> None:
        """Show a message; ``kind`` is info, ok or warn."""
        self.value = notice_html(text, kind, title=title)

    def clear(self) -> None:
        """Remove the message and forget the last error."""
        self.last_error = None
        self.value = ""


def shows_errors(method: F) -> F:
    """Decorate a widget callback so any exception lands in ``self.message``, never lost.

    Callbacks run inside the front end's event loop where a raised exception is only logged
    to the browser console; the user would see nothing happen.
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            self.message.show_error(exc)
            return None

    return wrapper  # type: ignore[return-value]


def figure_png(figure: Any) -> bytes:
    """A matplotlib Figure as PNG bytes (no pyplot, no global state)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return buffer.getvalue()
