"""Real wording: problem reports, errors named loosely, typos, long questions with a hello."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._lang import detect_language
from rakuten_assist.support.errors_catalogue import entry_for_topic


def test_a_carrier_said_not_to_work_is_a_problem_to_explain() -> None:
    """'Chronopost ne fonctionne plus, les numéros sont rejetés' reports a problem; asking
    'Chronopost ça marche pas ?' is still a carrier question."""
    engine = SupportEngine()
    report = engine.answer("Chronopost ne marche plus chez nous, les numéros sont rejetés")
    assert report.intent == "error_explain"
    assert report.facts["error_id"] == "rakuten.invalid_tracking_number"
    asked = engine.answer("Chronopost ça marche pas pour Rakuten ?")
    assert asked.intent == "carrier_support"
    assert asked.facts["carrier_ids"] == ["chronopost"]


def test_an_error_named_loosely_is_found_by_its_words_in_order() -> None:
    """A few words between a topic's words, and plurals, still name the error."""
    entry = entry_for_topic("all the tracking numbers we uploaded got rejected today")
    assert entry is not None
    assert entry.id == "rakuten.invalid_tracking_number"
    assert entry_for_topic("rejected tracking number") is None  # order matters


def test_an_error_named_without_pasting_it_is_an_error_question() -> None:
    """'HTTP 500 depuis ce matin, normal ?' gets the server error's cause and fix."""
    answer = SupportEngine().answer("on prend des HTTP 500 depuis ce matin, c'est normal ?")
    assert (answer.intent, answer.lang) == ("error_explain", "fr")
    assert answer.facts["error_id"] == "rakuten.server_error"


def test_typos_of_marker_words_still_tell_the_language() -> None:
    """'transporteurr colisimo acepte ?' is French: typos of French words count half."""
    assert detect_language("transporteurr colisimo acepte ?") == "fr"
    assert detect_language("wich carier is suported") == "en"


def test_a_long_question_after_a_hello_is_no_greeting() -> None:
    """'Hello, how do I put my products on sale for Black Friday?' is answered honestly, and
    a short 'Bonjour, vous pouvez m'aider ?' is still a greeting."""
    engine = SupportEngine()
    answer = engine.answer("Hello, how do I put my products on sale for Black Friday?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert engine.answer("Bonjour, vous pouvez m'aider ?").intent == "greeting"


def test_a_platform_named_for_something_else_is_not_a_carrier_question() -> None:
    """'Can I plug Shopify into Rakuten?' is outside what the engine knows; 'we ship with
    Packlink, is that accepted?' is a carrier question."""
    engine = SupportEngine()
    plug = engine.answer("Can I plug Shopify into Rakuten with your thing?")
    assert plug.intent == "unknown"
    ship = engine.answer("we ship with Packlink, is that accepted?")
    assert ship.intent == "carrier_support"


def test_questions_joined_by_and_or_numbered_with_dots_are_answered_apart() -> None:
    """'where's the token and what's the quota?' and '1. ... 2. ...' are two questions; a
    dot inside a number ('1.5 kg') cuts nothing."""
    from rakuten_assist.support._segments import questions

    assert questions("where's the token and what's the quota?") == [
        "where's the token",
        "what's the quota?",
    ]
    assert questions("1. do I need a pro account 2. how do I test the connection") == [
        "1. do I need a pro account",
        "2. how do I test the connection",
    ]
    assert questions("colissimo 1.5 kg and is it ok?") == ["colissimo 1.5 kg and is it ok?"]
    answer = SupportEngine().answer(
        "quel est le lien Colissimo pour 6A12345678905 et est-ce qu'il faut un compte pro ?"
    )
    assert [part.intent for part in answer.parts] == ["tracking_url", "professional_account"]


def test_a_typed_word_is_a_typo_of_one_keyword_at_most_and_no_carrier_name() -> None:
    """'Can the tool accept sales automatically?' is not a carrier question: 'accept' is no
    double typo ('accepte', 'accepted') and lower-case words after a verb are no carrier name."""
    answer = SupportEngine().answer("Can the tool accept sales automatically?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_a_quoted_error_text_is_the_error_not_the_question() -> None:
    """ "j'ai l'erreur « transporteur non supporté »" explains the guide's warning: the words
    inside the quote do not make a carrier question."""
    answer = SupportEngine().answer(
        "j'ai l'erreur « transporteur non supporté » en mettant à jour le statut de la commande"
    )
    assert (answer.intent, answer.lang) == ("error_explain", "fr")
    assert answer.facts["error_id"] == "rakuten.unsupported_carrier"


def test_which_carrier_is_best_or_cheapest_is_honestly_not_known() -> None:
    """'Quel transporteur est le moins cher ?' gets who can answer, never the carrier rules;
    naming a carrier still gets that carrier's facts."""
    engine = SupportEngine()
    for question in ("Quel transporteur est le moins cher ?", "What's the best carrier for Italy?"):
        answer = engine.answer(question)
        assert answer.intent == "unknown", question
        assert answer.facts["out_of_scope"] in ("carrier_advice", "prices"), question
    named = engine.answer("what's the best transporter name to send for Chronopost?")
    assert named.intent == "carrier_support"
    assert named.facts["carrier_ids"] == ["chronopost"]


def test_asking_what_a_carriers_link_needs_is_about_the_carrier() -> None:
    """'does Ciblex have a tracking link?' asks about the carrier; 'j'ai besoin du lien' asks
    for a link."""
    from rakuten_assist.support import SupportEngine

    engine = SupportEngine()
    assert engine.answer("does Ciblex have a tracking link?").intent == "carrier_support"
    assert engine.answer("Colis Privé a besoin du code postal pour le lien ?").intent == (
        "carrier_support"
    )
    assert engine.answer("j'ai besoin du lien de suivi pour un envoi colis privé").intent == (
        "tracking_url"
    )
