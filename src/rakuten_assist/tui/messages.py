"""Messages workers post back to the app: results cross threads only this way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from rakuten_assist.support.answers import Answer
    from rakuten_assist.support.checks import CheckResult
    from rakuten_assist.tui.walkthrough import RunScope
    from rakuten_assist.tui.widgets.chat import Blocks

__all__ = ["AnswerReady", "CheckProgress", "ChecksFinished", "OrderFound"]


class AnswerReady(Message):
    """The engine answered a question.

    Attributes:
        question: what was asked.
        answer: the engine's answer.
        started: ``perf_counter()`` when Enter was pressed.
        engine_seconds: time spent inside ``engine.answer``.
        note: set for a side question during the walkthrough (the step still waits).
        text: the answer as Markdown, every part of it ("" when not prepared).
        blocks: ``text``'s blocks, parsed in the worker (None when not prepared).
    """

    def __init__(
        self,
        question: str,
        answer: Answer,
        started: float,
        engine_seconds: float,
        *,
        note: str | None = None,
        text: str = "",
        blocks: Blocks | None = None,
    ) -> None:
        super().__init__()
        self.note = note
        self.text = text
        self.blocks = blocks
        self.question = question
        self.answer = answer
        self.started = started
        self.engine_seconds = engine_seconds


class CheckProgress(Message):
    """One setup check finished during a run."""

    def __init__(self, result: CheckResult, scope: RunScope, position: int) -> None:
        super().__init__()
        self.result = result
        self.scope = scope
        self.position = position


class ChecksFinished(Message):
    """A run of setup checks ended normally."""


class OrderFound(Message):
    """The order lookup has an answer (Markdown)."""

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown
