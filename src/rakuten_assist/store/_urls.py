"""Store URLs: which are PostgreSQL, which secrets they carry, how to show them masked, and
why a connection failed, in the reader's words."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from rakuten_assist.i18n import t
from rakuten_assist.redaction import MASK, redact

__all__ = [
    "SCHEME",
    "connect_reason",
    "is_network_failure",
    "is_postgresql",
    "shown_url",
    "url_secrets",
]


# The libpq settings that hold a secret: the server password and the client key's passphrase.
# ``passfile``, ``sslkey`` and ``sslcert`` name files: the path is shown, it is not a secret.
_SECRET_KEYS = frozenset({"password", "sslpassword"})
# ``key=value`` settings (libpq's other connection string form); a value may be single-quoted.
_KEYWORD_SECRET = re.compile(
    r"((?:^|\s)(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s']\S*|)", re.IGNORECASE
)
_KEYWORD_FORM = re.compile(
    r"(?:^|\s)(?:host|hostaddr|port|dbname|user|password|service)\s*=", re.IGNORECASE
)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_POSTGRESQL_SCHEMES = ("postgresql", "postgres")


def _is_keyword_form(url: str) -> bool:
    """Whether ``url`` is a libpq ``key=value`` string (``host=db dbname=rakuten ...``)."""
    return SCHEME.match(url) is None and _KEYWORD_FORM.search(url) is not None


def is_postgresql(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL server (a ``postgresql://`` URL or libpq settings)."""
    scheme = SCHEME.match(url)
    if scheme is not None:
        return scheme.group(1).lower() in _POSTGRESQL_SCHEMES
    return _is_keyword_form(url)


def shown_url(url: str) -> str:
    """The store URL with every secret replaced by ``***`` (for messages, logs and reprs).

    Masks the password of ``user:password@``, the ``password`` and ``sslpassword`` query
    parameters (key spelled plain or percent-encoded), and the same settings in a libpq
    ``key=value`` string.
    """
    if SCHEME.match(url) is None:
        return _KEYWORD_SECRET.sub(lambda m: m.group(1) + MASK, url)
    parts = urlsplit(url)
    netloc = parts.netloc
    userinfo, at, hosts = netloc.rpartition("@")
    if at and ":" in userinfo:
        netloc = f"{userinfo.partition(':')[0]}:{MASK}@{hosts}"
    fields = []
    for field in parts.query.split("&") if parts.query else []:
        key, equals, _value = field.partition("=")
        secret = equals and unquote(key).strip().lower() in _SECRET_KEYS
        fields.append(f"{key}={MASK}" if secret else field)
    query = "&".join(fields)
    if netloc == parts.netloc and query == parts.query:
        # Nothing to mask: the URL as given (urlunsplit would also drop the empty host of
        # sqlite:////path, leaving sqlite://path, which no longer opens the same store).
        return url
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def url_secrets(url: str) -> list[str]:
    """The secret values a store URL or ``key=value`` string carries (to mask them anywhere)."""
    if SCHEME.match(url) is None:
        found = []
        for match in _KEYWORD_SECRET.finditer(url):
            value = match.group(2)
            if value.startswith("'"):
                value = re.sub(r"\\(.)", r"\1", value[1:].removesuffix("'"))
            found.append(value)
        return [value for value in found if value]
    parts = urlsplit(url)
    found = [unquote(parts.password)] if parts.password else []
    found += [
        value
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.strip().lower() in _SECRET_KEYS and value
    ]
    return found


# What psycopg's (English) connection errors mean, in the catalogue's words.
_CONNECT_REASONS = (
    ("connection refused", "fleet.store.refused"),
    ("password authentication failed", "fleet.store.auth_failed"),
    ("no password supplied", "fleet.store.auth_failed"),
    ("does not exist", "fleet.store.no_database"),
    ("timeout expired", "fleet.store.timed_out"),
)


# The driver's words for a server that could not be reached (down, unknown host, no route):
# a network failure, unlike a refused password or a missing database.
_NETWORK_WORDS = (
    "connection refused",
    "timeout expired",
    "could not translate host name",
    "no route to host",
    "network is unreachable",
)


def is_network_failure(text: str) -> bool:
    """Whether a connection error's text says the server could not be reached."""
    lowered = text.lower()
    return any(words in lowered for words in _NETWORK_WORDS)


def connect_reason(text: str, lang: str) -> str:
    """Why a connection failed, in ``lang``: our sentence when the driver's message is known,
    else its first line quoted as the driver's (any registered secret masked)."""
    lowered = text.lower()
    for words, message_id in _CONNECT_REASONS:
        if words in lowered:
            return t(message_id, lang)
    lines = redact(text).strip().splitlines()
    return t("fleet.store.driver_said", lang, text=lines[0]) if lines else ""
