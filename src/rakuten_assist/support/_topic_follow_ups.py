"""A follow-up that goes on with the last topic: "should I ship it?" after the test order."""

from __future__ import annotations

from rakuten_assist.support import answers as build
from rakuten_assist.support._conversation_memory import current_topic
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._follow_up_words import (
    ACK,
    BARE_WHY,
    MAX_FOLLOW_UP_WORDS,
    REFERS,
    THANKS,
    WH_MAX_WORDS,
    WH_OPENING,
)
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._scope import scope_of
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation

__all__ = ["TOPIC_INTENTS", "continues", "out_of_scope_with", "same_topic"]

#: topics a short follow-up that refers back ("should I ship it?") stays in
TOPIC_INTENTS = (
    "carrier_support",
    "login_help",
    "token_help",
    "sku_mapping",
    "test_order",
    "country_scope",
    "professional_account",
)


def out_of_scope_with(
    conv: Conversation, question: str, entities: Entities, lang: Lang
) -> Answer | None:
    """The honest "I don't know" for a follow-up that, read with the question before it,
    asks what the engine does not know ("where is my token?" then "does it expire?")."""
    previous = current_topic(conv)[0]
    if previous is None:
        return None
    scope = scope_of(f"{previous} {question}", entities)
    return build.answer_out_of_scope(scope, lang) if scope is not None else None


def continues(question: str, entities: Entities, conv: Conversation) -> bool:
    """A short message that refers back to the last topic and asks nothing new."""
    if current_topic(conv)[1] not in TOPIC_INTENTS:
        return False
    if entities.carriers or entities.numbers:
        return False
    if THANKS.search(question) or ACK.match(question):
        return False
    folded = fold(question)
    if BARE_WHY.match(folded):
        return True  # "pourquoi ?" alone asks more of what was just said
    if len(folded.split()) <= WH_MAX_WORDS and WH_OPENING.match(folded):
        return True  # "who do we ask exactly?": more of what was just said
    return len(folded.split()) <= MAX_FOLLOW_UP_WORDS and bool(REFERS.search(folded))


def same_topic(
    conv: Conversation,
    question: str,
    entities: Entities,
    last: list[CarrierMention],
    lang: Lang,
) -> Answer | None:
    """The last topic answered again, with what this message adds."""
    topic = current_topic(conv)[1]
    if topic == "carrier_support":
        # "et si le mien n'est pas dans la liste ?" after the rules: the rules say it
        return build.answer_carriers(last, lang) if last else build.answer_carrier_rules(lang)
    simple = {
        "login_help": lambda: build.answer_login(lang, emails=entities.emails),
        "token_help": lambda: build.answer_token(lang, question=question),
        "sku_mapping": lambda: build.answer_sku(lang),
        "test_order": lambda: build.answer_test_order(lang),
        "country_scope": lambda: build.answer_countries(lang),
        "professional_account": lambda: build.answer_professional(lang),
    }
    make = simple.get(topic or "")
    return make() if make is not None else None
