"""The support brain: one question in, one Answer out, with a conversation's memory.

``Engine`` is the small protocol front ends depend on, so another brain can be plugged in.
``SupportEngine`` is deterministic: entities, then intent scores, then an answer builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from rakuten_assist.models import OrderLine
from rakuten_assist.support import answers as build
from rakuten_assist.support._answer_language import (
    lead_before_quote,
    pasted_error_lang,
    without_names,
)
from rakuten_assist.support._carrier_answers import number_fits
from rakuten_assist.support._conversation_memory import (
    remember,
    ruled_out_by_user,
    settled_by_history,
    with_ids_named,
)
from rakuten_assist.support._entities import (
    HOW_TRACKING,
    extract_entities,
    said_in_own_words,
)
from rakuten_assist.support._entity_types import Entities
from rakuten_assist.support._envelope import without_envelope, without_reported_lead
from rakuten_assist.support._follow_up_words import (
    LINK_ASKED,
    NEXT,
    NEXT_MAX_WORDS,
    NEXT_WORDS,
    NO,
    ORDERS_FETCHED,
    THANKS,
    YES,
)
from rakuten_assist.support._follow_ups import follow_up, reply_after_background
from rakuten_assist.support._lang import Lang, detect_language, fold, unshouted
from rakuten_assist.support._number_talk import (
    afresh,
    answer_ask_detect_number,
    brand_set_aside,
    fits_spoken_carrier,
    proven_number_link,
    proven_other,
)
from rakuten_assist.support._question_carriers import carriers_asked_about
from rakuten_assist.support._ranking import rank
from rakuten_assist.support._scope import scope_of
from rakuten_assist.support._segments import focus, is_question, lines_before_paste
from rakuten_assist.support._settled_errors import without_settled_error
from rakuten_assist.support._several_questions import answer_several
from rakuten_assist.support._texts import Surface, say
from rakuten_assist.support._unknown_named import unknown_named
from rakuten_assist.support._walkthrough import (
    answer_step,
    asks_next_step,
    goes_on,
    goes_on_words,
    next_setup_step,
    step_of_intent,
)
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.errors_catalogue import (
    ErrorMatch,
    entry_for_topic,
    unknown_code_in,
    without_paste,
)
from rakuten_assist.support.intents import Intent, asks_about_cause, classify
from rakuten_assist.support.orders import (
    answer_ask_order_id,
    answer_general_orders,
    answer_order_status,
    answer_statuses,
)
from rakuten_assist.support.reference_facts import answer_fact, fact_for

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient

__all__ = ["Conversation", "Engine", "SupportEngine", "fits_spoken_carrier"]

#: the tracking asked for a number ("le suivi de 1Z... svp", "tracking for RB...IT"): its link
#: (not "tracking for order 1Z...", which asks whose number it is)
_TRACKING_OF = re.compile(
    r"^(?:le |the )?(?:suivi|tracking) (?:de|du|pour|for|of)\b"
    r"(?! (?:la |l'|the )?(?:order|commande|vente|sale|item|article))"
)


def _asks_link(folded: str) -> bool:
    """Whether a question about a number asks for its link."""
    return bool(LINK_ASKED.search(folded) or _TRACKING_OF.search(folded))


#: a message closing on its step being done ("…at the top of the page, all done")
_TOLD_DONE = re.compile(
    r"(?:c'est fait|c fait|deja fait|all done|it's done|its done|done|c'est bon|c bon|"
    r"ca y est)\W*$"
)

#: words naming a tracking number ("which carrier is this parcel number?")
_NUMBER_WORDS = re.compile(r"\b(?:numero|numeros|number|numbers|n°|tracking|suivi)\b")


def _in_parts(first: Answer, second: Answer) -> Answer:
    """``first`` answering a message in two parts, ``first`` then ``second``."""
    return first.model_copy(
        update={
            "parts": [first, second],
            "sources": list(dict.fromkeys([*first.sources, *second.sources])),
        }
    )


def _names_carriers(entities: Entities) -> bool:
    """Whether a text names a carrier, registered or not."""
    return bool(entities.carriers or entities.unknown_carriers)


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
        default_lang: the user's configured language, for a question whose own words give no
            clue (a bare tracking number, a pasted Rakuten error alone); when not given, such
            a question follows the language of the error it quotes, else English.
        surface: where the answers are read: ``tui`` points to the bot's own tabs and keys
            where the command line would be named.
    """

    def __init__(
        self,
        *,
        client: RakutenClient | None = None,
        client_factory: Callable[[], RakutenClient] | None = None,
        orders: Sequence[OrderLine] | None = None,
        lang: Lang | None = None,
        default_lang: Lang | None = None,
        surface: Surface = "cli",
    ) -> None:
        self.client = client
        self._client_factory = client_factory
        self._orders: list[OrderLine] | None = list(orders) if orders is not None else None
        self.lang = lang
        self._configured_lang = default_lang
        self.default_lang: Lang = default_lang or "en"
        self.surface: Surface = surface

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
        # the salutation says the user's language when the rest does not ("Bonjour, question
        # rapide"), though it asks nothing
        greeted = question
        question = without_envelope(unshouted(question))
        if conv.last_intent is not None:
            # relayed in a conversation ("Le marchand me demande : oui"), or after a line of
            # background ("On vend des meubles. et on doit l'expédier ?"): the reply is the
            # merchant's words, read as a follow-up
            question = reply_after_background(without_reported_lead(question))
        reply_lang = ""
        # While a postcode is awaited, "yes" is no postcode: only one the user types is used.
        # a short message about going on that asks nothing of its own ("ok, what's next
        # after that?"; in the walkthrough also "done", "c'est fait")
        words_next = bool(NEXT_WORDS.search(question)) and len(question.split()) <= NEXT_MAX_WORDS
        words_on = conv.in_setup and goes_on(question)
        asks_nothing = False
        if words_next or words_on:
            own = classify(focus(question), extract_entities(question))[0].intent
            # (nor does one telling the step just covered done: "ok he found the account
            # name at the top, all done" after the login step)
            asks_nothing = own == "unknown" or (
                words_on
                and bool(_TOLD_DONE.search(fold(question)))
                and bool(conv.setup_steps)
                and step_of_intent(own) == conv.setup_steps[-1]
            )
        asks_next = bool(YES.match(question) or NEXT.match(question))
        asks_next = asks_next or (words_next and asks_nothing)
        goes_on_setup = conv.in_setup and (asks_next or (words_on and asks_nothing))
        # "token's in and the checks are green. what's the next step?": what is told is done,
        # the question is the walkthrough's next step
        goes_on_setup = goes_on_setup or (bool(conv.setup_steps) and asks_next_step(question))
        step = next_setup_step(conv.setup_steps) if goes_on_setup else None
        if step is not None and conv.pending != "postcode":
            # "done, next?" in the walkthrough: the step after the last one covered
            said = detect_language(question, default=conv.lang or self.default_lang)
            result = answer_step(step, lang or self.lang or said, surface=self.surface)
            remember(conv, question, extract_entities(question), result)
            return result
        if asks_next and conv.next_step and conv.pending != "postcode":
            # the offered step, in the language of this reply when it says one ("oui")
            reply_lang = detect_language(question, default="")
            question = conv.next_step
        elif NO.match(question) and conv.last_intent is not None:
            said = detect_language(question, default=conv.lang or self.default_lang)
            declined = build.answer_thanks(lang or self.lang or said)
            remember(conv, question, extract_entities(question), declined)
            return declined
        entities = ruled_out_by_user(
            settled_by_history(carriers_asked_about(question, extract_entities(question)), conv),
            conv,
            question,
        )
        entities = without_settled_error(question, entities)
        # Quoted words are not the user's: a pasted error alone is answered in the user's
        # configured language when there is one, and in the error's own language otherwise.
        default = (
            conv.lang
            or self._configured_lang
            or pasted_error_lang(question, entities)
            or ((greeted != question and detect_language(greeted, default="")) or None)
            or self.default_lang
        )
        # A carrier's name is no clue of the user's language ("Is Colis Privé ok?") unless
        # nothing else in the message is ("Colis Privé ?").
        # The user's own lines before a pasted message tell the language, not the paste.
        own_lines = (
            entities.error
            and lines_before_paste(
                question, (fold(entities.error.matched), fold(entities.error.entry.code or ""))
            )
        ) or lead_before_quote(question)
        named = detect_language(own_lines or entities.residue, default=default)
        answer_lang = (
            lang
            or self.lang
            or reply_lang
            or detect_language(
                without_names(own_lines or entities.residue, entities), default=named
            )
        )
        several = answer_several(question, entities, answer_lang, conv, self._dispatch)
        result = several or self._with_error(
            question, entities, answer_lang, self._dispatch(question, entities, answer_lang, conv)
        )
        if (
            result.intent == "setup_walkthrough"
            and "step" not in result.facts
            and conv.setup_steps
            and goes_on_words(question)
        ):
            # "c'est réglé pour l'identifiant, étape suivante ?": not the overview again, the
            # step after the last one covered
            following = next_setup_step(conv.setup_steps)
            if following is not None:
                result = answer_step(following, answer_lang, surface=self.surface)
        if entities.secret_pasted:
            result = self._warn_secret(result, answer_lang)
        result = with_ids_named(result, entities)
        remember(conv, question, entities, result)
        return result

    @staticmethod
    def _with_error(question: str, entities: Entities, lang: Lang, result: Answer) -> Answer:
        """A pasted error beside another problem ("les articles ne matchent pas, et on a
        l'erreur Quota exceeded") is explained too, as a second part."""
        error = entities.error
        if (
            error is None
            or result.parts
            or result.intent in ("error_explain", "unknown", "greeting")
            or said_in_own_words(error, question)
        ):
            return result
        return _in_parts(result, build.answer_error(error, lang, question=question))

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

    def _dispatch(
        self, question: str, entities: Entities, lang: Lang, conv: Conversation
    ) -> Answer:
        follow = follow_up(question, entities, lang, conv)
        if follow is not None:
            return follow
        asked = focus(question)
        if entities.error is None:
            # a fact of the reference notes asked for ("getnewsales est paginé ?"), where no
            # number asks for a link or a detection; before the out-of-scope words, which a
            # fact's own may contain ("quel appel donne la commission par article ?")
            # (an error code nobody documents, with its number, is that code's question:
            # "error code ERR_SHIP_9172 on settrackingpackageinfos, what does it mean")
            code = unknown_code_in(asked)
            coded = code is not None and any(ch.isdigit() for ch in code)
            fact = None if entities.numbers or coded else fact_for(asked)
            if fact is not None:
                return answer_fact(fact, lang)
            # the question's own names decide ("... ships UPS and Colissimo. He also sells on
            # Amazon, can the tool pull those orders too?" asks about a marketplace)
            scope = (
                scope_of(entities.residue, entities)
                if asked == question
                else scope_of(asked, extract_entities(asked))
            )
            if scope is not None and not (entities.carriers and entities.numbers):
                return build.answer_out_of_scope(scope, lang)
        elif entities.error.entry.id == "rakuten.quota_exceeded":
            # "how many calls per hour exactly before Quota exceeded?": the quota named, its
            # exact figure asked, which nobody publishes
            # (the pasted message's own words, "requests per hour", ask nothing)
            scope = scope_of(without_paste(asked, entities.error), entities)
            if scope is not None and scope.id in ("quota_figure", "quota_figure_hourly"):
                return build.answer_out_of_scope(scope, lang)
        ranked, entities = rank(question, asked, entities)
        if (
            entities.error is not None
            and entities.error.matched
            and entities.error.entry.origin == "rakuten"
            and ranked[0].intent in ("login_help", "token_help")
        ):
            # Rakuten's refusal pasted, then what the merchant typed ("Unknown user or
            # password. ... il a mis son e-mail comme login, ça vient de là ?"): the error's
            # cause and fix answer it, the login or token beside it
            ranked = [replace(ranked[0], intent="error_explain"), *ranked]
        if (
            entities.error is not None
            and entities.error.matched
            and entities.error.entry.origin == "rakuten"
            and ranked[0].intent == "error_explain"
            and asked != question
            and is_question(asked)
            and not asks_about_cause(asked)
        ):
            # "Error says Unknown user or password. Is my login supposed to be the email?":
            # the login or token asked in a question of its own, answered after the error
            beside = classify(asked, extract_entities(asked))[0].intent
            if beside in ("login_help", "token_help"):
                explained = self._build("error_explain", question, entities, lang)
                other = self._build(beside, question, entities, lang)
                if explained is not None and other is not None:
                    return _in_parts(explained, other)
        if ranked[0].intent == "unknown" and asked != question and entities.error is None:
            # the fact's topic said before the question ("shippingtype Normal, untracked
            # letter: what goes in trackingnumber?"), when nothing else understood it
            fact = None if entities.numbers else fact_for(question)
            if fact is not None:
                return answer_fact(fact, lang)
        if ranked[0].intent == "unknown" and (
            entities.own_delivery or HOW_TRACKING.search(fold(asked))
        ):
            # "nous livrons nous-mêmes, on déclare quoi ?", "how does tracking work for
            # Omniva?": no carrier word, but what is asked is what to send for that carrier
            # (or for the merchant's own delivery); the carrier rules when none is named
            ranked = [replace(ranked[0], intent="carrier_support")]
        elif (
            ranked[0].intent == "country_scope"
            and (entities.carriers or entities.unknown_carriers)
            and not ORDERS_FETCHED.search(fold(asked))
            and (asked == question or _names_carriers(extract_entities(asked)))
        ):
            # "Colissimo International pour la Belgique ?", "nos commandes italiennes, on les
            # envoie en Poste Italiane, c'est ok ?": the country is where the carrier goes;
            # what is asked is the carrier, not which orders are fetched
            ranked = [replace(ranked[0], intent="carrier_support"), *ranked]
        for scored in ranked:
            result = self._build(scored.intent, question, entities, lang)
            if result is not None:
                return result
        return build.answer_unknown(lang)

    def _build(
        self, intent: Intent, question: str, entities: Entities, lang: Lang
    ) -> Answer | None:
        """The answer for ``intent``, or None when the question lacks what it needs."""
        if intent in ("carrier_support", "tracking_url") and entities.own_delivery:
            if not (entities.carriers or entities.numbers):
                return build.answer_own_delivery(lang)  # no carrier: the merchant delivers
        if intent in ("tracking_url", "detect_carrier"):
            # The carrier the user named is not one we know: say so, never swap in others.
            named = unknown_named(question, entities, lang)
            if named is not None:
                return named
        if intent == "tracking_url":
            mention = entities.carriers[0] if entities.carriers else None
            if mention is not None and mention.ambiguous:
                # the lookup already let the number settle the name when it could; a number
                # proving none of the brand's carriers gets its own carrier's link; asked for
                # a link otherwise, "which one?" is still the link's answer
                if entities.numbers:
                    number = entities.numbers[0]
                    proven = brand_set_aside(number, mention, entities.postcode, lang, link=True)
                    if proven is not None:
                        return proven
                which = build.answer_carriers([mention], lang)
                return which.model_copy(update={"intent": "tracking_url"})
            if mention is not None and entities.numbers:
                number = entities.numbers[0]
                if number_fits(mention.carrier, number) is False and proven_other(
                    number, mention.carrier
                ):
                    # "lien chronopost 6A12345678905": the check digit proves Colissimo
                    return afresh(number, mention.carrier, entities.postcode, lang)
                return build.answer_tracking_url(
                    mention,
                    lang,
                    number=number,
                    postcode=entities.postcode,
                    country=entities.country,
                )
            if (len(entities.carriers) > 1 or entities.unknown_carriers) and not entities.numbers:
                # "Singpost et Hong Kong Post, l'outil fait le lien ?": each carrier's link
                # facts, not the first one's number asked for
                return build.answer_carriers(
                    entities.carriers, lang, unknown=entities.unknown_carriers
                )
            if mention is not None:
                return build.answer_ask_number(mention, lang)
            if entities.numbers:
                # "tracking link for RB603914281IT": the link of the carrier the number's
                # check digit proves; the candidates when it proves none
                number = entities.numbers[0]
                linked = proven_number_link(number, entities.postcode, lang)
                return linked if linked is not None else build.answer_detect(number, lang)
            return build.answer_ask_carrier(lang, question=question)
        if intent == "carrier_support":
            if (
                entities.numbers
                and entities.carriers
                and all(m.ambiguous for m in entities.carriers)
            ):
                # "le client dit DHL, mais le numéro c'est 1Z…": what the number proves
                number = entities.numbers[0]
                first = entities.carriers[0]
                proven = brand_set_aside(number, first, entities.postcode, lang, link=False)
                if proven is not None:
                    return proven
            if entities.carriers or entities.unknown_carriers or entities.platforms:
                return build.answer_carriers(
                    entities.carriers,
                    lang,
                    unknown=entities.unknown_carriers,
                    platforms=entities.platforms,
                )
            return build.answer_carrier_rules(lang, surface=self.surface)
        if intent == "detect_carrier":
            if entities.numbers:
                number = entities.numbers[0]
                spoken = entities.carriers[0] if len(entities.carriers) == 1 else None
                if spoken is not None and spoken.ambiguous:
                    # "the buyer says DHL, the number is 1Z…, which carrier?": the brand
                    # set aside first when the number proves none of its carriers
                    proven = brand_set_aside(number, spoken, entities.postcode, lang, link=False)
                    if proven is not None:
                        return proven
                elif spoken is not None and proven_other(number, spoken.carrier):
                    return build.answer_detect(number, lang, refused=spoken.carrier)
                elif spoken is None and _asks_link(fold(focus(question))):
                    # "first is 8R04177352917. link?": the link of the carrier the number
                    # proves; the candidates when it proves none
                    linked = proven_number_link(number, entities.postcode, lang)
                    if linked is not None:
                        return linked
                return build.answer_detect(number, lang)
            if entities.carriers or entities.item_id or entities.purchase_id:
                return None
            # "which carrier is my parcel number?" without it: ask for it; "which carrier
            # should I pick?" speaks of no number and is answered by the next intent
            return answer_ask_detect_number(lang) if _NUMBER_WORDS.search(fold(question)) else None
        if intent == "error_explain":
            if entities.error is not None:
                return build.answer_error(entities.error, lang, question=question)
            topic = entry_for_topic(question)
            if topic is not None:
                return build.answer_error(ErrorMatch(topic, 0.0, "", {}), lang, question=question)
            if entities.error_code is not None:
                return build.answer_error_code(entities.error_code, lang)
            return build.answer_error_unknown(lang, code=unknown_code_in(question))
        if intent in ("order_status", "setup_walkthrough") and not (
            entities.purchase_id or entities.item_id or entities.statuses
        ):
            # No order named: a question about Rakuten's lists of open sales or about every
            # item status ("which statuses can getnewsales return?") is answered in general.
            general = answer_general_orders(question, lang)
            if general is not None:
                return general
        if intent == "order_status":
            if entities.purchase_id or entities.item_id:
                return self._order_status(entities, lang)
            if entities.statuses:
                return answer_statuses(entities.statuses, lang)
            if entities.numbers or entities.carriers:
                return None  # a tracking number or carrier: the carrier answers say more
            # how to act on a sale, asked in the background ("il veut refuser une vente, il
            # n'a plus l'article. Comment faire ?"): the reference fact answers it
            fact = fact_for(question)
            if fact is not None and fact.intent == "order_status":
                return answer_fact(fact, lang)
            return answer_ask_order_id(lang, question=question)
        simple = {
            "login_help": lambda: build.answer_login(lang, emails=entities.emails),
            "token_help": lambda: build.answer_token(lang, question=question),
            "sku_mapping": lambda: build.answer_sku(lang),
            "setup_walkthrough": lambda: build.answer_setup(lang),
            "test_order": lambda: build.answer_test_order(lang, question=question),
            "country_scope": lambda: build.answer_countries(lang),
            "professional_account": lambda: build.answer_professional(lang),
            "greeting": lambda: (
                build.answer_thanks(lang)
                if THANKS.search(question)
                else build.answer_greeting(lang)
            ),
            "unknown": lambda: build.answer_unknown(lang),
        }
        return simple[intent]()

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
