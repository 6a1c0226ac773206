"""ask --session and chat carry a conversation; the session file never holds a token."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rakuten_assist.cli import main


def _ask(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["ask", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_session_carries_carrier_and_number_to_the_postcode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A postcode sent in a second call completes the link asked for in the first."""
    session = tmp_path / "s.json"
    _ask(capsys, "lien de suivi mondial relay 12345678", "--session", str(session), "--json")
    code, out, _ = _ask(capsys, "75011", "--session", str(session), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["intent"] == "tracking_url"
    assert data["facts"]["carrier_ids"] == ["mondial-relay"]
    assert "codePostal=75011" in data["facts"]["tracking_url"]
    assert data["lang"] == "fr"


def test_session_file_never_holds_the_token_or_the_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A token pasted in a question is not written to the session file, nor the question."""
    session = tmp_path / "s.json"
    token = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    _ask(capsys, f"mon token est {token}, c'est bon ?", "--session", str(session))
    saved = session.read_text(encoding="utf-8")
    assert token not in saved
    assert "c'est bon" not in saved
    assert session.stat().st_mode & 0o077 == 0


def test_a_broken_session_file_is_refused_and_left_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session file that is not one exits 2 with a cause and fix, and is not overwritten."""
    session = tmp_path / "s.json"
    session.write_text("my notes, not json", encoding="utf-8")
    code, _, err = _ask(capsys, "is dpd supported?", "--session", str(session))
    assert code == 2
    assert "cannot be read" in err
    assert "--session" in err
    assert session.read_text(encoding="utf-8") == "my notes, not json"


def test_chat_answers_line_by_line_with_memory(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """chat answers each line as plain text and a bare number reuses the carrier named before."""
    monkeypatch.setattr("sys.stdin", io.StringIO("is UPS supported?\n1Z999AA10123456784\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "https://www.ups.com/track?tracknum=1Z999AA10123456784" in out
    assert "**" not in out


def test_chat_stops_at_end_of_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """chat ends cleanly when the input ends without an empty line."""
    monkeypatch.setattr("sys.stdin", io.StringIO("bonjour"))
    assert main(["chat", "--lang", "fr"]) == 0
    assert "Bonjour" in capsys.readouterr().out


def test_a_message_without_a_language_clue_follows_the_configured_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """'token ?' on a French desk (RAKUTEN_ASSIST_LANG=fr) is answered in French, in ask and
    in chat; English words are still answered in English there."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert main(["ask", "--json", "token ?"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "fr"
    assert main(["ask", "--json", "where do I find my API token?"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "en"
    monkeypatch.setattr("sys.stdin", io.StringIO("DHL ?\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Transporteurs" in out or "transporteur" in out
