"""The command line speaks the user's language: every help text, argparse's words, usage errors."""

from __future__ import annotations

import argparse
import ast
import inspect
from collections.abc import Callable, Iterator

import pytest

from rakuten_assist import i18n
from rakuten_assist.cli import build_parser, main
from rakuten_assist.cli._parser import (
    ARGPARSE_PLURALS,
    ARGPARSE_WORDS,
    HELP_PREFIX,
    CatalogueParser,
)

# argparse's msgids that only a programming error of ours can show (a bad add_argument call).
_PROGRAMMING_ERRORS = {
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
    "unexpected option string: %s",
    "conflicting option string: %s",
    "conflicting option strings: %s",
}


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every text of ``parser`` that its help shows: description, epilog, titles, helps."""
    for text in (parser.description, parser.epilog):
        if text:
            yield text
    for group in parser._action_groups:
        if group.title:
            yield group.title
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield choice.help


def _help_in(lang: str, path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*path, "--help", "--lang", lang] if path else ["--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.fixture
def _french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")


def test_every_help_text_is_a_catalogue_id_in_every_language() -> None:
    """No help, description or group title is written in code: each names a catalogue message."""
    english, french = i18n.catalogue("en"), i18n.catalogue("fr")
    texts = {text for _, parser in _parsers(build_parser()) for text in _texts(parser)}
    written_in_code = sorted(
        text for text in texts if not text.startswith(HELP_PREFIX) and text not in ARGPARSE_WORDS
    )
    assert written_in_code == []
    ids = {text for text in texts if text.startswith(HELP_PREFIX)}
    assert len(ids) > 100
    assert sorted(ids - set(english)) == []
    assert sorted(ids - set(french)) == []


@pytest.mark.usefixtures("_french")
def test_french_help_of_every_command_has_no_english(
    capsys: pytest.CaptureFixture[str], english_leaks: Callable[[str], list[str]]
) -> None:
    """`--help` of every command and subcommand, in French, holds no sentence of the English
    catalogue, no raw message id and none of argparse's English words."""
    paths = [path for path, _ in _parsers(build_parser())]
    assert len(paths) > 15
    for path in paths:
        with pytest.raises(SystemExit) as exit_:
            main([*path, "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("usage : rakuten-assist"), path
        assert english_leaks(out) == [], path
        assert HELP_PREFIX not in out, path
        for english in ("positional arguments", "show this help", "options:", "usage:"):
            assert english not in out, (path, english)


def test_lang_option_alone_makes_help_french(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers check --help --lang fr` is French with an English environment."""
    out = _help_in("fr", ("carriers", "check"), capsys)
    assert "afficher cette aide et quitter" in out
    assert "--number NUMÉRO" in out
    assert "un numéro de suivi à vérifier" in out


def test_english_help_keeps_argparse_words(capsys: pytest.CaptureFixture[str]) -> None:
    """In English the help reads as before: argparse's own words and the English help texts."""
    out = _help_in("en", ("carriers", "check"), capsys)
    assert out.startswith("usage: rakuten-assist carriers check")
    assert "show this help message and exit" in out
    assert "a tracking number to check and build the link with" in out


@pytest.mark.usefixtures("_french")
@pytest.mark.parametrize(
    ("argv", "french"),
    [
        (["sandbox", "serve", "--port", "99999"], "argument --port : 99999 n'est pas compris"),
        (["carriers", "chek"], "argument SOUS_COMMANDE : choix invalide : 'chek'"),
        (["match"], "arguments obligatoires manquants : --catalog"),
        (["detect", "123", "--bogus"], "arguments non reconnus : --bogus"),
        (["orders", "--status", "old"], "choix invalide : 'old'"),
        (["carriers", "check", "--number"], "un argument attendu"),
    ],
)
def test_usage_errors_are_french_and_exit_2(
    argv: list[str],
    french: str,
    capsys: pytest.CaptureFixture[str],
    english_leaks: Callable[[str], list[str]],
) -> None:
    """A usage error says what is wrong in French, after a French usage line, with exit code 2."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage : rakuten-assist")
    assert ": erreur : " in err
    assert french in err
    assert english_leaks(err) == []
    for english in ("error:", "invalid choice", "required", "unrecognized", "expected"):
        assert english not in err


def test_french_parsing_leaves_other_parsers_english(capsys: pytest.CaptureFixture[str]) -> None:
    """After a French usage error, argparse still speaks its own English to other programs."""
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "carriers", "chek"])
    assert "erreur" in capsys.readouterr().err
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("--n", type=int, required=True)
    with pytest.raises(SystemExit):
        other.parse_args([])
    assert "other: error: the following arguments are required: --n" in capsys.readouterr().err
    assert "show this help message and exit" in other.format_help()


def test_every_argparse_word_a_user_can_read_is_in_the_catalogue() -> None:
    """Each fixed sentence this Python's argparse can show a user has its catalogue message, so
    a newer argparse with new words fails here instead of writing English to French users."""
    tree = ast.parse(inspect.getsource(argparse))
    msgids = {
        node.args[index].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
        for index in range(len(node.args))
        if isinstance(node.args[index], ast.Constant) and isinstance(node.args[index].value, str)
    }
    assert "usage: " in msgids
    plurals = {msgid for pair in ARGPARSE_PLURALS for msgid in pair}
    missing = sorted(msgids - set(ARGPARSE_WORDS) - plurals - _PROGRAMMING_ERRORS)
    assert missing == []
    for lang in ("en", "fr"):
        for word in [*ARGPARSE_WORDS.values(), *ARGPARSE_PLURALS.values()]:
            assert f"{HELP_PREFIX}argparse.{word}" in i18n.catalogue(lang), (lang, word)
    # The English catalogue says exactly what argparse says, in each number.
    english = i18n.catalogue("en")
    for msgid, word in ARGPARSE_WORDS.items():
        assert english[f"{HELP_PREFIX}argparse.{word}"] == msgid
    for (singular, plural), word in ARGPARSE_PLURALS.items():
        assert i18n.t(f"{HELP_PREFIX}argparse.{word}", "en", count=1) == singular
        assert i18n.t(f"{HELP_PREFIX}argparse.{word}", "en", count=3) == plural


def test_argparse_counts_are_said_by_the_catalogues_plural_fields(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An option taking two values given one says "2 arguments attendus" in French, through
    the catalogue's plural field, not a rule of our own."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    parser = CatalogueParser(prog="essai")
    parser.add_argument("--pair", nargs=2)
    with pytest.raises(SystemExit):
        parser.parse_args(["--pair", "a"])
    err = capsys.readouterr().err
    assert "2 arguments attendus" in err
    assert "expected" not in err


def test_argparse_words_keep_their_placeholders_in_every_language() -> None:
    """A translation of argparse's words fills in the same %-placeholders argparse passes."""
    import re

    english = i18n.catalogue("en")
    for word in [*ARGPARSE_WORDS.values(), *ARGPARSE_PLURALS.values()]:
        msg_id = f"{HELP_PREFIX}argparse.{word}"
        wanted = sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", english[msg_id]))
        assert sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", i18n.catalogue("fr")[msg_id])) == wanted


def test_a_running_command_never_reads_the_help_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """`carriers check` parses its arguments without loading the help texts (start-up cost)."""
    read: list[str] = []
    original = i18n._domain

    def recording(lang: str, domain: str) -> object:
        read.append(domain)
        return original(lang, domain)

    monkeypatch.setattr(i18n, "_domain", recording)
    assert main(["carriers", "check", "colissimo", "--json"]) == 0
    assert "cli_help" not in read


def test_tui_without_textual_says_so_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tui` on an install without Textual: exit 2 and a French sentence saying what is
    missing, with the pip command."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "textual" else real(name, *a)
    )
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert main(["tui"]) == 2
    err = capsys.readouterr().err
    assert "nécessite Textual, qui n'est pas installé" in err
    assert "rakuten-assist[tui]" in err


def test_an_unknown_lang_value_is_refused_in_the_locales_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`chat --lang de` under a French locale: the usage error is French (it was English,
    the --lang value deciding the language of its own refusal)."""
    for name in ("RAKUTEN_ASSIST_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    for argv in (["chat", "--lang", "de"], ["chat", "--lang=de"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert "choix invalide : 'de'" in err
        assert "invalid choice" not in err
