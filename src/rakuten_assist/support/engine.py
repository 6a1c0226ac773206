"""The support brain: one question in, one Answer out, with a conversation's memory.

``Engine`` is the small protocol front ends depend on, so another brain can be plugged in.
``SupportEngine`` is deterministic: entities, then intent scores, then an answer builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, runtime_checkable

from rakuten_assist.models import OrderLine
from rakuten_assist.support import answers as build
from rakuten_assist.support._carrier_answers import number_fits, set_aside_key
from rakuten_assist.support._entities import CarrierMention, Entities, extract_entities
from rakuten_assist.support._lang import Lang, detect_language, fold
from rakuten_assist.support._scope import ScopeCategory, out_of_scope, scope_category
from rakuten_assist.support._segments import focus, focus_with_context, questions
from rakuten_assist.support._texts import say
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.errors_catalogue import (
    CATALOGUE,
    ErrorMatch,
    entry_for_topic,
    normalise_error_text,
)
from rakuten_assist.support.intents import INTENTS, Intent, classify, keyword_score
from rakuten_assist.support.orders import answer_ask_order_id, answer_order_status

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.carriers import Candidate, Carrier

__all__ = ["Conversation", "Engine", "SupportEngine"]

_YES = re.compile(
    r"^\s*(yes|yeah|yep|ok|okay|sure|please|go|oui|ouais|d'accord|dac|vas-y|volontiers|"
    r"oui merci|yes please|oui stp|oui svp)\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "what next?": the offered next step, as a "yes" runs it.
_NEXT = re.compile(
    r"(?i)^\s*(?:ok|okay|d'accord|bon|super|parfait|merci|thanks)?[\s,]*(?:et\s+)?"
    r"(?:ensuite|apres|après|la suite|suivant|l'etape suivante|l'étape suivante|next|"
    r"what'?s next|and then|then what|next step)\s*[?.!]*\s*$"
)
# "no" to an offered next step: acknowledged, nothing run.
_NO = re.compile(r"(?i)^\s*(no|nope|non|pas besoin|no need|not now|pas maintenant)\s*[.!]*\s*$")
_THANKS = re.compile(
    r"(?i)\b(thanks|thank\s+you|thx|cheers|merci|je\s+vous\s+remercie)\b",
)
_FOLLOW_UP = re.compile(r"^\s*(and|et|what about|how about|et pour|and for|et avec|and with)\b")
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
#: how much of an error message's start tells that the whole message was pasted
_OPENING = 16
# Words by which a message refers back to what was just said: an object pronoun ("should I
# ship it?", "je dois l'expédier ?", "je la reconnais comment ?") or "instead" / "à la place".
_REFERS = re.compile(
    r"\b(?:it|it's|them|instead|which one|that one|this one|what if)\b"
    r"|\b(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|dois|doit|faut|peux|peut|ne)\s+"
    r"(?:le|la|les|lui|leur|y|en)\b"
    r"|\bl'\w+(?:er|ir|re|e|es|ent)\b"
    r"|\b(?:ca|cela|celle-ci|celui-ci|a la place|sinon)\b"
)
_ACK = re.compile(
    r"(?i)^\s*(ok|okay|d'accord|dac|super|parfait|cool|top|entendu|compris|noted|got it|i see|"
    r"je vois|understood|great|perfect)\s*[.!]*\s*$"
)
#: intents whose answer is about one carrier (a follow-up may reuse it)
_CARRIER_INTENTS = ("carrier_support", "tracking_url", "detect_carrier")


@dataclass
class Conversation:
    """What a multi-turn conversation remembers between questions.

    Attributes:
        lang: the language of the conversation so far (answers follow the last signal).
        last_intent: the intent of the previous answer.
        carrier_ids: the carriers of the previous carrier answer.
        candidate_ids: the carriers a name could mean when the last answer asked which one.
        number: the last tracking number asked about.
        postcode: the last delivery postcode given.
        error_id: the error catalogue entry explained last.
        pending: a question the engine asked and waits an answer for (``"postcode"``).
        next_step: the question a "yes" / "oui" would run (the first suggestion).
        history: every (question, answer) so far.
    """

    lang: Lang | None = None
    last_intent: Intent | None = None
    carrier_ids: list[str] = field(default_factory=list)
    candidate_ids: list[str] = field(default_factory=list)
    number: str | None = None
    postcode: str | None = None
    error_id: str | None = None
    pending: Literal["postcode"] | None = None
    next_step: str | None = None
    history: list[tuple[str, Answer]] = field(default_factory=list)

    #: what a session file keeps: the memory, never the questions (a token may be pasted in
    #: one) nor the answers
    _SAVED: ClassVar[tuple[str, ...]] = (
        "lang",
        "last_intent",
        "carrier_ids",
        "candidate_ids",
        "number",
        "postcode",
        "error_id",
        "pending",
        "next_step",
    )

    def to_json(self) -> dict[str, Any]:
        """The memory as JSON-able data, for ``ask --session FILE`` (no question, no token)."""
        return {"version": 1, **{name: getattr(self, name) for name in self._SAVED}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Conversation:
        """The memory saved by :meth:`to_json`; unknown or malformed values are dropped."""
        conv = cls()
        lang = data.get("lang")
        if isinstance(lang, str) and lang.isalpha() and len(lang) <= 8:
            conv.lang = lang
        if data.get("last_intent") in INTENTS:
            conv.last_intent = data["last_intent"]
        for name in ("carrier_ids", "candidate_ids"):
            ids = data.get(name)
            if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
                setattr(conv, name, list(ids))
        for name in ("number", "postcode", "error_id", "next_step"):
            value = data.get(name)
            if isinstance(value, str) and len(value) <= 200:
                setattr(conv, name, value)
        if data.get("pending") == "postcode":
            conv.pending = "postcode"
        return conv


#: a detection this sure, with its check digit right, names the carrier by itself
_PROVEN = 0.9
_MARGIN = 0.1


def _proven(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate the number itself proves: check digit right, very likely, well ahead."""
    if not candidates or not candidates[0].checksum or candidates[0].confidence < _PROVEN:
        return None
    if len(candidates) > 1 and candidates[1].confidence > candidates[0].confidence - _MARGIN:
        return None
    return candidates[0]


def _proven_other(number: str, carrier: Carrier) -> bool:
    """Whether the number's own check digit proves a carrier other than ``carrier``."""
    from rakuten_assist.carriers import detect_carrier

    proven = _proven([c for c in detect_carrier(number) if c.carrier.id != carrier.id])
    return proven is not None


def fits_spoken_carrier(carrier: Carrier, number: str) -> bool:
    """Whether a number sent after speaking of ``carrier`` is taken as that carrier's.

    Its formats must accept it (a carrier without formats cannot vouch for it), and no other
    carrier may be proven by the number itself (a GB S10 check digit is Royal Mail's, even if
    Chronopost's catch-all S10 shape accepts it).
    """
    from rakuten_assist.carriers import detect_carrier

    if number_fits(carrier, number) is not True:
        return False
    proven = _proven(detect_carrier(number))
    return proven is None or proven.carrier.id == carrier.id


def _afresh(number: str, refused: Carrier, postcode: str | None, lang: Lang) -> Answer:
    """A number the carrier spoken of does not take, detected afresh: the carrier the number
    proves gets its link (saying the first carrier was set aside); otherwise the candidates,
    never the carrier set aside."""
    from rakuten_assist.carriers import detect_carrier

    candidates = [c for c in detect_carrier(number) if c.carrier.id != refused.id]
    proven = _proven(candidates)
    if proven is not None:
        carrier = proven.carrier
        mention = CarrierMention(text=carrier.name, carrier=carrier, score=100.0)
        answer = build.answer_tracking_url(mention, lang, number=number, postcode=postcode)
        note = say(set_aside_key(refused, number), lang, name=refused.name, number=number)
        return answer.model_copy(
            update={
                "text": f"{note}\n\n{answer.text}",
                "facts": {**answer.facts, "refused_carrier": refused.id},
            }
        )
    return build.answer_detect(number, lang, refused=refused)


@runtime_checkable
class Engine(Protocol):
    """What a front end needs from a support brain."""

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        """Answer one question, updating ``conversation`` when one is given."""
        ...


class SupportEngine:
    """The deterministic support engine: registry, error catalogue and setup checklist.

    Args:
        client: a connected client, used only for ``order_status`` questions.
        client_factory: called once, on the first ``order_status`` question that needs
            Rakuten, to open the client; other questions never open a connection.
        orders: open order lines to answer ``order_status`` from (no call made).
        lang: answer always in this language instead of following the user.
        default_lang: the language when a question gives no clue (a bare tracking number).
    """

    def __init__(
        self,
        *,
        client: RakutenClient | None = None,
        client_factory: Callable[[], RakutenClient] | None = None,
        orders: Sequence[OrderLine] | None = None,
        lang: Lang | None = None,
        default_lang: Lang = "en",
    ) -> None:
        self.client = client
        self._client_factory = client_factory
        self._orders: list[OrderLine] | None = list(orders) if orders is not None else None
        self.lang = lang
        self.default_lang = default_lang

    # --- public --------------------------------------------------------------------------

    def answer(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        lang: Lang | None = None,
    ) -> Answer:
        """Answer one question in the user's language, with facts and sources.

        Args:
            question: the user's words, as typed or pasted.
            conversation: the conversation to read context from and update.
            lang: force the answer's language for this question.
        """
        conv = conversation if conversation is not None else Conversation()
        reply_lang = ""
        # While a postcode is awaited, "yes" is no postcode: only one the user types is used.
        asks_next = bool(_YES.match(question) or _NEXT.match(question))
        if asks_next and conv.next_step and conv.pending != "postcode":
            # the offered step, in the language of this reply when it says one ("oui")
            reply_lang = detect_language(question, default="")
            question = conv.next_step
        elif _NO.match(question) and conv.last_intent is not None:
            said = detect_language(question, default=conv.lang or self.default_lang)
            declined = build.answer_thanks(lang or self.lang or said)
            self._remember(conv, question, extract_entities(question), declined)
            return declined
        entities = extract_entities(question)
        default = conv.lang or self._entity_lang(question, entities) or self.default_lang
        answer_lang = (
            lang or self.lang or reply_lang or detect_language(entities.residue, default=default)
        )
        several = self._several(question, answer_lang, conv)
        result = several or self._dispatch(question, entities, answer_lang, conv)
        if entities.secret_pasted:
            result = self._warn_secret(result, answer_lang)
        self._remember(conv, question, entities, result)
        return result

    @staticmethod
    def _warn_secret(result: Answer, lang: Lang) -> Answer:
        """Put the "never paste a token" warning first; the value itself is never repeated."""
        if result.intent in ("unknown", "greeting", "detect_carrier"):
            result = build.answer_token(lang)
        warning = say("token.secret_pasted", lang)
        return result.model_copy(
            update={
                "text": f"{warning}\n\n{result.text}",
                "facts": {**result.facts, "secret_pasted": True},
            }
        )

    # --- dispatch ------------------------------------------------------------------------

    @staticmethod
    def _entity_lang(question: str, entities: Entities) -> Lang | None:
        """The language of a pasted error, for when the user's own words say nothing."""
        if entities.error is None:
            return None
        entry = entities.error.entry
        # The whole message as Rakuten shows it starts in the entry's language ("Statut
        # incorrect : the item..."); a part of it is in the language of its own words.
        opening = normalise_error_text(entry.message)[:_OPENING]
        if opening and opening in normalise_error_text(question):
            return entry.lang
        return detect_language(question, default=entry.lang)

    def _several(self, question: str, lang: Lang, conv: Conversation) -> Answer | None:
        """One answer per question when a message asks several different things, in order."""
        asked = questions(question)
        if len(asked) < 2:
            return None
        parts: list[Answer] = []
        for one in asked:
            part = self._dispatch(one, extract_entities(one), lang, conv)
            if part.intent == "greeting" or (
                part.intent == "unknown" and "out_of_scope" not in part.facts
            ):
                continue
            parts.append(part)
        if len({part.intent for part in parts}) < 2:
            return None  # one thing asked several ways: the whole message answers it
        first = parts[0]
        return first.model_copy(
            update={
                "parts": parts,
                "suggestions": [s for part in parts for s in part.suggestions][:3],
                "sources": list(dict.fromkeys(s for part in parts for s in part.sources)),
            }
        )

    def _dispatch(
        self, question: str, entities: Entities, lang: Lang, conv: Conversation
    ) -> Answer:
        follow = self._follow_up(question, entities, lang, conv)
        if follow is not None:
            return follow
        asked = focus(question)
        if entities.error is None:
            scope = self._scope(entities.residue if asked == question else asked, entities)
            if scope is not None and not (entities.carriers and entities.numbers):
                return build.answer_out_of_scope(scope, lang)
        ranked = classify(asked, entities)
        if asked != question:
            own = extract_entities(asked)
            if own.carriers or own.numbers:
                entities = self._focused(own, entities)
                ranked = classify(asked, entities)
            else:
                # Carriers and numbers of the background do not decide what the question
                # asks; they still fill the answer.
                bare = replace(entities, carriers=[], numbers=[], unknown_carriers=[])
                alone = classify(asked, bare)
                if alone[0].intent != "unknown":
                    ranked = alone
        if asked != question and ranked[0].intent == "unknown" and entities.error is None:
            ranked = classify(focus_with_context(question), entities)
        if asked != question and ranked[0].intent == "unknown":
            ranked = classify(question, entities)
        for scored in ranked:
            result = self._build(scored.intent, question, entities, lang)
            if result is not None:
                return result
        return build.answer_unknown(lang)

    @staticmethod
    def _focused(own: Entities, entities: Entities) -> Entities:
        """The message's entities, with the carriers and numbers of the question itself first
        ("we use GLS and TNT. Which name for TNT?" is about TNT)."""
        return replace(
            entities,
            carriers=own.carriers or entities.carriers,
            numbers=own.numbers or entities.numbers,
        )

    @staticmethod
    def _scope(text: str, entities: Entities) -> ScopeCategory | None:
        """The out-of-scope category asked about: another marketplace named (the carrier
        lookup says which names are marketplaces), or the words of a category."""
        if entities.marketplaces and not entities.carriers:
            return scope_category("other_marketplaces")
        return out_of_scope(text)

    def _build(
        self, intent: Intent, question: str, entities: Entities, lang: Lang
    ) -> Answer | None:
        """The answer for ``intent``, or None when the question lacks what it needs."""
        if intent == "tracking_url":
            mention = entities.carriers[0] if entities.carriers else None
            if mention is not None and mention.ambiguous:
                # the lookup already let the number settle the name when it could
                return build.answer_carriers([mention], lang)
            if mention is not None and entities.numbers:
                number = entities.numbers[0]
                if number_fits(mention.carrier, number) is False and _proven_other(
                    number, mention.carrier
                ):
                    # "lien chronopost 6A12345678905": the check digit proves Colissimo
                    return _afresh(number, mention.carrier, entities.postcode, lang)
                return build.answer_tracking_url(
                    mention, lang, number=number, postcode=entities.postcode
                )
            if mention is not None:
                return build.answer_ask_number(mention, lang)
            if entities.numbers:
                return build.answer_detect(entities.numbers[0], lang)
            return build.answer_ask_carrier(lang)
        if intent == "carrier_support":
            if entities.carriers or entities.unknown_carriers or entities.platforms:
                return build.answer_carriers(
                    entities.carriers,
                    lang,
                    unknown=entities.unknown_carriers,
                    platforms=entities.platforms,
                )
            return build.answer_carrier_rules(lang)
        if intent == "detect_carrier":
            return build.answer_detect(entities.numbers[0], lang) if entities.numbers else None
        if intent == "error_explain":
            if entities.error is not None:
                return build.answer_error(entities.error, lang)
            topic = entry_for_topic(question)
            if topic is not None:
                return build.answer_error(ErrorMatch(topic, 0.0, "", {}), lang)
            if entities.error_code is not None:
                return build.answer_error_code(entities.error_code, lang)
            return build.answer_error_unknown(lang)
        if intent == "order_status":
            if entities.purchase_id or entities.item_id:
                return self._order_status(entities, lang)
            if entities.numbers or entities.carriers:
                return None  # a tracking number or carrier: the carrier answers say more
            return answer_ask_order_id(lang)
        simple = {
            "login_help": lambda: build.answer_login(lang, emails=entities.emails),
            "token_help": lambda: build.answer_token(lang),
            "sku_mapping": lambda: build.answer_sku(lang),
            "setup_walkthrough": lambda: build.answer_setup(lang),
            "test_order": lambda: build.answer_test_order(lang),
            "country_scope": lambda: build.answer_countries(lang),
            "professional_account": lambda: build.answer_professional(lang),
            "greeting": lambda: (
                build.answer_thanks(lang)
                if _THANKS.search(question)
                else build.answer_greeting(lang)
            ),
            "unknown": lambda: build.answer_unknown(lang),
        }
        return simple[intent]()

    def _follow_up(
        self, question: str, entities: Entities, lang: Lang, conv: Conversation
    ) -> Answer | None:
        """Answers that only make sense with the conversation's memory.

        A follow-up may be of any length: it is one when the message adds a carrier, a number
        or a postcode to what was being discussed and asks nothing else of its own.
        """
        last = self._carriers_by_id(conv.carrier_ids)
        about_carrier = conv.last_intent in _CARRIER_INTENTS
        own = self._own_intent(question, entities)
        if entities.error is not None or own not in (None, *_CARRIER_INTENTS):
            return None
        if self._scope(question, entities) is not None:
            return None
        # More about the error just explained ("how long does it last?").
        if (
            own is None
            and conv.last_intent == "error_explain"
            and conv.error_id
            and not entities.carriers
            and not entities.numbers
        ):
            entry = next((e for e in CATALOGUE if e.id == conv.error_id), None)
            if entry is not None:
                return build.answer_error(ErrorMatch(entry, 0.0, "", {}), lang)
        postcode = entities.postcode or conv.postcode
        # The postcode the engine asked for; "yes" alone asks for it again.
        if conv.pending == "postcode" and last and conv.number and not entities.numbers:
            if entities.postcode or _YES.match(question):
                return self._link(last[0], conv.number, entities.postcode, lang, checked=True)
        # A new carrier for the same question ("and DPD?", "et avec chronopost alors ?").
        if entities.carriers and not entities.numbers and about_carrier and (last or conv.number):
            mention = entities.carriers[0]
            asks_support = keyword_score(question, "carrier_support") >= 1.0
            reuse = not asks_support and not mention.ambiguous
            after_number = conv.last_intent in ("tracking_url", "detect_carrier")
            if conv.number and after_number and reuse:
                # "and with Chronopost?" after a link, "it's Colissimo" after a detection:
                # the same parcel, the carrier now named (checked against its formats)
                return self._link(mention, conv.number, postcode, lang, checked=False)
            if last and (own in (None, "carrier_support") or _FOLLOW_UP.match(fold(question))):
                return build.answer_carriers(entities.carriers, lang)
        # A number after "which DPD?": the one candidate whose formats take it.
        if entities.numbers and not entities.carriers and conv.candidate_ids:
            settled = self._settle(conv.candidate_ids, entities.numbers[0])
            if settled is not None:
                return self._link(settled, entities.numbers[0], postcode, lang, checked=True)
        # A number after a carrier answer: checked against that carrier's formats first.
        if entities.numbers and not entities.carriers and last and about_carrier:
            if own in (None, "tracking_url", "detect_carrier") and not last[0].ambiguous:
                return self._link(last[0], entities.numbers[0], postcode, lang, checked=False)
        # A postcode, or "the link?", for the carrier and number being discussed.
        if not entities.numbers and not entities.carriers and last and conv.number:
            wants_link = entities.postcode is not None or bool(_LINK_WORDS.search(question))
            if about_carrier and wants_link and own in (None, "tracking_url"):
                return self._link(last[0], conv.number, postcode, lang, checked=False)
        # "should I ship it?" after the test-order answer: more about the same topic.
        if own is None and self._continues(question, entities, conv):
            return self._same_topic(conv, entities, last, lang)
        return None

    @staticmethod
    def _continues(question: str, entities: Entities, conv: Conversation) -> bool:
        """A short message that refers back to the last answer and asks nothing new."""
        if conv.last_intent not in _TOPIC_INTENTS or entities.carriers or entities.numbers:
            return False
        if _THANKS.search(question) or _ACK.match(question):
            return False
        folded = fold(question)
        return len(folded.split()) <= _MAX_FOLLOW_UP_WORDS and bool(_REFERS.search(folded))

    @staticmethod
    def _same_topic(
        conv: Conversation, entities: Entities, last: list[CarrierMention], lang: Lang
    ) -> Answer | None:
        """The last answer's topic answered again, with what this message adds."""
        topic = conv.last_intent
        if topic == "carrier_support":
            return build.answer_carriers(last, lang) if last else None
        simple = {
            "login_help": lambda: build.answer_login(lang, emails=entities.emails),
            "token_help": lambda: build.answer_token(lang),
            "sku_mapping": lambda: build.answer_sku(lang),
            "test_order": lambda: build.answer_test_order(lang),
            "country_scope": lambda: build.answer_countries(lang),
            "professional_account": lambda: build.answer_professional(lang),
        }
        make = simple.get(topic or "")
        return make() if make is not None else None

    def _settle(self, candidate_ids: Sequence[str], number: str) -> CarrierMention | None:
        """The one candidate carrier a number proves its own, if exactly one."""
        fitting = [
            mention
            for mention in self._carriers_by_id(candidate_ids)
            if fits_spoken_carrier(mention.carrier, number)
        ]
        return fitting[0] if len(fitting) == 1 else None

    @staticmethod
    def _own_intent(question: str, entities: Entities) -> Intent | None:
        """What the message asks by its own words, when they are confident; else None."""
        ranked = classify(focus(question), entities)
        top = ranked[0].intent
        return None if top in ("unknown", "greeting") else top

    @staticmethod
    def _link(
        mention: CarrierMention, number: str, postcode: str | None, lang: Lang, *, checked: bool
    ) -> Answer:
        """The link for a carrier remembered or named and a number, never for a carrier whose
        formats refuse the number (or that has none to check it): then it is detected afresh.
        """
        if not checked and not fits_spoken_carrier(mention.carrier, number):
            return _afresh(number, mention.carrier, postcode, lang)
        return build.answer_tracking_url(mention, lang, number=number, postcode=postcode)

    @staticmethod
    def _carriers_by_id(ids: Sequence[str]) -> list[CarrierMention]:
        if not ids:
            return []
        from rakuten_assist.carriers import registry

        known = registry()
        return [
            CarrierMention(text=carrier.name, carrier=carrier, score=100.0)
            for carrier in (known.get(carrier_id) for carrier_id in ids)
            if carrier is not None
        ]

    def _order_status(self, entities: Entities, lang: Lang) -> Answer:
        # Only the open orders are read: getiteminfos marks the buyer's messages as read, so
        # an item not among them is reported as such, never looked up behind the user's back.
        return answer_order_status(
            lang,
            purchase_id=entities.purchase_id,
            item_id=entities.item_id,
            lines=self._open_orders(),
        )

    def _connected(self) -> RakutenClient | None:
        """The client, opened on first need through the factory."""
        if self.client is None and self._client_factory is not None:
            factory, self._client_factory = self._client_factory, None
            self.client = factory()
        return self.client

    def _open_orders(self) -> list[OrderLine] | None:
        if self._orders is None and (client := self._connected()) is not None:
            from rakuten_assist.api import fetch_open_orders

            self._orders = fetch_open_orders(client).lines
        return self._orders

    # --- memory --------------------------------------------------------------------------

    @staticmethod
    def _remember(conv: Conversation, question: str, entities: Entities, result: Answer) -> None:
        conv.lang = result.lang
        conv.last_intent = result.intent
        ids = result.facts.get("carrier_ids")
        ambiguous = result.facts.get("ambiguous") or []
        conv.candidate_ids = list(ambiguous[0]["candidates"]) if len(ambiguous) == 1 else []
        if ids:
            conv.carrier_ids = list(ids)
        elif result.intent == "detect_carrier":
            # The carrier the number proves is the one a "the link?" follow-up means.
            candidates = result.facts.get("candidates") or []
            top = candidates[0] if candidates else None
            runner_up = candidates[1]["confidence"] if len(candidates) > 1 else 0.0
            if (
                top
                and top["checksum"]
                and top["confidence"] >= _PROVEN
                and runner_up <= top["confidence"] - _MARGIN
            ):
                conv.carrier_ids = [top["carrier"]]
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
        conv.pending = "postcode" if "postal_code" in missing or "postcode" in missing else None
        # "yes" to "which one?" must not pick a carrier for the user.
        ambiguous = bool(result.facts.get("ambiguous"))
        conv.next_step = result.suggestions[0] if result.suggestions and not ambiguous else None
        conv.history.append((question, result))
