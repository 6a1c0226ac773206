"""What the support bot adds to a bare Textual app: Enter -> answer on screen, and first paint.

Both apps run headless in the same process, same size, same questions, typed into an input:

- ours: a SupportApp on the seeded sandbox; the clock runs from the Enter key to the refresh
  that shows the engine's answer (the question is drawn, the engine answers in a worker, the
  answer is drawn);
- the baseline: a minimal Textual app, an Input and a Static; Enter puts the text in the
  Static, and the clock stops at the refresh that shows it.

First paint is app start to the first frame (``on_ready``), ours over the minimal app's.
Medians over several rounds. Wall-clock ratios suffer on a busy machine, so one more pass,
untimed, counts what does not depend on the load, per answer and to the first frame:
frames drawn, layout passes, widgets created, and Python calls on the UI thread (the
timed rounds also give the UI thread's CPU milliseconds). The last line is the Enter ratio:

    first paint ratio <value> (target <= 2)
    tui ratio <value> (target <= 1.5)

Run: python bench/tui.py
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
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


@dataclass
class Counts:
    """What one app did per answer (and to its first frame), counted, not timed."""

    frames: list[int] = field(default_factory=list)
    layouts: list[int] = field(default_factory=list)
    widgets: list[int] = field(default_factory=list)
    calls: list[int] = field(default_factory=list)
    paint_widgets: int = 0
    paint_calls: int = 0


_TALLY = {"frames": 0, "layouts": 0, "widgets": 0, "painted": 0}


@contextlib.contextmanager
def _counting() -> Iterator[None]:
    """Count frames drawn, layout passes and widgets created, while inside."""
    display, layout, init = App._display, Screen._refresh_layout, Widget.__init__

    def counted_display(app: App[Any], screen: Screen[Any], renderable: Any) -> None:
        _TALLY["frames"] += renderable is not None
        display(app, screen, renderable)

    def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
        _TALLY["layouts"] += 1
        layout(screen, *args, **kwargs)

    def counted_init(widget: Widget, *args: Any, **kwargs: Any) -> None:
        _TALLY["widgets"] += 1
        init(widget, *args, **kwargs)

    App._display = counted_display  # type: ignore[method-assign, assignment]
    Screen._refresh_layout = counted_layout  # type: ignore[method-assign, assignment]
    Widget.__init__ = counted_init  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        App._display, Screen._refresh_layout, Widget.__init__ = display, layout, init  # type: ignore[method-assign]


def _calls(profile: cProfile.Profile) -> int:
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


async def _drive(
    app: Any,
    painted: list[float],
    started: float,
    questions: list[str],
    counts: Counts | None = None,
    paint_profile: cProfile.Profile | None = None,
    cpu: list[float] | None = None,
) -> tuple[list[float], float]:
    """Type each question and press Enter; the seconds to each rendered answer, first paint.

    With ``counts``, also what each answer took, counted (the first paint is counted by
    ``paint_profile``, which the app stops at its first frame); with ``cpu``, the UI thread's
    CPU seconds per answer.
    """
    spent = []
    async with app.run_test(size=SIZE) as pilot:
        while not painted:
            await pilot.pause(0.001)
        if paint_profile is not None and counts is not None:
            counts.paint_calls = _calls(paint_profile)
            counts.paint_widgets = _TALLY["painted"]
        warmed = getattr(app, "warmed_up", None)
        while warmed is not None and not warmed.is_set():  # the background imports
            await pilot.pause(0.01)
        ask = app.query_one("#ask", Input)
        for question in questions:
            ask.value = question
            before = len(app.rendered_at)
            tally = dict(_TALLY)
            profile = cProfile.Profile() if counts is not None else None
            thread_time = time.thread_time()
            enter = time.perf_counter()
            if profile is not None:
                profile.enable()
            await pilot.press("enter")
            while len(app.rendered_at) == before:
                await pilot.pause(0.001)
            if profile is not None:
                profile.disable()
            spent.append(app.rendered_at[-1] - enter)
            if cpu is not None:
                cpu.append(time.thread_time() - thread_time)
            if counts is None:
                continue
            counts.frames.append(_TALLY["frames"] - tally["frames"])
            counts.layouts.append(_TALLY["layouts"] - tally["layouts"])
            counts.widgets.append(_TALLY["widgets"] - tally["widgets"])
            assert profile is not None
            counts.calls.append(_calls(profile))
    return spent, painted[0] - started


async def ours(
    sandbox: Sandbox,
    questions: list[str],
    counts: Counts | None = None,
    cpu: list[float] | None = None,
) -> tuple[list[float], float]:
    """Enter -> answer rendered in the support bot, and its first paint."""
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Settings

    painted: list[float] = []
    profile = cProfile.Profile() if counts is not None else None

    class TimedApp(SupportApp):
        async def on_ready(self) -> None:
            painted.append(time.perf_counter())
            if profile is not None:
                profile.disable()
            _TALLY["painted"] = _TALLY["widgets"]
            await super().on_ready()

    client = RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url))
    engine = SupportEngine(client=client)
    engine.answer(WARM_UP, Conversation())  # the engine's first-use imports, untimed
    with client:
        _TALLY["widgets"] = 0
        if profile is not None:
            profile.enable()
        started = time.perf_counter()
        app = TimedApp(engine, connection=Connection.for_sandbox(sandbox), now=NOW)
        return await _drive(app, painted, started, questions, counts, profile, cpu)


class _CountedEchoApp(EchoApp):
    """The baseline, its profile stopped at the first frame."""

    def __init__(self, painted: list[float], profile: cProfile.Profile | None) -> None:
        super().__init__(painted)
        self.profile = profile

    def on_ready(self) -> None:
        """First frame."""
        super().on_ready()
        if self.profile is not None:
            self.profile.disable()
        _TALLY["painted"] = _TALLY["widgets"]


async def baseline(
    questions: list[str], counts: Counts | None = None, cpu: list[float] | None = None
) -> tuple[list[float], float]:
    """Enter -> echo rendered in the minimal app, and its first paint."""
    painted: list[float] = []
    profile = cProfile.Profile() if counts is not None else None
    _TALLY["widgets"] = 0
    if profile is not None:
        profile.enable()
    started = time.perf_counter()
    app = _CountedEchoApp(painted, profile)
    return await _drive(app, painted, started, questions, counts, profile, cpu)


def _median(values: list[int]) -> str:
    return f"{statistics.median(values):g}"


def _counted(name: str, counts: Counts, cpu: list[float]) -> str:
    return (
        f"{name}: per answer (medians) {_median(counts.frames)} frames, "
        f"{_median(counts.layouts)} layouts, {_median(counts.widgets)} widgets created, "
        f"{statistics.median(counts.calls) / 1000:.1f}k Python calls, "
        f"{statistics.median(cpu) * 1000:.1f} ms UI-thread CPU; first frame: "
        f"{counts.paint_widgets} widgets, {counts.paint_calls / 1000:.1f}k Python calls"
    )


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms"


def main() -> None:
    """Alternate the two apps over the rounds and print both ratios, the Enter one last."""
    ours_enter: list[float] = []
    base_enter: list[float] = []
    ours_paint: list[float] = []
    base_paint: list[float] = []
    ours_cpu: list[float] = []
    base_cpu: list[float] = []
    ours_counts, base_counts = Counts(), Counts()
    with running_sandbox(seed=42, sales=40, now=NOW) as sandbox:
        runs: list[tuple[Callable[..., Any], list[float], list[float], list[float], Counts]] = [
            (baseline, base_enter, base_paint, base_cpu, base_counts),
            (
                lambda *args, **kwargs: ours(sandbox, *args, **kwargs),
                ours_enter,
                ours_paint,
                ours_cpu,
                ours_counts,
            ),
        ]
        asyncio.run(baseline([]))  # Textual's own first-use imports, untimed
        # Alternating, so a busy moment of the machine falls on both apps alike.
        for _ in range(ROUNDS):
            for run, enter, paint, cpu, _counts in runs:
                spent, first = asyncio.run(run(QUESTIONS, cpu=cpu))
                enter += spent
                paint.append(first)
        for _ in range(PAINT_ROUNDS):
            for run, _enter, paint, _cpu, _counts in runs:
                paint.append(asyncio.run(run([]))[1])
        with _counting():  # untimed: the counting itself slows both apps down
            for run, _enter, _paint, _cpu, counts in runs:
                asyncio.run(run(QUESTIONS, counts=counts))
    print(
        f"questions: {len(QUESTIONS)} x {ROUNDS} rounds, first paints: {ROUNDS + PAINT_ROUNDS} "
        f"per app, {SIZE[0]}x{SIZE[1]} cells, at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(_counted("minimal app", base_counts, base_cpu))
    print(_counted("support bot", ours_counts, ours_cpu))
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
