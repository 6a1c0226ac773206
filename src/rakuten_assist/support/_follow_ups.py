"""Answers that only make sense with the conversation's memory.

A follow-up may be of any length: it is one when the message adds a carrier, a number or a
postcode to what was being discussed, refers back to the last answer, or settles the
question the engine asked, and asks nothing else of its own.
"""

from __future__ import annotations

import re

from rakuten_assist.support import answers as build
from rakuten_assist.support._conversation_memory import (
    CARRIER_INTENTS,
    after_number_turn,
    carriers_by_id,
    code_asked_about,
    current_topic,
    detected_carriers,
    earlier_carriers,
    is_about_carrier,
    remembered_error,
    settle,
)
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._follow_up_words import (
    ACK,
    ANOTHER_PARCEL,
    ASKED_POSTCODE,
    CORRECTED,
    FOLLOW_UP,
    GOES_ON,
    IS_THAT_WHY,
    JUST_ONE,
    LINK_WORDS,
    LONE_TOKEN,
    MANY_CARRIERS,
    MAX_FOLLOW_UP_WORDS,
    ORDERS_FETCHED,
    OTHER_SHIPMENTS,
    RAKUTEN_NAME,
    REFERS,
    SAME_PARCEL,
    THANKS,
    WHAT_INSTEAD,
    YES,
)
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._number_talk import afresh, fits_spoken_carrier
from rakuten_assist.support._scope import scope_of
from rakuten_assist.support._segments import focus, sentences
from rakuten_assist.support._topic_follow_ups import (
    TOPIC_INTENTS,
    continues,
    out_of_scope_with,
    same_topic,
)
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.errors_catalogue import ErrorMatch
from rakuten_assist.support.intents import Intent, asks_what_link_needs, classify, keyword_score
from rakuten_assist.support.reference_facts import ReferenceFact, fact_for

__all__ = ["follow_up", "reply_after_background"]

#: something asked while the postcode is being looked for (folded text)
_MEANWHILE = re.compile(
    r"\b(?:meanwhile|in the meantime|while (?:he|she|they|we) (?:looks?|search)|en attendant|"
    r"entre temps|entretemps|pendant ce temps|pendant qu'(?:il|elle|ils|on) cherche)"
)


def follow_up(question: str, entities: Entities, lang: Lang, conv: Conversation) -> Answer | None:
    """Answers that only make sense with the conversation's memory.

    A follow-up may be of any length: it is one when the message adds a carrier, a number
    or a postcode to what was being discussed and asks nothing else of its own.
    """
    last = carriers_by_id(conv.carrier_ids) or detected_carriers(conv)
    about_carrier = is_about_carrier(conv)
    folded = fold(question)
    given = entities.postcode
    if conv.pending == "postcode" and given is None:
        # Asked for, a postcode may be any four or five digits of the reply ("it goes to
        # Brussels, 1050"): Belgium, Switzerland, Austria... have four.
        found = ASKED_POSTCODE.search(question)
        given = found.group(1) if found else None
    # The postcode the engine asked for, whatever else the reply says ("le client est en
    # Belgique, code 1000" is no question about countries).
    if (
        given
        and conv.pending == "postcode"
        and last
        and conv.number
        and not entities.numbers
        and entities.error is None
    ):
        return _link(last[0], conv.number, given, lang, checked=True, country=entities.country)
    # Thanks that ask nothing and add nothing ("thanks, that works") close the topic.
    if (
        THANKS.search(question)
        and "?" not in question
        and not (entities.carriers or entities.numbers or given or entities.error)
    ):
        return None
    own = _own_intent(question, entities)
    # "et pour la Belgique ?" after one carrier's answer: the same carrier, for buyers of
    # that country (Rakuten has no country filter: the carrier's answer holds for them).
    if (
        conv.last_intent == "carrier_support"
        and len(last) == 1
        and not last[0].ambiguous
        and entities.country is not None
        and not entities.carriers
        and not entities.numbers
        and own in (None, "country_scope", "carrier_support")
        and FOLLOW_UP.match(folded)
        and len(folded.split()) <= MAX_FOLLOW_UP_WORDS
        and not ORDERS_FETCHED.search(folded)
    ):
        return build.answer_carriers(last, lang)
    # While the postcode is awaited, a reply that gives none but speaks of where the parcel
    # goes ("c'est pour un client en Belgique") is asked it again, the parcel kept.
    if (
        conv.pending == "postcode"
        and given is None
        and last
        and conv.number
        and own in (None, "country_scope", "tracking_url")
        and not (entities.numbers or entities.carriers or entities.error)
        and not (THANKS.search(question) or ACK.match(question))
        and scope_of(question, entities) is None
        # "il cherche le code postal. en attendant, il demande si...": asked meanwhile
        and not _MEANWHILE.search(folded)
        and not (own == "country_scope" and ORDERS_FETCHED.search(folded))
    ):
        return _link(last[0], conv.number, None, lang, checked=True)
    # "the German one" after "which DPD?": the one candidate of that country.
    if conv.candidate_ids and entities.country and not (entities.carriers or entities.numbers):
        of_country = [
            mention
            for mention in carriers_by_id(conv.candidate_ids)
            if mention.carrier.countries == (entities.country,)
        ]
        if len(of_country) == 1 and len(folded.split()) <= MAX_FOLLOW_UP_WORDS:
            if conv.number:
                return _link(
                    of_country[0], conv.number, given or conv.postcode, lang, checked=False
                )
            return build.answer_carriers(of_country, lang)
    # After an error explained, a check of its cause or a question on its fix in the user's
    # own words ("on avait mis le numéro de commande, c'est pour ça ?", "which id belongs in
    # that parameter?"): the same error's cause and fix, whatever the words name.
    # A cause the login or token answers hold ("j'ai mis mon adresse mail comme login, c'est
    # pour ça ?", "they regenerated the token, could that be it?") is theirs to answer.
    if (
        current_topic(conv)[1] == "error_explain"
        and conv.error_id
        and not entities.carriers
        and (
            WHAT_INSTEAD.search(folded)
            or (IS_THAT_WHY.search(folded) and own not in ("login_help", "token_help"))
        )
    ):
        entry = remembered_error(conv)
        if entry is not None:
            return build.answer_error(ErrorMatch(entry, 0.0, "", {}), lang, question=question)
    if entities.error is not None or own not in (None, *CARRIER_INTENTS):
        return None
    if scope_of(question, entities) is not None:
        return None
    # More about the error just explained ("how long does it last?"), also across an aside
    # the engine could not answer ("what is the exact hourly limit?" then "does it unblock
    # by itself?"); thanks are no question, nor is a message whose whole words ask
    # something else ("the login hasn't changed, so it must be the token. Where do they
    # copy a fresh one?").
    if (
        own is None
        and not (THANKS.search(question) or ACK.match(question))
        and current_topic(conv)[1] == "error_explain"
        and conv.error_id
        and not entities.carriers
        and not entities.numbers
        # another tool named ("would Lengow handle this better?") is an aside about it
        and not entities.platforms
        # a fact of the reference asked ("the difference between the order number and the
        # itemid?") is its own question (not one nobody documents: "we only poll every 15
        # minutes, why?" is still about the quota error)
        and _documented_fact(question) is None
        and classify(question, entities)[0].intent in ("unknown", "greeting", "error_explain")
    ):
        entry = remembered_error(conv)
        if entry is not None:
            return build.answer_error(ErrorMatch(entry, 0.0, "", {}), lang, question=question)
    # More about a bare code shared by several errors ("ParameterError", then "ça veut dire
    # quoi concrètement ?"): its whole message is still what is needed.
    code = code_asked_about(conv)
    if (
        own is None
        and code is not None
        and not (THANKS.search(question) or ACK.match(question))
        and not entities.carriers
        and not entities.numbers
    ):
        return build.answer_error_code(code, lang)
    postcode = given or conv.postcode
    # The postcode the engine asked for; "yes" alone asks for it again.
    if conv.pending == "postcode" and last and conv.number and not entities.numbers:
        if YES.match(question):
            return _link(last[0], conv.number, given, lang, checked=True)
    # A new carrier for the same question ("and DPD?", "et avec chronopost alors ?").
    if entities.carriers and not entities.numbers and about_carrier and (last or conv.number):
        mention = entities.carriers[0]
        if mention.ambiguous and conv.number:
            # "c'est du DPD" after a number was detected: the DPD its formats take
            ids = [candidate.id for candidate in mention.candidates]
            mention = settle(ids, conv.number) or mention
        asks_support = keyword_score(question, "carrier_support") >= 1.0
        reuse = not asks_support and not mention.ambiguous
        after_number = conv.last_intent in ("tracking_url", "detect_carrier")
        if (
            conv.number
            and conv.last_intent == "tracking_url"
            and last
            and last[0].carrier.id != mention.carrier.id
            and ANOTHER_PARCEL.search(folded)
            and not fits_spoken_carrier(mention.carrier, conv.number)
        ):
            # "and for a Mondial Relay parcel?" after a Chronopost link: another parcel,
            # whose number is asked for; the remembered one is refused by its formats.
            return build.answer_ask_number(mention, lang)
        # A carrier named after one that gives no link ("Heppner" ... "et Geodis alors ?"),
        # whose formats refuse the parcel's number: another carrier to ship with, asked
        # about; not the same parcel.
        # The same for a carrier named after a link the number proved ("Royal Mail" link...
        # "and Evri?"), unless the same parcel is said ("and with Chronopost instead?").
        alternative = bool(
            last
            and conv.number
            and not fits_spoken_carrier(mention.carrier, conv.number)
            and (
                not last[0].carrier.has_url
                or (
                    fits_spoken_carrier(last[0].carrier, conv.number)
                    and not SAME_PARCEL.search(folded)
                )
            )
        )
        # Thanks close the parcel just linked: "merci ! et pour Yodel ?" asks about Yodel.
        if (
            conv.number
            and after_number
            and reuse
            and not alternative
            and not THANKS.search(question)
            and not OTHER_SHIPMENTS.search(folded)
        ):
            # "and with Chronopost?" after a link, "it's Colissimo" after a detection:
            # the same parcel, the carrier now named (checked against its formats)
            return _link(mention, conv.number, postcode, lang, checked=False)
        if last and (own in (None, "carrier_support") or FOLLOW_UP.match(folded)):
            return build.answer_carriers(entities.carriers, lang)
    # A carrier and its own number after a link ("another parcel goes by Colissimo for this
    # order: 87000123456789"): the number said now, never the remembered one, gets its link.
    if entities.carriers and entities.numbers and after_number_turn(conv):
        mention = entities.carriers[0]
        number = entities.numbers[0]
        if not mention.ambiguous and fits_spoken_carrier(mention.carrier, number):
            return _link(mention, number, postcode, lang, checked=True)
    # "le bon numéro c'est 6A33502867147, pas l'autre": the corrected number of the parcel
    # discussed before, whatever came between, for its carrier.
    if entities.numbers and not entities.carriers and CORRECTED.search(folded):
        earlier = earlier_carriers(conv)
        if len(earlier) == 1 and not earlier[0].ambiguous:
            return _link(earlier[0], entities.numbers[0], postcode, lang, checked=False)
    # A number after "which DPD?": the one candidate whose formats take it.
    if entities.numbers and not entities.carriers and conv.candidate_ids:
        settled = settle(conv.candidate_ids, entities.numbers[0])
        if settled is not None:
            return _link(settled, entities.numbers[0], postcode, lang, checked=True)
    # The number asked for, typed alone, in a shape the number finder does not take on its
    # own ("1GTR58CD21KM" after "which GEODIS number?"): the carrier's own formats take it.
    token = question.strip()
    if (
        not entities.numbers
        and len(last) == 1
        and conv.last_intent == "tracking_url"
        and conv.number is None
        and LONE_TOKEN.match(token)
        and fits_spoken_carrier(last[0].carrier, token.upper())
    ):
        return _link(last[0], token.upper(), postcode, lang, checked=True)
    # Another number after a detection ("and that one? CY204561871BE"): detected too.
    if (
        entities.numbers
        and not entities.carriers
        and conv.last_intent == "detect_carrier"
        and own in (None, "detect_carrier")
        and entities.numbers[0] != conv.number
    ):
        return build.answer_detect(entities.numbers[0], lang)
    # A number after a carrier answer: checked against that carrier's formats first; after
    # an answer about several carriers, the one whose formats take it.
    # (its link asked for a number the carrier discussed earlier takes: "CC48… c'est le
    # numéro, le lien ?" after a Relais Colis error)
    if (
        entities.numbers
        and not entities.carriers
        and last
        and (
            about_carrier
            or (
                own in ("tracking_url", "detect_carrier")
                and bool(LINK_WORDS.search(question))
                and len(last) == 1
                and fits_spoken_carrier(last[0].carrier, entities.numbers[0])
            )
        )
    ):
        number = entities.numbers[0]
        if own == "detect_carrier" and _ASKS_WHOSE.search(folded):
            # "un client nous a renvoyé ce numéro 6L…, c'est quel transporteur ?": whose
            # number it is, asked; not the link of the carrier discussed before
            return build.answer_detect(number, lang)
        if own in (None, "tracking_url", "detect_carrier") and len(last) > 1:
            settled = settle(conv.carrier_ids, number)
            if settled is not None:
                return _link(settled, number, postcode, lang, checked=True)
        elif own in (None, "tracking_url", "detect_carrier") and not last[0].ambiguous:
            return _link(last[0], number, postcode, lang, checked=False)
    # A postcode, or "the link?", for the carrier and number being discussed.
    if not entities.numbers and not entities.carriers and last and conv.number:
        wants_link = entities.postcode is not None or bool(LINK_WORDS.search(question))
        if about_carrier and wants_link and own in (None, "tracking_url"):
            return _link(last[0], conv.number, postcode, lang, checked=False)
    # "et le code postal, il faut le mettre dans le lien ?" after a carrier answer: what
    # that carrier's link needs is in its facts.
    if (
        own in (None, "tracking_url", "carrier_support")
        and about_carrier
        and last
        and not entities.carriers
        and not last[0].ambiguous
        and LINK_WORDS.search(question)
        and asks_what_link_needs(question, entities)
    ):
        return build.answer_carriers(last, lang)
    # "what do I need for the link then?" after a carrier answer, no number yet: that
    # carrier's link, asking for the number.
    if (
        own == "tracking_url"
        and about_carrier
        and last
        and not conv.number
        and not entities.carriers
        and not entities.numbers
        and not last[0].ambiguous
    ):
        return build.answer_ask_number(last[0], lang)
    # "is that one supported?" after a carrier was found: the same carrier.
    if (
        own in (None, "carrier_support")
        and last
        and about_carrier
        and not entities.carriers
        and not entities.unknown_carriers
        and keyword_score(question, "carrier_support") >= 1.0
        and (REFERS.search(folded) or GOES_ON.match(folded))
        and (not MANY_CARRIERS.search(folded) or JUST_ONE.search(folded))
    ):
        return build.answer_carriers(last, lang)
    # "le nom à mettre chez Rakuten c'est quoi ?" after one carrier's link or answer: that
    # carrier's Rakuten name, not the general rules
    if (
        # "so what carrier name does he put?" reads as "which carrier" by its words
        own in (None, "carrier_support", "detect_carrier")
        and about_carrier
        and len(last) == 1
        and not last[0].ambiguous
        and not entities.carriers
        and not entities.unknown_carriers
        and not entities.numbers
        and RAKUTEN_NAME.search(folded)
    ):
        return build.answer_carriers(last, lang)
    # "what about for Belgium?" after the countries answer: "and for" with a word of the
    # same topic goes on with it.
    if (
        own is None
        and conv.last_intent in TOPIC_INTENTS
        and conv.last_intent != "carrier_support"
        and not entities.carriers
        and not entities.numbers
        and FOLLOW_UP.match(folded)
        and keyword_score(question, conv.last_intent) > 0
    ):
        return out_of_scope_with(conv, question, entities, lang) or same_topic(
            conv, question, entities, last, lang
        )
    # "should I ship it?" after the test-order answer: more about the same topic.
    if own is None and continues(question, entities, conv):
        return out_of_scope_with(conv, question, entities, lang) or same_topic(
            conv, question, entities, last, lang
        )
    return None


def _documented_fact(question: str) -> ReferenceFact | None:
    """The reference fact ``question`` asks for, when the reference answers it."""
    fact = fact_for(question)
    return fact if fact is not None and fact.intent != "unknown" else None


#: the carrier of a number asked for ("c'est quel transporteur ?", "whose number is that?")
_ASKS_WHOSE = re.compile(
    r"\b(?:quel transporteur|c'?est quel|c est quel|c'?est lequel|c est lequel|c'?est qui|"
    r"which carrier|what carrier|whose (?:number|parcel|tracking)|who (?:is|'s) (?:it|that))\b"
)


def _own_intent(question: str, entities: Entities) -> Intent | None:
    """What the message asks by its own words, when they are confident; else None."""
    ranked = classify(focus(question), entities)
    top = ranked[0].intent
    return None if top in ("unknown", "greeting") else top


def _link(
    mention: CarrierMention,
    number: str,
    postcode: str | None,
    lang: Lang,
    *,
    checked: bool,
    country: str | None = None,
) -> Answer:
    """The link for a carrier remembered or named and a number, never for a carrier whose
    formats refuse the number (or that has none to check it): then it is detected afresh.
    """
    if not checked and not fits_spoken_carrier(mention.carrier, number):
        return afresh(number, mention.carrier, postcode, lang)
    return build.answer_tracking_url(
        mention, lang, number=number, postcode=postcode, country=country
    )


def reply_after_background(question: str) -> str:
    """The last sentence of a conversation's message when the sentences before it only tell
    background ("Je reprends le dossier d'une collègue. oui", "On vend des meubles. et on
    doit l'expédier ?"): no question, nothing a follow-up would use (carrier, number,
    postcode, country, ids, error, e-mail, name, status), no word of a topic. Else the
    message itself."""
    from rakuten_assist.support._entities import extract_entities

    parts = sentences(question)
    if len(parts) < 2:
        return question
    told = " ".join(parts[:-1])
    if "?" in told:
        return question
    found = extract_entities(told)
    if (
        found.carriers
        or found.numbers
        or found.emails
        or found.postcode
        or found.country
        or found.item_id
        or found.purchase_id
        or found.error is not None
        or found.error_code
        or found.unknown_carriers
        or found.platforms
        or found.marketplaces
        or found.statuses
        # words of a topic tell what the reply is about ("the login hasn't changed, so it
        # has to be the token. where is a fresh one?")
        or classify(told, found)[0].intent != "unknown"
    ):
        return question
    return parts[-1]
