"""Each accounts-file entry checked before any call: its login, and its token looked up where
the entry says (a variable, the system keyring, the file), never quoted back."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import SecretStr

from rakuten_assist.config import Credentials, check_login, check_token
from rakuten_assist.errors import (
    ConfigError,
    InvalidLoginError,
    InvalidTokenError,
    LoginIsEmailError,
    MissingCredentialsError,
)
from rakuten_assist.fleet.accounts import AccountEntry, AccountsFile, FleetAccount
from rakuten_assist.i18n import t
from rakuten_assist.redaction import register_secret

__all__ = ["AccountCheck", "KeyringGet", "check_accounts", "check_entry"]

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

KeyringGet = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class AccountCheck:
    """The verdict on one entry: ok, or its problems each with a fix (never the token).

    ``problem`` and ``fix`` are the first problem; ``also`` holds the others, so one
    problem never hides the next (a duplicate label and an e-mail login are both shown).
    """

    label: str
    ok: bool
    problem: str | None = None
    fix: str | None = None
    account: FleetAccount | None = None
    also: tuple[tuple[str, str], ...] = ()
    #: the entries of the file this verdict covers (several when they share a label)
    entries: int = 1

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Every problem of the entry with its fix, first one first."""
        first = [(self.problem, self.fix or "")] if self.problem else []
        return first + list(self.also)

    def as_json(self) -> dict[str, Any]:
        """The ``accounts check --json`` shape of CLI.md, plus every problem in ``problems``."""
        return {
            "label": self.label,
            "ok": self.ok,
            "problem": self.problem,
            "fix": self.fix,
            "problems": [{"problem": p, "fix": f} for p, f in self.problems],
        }


def _failed(label: str, problems: list[tuple[str, str]], entries: int = 1) -> AccountCheck:
    (problem, fix), *others = problems
    return AccountCheck(label, False, problem, fix, also=tuple(others), entries=entries)


def _system_keyring_get(service: str, user: str) -> str | None:
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(service, user)
    except keyring.errors.KeyringError:
        return None


def _looks_like_token(name: str) -> bool:
    """Whether the name of a variable or keyring entry is rather a token: 16 characters or
    more of letters and digits, both present, no '_' nor '/' (RAKUTEN_TOKEN_LYON and
    rakuten-assist/lyon are names; 8f14e45fceea167a5a36dedd4bea2543 is not)."""
    return (
        len(name) >= 16
        and name.isalnum()
        and any(c.isdigit() for c in name)
        and any(c.isalpha() for c in name)
    )


def _token_of(
    entry: AccountEntry, env: Mapping[str, str], keyring_get: KeyringGet | None, lang: str
) -> str:
    """The raw token of an entry, or a ConfigError that says where it was looked for."""
    if entry.source == "file":
        return entry.inline_token or ""
    if _looks_like_token(entry.where):
        # The token itself, written where its variable's (or keyring entry's) name goes:
        # never quoted back, and masked in every text from now on.
        register_secret(entry.where)
        key = "token_env" if entry.source == "env" else "token_keyring"
        raise ConfigError(
            t("fleet.token.value_is_token", lang, key=key),
            fix=t("fleet.token.value_is_token_fix", lang),
        )
    if entry.source == "env":
        if not _ENV_NAME.match(entry.where):
            raise ConfigError(
                t("fleet.token.bad_env_name", lang, name=entry.where),
                fix=t("fleet.token.bad_env_name_fix", lang),
            )
        value = env.get(entry.where, "")
        if not value.strip():
            raise MissingCredentialsError(
                t("fleet.token.env_unset", lang, name=entry.where),
                fix=t("fleet.token.env_unset_fix", lang, name=entry.where),
            )
        return value
    service, _, user = entry.where.partition("/")
    if not service or not user:
        raise ConfigError(
            t("fleet.token.bad_keyring_name", lang, name=entry.where),
            fix=t("fleet.token.bad_keyring_name_fix", lang),
        )
    if keyring_get is None:
        try:
            import keyring  # noqa: F401
        except ImportError:
            raise ConfigError(
                t("fleet.token.no_keyring", lang), fix=t("fleet.token.no_keyring_fix", lang)
            ) from None
        keyring_get = _system_keyring_get
    value = keyring_get(service, user) or ""
    if not value.strip():
        raise MissingCredentialsError(
            t("fleet.token.keyring_empty", lang, name=entry.where),
            fix=t("fleet.token.keyring_empty_fix", lang, service=service, user=user),
        )
    return value


def _login_problem(exc: ConfigError, login: str, lang: str) -> tuple[str, str]:
    if isinstance(exc, LoginIsEmailError):
        return t("fleet.login.email", lang), t("fleet.login.email_fix", lang)
    if isinstance(exc, InvalidLoginError):
        return t("fleet.login.invalid", lang), t("fleet.login.invalid_fix", lang)
    return t("fleet.login.missing", lang), t("fleet.login.missing_fix", lang)


def check_entry(
    entry: AccountEntry,
    *,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = None,
    lang: str = "en",
) -> AccountCheck:
    """Validate one entry without any call: login, token present and well-formed."""
    env = os.environ if environ is None else environ
    problems: list[tuple[str, str]] = []
    login, token = "", SecretStr("")
    try:
        login = check_login(entry.login)
    except ConfigError as exc:
        problems.append(_login_problem(exc, entry.login, lang))
    try:
        raw = _token_of(entry, env, keyring_get, lang)
    except ConfigError as exc:
        problems.append((exc.message, exc.fix or ""))
    else:
        try:
            token = check_token(raw)
        except (InvalidTokenError, MissingCredentialsError):
            # The reason is ours to say; the value is never quoted back.
            problems.append(
                (
                    t("fleet.token.malformed", lang, where=_where(entry, lang)),
                    t("fleet.token.malformed_fix", lang),
                )
            )
    if problems:
        return _failed(entry.label, problems)
    account = FleetAccount(
        label=entry.label,
        credentials=Credentials(login=login, token=token),
        hourly_quota=entry.hourly_quota,
        catalog=entry.catalog,
    )
    return AccountCheck(entry.label, True, account=account)


def _where(entry: AccountEntry, lang: str) -> str:
    if entry.source == "env":
        return t("fleet.token.from_env", lang, name=entry.where)
    if entry.source == "keyring":
        return t("fleet.token.from_keyring", lang, name=entry.where)
    return t("fleet.token.from_file", lang)


def check_accounts(
    accounts: AccountsFile,
    *,
    environ: Mapping[str, str] | None = None,
    keyring_get: KeyringGet | None = None,
    lang: str = "en",
) -> list[AccountCheck]:
    """Every entry's verdict, in file order.

    A label used by several entries is one verdict, at the place of its first entry: the
    duplicate (naming the entries) and every entry's own problems. Reports and the store tell
    accounts apart by label, so none of them is usable.
    """
    numbers = accounts.malformed_numbers or tuple(range(-len(accounts.malformed), 0))
    placed: list[tuple[int, AccountCheck]] = [
        (number, AccountCheck(label, False, problem, fix))
        for number, (label, problem, fix) in zip(numbers, accounts.malformed, strict=True)
    ]
    by_label: dict[str, list[AccountEntry]] = {}
    for entry in accounts.entries:
        by_label.setdefault(entry.label, []).append(entry)
    for label, entries in by_label.items():
        checks = [
            check_entry(entry, environ=environ, keyring_get=keyring_get, lang=lang)
            for entry in entries
        ]
        if len(entries) == 1:
            placed.append((entries[0].number, checks[0]))
            continue
        problems = [
            (
                t(
                    "fleet.entry.duplicate_label",
                    lang,
                    entries=", ".join(f"#{entry.number}" for entry in entries),
                ),
                t("fleet.entry.duplicate_label_fix", lang),
            )
        ]
        for check in checks:
            problems += [problem for problem in check.problems if problem not in problems]
        placed.append((entries[0].number, _failed(label, problems, len(entries))))
    return [check for _, check in sorted(placed, key=lambda pair: pair[0])]
