"""``rakuten-assist ask``: one answer from the support engine (the same brain as the TUI)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_NO,
    EXIT_OK,
    EXIT_USAGE,
    add_connection_options,
    cli_lang,
    emit_json,
    fail,
    has_credentials,
    open_client,
)
from rakuten_assist.i18n import languages, t

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient


def register(subparsers: Any) -> None:
    """Add the ``ask`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ask",
        help="cli_help.ask.help",
        description=("cli_help.ask.description"),
    )
    parser.add_argument("question", metavar="QUESTION", help="cli_help.ask.question")
    parser.add_argument("--json", action="store_true", help="cli_help.ask.json")
    parser.add_argument(
        "--lang",
        choices=languages(),
        default=None,
        help="cli_help.ask.lang",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown", "json"],
        default=None,
        help=("cli_help.ask.format"),
    )
    parser.add_argument(
        "--session",
        metavar="FILE",
        default=None,
        help=("cli_help.ask.session"),
    )
    add_connection_options(parser)
    parser.set_defaults(handler=run)


def _client_factory(
    args: argparse.Namespace, stack: contextlib.ExitStack, lang: str
) -> Callable[[], RakutenClient] | None:
    # Only order questions use a client, and only when the user gave a connection: the
    # client is opened when the engine first needs it, so a carrier question never fails on
    # bad credentials. Its notices ("using the sandbox") are in the language of the question.
    if not (args.sandbox or has_credentials(args)):
        return None
    in_lang = argparse.Namespace(**{**vars(args), "lang": lang})
    return lambda: stack.enter_context(open_client(in_lang))


def _question_lang(args: argparse.Namespace) -> str:
    """The language of the person's own words (``--lang`` first), as the answer will use."""
    from rakuten_assist.support._entities import extract_entities
    from rakuten_assist.support._lang import detect_language

    if args.lang:
        return str(args.lang)
    residue = extract_entities(args.question).residue
    return detect_language(residue, default=cli_lang(args))


def run(args: argparse.Namespace) -> int:
    """Print the answer; exit 1 when the question was not understood, 2 when it is empty."""
    from rakuten_assist.support import SupportEngine
    from rakuten_assist.support._texts import say
    from rakuten_assist.support.render import render
    from rakuten_assist.support.session import load_session, save_session

    if not args.question.strip():
        lang = cli_lang(args)
        fail(say("cli.empty_question", lang), say("cli.empty_question_fix", lang), lang=lang)
        return EXIT_USAGE
    conversation = load_session(args.session, cli_lang(args)) if args.session else None
    with contextlib.ExitStack() as stack:
        factory = _client_factory(args, stack, _question_lang(args))
        # No clue in the message ("DHL ?"): the user's configured language, not English.
        configured = "fr" if cli_lang(args) == "fr" else "en"
        engine = SupportEngine(client_factory=factory, lang=args.lang, default_lang=configured)
        answer = engine.answer(args.question, conversation)
    if args.session and conversation is not None:
        save_session(args.session, conversation)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        emit_json(answer.to_json())
    elif fmt == "markdown":
        print(render(answer, "markdown"))
    elif fmt == "text":
        print(render(answer, "text"))
    else:
        print_answer(answer)
    return EXIT_NO if answer.intent == "unknown" else EXIT_OK


def print_answer(answer: Any) -> None:
    """An answer for an agent's terminal (``ask``, ``chat``): its plain text, the sources it
    rests on, and what to ask next."""
    from rakuten_assist.support._texts import say
    from rakuten_assist.support.render import render

    print(render(answer, "text"))
    if answer.sources:
        print(
            f"\n{say('label_sources', answer.lang)}: "
            # French puts a space before ";" as before ":" (" ; ").
            + t("cli.doctor.separator", answer.lang).join(
                s.render(answer.lang) for s in answer.sources
            )
        )
    if answer.suggestions:
        print(f"{say('label_try', answer.lang)}: " + " | ".join(answer.suggestions))
