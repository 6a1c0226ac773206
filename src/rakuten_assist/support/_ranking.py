"""What a message asks: its question over its background, ranked into intents.

Real messages tell a story before they ask ("we ship with Colissimo for years... they typed
their e-mail as login. Is that right?"). The question decides first, then the question with
the sentence before it, each with only its own carriers and numbers; the background's
entities and words come last.
"""

from __future__ import annotations

from dataclasses import replace

from rakuten_assist.support._carrier_answers import number_fits
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._follow_up_words import LINK_ASKED
from rakuten_assist.support._lang import fold
from rakuten_assist.support._segments import focus_with_context
from rakuten_assist.support.errors_catalogue import refused_without_url
from rakuten_assist.support.intents import (
    IntentScore,
    asks_about_cause,
    classify,
    keyword_score,
)

__all__ = ["rank"]


def rank(question: str, asked: str, entities: Entities) -> tuple[list[IntentScore], Entities]:
    """What the message asks, and the entities its answer uses (of several numbers, those
    the first carrier's formats take first: a pasted order's purchase id is no parcel's).
    """
    ranked, used = _ranked(question, asked, entities)
    return ranked, _fitting_first(used)


def _fitting_first(entities: Entities) -> Entities:
    if len(entities.numbers) < 2 or not entities.carriers or entities.carriers[0].ambiguous:
        return entities
    carrier = entities.carriers[0].carrier
    fitting = [n for n in entities.numbers if number_fits(carrier, n)]
    rest = [n for n in entities.numbers if n not in fitting]
    return replace(entities, numbers=fitting + rest)


def _ranked(question: str, asked: str, entities: Entities) -> tuple[list[IntentScore], Entities]:
    """What the message asks, and the entities its answer uses.

    The question itself decides first, then the question with the sentence before it
    ("They typed their e-mail as login. Is that right?"); a question asking whether what
    was told is the cause ("c'est ça le souci ?") is read with the whole message first. At
    those steps only the carriers, numbers and order ids of that text count, so a carrier
    or an order of the background never routes the question. Then the background's
    entities, then the whole message; a courtesy word of the background never makes a
    message that asks something a greeting.
    """
    if asked == question:
        return classify(question, entities), entities
    texts = [asked]
    if entities.error is None:
        texts.append(focus_with_context(question))
    # (unless the question asks for the link itself, its carrier and number given: "le
    # connecteur refuse sans lien. Quel lien envoyer ?" with Mondial Relay and its number)
    link_asked = bool(entities.carriers and entities.numbers and LINK_ASKED.search(fold(asked)))
    if asks_about_cause(asked) or (refused_without_url(question) and not link_asked):
        # "on avait mis l'accent, c'est ça le souci ?" asks about all that was told before;
        # a refusal told with its cause ("rakuten refuse mon suivi, il manque l'url. j'envoie
        # en relais colis") is what the whole message is about
        texts.insert(0, question)
    bare = replace(
        entities,
        carriers=[],
        numbers=[],
        unknown_carriers=[],
        item_id=None,
        purchase_id=None,
        platforms=[],
    )
    for text in texts:
        own = extract_entities(text)
        named = own.carriers or own.numbers or own.unknown_carriers
        focused = _focused(own, entities) if named else entities
        # the order or item ids of the text itself, never those of the background
        ranked = classify(
            text,
            replace(
                focused if focused is not entities else bare,
                item_id=own.item_id,
                purchase_id=own.purchase_id,
                # a platform of the background ("PS : boutique Shopify") routes nothing
                platforms=own.platforms,
            ),
        )
        if ranked[0].intent not in ("unknown", "greeting"):
            return ranked, focused
    # The background's carriers and numbers, for a question whose own words speak of
    # what they would answer ("We use GLS and TNT. Are they supported?"); then the whole
    # message by its words alone, then with everything it names.
    ranked = classify(asked, entities)
    if ranked[0].intent not in ("unknown", "greeting") and keyword_score(asked, ranked[0].intent):
        return ranked, entities
    for ranked in (classify(question, bare), classify(question, entities)):
        if ranked[0].intent not in ("unknown", "greeting"):
            return ranked, entities
    ranked = classify(asked, entities)
    return (
        ranked if ranked[0].intent == "greeting" else [IntentScore("unknown", 0.0, ())]
    ), entities


def _focused(own: Entities, entities: Entities) -> Entities:
    """The message's entities, with the carriers and numbers of the question itself first
    ("we use GLS and TNT. Which name for TNT?" is about TNT)."""
    carriers = [_settled(mention, entities) for mention in own.carriers]
    return replace(
        entities,
        carriers=carriers or entities.carriers,
        numbers=own.numbers or entities.numbers,
        unknown_carriers=own.unknown_carriers or entities.unknown_carriers,
    )


def _settled(mention: CarrierMention, entities: Entities) -> CarrierMention:
    """An ambiguous name of the question, settled by a precise name elsewhere in the message
    ("Can we use Hermes? ... (Hermes Germany)")."""
    if not mention.ambiguous:
        return mention
    ids = {c.id for c in mention.candidates}
    return next((m for m in entities.carriers if not m.ambiguous and m.carrier.id in ids), mention)
