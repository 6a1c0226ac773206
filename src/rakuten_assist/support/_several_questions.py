"""A message that asks several different things: one answer per question, in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rakuten_assist.support import answers as build
from rakuten_assist.support._conversation_memory import carriers_by_id
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._follow_up_words import LINK_ASKED
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._number_talk import proven_in_detection, proven_other
from rakuten_assist.support._scope import scope_of
from rakuten_assist.support._segments import questions, sentences
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.intents import keyword_score

__all__ = ["answer_several"]


#: a fact's value that says nothing found
_NOTHING: tuple[object, ...] = (None, "", [], {})

#: words asking which one ("c'est lequel ?", "which carrier is it?"; folded text)
_WHICH = re.compile(r"\b(?:quel|quelle|lequel|laquelle|which|who|whose|qui)\b")

#: a question this short may ask about what the sentence before it told ("Is that ok?")
_SHORT_PART = 6
#: words by which such a question points back at what was told ("is that ok?", "ça passe ?")
_POINTS_BACK = re.compile(r"\b(?:that|this|it|ca|cela|celui-ci|celle-ci)\b")

#: intents whose answer depends on the carrier, number or error its part names: two answers
_PER_SUBJECT = ("carrier_support", "tracking_url", "detect_carrier", "error_explain")


def _dropped(part: Answer) -> bool:
    """A part of a message that answered nothing of its own (a plain "I don't know")."""
    return (
        part.intent == "unknown"
        and "out_of_scope" not in part.facts
        and not part.facts.get("unknown")
    )


def answer_several(
    question: str,
    entities: Entities,
    lang: Lang,
    conv: Conversation,
    dispatch: Callable[[str, Entities, Lang, Conversation], Answer],
) -> Answer | None:
    """One answer per question when a message asks several different things, in order.

    A question with a tracking number but no carrier of its own uses the one carrier the
    message names ("Mondial Relay accepté ? quel lien pour le colis 58204719 ?").
    """
    asked = questions(question)
    if len(asked) < 2:
        return None
    parts: list[Answer] = []
    previous = ""
    proven: list[CarrierMention] = []  # the carrier an earlier part's number proved
    kept = {m.carrier.id for m in entities.carriers}
    for one, told in zip(asked, _backgrounds(question, asked), strict=True):
        own = _with_background(one, extract_entities(one), told)
        if own.carriers and kept and not kept & {m.carrier.id for m in own.carriers}:
            # the message as a whole set this part's carrier aside ("donc ce n'est pas du
            # Colissimo", a company's name): its carriers are the message's
            own = replace(own, carriers=entities.carriers)
        if (
            proven
            and not (own.carriers or own.numbers or own.unknown_carriers)
            and LINK_ASKED.search(fold(one))
        ):
            # "c'est lequel, le 1Z… ? et quel lien on envoie ?": the link of the number the
            # part before proved, with its carrier
            own = replace(own, carriers=proven, numbers=entities.numbers)
        elif (
            proven
            and not (own.carriers or own.numbers or own.unknown_carriers)
            and keyword_score(one, "carrier_support") >= 1.0
        ):
            # "c quel transporteur le 1Z… ? et rakuten l'accepte ?": the carrier the number
            # of the part before proved is the one asked about
            own = replace(own, carriers=proven)
        elif (
            not (own.carriers or own.numbers or own.unknown_carriers)
            and len(entities.carriers) == 1
            and own.country is None
            and keyword_score(one, "carrier_support") >= 1.0
        ):
            # "Merchant uses Royal Mail Tracked 48. Is that one accepted, and what would the
            # link be for RT…?": the message's one carrier is the one asked about
            own = replace(own, carriers=entities.carriers)
        # ...but a number of its own beside another part's number is asked about alone
        # ("lien UPS 1Z..., et le numéro CB... c'est quel transporteur ?")
        only_number = set(entities.numbers) <= set(own.numbers)
        link_asked = False
        if (
            own.numbers
            and not own.carriers
            and len(entities.carriers) == 1
            and only_number
            # (not a carrier its background told and its number proves wrong: "il expédie
            # d'habitude en Colissimo, mais… 1Z…: c'est lequel ?"; a guess after the number,
            # "c'est quel transporteur ? FedEx ?", is taken and set aside by the detection)
            and not (
                entities.carriers[0].text in told
                and proven_other(own.numbers[0], entities.carriers[0].carrier)
            )
        ):
            own = replace(own, carriers=entities.carriers)
        elif (
            not (own.numbers or own.carriers)
            and len(entities.numbers) <= 1
            and len(entities.carriers) == 1
            and LINK_ASKED.search(fold(one))
        ):
            # "Le numéro DPD France c'est 2508..., client en 29200. Tu peux me faire le
            # lien ?", "is mondial relay ok? and what do i need for the link": the link of
            # the message's one carrier (and number)
            own = replace(
                own,
                numbers=entities.numbers,
                carriers=entities.carriers,
                postcode=own.postcode or entities.postcode,
            )
            link_asked = True
        part = dispatch(one, own, lang, conv)
        lead = sentences(told)[-1:] if told.strip() else []
        if (
            _dropped(part)
            and lead
            and len(one.split()) <= _SHORT_PART
            and _POINTS_BACK.search(fold(one))
        ):
            # "For the login she wants to use info@shop.de. Is that accepted? And the
            # token?": a short question about what the sentence before it told
            joined = f"{lead[0]} {one}"
            part = dispatch(
                joined, _with_background(joined, extract_entities(joined), ""), lang, conv
            )
        if part.intent == "error_explain" and entities.error is not None and not own.error:
            if part.facts.get("error_id") is None and not part.facts.get("possible_error_ids"):
                # "C'est quoi le souci ?" after the pasted message: that message explained
                part = build.answer_error(entities.error, lang, question=question)
        if link_asked and part.intent == "carrier_support":
            # what the carrier's link needs, asked as a link: the link's part
            part = part.model_copy(update={"intent": "tracking_url"})
        if _dropped(part) and previous:
            # "où est le token ? il expire quand ?": the question before says what "il"
            # is, and whether that is something the engine does not know.
            scope = scope_of(f"{previous} {one}", own)
            if scope is not None:
                part = build.answer_out_of_scope(scope, lang)
        previous = one
        proven = _proven_by(part) or proven
        if part.intent == "greeting" or _dropped(part):
            continue
        refused = {p.facts.get("refused_carrier") for p in parts} - {None}
        named = set(part.facts.get("carrier_ids") or ())
        if part.intent == "carrier_support" and named and named <= refused:
            # "c'est quel transporteur ? FedEx ?": the guess the detection before already
            # set aside (the number is not FedEx's) is not answered as a carrier of its own
            continue
        if (
            parts
            and part.intent == parts[-1].intent
            and part.intent not in _PER_SUBJECT
            and part.facts.get("fact_id") == parts[-1].facts.get("fact_id")
        ):
            continue  # the same answer again ("login or token? where's a new token?")
        parts.append(part)
    if entities.error is not None and all(p.intent != "error_explain" for p in parts):
        # A pasted error beside the questions is the first thing to explain ("j'ai
        # l'erreur Unknown user or password. Le token je le trouve où ?").
        parts.insert(0, build.answer_error(entities.error, lang, question=question))
    # two facts of one intent are two answers ("getnewsales paginates? which version?")
    subjects = {(part.intent, part.facts.get("fact_id")) for part in parts}
    if len(subjects) < 2 and not _about_different_carriers(parts):
        return None  # one thing asked several ways: the whole message answers it
    first = parts[0]
    # the message's answer holds what each part found (the number, the link, the item id
    # its later parts were about); the first part's own facts come first
    found = {k: v for p in reversed(parts) for k, v in p.facts.items() if v not in _NOTHING}
    facts = {**found, **first.facts}
    if _about_different_carriers(parts):
        # the message's carriers, all of them, as one carrier answer would list them
        facts = {
            **facts,
            "carrier_ids": [i for p in parts for i in p.facts.get("carrier_ids") or ()],
            "carriers": [c for p in parts for c in p.facts.get("carriers") or ()],
        }
    return first.model_copy(
        update={
            "facts": facts,
            "parts": parts,
            "suggestions": [s for part in parts for s in part.suggestions][:3],
            "sources": list(dict.fromkeys(s for part in parts for s in part.sources)),
        }
    )


def _backgrounds(message: str, asked: list[str]) -> list[str]:
    """What the message tells before each of its questions, since the question before
    ("Colis Mondial Relay 59184726, cliente à Berlin (10115). Le lien ? Et Colis Privé,
    accepté ?": the first question's background names the parcel, the second's nothing)."""
    told: list[str] = []
    cursor = 0
    for one in asked:
        start = message.find(one, cursor)
        if start < 0:
            told.append("")
            continue
        told.append(message[cursor:start])
        cursor = start + len(one)
    return told


def _with_background(one: str, own: Entities, told: str) -> Entities:
    """A part that asks about a carrier or a link without naming one uses the carrier,
    number and postcode its own background tells, when that names a carrier or a number."""
    if own.carriers or own.numbers or own.unknown_carriers or not told.strip():
        return own
    folded = fold(one)
    which = bool(_WHICH.search(folded))
    link = bool(LINK_ASKED.search(folded))
    about_carrier = keyword_score(one, "carrier_support") >= 1.0
    if not (which or link or about_carrier):
        return own
    background = extract_entities(told)
    if (
        which
        and len(background.numbers) == 1
        and len(background.carriers) == 1
        and proven_other(background.numbers[0], background.carriers[0].carrier)
    ):
        # "il expédie d'habitude en Mondial Relay, mais... 1Z4W…: c'est lequel ?": the
        # number proves another carrier than the one told; the part asks about it
        return replace(own, numbers=background.numbers)
    if not (link or about_carrier):
        return own
    if not background.carriers or len(background.carriers) > 1:
        return own
    # the parcel's number and postcode only for its link ("C'est accepté ? Et quel lien ?":
    # the first part asks about the carrier)
    return replace(
        own,
        carriers=background.carriers,
        numbers=background.numbers if link else own.numbers,
        postcode=own.postcode or (background.postcode if link else None),
        country=own.country or (background.country if link else None),
    )


def _proven_by(part: Answer) -> list[CarrierMention]:
    """The carrier a detection part's number proves."""
    found = proven_in_detection(part.facts) if part.intent == "detect_carrier" else None
    return carriers_by_id([found]) if found else []


def _about_different_carriers(parts: list[Answer]) -> bool:
    """Whether the parts ask the same kind of thing about different carriers ("Is GLS France
    supported? And what's the Rakuten name for Geodis?"): each is answered apart."""
    named = [tuple(part.facts.get("carrier_ids") or ()) for part in parts]
    return len(parts) >= 2 and all(named) and len(set(named)) == len(named)
