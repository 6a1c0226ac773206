"""Families found by the blind table of long forwarded messages (dev23), each proved in new
wordings: a message's answer holds what every one of its questions found, a signature with no
sign-off is no part of the question, and a question leans on the background told just
before it rather than on the whole message."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._envelope import without_envelope
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.evaluation import carrier_ids_named

# --- a bare signature (no sign-off line) ---------------------------------------------------


def test_a_name_and_a_shop_line_after_the_question_are_a_signature() -> None:
    message = (
        "Bonjour,\nenvoyé en Chronopost, numéro XW482157365FR. Le lien à mettre ?\n\n"
        "Maëlle\nBoutique Les Petits Pots (Etsy, PrestaShop)"
    )
    kept = "envoyé en Chronopost, numéro XW482157365FR. Le lien à mettre ?"
    assert without_envelope(message) == kept


def test_a_signature_block_is_only_removed_after_a_question() -> None:
    # told after a statement, the lines may be the message itself
    message = "Bonjour,\nle marchand a changé de transporteur.\n\nColissimo\nmaintenant partout"
    assert "Colissimo" in without_envelope(message)


def test_a_last_paragraph_that_asks_is_kept() -> None:
    message = "Le numéro est 6A21458790367.\n\nLucas\nc'est quoi le lien ?"
    assert "c'est quoi le lien ?" in without_envelope(message)


def test_a_link_asked_before_a_bare_signature_is_built() -> None:
    answer = SupportEngine().answer(
        "Hello,\nshipped with Colis Privé, number CP4X7K29QD81, buyer in Lille 59000. "
        "Which link goes to Rakuten?\n\nJonas\nThe Tin Soldier Shop (Shopify, since 2019)"
    )
    assert answer.intent == "tracking_url"
    assert answer.facts["number"] == "CP4X7K29QD81"
    assert answer.facts["postcode"] == "59000"
    assert answer.facts["tracking_url"]


# --- a question leans on its own background ------------------------------------------------


def test_the_link_asked_is_for_the_parcel_told_just_before_not_a_later_carrier() -> None:
    answer = SupportEngine().answer(
        "Bonjour,\nColis Mondial Relay 73920518 pour un client à Liège (4000). Le lien svp ? "
        "Et on envisage Colis Privé pour les meubles, c'est accepté ?\nMerci"
    )
    assert [p.intent for p in answer.parts] == ["tracking_url", "carrier_support"]
    link, carrier = answer.parts
    assert link.facts["carrier_ids"] == ["mondial-relay"]
    assert link.facts["number"] == "73920518"
    assert link.facts["postcode"] == "4000"
    assert carrier.facts["carrier_ids"] == ["colis-prive"]
    # the message's answer lists its carriers in the order asked
    assert answer.facts["carrier_ids"] == ["mondial-relay", "colis-prive"]


def test_an_english_link_asked_after_its_parcel_then_another_carrier() -> None:
    answer = SupportEngine().answer(
        "Hi,\nParcel 6A21458790367 went with Colissimo to a buyer in Nantes (44000). "
        "Can you give me the link? Also, is Heppner accepted for pallets?\nThanks"
    )
    link = answer.parts[0]
    assert link.intent == "tracking_url"
    assert link.facts["carrier_ids"] == ["colissimo"]
    assert link.facts["tracking_url"]
    assert "colissimo" in carrier_ids_named(answer)


def test_a_question_with_no_carrier_in_its_background_names_none() -> None:
    # the background tells a platform, no carrier: the question is not given one
    answer = SupportEngine().answer(
        "Bonjour,\nle marchand vend sur Shopify depuis un an. Comment il trouve son token ? "
        "Et Colissimo, c'est accepté ?"
    )
    assert [p.intent for p in answer.parts] == ["token_help", "carrier_support"]
    assert not answer.parts[0].facts.get("carrier_ids")


# --- a message's answer holds what each question found -------------------------------------


def test_the_answer_holds_the_number_and_link_of_a_later_question() -> None:
    answer = SupportEngine().answer(
        "Merchant in Leeds ships with Royal Mail. Is Royal Mail accepted on Rakuten, "
        "and what is the link for RT582139047GB?"
    )
    assert [p.intent for p in answer.parts] == ["carrier_support", "tracking_url"]
    assert answer.facts["number"] == "RT582139047GB"
    assert answer.facts["tracking_url"] == answer.parts[1].facts["tracking_url"]
    # the first question's own facts come first
    assert answer.facts["carriers"] == answer.parts[0].facts["carriers"]


# --- a postcode in brackets after the buyer's town -----------------------------------------


def test_four_digits_in_brackets_after_the_town_are_the_postcode() -> None:
    from rakuten_assist.support._postcodes import find_postcode

    assert find_postcode("pour une cliente à Namur (5000), colis 6A21458790367") == "5000"
    assert find_postcode("shipped to a buyer in Antwerp, Belgium (2018)") == "2018"
    # a year in brackets after a platform's name is no postcode
    assert find_postcode("on vend sur PrestaShop (2019) depuis longtemps") is None


# --- the carriers a long message's question is about (dev24) -------------------------------


def test_the_carrier_switched_to_is_asked_about_not_the_one_left_behind() -> None:
    answer = SupportEngine().answer(
        "Bonjour, on vend des bougies depuis 2020. Auparavant on envoyait avec Mondial Relay, "
        "depuis septembre c'est Chronopost. Ce transporteur est bien accepté ?"
    )
    assert answer.intent == "carrier_support"
    assert carrier_ids_named(answer) == {"chronopost"}


def test_an_english_former_carrier_is_set_aside() -> None:
    answer = SupportEngine().answer(
        "Our warehouse switched from Colissimo to Colis Privé last month for small parcels. "
        "What transporter name should the merchant send now?"
    )
    assert carrier_ids_named(answer) == {"colis-prive"}
    assert answer.facts["carriers"][0]["rakuten_name"] == "Colis Prive"


def test_a_carrier_the_question_names_rules_over_the_background() -> None:
    # the one the question names is unknown: the honest unknown, not the background's carrier
    answer = SupportEngine().answer(
        "Nos colis pour la Finlande partent avec Posti Express, le reste en Chronopost. "
        "Posti Express c'est accepté ?"
    )
    assert "chronopost" not in carrier_ids_named(answer)


def test_a_brand_the_question_names_keeps_the_background_carrier_it_means() -> None:
    answer = SupportEngine().answer(
        "Le vendeur est à Cologne, tout part en DHL Paket. Il met DHL tout court pour Rakuten ?"
    )
    assert "dhl-paket-de" in carrier_ids_named(answer)


def test_a_number_keeps_the_former_carrier_it_belongs_to() -> None:
    # the parcel asked about went with the carrier left behind: the number says so
    answer = SupportEngine().answer(
        "Avant on expédiait en Colissimo, maintenant c'est Colis Privé. "
        "Le colis 6A21458790367 est un ancien envoi, c'est quel lien ?"
    )
    assert "colissimo" in carrier_ids_named(answer)


def test_two_carriers_with_no_former_word_are_both_kept() -> None:
    answer = SupportEngine().answer(
        "Le marchand expédie en Colissimo et en Chronopost selon le poids. "
        "Quel nom de transporteur il met pour Rakuten ?"
    )
    assert carrier_ids_named(answer) >= {"colissimo", "chronopost"}


# --- a refusal told with its cause names that cause as a possibility -----------------------


def test_a_refusal_without_a_link_told_in_words_lists_the_missing_url_error() -> None:
    answer = SupportEngine().answer(
        "Rakuten a rejeté l'envoi : transporteur Autre, numéro de suivi Fretlink, aucun lien "
        "de suivi dans l'appel. On fait quoi ?"
    )
    assert answer.intent == "error_explain"
    assert "rakuten.tracking_url_mandatory" in answer.facts["possible_error_ids"]


def test_a_refusal_before_acceptance_told_in_words_lists_the_status_error() -> None:
    answer = SupportEngine().answer(
        "Rakuten refused our shipping confirmation because the sale was not accepted yet, what now?"
    )
    assert "rakuten.status_incorrect" in answer.facts["possible_error_ids"]


def test_a_pasted_rakuten_message_is_the_error_itself_not_a_possibility() -> None:
    answer = SupportEngine().answer("Rakuten answers 'Quota exceeded.' since this morning")
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"
    assert answer.facts["possible_error_ids"] == []


# --- accepting and refusing a sale, asked how -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("comment le vendeur accepte une commande reçue ce matin ?", "accept_via_api"),
        ("how should we accept an order that just came in?", "accept_via_api"),
        ("il veut refuser une vente, il n'a plus l'article. Comment faire ?", "refuse_via_api"),
        ("how can the merchant decline a sale he cannot fulfil?", "refuse_via_api"),
    ],
)
def test_how_to_accept_or_refuse_a_sale_is_the_reference_fact(question: str, fact_id: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert answer.facts["fact_id"] == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "au bout de combien de temps une vente pas acceptée est annulée ?",
        "how long can a sale wait before we accept it?",
        "Rakuten a refusé la vente, comment faire ?",
    ],
)
def test_delays_and_refusals_by_rakuten_are_not_the_how_to_fact(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.facts.get("fact_id") not in ("accept_via_api", "refuse_via_api")


# --- a question about a pasted error, and the ids a message names -------------------------


def test_what_is_wrong_after_a_pasted_message_explains_that_message() -> None:
    answer = SupportEngine().answer(
        "On reçoit 'The parameter 'itemid' is invalid.' quand on accepte la vente 430111222. "
        "C'est quoi le souci ? Et comment on liste les articles à accepter ?"
    )
    assert [p.intent for p in answer.parts] == ["error_explain", "order_status"]
    assert answer.parts[0].facts["error_id"] == "rakuten.invalid_itemid"
    # listing the items to accept is not how to accept one
    assert answer.parts[1].facts.get("fact_id") != "accept_via_api"


def test_the_item_and_sale_a_message_names_stay_in_the_answer() -> None:
    answer = SupportEngine().answer(
        "How does the merchant confirm the shipment of item 260388120 (sale 430771988) "
        "with Colissimo 6A21458790367?"
    )
    assert answer.facts["item_id"] == "260388120"
    assert answer.facts["purchase_id"] == "430771988"


# --- a link asked for a number alone -------------------------------------------------------


def test_a_link_for_a_number_its_check_digit_proves_is_that_carriers_link() -> None:
    answer = SupportEngine().answer("le colis du jour c'est 6C33028174668, tu me fais le lien ?")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["colissimo"]
    assert answer.facts["candidate_ids"] == ["colissimo"]
    assert "6C33028174668" in answer.facts["tracking_url"]
    assert "clé de contrôle" in answer.text


def test_a_link_for_a_number_that_proves_nothing_lists_the_candidates() -> None:
    # an 8-digit number fits several carriers' shapes, no check digit: never a guessed link
    answer = SupportEngine().answer("link for 48213067?")
    assert answer.intent == "detect_carrier"
    assert not answer.facts.get("tracking_url")


def test_a_second_number_after_a_link_gets_its_own_carriers_link() -> None:
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("two parcels today, the first is 8R04177352917. link?", memory)
    second = engine.answer("the other one is XW405177385FR", memory)
    assert second.intent == "tracking_url"
    assert second.facts["carrier_ids"] == ["chronopost"]


def test_the_merchants_other_shipments_with_another_carrier_are_not_the_parcel_just_linked() -> (
    None
):
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Is Chronopost OK for Rakuten?", memory)
    engine.answer("number XW405177385FR, the buyer is in Lyon, 69003", memory)
    other = engine.answer(
        "she also sends some parcels with Colis Privé, what name for that one?", memory
    )
    assert other.intent == "carrier_support"
    assert carrier_ids_named(other) == {"colis-prive"}


# --- the next setup step asked after telling what is done ----------------------------------


@pytest.mark.parametrize(
    "done_then_next",
    [
        "the login works now and doctor is all green. what's the next step?",
        "c'est bon pour le jeton, il est collé. et l'étape d'après ?",
    ],
)
def test_next_step_after_telling_what_is_done_goes_on_with_the_walkthrough(
    done_then_next: str,
) -> None:
    engine = SupportEngine()
    memory = Conversation()
    engine.answer(
        "on commence la configuration d'un nouveau vendeur, par quoi on commence ?", memory
    )
    engine.answer("oui", memory)
    answer = engine.answer(done_then_next, memory)
    assert answer.intent == "setup_walkthrough"
    assert answer.facts["step"] not in ("login",)
    assert answer.facts["step_number"] > 1


# --- a question asked while the postcode is looked for --------------------------------------


def test_a_question_asked_meanwhile_is_answered_and_the_parcel_still_waits() -> None:
    engine = SupportEngine()
    memory = Conversation()
    first = engine.answer("lien Mondial Relay pour le colis 41836275", memory)
    assert first.facts["missing"] == ["postal_code"]
    aside = engine.answer(
        "elle cherche le code postal. en attendant, elle veut savoir si les commandes "
        "des acheteurs espagnols remontent aussi",
        memory,
    )
    assert aside.intent == "country_scope"
    link = engine.answer("voilà, c'est 33000", memory)
    assert link.intent == "tracking_url"
    assert link.facts["postcode"] == "33000"
    assert "41836275" in link.facts["tracking_url"]


@pytest.mark.parametrize(
    "question",
    [
        "can the team try the tool without a merchant account?",
        "on peut tout essayer sur le bac à sable avant de brancher son vrai compte ?",
    ],
)
def test_trying_the_tool_without_a_real_account_is_the_sandbox(question: str) -> None:
    assert SupportEngine().answer(question).intent == "test_order"


# --- a link's number proved by its own check digit -----------------------------------------


def test_a_link_whose_number_proves_its_carrier_says_so_as_a_detection_would() -> None:
    answer = SupportEngine().answer("lien UPS pour 1Z4W7E826910357280")
    assert answer.intent == "tracking_url"
    assert answer.facts["candidate_ids"] == ["ups"]


def test_a_link_whose_number_proves_nothing_claims_no_proof() -> None:
    answer = SupportEngine().answer("lien Mondial Relay pour 41836275, client en 75011")
    assert answer.facts["tracking_url"]
    assert answer.facts["candidate_ids"] == []


# --- out of scope decided by the question, not by the background's carriers -----------------


@pytest.mark.parametrize(
    ("question", "scope"),
    [
        (
            "Hi, the merchant ships with Chronopost and Colissimo, all fine. He also sells on "
            "Cdiscount: can the tool fetch those orders as well?",
            "other_marketplaces",
        ),
        (
            "Bonjour, le vendeur prépare ses colis Colissimo avec Boxtal. Comment brancher Boxtal "
            "sur Rakuten pour que les suivis partent tout seuls ?",
            "connector_compat",
        ),
        (
            "On expédie en Mondial Relay, tout marche. Rakuten nous verse l'argent des ventes "
            "au bout de combien de jours ?",
            "rakuten_delays",
        ),
    ],
)
def test_an_out_of_scope_question_after_carrier_background_is_the_honest_unknown(
    question: str, scope: str
) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == scope
    assert answer.facts["escalate"] is True


def test_a_guess_the_number_disproves_is_not_answered_as_its_own_carrier() -> None:
    answer = SupportEngine().answer(
        "le numéro c'est 1Z4W7E826910357280, c'est quel transporteur ? Chronopost ?"
    )
    assert "chronopost" not in carrier_ids_named(answer)
    assert "ups" in carrier_ids_named(answer)


@pytest.mark.parametrize(
    "question",
    [
        "Son agence lui conseille Lengow à la place de notre connecteur. Lengow c'est mieux ?",
        "Would Sendcloud be a better alternative for him than our setup?",
    ],
)
def test_another_tool_compared_with_ours_is_the_tool_providers_question(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "connector_compat"


# --- Rakuten's refusal pasted beside what the merchant typed --------------------------------


@pytest.mark.parametrize(
    ("message", "error_id"),
    [
        (
            "Rakuten renvoie <message>Unknown user or password.</message>. Il a mis "
            "contact@lampes-et-co.fr comme identifiant. Ça vient de là ?",
            "rakuten.unknown_user",
        ),
        (
            "We get <code>InvalidUserRights</code><message>Access denied.</message> right "
            "after pasting the token. He swears the token is the new one.",
            "rakuten.access_denied",
        ),
    ],
)
def test_a_pasted_refusal_beside_the_login_or_token_typed_is_explained(
    message: str, error_id: str
) -> None:
    answer = SupportEngine().answer(message)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == error_id
    assert answer.facts["fix"]


# --- whose number, asked of the number itself -------------------------------------------------


@pytest.mark.parametrize(
    ("message", "carrier"),
    [
        (
            "Reçu par SMS : XW405177385FR, sans nom de transporteur. Vous savez qui c'est ?",
            "chronopost",
        ),
        ("The buyer only has 1Z4W7E 826910 357280 from an e-mail. Who delivers it?", "ups"),
        (
            "Il utilise Colissimo. Un client envoie 8R04177352917, c'est quoi ce numéro ?",
            "colissimo",
        ),
    ],
)
def test_whose_number_is_a_detection(message: str, carrier: str) -> None:
    answer = SupportEngine().answer(message)
    assert answer.intent == "detect_carrier"
    assert answer.facts["candidate_ids"][0] == carrier


# --- a list of questions, numbered or bulleted ------------------------------------------------


def test_each_bulleted_item_is_a_question_even_without_a_question_mark() -> None:
    answer = SupportEngine().answer(
        "Bonjour,\nTrois points pour la boutique Le Petit Atelier :\n"
        "- elle a mis atelier@petit.fr comme identifiant, ça va ?\n"
        "- elle ne trouve pas son jeton\n"
        "- son compte est particulier, ça suffit ?\nMerci"
    )
    assert [p.intent for p in answer.parts] == ["login_help", "token_help", "professional_account"]


def test_a_numbered_item_asking_two_things_is_still_one_item() -> None:
    answer = SupportEngine().answer(
        "Hello,\n1. when does the test order come, and must he ship it?\n"
        "2. how do we check the setup first?\n3. will he see Italian buyers' orders too?"
    )
    assert [p.intent for p in answer.parts] == ["test_order", "setup_walkthrough", "country_scope"]


# --- background names that route nothing --------------------------------------------------


def test_a_platform_told_after_the_question_does_not_make_it_a_carrier_question() -> None:
    answer = SupportEngine().answer(
        "Bonjour,\nnouveau marchand à brancher demain. Vous me redonnez les étapes dans "
        "l'ordre ?\nMerci\nPaul\n\nPS : boutique WooCommerce, Chronopost surtout."
    )
    assert answer.intent == "setup_walkthrough"


def test_a_country_code_is_no_carrier_name() -> None:
    answer = SupportEngine().answer(
        "The seller ships from Poland with InPost. Accepted on Rakuten FR? Which name goes in "
        "transporter_name?"
    )
    assert answer.intent == "carrier_support"
    assert "FR" not in (answer.facts.get("unknown") or [])
    assert "inpost" in carrier_ids_named(answer)


def test_what_the_doctor_command_checks_is_the_setup_checklist() -> None:
    answer = SupportEngine().answer("Qu'est-ce que la commande doctor vérifie exactement ?")
    assert answer.intent == "setup_walkthrough"


# --- paging through the accepted sales, the sales still waiting -----------------------------


@pytest.mark.parametrize(
    "question",
    [
        "et les commandes déjà acceptées, elles arrivent par pages ?",
        "for the accepted sales, is there more than one page to fetch?",
    ],
)
def test_paging_through_the_accepted_sales_is_the_getcurrentsales_fact(question: str) -> None:
    answer = SupportEngine().answer(question)
    assert answer.facts.get("fact_id") == "getcurrentsales_paging"


def test_the_sales_that_still_wait_are_an_orders_question() -> None:
    answer = SupportEngine().answer("comment je vois les ventes qui attendent encore ?")
    assert answer.intent == "order_status"


@pytest.mark.parametrize(
    ("message", "error_id"),
    [
        (
            "Rakuten a refusé l'envoi en Autre, elle n'avait pas mis de lien de suivi.",
            "rakuten.tracking_url_mandatory",
        ),
        (
            "Rakuten rejected it: he sent Autre and didn't include a tracking link.",
            "rakuten.tracking_url_mandatory",
        ),
        (
            "Rakuten keeps refusing our tracking confirmations and there is no error text.",
            "rakuten.tracking_url_mandatory",
        ),
    ],
)
def test_more_refusals_told_in_words_list_the_missing_url_error(
    message: str, error_id: str
) -> None:
    answer = SupportEngine().answer(message)
    assert answer.intent == "error_explain"
    assert error_id in answer.facts["possible_error_ids"]


# --- a carrier and a number given together ask for the link ---------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "carrier is Chronopost, number XW405177385FR",
        "autre chose : elle envoie en Colissimo, le colis 6A21458790367 part ce soir",
    ],
)
def test_a_carrier_and_its_number_ask_for_the_link(message: str) -> None:
    answer = SupportEngine().answer(message)
    assert answer.intent == "tracking_url"
    assert answer.facts["tracking_url"]


def test_accepted_then_link_after_the_parcels_background_are_two_answers() -> None:
    answer = SupportEngine().answer(
        "On expédie en Chronopost. Le colis de la vente 430111222 porte le numéro "
        "XW405177385FR. C'est accepté par Rakuten ? Et quel lien je mets ?"
    )
    assert [p.intent for p in answer.parts] == ["carrier_support", "tracking_url"]


def test_an_undocumented_error_code_named_with_a_call_is_that_codes_question() -> None:
    answer = SupportEngine().answer(
        "settrackingpackageinfos returned error code SHIP_ERR_3321, what does that mean?"
    )
    assert answer.intent == "error_explain"
    assert answer.facts["unknown_code"] == "SHIP_ERR_3321"
    assert answer.facts["error_id"] is None


def test_an_english_lead_before_a_colon_is_english() -> None:
    answer = SupportEngine().answer(
        "merchant changed subject: can Rakuten show him orders from Belgian buyers as well?"
    )
    assert answer.lang == "en"


def test_the_server_address_asked_is_the_base_url_fact() -> None:
    answer = SupportEngine().answer(
        "le développeur demande quelle adresse de serveur appeler pour l'api"
    )
    assert answer.facts.get("fact_id") == "base_url"


def test_an_html_page_instead_of_xml_is_the_unreadable_answer_error() -> None:
    answer = SupportEngine().answer("we get an HTML page instead of the XML from the API, why?")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "ours.response_parse"
