"""Message catalogues: every sentence a user reads, looked up by id in the user's language.

Each language is a folder of TOML files, ``i18n/<lang>/<domain>.toml``; a key ``a.b`` in
``carriers.toml`` is the message id ``carriers.a.b``. Messages use ``{name}`` parameters
(``str.format``). TOML is read by the standard library, needs no compile step (unlike
gettext's ``.mo`` files) and keeps one sentence per key, which is all our messages need.

A language is new files: a folder named after the language, here or in a directory given to
:func:`add_catalogue_dir`. A message missing from a language falls back to English, so a
partial catalogue works while it is being written.

A count is said in the right number with a plural field: ``{items:plural:# item|# items}``
gives "1 item" and "3 items"; ``#`` stands for the count, written with the language's
thousands mark (``common.group_mark``: "2,082 items", "2 082 articles"). The first form is
the singular, used for the counts the language's ``common.plural_one`` lists ("1" in
English, "0 1" in French: "0 article reçu"); the last form is used for every other count. A
language whose plural rules need more than two forms (Polish, Russian...) would need a rule
here, not only new files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DEFAULT_LANG",
    "Joined",
    "Message",
    "Number",
    "Term",
    "Texts",
    "add_catalogue_dir",
    "catalogue",
    "configured_lang",
    "languages",
    "lookup",
    "percent",
    "remove_catalogue_dir",
    "say",
    "t",
]

#: the language every message exists in, and the fallback of a partial catalogue
DEFAULT_LANG = "en"

# Plain strings and os.path, not pathlib: this module loads at every start-up of the command.
_DIRS: list[str] = [os.path.dirname(os.path.realpath(__file__))]


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
    #: a text, or a Message when languages punctuate lists differently ("; " and " ; ")
    separator: str | Message = " "

    def render(self, lang: str) -> str:
        """Each part in ``lang``, separated by ``separator``."""
        return str(say(self.separator, lang)).join(str(say(part, lang)) for part in self.parts)


class Number(NamedTuple):
    """A decimal number written with a dot ("0.5"), said with the language's decimal mark
    (``common.decimal_mark``: "0,5" in French)."""

    text: str

    def render(self, lang: str) -> str:
        """The number with ``lang``'s decimal mark."""
        mark = lookup("common.decimal_mark", lang) or "."
        return self.text.replace(".", mark)


def percent(fraction: float, digits: int = 0) -> Message:
    """``fraction`` (0.69) as a percentage in the reader's language: "69%" in English, "69 %"
    in French (``common.percent``, the decimal mark of ``common.decimal_mark``)."""
    return Message("common.percent", {"value": Number(f"{fraction * 100:.{digits}f}")})


def say(value: Any, lang: str) -> Any:
    """``value`` in ``lang`` when it is a Message, Texts, Term, Joined or Number; else as it
    is."""
    if isinstance(value, Message | Texts | Term | Joined | Number):
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
    resolved = os.path.realpath(path)
    if resolved not in _DIRS:
        _DIRS.append(resolved)
    _forget()


def remove_catalogue_dir(path: str | Path) -> None:
    """Stop looking in ``path`` (added by :func:`add_catalogue_dir`); the shipped one stays."""
    resolved = os.path.realpath(path)
    if resolved in _DIRS[1:]:
        _DIRS.remove(resolved)
    _forget()


def _forget() -> None:
    catalogue.cache_clear()
    _domain.cache_clear()


def _flatten(prefix: str, table: Mapping[str, Any], into: dict[str, str], origin: str) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping):
            _flatten(name, value, into, origin)
        elif isinstance(value, str):
            into[name] = value
        else:
            raise ValueError(f"{origin}: {name} must be text, not {type(value).__name__}")


def _toml_files(folder: str) -> list[str]:
    try:
        return sorted(name for name in os.listdir(folder) if name.endswith(".toml"))
    except OSError:  # not a folder, or gone
        return []


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """Every message of ``lang`` by id (only that language's own files, no fallback)."""
    domains = {name[: -len(".toml")] for base in _DIRS for name in _toml_files(f"{base}/{lang}")}
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
        path = os.path.join(base, lang, f"{domain}.toml")
        try:
            with open(path, "rb") as handle:
                content = handle.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
        messages.update(_compiled(domain, content, path))
    return messages


def _compiled(domain: str, content: bytes, origin: str) -> dict[str, str]:
    """A catalogue file's messages, flat: from the compiled copy of these exact bytes in the
    cache directory when there is one (JSON loads in a fraction of a millisecond; tomllib
    costs several to import and parse at every start-up), else parsed and cached."""
    import json

    from rakuten_assist._cache import cache_dir, content_key

    cached = os.path.join(cache_dir(), f"i18n-{domain}-{content_key(content)}.json")
    try:
        with open(cached, encoding="utf-8") as handle:
            data = json.load(handle)
        if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
            return data
    except (OSError, ValueError):
        pass  # no copy yet, or unreadable: parse the file
    import tomllib

    messages: dict[str, str] = {}
    _flatten(domain, tomllib.loads(content.decode("utf-8")), messages, origin)
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        partial = f"{cached}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump(messages, handle, ensure_ascii=False)
        os.replace(partial, cached)  # readers see a whole file or none
    except OSError:
        pass  # read-only home: every start parses the file
    return messages


def languages() -> list[str]:
    """The languages that have at least one catalogue file."""
    found = {
        name
        for base in _DIRS
        for name in (os.listdir(base) if os.path.isdir(base) else [])
        if _toml_files(os.path.join(base, name))
    }
    return sorted(found)


def configured_lang(chosen: str | None = None) -> str:
    """The reader's language: ``chosen`` (a ``--lang``), else ``RAKUTEN_ASSIST_LANG``, else
    the locale's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``); ``fr`` for any French, else ``en``.

    French users never read English: a French locale (``LANG=fr_FR.UTF-8``) is enough.
    """
    chosen = chosen or os.environ.get("RAKUTEN_ASSIST_LANG")
    if not chosen:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name)
            if value:
                chosen = value
                break
    return "fr" if (chosen or "").lower().startswith("fr") else "en"


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
    if not params:
        return text
    if ":plural:" in text:
        return str(_plurals(lang).vformat(text, (), params))
    return text.format(**params)


@cache
def _plurals(lang: str) -> Any:
    """``lang``'s formatter of plural fields (``{n:plural:# item|# items}``)."""
    import string

    one = frozenset((lookup("common.plural_one", lang) or "1").split())
    group = lookup("common.group_mark", lang) or ","

    class Plurals(string.Formatter):
        def format_field(self, value: Any, format_spec: str) -> str:
            if not format_spec.startswith("plural:"):
                return str(super().format_field(value, format_spec))
            forms = format_spec[len("plural:") :].split("|")
            count = _count(value)
            form = forms[0] if count is not None and str(count) in one else forms[-1]
            # A count given as a number is written with the language's thousands mark
            # ("2,082 items", "2 082 articles"); one given as text is written as given.
            said = f"{value:,}".replace(",", group) if type(value) is int else str(value)
            return form.replace("#", said)

    return Plurals()


def _count(value: Any) -> int | None:
    """The whole number ``value`` stands for (an int, or a number written with thousands
    separators), else None (said with the plural form)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    digits = str(value).replace(",", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    return int(digits) if digits.isdigit() else None
