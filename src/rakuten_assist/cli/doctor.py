"""``rakuten-assist doctor``: the onboarding checklist, each check with its fix."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import EXIT_NO, EXIT_OK, add_connection_options, emit_json

if TYPE_CHECKING:
    from rakuten_assist.support import CheckResult, SetupRequest

_MARKS = {True: "ok  ", False: "FAIL", None: "--  "}


def register(subparsers: Any) -> None:
    """Add the ``doctor`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "doctor",
        help="the onboarding checklist, each check with its fix",
        description=(
            "Checks the setup in order: login, token, credentials, Professional rights, open "
            "orders, SKU mapping (with --catalog), carriers (with --carrier), test order. "
            "Rakuten is called once for the sales awaiting acceptance (which also proves the "
            "credentials) and once per page of current sales. The token is never printed."
        ),
    )
    add_connection_options(parser)
    parser.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="FEED",
        help="a product feed export to check the SKU mapping against (repeatable)",
    )
    parser.add_argument("--sku-column", default=None, help="the feed's SKU column")
    parser.add_argument("--id-column", default=None, help="the feed's internal product id column")
    parser.add_argument(
        "--carrier",
        action="append",
        default=[],
        metavar="NAME",
        help="a carrier the merchant ships with (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="machine output (CLI.md shape)")
    parser.add_argument("--lang", choices=["fr", "en"], default="en", help="language of the report")
    parser.set_defaults(handler=run)


@contextlib.contextmanager
def _request(args: argparse.Namespace) -> Iterator[SetupRequest]:
    from rakuten_assist.support import SetupRequest

    common: dict[str, Any] = {
        "catalog": list(args.catalog) or None,
        "sku_column": args.sku_column,
        "id_column": args.id_column,
        "carriers": tuple(args.carrier),
        "lang": args.lang,
    }
    if args.sandbox:
        from rakuten_assist.sandbox import running_sandbox

        with running_sandbox() as sandbox:
            print(
                f"Running on the built-in sandbox at {sandbox.base_url} (demo account, demo "
                "data): no real account is used.",
                file=sys.stderr,
            )
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


def _print_check(check: CheckResult) -> None:
    print(f"[{_MARKS[check.ok]}] {check.title}")
    print(f"       {check.detail}")
    if check.fix and check.ok is not True:
        print(f"       -> {check.fix}")
    elif check.fix:
        print(f"       note: {check.fix}")
    sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    """Run every check; exit 0 when none failed, 1 otherwise."""
    from rakuten_assist.support import iter_checks

    results: list[CheckResult] = []
    with _request(args) as request:
        for check in iter_checks(request):
            results.append(check)
            if not args.json:
                _print_check(check)
    ok = all(check.ok is not False for check in results)
    if args.json:
        emit_json(
            {
                "ok": ok,
                "sandbox": bool(args.sandbox),
                "checks": [check.to_json() for check in results],
            }
        )
    else:
        failed = sum(check.ok is False for check in results)
        summary = (
            ("Tout est en ordre." if args.lang == "fr" else "All checks passed.")
            if ok
            else (
                f"{failed} point(s) à corriger, un à la fois, dans l'ordre."
                if args.lang == "fr"
                else f"{failed} check(s) to fix, one at a time, in order."
            )
        )
        print(summary)
    return EXIT_OK if ok else EXIT_NO
