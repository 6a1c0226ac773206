"""When the chat says an answer is on screen, it is: laid out and inside the visible chat."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rakuten_assist.tui.app import SupportApp
from rakuten_assist.tui.widgets.chat import AssistantMessage, ChatLog
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (140, 40)


class _Seen(list[float]):
    """``rendered_at`` that also notes where the newest answer was when it was recorded."""

    def __init__(self, app: SupportApp) -> None:
        super().__init__()
        self.app = app
        self.placed: list[bool] = []

    def append(self, value: float) -> None:
        """Note whether the newest answer is laid out inside the visible chat, then record."""
        message = self.app.query(AssistantMessage).last()
        chat = self.app.query_one(ChatLog)
        region = message.region
        self.placed.append(bool(region) and chat.region.contains_region(region))
        super().append(value)


async def test_an_answer_is_recorded_as_drawn_only_once_it_is_on_screen(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Each answer's 'rendered' moment (the latency the app reports) comes after the frame
    that shows it whole in the chat, not before its layout."""
    app = make_app(lang="en")
    seen = _Seen(app)
    app.rendered_at = seen
    questions = ["is Colissimo supported?", "where do I find my token?", "hello"]
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: len(app.query(AssistantMessage)) > 0)
        for number, question in enumerate(questions, start=1):
            app.query_one("#ask", HistoryInput).value = question
            await pilot.press("enter")
            await wait_for(pilot, lambda n=number: len(seen) == n)  # type: ignore[misc]
    assert seen.placed == [True] * len(questions)
