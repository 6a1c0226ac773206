"""``sandbox serve --write-accounts FILE`` never overwrites a file it did not write."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from rakuten_assist.cli import main

TEAM_FILE = '[[account]]\nlabel = "boutique-lyon"\nlogin = "boutiquelyon"\ntoken_env = "TOK"\n'


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "not written by the fleet sandbox"), ("fr", "pas été écrit par le bac à sable")],
)
def test_an_existing_accounts_file_of_the_team_is_refused_and_kept(
    lang: str,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exit 2 before serving; the team's file is byte for byte as it was; the error says why."""
    path = tmp_path / "accounts.toml"
    path.write_text(TEAM_FILE, encoding="utf-8")
    args = ["sandbox", "serve", "--port", "0", "--accounts", "2", "--write-accounts", str(path)]
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", lang)
    assert main(args) == 2
    assert path.read_text(encoding="utf-8") == TEAM_FILE
    assert words in capsys.readouterr().err


def _served_over_an_earlier_file(path: Path, lang: str) -> str:
    """Start the fleet sandbox writing ``path`` (a file it wrote earlier, in English) with the
    messages in ``lang``; the file's text once the sandbox has written it again."""
    import os

    path.write_text(
        "# Accounts of the rakuten-assist fleet sandbox (demo data, sandbox-only tokens).\n"
        'base_url = "http://127.0.0.1:1"\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "rakuten_assist", "sandbox", "serve", "--port", "0"]
    command += ["--accounts", "2", "--write-accounts", str(path), "--quiet"]
    env = {**os.environ, "RAKUTEN_ASSIST_LANG": lang}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    try:
        deadline = time.monotonic() + 30
        text = path.read_text(encoding="utf-8")
        while '127.0.0.1:1"' in text or not text.rstrip().endswith('"'):
            assert process.poll() is None, "the sandbox refused its own earlier file"
            assert time.monotonic() < deadline
            time.sleep(0.1)
            text = path.read_text(encoding="utf-8")
        return text
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_file_the_sandbox_wrote_before_is_written_again(tmp_path: Path) -> None:
    """Running the README's command twice works: the sandbox's own earlier file is replaced."""
    assert "[[account]]" in _served_over_an_earlier_file(tmp_path / "fleet.toml", "en")


def test_a_french_user_gets_the_files_comments_in_french_over_an_english_one(
    tmp_path: Path,
) -> None:
    """Under a French locale the accounts file's comments are French, and a file the sandbox
    wrote earlier in English is still recognised as its own and replaced."""
    text = _served_over_an_earlier_file(tmp_path / "fleet.toml", "fr")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert comments[0].startswith("# Comptes du bac à sable de flotte")
    assert "lisible par son seul propriétaire" in comments[1]
    assert not any("Accounts" in line or "Tokens" in line for line in comments)
