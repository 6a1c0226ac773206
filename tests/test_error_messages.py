"""Errors carry message ids: every id exists in each catalogue, and French users read French."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import rakuten_assist
from rakuten_assist import errors, i18n
from rakuten_assist.config import Settings
from rakuten_assist.errors import InvalidBaseURLError, QuotaExceededError, RakutenAssistError

SRC = Path(rakuten_assist.__file__).parent


def test_every_fix_id_of_the_error_tree_is_in_every_language() -> None:
    """Each class's fix_id names a message that English and French both have."""
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, RakutenAssistError) and cls.fix_id
    ]
    assert len(classes) >= 15
    for lang in ("en", "fr"):
        missing = [c.__name__ for c in classes if c.fix_id not in i18n.catalogue(lang)]
        assert missing == [], lang


def test_every_error_message_id_in_the_code_exists() -> None:
    """A Message("errors....") written anywhere in the package names a real catalogue entry."""
    used = {
        match
        for path in SRC.rglob("*.py")
        for match in re.findall(r"Message\(\s*\"(errors\.[a-z_.]+)\"", path.read_text("utf-8"))
    }
    assert len(used) >= 10
    assert sorted(used - set(i18n.catalogue("en"))) == []


def test_an_error_renders_in_french() -> None:
    """The same error, in French: what went wrong and its fix."""
    with pytest.raises(InvalidBaseURLError) as info:
        Settings.from_env("https://ws.fr.shopping.rakuten.com/?x=1")
    message, fix = info.value.render("fr")
    assert "contient une requête" in message
    assert fix.startswith("Donnez l'adresse seule")
    assert "https://ws.fr.shopping.rakuten.com" in fix
    assert info.value.render("en") == (info.value.message, info.value.fix)


def test_a_fix_set_afterwards_wins_over_the_message_id() -> None:
    """A fix completed by the caller is rendered as set, not as the catalogue's default."""
    error = QuotaExceededError("quota", retry_after_s=3600)
    assert "heure pleine" in error.render("fr")[1]
    error.fix = "Check the item first."
    assert error.render("fr")[1] == "Check the item first."


def test_a_french_user_reads_a_network_failure_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """orders against a dead service, French locale: cause and fix in French, exit 3."""
    from rakuten_assist.cli import main

    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    monkeypatch.setattr("time.sleep", lambda _: None)
    code = main(
        ["orders", "--login", "demo-boutique", "--token", "abcdefghijklmnop",
         "--base-url", "http://127.0.0.1:9"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("erreur : Impossible de joindre Rakuten pour get")
    assert "Solution : Vérifiez le réseau" in err
    assert "abcdefghijklmnop" not in err


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("InvalidUserConnection", "Unknown user or password. Incorrect login or password"),
        (
            "InvalidUserRights",
            "Access denied. This web service is reserved for professional sellers.",
        ),
        (
            "ServerError",
            "Server not able to fullfill request. An error occurred while processing the request",
        ),
        ("ParameterError", "Invalid value for itemid"),
    ],
)
def test_rakutens_english_text_is_quoted_as_rakutens_in_french(code: str, text: str) -> None:
    """A French user reads Rakuten's English as a quotation marked as Rakuten's, and the
    sentence ends, so the next one (the items kept...) does not run on from it."""
    from rakuten_assist.api._answers import error_from_fault
    from rakuten_assist.api._xml import RakutenFault

    fault = RakutenFault(type="Error", code=code, message=text)
    error = error_from_fault(fault, action="getcurrentsales", status_code=200)
    message, _ = error.render("fr")
    assert f"« {text} »" in message
    assert "texte de rakuten" in message.lower()
    assert message.endswith(".")
    english, _ = error.render("en")
    assert f'"{text}"' in english
    assert english.endswith(".")
