"""The ``rakuten-assist`` command: one thin module per command group, contract in CLI.md.

Exit codes: 0 success; 1 a "no" answer (unsupported carrier, refused shipment, unmatched
SKUs, failed checks); 2 usage error or unreadable input; 3 Rakuten or network failure,
always with a one-line cause and fix on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from rakuten_assist import __version__
from rakuten_assist.cli._common import EXIT_USAGE, run_command

# Each module exposes ``register(subparsers)``; the order is the order of ``--help``.
_COMMAND_MODULES = (
    "orders",
    "match",
    "carriers",
    "ship",
    "doctor",
    "ask",
    "tui",
    "sandbox",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, every command registered."""
    parser = argparse.ArgumentParser(
        prog="rakuten-assist",
        description=(
            "Support toolkit for Rakuten France order connections. Runs on the built-in "
            "sandbox with --sandbox, no account needed."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(f"rakuten_assist.cli.{name}") is None:
            continue  # TEMPORARY while commands land in parallel; tests/test_cli_contract checks
        module = importlib.import_module(f"rakuten_assist.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rakuten-assist`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return run_command(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
