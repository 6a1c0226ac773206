"""``rakuten-assist tui``: the Textual support bot, on the sandbox unless credentials are given."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rakuten_assist.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    add_connection_options,
    cli_lang,
    fail,
    has_credentials,
)

if TYPE_CHECKING:
    from rakuten_assist.tui.app import Connection


def register(subparsers: Any) -> None:
    """Add the ``tui`` command."""
    parser = subparsers.add_parser(
        "tui",
        help="cli_help.tui.help",
        description=("cli_help.tui.description"),
    )
    add_connection_options(parser)
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help=("cli_help.tui.lang"),
    )
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=None,
        help="cli_help.tui.report_dir",
    )
    parser.add_argument("--seed", type=int, default=42, help="cli_help.tui.seed")
    web = parser.add_argument_group("cli_help.tui.browser")
    web.add_argument(
        "--web",
        action="store_true",
        help="cli_help.tui.web",
    )
    web.add_argument(
        "--host",
        default="127.0.0.1",
        help="cli_help.tui.host",
    )
    web.add_argument("--port", type=int, default=8000, help="cli_help.tui.port")
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
    """Start the app; it returns when the user quits (with --web: when serving stops)."""
    if importlib.util.find_spec("textual") is None:
        from rakuten_assist.i18n import t

        fail(t("tui.textual_missing", cli_lang(args)), "pip install 'rakuten-assist[tui]'")
        return EXIT_USAGE
    if args.web:
        return _serve(args)
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Settings
    from rakuten_assist.support import SupportEngine
    from rakuten_assist.tui.app import SupportApp
    from rakuten_assist.tui.driver import quick_exit_driver

    clients: list[RakutenClient] = []
    # The screen opens in this language; only --lang pins it (otherwise it follows the user).
    start = "fr" if cli_lang(args) == "fr" else "en"

    def engine_for(connection: Connection) -> SupportEngine:
        if connection.credentials is None:
            return SupportEngine(lang=args.lang, default_lang=start, surface="tui")
        client = RakutenClient(
            connection.credentials, settings=Settings.from_env(connection.base_url)
        )
        clients.append(client)
        return SupportEngine(client=client, lang=args.lang, default_lang=start, surface="tui")

    with _connection(args) as connection:
        try:
            app = SupportApp(
                engine_for(connection),
                connection=connection,
                lang=args.lang,
                start_lang=start,
                engine_factory=engine_for,
                report_dir=args.report_dir,
                driver_class=quick_exit_driver(),
            )
            app.run()
        finally:
            for client in clients:
                client.close()
        # In a terminal the process ends here: the sandbox's server is a daemon thread of
        # this process, nothing of it needs stopping (otherwise it stops as the block ends).
        _leave_quickly()
    return EXIT_OK


def _leave_quickly() -> None:
    """Quit without the interpreter's teardown of every module pandas and the app loaded.

    Freeing that heap object by object takes half a second or more after the screen is gone.
    Everything of ours that needs closing is closed by now (app, clients; the sandbox is a
    daemon thread with nothing to save). In a terminal the process
    ends here, after the exit handlers and a flush; otherwise (tests calling ``main`` in
    process, a browser tab's app under textual-serve) the heap is only frozen, so the final
    collections skip it.
    """
    gc.freeze()
    if sys.stdout.isatty() and sys.stdin.isatty():
        atexit._run_exitfuncs()  # what a normal exit runs; after them nothing is left to do
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_OK)


def _served_args(args: argparse.Namespace) -> list[str]:
    """The options each browser tab's app starts with; login and token go by environment."""
    forwarded: list[str] = ["--seed", str(args.seed)]
    if args.lang:
        forwarded += ["--lang", args.lang]
    if args.report_dir is not None:
        forwarded += ["--report-dir", str(args.report_dir.resolve())]
    if args.sandbox:
        forwarded.append("--sandbox")
    if args.base_url:
        forwarded += ["--base-url", args.base_url]
    return forwarded


def _serve(args: argparse.Namespace) -> int:
    from rakuten_assist.tui.i18n import ui

    lang = cli_lang(args)
    if importlib.util.find_spec("textual_serve") is None:
        fail(ui(lang, "web_missing"), "pip install 'rakuten-assist[tui]'")
        return EXIT_USAGE
    from rakuten_assist.tui.web import serve

    # Never on a command line (other users can read it): the app processes inherit these.
    if args.login:
        os.environ["RAKUTEN_LOGIN"] = args.login
    if args.token:
        os.environ["RAKUTEN_TOKEN"] = args.token
    try:
        serve(
            _served_args(args),
            host=args.host,
            port=args.port,
            lang=lang,
            say=lambda line: print(line, flush=True),
        )
    except OSError as exc:
        from rakuten_assist.errors import os_reason
        from rakuten_assist.i18n import say

        reason = say(os_reason(exc), lang)  # "[Errno 98] ..." is English, and the OS's own
        fail(
            ui(lang, "web_port_taken", host=args.host, port=args.port, error=reason),
            ui(lang, "web_port_taken_fix"),
        )
        return EXIT_USAGE
    return EXIT_OK
