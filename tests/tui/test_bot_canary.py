"""The bot's notices and exported report hold no piece of a token a server quoted encoded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import respx

from rakuten_assist.sandbox import DEMO_TOKEN, Sandbox
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.widgets.history_input import HistoryInput

pytestmark = pytest.mark.integration
SIZE = (140, 40)


def _answers(app: SupportApp) -> list[str]:
    return [entry.text for entry in app.transcript if entry.role == "assistant"]


async def _ask(pilot: Any, wait_for: Any, text: str) -> None:
    app: SupportApp = pilot.app
    before = len(_answers(app))
    await pilot.click("#ask")
    app.query_one("#ask", HistoryInput).value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(_answers(app)) > before)


def _quoting_page(request: httpx.Request) -> httpx.Response:
    """403 from a front server quoting the request percent-encoded, the token 150 chars in.

    The error's 160-character excerpt then cuts the token: a search for the whole token
    misses the piece left.
    """
    quoted = quote(f"/sales_ws?{request.url.query.decode()}", safe="")
    filler = "x" * (150 - len("Forbidden ") - quoted.index(DEMO_TOKEN))
    return httpx.Response(
        403, content=f"<html><h1>Forbidden</h1><p>{filler}{quoted}</p></html>".encode()
    )


def _clean(text: str) -> bool:
    pieces = {DEMO_TOKEN[i : i + 8] for i in range(len(DEMO_TOKEN) - 7)}
    encoded = {"".join(f"%{ord(c):02X}" for c in p) for p in pieces}
    return not any(p in text for p in pieces | encoded)


async def test_notices_and_report_are_clean_when_a_server_quotes_the_token_encoded(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """The walkthrough's live check fails on the quoting page: notice and Ctrl+S report clean."""
    app = make_app(Connection.for_sandbox(sandbox))
    with respx.mock(base_url=sandbox.base_url, assert_all_called=False) as router:
        router.get("/sales_ws").mock(side_effect=_quoting_page)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2")
            await _ask(pilot, wait_for, sandbox.login)
            await _ask(pilot, wait_for, app.walkthrough.demo_token_label)
            await wait_for(pilot, lambda: bool(app.notices))
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert router.calls, "the quoting page was served"
            assert app.last_report is not None
            report = app.last_report.read_text(encoding="utf-8")
    assert "Forbidden" in " ".join(app.notices) + report
    assert _clean(" ".join(app.notices))
    assert _clean(report)
