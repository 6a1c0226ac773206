"""Families found by the robustness bench's lower-case rewrites and by the blind table of
carrier names as people type them (dev27), each proved in new wordings: a carrier's name
typed in lower case is still a name where the words around it say a carrier is meant, and
an ordinary word, a town or a person is still never a carrier."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Answer, SupportEngine
from rakuten_assist.support._segments import sentences
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.evaluation import carrier_ids_named


def _answer(message: str) -> Answer:
    return SupportEngine().answer(message)


# --- a carrier nobody registered, typed in lower case: the honest "I don't know" ----------


@pytest.mark.parametrize(
    ("message", "name"),
    [
        # the words after it say a carrier is meant
        ("budbee for our dutch customers, ok on rakuten?", "budbee"),
        ("raben logistics is our polish carrier, can the merchant declare it?", "raben logistics"),
        ("paack espagne, nom rakuten ?", "paack"),
        ("cargus pour les acheteurs roumains, c'est accepte ?", "cargus"),
        ("speedy bg: accepted for bulgarian orders?", "speedy bg"),
        # a place in brackets after it
        ("le module connait fercam (italie) ?", "fercam"),
        # a link asked for its number
        ("cargus tracking link for 4829104729?", "cargus"),
        # ordinary words closed by a carrier's generic word
        ("swift courier tracking link for 4829104729?", "swift courier"),
        ("jet express is our uk carrier, accepted?", "jet express"),
        ("nova poshta numero 20450081234567 le lien svp", "nova poshta"),
    ],
)
def test_a_lower_case_name_nobody_registered_is_said_unknown(message: str, name: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert answer.facts["unknown"] == [name]
    # never a registered carrier's link or name in its place
    assert not answer.facts.get("tracking_url")
    assert not carrier_ids_named(answer)


@pytest.mark.parametrize(
    "message",
    [
        # goods, a town, words of the trade: the question is about something else
        "lego sets for our german buyers, do they come through?",
        "le client habite a gand (belgique), ses commandes remontent ?",
        "standard express pour les acheteurs allemands, les commandes remontent ?",
        "parcel number 2150039847261 - which carrier is it?",
    ],
)
def test_ordinary_lower_case_words_are_no_carrier_name(message: str) -> None:
    answer = _answer(message)
    assert not answer.facts.get("unknown")
    assert answer.intent in ("country_scope", "detect_carrier")


def test_a_town_before_its_country_in_brackets_is_no_carrier_in_capitals_either() -> None:
    answer = _answer("Client à Gand (Belgique), colis Colissimo 6A12345678905, le lien ?")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["colissimo"]
    assert not answer.facts.get("unknown")


def test_a_registered_carrier_typed_in_lower_case_is_still_found() -> None:
    answer = _answer("colis prive pour les acheteurs belges, c'est accepte ?")
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["colis-prive"]
    assert not answer.facts.get("unknown")


# --- a person's title typed in lower case -------------------------------------------------


def test_a_surname_after_a_lower_case_title_is_no_carrier() -> None:
    # "Ducros" is a Relais Colis alias; "mme ducros" is the shop's accountant
    answer = _answer(
        "bonjour, mme ducros (la gerante) veut savoir si on peut declarer chronopost sur rakuten"
    )
    assert answer.facts["carrier_ids"] == ["chronopost"]


# --- sentences typed in lower case end after a bracket, a quote or a tag ------------------


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("on expedie en colissimo (et parfois chronopost). il veut savoir quoi ?", 2),
        ('il a ecrit "ca marche pas". on fait quoi ?', 2),
        ("la reponse contient <status>ok</status>. c'est bon ?", 2),
        ("voir p. 3 du guide", 1),
    ],
)
def test_a_lower_case_sentence_ends_after_a_bracket_quote_or_tag(message: str, count: int) -> None:
    assert len(sentences(message)) == count


def test_the_question_after_a_bracketed_background_is_the_one_answered() -> None:
    answer = _answer(
        "bonjour,\nle vendeur passe deja par boxtal pour ses etiquettes (colissimo, dpd). "
        "il voudrait savoir comment brancher boxtal sur rakuten pour que le suivi remonte."
    )
    # the shipping platform's integration: not ours to answer, never a carrier's answer
    assert answer.intent == "unknown"
    assert not carrier_ids_named(answer)


# --- a softening word changes nothing of an out-of-scope question -------------------------


@pytest.mark.parametrize(
    "message",
    [
        "the seller's pro account was requested on monday. how long does rakuten normally "
        "take to approve it?",
        "combien de temps ca prend en moyenne pour que rakuten valide le compte ?",
    ],
)
def test_a_hedged_question_about_rakutens_delays_is_unknown(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


# --- a name beside a number no check digit proves ---------------------------------------


@pytest.mark.parametrize(
    ("message", "name"),
    [
        # a country's post typed in lower case, right before its S10 number
        ("slovenska posta RR123456785SK le lien ?", "slovenska posta"),
        # the name opening the message, the number later
        ("speedex depuis athenes, accepte ? numero 1234567890", "speedex"),
        # after "with", the number in brackets
        ("the seller ships with hrvatska posta (RR123456785HR), which link?", "hrvatska posta"),
    ],
)
def test_a_name_beside_a_number_nothing_proves_is_that_numbers_carrier(
    message: str, name: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == [name]
    assert not answer.facts.get("tracking_url")
    assert not carrier_ids_named(answer)


def test_a_number_its_check_digit_proves_keeps_its_carrier_beside_a_surname() -> None:
    answer = _answer("lefebvre 6A12345678905 le lien ?")
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["colissimo"]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("le marchand envoie avec jet courier vers la france, c accepte", "jet courier"),
        ("we ship via swift logistics to belgium, is it ok?", "swift logistics"),
    ],
)
def test_ordinary_words_closed_by_a_carriers_word_after_with_are_a_name(
    message: str, name: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == [name]


# --- a country after "to", "vers", "pour" is where the parcel goes -----------------------


@pytest.mark.parametrize(
    ("message", "carrier"),
    [
        ("Chronopost to Italy, accepted on Rakuten?", "chronopost"),
        ("colissimo vers suisse c accepte ?", "colissimo"),
        ("We send Royal Mail to Germany, is that OK?", "royal-mail"),
    ],
)
def test_a_destination_country_never_makes_a_registered_carrier_unknown(
    message: str, carrier: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]
    assert not answer.facts.get("unknown")


# --- a carrier's name that is an ordinary word, used as one ------------------------------


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # goods after it: "Continental" is a Rakuten carrier value and a tyre brand
        ("continental tyres seller here: where do I find my token?", "token_help"),
        # a shop's name
        ("notre boutique s'appelle bluecare paris, le login c'est quoi exactement ?", "login_help"),
        # a verb: "Predict" is a DPD service
        ("can the connector predict when the sales will arrive?", "unknown"),
    ],
)
def test_a_carriers_name_used_as_an_ordinary_word_is_no_carrier(message: str, intent: str) -> None:
    answer = _answer(message)
    assert answer.intent == intent
    assert not carrier_ids_named(answer)


@pytest.mark.parametrize(
    ("message", "carrier"),
    [
        ("Continental accepted on Rakuten?", "continental"),
        ("we ship with continental, is that ok?", "continental"),
        ("UPS orders to Belgium, accepted?", "ups"),
    ],
)
def test_the_same_names_used_as_carriers_are_still_carriers(message: str, carrier: str) -> None:
    answer = _answer(message)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == [carrier]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("is paack ok?", "paack"),
        ("cargus roumain ok pour rakuten ?", "cargus"),
        ("fercam freight for big furniture, is that carrier known to rakuten?", "fercam freight"),
    ],
)
def test_short_lower_case_carrier_questions_name_their_carrier(message: str, name: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == [name]


def test_an_unknown_carrier_asked_beside_another_question_is_its_own_part() -> None:
    answer = _answer("is paack ok? and where do i find the token")
    assert [p.intent for p in answer.parts] == ["unknown", "token_help"]
    assert answer.parts[0].facts["unknown"] == ["paack"]


@pytest.mark.parametrize(
    "message", ["is everything ok?", "is tomorrow ok for the test order?", "my courier is late"]
)
def test_ordinary_words_in_those_questions_name_no_carrier(message: str) -> None:
    assert not _answer(message).facts.get("unknown")


# --- "Correos" alone is Correos (names.brand_alone: a decision, see docs/carriers.md) -----


@pytest.mark.parametrize(
    "message",
    [
        "On envoie en Correos vers Séville, c'est accepté ?",
        "is correos fine for our buyers in Spain?",
    ],
)
def test_correos_alone_is_the_spanish_post(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["correos"]
    assert answer.facts["carriers"][0]["rakuten_name"] == "Autre"


@pytest.mark.parametrize(
    ("message", "carrier"),
    [
        ("we use Correos Express for Spain, accepted?", "correos-express"),
        (
            "on passe par Correos Express, pas le Correos habituel : c'est accepté ?",
            "correos-express",
        ),
    ],
)
def test_correos_express_said_whole_is_correos_express(message: str, carrier: str) -> None:
    answer = _answer(message)
    assert answer.facts["carrier_ids"] == [carrier]


def test_a_slip_after_the_brand_still_asks_which_correos() -> None:
    from rakuten_assist.carriers import resolve_name

    assert resolve_name("Correos Exress").kind == "ambiguous"
    assert resolve_name("Correos").carrier is not None


# --- codes and statuses typed in lower case -----------------------------------------------


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("our module got error shp-2207 when confirming, what is it?", "SHP-2207"),
        (
            "le module renvoie l'erreur invalidparcelreference, ça veut dire quoi ?",
            "invalidparcelreference",
        ),
        ("<code>unknowncarrierzone</code> dans la réponse, c'est quoi ?", "unknowncarrierzone"),
    ],
)
def test_an_undocumented_code_typed_in_lower_case_is_that_codes_question(
    message: str, code: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "error_explain"
    assert answer.facts["unknown_code"] == code


def test_ordinary_words_after_error_are_no_code() -> None:
    answer = _answer("got an error message when confirming the shipment, what do I check?")
    assert not answer.facts.get("unknown_code")


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("can i filter on a delivered status in the orders?", "DELIVERED"),
        ("le statut dispatched existe chez rakuten ?", "DISPATCHED"),
        # the state nearest the status word is the one named as a status
        ("nos ventes livrees, le statut completed ca existe ?", "COMPLETED"),
    ],
)
def test_a_status_rakuten_never_sends_typed_in_lower_case_is_said_unknown(
    message: str, status: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "order_status"
    assert answer.facts["unknown_status"] == status


def test_a_real_status_typed_in_lower_case_is_no_unknown_status() -> None:
    answer = _answer("le statut de la vente est accepted, on peut expedier ?")
    assert answer.intent == "order_status"
    assert not answer.facts.get("unknown_status")


# --- the rest of the Union's buyers; a country's name is no slip of its people ------------


@pytest.mark.parametrize(
    "message",
    [
        "do orders from latvian buyers come through too?",
        "les commandes des acheteurs slovaques remontent aussi ?",
    ],
)
def test_buyers_of_every_eu_country_are_a_country_question(message: str) -> None:
    assert _answer(message).intent == "country_scope"


def test_a_country_named_beside_a_carrier_nobody_knows_is_no_country_question() -> None:
    # "Lituanie" is no slip of "lituaniens": the question is whether the carrier will do
    answer = _answer("est ce que Venipak marche pour rakuten ? on livre en Lituanie")
    assert answer.intent == "unknown"
    assert not carrier_ids_named(answer)


# --- advice is no registered mail; a name and a role after the question is a signature ----


def test_recommande_as_advice_names_no_registered_mail() -> None:
    answer = _answer(
        "il est fortement recommandé d'avoir un compte pro pour l'api ? c'est obligé ?"
    )
    assert answer.intent == "professional_account"
    assert not carrier_ids_named(answer)


def test_a_name_and_role_line_after_the_question_is_a_signature() -> None:
    # "Nagel" alone would be read as Kuehne + Nagel
    answer = _answer(
        "Hi,\nwhich call lists the sales waiting for acceptance?\nAnna Nagel, accountant"
    )
    assert answer.intent == "order_status"
    assert not carrier_ids_named(answer)


# --- words of the first-week table (dev30) ------------------------------------------------


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("comment rakuten fait le lien avec mes produits, par l'ean ?", "sku_mapping"),
        ("what do I do to connect a new merchant, from the login to the first import?",
         "setup_walkthrough"),
        ("combien de temps j'ai pour accepter avant qu'elle soit annulée ?", "unknown"),
    ],
)  # fmt: skip
def test_first_week_wordings_reach_their_intent(message: str, intent: str) -> None:
    assert _answer(message).intent == intent


def test_a_status_asked_among_the_item_statuses_is_named() -> None:
    answer = _answer("Is DELIVERED among the item statuses we can read?")
    assert answer.facts["unknown_status"] == "DELIVERED"


def test_a_carriers_name_opening_a_sentence_as_a_verb_is_no_carrier() -> None:
    # "Bring" is Posten Bring's name; "Bring me ..." asks something of us
    answer = _answer("Bring me up to speed: is UPS fine for Rakuten?")
    assert answer.facts["carrier_ids"] == ["ups"]
    assert _answer("Bring is our carrier for Norway, accepted?").facts["carrier_ids"] == [
        "posten-bring"
    ]


# --- a reply relayed in a conversation ----------------------------------------------------


def test_a_relayed_yes_runs_the_offered_setup_step() -> None:
    engine, conv = SupportEngine(), Conversation()
    engine.answer("how do I set up the connection for a new shop?", conv)
    answer = engine.answer("Le client me demande : oui", conv)
    assert answer.intent == "setup_walkthrough"
    assert answer.facts["step"] == "login"


def test_a_relayed_follow_up_keeps_the_carrier_discussed() -> None:
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Chronopost c'est accepté ?", conv)
    answer = engine.answer("Question du vendeur : et le lien pour XW859757185FR ?", conv)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["chronopost"]
    assert answer.facts["tracking_url"]


def test_a_follow_up_after_a_line_of_background_keeps_the_conversation() -> None:
    engine, conv = SupportEngine(), Conversation()
    engine.answer("UPS c'est accepté ?", conv)
    answer = engine.answer(
        "On vend surtout des luminaires. et le lien pour 1Z137VE65768860396 ?", conv
    )
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["ups"]


def test_background_with_a_topic_of_its_own_is_kept() -> None:
    engine, conv = SupportEngine(), Conversation()
    engine.answer("how do I connect a new shop?", conv)
    answer = engine.answer("He already tried his e-mail as login and it failed. what now?", conv)
    assert answer.intent == "login_help"


def test_a_question_asked_in_place_without_a_question_mark_keeps_to_its_own_carrier() -> None:
    answer = _answer(
        "Pour la Lituanie on passe par Omniva, le reste part en Chronopost. Omniva c'est accepte"
    )
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == ["Omniva"]
    assert not carrier_ids_named(answer)


def test_going_back_to_the_walkthrough_after_an_aside_goes_on_with_it() -> None:
    engine, conv = SupportEngine(), Conversation()
    engine.answer("on configure un nouveau marchand, par quoi on commence ?", conv)
    engine.answer("au fait, l'abonnement pro coûte combien ?", conv)
    answer = engine.answer("bon, reprenons", conv)
    assert answer.intent == "setup_walkthrough"


# --- a link asked for a number its check digit proves, no carrier named -------------------


@pytest.mark.parametrize(
    ("message", "carrier"),
    [
        ("link for RR002147715GB please", "royal-mail"),
        ("le suivi de 1Z137VE65768860396 svp", "ups"),
    ],
)
def test_a_link_asked_for_a_proven_number_is_its_carriers_link(message: str, carrier: str) -> None:
    answer = _answer(message)
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == [carrier]
    assert answer.facts["tracking_url"]


def test_a_link_asked_for_a_number_nothing_proves_lists_the_candidates() -> None:
    answer = _answer("link for 48291736 please")
    assert answer.intent == "detect_carrier"
    assert not answer.facts.get("tracking_url")


@pytest.mark.parametrize(
    ("message", "postcode"),
    [
        ("Colissimo 6A12345678905 to a buyer in Antwerp 2018, which link?", "2018"),
        ("colis mondial relay 73920518 pour une cliente à Lausanne 1003, le lien ?", "1003"),
    ],
)
def test_four_digits_right_after_a_town_are_its_postcode(message: str, postcode: str) -> None:
    assert _answer(message).facts["postcode"] == postcode


@pytest.mark.parametrize(
    "message",
    [
        "we moved to Colissimo in March 2025, is it accepted?",
        # "May" is no town either, though it is an ordinary word
        "we switched to Colissimo in May 2025, is it accepted?",
    ],
)
def test_a_year_after_a_month_is_no_postcode(message: str) -> None:
    assert not _answer(message).facts.get("postcode")
