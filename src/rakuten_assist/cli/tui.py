"""``rakuten-assist tui``: the Textual support bot, on the sandbox unless credentials are given."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    add_connection_options,
    fail,
    has_credentials,
)

if TYPE_CHECKING:
    from rakuten_assist.tui.app import Connection


def register(subparsers: Any) -> None:
    """Add the ``tui`` command."""
    parser = subparsers.add_parser(
        "tui",
        help="the Textual support bot (runs on the built-in sandbox without credentials)",
        description=(
            "A chat over the support engine with the setup checklist, the carrier registry "
            "and an order lookup. Without --login/--token (or RAKUTEN_LOGIN/RAKUTEN_TOKEN) it "
            "starts the built-in sandbox and says SANDBOX in the header."
        ),
    )
    add_connection_options(parser)
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help="interface language (default: follows the language of your questions)",
    )
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=None,
        help="where Ctrl+S writes the Markdown report (default: the current directory)",
    )
    parser.add_argument(
        "--seed", type=int, default=42, help="sandbox demo data seed (sandbox only)"
    )
    parser.set_defaults(handler=run)


def _demo_catalog() -> str | None:
    """The demo feed shipped with the sandbox (it matches the sandbox orders)."""
    from rakuten_assist.sandbox import DEMO_CATALOGUE

    return str(DEMO_CATALOGUE) if DEMO_CATALOGUE.is_file() else None


@contextlib.contextmanager
def _connection(args: argparse.Namespace) -> Iterator[Connection]:
    from rakuten_assist.tui.app import Connection

    if args.sandbox or not has_credentials(args):
        from rakuten_assist.sandbox import running_sandbox

        with running_sandbox(seed=args.seed) as sandbox:
            yield Connection.for_sandbox(sandbox, demo_catalog=_demo_catalog())
        return
    from rakuten_assist.config import Credentials, Settings

    credentials = Credentials.from_env(args.login, args.token)
    yield Connection(base_url=Settings.from_env(args.base_url).base_url, credentials=credentials)


def run(args: argparse.Namespace) -> int:
    """Start the app; it returns when the user quits."""
    if importlib.util.find_spec("textual") is None:
        fail(
            "The terminal app needs Textual, which is not installed.",
            "pip install 'rakuten-assist[tui]'",
        )
        return EXIT_USAGE
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Settings
    from rakuten_assist.support import SupportEngine
    from rakuten_assist.tui.app import SupportApp

    clients: list[RakutenClient] = []

    def engine_for(connection: Connection) -> SupportEngine:
        if connection.credentials is None:
            return SupportEngine(lang=args.lang)
        client = RakutenClient(
            connection.credentials, settings=Settings.from_env(connection.base_url)
        )
        clients.append(client)
        return SupportEngine(client=client, lang=args.lang)

    with _connection(args) as connection:
        try:
            app = SupportApp(
                engine_for(connection),
                connection=connection,
                lang=args.lang,
                engine_factory=engine_for,
                report_dir=args.report_dir,
            )
            app.run()
        finally:
            for client in clients:
                client.close()
    return EXIT_OK
