"""Families found in general message shapes (the blind tables dev28, dev29, dev31 and
conversations_dev12), each proved in new wordings: the question of a long message decides,
whatever its background told."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Answer, SupportEngine
from rakuten_assist.support.conversation import Conversation
from rakuten_assist.support.evaluation import carrier_ids_named


def _answer(message: str) -> Answer:
    return SupportEngine().answer(message)


# --- an error told as over is background --------------------------------------------------


@pytest.mark.parametrize(
    ("message", "intent", "carrier"),
    [
        (
            "Bonjour,\nle vendeur avait « Unknown user or password. » lundi, on a corrigé en "
            "mettant le nom du compte. Il demande maintenant si Mondial Relay est accepté "
            "par Rakuten ?\nMerci",
            "carrier_support",
            "mondial-relay",
        ),
        (
            'Hi, they got "Quota exceeded." twice last month, solved by polling every 20 '
            "minutes. Today: is DHL Express fine for their Swiss orders?",
            "carrier_support",
            "dhl-express",
        ),
        (
            "Suite de l'appel : l'erreur <message>Quota exceeded.</message> est résolue. "
            "Comment le marchand accepte la vente 430551872 ?",
            "order_status",
            None,
        ),
    ],
)
def test_an_error_told_as_fixed_does_not_route_the_question(
    message: str, intent: str, carrier: str | None
) -> None:
    answer = _answer(message)
    assert answer.intent == intent
    assert "error_id" not in answer.facts
    assert not [part for part in answer.parts if part.intent == "error_explain"]
    if carrier is not None:
        assert answer.facts["carrier_ids"] == [carrier]


def test_an_out_of_scope_question_after_a_fixed_error_is_the_honest_unknown() -> None:
    answer = _answer(
        "Hello, the shop had 'Unknown user or password.' on Monday, fixed since with the "
        "account name. Now they ask how much commission Rakuten takes on each sale?"
    )
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "message",
    [
        # the fix comes before the error: the error is the new problem
        "ok fixed the login. now every call answers <message>Quota exceeded.</message> why?",
        "On a corrigé le login mais maintenant on a « Quota exceeded. », on fait quoi ?",
        # the fix is asked about, not told
        "Quota exceeded. since this morning. is it fixed on your side?",
    ],
)
def test_an_error_after_a_fix_or_asked_about_is_still_explained(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"
    assert not carrier_ids_named(answer)


# --- a country's post nobody registered, a name asked for on Rakuten, a shop's name ----------


@pytest.mark.parametrize(
    ("message", "name"),
    [
        # a bracket saying what the name is: a country's post or carrier
        ("barid (la poste tunisienne) ca passe sur rakuten ?", "barid"),
        ("Barid Al-Maghrib (the Moroccan post), accepted for our orders?", "Barid Al-Maghrib"),
        ("yurtici (transporteur turc) pour nos clients turcs, c'est accepte ?", "yurtici"),
        # its name on Rakuten asked after it
        ("budbee lockers - rakuten name?", "budbee"),
        ("porterbuddy: name on rakuten?", "porterbuddy"),
    ],
)
def test_a_name_described_as_a_carrier_is_said_unknown(message: str, name: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert answer.facts["unknown"] == [name]
    assert not carrier_ids_named(answer)


@pytest.mark.parametrize(
    "message",
    ["la poste algerienne, ca marche avec rakuten ?", "la poste marocaine pour casablanca ok ?"],
)
def test_la_poste_of_another_country_is_never_the_french_la_poste(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert not carrier_ids_named(answer)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("our store is Blue Care Organics, where do I find the api token?", "token_help"),
        ("la boutique : Hermes Deco. le login c'est le mail ou pas ?", "login_help"),
    ],
)
def test_a_shop_introduced_by_its_name_is_no_carrier(message: str, intent: str) -> None:
    answer = _answer(message)
    assert answer.intent == intent
    assert not carrier_ids_named(answer)


def test_a_shipping_company_introduced_by_its_name_is_still_the_carrier() -> None:
    answer = _answer("our shipping company is DHL Express, ok for rakuten?")
    assert answer.facts["carrier_ids"] == ["dhl-express"]


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("il bosse avec cycloon pour ses clients neerlandais, on le declare comment ?", "cycloon"),
        ("they work with budbee for swedish buyers, how do we declare it on rakuten?", "budbee"),
    ],
)
def test_an_unknown_carrier_for_a_countrys_buyers_is_no_country_question(
    message: str, name: str
) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == [name]


def test_a_countrys_code_is_no_carrier_name() -> None:
    answer = _answer("le pays de livraison indique FX pour une commande, c'est quel pays ?")
    assert answer.intent == "country_scope"


# --- the link asked for, whatever the background told -------------------------------------


def test_a_link_asked_after_a_refusal_told_is_the_carriers_link() -> None:
    answer = _answer(
        "Bonjour,\nle vendeur expédie en Mondial Relay, colis 30517264, acheteuse à Namur "
        "5000. Rakuten bloque la confirmation sans lien. Quel lien de suivi on met ?\nMerci"
    )
    assert answer.intent == "tracking_url"
    assert answer.facts["carrier_ids"] == ["mondial-relay"]
    assert answer.facts["number"] == "30517264"
    assert answer.facts["tracking_url"]


@pytest.mark.parametrize(
    "message",
    [
        "Hello, parcel left with Canada Post, RN582047133CA. Which link goes into the shipment "
        "confirmation for it?",
        "What URL do we add to the confirmation for UPS 1Z7Y4192W680341257?",
    ],
)
def test_confirmation_is_no_slip_of_configuration(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "tracking_url"
    assert answer.facts["tracking_url"]


def test_sending_the_confirmation_is_a_shipment_question() -> None:
    answer = _answer("une fois le colis parti, elle envoie la confirmation comment ?")
    assert answer.intent == "tracking_url"


def test_a_slip_of_a_phrase_word_still_counts() -> None:
    # one letter away, a conjugated form is still the phrase's word
    assert _answer("on connecte une boutique comment, etape par etape ?").intent == (
        "setup_walkthrough"
    )


# --- who the assistant is; the domain's words and verbs are no carriers' names --------------


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("bonsoir, vous etes qui ?", "fr"),
        ("hey, who are you exactly?", "en"),
        ("Hello! What can you help us with?", "en"),
    ],
)
def test_asking_who_the_assistant_is_greets(message: str, lang: str) -> None:
    answer = _answer(message)
    assert answer.intent == "greeting"
    assert answer.lang == lang


@pytest.mark.parametrize(
    "message",
    [
        "The doctor check passes the login but says the account is not Professional, why?",
        "We shipped it but the module crashed (the plugin restarted) and Rakuten shows "
        "nothing, what do we do?",
    ],
)
def test_a_domain_word_or_a_verb_is_never_said_an_unknown_carrier(message: str) -> None:
    answer = _answer(message)
    assert not answer.facts.get("unknown")


@pytest.mark.parametrize(
    ("message", "error_id"),
    [
        (
            "Our connector confirmed the same item twice by mistake and Rakuten refused the "
            "second one, why?",
            "rakuten.already_shipped",
        ),
        (
            "le module a confirmé deux fois par erreur et la 2e a été refusée, pourquoi ?",
            "rakuten.already_shipped",
        ),
        (
            "rakuten refused the tracking since the sale wasn't accepted yet, what now?",
            "rakuten.status_incorrect",
        ),
    ],
)
def test_a_refusal_told_with_its_cause_explains_that_cause(message: str, error_id: str) -> None:
    answer = _answer(message)
    assert answer.intent == "error_explain"
    assert error_id in answer.facts["possible_error_ids"]
    assert answer.facts["fix"]


# --- accepting or refusing a sale, the open sales, the other kind of account -----------------


@pytest.mark.parametrize(
    "message",
    [
        "how does a seller decline a sale he can't fulfil?",
        "on peut refuser une commande depuis l'outil si on n'a plus le stock ?",
        "the vente 430661208 has waited two days, how do we accept the sale before it is "
        "cancelled?",
        "Comment l'accepter avant qu'elle soit annulée ? c'est la vente 430771502",
        "show me the open sales please",
    ],
)
def test_accepting_refusing_or_listing_sales_is_an_order_question(message: str) -> None:
    assert _answer(message).intent == "order_status"


def test_how_long_before_cancellation_is_still_rakutens_deadline() -> None:
    answer = _answer("combien de temps on a pour accepter avant qu'elle soit annulée ?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_accepting_before_shipping_is_still_the_status_error() -> None:
    answer = _answer("pourquoi faut-il accepter l'article avant de confirmer l'envoi ?")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.status_incorrect"


@pytest.mark.parametrize(
    "message",
    [
        "she only has a standard account on Rakuten, can she connect the tool?",
        "il a un compte classique, pas pro, ca marche quand meme ?",
    ],
)
def test_the_other_kind_of_account_is_the_professional_question(message: str) -> None:
    assert _answer(message).intent == "professional_account"


@pytest.mark.parametrize(
    "message",
    [
        "can we decline an order from the tool when the item is out of stock?",
        "la cliente a commandé un article qu'on n'a plus. on peut refuser la vente ?",
    ],
)
def test_refusing_a_sale_is_answered_with_how_rakuten_refuses_one(message: str) -> None:
    answer = _answer(message)
    assert answer.intent == "order_status"
    assert answer.facts["fact_id"] == "refuse_via_api"


# --- a short question about what the sentence before it told --------------------------------


def test_a_short_question_pointing_back_is_asked_about_the_sentence_before() -> None:
    answer = _answer(
        "Bonjour, pour le login il veut mettre contact@atelier-brun.fr. Ça passe ? Et le token "
        "il le trouve où ?"
    )
    assert [part.intent for part in answer.parts] == ["login_help", "token_help"]
    assert answer.parts[0].facts["email_accepted"] is False


def test_a_short_question_of_its_own_is_not_joined_to_the_sentence_before() -> None:
    answer = _answer(
        "Les transporteurs Colissimo et Chronopost sont validés. Il reste quoi ? On fait une "
        "commande de test ?"
    )
    assert answer.intent != "carrier_support"
    assert not carrier_ids_named(answer)


# --- what the sources leave open: the honest "I don't know" ---------------------------------


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        ("Rakuten makes the tracking link by itself when we only send the carrier?",
         "rakuten_builds_links"),
        ("Est-ce que Rakuten construit lui-même le lien de suivi pour l'acheteur quand on donne "
         "juste le transporteur ?", "rakuten_builds_links"),
        ("transporter_name: does rakuten care about uppercase? we send GLS, they list Gls",
         "transporter_name_case"),
        ("il y a une nouvelle version du fichier d'expédition ? on est en 2016-05-09",
         "shipping_file_newer_version"),
    ],
)  # fmt: skip
def test_what_nobody_publishes_is_escalated(message: str, fact_id: str) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["fact_id"] == fact_id
    assert answer.facts["escalate"] is True


def test_how_to_spell_one_carrier_is_its_rakuten_name() -> None:
    answer = _answer("pour Colissimo j'écris comment le nom chez Rakuten, avec majuscule ?")
    assert answer.facts["carrier_ids"] == ["colissimo"]


# --- several questions: an indirect one going on with "si", a carrier set aside --------------


def test_a_question_going_on_with_whether_is_answered_too() -> None:
    answer = _answer(
        "Bonjour, la cliente voudrait savoir quel abonnement Rakuten elle doit payer, et aussi "
        "si ses acheteurs suisses remontent dans l'outil.\nMerci"
    )
    assert [part.intent for part in answer.parts] == ["unknown", "country_scope"]
    assert answer.parts[0].facts["escalate"] is True


def test_a_number_proving_another_carrier_than_the_one_told_is_asked_about() -> None:
    answer = _answer(
        "Il expédie d'habitude en Colissimo, mais ce colis est parti avec un autre "
        "transporteur : 1Z7Y4192W680341257. C'est lequel, et quel lien on envoie ?"
    )
    assert [part.intent for part in answer.parts] == ["detect_carrier", "tracking_url"]
    assert "colissimo" not in carrier_ids_named(answer)
    assert answer.parts[1].facts["carrier_ids"] == ["ups"]


@pytest.mark.parametrize(
    "message",
    [
        "Bonjour, la vendeuse me demande quel transporteur est le moins cher vers l'Espagne. "
        "Une idée ?",
        "Hi, the merchant asks which carrier is the cheapest for Italy. Any ideas?",
    ],
)
def test_a_closing_question_that_asks_nothing_leaves_the_question_told_before(
    message: str,
) -> None:
    answer = _answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_an_empty_closing_question_leaves_a_real_question_alone() -> None:
    answer = _answer("Le token se trouve où ? Une idée ?")
    assert answer.intent == "token_help"


# --- conversations: whose number, the walkthrough going on ---------------------------------


def _turns(*messages: str) -> list[Answer]:
    engine, conversation = SupportEngine(), Conversation()
    return [engine.answer(message, conversation) for message in messages]


def test_whose_number_asked_after_a_carrier_answer_is_a_detection() -> None:
    *_, last = _turns(
        "on travaille aussi avec Heppner, c'est accepté ?",
        "et ce numéro 6A12345678905 que m'a renvoyé un client, c'est quel transporteur ?",
    )
    assert last.intent == "detect_carrier"
    assert "heppner" not in carrier_ids_named(last)


def test_a_link_asked_for_a_number_the_carrier_discussed_earlier_takes() -> None:
    *_, last = _turns(
        "on expédie en Relais Colis, c'est dans la liste ?",
        "Rakuten refuse notre confirmation d'envoi",
        "voilà le numéro CC1048822713, le lien stp",
    )
    assert last.intent == "tracking_url"
    assert last.facts["carrier_ids"] == ["relais-colis"]


@pytest.mark.parametrize(
    "done",
    [
        "c fait",
        "c bon il l'a mis",
        "ok he found the account name at the top of the page, all done",
        "ok, carry on",
    ],
)
def test_a_step_told_done_goes_on_with_the_walkthrough(done: str) -> None:
    *_, last = _turns("comment je configure la connexion Rakuten, étape par étape ?", "oui", done)
    assert last.intent == "setup_walkthrough"
    assert last.facts.get("step")


def test_where_to_start_is_the_walkthrough() -> None:
    assert _answer("Il a ouvert son compte hier. On commence par quoi ?").intent == (
        "setup_walkthrough"
    )


@pytest.mark.parametrize(
    ("message", "postcode"),
    [
        ("lien bpost CD318705247BE, envoi vers Namur 5000 svp", "5000"),
        ("bpost CD318705247BE, l'acheteuse habite a gand 9000, le lien ?", "9000"),
    ],
)
def test_four_digits_after_the_buyers_town_are_its_postcode(message: str, postcode: str) -> None:
    assert _answer(message).facts["postcode"] == postcode


def test_a_number_of_things_after_a_verb_is_no_postcode() -> None:
    assert not _answer("le client a acheté 1050 articles, le token expire quand ?").facts.get(
        "postcode"
    )


@pytest.mark.parametrize(
    ("follow", "intent"),
    [("il les accepte comment ?", "order_status"), ("how do we accept them?", "order_status")],
)
def test_how_to_accept_the_sales_just_talked_about(follow: str, intent: str) -> None:
    *_, last = _turns("quels statuts ont les ventes à accepter ?", follow)
    assert last.intent == intent


def test_rakuten_accepting_a_carrier_is_still_the_carrier_question() -> None:
    answer = _answer("On expédie avec Zeleris depuis Saragosse. Rakuten l'accepte ?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_a_login_question_after_a_pasted_refusal_is_answered_after_the_error() -> None:
    answer = _answer("Rakuten says Unknown user or password. Should the login be our e-mail?")
    assert [part.intent for part in answer.parts] == ["error_explain", "login_help"]
    assert answer.facts["error_id"] == "rakuten.unknown_user"


def test_a_question_after_a_dash_is_one_of_its_own() -> None:
    answer = _answer("we got Quota exceeded. - what does it mean, and what's the exact hourly cap")
    assert [part.intent for part in answer.parts] == ["error_explain", "unknown"]
