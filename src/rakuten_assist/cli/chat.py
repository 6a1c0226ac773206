"""``rakuten-assist chat``: a line-by-line conversation with the support engine.

For terminals without the Textual bot (or scripts driving a pipe): each line is a message,
each answer is printed as plain text (whole links, no Markdown syntax), and the engine keeps
the conversation's memory between lines. An empty line or end of input (Ctrl-D) ends it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rakuten_assist.cli._common import EXIT_OK, cli_lang
from rakuten_assist.i18n import languages


def register(subparsers: Any) -> None:
    """Add the ``chat`` command."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "chat",
        help="cli_help.chat.help",
        description=("cli_help.chat.description"),
    )
    parser.add_argument(
        "--lang",
        choices=languages(),
        default=None,
        help="cli_help.chat.lang",
    )
    parser.set_defaults(handler=run, offline=True)


def run(args: argparse.Namespace) -> int:
    """Answer each line of standard input until an empty line or the end of input."""
    from rakuten_assist.cli.ask import print_answer
    from rakuten_assist.support import Conversation, SupportEngine
    from rakuten_assist.support._texts import say

    # A message with no clue of its language ("token ?") is answered in the user's
    # configured language (RAKUTEN_ASSIST_LANG, then the locale); only --lang pins it.
    configured = "fr" if cli_lang(args) == "fr" else "en"
    engine = SupportEngine(lang=args.lang, default_lang=configured)
    conversation = Conversation()
    interactive = sys.stdin.isatty()
    intro_lang = args.lang or configured
    if interactive:
        print(say("chat.intro", intro_lang))
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line or not line.strip():
            break
        answer = engine.answer(line.strip(), conversation)
        # With its sources, as `ask` prints it: an agent never gets an answer without them.
        print_answer(answer)
        print(flush=True)
    return EXIT_OK
