"""Understanding real messages: questions in a message, entities anywhere, honest scope."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import registry
from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._scope import out_of_scope
from rakuten_assist.support._segments import focus, questions
from rakuten_assist.support.engine import fits_spoken_carrier
from rakuten_assist.support.errors_catalogue import explain_error


def test_questions_are_cut_where_a_new_one_starts_and_capped_at_three() -> None:
    """Question marks, enumerations and 'and'/question words split; at most three are kept."""
    assert questions("login = mail ou pas ? et le token je le trouve où ?") == [
        "login = mail ou pas ?",
        "et le token je le trouve où ?",
    ]
    many = "what's the login, where's the token, how do I test, and which countries?"
    assert questions(many) == [
        "what's the login",
        "where's the token",
        "how do I test",
    ]
    assert questions("on expédie avec Mondial Relay et Colis Privé, ça passe ?") == [
        "on expédie avec Mondial Relay et Colis Privé, ça passe ?"
    ]


def test_an_indirect_question_is_a_question_of_its_own() -> None:
    """'le marchand voudrait savoir combien..., et quelles sont les étapes ?' asks two things."""
    text = (
        "Bonjour, le marchand voudrait savoir combien coûte votre outil, et quelles sont les "
        "étapes pour connecter sa boutique Rakuten ?"
    )
    assert len(questions(text)) == 2
    answer = SupportEngine().answer(text)
    assert [part.intent for part in answer.parts] == ["unknown", "setup_walkthrough"]
    assert answer.parts[0].facts["escalate"] is True


def test_the_focus_of_a_long_message_is_its_question() -> None:
    """Background sentences are left out of what the message asks."""
    message = "Nous vendons depuis 2019. Tout marche bien. Comment on teste la connexion ?"
    assert focus(message) == "Comment on teste la connexion ?"
    assert focus("is DPD ok?") == "is DPD ok?"


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("lien mondial relay 12345678900102000750111238, code postal du client 75011", "75011"),
        ("colis pour 13001 Marseille", "13001"),
        ("postcode SW1A 1AA", "SW1A 1AA"),
        ("the buyer is in 1012 AB Amsterdam", "1012 AB"),
        ("código postal 1000-001 Lisboa", "1000-001"),
        ("cp: 1000", "1000"),
    ],
)
def test_postcodes_of_the_buyer_countries_are_found_anywhere(text: str, postcode: str) -> None:
    """French, UK, Dutch, Portuguese and four-digit postcodes are found wherever they stand."""
    assert extract_entities(text).postcode == postcode


def test_a_year_or_an_order_id_is_not_a_postcode() -> None:
    """Four digits alone (a year) and an order id are never taken for a postcode."""
    assert extract_entities("commande 430123456 passée en 2024").postcode is None


def test_a_bare_error_code_is_recognised() -> None:
    """An error code alone names its catalogue entry; a code shared by many asks for the text."""
    assert explain_error("InvalidUserRights").entry.id == "rakuten.access_denied"
    assert explain_error("j'ai Unknown error").entry.id == "rakuten.unknown_error"
    answer = SupportEngine().answer("ParameterError ?")
    assert answer.intent == "error_explain"
    assert answer.facts["code"] == "ParameterError"
    assert answer.facts["error_id"] is None


def test_a_question_without_negation_is_never_a_negative_error_message() -> None:
    """'is that carrier supported?' is not the pasted error 'carrier not supported'."""
    assert explain_error("we ship with Speedy Parcels, is that carrier supported?") is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("combien coûte l'abonnement ?", "prices"),
        ("que dit le contrat sur les pénalités ?", "contract"),
        ("when will I be paid for my sales?", "rakuten_delays"),
        ("le token expire au bout de combien de temps ?", "token_lifetime"),
        ("the buyer wants his money back, how do I issue a refund?", "buyer_service"),
        ("un client ouvre un litige, on fait quoi ?", "buyer_service"),
    ],
)
def test_out_of_scope_questions_are_recognised(text: str, category: str) -> None:
    """Prices, contracts, Rakuten's delays, the token's lifetime and after-sale service to a
    buyer are out of scope."""
    found = out_of_scope(text)
    assert found is not None
    assert found.id == category


def test_out_of_scope_answers_say_who_can_answer() -> None:
    """The honest don't-know names who can answer, in the user's language, with no stock answer."""
    answer = SupportEngine().answer("quel est le prix de l'abonnement pro ?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert "support vendeurs de Rakuten" in answer.text
    assert "Professionnel" not in answer.text


def test_an_error_the_api_returns_is_not_after_sale_service() -> None:
    """Words of the connection itself ('the API returns', 'retour') never read as a refund."""
    assert out_of_scope("the API returns an error when I confirm a sale") is None
    assert out_of_scope("le retour de l'API est vide") is None


def test_a_number_the_spoken_carrier_only_takes_by_a_catch_all_is_not_its_own() -> None:
    """A GB S10 number is Royal Mail's even though Chronopost's catch-all S10 shape takes it."""
    carriers = registry()
    chronopost, royal_mail = carriers.get("chronopost"), carriers.get("royal-mail")
    assert chronopost is not None
    assert royal_mail is not None
    assert not fits_spoken_carrier(chronopost, "RB123456785GB")
    assert fits_spoken_carrier(royal_mail, "RB123456785GB")
    assert fits_spoken_carrier(chronopost, "XU123456785FR")


@pytest.mark.parametrize("text", ["test", "test 123", "Testing"])
def test_a_message_of_test_words_only_asks_nothing(text: str) -> None:
    """A bare 'test' probes the bot: the honest capabilities answer, never the test-order one."""
    answer = SupportEngine().answer(text)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_testing_the_bot_is_no_test_order_question() -> None:
    """'je teste juste le bot' is a greeting; 'how do I test?' and the bot's test order still
    get the test-order answer."""
    engine = SupportEngine()
    assert engine.answer("salut, je teste juste le bot").intent == "greeting"
    assert engine.answer("comment on teste ?").intent == "test_order"
    assert engine.answer("can the bot tell me how to get a test order?").intent == "test_order"


def test_an_ambiguous_name_is_settled_by_a_precise_one_in_the_same_message() -> None:
    """'DPD ?' then 'un contrat DPD Predict' means DPD France; '(Hermes Germany)' settles Hermes."""
    engine = SupportEngine()
    dpd = engine.answer("Est ce que vous gerez DPD ? on a un contrat DPD Predict")
    assert dpd.facts["carrier_ids"] == ["dpd-fr"]
    hermes = engine.answer("Can we use Hermes? It's for our German warehouse (Hermes Germany).")
    assert hermes.facts["carrier_ids"] == ["hermes-de"]
    assert SupportEngine().answer("DPD ?").facts["ambiguous"]


def test_a_later_question_with_a_number_uses_the_carrier_the_message_named() -> None:
    """'Mondial Relay accepté ? quel lien pour le colis 58204719 ?' links that parcel."""
    answer = SupportEngine().answer(
        "Mondial Relay c'est accepté sur Rakuten ? "
        "quel lien pour le colis 58204719 livré au 75011 ?"
    )
    assert [part.intent for part in answer.parts] == ["carrier_support", "tracking_url"]
    link = answer.parts[1]
    assert link.facts["carrier_ids"] == ["mondial-relay"]
    assert link.facts["tracking_url"].endswith("numeroExpedition=58204719&codePostal=75011")


@pytest.mark.parametrize(
    "text",
    [
        "What's the status of purchase 3301456621?",
        "Do we have new sales waiting for acceptance?",
        "combien de commandes en attente d'acceptation sur le compte ?",
    ],
)
def test_order_questions_in_other_words_are_order_questions(text: str) -> None:
    """A purchase id after 'purchase', new sales and orders awaiting acceptance ask about orders."""
    assert SupportEngine().answer(text).intent == "order_status"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("pourquoi mes produits ne matchent pas avec les commandes ?", "sku_mapping"),
        ("on peut tester avec une fausse commande ?", "test_order"),
        ("can you check an order for me", "order_status"),
        ("est-ce que les commandes des DOM-TOM remontent ?", "country_scope"),
        ("what's the hourly limit of API calls?", "error_explain"),
    ],
)
def test_everyday_words_of_each_intent_are_understood(text: str, intent: str) -> None:
    """Franglais ('matchent'), 'fausse commande', 'check an order', overseas departments and
    the hourly limit route to their intents."""
    assert SupportEngine().answer(text).intent == intent


def test_hyphenated_common_words_are_never_carrier_names() -> None:
    """'Peut-on', 'Est-ce' and 'e-mail' are ordinary words; 'trans-o-flex' is a name the
    registry does not know."""
    for text in ("Peut-on expédier avec un transporteur local ?", "Est-ce que ça passe ?"):
        assert extract_entities(text).unknown_carriers == []
    named = extract_entities("Merchant ships with trans-o-flex in Germany. Supported or not?")
    assert named.unknown_carriers == ["trans-o-flex"]
