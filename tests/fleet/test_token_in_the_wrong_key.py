"""A token written where the name of its variable or keyring entry goes is never quoted back."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.fleet import check_accounts, load_accounts

HEX_TOKEN = "8f14e45fceea167a5a36dedd4bea2543"  # starts with a digit: not a variable name
ALNUM_TOKEN = "a3f9c27e5b1d48f6a0e2d7c9b3f5e1a8"  # a valid variable name, yet a token


def _file(tmp_path: Path, key: str, value: str) -> Path:
    path = tmp_path / "accounts.toml"
    path.write_text(
        f'[[account]]\nlabel = "lyon"\nlogin = "boutiquelyon"\n{key} = "{value}"\n', "utf-8"
    )
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("token_env", HEX_TOKEN),
        ("token_env", ALNUM_TOKEN),
        ("token_keyring", HEX_TOKEN),
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_token_in_place_of_a_name_is_refused_without_quoting_it(
    tmp_path: Path, key: str, value: str, lang: str
) -> None:
    """The check says the token itself was written there and how to move it, never the value."""
    path = _file(tmp_path, key, value)
    [check] = check_accounts(
        load_accounts(path), environ={}, keyring_get=lambda s, u: None, lang=lang
    )
    assert not check.ok
    said = " ".join(f"{problem} {fix}" for problem, fix in check.problems)
    assert value not in said
    assert value[:12] not in said
    assert key in said
    assert ("token" if lang == "en" else "jeton") in said


def test_accounts_check_and_its_json_never_show_a_token_written_as_token_env(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`accounts check`, text and JSON: the value of token_env that is a token stays hidden."""
    path = _file(tmp_path, "token_env", ALNUM_TOKEN)
    assert main(["accounts", "check", "--accounts", str(path)]) == 1
    assert main(["accounts", "check", "--accounts", str(path), "--json"]) == 1
    captured = capsys.readouterr()
    assert ALNUM_TOKEN[:12] not in captured.out + captured.err
