"""``rakuten-assist sandbox serve``: run the Rakuten-compatible sandbox until interrupted."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import socket
import sys
from types import FrameType
from typing import Any

from rakuten_assist.cli._common import EXIT_OK, EXIT_USAGE, fail

_MAX_PORT = 65535


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _port(text: str) -> int:
    value = _non_negative(text)
    if value > _MAX_PORT:
        raise argparse.ArgumentTypeError(f"{text} is above {_MAX_PORT}, the highest TCP port")
    return value


def register(subparsers: Any) -> None:
    """Add the ``sandbox`` command group and its ``serve`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox",
        help="the built-in Rakuten-compatible web service with demo data",
        description="The built-in Rakuten-compatible sales web service, with seeded demo data.",
    )
    commands = parser.add_subparsers(dest="sandbox_command", metavar="COMMAND")
    serve = commands.add_parser(
        "serve",
        help="run the sandbox until Ctrl-C; prints its base URL, demo login and token",
        description=(
            "Run the sandbox web service until interrupted. Point any client at the printed "
            "base URL with the printed demo login and token."
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8765, help="port to listen on (0: a free one)")
    serve.add_argument("--seed", type=int, default=42, help="seed of the demo data")
    serve.add_argument("--sales", type=_non_negative, default=40, help="number of demo sales")
    serve.add_argument(
        "--page-size", type=_non_negative, default=10, help="sales per getcurrentsales page"
    )
    serve.add_argument(
        "--latency-ms", type=_non_negative, default=0, help="delay added to every answer"
    )
    serve.add_argument(
        "--fail-rate", type=_rate, default=0.0, help="share of requests answered with HTTP 500"
    )
    serve.add_argument(
        "--truncate-rate", type=_rate, default=0.0, help="share of answers cut in the middle"
    )
    serve.add_argument(
        "--quota", type=_non_negative, default=None, help="calls allowed per login and hour"
    )
    serve.add_argument("--quiet", action="store_true", help="no access log on stderr")
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


def _listen_fix(exc: OSError) -> str:
    """The fix for a failure to listen, by its cause: the host, the port, or the rights."""
    if isinstance(exc, socket.gaierror):
        return (
            "--host is not a name or address that resolves here: use 127.0.0.1 (this "
            "machine only) or 0.0.0.0 (every interface)."
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return "--host is not an address of this machine: use 127.0.0.1 or 0.0.0.0."
    if exc.errno == errno.EACCES:
        return (
            "Ports below 1024 need administrator rights: choose --port 1024 or above "
            "(0 picks a free one)."
        )
    return "Choose another --port (0 picks a free one) or stop the program using it."


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
    from rakuten_assist.sandbox import DEMO_LOGIN, DEMO_TOKEN, NON_PRO_LOGIN, SandboxServer

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
        fail(
            f"Cannot listen on {args.host}:{args.port} ({exc.strerror or exc}).",
            _listen_fix(exc),
        )
        return EXIT_USAGE
    _enable_access_log(args.quiet)
    base_url = server.base_url
    print(f"Rakuten sandbox running at {base_url} (service: {base_url}/sales_ws)")
    print(f"  login: {DEMO_LOGIN}")
    print(f"  token: {DEMO_TOKEN}")
    print(f"  {NON_PRO_LOGIN} (same token) is a non-Professional account: rights error")
    print(f"  try: rakuten-assist orders --base-url {base_url} --login {DEMO_LOGIN} --token ...")
    if not _loopback(args.host):
        from rakuten_assist.cli._common import cli_lang
        from rakuten_assist.i18n import t

        warning = t("cli.sandbox.exposed", cli_lang(args), host=args.host)
        print(warning, file=sys.stderr, flush=True)
    print("Demo data only. Press Ctrl-C to stop.", flush=True)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("sandbox stopped", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return EXIT_OK
