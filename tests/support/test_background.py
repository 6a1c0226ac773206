"""The question over the background: words and entities of the story never route the answer."""

from __future__ import annotations

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support._scope import out_of_scope


def test_a_carrier_of_the_background_does_not_route_a_question_that_refers_back() -> None:
    """'We ship with X for years... typed the e-mail as login. Is that right?' is a login
    question, not a carrier one: the sentence the question points at decides."""
    engine = SupportEngine()
    answer = engine.answer(
        "Hello, the shop has shipped with Colissimo for ten years, about 80 parcels a week. "
        "Yesterday they set up the API and put their e-mail address as the login. Is that ok?"
    )
    assert answer.intent == "login_help"
    assert answer.facts["email_accepted"] is False


def test_the_whole_message_is_read_by_its_words_before_its_background_carrier() -> None:
    """A question with no words of its own is answered from what the message says, not from
    the carrier its background names."""
    answer = SupportEngine().answer(
        "Bonjour, on expédie en Chronopost depuis toujours, aucun souci de ce côté. "
        "Par contre depuis qu'on a changé de flux produit, les articles des commandes ne "
        "correspondent plus à notre catalogue. Vous avez une idée ?"
    )
    assert answer.intent == "sku_mapping"


def test_a_courtesy_word_of_the_background_is_no_greeting() -> None:
    """'Bonjour, <story>. <question the engine cannot answer> ?' is an honest 'I don't know',
    never a greeting that ignores the question."""
    answer = SupportEngine().answer(
        "Bonjour, nous avons un vieux logiciel de caisse depuis des années. "
        "Est-ce que vous pourriez me conseiller une imprimante pour les étiquettes ?"
    )
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


def test_french_elision_does_not_hide_an_out_of_scope_word() -> None:
    """'l'abonnement', 'd'engagement' are the words 'abonnement' and 'engagement'."""
    assert out_of_scope("c'est combien l'abonnement ?") is not None
    assert out_of_scope("quelle durée d'engagement ?") is not None


def test_an_out_of_scope_follow_up_is_not_answered_from_the_conversation() -> None:
    """After carrier questions, 'how much is the subscription?' gets the honest answer."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Chronopost c'est accepté ?", memory)
    answer = engine.answer("et au fait c'est combien l'abonnement pro ?", memory)
    assert answer.intent == "unknown"
    assert answer.facts["out_of_scope"] == "subscription"


def test_thanks_after_an_error_explanation_is_acknowledged() -> None:
    """'thanks' after an error's cause and fix closes the topic; it does not repeat it."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Quota exceeded. what now?", memory)
    answer = engine.answer("thank you", memory)
    assert answer.intent == "greeting"
    assert answer.facts["acknowledged"] is True


def test_the_price_of_this_tool_is_not_rakutens_fees() -> None:
    """'c'est gratuit votre outil ?' is about this tool: honest, and not Rakuten's prices."""
    engine = SupportEngine()
    for question, lang in (
        ("c'est gratuit votre outil ?", "fr"),
        ("is this tool free to use?", "en"),
        ("votre logiciel est payant ?", "fr"),
    ):
        answer = engine.answer(question)
        assert answer.intent == "unknown", question
        assert answer.lang == lang
        assert answer.facts["out_of_scope"] == "this_tool", question
        assert answer.facts["who"] == "tool_provider"
    assert engine.answer("combien coûte la commission Rakuten ?").facts["out_of_scope"] == "prices"


def test_the_link_question_after_a_carrier_answer_reuses_the_carrier() -> None:
    """'what do I need for the link then?' after a Mondial Relay answer is that carrier's link,
    asking for the number; the number given later gets the link."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Mondial Relay est accepté ?", memory)
    asked = engine.answer("et du coup qu'est-ce qu'il faut pour le lien de suivi ?", memory)
    assert asked.intent == "tracking_url"
    assert asked.facts["carrier_ids"] == ["mondial-relay"]


def test_is_that_one_supported_after_a_detection_means_the_detected_carrier() -> None:
    """After a number proved UPS, 'is that carrier supported?' is about UPS."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("which carrier is 1Z999AA10123456784?", memory)
    answer = engine.answer("great, and is that carrier supported on Rakuten?", memory)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["ups"]


def test_whats_next_in_other_words_runs_the_offered_step() -> None:
    """'ok, and what's next after this?' runs the step the last answer offered first, as the
    setup walkthrough's next step."""
    engine = SupportEngine()
    memory = Conversation()
    first = engine.answer("what is the login?", memory)
    offered = engine.answer(first.suggestions[0])
    answer = engine.answer("ok, and what's next after this?", memory)
    assert answer.intent == "setup_walkthrough"
    assert answer.facts["step"] == "token"
    assert offered.intent == "token_help"
    assert offered.text in answer.text


def test_an_awaited_postcode_of_four_digits_is_taken_from_any_reply() -> None:
    """After 'which postcode?', 'the buyer is in Belgium, Brussels 1050' gives the link with
    1050: the reply answers the question asked, it is no question about countries."""
    engine = SupportEngine()
    memory = Conversation()
    first = engine.answer("lien mondial relay 12345678", memory)
    assert first.facts["missing"] == ["postal_code"]
    answer = engine.answer("le client est en Belgique, à Bruxelles, code 1050", memory)
    assert answer.intent == "tracking_url"
    assert answer.facts["postcode"] == "1050"
    assert answer.facts["tracking_url"]


def test_and_if_continues_the_topic_of_the_last_answer() -> None:
    """'and if I only have the e-mail?' after the login answer stays on the login."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("what's the login?", memory)
    answer = engine.answer("and if I only have the email?", memory)
    assert answer.intent == "login_help"


def test_a_problem_reported_without_its_message_asks_for_it() -> None:
    """'on a un souci avec la synchro' is an error question: the answer asks for the text."""
    answer = SupportEngine().answer("on a un souci avec la synchro des commandes")
    assert (answer.intent, answer.lang) == ("error_explain", "fr")
    assert answer.facts["error_id"] is None


def test_ok_then_a_carrier_question_goes_on_about_the_carrier_just_answered() -> None:
    """'ok, which name do we put in the carrier field?' after Relais Colis is about it;
    'and which carriers are accepted?' is about carriers in general."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Relais Colis est accepté ?", memory)
    answer = engine.answer("ok, on met quel nom exactement dans le champ transporteur ?", memory)
    assert answer.facts["carrier_ids"] == ["relais-colis"]
    general = engine.answer("et quels transporteurs sont acceptés en général ?", memory)
    assert general.intent == "carrier_support"
    assert not general.facts.get("carrier_ids")
