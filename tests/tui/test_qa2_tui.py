"""The TUI's leftovers from the second QA walk: what Ctrl+Y copies before any answer, the
carrier list's mark explained on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rakuten_assist.tui.app import SupportApp

SIZE = (120, 40)


async def test_copy_before_any_answer_says_there_is_nothing_to_copy(
    make_app: Callable[..., SupportApp], tmp_path: Path
) -> None:
    """Ctrl+Y on the welcome screen copies nothing and says so; the greeting is not an answer."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert notices == ["Aucune réponse à copier."]
        assert not list(tmp_path.glob("rakuten-assist-answer-*"))
        assert app.last_answer_text() is None


async def test_copy_after_an_answer_copies_the_answer(
    make_app: Callable[..., SupportApp], wait_for: Callable[..., Any], tmp_path: Path
) -> None:
    """Once the bot has answered, Ctrl+Y writes that answer, not the greeting."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.send("Est-ce que Colissimo est pris en charge ?")
        await wait_for(pilot, lambda: len(app.latencies) == 1)
        await pilot.press("ctrl+y")
        await pilot.pause()
        (saved,) = tmp_path.glob("rakuten-assist-answer-*.txt")
        text = saved.read_text(encoding="utf-8")
        assert "Colissimo" in text
        assert "bac à sable intégré" not in text


async def test_the_carrier_list_explains_its_refused_mark(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str]
) -> None:
    """F3 shows carriers without a tracking page marked ⊘, and says on screen what ⊘ means."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "⊘" in shown.split("Amazon Logistics", 1)[1].splitlines()[0]
        legends = [line for line in shown.splitlines() if "⊘" in line and "suivi" in line]
        assert legends, shown
