"""The accounts file: one TOML table per merchant account, and where each token comes from.

::

    base_url = "http://127.0.0.1:8765"   # optional: where every account is served
    [[account]]
    label = "boutique-lyon"
    login = "boutiquelyon"               # the account name, never an e-mail
    token_env = "RAKUTEN_TOKEN_LYON"     # or token_keyring = "service/user",
                                         # or token = "..." (owner-only file)
    hourly_quota = 1000                  # optional: calls this tool allows itself per hour
    catalog = "feeds/lyon.csv"           # optional: the product feed, to find unknown SKUs

A file that holds a token in clear and can be read by anyone but its owner is refused, as
ssh refuses such a key. Every entry is checked before any call (``account_checks``); a faulty
entry is named with its problem and fix, and never stops the others.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rakuten_assist.config import Credentials
from rakuten_assist.errors import ConfigError, os_reason
from rakuten_assist.i18n import say, t

__all__ = [
    "DEFAULT_HOURLY_QUOTA",
    "AccountEntry",
    "AccountsFile",
    "AccountsFileError",
    "FleetAccount",
    "UnusableEntryError",
    "default_accounts_path",
    "load_accounts",
    "shard_of",
]

#: calls per hour this tool allows itself per account when the file says nothing. Rakuten
#: publishes no number for its hourly quota (see docs/scaling.md); set ``hourly_quota`` to
#: what Rakuten told the merchant.
DEFAULT_HOURLY_QUOTA = 1000

_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_SOURCES = ("token_env", "token_keyring", "token")
_KNOWN_KEYS = frozenset({"label", "login", "hourly_quota", "catalog", *_SOURCES})


class AccountsFileError(ConfigError):
    """The accounts file cannot be used at all (missing, not TOML, readable by others)."""


class UnusableEntryError(ConfigError):
    """An entry of the accounts file that was not fetched: its problems, as ``accounts check``
    words them (in the reader's language), each with its fix."""


@dataclass(frozen=True)
class AccountEntry:
    """One ``[[account]]`` table as written, before its token is looked up.

    Attributes:
        label: the merchant's name in reports (unique in the file).
        login: the Rakuten account name.
        source: where the token comes from: ``env``, ``keyring`` or ``file``.
        where: the variable name or ``service/user`` (empty for ``file``).
        hourly_quota: calls allowed per hour for this account.
        catalog: the merchant's product feed (relative paths from the accounts file's folder).
    """

    label: str
    login: str
    source: str
    where: str
    hourly_quota: int
    inline_token: str | None = None
    catalog: Path | None = None
    #: its place in the file (1: the first ``[[account]]``), so checks keep the file's order
    number: int = 0

    def __repr__(self) -> str:
        return (
            f"AccountEntry(label={self.label!r}, login={self.login!r}, source={self.source!r}, "
            f"where={self.where!r}, hourly_quota={self.hourly_quota})"
        )


@dataclass(frozen=True)
class FleetAccount:
    """An account ready to call: its label, validated credentials and hourly quota."""

    label: str
    credentials: Credentials
    hourly_quota: int = DEFAULT_HOURLY_QUOTA
    #: the merchant's product feed, when the accounts file names one
    catalog: Path | None = None

    @property
    def login(self) -> str:
        """The Rakuten account name."""
        return self.credentials.login


@dataclass(frozen=True)
class AccountsFile:
    """A parsed accounts file: its entries, the table-level problems, and its base URL."""

    path: Path
    entries: tuple[AccountEntry, ...]
    #: (label or "#n", problem, fix) for tables that are not even an entry
    malformed: tuple[tuple[str, str, str], ...] = ()
    base_url: str | None = None
    #: the place in the file of each ``malformed`` table (same order)
    malformed_numbers: tuple[int, ...] = ()


def shard_of(label: str, parts: int) -> int:
    """The shard (1 to ``parts``) an account belongs to, by a stable hash of its label.

    The same on every machine and every run, and adding an account never moves the others:
    N workers each run ``--shard k/N`` over one accounts file and cover it exactly once.
    """
    return zlib.crc32(label.encode("utf-8")) % parts + 1


def default_accounts_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$RAKUTEN_ACCOUNTS``, else ``accounts.toml`` in the user's config directory."""
    env = os.environ if environ is None else environ
    if env.get("RAKUTEN_ACCOUNTS"):
        return Path(env["RAKUTEN_ACCOUNTS"]).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("rakuten-assist")) / "accounts.toml"


def _read(path: Path, lang: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AccountsFileError(
            t("fleet.file.missing", lang, path=path), fix=t("fleet.file.missing_fix", lang)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        # The system's and the decoder's words are English: the reader's language instead.
        if isinstance(exc, OSError):
            reason = say(os_reason(exc), lang)
        else:
            reason = t("fleet.file.not_utf8", lang)
        raise AccountsFileError(
            t("fleet.file.unreadable", lang, path=path, reason=reason),
            fix=t("fleet.file.unreadable_fix", lang),
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AccountsFileError(
            _not_toml(str(exc), path, lang), fix=t("fleet.file.not_toml_fix", lang)
        ) from None


def _not_toml(decoder_says: str, path: Path, lang: str) -> str:
    """Where the TOML decoder stopped, in ``lang``: its own sentence is English, and the
    place (line and column) is what the reader needs."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", decoder_says)
    if found is not None:
        return t("fleet.file.not_toml", lang, path=path, line=found[1], column=found[2])
    if "(at end of document)" in decoder_says:
        return t("fleet.file.not_toml_end", lang, path=path)
    return t("fleet.file.not_toml_somewhere", lang, path=path)


def _readable_by_others(path: Path) -> bool:
    if os.name != "posix":
        return False
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def load_accounts(path: Path, *, lang: str = "en") -> AccountsFile:
    """Parse an accounts file; refuse it when it holds a token and others can read it.

    Raises:
        AccountsFileError: missing, unreadable, not TOML, no ``[[account]]``, or tokens in a
            file readable by others (the message never quotes a token).
    """
    data = _read(path, lang)
    tables = data.get("account")
    if not isinstance(tables, list) or not tables:
        raise AccountsFileError(
            t("fleet.file.no_accounts", lang, path=path), fix=t("fleet.file.no_accounts_fix", lang)
        )
    if any(isinstance(table, dict) and "token" in table for table in tables):
        if _readable_by_others(path):
            raise AccountsFileError(
                t("fleet.file.open_with_tokens", lang, path=path),
                fix=t("fleet.file.open_with_tokens_fix", lang, path=path),
            )
    entries: list[AccountEntry] = []
    malformed: list[tuple[str, str, str]] = []
    malformed_numbers: list[int] = []
    for number, table in enumerate(tables, start=1):
        entry, problem = _entry(table, number, lang, path.parent)
        if entry is not None:
            entries.append(replace(entry, number=number))
        elif problem is not None:
            malformed.append(problem)
            malformed_numbers.append(number)
    base_url = data.get("base_url")
    return AccountsFile(
        path=path,
        entries=tuple(entries),
        malformed=tuple(malformed),
        malformed_numbers=tuple(malformed_numbers),
        base_url=base_url if isinstance(base_url, str) and base_url.strip() else None,
    )


def _entry(
    table: Any, number: int, lang: str, folder: Path
) -> tuple[AccountEntry | None, tuple[str, str, str] | None]:
    name = f"#{number}"
    if not isinstance(table, dict):
        return None, (name, t("fleet.entry.not_table", lang), t("fleet.entry.not_table_fix", lang))
    label = table.get("label")
    usable = isinstance(label, str) and _LABEL.match(label.strip()) is not None
    # Unknown keys first: "labl" is a typo to name, not "no usable label" to puzzle over.
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        return None, (
            label.strip() if usable and isinstance(label, str) else name,
            t("fleet.entry.unknown_keys", lang, keys=", ".join(unknown)),
            t("fleet.entry.unknown_keys_fix", lang),
        )
    if not usable or not isinstance(label, str):
        return None, (
            name,
            t("fleet.entry.bad_label", lang),
            t("fleet.entry.bad_label_fix", lang),
        )
    label = label.strip()
    sources = [key for key in _SOURCES if key in table]
    if len(sources) != 1:
        return None, (
            label,
            t("fleet.entry.token_sources", lang, count=len(sources)),
            t("fleet.entry.token_sources_fix", lang),
        )
    quota = table.get("hourly_quota", DEFAULT_HOURLY_QUOTA)
    if not isinstance(quota, int) or isinstance(quota, bool) or quota < 1:
        return None, (label, t("fleet.entry.bad_quota", lang), t("fleet.entry.bad_quota_fix", lang))
    source = sources[0]
    value = table[source]
    if not isinstance(value, str):
        return None, (
            label,
            t("fleet.entry.not_text", lang, key=source),
            t("fleet.entry.token_sources_fix", lang),
        )
    catalog = table.get("catalog")
    if catalog is not None and (not isinstance(catalog, str) or not catalog.strip()):
        return None, (
            label,
            t("fleet.entry.not_text", lang, key="catalog"),
            t("fleet.entry.catalog_fix", lang),
        )
    login = table.get("login")
    return (
        AccountEntry(
            label=label,
            login=login if isinstance(login, str) else "",
            source={"token_env": "env", "token_keyring": "keyring", "token": "file"}[source],
            where="" if source == "token" else value.strip(),
            hourly_quota=quota,
            inline_token=value if source == "token" else None,
            catalog=(folder / Path(catalog).expanduser()) if catalog else None,
        ),
        None,
    )
