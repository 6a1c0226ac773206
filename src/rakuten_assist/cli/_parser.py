"""The command line's parser, in the user's language: its help texts and argparse's own words.

Help texts, descriptions and group titles are catalogue ids (``cli_help.*``), turned into
sentences only when help is rendered, so a command that runs never reads the help catalogue.
argparse writes its fixed words ("usage:", "error:", "invalid choice", "the following
arguments are required") through a module-level ``_`` (gettext); while this parser parses or
formats, that ``_`` looks those words up in the ``cli_help.argparse`` table of the catalogue,
keyed by argparse's own English text (a gettext msgid), and the original is put back after.
Nothing else in the process is touched, and other parsers keep argparse's words.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar

__all__ = [
    "ARGPARSE_PLURALS",
    "ARGPARSE_WORDS",
    "HELP_PREFIX",
    "CatalogueParser",
    "placeholder",
    "translate",
]

#: the prefix of every help id: ``cli_help.<command>.<option>``
HELP_PREFIX = "cli_help."

#: argparse's fixed words a user can read (its gettext msgids) -> their ``cli_help.argparse``
#: ids. Its other msgids are programming errors of ours (a bad ``add_argument``), never shown.
ARGPARSE_WORDS = {
    "usage: ": "usage",
    "positional arguments": "positionals",
    "options": "options",
    "show this help message and exit": "help",
    "show program's version number and exit": "version",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "expected one argument": "expected_one",
    "expected at least one argument": "expected_at_least_one",
    "expected at most one argument": "expected_at_most_one",
    "ignored explicit argument %r": "ignored_explicit",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "not allowed with argument %s": "not_allowed_with",
    "one of the arguments %s is required": "one_of_required",
    "the following arguments are required: %s": "required",
    "unrecognized arguments: %s": "unrecognized",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unknown_parser",
    "can't open '%(filename)s': %(error)s": "cannot_open",
}

#: argparse's words said in a number (its ngettext pairs) -> their ``cli_help.argparse`` ids,
#: each a catalogue plural field (``{count:plural:...}``) that keeps argparse's %-placeholder
ARGPARSE_PLURALS = {("expected %s argument", "expected %s arguments"): "expected_n"}

_Result = TypeVar("_Result")

#: how deep inside this parser's parsing or formatting we are (add_argument formats a metavar
#: too, only to check it); a plain counter, the command line parses on one thread
_speaking_depth = [0]


def _lang() -> str:
    from rakuten_assist.cli._common import cli_lang

    return cli_lang()


def translate(text: str, lang: str | None = None) -> str:
    """A help id or one of argparse's fixed words in the user's language; other text as is."""
    from rakuten_assist.i18n import t

    if text.startswith(HELP_PREFIX):
        return t(text, lang or _lang())
    word = ARGPARSE_WORDS.get(text)
    if word is None:
        return text
    # argparse fills these in with `%` itself: the catalogue keeps its %-placeholders.
    return t(f"{HELP_PREFIX}argparse.{word}", lang or _lang())


def placeholder(metavar: str, lang: str | None = None) -> str:
    """An option's value placeholder (``NUMBER``) in the user's language; choices as they are."""
    from rakuten_assist.i18n import lookup

    return lookup(f"{HELP_PREFIX}metavar.{metavar}", lang or _lang()) or metavar


@contextlib.contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """While inside, argparse's fixed words come from the catalogue in ``lang``."""

    def gettext(message: str) -> str:
        return translate(message, lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        word = ARGPARSE_PLURALS.get((singular, plural))
        if word is None:  # a programming error of ours (a bad add_argument): argparse's own
            return str(saved["ngettext"](singular, plural, count))
        from rakuten_assist.i18n import t

        return t(f"{HELP_PREFIX}argparse.{word}", lang, count=count)

    names = {"_": gettext, "ngettext": ngettext}
    saved = {name: getattr(argparse, name) for name in names}
    for name, function in names.items():
        setattr(argparse, name, function)
    _speaking_depth[0] += 1
    try:
        yield
    finally:
        _speaking_depth[0] -= 1
        for name, function in saved.items():
            setattr(argparse, name, function)


def _speaking(method: Callable[..., _Result]) -> Callable[..., _Result]:
    def wrapper(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> _Result:
        with _argparse_speaks(_lang()):
            return method(self, *args, **kwargs)

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class CatalogueFormatter(argparse.HelpFormatter):
    """Help whose texts are catalogue ids, rendered in the user's language."""

    def start_section(self, heading: str | None) -> None:
        """A group's title, translated, with the language's own colon (French: " :")."""
        if heading:
            from rakuten_assist.i18n import t

            titled = t(f"{HELP_PREFIX}argparse.heading", _lang(), title=translate(heading))
            heading = titled.removesuffix(":")  # argparse writes the colon itself
        super().start_section(heading)

    def add_text(self, text: str | None) -> None:
        """A description or epilog, translated (the version line passes through)."""
        if text and text is not argparse.SUPPRESS:
            text = translate(text)
        super().add_text(text)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        """The usage line, after the catalogue's "usage:"."""
        if usage is not argparse.SUPPRESS and prefix is None:
            prefix = translate("usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        format_parts = super()._metavar_formatter(action, default_metavar)

        def translated(size: int) -> tuple[str, ...]:
            parts = format_parts(size)
            # add_argument formats a metavar only to check it: no catalogue read then.
            return tuple(placeholder(part) for part in parts) if _speaking_depth[0] else parts

        return translated

    def _expand_help(self, action: argparse.Action) -> str:
        # No %-formatting: our help texts name no %(default)s and may hold a "%".
        return translate(action.help or "")


class CatalogueParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the user's language (``cli_lang``), usage errors included.

    Exit codes are argparse's: 2 for a usage error, 0 after ``--help``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", CatalogueFormatter)
        super().__init__(*args, **kwargs)

    @_speaking
    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        """Parse ``args``; a usage error is written in the user's language (exit 2)."""
        parsed: argparse.Namespace = super().parse_args(args, namespace)
        return parsed

    @_speaking
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse what is known of ``args``, in the user's language."""
        return super().parse_known_args(args, namespace)

    @_speaking
    def format_usage(self) -> str:
        """The usage line in the user's language."""
        return super().format_usage()

    @_speaking
    def format_help(self) -> str:
        """The whole help in the user's language."""
        return super().format_help()

    @_speaking
    def error(self, message: str) -> NoReturn:
        """Usage, then the error in the user's language; exit 2."""
        super().error(self._named_in_language(message))

    def _named_in_language(self, message: str) -> str:
        """argparse names a positional argument by its placeholder (SUBCOMMAND) before our
        formatter sees it: say the placeholder in the user's language there too."""
        template = translate("argument %(argument_name)s: %(message)s")
        for action in self._actions:
            if action.option_strings or not isinstance(action.metavar, str):
                continue
            named = template % {"argument_name": action.metavar, "message": ""}
            if message.startswith(named):
                said = template % {"argument_name": placeholder(action.metavar), "message": ""}
                return said + message.removeprefix(named)
        return message
