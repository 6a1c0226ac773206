"""carriers.json's ``names`` section: the lookup's words besides the carriers' own names."""

from __future__ import annotations

from typing import Any

from rakuten_assist.carriers._schema_entry import Entry
from rakuten_assist.carriers.checkdigits import ISO_COUNTRIES
from rakuten_assist.carriers.types import NameWords, normalise_name
from rakuten_assist.i18n import Message

__all__ = ["parse_names"]

_NAMES_KEYS = {
    "generic_words": True,
    "qualifiers": True,
    "platforms": True,
    "marketplaces": True,
    "other": True,
    "home": False,
    "brand_alone": False,
}


def _word(text: str) -> str:
    return normalise_name(text)


def parse_names(raw: Any, owners: frozenset[str], ids: frozenset[str]) -> NameWords:
    """The lookup's words: generic words, country qualifiers, platforms, marketplaces, Autre,
    brand words that name one carrier alone (``ids``: the registry's carrier ids)."""
    entry = Entry(Message("errors.registry_where.names"))
    data = entry.keys(raw, _NAMES_KEYS, "names")
    generic = frozenset(_word(w) for w in entry.texts(data["generic_words"], "generic_words"))
    qualifiers: dict[str, str] = {}
    raw_qualifiers = data["qualifiers"]
    if not isinstance(raw_qualifiers, dict):
        raise entry.fail("qualifiers")
    for code, words in raw_qualifiers.items():
        if code not in ISO_COUNTRIES:
            raise entry.fail("qualifier_code", code=repr(code))
        for word in entry.texts(words, f"qualifiers.{code}", allow_empty=False):
            key = _word(word)
            if key in generic or qualifiers.get(key, code) != code:
                raise entry.fail("qualifier_word", word=repr(word))
            qualifiers[key] = code
    groups: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind in ("platforms", "marketplaces"):
        table = data[kind]
        if not isinstance(table, dict):
            raise entry.fail("spellings", kind=repr(kind))
        groups[kind] = {
            label: entry.texts(spellings, f"{kind}.{label}") for label, spellings in table.items()
        }
        clash = sorted(
            s for spellings in groups[kind].values() for s in spellings if _word(s) in owners
        )
        if clash:
            raise entry.fail("spellings_clash", kind=kind, names=clash)
    other = frozenset(_word(w) for w in entry.texts(data["other"], "other", allow_empty=False))
    home = data.get("home")
    if home is not None and home not in groups["marketplaces"]:
        raise entry.fail("home", home=repr(home))
    raw_alone = data.get("brand_alone") or {}
    if not isinstance(raw_alone, dict) or not all(
        isinstance(v, str) and v in ids for v in raw_alone.values()
    ):
        raise entry.fail("brand_alone", ids=repr(raw_alone))
    brand_alone = {_word(word): carrier_id for word, carrier_id in raw_alone.items()}
    return NameWords(
        generic, qualifiers, groups["platforms"], groups["marketplaces"], other, home, brand_alone
    )
