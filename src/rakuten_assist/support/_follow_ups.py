"""Answers that only make sense with the conversation's memory.

A follow-up may be of any length: it is one when the message adds a carrier, a number or a
postcode to what was being discussed, refers back to the last answer, or settles the
question the engine asked, and asks nothing else of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rakuten_assist.support import answers as build
from rakuten_assist.support._entity_types import CarrierMention, Entities
from rakuten_assist.support._error_entry import ErrorEntry
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._number_talk import afresh, fits_spoken_carrier
from rakuten_assist.support._scope import ScopeCategory, out_of_scope, scope_category
from rakuten_assist.support._segments import focus
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.errors_catalogue import CATALOGUE, ErrorMatch
from rakuten_assist.support.intents import Intent, asks_what_link_needs, classify, keyword_score

__all__ = [
    "ACK",
    "ORDERS_FETCHED",
    "THANKS",
    "YES",
    "after_number_turn",
    "carriers_by_id",
    "follow_up",
    "scope_of",
    "settled_by_history",
]

_YES_WORDS = (
    r"(?:yes|yeah|yep|ok|okay|sure|please|go|go ahead|go on|please do|do it|let's do it|"
    r"oui|ouais|d'accord|dac|vas-y|vas y|allez-y|allez y|allez|volontiers|je veux bien|"
    r"avec plaisir|"
    r"c'est parti|stp|svp)"
)
# "oui", "ok vas-y", "yes please, go ahead": yes-words only, one or several ("ok merci" is
# thanks, not a yes).
YES = re.compile(
    rf"^\s*(?:ok\s+|oui\s+|yes\s+)?(?:yes|yeah|yep|ok|okay|sure|please|go|go ahead|oui|"
    rf"ouais|d'accord|dac|vas-y|vas y|allez-y|allez y|volontiers|je veux bien|c'est parti|"
    rf"please do|let's do it|oui merci|yes thanks)(?:[\s,]+{_YES_WORDS})*"
    # the step offered, named ("vas-y pour le lien", "yes, the link please")
    rf"(?:[\s,]+(?:pour |for )?(?:le |the )(?:lien|link)(?:[\s,]+{_YES_WORDS})?)?\s*[.!]*\s*$",
    re.IGNORECASE,
)
THANKS = re.compile(
    r"(?i)\b(thanks|thank\s+you|thx|cheers|merci|je\s+vous\s+remercie)\b",
)
_FOLLOW_UP = re.compile(r"^\s*(and|et|what about|how about|et pour|and for|et avec|and with)\b")
_ASKED_POSTCODE = re.compile(r"(?<![\w.,-])(\d{4,5})(?![\w-]|[.,]\d)")
_LINK_WORDS = re.compile(r"(?i)\b(lien|link|url|suivi|tracking|track)\b")
#: topics a short follow-up that refers back ("should I ship it?") stays in
_TOPIC_INTENTS = (
    "carrier_support",
    "login_help",
    "token_help",
    "sku_mapping",
    "test_order",
    "country_scope",
    "professional_account",
)
_MAX_FOLLOW_UP_WORDS = 12
#: one token of letters and digits (at least two digits), as a tracking number is typed
_LONE_TOKEN = re.compile(r"^(?=(?:[A-Za-z]*\d){2})[A-Za-z0-9]{6,35}$")
# Words by which a message refers back to what was just said: an object pronoun ("should I
# ship it?", "je dois l'expédier ?", "je la reconnais comment ?") or "instead" / "à la place".
_REFERS = re.compile(
    r"\b(?:it|it's|them|they|instead|which one|that one|this one|that carrier|this carrier|"
    r"what if|and if|et si)\b"
    r"|\b(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|dois|doit|faut|peux|peut|ne)\s+"
    r"(?:le|la|les|lui|leur|y|en)\b"
    r"|\bl'\w+(?:er|ir|re|e|es|ent)\b"
    r"|\b(?:ca|cela|celle-ci|celui-ci|celui-la|celle-la|ce transporteur|a la place|sinon)\b"
    # an object pronoun elided ("je l'ai régénéré"), both things just named ("les deux")
    r"|\b(?:je|tu|il|elle|on|nous|vous|ils|elles)\s+l'"
    r"|\b(?:les deux|tous les deux|toutes les deux|both|both of them)\b"
    # a verdict asked on what was just said ("c'est bon pour vous ?", "is that ok?")
    r"|\bc'est (?:bon|ok|possible|accepte|gere|pris)\b"
    r"|\b(?:is that|is this|would that be|would this be) (?:ok|okay|fine|alright|accepted)\b"
    # a subject pronoun of a thing just named ("il est accepté ?", "elle marche ?")
    r"|\b(?:il|elle|ils|elles)\s+(?:est|sont|marche|marchent|passe|passent|fonctionne|"
    r"fonctionnent)\b"
)
# A question word alone, asking more of the last answer ("pourquoi ?", "how so?").
_BARE_WHY = re.compile(
    r"^\s*(?:et\s+|and\s+|mais\s+|but\s+)?(?:pourquoi|pourquoi donc|pourquoi pas|why|why so|"
    r"why not|how so|"
    r"c'est a dire|ca veut dire|meaning|comment ca)\s*[?!.]*\s*$"
)
# A question on the error just explained, in the user's own words: whether something is its
# cause ("c'est pour ça ?", "is that why?"), or what goes in its place ("quel identifiant à
# la place ?", "which id belongs in that parameter?") (folded text)
_IS_THAT_WHY = re.compile(
    r"\bc'est (?:pour ca|ca le (?:souci|probleme)|(?:ca|la) la (?:cause|raison))\b|"
    r"\bca (?:vient|viendrait) de la\b|\bserait-ce\b|\bc'est la raison\b|"
    r"\bis (?:that|this) (?:why|the (?:reason|cause|problem|issue))\b|\bthat's why\b|"
    r"\bcould (?:that|this) be (?:it|why|the (?:reason|cause))\b|\bwould (?:that|this) explain\b"
)
_WHAT_INSTEAD = re.compile(
    r"\b(?:quel|quelle|quels|which|what)\b.*\b(?:a la place|instead)\b|"
    r"\b(?:that|this|ce|cet|le meme) (?:parameter|parametre|field|champ)\b"
)
# Words that keep the parcel while changing its carrier ("and with Chronopost instead?")
_SAME_PARCEL = re.compile(
    r"\b(?:avec|with|instead|a la place|plutot|rather|same parcel|meme colis|ce colis|"
    r"this parcel)\b"
)
# A number said to replace the one given before ("le bon numéro c'est ...", "wrong number,
# it's ...", "correct tracking is ...") (folded text)
_CORRECTED = re.compile(
    r"\b(?:le bon numero|le vrai numero|bon numero|pas l'autre|je me suis trompe|erreur de numero|"
    r"the right number|the correct number|correct tracking|wrong number|not the other one|"
    r"i meant|my mistake|sorry,? it's)\b"
)
# A message that goes on from the last answer ("ok, on met quel nom dans le champ
# transporteur ?"), unless it asks about carriers in general ("which carriers...").
_GOES_ON = re.compile(
    r"^\s*(?:ok|okay|d'accord|super|parfait|merci|thanks|great|alors|du coup|donc|so|and|et)\b"
)
#: the one carrier just found, said as such ("is that one on Rakuten's list?")
_JUST_ONE = re.compile(
    r"\b(?:that one|this one|that carrier|this carrier|celui-ci|celui-la|ce transporteur)\b"
)
_MANY_CARRIERS = re.compile(r"\b(?:transporteurs|carriers|quels|quelles|which ones|list|liste)\b")
ACK = re.compile(
    r"(?i)^\s*(ok|okay|d'accord|dac|super|parfait|cool|top|entendu|compris|noted|got it|i see|"
    r"je vois|understood|great|perfect)\s*[.!]*\s*$"
)
# A message about another shipment than the one just linked ("et pour un envoi en Mondial
# Relay ?"), not the same parcel under another carrier ("and with Chronopost instead?").
_ANOTHER_PARCEL = re.compile(
    r"\b(?:un envoi|une expedition|un colis|un autre|une autre|un nouveau|autre colis|"
    r"another|a parcel|a shipment|a package|other parcel|new parcel)\b"
)
# Words about orders being fetched or seen ("les commandes belges remontent ?", "are
# German orders retrieved?"), or orders asked of the tool ("vous gérez les commandes
# belges ?", "do you handle orders from Germany?"): a country question even beside a
# carrier's name (folded text).
ORDERS_FETCHED = re.compile(
    r"\b(?:remont\w*|recuper\w*|retriev\w*|fetch\w*|import\w*|recoi\w*|recev\w*|receiv\w*|"
    r"voi[st]|voyons|see|seen|appear\w*|apparai\w*|arriv\w*|filtr\w*|getnewsales|getcurrentsales)\b"
    r"|\b(?:vous|you|outil|tool|logiciel|software|app|bot)\b.*\b(?:commandes?|ventes?|orders?|sales?)\b"
)
#: intents whose answer is about one carrier (a follow-up may reuse it)
_CARRIER_INTENTS = ("carrier_support", "tracking_url", "detect_carrier")
#: answers of an aside, after which the carrier discussed before is still the topic: an
#: "I don't know" (out of scope or not understood) and courtesy
_ASIDES = ("unknown", "greeting")


def scope_of(text: str, entities: Entities) -> ScopeCategory | None:
    """The out-of-scope category asked about: another marketplace named (the carrier lookup
    says which names are marketplaces), or the words of a category."""
    if entities.marketplaces and not entities.carriers:
        return scope_category("other_marketplaces")
    category = out_of_scope(text, carriers_named=bool(entities.carriers))
    if category is not None and category.id == "carrier_advice" and len(entities.carriers) == 1:
        # "the best transporter name for Chronopost?": the registry answers; two carriers
        # compared ("Chronopost or Colissimo, which is better?") are advice
        return None
    return category


def follow_up(question: str, entities: Entities, lang: Lang, conv: Conversation) -> Answer | None:
    """Answers that only make sense with the conversation's memory.

    A follow-up may be of any length: it is one when the message adds a carrier, a number
    or a postcode to what was being discussed and asks nothing else of its own.
    """
    last = carriers_by_id(conv.carrier_ids) or _detected(conv)
    about_carrier = _about_carrier(conv)
    folded = fold(question)
    given = entities.postcode
    if conv.pending == "postcode" and given is None:
        # Asked for, a postcode may be any four or five digits of the reply ("it goes to
        # Brussels, 1050"): Belgium, Switzerland, Austria... have four.
        found = _ASKED_POSTCODE.search(question)
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
        and _FOLLOW_UP.match(folded)
        and len(folded.split()) <= _MAX_FOLLOW_UP_WORDS
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
    ):
        return _link(last[0], conv.number, None, lang, checked=True)
    # "the German one" after "which DPD?": the one candidate of that country.
    if conv.candidate_ids and entities.country and not (entities.carriers or entities.numbers):
        of_country = [
            mention
            for mention in carriers_by_id(conv.candidate_ids)
            if mention.carrier.countries == (entities.country,)
        ]
        if len(of_country) == 1 and len(folded.split()) <= _MAX_FOLLOW_UP_WORDS:
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
        _topic(conv)[1] == "error_explain"
        and conv.error_id
        and not entities.carriers
        and (
            _WHAT_INSTEAD.search(folded)
            or (_IS_THAT_WHY.search(folded) and own not in ("login_help", "token_help"))
        )
    ):
        entry = _remembered_error(conv)
        if entry is not None:
            return build.answer_error(ErrorMatch(entry, 0.0, "", {}), lang, question=question)
    if entities.error is not None or own not in (None, *_CARRIER_INTENTS):
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
        and _topic(conv)[1] == "error_explain"
        and conv.error_id
        and not entities.carriers
        and not entities.numbers
        and classify(question, entities)[0].intent in ("unknown", "greeting", "error_explain")
    ):
        entry = _remembered_error(conv)
        if entry is not None:
            return build.answer_error(ErrorMatch(entry, 0.0, "", {}), lang, question=question)
    # More about a bare code shared by several errors ("ParameterError", then "ça veut dire
    # quoi concrètement ?"): its whole message is still what is needed.
    code = _code_asked_about(conv)
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
            mention = _settle(ids, conv.number) or mention
        asks_support = keyword_score(question, "carrier_support") >= 1.0
        reuse = not asks_support and not mention.ambiguous
        after_number = conv.last_intent in ("tracking_url", "detect_carrier")
        if (
            conv.number
            and conv.last_intent == "tracking_url"
            and last
            and last[0].carrier.id != mention.carrier.id
            and _ANOTHER_PARCEL.search(folded)
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
                    and not _SAME_PARCEL.search(folded)
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
        ):
            # "and with Chronopost?" after a link, "it's Colissimo" after a detection:
            # the same parcel, the carrier now named (checked against its formats)
            return _link(mention, conv.number, postcode, lang, checked=False)
        if last and (own in (None, "carrier_support") or _FOLLOW_UP.match(folded)):
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
    if entities.numbers and not entities.carriers and _CORRECTED.search(folded):
        earlier = _earlier_carriers(conv)
        if len(earlier) == 1 and not earlier[0].ambiguous:
            return _link(earlier[0], entities.numbers[0], postcode, lang, checked=False)
    # A number after "which DPD?": the one candidate whose formats take it.
    if entities.numbers and not entities.carriers and conv.candidate_ids:
        settled = _settle(conv.candidate_ids, entities.numbers[0])
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
        and _LONE_TOKEN.match(token)
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
    if entities.numbers and not entities.carriers and last and about_carrier:
        number = entities.numbers[0]
        if own in (None, "tracking_url", "detect_carrier") and len(last) > 1:
            settled = _settle(conv.carrier_ids, number)
            if settled is not None:
                return _link(settled, number, postcode, lang, checked=True)
        elif own in (None, "tracking_url", "detect_carrier") and not last[0].ambiguous:
            return _link(last[0], number, postcode, lang, checked=False)
    # A postcode, or "the link?", for the carrier and number being discussed.
    if not entities.numbers and not entities.carriers and last and conv.number:
        wants_link = entities.postcode is not None or bool(_LINK_WORDS.search(question))
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
        and _LINK_WORDS.search(question)
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
        and (_REFERS.search(folded) or _GOES_ON.match(folded))
        and (not _MANY_CARRIERS.search(folded) or _JUST_ONE.search(folded))
    ):
        return build.answer_carriers(last, lang)
    # "what about for Belgium?" after the countries answer: "and for" with a word of the
    # same topic goes on with it.
    if (
        own is None
        and conv.last_intent in _TOPIC_INTENTS
        and conv.last_intent != "carrier_support"
        and not entities.carriers
        and not entities.numbers
        and _FOLLOW_UP.match(folded)
        and keyword_score(question, conv.last_intent) > 0
    ):
        return _out_of_scope_with(conv, question, entities, lang) or _same_topic(
            conv, question, entities, last, lang
        )
    # "should I ship it?" after the test-order answer: more about the same topic.
    if own is None and _continues(question, entities, conv):
        return _out_of_scope_with(conv, question, entities, lang) or _same_topic(
            conv, question, entities, last, lang
        )
    return None


def _out_of_scope_with(
    conv: Conversation, question: str, entities: Entities, lang: Lang
) -> Answer | None:
    """The honest "I don't know" for a follow-up that, read with the question before it,
    asks what the engine does not know ("where is my token?" then "does it expire?")."""
    previous = _topic(conv)[0]
    if previous is None:
        return None
    scope = scope_of(f"{previous} {question}", entities)
    return build.answer_out_of_scope(scope, lang) if scope is not None else None


def _about_carrier(conv: Conversation) -> bool:
    """Whether the conversation is about a carrier: the last answer was, or the last one
    before asides that named none ("Geodis ?" ... "au fait, l'abonnement coûte combien ?"
    ... "et le lien pour 1GKM48TZ20A7 ?" is Geodis's link)."""
    if conv.last_intent in _CARRIER_INTENTS:
        return True
    for _question, answer in reversed(conv.history):
        if answer.intent not in _ASIDES or answer.facts.get("carrier_ids"):
            return answer.intent in _CARRIER_INTENTS
    return False


def _remembered_error(conv: Conversation) -> ErrorEntry | None:
    """The catalogue entry of the error the conversation explained last, if any."""
    return next((e for e in CATALOGUE if e.id == conv.error_id), None)


def _earlier_carriers(conv: Conversation) -> list[CarrierMention]:
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


def _detected(conv: Conversation) -> list[CarrierMention]:
    """The one carrier the last detection found ("CD641903275BE" is bpost's), for "is that
    one on Rakuten's list?"; else none."""
    if conv.last_intent != "detect_carrier" or not conv.history:
        return []
    found = conv.history[-1][1].facts.get("candidate_ids") or []
    return carriers_by_id(found) if len(found) == 1 else []


def after_number_turn(conv: Conversation) -> bool:
    """Whether the last answer was about a tracking number (a link or a detection)."""
    return conv.last_intent in ("tracking_url", "detect_carrier") and conv.number is not None


def _topic(conv: Conversation) -> tuple[str | None, Intent | None]:
    """The question and intent of the turn the conversation is about: the last one, or the
    last before asides the engine could not answer ("is a pro account required?" ... "how
    much does it cost?" ... "where do I create it?" is about the pro account). A session
    read back from its file keeps no questions: its last intent only."""
    for question, answer in reversed(conv.history):
        if answer.intent not in _ASIDES:
            return question, answer.intent
    return None, None if conv.history else conv.last_intent


def _code_asked_about(conv: Conversation) -> str | None:
    """The bare error code the last answer asked the whole message of, if it did."""
    if conv.last_intent != "error_explain" or conv.error_id or not conv.history:
        return None
    code = conv.history[-1][1].facts.get("code")
    return str(code) if code else None


def _continues(question: str, entities: Entities, conv: Conversation) -> bool:
    """A short message that refers back to the last topic and asks nothing new."""
    if _topic(conv)[1] not in _TOPIC_INTENTS:
        return False
    if entities.carriers or entities.numbers:
        return False
    if THANKS.search(question) or ACK.match(question):
        return False
    folded = fold(question)
    if _BARE_WHY.match(folded):
        return True  # "pourquoi ?" alone asks more of what was just said
    return len(folded.split()) <= _MAX_FOLLOW_UP_WORDS and bool(_REFERS.search(folded))


def _same_topic(
    conv: Conversation,
    question: str,
    entities: Entities,
    last: list[CarrierMention],
    lang: Lang,
) -> Answer | None:
    """The last topic answered again, with what this message adds."""
    topic = _topic(conv)[1]
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


def _settle(candidate_ids: Sequence[str], number: str) -> CarrierMention | None:
    """The one candidate carrier a number proves its own, if exactly one."""
    fitting = [
        mention
        for mention in carriers_by_id(candidate_ids)
        if fits_spoken_carrier(mention.carrier, number)
    ]
    return fitting[0] if len(fitting) == 1 else None


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
