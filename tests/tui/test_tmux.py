"""The real app in a real terminal (tmux): type as a person would, read the screen back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rakuten_assist.sandbox import DEMO_TOKEN

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="tmux is not installed (apt-get install tmux); CI installs it",
    ),
]


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[str, Callable[[], str]]]:
    """``rakuten-assist tui`` (no arguments: the sandbox) in a detached 140x40 tmux session."""
    session = f"rakuten-tui-test-{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAKUTEN_")}
    env["TERM"] = "xterm-256color"
    command = f"cd {tmp_path} && exec {sys.executable} -m rakuten_assist tui"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "140", "-y", "40", command],
        check=True,
        env=env,
    )
    try:
        yield session, lambda: _tmux("capture-pane", "-p", "-t", session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def _wait_for(capture: Callable[[], str], text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = capture()
    while text not in screen:
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")
        time.sleep(0.2)
        screen = capture()
    return screen


def test_new_user_asks_about_colissimo_and_walks_through_setup(
    terminal: tuple[str, Callable[[], str]],
) -> None:
    """With no arguments the app says SANDBOX, answers about Colissimo and masks the token."""
    session, capture = terminal
    _wait_for(capture, "SANDBOX")
    _wait_for(capture, "paste an error")
    _tmux("send-keys", "-t", session, "-l", "is Colissimo supported?")
    _tmux("send-keys", "-t", session, "Enter")
    screen = _wait_for(capture, "laposte.fr")
    assert "Colissimo: yes" in screen
    _tmux("send-keys", "-t", session, "F2")
    _wait_for(capture, "Step 1/5")
    _tmux("send-keys", "-t", session, "-l", "demo-boutique")
    _tmux("send-keys", "-t", session, "Enter")
    _wait_for(capture, "Step 2/5")
    _tmux("send-keys", "-t", session, "-l", DEMO_TOKEN)
    assert DEMO_TOKEN not in capture()  # masked while typed
    _tmux("send-keys", "-t", session, "Enter")
    screen = _wait_for(capture, "Step 4/5")
    assert "Rakuten accepts the credentials" in screen
    assert DEMO_TOKEN not in screen


def test_ctrl_q_gives_the_terminal_back_in_a_usable_state(tmp_path: Path) -> None:
    """After Ctrl+Q the shell's prompt is back, echoing what is typed, the screen restored."""
    session = f"rakuten-tui-quit-{os.getpid()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAKUTEN_")}
    env["TERM"] = "xterm-256color"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "140", "-y", "40",
         "bash --norc --noprofile"],
        check=True, env=env,
    )  # fmt: skip
    try:

        def capture() -> str:
            return _tmux("capture-pane", "-p", "-t", session)

        _tmux(
            "send-keys",
            "-t",
            session,
            "-l",
            f"cd {tmp_path} && {sys.executable} -m rakuten_assist tui",
        )
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(capture, "paste an error")
        _tmux("send-keys", "-t", session, "C-q")
        deadline = time.monotonic() + 10
        while "paste an error" in capture():  # the app's screen is left (alternate screen)
            assert time.monotonic() < deadline, capture()
            time.sleep(0.1)
        time.sleep(0.5)  # as a person would: type once the prompt is back
        _tmux("send-keys", "-t", session, "-l", "echo back-in-the-$((20+22))-shell")
        _tmux("send-keys", "-t", session, "Enter")
        screen = _wait_for(capture, "back-in-the-42-shell")
        assert "echo back-in-the-$((20+22))-shell" in screen  # typed keys echo again
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
