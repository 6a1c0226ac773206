"""A store URL: only known schemes are accepted, and no secret it carries is ever shown."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.store import Store, StoreError, open_store
from rakuten_assist.store._backend import shown_url

# Nothing listens on port 1: the connection is refused at once.
_DOWN = "127.0.0.1:1"


@pytest.mark.parametrize(
    ("url", "secrets", "shown"),
    [
        ("postgresql://team:Pw0rd-Sec@db:5432/x", ["Pw0rd-Sec"], "postgresql://team:***@db:5432/x"),
        ("postgresql://db/x?password=S3cretPW", ["S3cretPW"], "postgresql://db/x?password=***"),
        (
            "postgres://db/x?sslmode=require&pass%77ord=S3cretPW&sslpassword=K3yPhrase",
            ["S3cretPW", "K3yPhrase"],
            "postgres://db/x?sslmode=require&pass%77ord=***&sslpassword=***",
        ),
        (
            "postgresql://u:a%40b@h1:5432,h2:5433/x?passfile=/home/u/.pgpass",
            ["a%40b", "a@b"],
            "postgresql://u:***@h1:5432,h2:5433/x?passfile=/home/u/.pgpass",
        ),
        (
            "host=db dbname=x password='S3c ret\\'PW' sslpassword=K3yPhrase",
            ["S3c", "ret", "K3yPhrase"],
            "host=db dbname=x password=*** sslpassword=***",
        ),
    ],
)
def test_shown_url_masks_every_secret_libpq_reads(url: str, secrets: list[str], shown: str) -> None:
    """Userinfo password, password/sslpassword parameters and key=value settings show as ***."""
    text = shown_url(url)
    assert text == shown
    for secret in secrets:
        assert secret not in text


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://{_DOWN}/x?password=S3cretPW-q",
        f"postgresql://team:S3cretPW-u@{_DOWN}/x?sslpassword=S3cretPW-k",
        "host=127.0.0.1 port=1 dbname=x password='S3cretPW-kv'",
    ],
)
def test_store_password_never_shows_in_output_logs_or_exceptions(
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An unreachable store's password is in no message, log record, exception or repr."""
    pytest.importorskip("psycopg")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(StoreError) as caught:
        open_store(url)
    # A store server that cannot be reached is a network failure (3), which scripts retry.
    assert main(["fleet", "report", "--store", url]) == 3
    accounts = tmp_path / "accounts.toml"
    accounts.write_text('[[account]]\nlabel = "a"\nlogin = "shop"\ntoken_env = "T"\n', "utf-8")
    accounts.chmod(0o600)
    assert main(["fleet", "orders", "--accounts", str(accounts), "--store", url]) == 3
    captured = capsys.readouterr()
    texts = [
        captured.out,
        captured.err,
        caplog.text,
        str(caught.value),
        repr(caught.value),
        repr(caught.value.__cause__),
        repr(Store(url)),
    ]
    assert "Cannot connect to the store" in captured.err  # the failure itself was reached
    for text in texts:
        assert "S3cretPW" not in text


@pytest.mark.parametrize(
    "args",
    [
        ["fleet", "orders", "--store", "bogus://x"],
        ["fleet", "report", "--store", "mysql://u@h/db"],
        ["fleet", "report", "--store", "sqlite://relative.db"],
    ],
)
def test_an_unknown_store_scheme_is_a_usage_error_before_any_fetch(
    args: list[str],
    small_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bogus:// or mysql:// exits 2 naming the accepted forms; no file made, nothing fetched."""
    import rakuten_assist.fleet

    def no_fetch(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("fetched with a store it cannot write")

    monkeypatch.setattr(rakuten_assist.fleet, "fetch_fleet", no_fetch)
    monkeypatch.chdir(tmp_path)
    if args[1] == "orders":
        args = [*args, "--accounts", str(small_file)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "is neither PostgreSQL nor SQLite" in err
    assert "postgresql://" in err
    assert "sqlite:///" in err
    assert "stored" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.toml"]


def test_store_errors_follow_a_french_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With LANG=fr_FR.UTF-8, an unreachable store is told in French, its cause included."""
    pytest.importorskip("psycopg")
    monkeypatch.delenv("RAKUTEN_ASSIST_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["fleet", "report", "--store", f"postgresql://{_DOWN}/x"]) == 3
    err = capsys.readouterr().err
    assert "Connexion impossible à l'historique" in err
    assert "le serveur a refusé la connexion" in err
    assert "Vérifiez que le serveur tourne" in err
    assert "Cannot" not in err
    assert "refused" not in err


def test_a_store_refusing_the_password_is_a_usage_error_not_a_network_one() -> None:
    """Only a server that cannot be reached exits 3; a refused password or a missing database
    is the store as given (2)."""
    from rakuten_assist.store._urls import is_network_failure

    assert is_network_failure("connection failed: Connection refused\n\tIs the server running")
    assert is_network_failure("timeout expired")
    assert not is_network_failure('FATAL:  password authentication failed for user "team"')
    assert not is_network_failure('FATAL:  database "x" does not exist')


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////root/.local/share/rakuten-assist/fleet-sandbox.sqlite3",
        "sqlite:///relative/fleet.sqlite3",
        "postgresql://team@db.example/fleet",
    ],
)
def test_a_store_url_without_secrets_is_shown_as_given(url: str, tmp_path: Path) -> None:
    """A URL with nothing to mask is shown unchanged, so a command quoting it (the resume
    command after Ctrl-C) opens the same store: sqlite:////abs must keep its four slashes."""
    assert shown_url(url) == url
    absolute = tmp_path / "fleet.sqlite3"
    store = open_store(shown_url(f"sqlite:///{absolute}"))
    assert store.where == str(absolute)
    assert absolute.is_file()
