"""Typing while a quick reply has the focus: the text goes to the input, no button is pressed,
and a notice repeated by a key pressed again is shown once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets._toast import Toast

from rakuten_assist.tui.app import SupportApp
from rakuten_assist.tui.widgets.chat import Reply, ReplyButton
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (120, 40)
QUESTION = "Est-ce que Colissimo est pris en charge"


async def test_typing_on_a_focused_quick_reply_goes_to_the_input(
    make_app: Callable[..., SupportApp], wait_for: Callable[..., Any], tmp_path: Path
) -> None:
    """Letters and spaces typed on a focused "Export the report" button fill the input; no
    report is written; Enter then sends the question, which gets its answer."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        # The walkthrough's last message and its quick reply, as after step 5.
        await app._say("Résumé", replies=[Reply("Exporter le rapport", action="export_report")])
        await pilot.pause()
        button = app.query(ReplyButton).last()
        button.focus()
        await pilot.pause()
        for key in QUESTION:
            await pilot.press("space" if key == " " else key)
        await pilot.pause()
        ask = app.query_one("#ask", HistoryInput)
        assert ask.value == QUESTION
        assert app.focused is ask
        assert not list(tmp_path.glob("rakuten-assist-report-*"))
        await pilot.press("question_mark", "enter")
        await wait_for(pilot, lambda: len(app.latencies) == 1)
        assert app.transcript[-2].text == QUESTION + "?"
        assert "Colissimo" in app.transcript[-1].text
        assert not list(tmp_path.glob("rakuten-assist-report-*"))


async def test_enter_on_a_focused_quick_reply_still_presses_it(
    make_app: Callable[..., SupportApp], wait_for: Callable[..., Any]
) -> None:
    """The keyboard way to choose a quick reply stays: focus it and press Enter."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = app.query(ReplyButton).first()
        assert start.reply.action == "walkthrough"
        start.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.walkthrough.active)


async def test_a_notice_repeated_by_a_key_is_shown_once(
    make_app: Callable[..., SupportApp],
) -> None:
    """Ctrl+Y three times with nothing to copy: one notice on screen, not three stacked."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.transcript.clear()
        for _ in range(3):
            await pilot.press("ctrl+y")
            await pilot.pause()
        await pilot.pause(0.1)
        toasts = app.screen.query(Toast)
        assert len(toasts) == 1
        app.notify("another one")
        await pilot.pause(0.1)
        assert len(app.screen.query(Toast)) == 2
