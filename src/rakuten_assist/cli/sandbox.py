"""``rakuten-assist sandbox serve``: run the Rakuten-compatible sandbox until interrupted."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import socket
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    fail,
    non_negative_int,
    port,
    share,
)

if TYPE_CHECKING:
    from rakuten_assist.sandbox import SandboxServer


def register(subparsers: Any) -> None:
    """Add the ``sandbox`` command group and its ``serve`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help="cli_help.sandbox.help",
        description="cli_help.sandbox.description",
    )
    commands = parser.add_subparsers(dest="sandbox_command", metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="cli_help.sandbox.serve.help",
        description=("cli_help.sandbox.serve.description"),
    )
    serve.add_argument("--host", default="127.0.0.1", help="cli_help.sandbox.serve.host")
    serve.add_argument("--port", type=port, default=8765, help="cli_help.sandbox.serve.port")
    serve.add_argument("--seed", type=int, default=42, help="cli_help.sandbox.serve.seed")
    serve.add_argument(
        "--sales", type=non_negative_int, default=40, help="cli_help.sandbox.serve.sales"
    )
    serve.add_argument(
        "--page-size", type=non_negative_int, default=10, help="cli_help.sandbox.serve.page_size"
    )
    serve.add_argument(
        "--latency-ms", type=non_negative_int, default=0, help="cli_help.sandbox.serve.latency_ms"
    )
    serve.add_argument(
        "--fail-rate", type=share, default=0.0, help="cli_help.sandbox.serve.fail_rate"
    )
    serve.add_argument(
        "--truncate-rate", type=share, default=0.0, help="cli_help.sandbox.serve.truncate_rate"
    )
    serve.add_argument(
        "--quota", type=non_negative_int, default=None, help="cli_help.sandbox.serve.quota"
    )
    serve.add_argument(
        "--accounts",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="cli_help.sandbox.serve.accounts",
    )
    serve.add_argument(
        "--write-accounts",
        type=Path,
        default=None,
        metavar="FILE",
        help="cli_help.sandbox.serve.write_accounts",
    )
    serve.add_argument("--quiet", action="store_true", help="cli_help.sandbox.serve.quiet")
    serve.set_defaults(handler=serve_command)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _enable_access_log(quiet: bool) -> None:
    logger = logging.getLogger("rakuten_assist.sandbox")
    if quiet:
        logger.setLevel(logging.WARNING)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _listen_fix(exc: OSError, lang: str) -> str:
    """The fix for a failure to listen, by its cause: the host, the port, or the rights."""
    from rakuten_assist.i18n import t

    if isinstance(exc, socket.gaierror):
        return t("sandbox.listen_fix.host_unknown", lang)
    if exc.errno == errno.EADDRNOTAVAIL:
        return t("sandbox.listen_fix.host_elsewhere", lang)
    if exc.errno == errno.EACCES:
        return t("sandbox.listen_fix.rights", lang)
    return t("sandbox.listen_fix.port", lang)


def _loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only."""
    import ipaddress

    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to a public address


def serve_command(args: argparse.Namespace) -> int:
    """Start the sandbox, print how to reach it, serve until Ctrl-C (or SIGTERM)."""
    from rakuten_assist.cli._common import cli_lang
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say, t
    from rakuten_assist.sandbox import DEMO_LOGIN, DEMO_TOKEN, NON_PRO_LOGIN, SandboxServer

    lang = cli_lang(args)
    if args.write_accounts is not None and not args.accounts:
        fail(t("fleet.sandbox.needs_accounts", lang), t("fleet.sandbox.needs_accounts_fix", lang))
        return EXIT_USAGE
    if args.accounts:
        return _serve_fleet(args, lang)
    try:
        server = SandboxServer(
            args.host,
            args.port,
            seed=args.seed,
            sales=args.sales,
            page_size=max(1, args.page_size),
            latency_ms=args.latency_ms,
            fail_rate=args.fail_rate,
            truncate_rate=args.truncate_rate,
            quota=args.quota,
        )
    except OSError as exc:
        where = f"{args.host}:{args.port}"
        fail(
            t("sandbox.cannot_listen", lang, where=where, reason=say(os_reason(exc), lang)),
            _listen_fix(exc, lang),
        )
        return EXIT_USAGE
    _enable_access_log(args.quiet)
    base_url = server.base_url
    print(t("sandbox.running", lang, url=base_url))
    print(t("sandbox.login", lang, login=DEMO_LOGIN))
    print(t("sandbox.token", lang, token=DEMO_TOKEN))
    print(t("sandbox.non_pro", lang, login=NON_PRO_LOGIN))
    print(t("sandbox.try", lang, url=base_url, login=DEMO_LOGIN))
    if not _loopback(args.host):
        print(t("cli.sandbox.exposed", lang, host=args.host), file=sys.stderr, flush=True)
    print(t("sandbox.demo_only", lang), flush=True)
    return _serve_until_stopped(server, lang)


def _serve_until_stopped(server: SandboxServer, lang: str) -> int:
    from rakuten_assist.i18n import t

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print(t("sandbox.stopped", lang), file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return EXIT_OK


def _someone_elses(path: Path, server: Any) -> bool:
    """Whether ``path`` holds a file the fleet sandbox did not write (a team's accounts file).

    The sandbox's own files start with its header line, in one of the languages: those may
    be written again.
    """
    from rakuten_assist.i18n import languages

    ours = {server.accounts_file(lang).split("\n", 1)[0] for lang in languages()}
    if not path.exists():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return True
    return first.rstrip("\n") not in ours


def _serve_fleet(args: argparse.Namespace, lang: str) -> int:
    """``--accounts N``: a fleet sandbox, and its accounts file when asked."""
    from rakuten_assist.errors import os_reason
    from rakuten_assist.i18n import say, t
    from rakuten_assist.sandbox.fleet import FleetSandboxServer, fleet_accounts

    try:
        server = FleetSandboxServer(
            fleet_accounts(args.accounts),
            args.host,
            args.port,
            seed=args.seed,
            sales=args.sales,
            page_size=max(1, args.page_size),
            latency_ms=args.latency_ms,
            # Varied merchants (sizes, sales waiting), so a fleet report shows differences.
            vary_sales=True,
        )
    except OSError as exc:
        fail(
            t(
                "sandbox.cannot_listen",
                lang,
                where=f"{args.host}:{args.port}",
                reason=say(os_reason(exc), lang),
            ),
            _listen_fix(exc, lang),
        )
        return EXIT_USAGE
    if args.write_accounts is not None and _someone_elses(Path(args.write_accounts), server):
        server.server_close()
        fail(
            t("fleet.sandbox.would_overwrite", lang, path=args.write_accounts),
            t("fleet.sandbox.would_overwrite_fix", lang),
        )
        return EXIT_USAGE
    if args.write_accounts is not None:
        try:
            server.write_accounts(args.write_accounts, lang)
        except OSError as exc:
            server.server_close()
            fail(
                t(
                    "fleet.sandbox.cannot_write",
                    lang,
                    path=args.write_accounts,
                    reason=say(os_reason(exc), lang),
                ),
                t("fleet.sandbox.cannot_write_fix", lang),
            )
            return EXIT_USAGE
    _enable_access_log(args.quiet)
    broken = [a for a in server.accounts if a.kind != "ok"]
    print(t("fleet.sandbox.running", lang, url=server.base_url, count=len(server.accounts)))
    for account in broken:
        kind = t(f"fleet.sandbox.kind.{account.kind}", lang)
        print(t("fleet.sandbox.broken_line", lang, label=account.label, kind=kind))
    if args.write_accounts is not None:
        print(t("fleet.sandbox.wrote", lang, path=args.write_accounts))
        print(t("fleet.sandbox.try", lang, path=args.write_accounts))
    if not _loopback(args.host):
        print(t("fleet.sandbox.exposed", lang, host=args.host), file=sys.stderr, flush=True)
    print(t("fleet.sandbox.stop", lang), flush=True)
    return _serve_until_stopped(server, lang)
