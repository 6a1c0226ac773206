"""Questions outside what the engine knows: prices, contracts, other marketplaces...

The categories and their phrases are data (``intent_data/out_of_scope.toml``). A question in
one of them gets the honest "I don't know" naming who can answer, never a stock answer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from rakuten_assist.support._abbreviations import expand
from rakuten_assist.support._lang import fold, is_common_word
from rakuten_assist.support._typos import is_slip

if TYPE_CHECKING:
    from rakuten_assist.support._entity_types import Entities

__all__ = ["ScopeCategory", "out_of_scope", "scope_categories", "scope_category", "scope_of"]

_WORDS = re.compile(r"[a-z0-9']+")
#: the shortest word whose slips are looked for
_SLIP_MIN = 5
# French elision: "l'abonnement" is the word "abonnement" ("c'est combien l'abonnement ?").
_ELISION = re.compile(r"\b(c|d|j|l|m|n|qu|s|t)'")


@dataclass(frozen=True)
class ScopeCategory:
    """One kind of question the engine does not answer, and who can."""

    id: str
    who: str
    answer: str
    phrases: tuple[str, ...]
    together: tuple[tuple[str, ...], ...] = ()
    #: phrases that speak of the carriers when one is named ("on a les 3 en contrat")
    carriers_own: frozenset[str] = frozenset()


def _normalise(text: str) -> str:
    folded = _ELISION.sub(r"\1' ", expand(fold(text)).replace("-", " "))
    return " " + " ".join(_WORDS.findall(folded)) + " "


@cache
def scope_categories() -> tuple[ScopeCategory, ...]:
    """The out-of-scope categories, in the data file's order."""
    source = resources.files("rakuten_assist.support") / "intent_data" / "out_of_scope.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    categories: list[ScopeCategory] = []
    for category_id, table in data["categories"].items():
        phrases = [p for lang_phrases in table["phrases"].values() for p in lang_phrases]
        categories.append(
            ScopeCategory(
                id=category_id,
                who=table["who"],
                answer=table["answer"],
                phrases=tuple(_normalise(p).strip() for p in phrases),
                together=tuple(
                    tuple(_normalise(p).strip() for p in group)
                    for group in table.get("together", [])
                ),
                carriers_own=frozenset(
                    _normalise(p).strip() for p in table.get("carriers_own", [])
                ),
            )
        )
    return tuple(categories)


@cache
def _scope_words() -> tuple[str, ...]:
    """Every word of the categories' phrases long enough for a slip to be seen."""
    words = {
        word
        for category in scope_categories()
        for phrase in (*category.phrases, *(p for group in category.together for p in group))
        for word in phrase.split()
        if len(word) >= _SLIP_MIN
    }
    return tuple(sorted(words))


def _mended(normalised: str) -> str:
    """The text with its slips of the categories' words mended ("expiratoin", "rneouveler"
    is not one: its first letter moved): a mistyped price or lifetime question is still
    one, never a stock answer."""
    known = _scope_words()
    mended = []
    for typed in normalised.split(" "):
        if len(typed) >= _SLIP_MIN and typed not in known and not is_common_word(typed):
            typed = next((w for w in known if is_slip(typed, w, strict=True)), typed)
        mended.append(typed)
    return " ".join(mended)


def _has(text: str, phrase: str) -> bool:
    return f" {phrase} " in text


def scope_category(category_id: str) -> ScopeCategory:
    """The out-of-scope category with this id."""
    return next(c for c in scope_categories() if c.id == category_id)


#: words that soften a question and change nothing of what it asks ("how long does Rakuten
#: usually take", "combien de temps ça prend en général"): left out before the phrases are read
_HEDGES = re.compile(
    r"(?<= )(?:usually|normally|typically|generally|roughly|approximately|on average|"
    r"actually|really|en general|generalement|normalement|habituellement|d'habitude|"
    r"en moyenne|en principe|environ|a peu pres|vraiment) (?=\S)"
)


def out_of_scope(text: str, *, carriers_named: bool = False) -> ScopeCategory | None:
    """The out-of-scope category ``text`` asks about by its words, or None.

    Other marketplaces are not found here: the carrier lookup knows which names are
    marketplaces (``Entities.marketplaces``).

    Args:
        text: the question (its own words, pasted errors already removed).
        carriers_named: the message names carriers; a category's ``carriers_own`` phrases
            then speak of the merchant's carriers ("we have a contract with all three").
    """
    normalised = _HEDGES.sub("", _mended(_normalise(text)))
    for category in scope_categories():
        phrases = category.phrases
        if carriers_named:
            phrases = tuple(p for p in phrases if p not in category.carriers_own)
        if any(_has(normalised, p) for p in phrases):
            return category
        if category.together and all(
            any(_has(normalised, p) for p in group) for group in category.together
        ):
            return category
    return None


#: a shipping platform's integration asked about (normalised text)
_PLATFORM_LINK = re.compile(
    r"\b(?:works? with|work together|compatible|integr\w*|connect\w*|synchroni\w*|sync|"
    r"brancher|branche|plug\w*|hook\w* up|relier|"
    # another tool compared with ours ("Is Lengow better for this?")
    r"better|mieux|meilleur|meilleure|instead|plutot|compar\w*|versus|vs|alternative|"
    r"marche avec|fonctionne avec|peut envoyer|can send|send (?:the )?(?:tracking|numbers)|"
    r"envoyer (?:directement|les numeros|le suivi)|push)\b"
)


def scope_of(text: str, entities: Entities) -> ScopeCategory | None:
    """The out-of-scope category asked about: another marketplace named (the carrier lookup
    says which names are marketplaces), or the words of a category."""
    if entities.marketplaces and not entities.carriers:
        return scope_category("other_marketplaces")
    if entities.platforms and not entities.carriers and _PLATFORM_LINK.search(_normalise(text)):
        # "does Rakuten work with Sendcloud?", "Sendcloud peut envoyer les numéros à
        # Rakuten ?": whether a platform integrates is nobody's fact here
        return scope_category("connector_compat")
    category = out_of_scope(text, carriers_named=bool(entities.carriers))
    if category is not None and category.id == "connector_compat" and entities.carriers:
        return None  # "Colissimo compatible avec votre outil ?": the carrier's question
    if category is not None and category.id == "carrier_advice" and len(entities.carriers) == 1:
        # "the best transporter name for Chronopost?": the registry answers; two carriers
        # compared ("Chronopost or Colissimo, which is better?") are advice
        return None
    return category
