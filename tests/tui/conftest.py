"""Fixtures for the TUI tests: a seeded sandbox with a fixed clock, and an app on it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.sandbox import Sandbox, running_sandbox
from rakuten_assist.support import SupportEngine
from rakuten_assist.tui.app import Connection, SupportApp

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SIZE = (140, 40)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A seeded sandbox with a fixed present, so every run sees the same orders."""
    with running_sandbox(seed=42, sales=40, now=NOW) as sb:
        yield sb


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., SupportApp]:
    """Build a SupportApp on a connection, with a fixed clock, no blink, reports in tmp."""

    def build(connection: Connection | None = None, **kwargs: Any) -> SupportApp:
        kwargs.setdefault("report_dir", tmp_path)
        engine = kwargs.pop("engine", None) or SupportEngine()
        return SupportApp(
            engine,
            connection=connection,
            now=NOW,
            cursor_blink=False,
            **kwargs,
        )

    return build


async def _wait_for(pilot: Any, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)


@pytest.fixture
def wait_for() -> Callable[..., Any]:
    """``await wait_for(pilot, condition)``: run the app until the condition holds (10 s max)."""
    return _wait_for


def _screen_text(app: Any) -> str:
    # The rows of the screen as plain text, as tmux's capture-pane would show them.
    update = app.screen._compositor.render_full_update(simplify=True)
    return "\n".join("".join(strip.text for strip in row) for row in update.strips)


@pytest.fixture
def screen_text() -> Callable[[Any], str]:
    """``screen_text(app)``: what the screen shows, one line per row."""
    return _screen_text
