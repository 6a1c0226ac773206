"""Control characters and ANSI escapes typed or pasted into the bot never reach its report raw."""

from __future__ import annotations

from datetime import datetime

from rakuten_assist.exports import neutralise_controls
from rakuten_assist.tui.report import ChatEntry, build_report

HOSTILE = "clear\x1b[2J\x1b[31mred\x1b[0m\x1b]0;new title\x07 bell\x07 nul\x00 cr\rX \x9b31m end"


def test_the_report_holds_no_escape_or_control_character() -> None:
    """The exported report keeps the words and shows no ESC, BEL, NUL, CR or C1 byte."""
    report = build_report(
        [ChatEntry("user", HOSTILE), ChatEntry("assistant", "ok")],
        [],
        account="SANDBOX",
        now=datetime(2026, 12, 7, 12, 0),
    )
    assert not any(ch in report for ch in "\x1b\x07\x00\r\x9b")
    assert "clearred" in report
    assert "new title" not in report
    assert "nul␀ cr␍X" in report


def test_tabs_and_line_breaks_stay() -> None:
    """Ordinary layout survives."""
    assert neutralise_controls("a\tb\nc") == "a\tb\nc"


def test_neutralising_is_linear_on_long_hostile_input() -> None:
    """Half a million escape starts are handled without a hang."""
    text = "\x1b[" * 250_000
    assert "\x1b" not in neutralise_controls(text)
    assert neutralise_controls("\x1b]" + "x" * 500_000) == ""
