"""``rakuten-assist ask``: one answer from the support engine (the same brain as the TUI)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_NO,
    EXIT_OK,
    add_connection_options,
    emit_json,
    has_credentials,
    open_client,
)

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient


def register(subparsers: Any) -> None:
    """Add the ``ask`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ask",
        help="one answer from the support engine (French or English)",
        description=(
            "Answers a merchant's question in their language, with its facts and sources: "
            "carriers, tracking links, login and token, SKU mapping, errors, setup. With a "
            "connection (or --sandbox) it can also say where an order stands."
        ),
    )
    parser.add_argument("question", metavar="QUESTION", help="the question, quoted")
    parser.add_argument("--json", action="store_true", help="machine output (CLI.md shape)")
    parser.add_argument("--lang", choices=["fr", "en"], default=None, help="force the language")
    add_connection_options(parser)
    parser.set_defaults(handler=run)


@contextlib.contextmanager
def _client(args: argparse.Namespace) -> Iterator[RakutenClient | None]:
    # Only order questions use a client, and only when the user gave a connection.
    if args.sandbox or has_credentials(args):
        with open_client(args) as client:
            yield client
        return
    yield None


def run(args: argparse.Namespace) -> int:
    """Print the answer; exit 1 when the question was not understood."""
    from rakuten_assist.support import SupportEngine

    with _client(args) as client:
        engine = SupportEngine(client=client, lang=args.lang)
        answer = engine.answer(args.question)
    if args.json:
        emit_json(answer.to_json())
    else:
        print(answer.text)
        if answer.sources:
            label = "Sources" if answer.lang == "en" else "Sources "
            print(f"\n{label}: " + "; ".join(answer.sources))
        if answer.suggestions:
            label = "Try" if answer.lang == "en" else "Essayez"
            print(f"{label}: " + " | ".join(answer.suggestions))
    return EXIT_NO if answer.intent == "unknown" else EXIT_OK
