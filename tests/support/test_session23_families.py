"""Families found by the blind conversations dev7, each proved in new wordings: the setup
walkthrough goes on from the last step covered (never back to a step done), a carrier the user
rules out after a detection is never the answer, a follow-up on a pasted error stays with it,
and questions about sellers' ratings are out of scope."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._texts import say
from rakuten_assist.support.answers import Answer
from rakuten_assist.support.conversation import Conversation


def _talk(*messages: str) -> list[Answer]:
    engine = SupportEngine()
    memory = Conversation()
    return [engine.answer(message, memory) for message in messages]


# --- out of scope: sellers' ratings --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("s'il passe en compte pro, il garde ses évaluations ?", "fr"),
        ("a buyer left a negative review, can Rakuten remove it?", "en"),
        ("notre note vendeur a baissé, c'est à cause des retards d'expédition ?", "fr"),
    ],
)
def test_sellers_ratings_are_an_honest_unknown(question: str, lang: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.lang == lang
    assert answer.facts["out_of_scope"] == "seller_ratings"
    assert answer.facts["who"] == "rakuten_seller_support"


def test_ratings_asked_after_the_professional_answer_are_not_answered_by_it() -> None:
    answers = _talk(
        "mon client a un compte particulier, ça marche pour l'API ?", "et ses avis clients ?"
    )
    assert answers[0].intent == "professional_account"
    assert answers[1].intent == "unknown"
    assert answers[1].facts["escalate"] is True


@pytest.mark.parametrize(
    "question", ["une évaluation rapide de notre connexion svp", "rating of UPS vs DHL?"]
)
def test_a_rating_word_alone_is_no_question_about_sellers_ratings(question: str) -> None:
    assert SupportEngine().answer(question).facts.get("out_of_scope") != "seller_ratings"


# --- a number that proves another carrier than the one named -------------------------------


@pytest.mark.parametrize(
    ("question", "named", "proven"),
    [
        ("lien colis privé pour RB520491378GB svp", "colis-prive", "royal-mail"),
        (
            "Can you build the Mondial Relay link for LA731205860DE?",
            "mondial-relay",
            "dhl-paket-de",
        ),
    ],
)
def test_the_link_for_a_number_another_carrier_proves_says_what_the_number_proves(
    question: str, named: str, proven: str
) -> None:
    """The named carrier is set aside, and the detection's proof is in the facts, as a
    detection would give it."""
    answer = SupportEngine().answer(question)
    assert answer.facts["refused_carrier"] == named
    assert answer.facts["candidate_ids"] == [proven]
    assert answer.facts["carrier_ids"] == [proven]


# --- identifiers are no carrier names ----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("RAKUTEN_LOGIN in our .env: is it the shop name or the e-mail?", "login_help"),
        ("on a mis SELLER_TOKEN=... dans la config, le token c'est lequel ?", "token_help"),
    ],
)
def test_a_word_joined_by_underscores_is_never_an_unknown_carrier(
    question: str, intent: str
) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == intent
    assert not answer.facts.get("unknown")


@pytest.mark.parametrize(
    ("question", "code", "lang"),
    [
        (
            "notre module affiche le code SHIP_REFUSED_17 venant de Rakuten, ça veut dire quoi ?",
            "SHIP_REFUSED_17",
            "fr",
        ),
        (
            "we keep getting error code ORD_SYNC_9 from rakuten since the update, meaning?",
            "ORD_SYNC_9",
            "en",
        ),
    ],
)
def test_an_error_code_nobody_documents_is_said_unknown_as_an_error(
    question: str, code: str, lang: str
) -> None:
    """Not a carrier the registry lacks: a code Rakuten is not known to send, and who can
    say what it means."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
    assert answer.facts["unknown_code"] == code


@pytest.mark.parametrize(
    ("question", "brand", "proven", "intent"),
    [
        ("lien gls pour RB520491378GB svp", "gls", "royal-mail", "tracking_url"),
        (
            "The buyer says it went DHL but the number we have is 1ZA93V4X0366215844, "
            "which carrier is it then?",
            "DHL",
            "ups",
            "detect_carrier",
        ),
    ],
)
def test_a_brand_of_several_carriers_with_a_number_proving_none_of_them(
    question: str, brand: str, proven: str, intent: str
) -> None:
    """Not "which GLS?": the number's check digit proves a carrier outside the brand, said
    first; asked for a link, that carrier's link."""
    answer = SupportEngine().answer(question)
    assert answer.intent == intent
    assert answer.facts["candidate_ids"][0] == proven
    assert brand in answer.text.split("\n")[0]
    assert "ambiguous" not in answer.facts


def test_a_brand_with_a_number_of_one_of_its_carriers_is_settled_by_the_number() -> None:
    """DHL and a DHL Paket number: the number settles the brand, no set-aside note."""
    answer = SupportEngine().answer("lien DHL pour LA731205860DE")
    assert answer.facts["carrier_ids"] == ["dhl-paket-de"]
    assert "refused_carrier" not in answer.facts


# --- out of scope: which third-party tools work with the connector ---------------------------


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Boxtal fonctionne avec votre connecteur ?", "fr"),
        ("does your tool integrate with Shopify?", "en"),
    ],
)
def test_whether_another_tool_works_with_ours_is_an_honest_unknown(
    question: str, lang: str
) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.lang == lang
    assert answer.facts["out_of_scope"] == "connector_compat"


def test_a_carrier_asked_as_compatible_with_the_tool_is_still_the_carriers_question() -> None:
    answer = SupportEngine().answer("Colissimo compatible avec votre outil ?")
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["colissimo"]


# --- the setup walkthrough goes on from where it is -----------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "lang"),
    [
        ("guide me through connecting a shop to Rakuten", "right, what's the next step?", "en"),
        (
            "on configure le compte Rakuten d'un client, par quoi on commence ?",
            "ok ensuite ?",
            "fr",
        ),
        ("les étapes pour brancher Rakuten svp", "c'est fait", "fr"),
    ],
)
def test_a_continuation_after_the_overview_is_the_first_step_of_the_walkthrough(
    first: str, then: str, lang: str
) -> None:
    """After the list of steps, "next"/"done" gives step 1 in detail, as the walkthrough."""
    overview, step = _talk(first, then)
    assert overview.intent == "setup_walkthrough"
    assert step.intent == "setup_walkthrough"
    assert step.lang == lang
    assert step.facts["step"] == "login"
    assert step.facts["email_accepted"] is False  # the login step's own facts come along


def test_each_continuation_moves_one_step_and_an_aside_keeps_the_place() -> None:
    """done, done, an out-of-scope aside, "and then?": login, token, (aside), credentials."""
    answers = _talk(
        "can you walk me through the Rakuten setup for a new seller?",
        "done, next",
        "done. what now?",
        "by the way how much is the Pro subscription a month?",
        "ok he'll ask them. and then?",
    )
    assert [a.intent for a in answers] == [
        "setup_walkthrough",
        "setup_walkthrough",
        "setup_walkthrough",
        "unknown",
        "setup_walkthrough",
    ]
    assert [a.facts.get("step") for a in answers[1:3]] == ["login", "token"]
    assert answers[3].facts["escalate"] is True
    assert answers[4].facts["step"] == "credentials"


def test_the_next_step_after_a_step_answered_directly_is_the_one_after_it() -> None:
    """A login question answered, then "login's fine, next step?": the token, not the login
    again."""
    answers = _talk(
        "le client veut mettre son e-mail boutique@exemple.fr comme identifiant, ça va ?",
        "bon il a trouvé son nom de compte, c'est réglé pour l'identifiant. étape suivante ?",
    )
    assert answers[0].intent == "login_help"
    assert answers[1].intent == "setup_walkthrough"
    assert answers[1].facts["step"] == "token"
    assert answers[1].lang == "fr"


def test_a_yes_after_the_overview_skips_the_steps_already_covered() -> None:
    """Login and token asked first, then the overview, then "oui": the step after the token."""
    answers = _talk(
        "what's the login, the e-mail? and where is the API token?",
        "got both. what comes after in the setup?",
        "yes",
    )
    assert answers[0].intent == "login_help"
    assert answers[2].intent == "setup_walkthrough"
    assert answers[2].facts["step"] == "credentials"


def test_the_sku_step_then_next_is_the_carriers_step_of_the_walkthrough() -> None:
    answers = _talk(
        "the catalogue check matched nothing, their feed sends internal ids as SKU, what to do?",
        "ok mapped. next?",
    )
    assert answers[0].intent == "sku_mapping"
    assert answers[1].intent == "setup_walkthrough"
    assert answers[1].facts["step"] == "carriers"


def test_a_yes_after_a_carrier_still_runs_the_offered_link_not_the_walkthrough() -> None:
    """The walkthrough only goes on from a setup step: after a carrier, "yes" is the link."""
    answers = _talk("on expédie en Colissimo, c'est accepté ?", "oui")
    assert answers[1].intent == "tracking_url"
    assert answers[1].facts["carrier_ids"] == ["colissimo"]


def test_the_walkthrough_says_which_step_it_is_in_the_users_language() -> None:
    answers = _talk("étapes de mise en route Rakuten ?", "suivant")
    assert answers[1].lang == "fr"
    assert answers[1].text.startswith("**Étape 1 sur 8 : L'identifiant est le nom de compte")


def test_the_walkthrough_place_survives_a_session_file() -> None:
    """``ask --session``: the steps covered are saved (never a question), so the next call
    goes on from there; a malformed saved value is dropped."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("walk me through the setup", memory)
    engine.answer("next", memory)
    restored = Conversation.from_json(memory.to_json())
    assert restored.setup_steps == ["login"]
    assert restored.in_setup is True
    assert engine.answer("done, next?", restored).facts["step"] == "token"
    broken = Conversation.from_json({**memory.to_json(), "setup_steps": ["login", "rm -rf"]})
    assert broken.setup_steps == []


# --- a carrier the user rules out, the Rakuten name asked of the carrier spoken of -----------


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("so it's not Colissimo then. which transporter do I send?", "en"),
        ("ok donc c'est pas du colissimo, je mets quoi comme transporteur ?", "fr"),
    ],
)
def test_a_carrier_ruled_out_after_a_detection_gives_way_to_the_one_the_number_proved(
    said: str, lang: str
) -> None:
    """After "XW…FR, is it Colissimo?" (Chronopost's S10 check digit), the carrier ruled out
    is never the answer: the one the number proved is."""
    answers = _talk(
        "we ship with Colissimo, is it supported?",
        "the merchant sent XW418273601FR, is that a Colissimo number?",
        said,
    )
    assert answers[1].intent == "detect_carrier"
    assert answers[2].lang == lang
    # the carrier's answer or its link (the number is known): either way Chronopost's name
    assert answers[2].facts["carrier_ids"] == ["chronopost"]
    assert "`Chronopost`" in answers[2].text
    assert "colissimo" not in answers[2].text.lower()


def test_a_carrier_said_not_to_be_accepted_is_still_asked_about_without_memory() -> None:
    """ "Vous n'acceptez pas Colissimo ?" rules nothing out: the carrier is the question."""
    answer = SupportEngine().answer("c'est pas Colissimo que vous acceptez ?")
    assert answer.facts["carrier_ids"] == ["colissimo"]


@pytest.mark.parametrize(
    ("asked", "lang"),
    [
        ("et le nom à indiquer chez Rakuten, c'est lequel ?", "fr"),
        ("what's the carrier name to send to Rakuten for it?", "en"),
    ],
)
def test_the_rakuten_name_asked_after_a_link_is_that_carriers(asked: str, lang: str) -> None:
    answers = _talk("lien ups pour 1ZA9R1420688051273", asked)
    assert answers[1].intent == "carrier_support"
    assert answers[1].lang == lang
    assert answers[1].facts["carrier_ids"] == ["ups"]
    assert answers[1].facts["carriers"][0]["rakuten_name"] == "UPS"


# --- questions of the reference asked in other words, and short follow-ups ------------------


@pytest.mark.parametrize(
    "question",
    [
        "what list holds the sales we haven't accepted yet?",
        "quelle liste contient les ventes à accepter ?",
        "after they are accepted, where do the sales show up?",
        "une fois acceptées, les ventes vont où ?",
    ],
)
def test_which_list_holds_which_sales_is_the_sales_lists_answer(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.facts["lists"] == ["getnewsales", "getcurrentsales"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("how do we send the tracking number to Rakuten once shipped?", "en"),
        ("comment on envoie le numéro de suivi à Rakuten ?", "fr"),
    ],
)
def test_how_to_send_the_tracking_is_the_confirmations_rules(question: str, lang: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "tracking_url"
    assert answer.lang == lang
    assert answer.facts["url_required"] is True


def test_sending_the_tracking_told_beside_a_refusal_is_the_refusal() -> None:
    answer = SupportEngine().answer(
        "Rakuten rejects our confirmations. We send the tracking number right after the order."
    )
    assert answer.intent == "error_explain"


def test_the_command_that_checks_everything_is_the_setup_checks() -> None:
    answer = SupportEngine().answer("y a une commande qui vérifie tout avant de commencer ?")
    assert answer.intent == "setup_walkthrough"
    assert "rakuten-assist doctor" in answer.text


@pytest.mark.parametrize("then", ["who do we contact exactly?", "c'est qui exactement ?"])
def test_a_short_question_word_follow_up_stays_with_the_topic(then: str) -> None:
    answers = _talk("comment avoir une commande de test ?", then)
    assert answers[1].intent == "test_order"


def test_a_short_question_word_with_a_topic_of_its_own_is_that_topic() -> None:
    answers = _talk("comment avoir une commande de test ?", "where is the token?")
    assert answers[1].intent == "token_help"


# --- after an error: the cause guessed first, how to see a sale's state, another tool --------


@pytest.mark.parametrize(
    "guess",
    [
        "est-ce parce que la vente n'était pas encore acceptée ?",
        "is it because we shipped too early?",
    ],
)
def test_a_cause_guessed_after_an_error_stays_with_that_error(guess: str) -> None:
    answers = _talk("Rakuten answers only « Unknown error » when we send the tracking", guess)
    assert answers[0].facts["error_id"] == "rakuten.unknown_error"
    assert answers[1].intent == "error_explain"
    assert answers[1].facts["error_id"] == "rakuten.unknown_error"


@pytest.mark.parametrize(
    "question",
    ["how can I tell whether the sale is accepted?", "comment savoir si la vente est acceptée ?"],
)
def test_how_to_see_whether_a_sale_is_accepted_is_the_sales_lists_answer(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.facts["lists"] == ["getnewsales", "getcurrentsales"]


def test_another_tool_named_after_an_error_is_no_question_about_the_error() -> None:
    answers = _talk(
        "we get « Quota exceeded. » from Rakuten", "by the way, would Shopify do better?"
    )
    assert answers[0].intent == "error_explain"
    assert answers[1].intent == "unknown"
    assert answers[1].facts["escalate"] is True


@pytest.mark.parametrize(
    ("question", "known", "unknown"),
    [
        ("lien Colissimo et Zorglub ?", "colissimo", "Zorglub"),
        ("tracking links for UPS and Quokka Freight please", "ups", "Quokka Freight"),
    ],
)
def test_a_link_asked_for_a_known_and_an_unknown_carrier_says_the_unknown_one(
    question: str, known: str, unknown: str
) -> None:
    """Never silently drop a carrier the user asked about: the known one's link facts, and
    the unknown one said unknown (no invented URL)."""
    answer = SupportEngine().answer(question)
    assert answer.facts["carrier_ids"] == [known]
    assert answer.facts["unknown"] == [unknown]
    assert unknown in answer.text


@pytest.mark.parametrize(
    ("question", "proven"),
    [
        ("whose number is RB520491378GB? and does Rakuten take that carrier?", "royal-mail"),
        ("LA731205860DE c'est quel transporteur ? et il est accepté ?", "dhl-paket-de"),
    ],
)
def test_a_second_question_on_the_carrier_a_first_detection_proved(
    question: str, proven: str
) -> None:
    answer = SupportEngine().answer(question)
    assert [p.intent for p in answer.parts] == ["detect_carrier", "carrier_support"]
    assert answer.parts[1].facts["carrier_ids"] == [proven]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("doctor shows 'Professional seller rights' in red, what now?", "professional_account"),
        ("l'écran affiche « Jeton d'API » vide, je le trouve où ?", "token_help"),
    ],
)
def test_a_short_label_quoted_after_shows_names_the_topic(question: str, intent: str) -> None:
    assert SupportEngine().answer(question).intent == intent


def test_a_screens_sentence_quoted_after_shows_is_still_not_the_users_words() -> None:
    """A quoted sentence stays the screen's: its words do not route the question."""
    answer = SupportEngine().answer(
        "le module affiche « votre compte professionnel est bien activé » mais rien ne remonte"
    )
    assert answer.intent != "professional_account"


@pytest.mark.parametrize(
    "told",
    [
        "Rakuten rejects the shipment of order 430021999: it says the sale is not accepted",
        "l'envoi est refusé, Rakuten dit que la commande n'est pas acceptée, on l'a fait hier",
    ],
)
def test_a_refusal_told_with_the_sale_not_accepted_names_that_cause(told: str) -> None:
    """Not the order's status (no order is visible here), not the tracking number: the
    refusal of a shipment for an item not accepted, with its fix."""
    answer = SupportEngine().answer(told)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.status_incorrect"


@pytest.mark.parametrize(
    ("question", "carrier"),
    [
        (
            "We ship with Evri in the UK. Is that accepted by Rakuten? "
            "And do we get orders from Irish buyers?",
            "evri",
        ),
        (
            "On travaille avec Colis Privé. C'est accepté ? et on voit les commandes belges ?",
            "colis-prive",
        ),
    ],
)
def test_a_part_asking_about_that_carrier_uses_the_one_the_message_names(
    question: str, carrier: str
) -> None:
    """ "Is that accepted?" in its own sentence: the carrier named in the sentence before."""
    answer = SupportEngine().answer(question)
    assert [p.intent for p in answer.parts] == ["carrier_support", "country_scope"]
    assert answer.parts[0].facts["carrier_ids"] == [carrier]


@pytest.mark.parametrize(
    "question",
    [
        "do orders from Polish buyers come through?",
        "on reçoit les commandes des acheteurs danois ?",
    ],
)
def test_buyers_of_any_nationality_ask_which_orders_come_back(question: str) -> None:
    assert SupportEngine().answer(question).intent == "country_scope"


def test_a_merchants_nationality_is_no_question_about_buyers() -> None:
    answer = SupportEngine().answer("un vendeur danois expédie avec PostNord, c'est accepté ?")
    assert answer.intent == "carrier_support"


def test_which_carrier_and_is_it_accepted_in_one_sentence_are_two_questions() -> None:
    answer = SupportEngine().answer(
        "RB520491378GB c'est quel transporteur et est-ce qu'il est accepté ?"
    )
    assert [p.intent for p in answer.parts] == ["detect_carrier", "carrier_support"]
    assert answer.parts[1].facts["carrier_ids"] == ["royal-mail"]


# --- conversations_dev8: refusals told with their cause, platforms, facts after errors -------


def test_a_refusal_told_before_the_last_sentence_is_what_the_message_is_about() -> None:
    answer = SupportEngine().answer(
        "rakuten refuse nos envois, ils disent qu'il manque le lien. on expédie en colis privé"
    )
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.tracking_url_mandatory"


@pytest.mark.parametrize(
    "question",
    [
        "does Rakuten work with Packlink?",
        "Boxtal peut envoyer directement les numéros de suivi à Rakuten ?",
    ],
)
def test_whether_a_shipping_platform_integrates_is_an_honest_unknown(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "connector_compat"


def test_a_platform_asked_as_a_carrier_still_asks_for_the_carrier() -> None:
    """ "on passe par Boxtal, c'est accepté ?": the platform answer (which carrier?) stays."""
    answer = SupportEngine().answer("on passe par Boxtal, c'est accepté ?")
    assert answer.intent == "carrier_support"
    assert answer.facts["platforms"]


def test_a_documented_fact_asked_after_an_error_is_answered_as_itself() -> None:
    answers = _talk(
        "Rakuten: The parameter 'itemid' is invalid.",
        "au fait, quelle différence entre le purchaseid et l'itemid ?",
    )
    assert answers[0].intent == "error_explain"
    assert answers[1].intent == "order_status"
    assert answers[1].facts["fact_id"] == "purchaseid_itemid"


def test_checking_that_the_connection_works_is_the_setup_checks() -> None:
    answer = SupportEngine().answer("comment vérifier que la connexion marche ?")
    assert answer.intent == "setup_walkthrough"


def test_the_rakuten_name_asked_after_a_detection_is_the_proven_carriers() -> None:
    answers = _talk("whose number is RB520491378GB?", "ok so which carrier name do we send?")
    assert answers[0].intent == "detect_carrier"
    assert answers[1].intent == "carrier_support"
    assert answers[1].facts["carrier_ids"] == ["royal-mail"]


def test_the_carriers_step_points_to_the_screen_it_is_read_on() -> None:
    """In the bot, the walkthrough's carriers step names the bot's carriers tab, not the
    command line's ``carriers list``; on the command line, the command."""
    for surface, other in (("tui", "cli"), ("cli", "tui")):
        engine = SupportEngine(surface=surface)
        memory = Conversation()
        engine.answer("the Rakuten setup steps please", memory)
        steps = [engine.answer("next", memory) for _ in range(7)]
        assert steps[-1].facts["step"] == "carriers"
        assert say(f"carrier.list_all_{surface}", "en") in steps[-1].text
        assert say(f"carrier.list_all_{other}", "en") not in steps[-1].text
