"""The accounts file: token sources, the owner-only rule, and every entry checked before a call."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rakuten_assist.fleet import AccountsFileError, check_accounts, load_accounts

TOKEN = "a1b2c3d4-secret-token-value"
CANARY = "canary-0f9e8d7c6b5a"


def _write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def _by_label(path: Path, **kwargs: object) -> dict[str, object]:
    checks = check_accounts(load_accounts(path), **kwargs)  # type: ignore[arg-type]
    return {check.label: check for check in checks}


def test_env_keyring_and_file_tokens_are_each_resolved(tmp_path: Path) -> None:
    """A token from a variable, from the keyring and from an owner-only file all validate."""
    path = _write(
        tmp_path / "accounts.toml",
        """
[[account]]
label = "lyon"
login = "boutiquelyon"
token_env = "TOKEN_LYON"

[[account]]
label = "nantes"
login = "boutique-nantes"
token_keyring = "rakuten-assist/boutique-nantes"
hourly_quota = 120

[[account]]
label = "lille"
login = "boutique.lille"
token = "inline-token-1234"
""",
    )
    keyring = {("rakuten-assist", "boutique-nantes"): "keyring-token-5678"}
    checks = _by_label(
        path,
        environ={"TOKEN_LYON": TOKEN},
        keyring_get=lambda service, user: keyring.get((service, user)),
    )
    assert all(check.ok for check in checks.values())  # type: ignore[attr-defined]
    lyon = checks["lyon"].account  # type: ignore[attr-defined]
    nantes = checks["nantes"].account  # type: ignore[attr-defined]
    lille = checks["lille"].account  # type: ignore[attr-defined]
    assert lyon.credentials.token.get_secret_value() == TOKEN
    assert nantes.credentials.token.get_secret_value() == "keyring-token-5678"
    assert nantes.hourly_quota == 120
    assert lille.credentials.token.get_secret_value() == "inline-token-1234"
    assert TOKEN not in repr(checks)
    assert "inline-token-1234" not in repr(checks)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_file_with_tokens_readable_by_others_is_refused(tmp_path: Path, mode: int) -> None:
    """A file holding a token that group or others can read is refused, naming chmod 600."""
    path = _write(
        tmp_path / "accounts.toml",
        f'[[account]]\nlabel = "a"\nlogin = "shop-a"\ntoken = "{CANARY}"\n',
        mode,
    )
    with pytest.raises(AccountsFileError) as caught:
        load_accounts(path)
    assert "chmod 600" in caught.value.fix
    assert CANARY not in str(caught.value)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_file_without_tokens_may_be_shared(tmp_path: Path) -> None:
    """A team file naming only variables and keyring entries may be readable by the team."""
    path = _write(
        tmp_path / "accounts.toml",
        '[[account]]\nlabel = "a"\nlogin = "shop-a"\ntoken_env = "T_A"\n',
        0o644,
    )
    assert _by_label(path, environ={"T_A": TOKEN})["a"].ok  # type: ignore[attr-defined]


def test_each_faulty_entry_is_named_with_its_fix(tmp_path: Path) -> None:
    """E-mail login, unset variable, malformed token, duplicate label, two sources: each named."""
    path = _write(
        tmp_path / "accounts.toml",
        f"""
[[account]]
label = "email"
login = "owner@example.com"
token_env = "T_OK"

[[account]]
label = "unset"
login = "shop-unset"
token_env = "T_MISSING"

[[account]]
label = "short"
login = "shop-short"
token_env = "T_SHORT"

[[account]]
label = "spaces"
login = "shop-spaces"
token = "{CANARY} and more"

[[account]]
label = "twice"
login = "shop-one"
token_env = "T_OK"

[[account]]
label = "twice"
login = "shop-two"
token_env = "T_OK"

[[account]]
label = "both"
login = "shop-both"
token_env = "T_OK"
token = "another-token-1234"

[[account]]
label = "good"
login = "shop-good"
token_env = "T_OK"
""",
    )
    checks = check_accounts(
        load_accounts(path), environ={"T_OK": TOKEN, "T_SHORT": "abc"}, keyring_get=None
    )
    verdicts = {(c.label, c.ok) for c in checks}
    assert ("good", True) in verdicts
    bad = {c.label: c for c in checks if not c.ok}
    assert set(bad) == {"email", "unset", "short", "spaces", "twice", "both"}
    assert "e-mail" in (bad["email"].problem or "")
    assert "T_MISSING" in (bad["unset"].problem or "")
    assert "Mes informations développeur" in (bad["short"].fix or "")
    assert all(c.fix for c in bad.values())
    text = repr(checks) + "".join(f"{c.problem}{c.fix}" for c in checks)
    assert CANARY not in text
    assert TOKEN not in text
    assert "abc" not in text.split()


def test_problems_are_in_french_when_asked(tmp_path: Path) -> None:
    """The same check in French says the problem and fix in French."""
    path = _write(
        tmp_path / "accounts.toml",
        '[[account]]\nlabel = "a"\nlogin = "gerant@example.fr"\ntoken_env = "T"\n',
    )
    check = check_accounts(load_accounts(path), environ={"T": TOKEN}, lang="fr")[0]
    assert check.problem == "L'identifiant est une adresse e-mail."
    assert "bandeau utilisateur" in (check.fix or "")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("this is not = = toml", "TOML"),
        ('base_url = "http://127.0.0.1:1"\n', "[[account]]"),
    ],
)
def test_unusable_file_is_refused_with_the_reason(tmp_path: Path, text: str, needle: str) -> None:
    """Not TOML, or no account at all: refused with what is wrong."""
    path = _write(tmp_path / "accounts.toml", text)
    with pytest.raises(AccountsFileError) as caught:
        load_accounts(path)
    assert needle in caught.value.message


@pytest.mark.parametrize(
    ("content", "french"),
    [
        (b"this is not = = toml", "n'est pas du TOML valide à la ligne 1, colonne 6."),
        (b'[[account]]\nlabel = "a', "il se termine au milieu d'un élément"),
        (b"\xff\xfe[[account]]", "ne peut pas être lu (ce n'est pas du texte UTF-8)."),
    ],
)
def test_an_unusable_file_is_explained_in_french_to_a_french_reader(
    tmp_path: Path, content: bytes, french: str
) -> None:
    """Bad TOML or bytes that are not UTF-8: where and what, in French; the TOML decoder's
    English sentence ("Expected '=' after a key...") is no longer quoted."""
    path = tmp_path / "accounts.toml"
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(AccountsFileError) as caught:
        load_accounts(path, lang="fr")
    message = caught.value.render("fr")[0]
    assert french in message
    for english in ("Expected", "Unterminated", "codec", "Decode"):
        assert english not in message


def test_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    """A missing file is named, with where the default comes from."""
    with pytest.raises(AccountsFileError) as caught:
        load_accounts(tmp_path / "nope.toml")
    assert "nope.toml" in caught.value.message
    assert "RAKUTEN_ACCOUNTS" in caught.value.fix


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_missing_file_shows_an_entry_and_the_command_that_writes_an_example(
    tmp_path: Path, lang: str
) -> None:
    """The fix of a missing file shows an entry's keys and a command writing an example file,
    not a docs/ path that a pip install does not have."""
    with pytest.raises(AccountsFileError) as caught:
        load_accounts(tmp_path / "nope.toml", lang=lang)
    _, fix = caught.value.render(lang)
    assert "docs/" not in fix
    for key in ("[[account]]", "label =", "login =", "token_env =", "--write-accounts"):
        assert key in fix


def test_keyring_without_an_entry_says_how_to_store_it(tmp_path: Path) -> None:
    """An empty keyring entry names the keyring command that stores it."""
    path = _write(
        tmp_path / "accounts.toml",
        '[[account]]\nlabel = "k"\nlogin = "shop-k"\ntoken_keyring = "svc/shop-k"\n',
    )
    check = check_accounts(load_accounts(path), keyring_get=lambda s, u: None)[0]
    assert not check.ok
    assert "keyring set svc shop-k" in (check.fix or "")


def test_system_keyring_backend_is_used_when_none_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no lookup passed, the token comes from the keyring library's active backend."""
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values = {("svc", "shop-k"): "from-the-keyring-42"}

        def get_password(self, service: str, username: str) -> str | None:
            return self.values.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.values[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.values.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        path = _write(
            tmp_path / "accounts.toml",
            '[[account]]\nlabel = "k"\nlogin = "shop-k"\ntoken_keyring = "svc/shop-k"\n',
        )
        check = check_accounts(load_accounts(path))[0]
    finally:
        keyring.set_keyring(previous)
    assert check.ok
    assert check.account is not None
    assert check.account.credentials.token.get_secret_value() == "from-the-keyring-42"


def test_every_problem_of_an_entry_is_reported(tmp_path: Path) -> None:
    """A duplicate label does not hide an e-mail login and an unset token variable."""
    path = _write(
        tmp_path / "accounts.toml",
        '[[account]]\nlabel = "a"\nlogin = "me@shop.fr"\ntoken_env = "T_UNSET"\n'
        '[[account]]\nlabel = "a"\nlogin = "shop-a"\ntoken_env = "T"\n',
    )
    (only,) = check_accounts(load_accounts(path), environ={"T": TOKEN})
    assert [problem for problem, _ in only.problems] == [
        "This label is used by entries #1, #2 of the file: none of them is fetched.",
        "The login is an e-mail address.",
        "The environment variable T_UNSET is not set.",
    ]
    assert all(fix for _, fix in only.problems)
    assert only.account is None


def test_a_misspelt_label_key_is_named_as_an_unknown_key(tmp_path: Path) -> None:
    """An entry with "labl" instead of "label" is refused for its unknown key "labl" (a typo
    to correct), not for having no usable label; the fix lists every key allowed."""
    path = _write(
        tmp_path / "accounts.toml",
        '[[account]]\nlabl = "lyon"\nlogin = "boutiquelyon"\ntoken_env = "T"\n',
    )
    check = check_accounts(load_accounts(path, lang="fr"), environ={"T": "a" * 24}, lang="fr")[0]
    assert check.problem == "Clés inconnues : labl."
    assert "catalog" in (check.fix or "")
