"""The conversation log: user messages, Markdown answers with their sources, quick replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.markdown import Markdown as RichMarkdown
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

#: labels longer than this take the whole row instead of half of it
_NARROW_LABEL = 30

__all__ = ["AssistantMessage", "ChatLog", "QuickReplies", "Reply", "UserMessage"]


@dataclass(frozen=True)
class Reply:
    """A quick reply: ``text`` is sent as if typed, or ``action`` is run (an app action)."""

    label: str
    text: str | None = None
    action: str | None = None


class UserMessage(Static):
    """What the user sent, right-aligned."""

    def __init__(self, text: str, *, who: str) -> None:
        super().__init__(f"[b]{who}[/b]  {_escape(text)}", classes="user-message")


class AssistantMessage(Vertical):
    """One answer: Markdown, then its sources in small print."""

    def __init__(
        self,
        text: str,
        *,
        who: str,
        sources: Sequence[str] = (),
        error: bool = False,
        note: str | None = None,
    ) -> None:
        super().__init__(classes="assistant-message" + (" error" if error else ""))
        self.text = text
        self.who = who
        self.sources = list(sources)
        self.note = note

    def compose(self) -> ComposeResult:
        """The speaker line, the answer, the sources."""
        yield Static(f"[b]{self.who}[/b]", classes="speaker")
        # Rich's Markdown in one Static: a fraction of the widgets (and layout work) of
        # Textual's Markdown, which builds a widget per block; answers are short and static.
        yield Static(RichMarkdown(self.text, hyperlinks=True), classes="answer")
        if self.sources:
            yield Static(_escape("· " + " · ".join(self.sources)), classes="sources")
        if self.note:
            yield Static(_escape("→ " + self.note), classes="note")


class QuickReplies(Horizontal):
    """Buttons under the latest answer; pressing one posts ``QuickReplies.Chosen``."""

    class Chosen(Message):
        """A quick reply was pressed."""

        def __init__(self, reply: Reply) -> None:
            super().__init__()
            self.reply = reply

    def __init__(self, replies: Sequence[Reply]) -> None:
        super().__init__(classes="quick-replies")
        self.replies = list(replies)

    def compose(self) -> ComposeResult:
        """One compact button per reply."""
        for position, reply in enumerate(self.replies):
            wide = " wide" if len(reply.label) > _NARROW_LABEL else ""
            yield Button(reply.label, id=f"reply-{position}", compact=True, classes="reply" + wide)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Turn the button back into its reply."""
        event.stop()
        position = int((event.button.id or "reply-0").removeprefix("reply-"))
        self.post_message(self.Chosen(self.replies[position]))


class ChatLog(VerticalScroll):
    """The scrolling conversation; quick replies only ever sit under the latest answer."""

    async def add_user(self, text: str, *, who: str) -> None:
        """Show a user message."""
        await self._replace_replies([UserMessage(text, who=who)])

    async def add_answer(
        self,
        text: str,
        *,
        who: str,
        sources: Sequence[str] = (),
        replies: Sequence[Reply] = (),
        error: bool = False,
        note: str | None = None,
    ) -> AssistantMessage:
        """Show an answer (with a note under it) and its quick replies, and scroll to it."""
        message = AssistantMessage(text, who=who, sources=sources, error=error, note=note)
        await self._replace_replies([message, QuickReplies(replies)] if replies else [message])
        return message

    async def _replace_replies(self, widgets: list[Widget]) -> None:
        # One removal and one mount: each layout pass costs more as the conversation grows.
        old = list(self.query_children(QuickReplies))
        if old:
            await self.remove_children(old)
        await self.mount_all(widgets)
        # Scroll once the new widgets have a size, or the last lines stay hidden.
        self.call_after_refresh(self.scroll_end, animate=False)


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
