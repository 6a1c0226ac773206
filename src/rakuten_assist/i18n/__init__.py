"""Message catalogues: every sentence a user reads, looked up by id in the user's language.

Each language is a folder of TOML files, ``i18n/<lang>/<domain>.toml``; a key ``a.b`` in
``carriers.toml`` is the message id ``carriers.a.b``. Messages use ``{name}`` parameters
(``str.format``). TOML is read by the standard library, needs no compile step (unlike
gettext's ``.mo`` files) and keeps one sentence per key, which is all our messages need.

A language is new files: a folder named after the language, here or in a directory given to
:func:`add_catalogue_dir`. A message missing from a language falls back to English, so a
partial catalogue works while it is being written.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

__all__ = [
    "DEFAULT_LANG",
    "Joined",
    "Message",
    "Term",
    "Texts",
    "add_catalogue_dir",
    "catalogue",
    "languages",
    "lookup",
    "remove_catalogue_dir",
    "say",
    "t",
]

#: the language every message exists in, and the fallback of a partial catalogue
DEFAULT_LANG = "en"

_DIRS: list[Path] = [Path(__file__).resolve().parent]


class Texts(NamedTuple):
    """A text that data (carriers.json) writes per language, to pass as a Message parameter."""

    by_lang: Mapping[str, str]

    def render(self, lang: str) -> str:
        """The text in ``lang``, else in English, else ``-``."""
        return self.by_lang.get(lang) or self.by_lang.get(DEFAULT_LANG) or "-"


class Term(NamedTuple):
    """A word that data writes in English (a number format's name), said in another language
    from the catalogue message ``id`` when there is one, else as written."""

    id: str
    english: str

    def render(self, lang: str) -> str:
        """The word in ``lang``; English is the data's own text (no catalogue read)."""
        if lang == DEFAULT_LANG:
            return self.english
        return lookup(self.id, lang) or self.english


class Joined(NamedTuple):
    """Several sayable parts in a row (names, sentences), to pass as one Message parameter."""

    parts: tuple[Any, ...]
    separator: str = " "

    def render(self, lang: str) -> str:
        """Each part in ``lang``, separated by ``separator``."""
        return self.separator.join(say(part, lang) for part in self.parts)


def say(value: Any, lang: str) -> Any:
    """``value`` in ``lang`` when it is a Message, Texts, Term or Joined; else as it is."""
    if isinstance(value, Message | Texts | Term | Joined):
        return value.render(lang)
    return value


class Message(NamedTuple):
    """A sentence to show, not yet in a language: its id and parameters."""

    id: str
    params: Mapping[str, Any] = {}

    def render(self, lang: str) -> str:
        """The sentence in ``lang`` (English where that language lacks it); a parameter that
        is itself sayable (Message, Texts, Term, Joined) is said in ``lang`` too."""
        params = {key: say(value, lang) for key, value in self.params.items()}
        return t(self.id, lang, **params)


def add_catalogue_dir(path: str | Path) -> None:
    """Look for catalogues in ``path`` too (its sub-folders are languages); later dirs win."""
    resolved = Path(path).resolve()
    if resolved not in _DIRS:
        _DIRS.append(resolved)
    _forget()


def remove_catalogue_dir(path: str | Path) -> None:
    """Stop looking in ``path`` (added by :func:`add_catalogue_dir`); the shipped one stays."""
    resolved = Path(path).resolve()
    if resolved in _DIRS[1:]:
        _DIRS.remove(resolved)
    _forget()


def _forget() -> None:
    catalogue.cache_clear()
    _domain.cache_clear()


def _flatten(prefix: str, table: Mapping[str, Any], into: dict[str, str], origin: Path) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping):
            _flatten(name, value, into, origin)
        elif isinstance(value, str):
            into[name] = value
        else:
            raise ValueError(f"{origin}: {name} must be text, not {type(value).__name__}")


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every message of ``lang`` by id (only that language's own files, no fallback)."""
    domains = {
        path.stem
        for base in _DIRS
        if (base / lang).is_dir()
        for path in (base / lang).glob("*.toml")
    }
    messages: dict[str, str] = {}
    for domain in sorted(domains):
        messages.update(_domain(lang, domain))
    return messages


@cache
def _domain(lang: str, domain: str) -> Mapping[str, str]:
    """The messages of one domain file of ``lang`` (a message reads only its own file, so a
    command that shows carrier messages never parses the support engine's catalogue)."""
    messages: dict[str, str] = {}
    for base in _DIRS:
        path = base / lang / f"{domain}.toml"
        if path.is_file():
            with path.open("rb") as handle:
                _flatten(domain, tomllib.load(handle), messages, path)
    return messages


def languages() -> list[str]:
    """The languages that have at least one catalogue file."""
    found = {
        folder.name
        for base in _DIRS
        for folder in base.iterdir()
        if folder.is_dir() and any(folder.glob("*.toml"))
    }
    return sorted(found)


def lookup(msg_id: str, lang: str) -> str | None:
    """The message ``msg_id`` in ``lang`` (English where it lacks it), None when no catalogue
    has it: for words that data may name before a catalogue does (a new number format)."""
    domain = msg_id.split(".", 1)[0]
    text = _domain(lang, domain).get(msg_id)
    return text if text is not None else _domain(DEFAULT_LANG, domain).get(msg_id)


def t(msg_id: str, lang: str, /, **params: Any) -> str:
    """The message ``msg_id`` in ``lang`` with its parameters filled in.

    Raises:
        KeyError: the id exists in no catalogue (a programming error, caught by the tests).
    """
    domain = msg_id.split(".", 1)[0]
    text = _domain(lang, domain).get(msg_id)
    if text is None:
        text = _domain(DEFAULT_LANG, domain)[msg_id]
    return text.format(**params) if params else text
