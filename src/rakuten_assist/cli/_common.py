"""What every command shares: connection options, the client opener, exit codes, errors."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rakuten_assist.errors import APIError, CatalogError, ConfigError, RakutenAssistError

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient

EXIT_OK = 0
EXIT_NO = 1
EXIT_USAGE = 2
EXIT_REMOTE = 3
#: Ctrl-C, as shells report it (128 + SIGINT)
EXIT_INTERRUPTED = 130
#: the reader of our output went away (`| head`), as shells report SIGPIPE (128 + 13)
EXIT_BROKEN_PIPE = 141

Handler = Callable[[argparse.Namespace], int]


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """Add --login, --token, --base-url and --sandbox (CLI.md, "Connection options")."""
    group = parser.add_argument_group("cli_help.connection.title")
    group.add_argument(
        "--login",
        default=None,
        help="cli_help.connection.login",
    )
    group.add_argument(
        "--token",
        default=None,
        help="cli_help.connection.token",
    )
    group.add_argument(
        "--base-url",
        default=None,
        help="cli_help.connection.base_url",
    )
    group.add_argument(
        "--sandbox",
        action="store_true",
        help="cli_help.connection.sandbox",
    )


def has_credentials(args: argparse.Namespace) -> bool:
    """True when a login or token was given by option or environment."""
    return bool(
        getattr(args, "login", None)
        or getattr(args, "token", None)
        or os.environ.get("RAKUTEN_LOGIN")
        or os.environ.get("RAKUTEN_TOKEN")
    )


@contextlib.contextmanager
def open_client(args: argparse.Namespace) -> Iterator[RakutenClient]:
    """Yield a client for the connection options; with --sandbox, start the sandbox first.

    Raises:
        ConfigError: credentials missing or malformed (before any request).
    """
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.config import Credentials, Settings

    if getattr(args, "sandbox", False):
        from rakuten_assist.sandbox import running_sandbox

        with running_sandbox() as sandbox:
            from rakuten_assist.i18n import t

            notice = t("cli.common.sandbox", cli_lang(args), url=sandbox.base_url)
            print(notice, file=sys.stderr)
            with RakutenClient(
                sandbox.credentials, settings=Settings(base_url=sandbox.base_url)
            ) as client:
                yield client
        return
    credentials = Credentials.from_env(args.login, args.token)
    settings = Settings.from_env(args.base_url)
    with RakutenClient(credentials, settings=settings) as client:
        yield client


def emit_json(data: Any) -> None:
    """Print machine output on stdout: JSON only, no decoration."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


#: the ``--lang`` of the command line being run, known before argparse has parsed it (a plain
#: holder: the command line runs on one thread, and importing contextvars costs start-up time)
_lang_option: list[str | None] = [None]


@contextlib.contextmanager
def lang_in_arguments(arguments: Sequence[str]) -> Iterator[None]:
    """While inside, ``cli_lang()`` honours the ``--lang`` of ``arguments`` (help, errors)."""
    chosen = None
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(arguments):
            chosen = arguments[index + 1]
        elif argument.startswith("--lang="):
            chosen = argument.partition("=")[2]
    if chosen is not None:
        from rakuten_assist.i18n import languages

        # "--lang de" is a usage error to say in the reader's language (the locale's), not
        # a reason to say it in English.
        chosen = chosen if chosen in languages() else None
    saved, _lang_option[0] = _lang_option[0], chosen
    try:
        yield
    finally:
        _lang_option[0] = saved


def store_exit(error: Exception) -> int:
    """The exit code of a store failure: 3 when its server could not be reached (a network
    failure, which scripts retry), else 2 (a store that cannot be used as given)."""
    return EXIT_REMOTE if getattr(error, "unreachable", False) else EXIT_USAGE


def cli_lang(args: argparse.Namespace | None = None) -> str:
    """The language of messages: ``--lang``, else ``RAKUTEN_ASSIST_LANG``, else the locale's.

    French users never read English: a French locale (``LANG=fr_FR.UTF-8``) is enough.
    """
    from rakuten_assist.i18n import configured_lang

    return configured_lang(getattr(args, "lang", None) or _lang_option[0])


def _number(text: str, kind: Callable[[str], float]) -> float:
    from rakuten_assist.i18n import t

    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            t("cli.arg.not_a_number", cli_lang(), value=text)
        ) from None


def _bounded(text: str, kind: Callable[[str], float], low: float, high: float | None) -> float:
    """An option's number, refused in the user's language when outside [low, high]."""
    from rakuten_assist.i18n import t

    value = _number(text, kind)
    if value < low or (high is not None and value > high):
        if high is None:
            message = t("cli.arg.below", cli_lang(), value=text, low=f"{low:g}")
        else:
            message = t("cli.arg.outside", cli_lang(), value=text, low=f"{low:g}", high=f"{high:g}")
        raise argparse.ArgumentTypeError(message)
    return value


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    return int(_bounded(text, int, 1, None))


def non_negative_int(text: str) -> int:
    """argparse type: a whole number of at least 0."""
    return int(_bounded(text, int, 0, None))


def non_negative_float(text: str) -> float:
    """argparse type: a number of at least 0 (hours, seconds)."""
    return _bounded(text, float, 0, None)


def share(text: str) -> float:
    """argparse type: a share between 0 and 1 (a fault rate)."""
    return _bounded(text, float, 0, 1)


def port(text: str) -> int:
    """argparse type: a TCP port, 0 meaning a free one."""
    return int(_bounded(text, int, 0, 65535))


def fail(message: str, fix: str | None = None, *, lang: str | None = None) -> None:
    """Print a one-line cause (and its fix) on stderr, token redacted."""
    from rakuten_assist.i18n import t
    from rakuten_assist.redaction import redact

    lang = lang or cli_lang()
    line = t("cli.common.error", lang, message=message)
    if fix:
        line += t("cli.common.fix", lang, fix=fix)
    print(redact(line), file=sys.stderr)


def fail_with(exc: RakutenAssistError, args: argparse.Namespace | None = None) -> None:
    """Print an error and its fix in the user's language (English for texts without an id)."""
    lang = cli_lang(args)
    fail(*exc.render(lang), lang=lang)


_LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def _say_log_records_in(lang: str) -> None:
    """The records that carry a sentence (``say``: a Message, such as a retry's) are written
    by the command's log handler in the user's language, without the English log prefix.

    Only basicConfig's own handler (a plain StreamHandler) is given the formatter: a handler
    someone else installed keeps its format.
    """
    import logging

    from rakuten_assist.i18n import Message
    from rakuten_assist.redaction import redact

    class SayingFormatter(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            said = getattr(record, "say", None)
            if isinstance(said, Message):
                return redact(said.render(lang))
            return super().format(record)

    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setFormatter(SayingFormatter(_LOG_FORMAT))


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command, turning our errors into the exit codes of CLI.md.

    Commands that never talk to Rakuten set ``offline=True`` in their defaults: they skip the
    token-redaction set-up, whose settings module pulls in pydantic (~100 ms at start-up).
    """
    offline = getattr(args, "offline", False)
    if not offline:
        from rakuten_assist.config import install_log_redaction

        install_log_redaction()
    if not offline or "logging" in sys.modules:
        # Offline commands (carriers, track, detect) log nothing: logging (~5 ms with the
        # modules it pulls in) is not imported for them unless something else already did.
        import logging

        logging.basicConfig(level=logging.WARNING, format=_LOG_FORMAT)
        _say_log_records_in(cli_lang(args))
    if not offline:
        install_log_redaction()
    handler: Handler = args.handler
    try:
        code = handler(args)
        # Flushed here, not at exit: a reader gone by now is handled below, not reported as
        # an exception the interpreter could not raise.
        sys.stdout.flush()
        return code
    except APIError as exc:
        fail_with(exc, args)
        return EXIT_REMOTE
    except (ConfigError, CatalogError) as exc:
        fail_with(exc, args)
        return EXIT_USAGE
    except RakutenAssistError as exc:
        fail_with(exc, args)
        return EXIT_NO
    except KeyboardInterrupt:
        from rakuten_assist.i18n import t

        print(t("cli.common.interrupted", cli_lang(args)), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `rakuten-assist carriers list | head`: the reader has all it wanted. Point stdout
        # at /dev/null so the interpreter's last flush does not fail again at exit.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will flush it at exit
