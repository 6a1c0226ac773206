"""What the conversation's memory says: the carriers, error and topic discussed before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._error_entry import ErrorEntry
from rakuten_assist.support._lang import fold
from rakuten_assist.support._number_talk import fits_spoken_carrier, proven_in_detection
from rakuten_assist.support._walkthrough import remember_setup
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.errors_catalogue import CATALOGUE
from rakuten_assist.support.intents import Intent

if TYPE_CHECKING:
    from rakuten_assist.support.answers import Answer

__all__ = [
    "CARRIER_INTENTS",
    "after_number_turn",
    "carriers_by_id",
    "code_asked_about",
    "current_topic",
    "detected_carriers",
    "earlier_carriers",
    "is_about_carrier",
    "remember",
    "remembered_error",
    "ruled_out_by_user",
    "settle",
    "settled_by_history",
    "with_ids_named",
]

#: intents whose answer is about one carrier (a follow-up may reuse it)
CARRIER_INTENTS = ("carrier_support", "tracking_url", "detect_carrier")
#: answers of an aside, after which the carrier discussed before is still the topic: an
#: "I don't know" (out of scope or not understood) and courtesy
_ASIDES = ("unknown", "greeting")


def is_about_carrier(conv: Conversation) -> bool:
    """Whether the conversation is about a carrier: the last answer was, or the last one
    before asides that named none ("Geodis ?" ... "au fait, l'abonnement coûte combien ?"
    ... "et le lien pour 1GKM48TZ20A7 ?" is Geodis's link)."""
    if conv.last_intent in CARRIER_INTENTS:
        return True
    for _question, answer in reversed(conv.history):
        if answer.intent not in _ASIDES or answer.facts.get("carrier_ids"):
            return answer.intent in CARRIER_INTENTS
    return False


def remembered_error(conv: Conversation) -> ErrorEntry | None:
    """The catalogue entry of the error the conversation explained last, if any."""
    return next((e for e in CATALOGUE if e.id == conv.error_id), None)


def earlier_carriers(conv: Conversation) -> list[CarrierMention]:
    """The carriers of the last answer that named some, however long ago."""
    for _question, answer in reversed(conv.history):
        ids = answer.facts.get("carrier_ids")
        if ids:
            return carriers_by_id(ids)
    return carriers_by_id(conv.carrier_ids)


def settled_by_history(entities: Entities, conv: Conversation) -> Entities:
    """A shared brand named again ("pour revenir à GLS") means the one of its carriers the
    conversation already named ("GLS France" earlier), when exactly one."""
    if not any(mention.ambiguous for mention in entities.carriers) or not conv.history:
        return entities
    named = {i for _q, answer in conv.history for i in answer.facts.get("carrier_ids") or ()}
    settled = []
    for mention in entities.carriers:
        known = [c for c in mention.candidates if c.id in named] if mention.ambiguous else []
        settled.append(
            CarrierMention(text=mention.text, carrier=known[0], score=mention.score)
            if len(known) == 1
            else mention
        )
    return replace(entities, carriers=settled)


# "donc ce n'est pas du Colissimo", "so it's not DHL": the user rules a carrier out (folded)
_RULED_OUT = (
    r"(?:\bce n'est pas|\bc'est pas|\bce n'est plus|\bit'?s not|\bit is not|\bthat'?s not|"
    r"\bthat is not|\bdonc pas|\bso not)\s+(?:(?:du|de|de la|le|la|un|une|a|an|the)\s+)?"
)


def ruled_out_by_user(entities: Entities, conv: Conversation, question: str) -> Entities:
    """Carriers the message only rules out ("donc ce n'est pas du Colissimo, le nom à envoyer
    c'est lequel ?") give way to the carrier the conversation holds (the one a number proved),
    when it holds another: the question is about that one, never the one ruled out."""
    if not entities.carriers or not conv.carrier_ids:
        return entities
    folded = fold(question)
    ruled_out = {
        m.carrier.id
        for m in entities.carriers
        if re.search(_RULED_OUT + re.escape(fold(m.text)) + r"\b", folded)
    }
    if ruled_out != {m.carrier.id for m in entities.carriers}:
        return entities
    remembered = [i for i in conv.carrier_ids if i not in ruled_out]
    if not remembered:
        return entities
    return replace(entities, carriers=carriers_by_id(remembered))


def detected_carriers(conv: Conversation) -> list[CarrierMention]:
    """The one carrier the last detection found ("CD641903275BE" is bpost's), for "is that
    one on Rakuten's list?"; else none."""
    if conv.last_intent != "detect_carrier" or not conv.history:
        return []
    found = conv.history[-1][1].facts.get("candidate_ids") or []
    return carriers_by_id(found) if len(found) == 1 else []


def after_number_turn(conv: Conversation) -> bool:
    """Whether the last answer was about a tracking number (a link or a detection)."""
    return conv.last_intent in ("tracking_url", "detect_carrier") and conv.number is not None


def current_topic(conv: Conversation) -> tuple[str | None, Intent | None]:
    """The question and intent of the turn the conversation is about: the last one, or the
    last before asides the engine could not answer ("is a pro account required?" ... "how
    much does it cost?" ... "where do I create it?" is about the pro account). A session
    read back from its file keeps no questions: its last intent only."""
    for question, answer in reversed(conv.history):
        if answer.intent not in _ASIDES:
            return question, answer.intent
    return None, None if conv.history else conv.last_intent


def code_asked_about(conv: Conversation) -> str | None:
    """The bare error code the last answer asked the whole message of, if it did."""
    if conv.last_intent != "error_explain" or conv.error_id or not conv.history:
        return None
    code = conv.history[-1][1].facts.get("code")
    return str(code) if code else None


def settle(candidate_ids: Sequence[str], number: str) -> CarrierMention | None:
    """The one candidate carrier a number proves its own, if exactly one."""
    fitting = [
        mention
        for mention in carriers_by_id(candidate_ids)
        if fits_spoken_carrier(mention.carrier, number)
    ]
    return fitting[0] if len(fitting) == 1 else None


def carriers_by_id(ids: Sequence[str]) -> list[CarrierMention]:
    if not ids:
        return []
    from rakuten_assist.carriers import registry

    known = registry()
    return [
        CarrierMention(text=carrier.name, carrier=carrier, score=100.0)
        for carrier in (known.get(carrier_id) for carrier_id in ids)
        if carrier is not None
    ]


def remember(conv: Conversation, question: str, entities: Entities, result: Answer) -> None:
    conv.lang = result.lang
    conv.last_intent = result.intent
    ids = result.facts.get("carrier_ids")
    ambiguous = result.facts.get("ambiguous") or []
    conv.candidate_ids = list(ambiguous[0]["candidates"]) if len(ambiguous) == 1 else []
    if ids:
        conv.carrier_ids = list(ids)
    elif result.intent == "detect_carrier":
        # The carrier the number proves is the one a "the link?" follow-up means.
        proven = proven_in_detection(result.facts)
        if proven is not None:
            conv.carrier_ids = [proven]
    if result.intent == "error_explain":
        conv.error_id = result.facts.get("error_id")
    if result.intent in ("tracking_url", "detect_carrier") and result.facts.get("number"):
        conv.number = result.facts.get("number")
    elif entities.numbers:
        conv.number = entities.numbers[0]
    if entities.postcode:
        conv.postcode = entities.postcode
    elif result.facts.get("postcode"):
        conv.postcode = result.facts["postcode"]
    missing = result.facts.get("missing") or []
    awaited = conv.pending
    conv.pending = "postcode" if "postal_code" in missing or "postcode" in missing else None
    if (
        awaited == "postcode"
        and result.intent not in ("tracking_url", "detect_carrier", "carrier_support", "greeting")
        and not (entities.numbers or entities.carriers)
    ):
        # a question asked while the postcode is looked for ("en attendant, il demande si
        # ..."): the parcel still waits for it
        conv.pending = "postcode"
    # "yes" to "which one?" must not pick a carrier for the user.
    ambiguous = bool(result.facts.get("ambiguous"))
    # An "I don't know" offers examples, not a next step: "et après ?" must not run them.
    offers = bool(result.suggestions) and not ambiguous and result.intent != "unknown"
    conv.next_step = result.suggestions[0] if offers else None
    remember_setup(conv, result)
    conv.history.append((question, result))


def with_ids_named(result: Answer, entities: Entities) -> Answer:
    """The sale and item the message names, kept in the answer's facts ("refuser la vente
    ... item 260402278, il fait comment ?"): a script acting on the answer needs them."""
    if result.intent in ("unknown", "greeting"):
        return result
    named = {
        key: value
        for key, value in (("item_id", entities.item_id), ("purchase_id", entities.purchase_id))
        if value and not result.facts.get(key)
    }
    return result.model_copy(update={"facts": {**result.facts, **named}}) if named else result
