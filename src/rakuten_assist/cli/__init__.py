"""The ``rakuten-assist`` command: one thin module per command group, contract in CLI.md.

Exit codes: 0 success; 1 a "no" answer (unsupported carrier, refused shipment, unmatched
SKUs, failed checks); 2 usage error or unreadable input; 3 Rakuten or network failure,
always with a one-line cause and fix on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from rakuten_assist import __version__
from rakuten_assist.cli._common import EXIT_USAGE, lang_in_arguments, run_command
from rakuten_assist.cli._parser import CatalogueParser

# Each module exposes ``register(subparsers)``; the order is the order of ``--help``.
_COMMAND_MODULES = (
    "orders",
    "match",
    "carriers",
    "ship",
    "doctor",
    "ask",
    "chat",
    "tui",
    "sandbox",
    "accounts",
    "fleet",
)
# Top-level command -> the module that registers it. Only that module is imported when the
# command is known, so `carriers check` does not pay for parsing every other command.
_COMMANDS = {
    "orders": "orders",
    "match": "match",
    "carriers": "carriers",
    "track": "carriers",
    "detect": "carriers",
    "ship": "ship",
    "doctor": "doctor",
    "ask": "ask",
    "chat": "chat",
    "tui": "tui",
    "sandbox": "sandbox",
    "accounts": "accounts",
    "fleet": "fleet",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every command, or only the module of ``command`` when known."""
    parser = CatalogueParser(prog="rakuten-assist", description="cli_help.main.description")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = (_COMMANDS[command],) if command in _COMMANDS else _COMMAND_MODULES
    for name in names:
        module = importlib.import_module(f"rakuten_assist.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``rakuten-assist`` console script."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    position = next((i for i, a in enumerate(arguments) if not a.startswith("-")), None)
    top_level_help = any(a in ("-h", "--help") for a in arguments[:position])
    # Only the invoked command's module is imported, unless help for everything is wanted.
    command = None if position is None or top_level_help else arguments[position]
    # `--lang fr` speaks French from the first word: in help and usage errors too.
    with lang_in_arguments(arguments):
        parser = build_parser(command)
        args = parser.parse_args(arguments)
        if not getattr(args, "handler", None):
            # A group without its subcommand (`carriers`) shows its own help; nothing shows all.
            (getattr(args, "parser", None) or build_parser()).print_help(sys.stderr)
            return EXIT_USAGE
        return run_command(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
