"""Every command and option of the public CLI contract (shared CLI.md) exists."""

from __future__ import annotations

import argparse
import re

import pytest

from rakuten_assist.cli import _COMMANDS, build_parser

# The contract's command table, restated here (CLI.md lives outside the package).
CONTRACT = {
    "sandbox serve": [
        "--host",
        "--port",
        "--seed",
        "--sales",
        "--latency-ms",
        "--fail-rate",
        "--quota",
    ],
    "orders": ["--status", "--format", "-o", "--with-pii"],
    "match": ["--catalog", "--sku-column", "--id-column", "--orders", "--format"],
    "carriers list": ["--json"],
    "carriers check": ["--number", "--postcode", "--country", "--json"],
    "track": ["--postcode", "--json"],
    "detect": ["--json"],
    "ship": ["--carrier", "--number", "--postcode", "--send"],
    "doctor": ["--catalog", "--json"],
    "ask": ["--json", "--lang", "--format", "--session"],
    "chat": ["--lang"],
    "tui": [],
}
CONNECTED = ["orders", "match", "ship", "doctor"]
CONNECTION_OPTIONS = ["--login", "--token", "--base-url", "--sandbox"]


def _subparser(parser: argparse.ArgumentParser, path: str) -> argparse.ArgumentParser:
    for word in path.split():
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[word]
    return parser


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {opt for action in parser._actions for opt in action.option_strings}


@pytest.mark.parametrize(("command", "options"), sorted(CONTRACT.items()))
def test_command_has_its_contract_options(command: str, options: list[str]) -> None:
    """Each command of the contract exists with every option the contract names."""
    sub = _subparser(build_parser(), command)
    assert set(options) <= _options(sub)


@pytest.mark.parametrize("command", CONNECTED)
def test_connected_commands_take_the_connection_options(command: str) -> None:
    """Commands that talk to Rakuten accept --login, --token, --base-url and --sandbox."""
    assert set(CONNECTION_OPTIONS) <= _options(_subparser(build_parser(), command))


@pytest.mark.parametrize("command", sorted({c.split()[0] for c in CONTRACT}))
def test_lazy_parser_for_a_command_matches_the_full_one(command: str) -> None:
    """Registering only the command's module gives the same options as the full parser."""
    full = _subparser(build_parser(), command)
    lazy = _subparser(build_parser(command), command)
    assert _options(full) == _options(lazy)
    assert command in _COMMANDS


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """--help names every top-level command of the contract."""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    listed = set(re.findall(r"^    (\w+)", capsys.readouterr().out, re.M))
    assert {c.split()[0] for c in CONTRACT} <= listed


def test_help_before_a_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`rakuten-assist --help orders` shows the full list, not only the orders module's."""
    from rakuten_assist.cli import main

    with pytest.raises(SystemExit):
        main(["--help", "orders"])
    listed = set(re.findall(r"^    (\w+)", capsys.readouterr().out, re.M))
    assert {c.split()[0] for c in CONTRACT} <= listed


def test_group_without_subcommand_shows_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    """`rakuten-assist carriers` alone exits 2 with the carriers help (list, check)."""
    from rakuten_assist.cli import main

    assert main(["carriers"]) == 2
    err = capsys.readouterr().err
    assert "list" in err
    assert "check" in err
