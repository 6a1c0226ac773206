"""The `rakuten-assist tui` command around the app: options, refusals, light imports."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any

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


# Words of our English start screen that must never show on a French one.
_ENGLISH_START = ("Welcome", "Checklist", "Order lookup", "paste an error", "Help", "Quit")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("argv", "env", "locked"),
    [
        (["--lang", "fr"], {"LANG": "en_US.UTF-8"}, True),
        ([], {"RAKUTEN_ASSIST_LANG": "fr", "LANG": "en_US.UTF-8"}, False),
        ([], {"LANG": "fr_FR.UTF-8"}, False),
    ],
)
def test_the_app_starts_in_the_language_of_lang_then_the_variable_then_the_locale(
    monkeypatch: pytest.MonkeyPatch,
    screen_text: Callable[[Any], str],
    argv: list[str],
    env: dict[str, str],
    locked: bool,
) -> None:
    """`tui` opens in French for --lang fr, RAKUTEN_ASSIST_LANG=fr or a French locale."""
    from rakuten_assist.tui.app import SupportApp

    for name in ("RAKUTEN_ASSIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "RAKUTEN_LOGIN",
                 "RAKUTEN_TOKEN"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    seen: dict[str, Any] = {}

    async def look(app: SupportApp) -> None:
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause(0.3)
            seen.update(lang=app.lang, locked=app.lang_locked, screen=screen_text(app))

    monkeypatch.setattr(SupportApp, "run", lambda app: asyncio.run(look(app)))
    assert main(["tui", *argv]) == 0
    assert seen["lang"] == "fr"
    assert seen["locked"] is locked  # only --lang pins it; otherwise it follows the user
    assert "Bienvenue" in seen["screen"]
    assert not [w for w in _ENGLISH_START if re.search(rf"\b{w}\b", seen["screen"])]


def test_the_bots_engine_names_its_own_tabs_not_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tui` builds its support engine for the bot's screen: the carrier rules point to the
    carriers tab (F3), never to `rakuten-assist carriers list` (qa2 7)."""
    from rakuten_assist.tui.app import SupportApp

    for name in ("RAKUTEN_LOGIN", "RAKUTEN_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    seen: dict[str, Any] = {}

    def look(app: SupportApp) -> None:
        seen["text"] = app.engine.answer("which carrier do we use?").text

    monkeypatch.setattr(SupportApp, "run", look)
    assert main(["tui", "--lang", "en"]) == 0
    assert "the Carriers tab (F3)" in seen["text"]
    assert "rakuten-assist" not in seen["text"]
