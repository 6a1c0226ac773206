"""The `rakuten-assist tui` command around the app: options, refusals, light imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rakuten_assist.cli import main


def test_email_login_is_refused_before_the_app_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tui --login an@e-mail` exits 2 with the account-name fix, and never echoes the token."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    code = main(["tui", "--login", "shop@example.com", "--token", "SECRET-CANARY-123456"])
    err = capsys.readouterr().err
    assert code == 2
    assert "user banner" in err
    assert "SECRET-CANARY-123456" not in err


def test_help_lists_the_language_option(capsys: pytest.CaptureFixture[str]) -> None:
    """`tui --help` documents --lang and says it runs on the sandbox without credentials."""
    with pytest.raises(SystemExit):
        main(["tui", "--help"])
    out = capsys.readouterr().out
    assert "--lang" in out
    assert "sandbox" in out


def test_command_module_and_pure_tui_modules_do_not_import_textual() -> None:
    """Registering the command, the walkthrough and the report load without Textual."""
    code = (
        "import sys; import rakuten_assist.cli.tui, rakuten_assist.tui.walkthrough, "
        "rakuten_assist.tui.report, rakuten_assist.tui.i18n; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'httpx')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
