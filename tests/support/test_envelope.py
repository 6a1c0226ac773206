"""A message's envelope (salutation, sign-off, signature, device line) asks nothing."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._envelope import without_envelope


def test_salutation_sign_off_and_signature_are_removed() -> None:
    """The lines around the question go; the question stays whole."""
    mail = "Bonjour Marc,\n\nquels transporteurs acceptez-vous ?\n\nMerci d'avance,\nJulie Martin"
    assert without_envelope(mail) == "quels transporteurs acceptez-vous ?"
    english = "Hi team,\n\nIs GLS supported?\n\nKind regards,\nJohn\nShipping desk"
    assert without_envelope(english) == "Is GLS supported?"
    device = "le token je le trouve où ?\n\nEnvoyé de mon iPhone"
    assert without_envelope(device) == "le token je le trouve où ?"


def test_a_message_that_is_all_courtesy_is_left_whole() -> None:
    """Thanks or a greeting alone are what was said, not an envelope to drop."""
    assert without_envelope("Bonjour,\nmerci beaucoup !") == "Bonjour,\nmerci beaucoup !"
    assert without_envelope("Merci") == "Merci"


def test_a_closing_line_that_asks_is_kept() -> None:
    """A last line with a question is never taken for a sign-off."""
    text = "On utilise Colissimo.\nMerci, et pour Chronopost ?"
    assert without_envelope(text) == text


def test_a_signed_name_is_never_an_unknown_carrier() -> None:
    """A question signed with a name is answered as if unsigned, not as about a carrier 'Julie'."""
    engine = SupportEngine()
    signed = engine.answer(
        "Bonjour,\n\nquels transporteurs sont acceptés ?\n\nBien cordialement,\nJulie"
    )
    assert signed.intent == "carrier_support"
    assert signed.lang == "fr"
    assert not signed.facts.get("unknown")
    english = engine.answer("Hi,\n\nwhich carriers can I use?\n\nThanks in advance,\nJohn")
    assert english.intent == "carrier_support"
    assert not english.facts.get("unknown")


def test_a_forwarded_mails_header_is_envelope() -> None:
    """A forwarded mail's marker and header lines are dropped: the sender's e-mail is no
    login, the subject asks nothing."""
    text = (
        "-------- Message transféré --------\n"
        "De : Marc Lefèvre <marc@atelier-lefevre.fr>\n"
        "Envoyé : mardi 1 décembre 2026 10:05\n"
        "Objet : question suivi\n\n"
        "Chronopost est accepté par Rakuten ?"
    )
    assert without_envelope(text) == "Chronopost est accepté par Rakuten ?"
    answer = SupportEngine().answer(text)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["chronopost"]


def test_a_lone_date_line_is_the_users_own() -> None:
    """One 'Date : ...' line without a forward marker is kept: it may be the question."""
    text = "Date : la vente date d'hier\nelle n'apparaît pas, pourquoi ?"
    assert without_envelope(text) == text


def test_a_salutation_opening_the_question_line_asks_nothing() -> None:
    """'Bonjour, <question>' is answered as the question alone: an out-of-scope question
    after a hello is no greeting, and a carrier the registry does not know stays unknown."""
    engine = SupportEngine()
    cancel = engine.answer("Bonjour à tous, comment on supprime une annonce ?")
    assert cancel.intent == "unknown"
    assert cancel.facts["escalate"] is True
    unknown = engine.answer("Hello, is Trunkrs fine for Dutch orders?")
    assert unknown.intent == "unknown"
    assert "Trunkrs" in unknown.facts["unknown"]
    assert without_envelope("Salut ! le jeton il est où ?") == "le jeton il est où ?"
    assert without_envelope("Hi Marc, is UPS ok?") == "is UPS ok?"


def test_a_name_before_a_comma_is_no_salutation() -> None:
    """Only a salutation is dropped: a carrier's name before a comma is the question's."""
    assert without_envelope("Colissimo, c'est accepté ?") == "Colissimo, c'est accepté ?"
    assert without_envelope("Bonjour !") == "Bonjour !"


def test_the_salutation_still_tells_the_language() -> None:
    """'Bonjour, question rapide' is French though its question says no language alone."""
    assert SupportEngine().answer("Bonjour, question rapide").lang == "fr"


def test_a_signed_greeting_or_thanks_is_still_one() -> None:
    """A hello or a thanks followed by a signature is answered as a hello or a thanks."""
    engine = SupportEngine()
    hello = engine.answer("Bonsoir\nBien à vous,\nKarim")
    assert hello.intent == "greeting"
    assert not hello.facts.get("acknowledged")
    thanks = engine.answer("thanks a lot, all good now\nKind regards,\nPriya")
    assert thanks.intent == "greeting"
    assert thanks.facts["acknowledged"] is True
    assert engine.answer("Hi there!\nBest,\nTom").intent == "greeting"


def test_trying_the_assistant_is_a_greeting() -> None:
    """'I'm just testing the bot' is met with what the assistant can do, not a test order."""
    engine = SupportEngine()
    assert engine.answer("coucou, je teste juste le bot").intent == "greeting"
    assert engine.answer("just testing this bot").intent == "greeting"
    assert engine.answer("comment on teste la connexion ?").intent == "test_order"


def test_a_mistyped_salutation_is_still_one() -> None:
    """'Bojnour, quel login ...?' asks about the login; 'Bojnour' is no unknown carrier."""
    answer = SupportEngine().answer("Bojnour, quel login je mets dans le module ?")
    assert answer.intent == "login_help"
    assert not answer.facts.get("unknown")
    assert without_envelope("Colisimo, c'est ok ?") == "Colisimo, c'est ok ?"


def test_a_polite_tail_after_a_yes_a_number_or_a_question_asks_nothing() -> None:
    """'oui merci' runs the offered step; a number or a question closed by thanks is read
    without it; a statement or a bare 'ok' closed by thanks is thanks."""
    assert without_envelope("oui merci") == "oui"
    assert without_envelope("yes please thanks") == "yes please"
    assert without_envelope("6A12345678905 merci") == "6A12345678905"
    assert without_envelope("et le lien, je le mets où ? merci d'avance") == (
        "et le lien, je le mets où ?"
    )
    assert without_envelope("ok merci") == "ok merci"
    assert without_envelope("c'est bon je relance, merci") == "c'est bon je relance, merci"


def test_yes_please_runs_the_offered_step() -> None:
    """After a carrier answer that offers a link, 'oui merci' asks for the number."""
    from rakuten_assist.support.conversation import Conversation

    engine = SupportEngine()
    memory = Conversation()
    engine.answer("Colissimo est accepté ?", memory)
    assert memory.next_step
    answer = engine.answer("oui merci", memory)
    assert answer.intent == "tracking_url"
