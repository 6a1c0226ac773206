"""Which of a long message's carriers its question is about.

A merchant's e-mail tells its story before it asks: "until now we shipped everything with
Colissimo, our depot just signed with Colis Privé. Is that carrier accepted?". The story names
carriers the question is not about. Two rules, both about precision (naming the wrong carrier
is a confidently wrong answer):

- a message's one question that names carriers itself ("Venipak c'est accepté ?") is about
  those, never the ones its background tells (a message of several questions is answered
  part by part, each with its own background);
- a question that names none, in a message with no tracking number, is not about a carrier
  the background gives as the one left behind ("avant c'était Mondial Relay", "we used to
  ship with DPD", "passés de DPD à Geodis"), when another one remains.

The words that mark a former carrier are data (``intent_data/former_carriers.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import cache
from importlib import resources

from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._lang import fold
from rakuten_assist.support._segments import focus, is_question, questions, sentences

__all__ = ["carriers_asked_about"]

#: how many words before a carrier's name a former-carrier word may stand
_WINDOW_WORDS = 6


@cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    source = resources.files("rakuten_assist.support") / "intent_data" / "former_carriers.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    before = "|".join(re.escape(fold(p)) for p in data["before"])
    between = "|".join(re.escape(fold(p)) for p in data["from_to"])
    return re.compile(rf"(?:^|\W)(?:{before})(?:\W|$)"), re.compile(rf"(?:^|\W)(?:{between})\W*$")


def _former(mention: CarrierMention, folded: str) -> bool:
    """Whether the message tells ``mention`` as the carrier left behind: a former-carrier
    word in the few words before its name, within its sentence."""
    name = fold(mention.text)
    before_words, from_to = _markers()
    for found in re.finditer(re.escape(name), folded):
        lead = re.split(r"[.!?\n;]", folded[: found.start()])[-1]
        window = " ".join(lead.split()[-_WINDOW_WORDS:])
        if before_words.search(window) or from_to.search(window):
            return True
    return False


def carriers_asked_about(message: str, entities: Entities) -> Entities:
    """``entities`` with only the carriers the question of a long ``message`` is about."""
    if not entities.carriers and not entities.unknown_carriers:
        return entities
    asked = focus(message)
    found = questions(message)
    if (
        asked != message
        and len(found) == 1
        # a question mark, a question word, or asked in place ("Venipak c'est accepte")
        and (any(is_question(s) for s in sentences(asked)) or asked.strip() == found[0].strip())
    ):
        own = extract_entities(asked)
        # a brand the question names stands for each carrier it can mean ("DHL Paket ...
        # il faut mettre DHL tout court ?")
        named = {c.id for m in own.carriers for c in (m.carrier, *m.candidates)}
        if named or own.unknown_carriers:
            # the question names its carriers: the background's are not asked about
            return replace(
                entities,
                carriers=[m for m in entities.carriers if m.carrier.id in named] or own.carriers,
                unknown_carriers=[
                    n for n in entities.unknown_carriers if n in own.unknown_carriers
                ],
            )
    if len(entities.carriers) < 2 or entities.numbers:
        # a number says which parcel is asked about, whoever carried it before
        return entities
    folded = fold(message)
    current = [m for m in entities.carriers if not _former(m, folded)]
    if current and len(current) < len(entities.carriers):
        return replace(entities, carriers=current)
    return entities
