"""What the support bot adds to a bare Textual app: Enter -> answer on screen, and first paint.

Both apps run headless in the same process, same size, same questions, typed into an input:

- ours: a SupportApp on the seeded sandbox; the clock runs from the Enter key to the refresh
  that shows the engine's answer (the question is drawn, the engine answers in a worker, the
  answer is drawn);
- the baseline: a minimal Textual app, an Input and a Static; Enter puts the text in the
  Static, and the clock stops at the refresh that shows it.

First paint is app start to the first frame (``on_ready``), ours over the minimal app's.
Medians over several rounds. The last line is the Enter ratio:

    first paint ratio <value> (target <= 2)
    tui ratio <value> (target <= 1.5)

Run: python bench/tui.py
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from rakuten_assist.sandbox import Sandbox, running_sandbox
from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.tui.app import Connection, SupportApp

TARGET = 1.5
PAINT_TARGET = 2.0
ROUNDS = 3
PAINT_ROUNDS = 12
SIZE = (140, 40)
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
WARM_UP = "is Chronopost supported?"
QUESTIONS = [
    "is Colissimo supported?",
    "on expédie avec Mondial Relay et parfois Colis Privé, ça passe pour Rakuten ?",
    "is Amazon Logistics supported?",
    "Unknown user or password.",
    "where do I find my token?",
    "6A12345678905",
    "tracking link for Chronopost XY123456789FR",
    "do you retrieve orders from Belgium?",
    "my SKUs do not match the catalogue",
    "comment faire une commande de test ?",
    "hello",
    "what is the weather tomorrow?",
]


class EchoApp(App[None]):
    """The baseline: an Input and a Static; Enter shows the text typed."""

    def __init__(self, painted: list[float]) -> None:
        super().__init__()
        self.painted = painted
        self.rendered_at: list[float] = []

    def compose(self) -> ComposeResult:
        """The echo and the input."""
        yield Static("", id="echo")
        yield Input(id="ask")

    def on_ready(self) -> None:
        """First frame."""
        self.painted.append(time.perf_counter())

    @on(Input.Submitted)
    def echo(self, event: Input.Submitted) -> None:
        """Show the text, note when it is on screen."""
        self.query_one("#echo", Static).update(event.value)
        event.input.value = ""
        self.call_after_refresh(lambda: self.rendered_at.append(time.perf_counter()))


async def _drive(
    app: Any, painted: list[float], started: float, questions: list[str]
) -> tuple[list[float], float]:
    """Type each question and press Enter; the seconds to each rendered answer, first paint."""
    spent = []
    async with app.run_test(size=SIZE) as pilot:
        while not painted:
            await pilot.pause(0.001)
        warmed = getattr(app, "warmed_up", None)
        while warmed is not None and not warmed.is_set():  # the background imports
            await pilot.pause(0.01)
        ask = app.query_one("#ask", Input)
        for question in questions:
            ask.value = question
            before = len(app.rendered_at)
            enter = time.perf_counter()
            await pilot.press("enter")
            while len(app.rendered_at) == before:
                await pilot.pause(0.001)
            spent.append(app.rendered_at[-1] - enter)
    return spent, painted[0] - started


async def ours(sandbox: Sandbox, questions: list[str]) -> tuple[list[float], float]:
    """Enter -> answer rendered in the support bot, and its first paint."""
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Settings

    painted: list[float] = []

    class TimedApp(SupportApp):
        async def on_ready(self) -> None:
            painted.append(time.perf_counter())
            await super().on_ready()

    client = RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url))
    engine = SupportEngine(client=client)
    engine.answer(WARM_UP, Conversation())  # the engine's first-use imports, untimed
    with client:
        started = time.perf_counter()
        app = TimedApp(engine, connection=Connection.for_sandbox(sandbox), now=NOW)
        return await _drive(app, painted, started, questions)


async def baseline(questions: list[str]) -> tuple[list[float], float]:
    """Enter -> echo rendered in the minimal app, and its first paint."""
    painted: list[float] = []
    started = time.perf_counter()
    return await _drive(EchoApp(painted), painted, started, questions)


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms"


def main() -> None:
    """Alternate the two apps over the rounds and print both ratios, the Enter one last."""
    ours_enter: list[float] = []
    base_enter: list[float] = []
    ours_paint: list[float] = []
    base_paint: list[float] = []
    with running_sandbox(seed=42, sales=40, now=NOW) as sandbox:
        runs: list[tuple[Callable[[list[str]], Any], list[float], list[float]]] = [
            (baseline, base_enter, base_paint),
            (lambda questions: ours(sandbox, questions), ours_enter, ours_paint),
        ]
        asyncio.run(baseline([]))  # Textual's own first-use imports, untimed
        # Alternating, so a busy moment of the machine falls on both apps alike.
        for _ in range(ROUNDS):
            for run, enter, paint in runs:
                spent, first = asyncio.run(run(QUESTIONS))
                enter += spent
                paint.append(first)
        for _ in range(PAINT_ROUNDS):
            for run, _enter, paint in runs:
                paint.append(asyncio.run(run([]))[1])
    print(
        f"questions: {len(QUESTIONS)} x {ROUNDS} rounds, first paints: {ROUNDS + PAINT_ROUNDS} "
        f"per app, {SIZE[0]}x{SIZE[1]} cells"
    )
    print(f"Enter -> echo rendered (minimal app): median {_median_ms(base_enter)}")
    print(f"Enter -> answer rendered (support bot): median {_median_ms(ours_enter)}, "
          f"max {max(ours_enter) * 1000:.1f} ms")  # fmt: skip
    print(
        f"first paint: minimal app {_median_ms(base_paint)}, support bot {_median_ms(ours_paint)}"
    )
    paint_ratio = statistics.median(ours_paint) / statistics.median(base_paint)
    enter_ratio = statistics.median(ours_enter) / statistics.median(base_enter)
    print(f"first paint ratio {paint_ratio:.2f} (target <= {PAINT_TARGET:g})")
    print(f"tui ratio {enter_ratio:.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
