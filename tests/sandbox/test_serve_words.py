"""`sandbox serve --accounts N` says why it cannot start in the user's language, as the
one-account sandbox does, never the system's English text."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from rakuten_assist.cli import main


@pytest.mark.parametrize("accounts", [[], ["--accounts", "2"]], ids=["one-account", "fleet"])
def test_a_port_in_use_is_said_in_french(
    accounts: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A port another program holds: "l'adresse est déjà utilisée", not "[Errno 98]"."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        code = main(["sandbox", "serve", "--port", str(port), "--quiet", *accounts])
    err = capsys.readouterr().err
    assert code == 2
    assert "déjà utilisée" in err
    assert "Errno" not in err
    assert "Address already in use" not in err


def test_an_unwritable_accounts_file_is_said_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--write-accounts into a folder that does not exist: the reason in French."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    target = tmp_path / "missing" / "accounts.toml"
    code = main(
        [
            "sandbox",
            "serve",
            "--port",
            "0",
            "--quiet",
            "--accounts",
            "2",
            "--write-accounts",
            str(target),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "Errno" not in err
    assert "No such file" not in err
