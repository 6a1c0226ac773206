"""The conversation log: user messages, Markdown answers with their sources, quick replies."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Markdown as RichMarkdown
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

#: labels longer than this take the whole row instead of half of it
_NARROW_LABEL = 30
#: cells a link (or the rest of a list item cut by one) is indented by, under its item
_INDENT = 3

__all__ = [
    "AssistantMessage",
    "Blocks",
    "ChatLog",
    "QuickReplies",
    "Reply",
    "UserMessage",
    "prepare",
    "split_links",
]

# A bare link (not inside Markdown's [label](url), whose label is shown as a hyperlink).
_BARE_URL = re.compile(r"(?<![(<\w])<?(https?://[^\s<>\"]+[^\s<>\".,;:!?)\]])>?")


def split_links(markdown: str) -> list[tuple[str, str]]:
    """The answer as ("markdown", text) blocks and ("link", url) lines, in reading order.

    A line holding bare links is cut at each: the text before, the link on its own line, the
    text after (a list item's rest is a "continued" block, shown indented under the item).
    """
    parts: list[tuple[str, str]] = []
    block: list[str] = []

    def flush() -> None:
        if any(text.strip() for text in block):
            if parts and parts[-1][0] == "link" and not block[0].strip():
                parts.append(("gap", ""))  # the blank line Markdown drops at a block's start
            parts.append(("markdown", "\n".join(block)))
        block.clear()

    for line in markdown.split("\n"):
        if not _BARE_URL.search(line):
            block.append(line)
            continue
        indent = "  " if re.match(r"^\s*(?:[-*+]|\d+[.)])\s", line) else ""
        position = 0
        for match in _BARE_URL.finditer(line):
            before = line[position : match.start()].rstrip()
            if before.strip(" -*"):
                block.append(before if position == 0 else indent + before.strip())
            flush()
            parts.append(("link", match.group(1)))
            position = match.end()
        after = line[position:].strip().lstrip(".,;").strip()
        if after and indent:
            parts.append(("continued", after))  # the rest of a list item: indented
        elif after:
            block.append(after)
    flush()
    return parts


#: an answer's blocks, ready to draw: ("markdown" | "continued", parsed Markdown), ("link", url)
#: or ("gap", "") for a blank line
Blocks = list[tuple[str, "RichMarkdown | str"]]


def prepare(markdown: str) -> Blocks:
    """The answer's blocks with their Markdown parsed: pure work, done in the engine's worker
    so the UI thread only lays the answer out."""
    return [
        (kind, part if kind in ("link", "gap") else RichMarkdown(part, hyperlinks=True))
        for kind, part in split_links(markdown)
    ]


@dataclass(frozen=True)
class Reply:
    """A quick reply: ``text`` is sent as if typed, or ``action`` is run (an app action)."""

    label: str
    text: str | None = None
    action: str | None = None


class UserMessage(Static):
    """What the user sent, right-aligned."""

    # Here, not in app.tcss: parsed when the first question is shown, not before the first frame.
    DEFAULT_CSS = """
    UserMessage {
        margin: 1 0 0 6;
        padding: 0 1;
        background: $primary-muted;
        color: $text;
        width: 1fr;
    }
    """

    def __init__(self, text: str, *, who: str) -> None:
        super().__init__(f"[b]{who}[/b]  {_escape(text)}", classes="user-message")
        self.text = text

    def relabel(self, who: str) -> None:
        """Say who spoke in another language."""
        self.update(f"[b]{who}[/b]  {_escape(self.text)}")


class AssistantMessage(Widget):
    """One answer: the speaker, the Markdown, its links, sources and note, as ONE widget.

    The whole answer is one renderable, built once: mounting it is one widget for the layout
    (not one per block), and the chat's reflow stays cheap however long the conversation.
    Colours come from the component classes below, so the theme still decides them.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "assistant-message--speaker",
        "assistant-message--link",
        "assistant-message--sources",
        "assistant-message--note",
    }

    def __init__(
        self,
        text: str,
        *,
        who: str,
        sources: Sequence[str] = (),
        error: bool = False,
        note: str | None = None,
        blocks: Blocks | None = None,
    ) -> None:
        super().__init__(classes="assistant-message" + (" error" if error else ""))
        self.text = text
        self.who = who
        self.sources = list(sources)
        self.note = note
        self._blocks = blocks
        self._renderable: _RenderedOnce | None = None

    @property
    def links(self) -> list[str]:
        """The bare links of the answer, in reading order (each shown whole, on its own rows)."""
        return [part for kind, part in split_links(self.text) if kind == "link"]

    @property
    def sources_line(self) -> str:
        """The sources as shown under the answer ("" without any)."""
        return "· " + " · ".join(self.sources) if self.sources else ""

    def render(self) -> RenderableType:
        """The answer, built on first paint and kept (until the text or the theme changes)."""
        if self._renderable is None:
            self._renderable = _RenderedOnce(self._build())
        return self._renderable

    def _build(self) -> Group:
        style = self.get_component_rich_style
        parts: list[RenderableType] = [Text(self.who, style=style("assistant-message--speaker"))]
        # Rich's Markdown per block (Textual's Markdown builds a widget per element). Each bare
        # link gets rows of its own, folded by character when wider than the chat (never cut,
        # never behind a scrollbar), and is a terminal hyperlink on every row.
        if self._blocks is None:
            self._blocks = prepare(self.text)
        for kind, part in self._blocks:
            if kind == "gap":
                parts.append(Text(""))
            elif isinstance(part, str):
                parts.append(LinkRows(part, style("assistant-message--link")))
            elif kind == "continued":
                parts.append(Padding(part, (0, 0, 0, _INDENT)))
            else:
                parts.append(part)
        if self.sources:
            parts += [Text(""), Text(self.sources_line, style=style("assistant-message--sources"))]
        if self.note:
            parts += [Text(""), Text("→ " + self.note, style=style("assistant-message--note"))]
        return Group(*parts)

    def notify_style_update(self) -> None:
        """The theme changed: build the answer again with its colours."""
        super().notify_style_update()
        self._renderable = None

    async def rewrite(self, text: str, *, who: str) -> None:
        """Show another text (the same message in another language)."""
        self.text, self.who = text, who
        self._blocks = self._renderable = None
        self.refresh(layout=True)


class LinkRows:
    """A link on rows of its own, never cut where it fits: indented under its text when it fits
    with the indent, flush left when it fits only so, folded by character only when it is longer
    than the whole width. Every row is the same terminal hyperlink (OSC 8) to the whole URL."""

    def __init__(self, url: str, style: Style) -> None:
        self.url = url
        self.style = style + Style(link=url)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        link = Text(self.url, style=self.style, overflow="fold", no_wrap=False)
        length = link.cell_len
        indent = _INDENT if length + _INDENT <= width else 0
        yield Padding(link, (0, 0, 0, indent)) if indent else link

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, min(options.max_width, len(self.url) + _INDENT))


class _RenderedOnce:
    """A renderable laid out once per width: every later repaint of the chat (each new
    message moves the older ones) reuses the lines instead of laying out Markdown again."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._width: int | None = None
        self._segments: list[Segment] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width != self._width:
            self._segments = list(console.render(self.renderable, options))
            self._width = options.max_width
        yield from self._segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class ReplyButton(Widget, can_focus=True):
    """One quick reply: a focusable, clickable label that looks like a compact button.

    Not Textual's Button: its stylesheet (every variant and state) is parsed when the first
    one mounts, which is the welcome's first frame; this needs a few rules. Not a Static
    either: its label never changes, so a plain widget that renders it does (three of them
    are built for the welcome, before the first frame).
    """

    DEFAULT_CSS = """
    ReplyButton {
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        text-style: bold;
        pointer: pointer;
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "press", show=False)]

    def __init__(self, reply: Reply, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.reply = reply
        self._label = Content(reply.label)

    def render(self) -> Content:
        """The label, as given (never read as markup)."""
        return self._label

    def on_click(self, event: events.Click) -> None:
        """A click sends the reply."""
        event.stop()
        self.action_press()

    def action_press(self) -> None:
        """Send the reply (Enter or Space when focused, or a click)."""
        self.post_message(QuickReplies.Chosen(self.reply))


class QuickReplies(Horizontal):
    """Reply buttons under the latest answer; pressing one posts ``QuickReplies.Chosen``."""

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
            yield ReplyButton(reply, id=f"reply-{position}", classes="reply" + wide)


class ChatLog(VerticalScroll):
    """The scrolling conversation; quick replies only ever sit under the latest answer."""

    #: how long a question waits for its answer to be drawn with it in one layout pass
    HOLD_SECONDS = 0.05

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._held: UserMessage | None = None
        self._hold_timer: Timer | None = None

    def add_user(self, text: str, *, who: str) -> None:
        """Show a user message: with the answer if it comes within ``HOLD_SECONDS`` (one
        layout pass for both), else on its own."""
        self.flush()
        self._held = UserMessage(text, who=who)
        self._hold_timer = self.set_timer(self.HOLD_SECONDS, self.flush)

    def flush(self) -> None:
        """Draw a question still held back."""
        held, self._held = self._held, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        if held is not None:
            old = list(self.query_children(QuickReplies))
            if old:
                self.remove_children(old)
            self.mount(held)

    async def add_answer(
        self,
        text: str,
        *,
        who: str,
        sources: Sequence[str] = (),
        replies: Sequence[Reply] = (),
        error: bool = False,
        note: str | None = None,
        blocks: Blocks | None = None,
    ) -> AssistantMessage:
        """Show an answer (with a note under it) and its quick replies, and scroll to it;
        ``blocks`` are its blocks already prepared (else they are, on first draw)."""
        message = AssistantMessage(
            text, who=who, sources=sources, error=error, note=note, blocks=blocks
        )
        held, self._held = self._held, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        widgets: list[Widget] = [] if held is None else [held]
        widgets += [message, QuickReplies(replies)] if replies else [message]
        await self._replace_replies(widgets)
        return message

    def relabel_last_user(self, who: str) -> None:
        """Label the latest user message again (the interface language changed)."""
        if self._held is not None:
            self._held.relabel(who)
            return
        messages = self.query_children(UserMessage)
        if messages:
            messages.last().relabel(who)

    def on_mount(self) -> None:
        """Stay at the bottom as messages arrive (until the user scrolls up)."""
        self.anchor()

    async def _replace_replies(self, widgets: list[Widget]) -> None:
        # One batch: the old replies go, the question, the answer and the new replies (with
        # their buttons) come, and the screen lays the chat out once, in one frame, instead
        # of once per step of the mount.
        old = list(self.query_children(QuickReplies))
        with self.app.batch_update():
            if old:
                await self.remove_children(old)
            await self.mount_all(widgets)
        # The end of a batch prompts the app, not the screen: without this, the frame waits
        # for whatever event next wakes the screen.
        self.screen.check_idle()

    def draw_now(self) -> bool:
        """Lay out and draw the screen at once; False when it cannot be (not yet on screen).

        Textual draws at its next frame tick, which after an idle moment (the user reading,
        then pressing Enter) comes one to two frame periods (17-33 ms) after the tick that
        cleared the input: an answer that is ready waits for it. Drawing it here is what
        the tick would do (Textual's own layout refresh, as on a resize); the tick that
        follows finds nothing left to change.
        """
        screen = self.screen
        refresh_layout = getattr(screen, "_refresh_layout", None)
        if refresh_layout is None or self.app.screen is not screen or self.app._batch_count:
            return False
        refresh_layout()
        return True


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
