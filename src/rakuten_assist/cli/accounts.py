"""``rakuten-assist accounts check``: every entry of the accounts file, checked before any call."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rakuten_assist.cli._common import EXIT_NO, EXIT_OK, EXIT_USAGE, emit_json, fail


def add_accounts_option(parser: argparse.ArgumentParser) -> None:
    """Add --accounts FILE and --lang (shared by accounts and fleet commands)."""
    parser.add_argument(
        "--accounts",
        type=Path,
        default=None,
        metavar="FILE",
        help="cli_help.accounts.accounts",
    )
    parser.add_argument(
        "--lang",
        choices=["en", "fr"],
        default=default_lang(),
        help="cli_help.accounts.lang",
    )


def default_lang() -> str:
    """The language of messages when --lang is not given (``cli_lang``: the variable, then
    the locale)."""
    from rakuten_assist.cli._common import cli_lang

    return cli_lang()


def register(subparsers: Any) -> None:
    """Add the ``accounts`` command group and its ``check`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "accounts",
        help="cli_help.accounts.help",
        description=("cli_help.accounts.description"),
    )
    parser.set_defaults(parser=parser)
    commands = parser.add_subparsers(dest="accounts_command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="cli_help.accounts.check.help",
        description=("cli_help.accounts.check.description"),
    )
    add_accounts_option(check)
    check.add_argument("--json", action="store_true", help="cli_help.accounts.check.json")
    check.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Check the file; exit 0 all valid, 1 some invalid, 2 unreadable file."""
    from rakuten_assist.fleet.account_checks import check_accounts
    from rakuten_assist.fleet.accounts import (
        AccountsFileError,
        default_accounts_path,
        load_accounts,
    )

    path = args.accounts or default_accounts_path()
    try:
        accounts = load_accounts(path, lang=args.lang)
    except AccountsFileError as exc:
        fail(exc.message, exc.fix)
        return EXIT_USAGE
    checks = check_accounts(accounts, lang=args.lang)
    ok = all(check.ok for check in checks)
    if args.json:
        emit_json({"ok": ok, "accounts": [check.as_json() for check in checks]})
    else:
        from rakuten_assist.i18n import t

        for check in checks:
            if check.ok:
                print(t("fleet.check.ok_line", args.lang, label=check.label))
                continue
            # Every problem of the entry: fixing the first must not reveal another later.
            for problem, fix in check.problems:
                print(t("fleet.check.bad_line", args.lang, label=check.label, problem=problem))
                print(t("fleet.check.fix_line", args.lang, fix=fix))
        # Entries, as the file has them: a label two entries share is one verdict, two entries.
        total = sum(check.entries for check in checks)
        bad = sum(check.entries for check in checks if not check.ok)
        summary = t("fleet.check.summary", args.lang, total=total, bad=bad, path=path)
        print(summary, file=sys.stderr)
    return EXIT_OK if ok else EXIT_NO
