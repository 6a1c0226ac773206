"""The support brain: one question in, one Answer out, with a conversation's memory.

``Engine`` is the small protocol front ends depend on, so another brain can be plugged in.
``SupportEngine`` is deterministic: entities, then intent scores, then an answer builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from rakuten_assist.models import OrderLine
from rakuten_assist.support import answers as build
from rakuten_assist.support._entities import CarrierMention, Entities, extract_entities
from rakuten_assist.support._lang import Lang, detect_language, fold
from rakuten_assist.support._texts import t
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.errors_catalogue import ErrorMatch, entry_for_topic
from rakuten_assist.support.intents import Intent, classify
from rakuten_assist.support.orders import answer_ask_order_id, answer_order_status

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient

__all__ = ["Conversation", "Engine", "SupportEngine"]

_YES = re.compile(
    r"^\s*(yes|yeah|yep|ok|okay|sure|please|go|oui|ouais|d'accord|dac|vas-y|volontiers|"
    r"ok merci|oui merci|yes please|oui stp|oui svp)\s*[.!]*\s*$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"(?i)\b(thanks|thank\s+you|thx|cheers|merci|je\s+vous\s+remercie)\b",
)
_FOLLOW_UP = re.compile(r"^\s*(and|et|what about|how about|et pour|and for|et avec|and with)\b")


@dataclass
class Conversation:
    """What a multi-turn conversation remembers between questions.

    Attributes:
        lang: the language of the conversation so far (answers follow the last signal).
        last_intent: the intent of the previous answer.
        carrier_ids: the carriers of the previous carrier answer.
        number: the last tracking number asked about.
        pending: a question the engine asked and waits an answer for (``"postcode"``).
        next_step: the question a "yes" / "oui" would run (the first suggestion).
        history: every (question, answer) so far.
    """

    lang: Lang | None = None
    last_intent: Intent | None = None
    carrier_ids: list[str] = field(default_factory=list)
    number: str | None = None
    pending: Literal["postcode"] | None = None
    next_step: str | None = None
    history: list[tuple[str, Answer]] = field(default_factory=list)


def _resolve_by_number(mention: CarrierMention, numbers: Sequence[str]) -> CarrierMention:
    """An ambiguous name ("DHL") settled by the number's format, as ``carriers check`` does."""
    if not numbers:
        return mention
    from rakuten_assist.carriers import check_carrier

    check = check_carrier(mention.text, number=numbers[0])
    if check.carrier is None:
        return mention
    return CarrierMention(text=mention.text, carrier=check.carrier, score=mention.score)


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
        # While a postcode is awaited, "yes" is no postcode: only one the user types is used.
        if _YES.match(question) and conv.next_step and conv.pending != "postcode":
            question = conv.next_step
        entities = extract_entities(question)
        default = conv.lang or self._entity_lang(entities) or self.default_lang
        answer_lang = lang or self.lang or detect_language(entities.residue, default=default)
        result = self._dispatch(question, entities, answer_lang, conv)
        if entities.secret_pasted:
            result = self._warn_secret(result, answer_lang)
        self._remember(conv, question, entities, result)
        return result

    @staticmethod
    def _warn_secret(result: Answer, lang: Lang) -> Answer:
        """Put the "never paste a token" warning first; the value itself is never repeated."""
        if result.intent in ("unknown", "greeting", "detect_carrier"):
            result = build.answer_token(lang)
        warning = t(
            lang,
            "That looks like a token: never paste it in a ticket (it is not repeated here). If "
            "it was shared, generate a new one.",
            "Cela ressemble à un jeton : ne le collez jamais dans un ticket (il n'est pas "
            "répété ici). S'il a été partagé, générez-en un nouveau.",
        )
        return result.model_copy(
            update={
                "text": f"{warning}\n\n{result.text}",
                "facts": {**result.facts, "secret_pasted": True},
            }
        )

    # --- dispatch ------------------------------------------------------------------------

    @staticmethod
    def _entity_lang(entities: Entities) -> Lang | None:
        if entities.error is not None and not entities.residue.strip():
            return entities.error.entry.lang
        return None

    def _dispatch(
        self, question: str, entities: Entities, lang: Lang, conv: Conversation
    ) -> Answer:
        follow = self._follow_up(question, entities, lang, conv)
        if follow is not None:
            return follow
        for scored in classify(question, entities):
            result = self._build(scored.intent, question, entities, lang)
            if result is not None:
                return result
        return build.answer_unknown(lang)

    def _build(
        self, intent: Intent, question: str, entities: Entities, lang: Lang
    ) -> Answer | None:
        """The answer for ``intent``, or None when the question lacks what it needs."""
        if intent == "tracking_url":
            mention = entities.carriers[0] if entities.carriers else None
            if mention is not None and mention.ambiguous:
                mention = _resolve_by_number(mention, entities.numbers)
                if mention.ambiguous:
                    return build.answer_carriers([mention], lang)
            if mention is not None and entities.numbers:
                return build.answer_tracking_url(
                    mention,
                    lang,
                    number=entities.numbers[0],
                    postcode=entities.postcode,
                )
            if mention is not None:
                return build.answer_ask_number(mention, lang)
            if entities.numbers:
                return build.answer_detect(entities.numbers[0], lang)
            return build.answer_ask_carrier(lang)
        if intent == "carrier_support":
            if entities.carriers or entities.unknown_carriers:
                return build.answer_carriers(
                    entities.carriers, lang, unknown=entities.unknown_carriers
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
        """Answers that only make sense with the conversation's memory."""
        last = self._carriers_by_id(conv.carrier_ids)
        # The postcode the engine asked for; "yes" alone asks for it again.
        if conv.pending == "postcode" and last and conv.number:
            if entities.postcode or _YES.match(question):
                return build.answer_tracking_url(
                    last[0], lang, number=conv.number, postcode=entities.postcode
                )
        # "and DPD?" after a carrier answer: same question, new carrier.
        if (
            entities.carriers
            and not entities.numbers
            and conv.last_intent in ("carrier_support", "tracking_url")
            and (_FOLLOW_UP.match(fold(question)) or len(question.split()) <= 3)
        ):
            return build.answer_carriers(entities.carriers, lang)
        # A bare number after a carrier answer: that carrier's tracking URL.
        if entities.numbers and not entities.carriers and last and entities.error is None:
            if (
                conv.last_intent in ("carrier_support", "tracking_url")
                and len(question.split()) <= 3
            ):
                return build.answer_tracking_url(
                    last[0], lang, number=entities.numbers[0], postcode=entities.postcode
                )
        return None

    @staticmethod
    def _carriers_by_id(ids: Sequence[str]) -> list[CarrierMention]:
        if not ids:
            return []
        from rakuten_assist.support._entities import find_carriers

        mentions: list[CarrierMention] = []
        for carrier_id in ids:
            found = find_carriers(carrier_id.replace("-", " "))
            mentions.extend(m for m in found if m.carrier.id == carrier_id)
        return mentions

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
        if ids:
            conv.carrier_ids = list(ids)
        if result.intent == "tracking_url":
            conv.number = result.facts.get("number")
        elif entities.numbers:
            conv.number = entities.numbers[0]
        missing = result.facts.get("missing") or []
        conv.pending = "postcode" if "postal_code" in missing or "postcode" in missing else None
        # "yes" to "which one?" must not pick a carrier for the user.
        ambiguous = bool(result.facts.get("ambiguous"))
        conv.next_step = result.suggestions[0] if result.suggestions and not ambiguous else None
        conv.history.append((question, result))
