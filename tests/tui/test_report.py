"""The Markdown report: conversation and checklist, never the token."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rakuten_assist.support.checks import CheckResult
from rakuten_assist.tui.report import ChatEntry, build_report, write_report

CANARY = "CANARY-TOKEN-7f3a9c1e"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_report_has_checklist_and_conversation_but_never_the_token(tmp_path: Path) -> None:
    """A token pasted in the chat or present in a URL is masked in the written report."""
    entries = [
        ChatEntry("user", f"my token is {CANARY}"),
        ChatEntry("assistant", f"Called https://ws.example/sales_ws?login=a&pwd={CANARY}&x=1"),
    ]
    checks = [
        CheckResult("credentials", "Credentials accepted", True, "OK"),
        CheckResult("open_orders", "Open orders", False, "a | b", "Try again."),
    ]
    text = build_report(entries, checks, account="SANDBOX", secrets=[CANARY], now=NOW)
    path = write_report(text, tmp_path, now=NOW)
    written = path.read_text(encoding="utf-8")
    assert CANARY not in written
    assert "pwd=***" in written
    assert "| ✓ | Credentials accepted | OK |  |" in written
    assert "| ✗ | Open orders | a \\| b | Try again. |" in written
    assert "**User:**" in written
    assert "SANDBOX" in written


def test_reports_never_overwrite_each_other(tmp_path: Path) -> None:
    """Two exports in the same second get two files."""
    first = write_report("one", tmp_path, now=NOW)
    second = write_report("two", tmp_path, now=NOW)
    assert first != second
    assert first.read_text(encoding="utf-8") == "one"


def test_french_report_headings() -> None:
    """lang="fr" gives French headings and an empty-checklist sentence."""
    text = build_report([], [], account="ma-boutique", lang="fr", now=NOW)
    assert "# Rapport Rakuten Assist" in text
    assert "Aucune vérification lancée." in text


def test_a_pasted_unknown_token_is_masked_but_tracking_numbers_stay() -> None:
    """Token-shaped runs the app never knew are masked; numbers a carrier accepts are kept."""
    hex_token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    mixed_token = "Zk3Qp9Lm2Xv8Rt7Yw6Hn5Bc4"
    entries = [
        ChatEntry("user", f"la clé {hex_token} ne marche pas"),
        ChatEntry("user", f"token: {mixed_token}, pwd=hunter2&x=1"),
        ChatEntry("user", "Mondial Relay 12345678900102000750111238, UPS 1Z999AA10123456784"),
    ]
    text = build_report(entries, [], account="SANDBOX", now=NOW)
    assert hex_token not in text
    assert mixed_token not in text
    assert "hunter2" not in text
    assert "la clé ••• ne marche pas" in text
    assert "12345678900102000750111238" in text
    assert "1Z999AA10123456784" in text
