"""How much the TUI adds to the engine: Enter -> answer on screen, over the engine's own time.

A headless SupportApp on the seeded sandbox gets the same questions, one at a time, typed into
the chat input; for each, the clock runs from the Enter key to the refresh that shows the
answer. The same questions go to a fresh engine directly. Also prints the time to first paint
(app start to the first frame) and the cold import time of the app. Last line:

    tui ratio <value> (target <= 2)

Run: python bench/tui.py
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

from rakuten_assist.api import RakutenClient
from rakuten_assist.config import Settings
from rakuten_assist.sandbox import Sandbox, running_sandbox
from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.widgets.history_input import HistoryInput

TARGET = 2.0
ROUNDS = 3
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


def _engine(sandbox: Sandbox) -> tuple[SupportEngine, RakutenClient]:
    client = RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url))
    return SupportEngine(client=client), client


def engine_seconds(sandbox: Sandbox) -> list[float]:
    """The engine's own time per question, same order, same conversation as in the app."""
    engine, client = _engine(sandbox)
    conversation = Conversation()
    spent = []
    with client:
        engine.answer(WARM_UP, Conversation())  # first-use imports, as the app's warm-up
        for question in QUESTIONS:
            start = time.perf_counter()
            engine.answer(question, conversation)
            spent.append(time.perf_counter() - start)
    return spent


async def app_seconds(sandbox: Sandbox) -> tuple[list[float], float]:
    """Enter -> rendered per question in a headless app, and the time to first paint."""
    engine, client = _engine(sandbox)
    painted: list[float] = []

    class TimedApp(SupportApp):
        def on_ready(self) -> None:
            painted.append(time.perf_counter())

    engine.answer(WARM_UP, Conversation())  # same warm-up as the engine alone, untimed
    started = time.perf_counter()
    app = TimedApp(engine, connection=Connection.for_sandbox(sandbox), now=NOW)
    spent = []
    with client:
        async with app.run_test(size=(140, 40)) as pilot:
            while not painted:
                await pilot.pause(0.001)
            ask = app.query_one("#ask", HistoryInput)
            for question in QUESTIONS:
                ask.value = question
                before = len(app.rendered_at)
                enter = time.perf_counter()
                await pilot.press("enter")
                while len(app.rendered_at) == before:
                    await pilot.pause(0.001)
                spent.append(app.rendered_at[-1] - enter)
    return spent, painted[0] - started


def cold_import_seconds() -> float:
    """A fresh interpreter importing the app (what `rakuten-assist tui` pays before painting)."""
    code = (
        "import time; t = time.perf_counter(); import rakuten_assist.tui.app; "
        "import rakuten_assist.support.engine; print(time.perf_counter() - t)"
    )
    out = subprocess.run(  # noqa: S603 (our own interpreter, fixed code)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main() -> None:
    ratios, paints, ui_all, engine_all = [], [], [], []
    with running_sandbox(seed=42, sales=40, now=NOW) as sandbox:
        for _ in range(ROUNDS):
            engine = engine_seconds(sandbox)
            ui, paint = asyncio.run(app_seconds(sandbox))
            ui_all += ui
            engine_all += engine
            paints.append(paint)
            ratios.append(sum(ui) / sum(engine))
    print(f"questions: {len(QUESTIONS)} x {ROUNDS} rounds")
    print(
        f"engine alone: median {statistics.median(engine_all) * 1000:.1f} ms, "
        f"total {sum(engine_all) / ROUNDS * 1000:.0f} ms per round"
    )
    print(
        f"Enter -> answer rendered: median {statistics.median(ui_all) * 1000:.1f} ms, "
        f"max {max(ui_all) * 1000:.1f} ms, total {sum(ui_all) / ROUNDS * 1000:.0f} ms per round"
    )
    print(f"time to first paint (app start -> first frame): {statistics.median(paints):.2f} s")
    print(f"cold import of the app and engine: {cold_import_seconds():.2f} s")
    print(f"tui ratio {statistics.median(ratios):.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
