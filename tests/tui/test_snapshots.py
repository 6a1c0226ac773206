"""Screenshots of the main layouts, compared with the committed SVGs (pytest-textual-snapshot)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rakuten_assist.sandbox import Sandbox
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (140, 40)

pytestmark = pytest.mark.integration


def _answers(app: SupportApp) -> int:
    return sum(1 for entry in app.transcript if entry.role == "assistant")


def test_start_screen_on_the_sandbox(
    snap_compare: Any, sandbox: Sandbox, make_app: Callable[..., SupportApp]
) -> None:
    """The first screen: SANDBOX header, welcome, quick replies, empty checklist, footer keys."""
    assert snap_compare(make_app(Connection.for_sandbox(sandbox)), terminal_size=SIZE)


def test_colissimo_answer(
    snap_compare: Any, sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """A supported carrier's answer with its link, sources and the carrier browser beside it."""
    app = make_app(Connection.for_sandbox(sandbox))

    async def ask(pilot: Any) -> None:
        await pilot.press(*"is Colissimo supported?", "enter")
        await wait_for(pilot, lambda: _answers(app) == 2)
        await pilot.press("f3")
        await pilot.click("#ask")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=ask)


def test_walkthrough_after_the_live_checks(
    snap_compare: Any, sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """The checklist filled by the live checks, one selected with its detail, the next question."""
    app = make_app(Connection.for_sandbox(sandbox))

    async def walk(pilot: Any) -> None:
        await pilot.press("f2")
        await wait_for(pilot, lambda: _answers(app) == 2)
        await pilot.press(*sandbox.login, "enter")
        await wait_for(pilot, lambda: app.query_one("#ask", HistoryInput).password)
        await pilot.press(*sandbox.token, "enter")
        await wait_for(pilot, lambda: "Step 4/5" in app.transcript[-1].text)
        await pilot.click("#checklist-list")
        await pilot.press("down", "down")
        await pilot.click("#ask")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=walk)


def test_credentials_form_refusing_an_email(
    snap_compare: Any, make_app: Callable[..., SupportApp]
) -> None:
    """The credentials form explains at once why an e-mail is not a login."""

    async def fill(pilot: Any) -> None:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.click("#login-input")
        await pilot.press(*"shop@example.com")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=fill)


def test_help_screen_in_french(snap_compare: Any, make_app: Callable[..., SupportApp]) -> None:
    """F1 in French: where to start and every key of the action table, in French."""

    async def open_help(pilot: Any) -> None:
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(lang="fr"), terminal_size=SIZE, run_before=open_help)
