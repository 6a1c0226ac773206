"""``rakuten-assist doctor``: the onboarding checklist, each check with its fix."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_REMOTE,
    add_connection_options,
    cli_lang,
    emit_json,
    fail,
)

if TYPE_CHECKING:
    from rakuten_assist.support import CheckResult, SetupRequest


#: a check's states, in the order of the report's counts
_STATES = ("passed", "failed", "skipped", "not_run")


def register(subparsers: Any) -> None:
    """Add the ``doctor`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "doctor",
        help="cli_help.doctor.help",
        description=("cli_help.doctor.description"),
    )
    add_connection_options(parser)
    parser.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="FEED",
        help="cli_help.doctor.catalog",
    )
    parser.add_argument("--sku-column", default=None, help="cli_help.doctor.sku_column")
    parser.add_argument("--id-column", default=None, help="cli_help.doctor.id_column")
    parser.add_argument(
        "--carrier",
        action="append",
        default=[],
        metavar="NAME",
        help="cli_help.doctor.carrier",
    )
    parser.add_argument("--json", action="store_true", help="cli_help.doctor.json")
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=None,
        help="cli_help.doctor.lang",
    )
    parser.set_defaults(handler=run)


@contextlib.contextmanager
def _request(args: argparse.Namespace) -> Iterator[SetupRequest]:
    from rakuten_assist.cli.match import catalog_path
    from rakuten_assist.support import SetupRequest

    common: dict[str, Any] = {
        # 'demo' is the sandbox's demo feed, as in `match --catalog demo` and the walkthrough.
        "catalog": [str(catalog_path(Path(c))) for c in args.catalog] or None,
        "sku_column": args.sku_column,
        "id_column": args.id_column,
        "carriers": tuple(args.carrier),
        "lang": cli_lang(args),
    }
    if args.sandbox:
        from rakuten_assist.sandbox import running_sandbox

        with running_sandbox() as sandbox:
            from rakuten_assist.i18n import t

            print(t("cli.doctor.sandbox", cli_lang(args), url=sandbox.base_url), file=sys.stderr)
            yield SetupRequest(
                login=sandbox.login, token=sandbox.token, base_url=sandbox.base_url, **common
            )
        return
    yield SetupRequest(
        login=args.login if args.login is not None else os.environ.get("RAKUTEN_LOGIN"),
        token=args.token if args.token is not None else os.environ.get("RAKUTEN_TOKEN"),
        base_url=args.base_url,
        **common,
    )


def _print_check(check: CheckResult, lang: str) -> None:
    from rakuten_assist.i18n import t

    mark = t(f"cli.doctor.mark.{check.state or 'not_run'}", lang)
    print(f"[{mark}] {check.title}")
    print(f"       {check.detail}")
    if check.fix and check.ok is not True:
        print(f"       -> {check.fix}")
    elif check.fix:
        from rakuten_assist.i18n import t

        print(t("cli.doctor.note", lang, text=check.fix))
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    """Run every check; exit 0 when all passed, 1 when some failed, 3 when some could not run.

    A check that could not run (Rakuten or the network) is never counted as passed: the
    verdict names it, and the ones skipped (not asked for), with the reason of each.
    """
    from rakuten_assist.support import iter_checks

    results: list[CheckResult] = []
    with _request(args) as request:
        for check in iter_checks(request):
            results.append(check)
            if not args.json:
                _print_check(check, cli_lang(args))
    by_state = {state: [c for c in results if c.state == state] for state in _STATES}
    ok = not by_state["failed"] and not by_state["not_run"]
    if args.json:
        emit_json(
            {
                "ok": ok,
                "sandbox": bool(args.sandbox),
                "summary": {state: len(checks) for state, checks in by_state.items()},
                "checks": [check.to_json() for check in results],
            }
        )
    else:
        print(_verdict(by_state, cli_lang(args)))
    if by_state["failed"]:
        return EXIT_NO
    if by_state["not_run"]:
        first = by_state["not_run"][0]
        fail(first.detail, first.fix)
        return EXIT_REMOTE
    return EXIT_OK


def _verdict(by_state: dict[str, list[CheckResult]], lang: str) -> str:
    """The closing lines: never "all passed" while a check failed, did not run or was skipped."""
    from rakuten_assist.i18n import t

    passed, failed = len(by_state["passed"]), len(by_state["failed"])
    lines = []
    if failed:
        lines.append(t("cli.doctor.failed", lang, failed=failed))
    elif not by_state["not_run"] and not by_state["skipped"]:
        lines.append(t("cli.doctor.all", lang, passed=passed))
    elif not by_state["not_run"]:
        lines.append(t("cli.doctor.ran", lang, passed=passed))
    for state in ("not_run", "skipped"):
        checks = by_state[state]
        if checks:
            # One reason per group of checks it stopped, in order.
            groups: dict[str, list[str]] = {}
            for check in checks:
                groups.setdefault(check.detail.rstrip("."), []).append(check.title)
            separator = t("cli.doctor.separator", lang)
            names = separator.join(f"{', '.join(titles)} ({why})" for why, titles in groups.items())
            lines.append(t(f"cli.doctor.{state}", lang, count=len(checks), names=names))
    return "\n".join(lines)
