"""Credentials are checked before any request, and the token stays secret."""

from __future__ import annotations

import logging

import pytest

from rakuten_assist.config import Credentials, Settings, install_log_redaction, redact
from rakuten_assist.errors import (
    InvalidBaseURLError,
    InvalidLoginError,
    InvalidTokenError,
    LoginIsEmailError,
    MissingCredentialsError,
)

from .conftest import CANARY_TOKEN


def test_email_login_fails_with_the_account_name_fix() -> None:
    """An e-mail as login fails at once and says to use the banner's account name."""
    with pytest.raises(LoginIsEmailError) as info:
        Credentials.from_values("marie.dupont@boutique.fr", CANARY_TOKEN)
    assert "account name" in info.value.fix
    assert "banner" in info.value.fix
    assert "e-mail" in info.value.fix


def test_empty_token_says_where_to_copy_it() -> None:
    """A missing token says where it is in Rakuten's interface."""
    with pytest.raises(MissingCredentialsError) as info:
        Credentials.from_values("ma-boutique", "  ")
    assert "Mes informations développeur" in info.value.fix


def test_missing_login() -> None:
    """No login at all is its own error."""
    with pytest.raises(MissingCredentialsError, match="login"):
        Credentials.from_values(None, CANARY_TOKEN)


@pytest.mark.parametrize("token", ["abc def ghijkl", "x7Qz9", "me@example.com"])
def test_malformed_token_is_refused_without_quoting_it(token: str) -> None:
    """A token that cannot be right is refused, and the message does not repeat it."""
    with pytest.raises(InvalidTokenError) as info:
        Credentials.from_values("ma-boutique", token)
    assert token not in str(info.value)


def test_login_with_spaces_is_refused() -> None:
    """A login with spaces is not an account name."""
    with pytest.raises(InvalidLoginError):
        Credentials.from_values("ma boutique", CANARY_TOKEN)


def test_environment_variables_are_used() -> None:
    """RAKUTEN_LOGIN, RAKUTEN_TOKEN and RAKUTEN_BASE_URL are read when no argument is given."""
    env = {
        "RAKUTEN_LOGIN": "ma-boutique",
        "RAKUTEN_TOKEN": CANARY_TOKEN,
        "RAKUTEN_BASE_URL": "http://127.0.0.1:9/",
    }
    creds = Credentials.from_env(environ=env)
    assert creds.login == "ma-boutique"
    assert creds.token.get_secret_value() == CANARY_TOKEN
    assert Settings.from_env(environ=env).base_url == "http://127.0.0.1:9"


def test_arguments_win_over_environment() -> None:
    """An explicit login beats the environment variable."""
    creds = Credentials.from_env(
        "autre-boutique", environ={"RAKUTEN_LOGIN": "x", "RAKUTEN_TOKEN": CANARY_TOKEN}
    )
    assert creds.login == "autre-boutique"


def test_credentials_repr_and_str_hide_the_token() -> None:
    """Neither repr nor str nor a model dump in JSON shows the token."""
    creds = Credentials.from_values("ma-boutique", CANARY_TOKEN)
    assert CANARY_TOKEN not in repr(creds)
    assert CANARY_TOKEN not in str(creds)
    assert CANARY_TOKEN not in creds.model_dump_json()


def test_redact_removes_pwd_values() -> None:
    """Every pwd= value in a URL or log line is replaced."""
    url = f"https://ws.example/sales_ws?action=getnewsales&login=x&pwd={CANARY_TOKEN}&version=1"
    assert CANARY_TOKEN not in redact(url)
    assert "pwd=***" in redact(url)


def test_log_filter_redacts_httpx_style_records(caplog: pytest.LogCaptureFixture) -> None:
    """A log record carrying the URL as an argument is redacted before any handler sees it."""
    install_log_redaction()
    logger = logging.getLogger("httpx")
    with caplog.at_level(logging.INFO, logger="httpx"):
        logger.info(
            'HTTP Request: %s %s "%s"',
            "GET",
            f"https://x/sales_ws?pwd={CANARY_TOKEN}&a=1",
            "200 OK",
        )
    assert caplog.records
    assert CANARY_TOKEN not in caplog.text
    assert "pwd=***" in caplog.text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ws.fr.shopping.rakuten.com/", "https://ws.fr.shopping.rakuten.com"),
        ("https://ws.fr.shopping.rakuten.com/sales_ws", "https://ws.fr.shopping.rakuten.com"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ],
)
def test_base_url_is_normalised(url: str, expected: str) -> None:
    """A trailing slash or /sales_ws is dropped; a loopback sandbox may use plain http."""
    assert Settings.from_env(url, environ={}).base_url == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ws.fr.shopping.rakuten.com", "no http(s) scheme"),
        ("https://", "no host"),
        ("http://ws.fr.shopping.rakuten.com", "unencrypted"),
    ],
)
def test_bad_base_url_is_refused_before_any_request(url: str, words: str) -> None:
    """A base URL without scheme or host, or plain http to a remote host, is a ConfigError."""
    with pytest.raises(InvalidBaseURLError) as info:
        Settings.from_env(url, environ={})
    assert words in info.value.message
    assert info.value.fix
