"""Settings: credentials, base URL and timeouts, from arguments or ``RAKUTEN_*`` variables.

Checked before any request: an e-mail as login or an empty token fails at once with its fix.
The token lives in a ``SecretStr`` and is redacted from every URL we log or put in an error.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, SecretStr

from rakuten_assist.errors import (
    ConfigError,
    InvalidBaseURLError,
    InvalidLoginError,
    InvalidTokenError,
    LoginIsEmailError,
    MissingCredentialsError,
)
from rakuten_assist.i18n import Message
from rakuten_assist.redaction import redact

__all__ = [
    "DEFAULT_BASE_URL",
    "Credentials",
    "Settings",
    "check_base_url",
    "check_login",
    "check_token",
    "install_log_redaction",
    "redact",
]

DEFAULT_BASE_URL = "https://ws.fr.shopping.rakuten.com"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Account names seen on Rakuten: letters, digits and a few separators, no spaces.
_ACCOUNT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,63}$")
_TOKEN_MIN_LENGTH = 8


def check_login(login: str | None) -> str:
    """Return the stripped login, or raise the error that says how to fix it.

    Raises:
        MissingCredentialsError: no login at all.
        LoginIsEmailError: an e-mail address was given.
    """
    value = (login or "").strip()
    if not value:
        raise MissingCredentialsError(Message("errors.config.no_login"))
    if "@" in value and _EMAIL.match(value):
        raise LoginIsEmailError(Message("errors.config.login_is_email", {"login": repr(value)}))
    if not _ACCOUNT_NAME.match(value):
        raise InvalidLoginError(Message("errors.config.login_shape", {"login": repr(value)}))
    return value


_LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def check_base_url(url: str) -> str:
    """Return the base URL without trailing ``/`` or ``/sales_ws``, or say what is wrong.

    Raises:
        InvalidBaseURLError: no http(s) scheme or host, a query or fragment, or plain http to
            a remote host (the token travels in the query string and would cross the network
            unencrypted).
    """
    value = url.strip().rstrip("/")
    if value.endswith("/sales_ws"):
        value = value[: -len("/sales_ws")]
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidBaseURLError(
            Message("errors.config.base_url_no_host", {"url": repr(redact(url))})
        )
    if parts.query or parts.fragment or "?" in value or "#" in value:
        # The request's own query would follow it, and the path /sales_ws would land after
        # the "?" or "#": the call would go to "/?action=..." instead of the web service.
        bare = f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
        raise InvalidBaseURLError(
            Message("errors.config.base_url_query", {"url": repr(redact(url))}),
            fix=Message("errors.fix.base_url_bare", {"bare": redact(bare)}),
        )
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise InvalidBaseURLError(
            Message("errors.config.base_url_plain_http", {"url": repr(redact(url))}),
            fix=Message("errors.fix.base_url_https"),
        )
    return value


def check_token(token: str | SecretStr | None) -> SecretStr:
    """Return the token as a secret, or raise the error that says where to copy it.

    Raises:
        MissingCredentialsError: no token at all.
        InvalidTokenError: a value that cannot be a token (never quoted back).
    """
    raw = token.get_secret_value() if isinstance(token, SecretStr) else (token or "")
    raw = raw.strip()
    if not raw:
        raise MissingCredentialsError(
            Message("errors.config.no_token"), fix=Message("errors.fix.copy_token")
        )
    if any(ch.isspace() for ch in raw):
        raise InvalidTokenError(Message("errors.config.token_spaces"))
    if "@" in raw and _EMAIL.match(raw):
        raise InvalidTokenError(Message("errors.config.token_is_email"))
    if len(raw) < _TOKEN_MIN_LENGTH:
        raise InvalidTokenError(Message("errors.config.token_short", {"length": len(raw)}))
    return SecretStr(raw)


class Credentials(BaseModel):
    """A seller account name and API token, validated; the token never shows in a repr."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    login: str
    token: SecretStr

    @classmethod
    def from_values(cls, login: str | None, token: str | SecretStr | None) -> Credentials:
        """Validate a login and token given by the user.

        Raises:
            ConfigError: with the fix, before any request is sent.
        """
        return cls(login=check_login(login), token=check_token(token))

    @classmethod
    def from_env(
        cls,
        login: str | None = None,
        token: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Credentials:
        """Take each value from the argument, else from ``RAKUTEN_LOGIN`` / ``RAKUTEN_TOKEN``."""
        env = os.environ if environ is None else environ
        return cls.from_values(
            login if login is not None else env.get("RAKUTEN_LOGIN"),
            token if token is not None else env.get("RAKUTEN_TOKEN"),
        )

    def __str__(self) -> str:
        return f"{self.login} (token ***)"


class Settings(BaseModel):
    """Where and how to call the web service."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: str = DEFAULT_BASE_URL
    #: seconds to wait for a connection, then for each read
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    #: seconds one request may take in all, however the body trickles in (each read has its
    #: own read_timeout; a body drip-fed a byte at a time never trips that one)
    request_deadline: float = 300.0
    #: bytes one answer may have; reading stops past it (10,000 sales are about 25 MB)
    max_body_bytes: int = 256 * 1024 * 1024
    #: attempts per request for connection errors, timeouts and 5xx (1 = no retry)
    max_attempts: int = 4
    #: a ``channel`` value sent to Rakuten for integrator attribution, if any
    channel: str | None = None

    @classmethod
    def from_env(
        cls, base_url: str | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Take the base URL from the argument, else ``RAKUTEN_BASE_URL``, else production.

        ``RAKUTEN_REQUEST_DEADLINE`` (seconds) sets the overall deadline of one request.
        """
        env = os.environ if environ is None else environ
        url = base_url or env.get("RAKUTEN_BASE_URL") or DEFAULT_BASE_URL
        extra: dict[str, float] = {}
        deadline = env.get("RAKUTEN_REQUEST_DEADLINE", "").strip()
        if deadline:
            try:
                extra["request_deadline"] = float(deadline)
            except ValueError:
                raise ConfigError(
                    Message("errors.config.deadline_not_number", {"value": repr(deadline)}),
                    fix=Message("errors.fix.deadline_value"),
                ) from None
            if extra["request_deadline"] <= 0:
                raise ConfigError(
                    Message("errors.config.deadline_not_positive", {"value": repr(deadline)}),
                    fix=Message("errors.fix.deadline_value"),
                )
        return cls(base_url=check_base_url(url), **extra)


class _RedactingFilter(logging.Filter):
    """Rewrites log records so no ``pwd=`` value survives, whatever the logger."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


_FILTER = _RedactingFilter()
_URL_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "rakuten_assist",
    "rakuten_assist.api",
    "rakuten_assist.sandbox",
)


def install_log_redaction() -> None:
    """Attach the token-redacting filter to the loggers that print request URLs.

    httpx logs every request URL at INFO, and our query strings carry ``pwd``; the filter is
    added to those loggers and to every handler of the root logger. Idempotent.
    """
    # A logger's filters apply only to records logged on that very logger, not on its
    # children: each logger that may carry a URL is named.
    for name in _URL_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
