"""Help that helps: every option explained, no reference to a file users do not have."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from rakuten_assist.cli import build_parser, main


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_every_option_and_argument_has_a_help_text() -> None:
    """No option or positional argument of any command is left without a help line."""
    missing = [
        f"{' '.join(path)} {action.option_strings or action.dest}"
        for path, parser in _parsers(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction | argparse._HelpAction)
        and not action.help
    ]
    assert missing == []


def test_no_help_text_refers_to_cli_md() -> None:
    """CLI.md is not shipped with the package: help never sends users to it, in any language."""
    from rakuten_assist.cli._parser import translate

    texts = [
        translate(str(text), lang)
        for _, parser in _parsers(build_parser())
        for text in (parser.description, *(a.help for a in parser._actions))
        if text
        for lang in ("en", "fr")
    ]
    assert texts
    assert not [t for t in texts if "CLI.md" in t]


def test_carriers_list_shows_every_name_whole(capsys: pytest.CaptureFixture[str]) -> None:
    """No carrier name is cut in the table."""
    from rakuten_assist.carriers import registry

    assert main(["carriers", "list"]) == 0
    out = capsys.readouterr().out
    names = [c.name for c in registry()]
    assert any(len(name) > 34 for name in names)
    assert all(name in out for name in names)
