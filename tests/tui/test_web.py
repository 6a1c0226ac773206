"""``tui --web`` in a real headless Chromium (Debian's): the page loads and a question is answered.

The screen is drawn on a canvas, so the test reads what the app sends the page over the
websocket (the terminal's text) and saves a screenshot. With RAKUTEN_ASSIST_DOCS_SCREENSHOT=1
the screenshot also replaces ``docs/tui-web.png`` (shown in the README).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "tui-web.png"
# The flags that keep a headless Chromium quiet and offline on a CI machine.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-B]")

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _chromium() -> Path:
    if CHROMIUM.is_file():
        return CHROMIUM
    reason = "Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """`rakuten-assist tui --web` on a free loopback port: its URL and the lines it printed."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rakuten_assist", "tui", "--web", "--port", str(port),
         "--report-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "RAKUTEN_LOGIN": "", "RAKUTEN_TOKEN": ""},
    )  # fmt: skip
    assert process.stdout is not None
    printed: list[str] = []
    # A thread reads the output: a pipe read would block, and select() misses buffered lines.
    reader = threading.Thread(target=lambda: printed.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    try:
        while not any("Ctrl+C" in line for line in printed):
            assert process.poll() is None, "".join(printed)
            assert time.monotonic() < deadline, "".join(printed)
            time.sleep(0.1)
        url = next(m.group(0) for line in printed if (m := re.search(r"http://\S+", line)))
        yield url, printed
    finally:
        process.terminate()
        process.wait(timeout=10)
        reader.join(timeout=5)
        process.stdout.close()


def test_web_says_it_is_loopback_and_prints_its_url(served: tuple[str, list[str]]) -> None:
    """Serving prints the URL and says that only this computer can open it."""
    url, printed = served
    assert url.startswith("http://127.0.0.1:")
    assert any("Only this computer" in line for line in printed)


def test_a_question_typed_in_chromium_gets_its_answer(
    served: tuple[str, list[str]], tmp_path: Path
) -> None:
    """In headless Chromium the app paints, a French question is answered in French, a screenshot
    is saved."""
    from playwright.sync_api import sync_playwright

    chromium = _chromium()
    url, _ = served
    received: list[str] = []

    def watch(websocket: object) -> None:
        def frame(payload: str | bytes) -> None:
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
            received.append(_ANSI.sub("", text))

        websocket.on("framereceived", frame)  # type: ignore[attr-defined]

    def screen_text() -> str:
        return "".join(received)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh --user-data-dir
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 860},
        )
        try:
            page = browser.new_page()
            page.on("websocket", watch)
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(url, wait_until="domcontentloaded")
            page.wait_for_function(
                "() => document.body.classList.contains('-first-byte')", timeout=30_000
            )
            deadline = time.monotonic() + 30
            while "Welcome" not in screen_text():
                assert time.monotonic() < deadline, "the app never painted its welcome"
                page.wait_for_timeout(100)
            # No click and no focus by hand: the page gives the terminal the keyboard, so the
            # footer (Quit, Help) shows and typing reaches the app, as for a person.
            deadline = time.monotonic() + 30
            while "Quit" not in screen_text():
                assert time.monotonic() < deadline, "the footer never showed Quit"
                page.wait_for_timeout(100)
            assert page.evaluate("document.activeElement.className").startswith(
                "xterm-helper-textarea"
            )
            title = page.title()
            page.keyboard.type("Est-ce que Colissimo est pris en charge ?")
            page.keyboard.press("Enter")
            deadline = time.monotonic() + 30
            while "laposte.fr" not in screen_text():
                assert time.monotonic() < deadline, "no answer reached the page"
                page.wait_for_timeout(100)
            page.wait_for_timeout(500)  # let the last frame paint before the screenshot
            shot = tmp_path / "tui-web.png"
            page.screenshot(path=str(shot))
            page.keyboard.press("Control+q")  # quit: the page says so in the user's words
            page.wait_for_function(
                "() => document.body.classList.contains('-closed')", timeout=30_000
            )
            ended = page.inner_text(".ended")
        finally:
            browser.close()
    assert title == "Rakuten Assist: support bot"
    assert "Session ended: the assistant was closed." in ended
    # A loopback tool asks no one else for anything (textual-serve's own page asked Google
    # for its font).
    assert all(re.match(r"(http|ws)://127\.0\.0\.1:", u) for u in requested), requested
    assert "Colissimo" in screen_text()
    assert "Vous" in screen_text()  # the screen followed the French question
    assert "Transporteurs" in screen_text()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a painted screen, not a blank page
    if os.environ.get("RAKUTEN_ASSIST_DOCS_SCREENSHOT") == "1":
        shutil.copyfile(shot, DOCS_SCREENSHOT)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False),  # noqa: S104
     ("192.168.1.20", False), ("shop.example", False)],
)  # fmt: skip
def test_only_loopback_addresses_are_called_this_computer_only(host: str, loopback: bool) -> None:
    """--host 0.0.0.0 or a LAN address gets the warning; loopback addresses do not."""
    from rakuten_assist.tui.web import is_loopback

    assert is_loopback(host) is loopback


def _web_on_a_taken_port(lang: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """``tui --web --port`` of a port this test holds, with messages in ``lang``."""
    import os

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "rakuten_assist", "tui", "--web", "--port", str(port)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "RAKUTEN_ASSIST_LANG": lang},
        )  # fmt: skip
    return done, port


def test_a_taken_port_is_a_clear_error_before_any_url() -> None:
    """--port of an address in use: exit 2, no URL announced, and the fix names --port."""
    done, _ = _web_on_a_taken_port("en")
    assert done.returncode == 2
    assert "http://" not in done.stdout
    assert "--port" in done.stderr


def test_a_taken_port_is_said_in_french_to_a_french_user() -> None:
    """The same taken port for a French user: the reason is the French words for it, not the
    system's English "Address already in use"."""
    done, port = _web_on_a_taken_port("fr")
    assert done.returncode == 2
    assert f"127.0.0.1:{port} : l'adresse est déjà utilisée." in done.stderr
    assert "Address already in use" not in done.stderr


def test_the_page_speaks_the_users_language_and_asks_no_one_else() -> None:
    """The browser page's title and closing words are French for a French user, its font is
    this computer's, and textual-serve's fields are left for it to fill."""
    from rakuten_assist.tui.web import page_template

    page = page_template("fr")
    assert '<html lang="fr">' in page
    assert "<title>Rakuten Assist : l&#x27;assistant support</title>" in page
    assert "Session terminée" in page
    assert "Rouvrir" in page
    assert "googleapis" not in page
    assert "https://" not in page
    assert "{{ app_websocket_url }}" in page
    assert "Session ended" not in page
