"""ask and chat follow the CLI's language (--lang, RAKUTEN_ASSIST_LANG, the locale) when the
question itself says nothing of its language; their errors and JSON facts are in it too."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rakuten_assist.cli import main


class _Terminal(io.StringIO):
    """Standard input typed at a terminal (chat prints its opening line only there)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def french_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A French desktop: no --lang, no RAKUTEN_ASSIST_LANG, LANG=fr_FR.UTF-8."""
    monkeypatch.delenv("RAKUTEN_ASSIST_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def _ask_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    main(["ask", *argv, "--json"])
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.usefixtures("french_locale")
@pytest.mark.parametrize("question", ["Colissimo ?", "6A12345678905"])
def test_ask_without_language_clue_follows_a_french_locale(
    capsys: pytest.CaptureFixture[str], question: str
) -> None:
    """A question with no word of either language is answered in the locale's French."""
    assert _ask_json(capsys, question)["lang"] == "fr"


@pytest.mark.usefixtures("french_locale")
def test_ask_in_english_under_a_french_locale_stays_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A question clearly written in English keeps English whatever the locale."""
    assert _ask_json(capsys, "is Colissimo supported by Rakuten?")["lang"] == "en"


def test_ask_follows_rakuten_assist_lang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """RAKUTEN_ASSIST_LANG=fr makes a clue-less question French."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert _ask_json(capsys, "Colissimo ?")["lang"] == "fr"


@pytest.mark.usefixtures("french_locale")
def test_chat_opens_and_answers_in_the_locale_language(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    english_leaks: Callable[[str], list[str]],
) -> None:
    """chat at a French terminal opens in French and answers a bare carrier name in French."""
    monkeypatch.setattr("sys.stdin", _Terminal("Colissimo ?\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert english_leaks(out) == []
    assert "Transporteurs" in out


@pytest.mark.usefixtures("french_locale")
def test_session_file_error_in_the_locale_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    english_leaks: Callable[[str], list[str]],
) -> None:
    """A broken session file is refused in French under a French locale."""
    session = tmp_path / "s.json"
    session.write_text("{", encoding="utf-8")
    assert main(["ask", "x", "--session", str(session)]) == 2
    err = capsys.readouterr().err
    assert "illisible" in err
    assert english_leaks(err) == []


def test_ask_json_facts_are_in_the_answer_language(
    capsys: pytest.CaptureFixture[str], english_leaks: Callable[[str], list[str]]
) -> None:
    """ask --lang fr --json words the carrier's message, warnings and number reason in French."""
    data = _ask_json(capsys, "lien de suivi Mondial Relay 12345678", "--lang", "fr")
    facts = data["facts"]
    assert isinstance(facts, dict)
    carrier = facts["carriers"][0]
    texts = [carrier["message"], *carrier["warnings"], carrier["number"]["reason"]]
    assert len(texts) >= 3
    assert english_leaks(" ".join(texts)) == []
    assert "Oui" in carrier["message"]
