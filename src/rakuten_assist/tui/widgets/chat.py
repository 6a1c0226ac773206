"""The conversation log: user messages, Markdown answers with their sources, quick replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Markdown, Static

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
        self, text: str, *, who: str, sources: Sequence[str] = (), error: bool = False
    ) -> None:
        super().__init__(classes="assistant-message" + (" error" if error else ""))
        self.text = text
        self.who = who
        self.sources = list(sources)

    def compose(self) -> ComposeResult:
        """The speaker line, the answer, the sources."""
        yield Static(f"[b]{self.who}[/b]", classes="speaker")
        yield Markdown(self.text, classes="answer")
        if self.sources:
            yield Static(_escape("· " + " · ".join(self.sources)), classes="sources")


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
            yield Button(reply.label, id=f"reply-{position}", compact=True, classes="reply")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Turn the button back into its reply."""
        event.stop()
        position = int((event.button.id or "reply-0").removeprefix("reply-"))
        self.post_message(self.Chosen(self.replies[position]))


class ChatLog(VerticalScroll):
    """The scrolling conversation; quick replies only ever sit under the latest answer."""

    async def add_user(self, text: str, *, who: str) -> None:
        """Show a user message."""
        await self._drop_replies()
        await self.mount(UserMessage(text, who=who))
        self._follow()

    async def add_answer(
        self,
        text: str,
        *,
        who: str,
        sources: Sequence[str] = (),
        replies: Sequence[Reply] = (),
        error: bool = False,
    ) -> AssistantMessage:
        """Show an answer and its quick replies, and scroll to it."""
        await self._drop_replies()
        message = AssistantMessage(text, who=who, sources=sources, error=error)
        await self.mount(message)
        if replies:
            await self.mount(QuickReplies(replies))
        self._follow()
        return message

    def _follow(self) -> None:
        # Scroll once the new widgets have a size, or the last lines stay hidden.
        self.call_after_refresh(self.scroll_end, animate=False)

    async def _drop_replies(self) -> None:
        for old in self.query(QuickReplies):
            await old.remove()


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
