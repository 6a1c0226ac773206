"""A refused shipment confirmation told in words lists every possible cause; an undocumented
error code's own words do not route the question; thanks that ask nothing close the topic;
how many days Rakuten takes is an honest unknown."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation

_FOUR_CAUSES = {
    "rakuten.invalid_tracking_number",
    "rakuten.status_incorrect",
    "rakuten.unsupported_carrier",
    "rakuten.tracking_url_mandatory",
}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Rakuten is rejecting our shipping confirmations since Monday, why?", "en"),
        ("every shipment we confirm gets refused by Rakuten, any idea?", "en"),
        ("nos confirmations d'expédition sont rejetées depuis ce matin, une idée ?", "fr"),
        ("chaque expédition est refusée par Rakuten, pourquoi ?", "fr"),
    ],
)
def test_a_refused_confirmation_told_in_words_lists_every_cause(question: str, lang: str) -> None:
    """No message pasted: the four reasons Rakuten refuses a shipment, and a request for its
    message, never one cause stated as fact."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.lang == lang
    assert set(answer.facts["possible_error_ids"]) == _FOUR_CAUSES


@pytest.mark.parametrize(
    "question",
    [
        "confirmations fail with error code INVALID_TRACKING_URL, what is it?",
        "on a le code d'erreur MISSING_TRACKING_LINK sur chaque envoi",
        "error TrackingUrlNotAllowed when we confirm, what does that mean?",
    ],
)
def test_an_undocumented_code_is_explained_not_read_as_a_link_question(question: str) -> None:
    """The code's words ('tracking url') do not make it a link request: it is said unknown."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.facts["unknown_code"]


@pytest.mark.parametrize(
    ("first", "thanks"),
    [
        ("Is Mondial Relay supported?", "thanks, that works"),
        ("lien chronopost pour XY123456785FR", "merci, c'est bon"),
    ],
)
def test_thanks_that_ask_nothing_close_the_topic(first: str, thanks: str) -> None:
    """'thanks, that works' after a carrier answer is thanked, not the carrier again."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer(first, conv)
    assert engine.answer(thanks, conv).intent == "greeting"


def test_thanks_with_a_new_question_still_asks_it() -> None:
    """'merci ! et pour Yodel ?' is a question about Yodel."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("Colissimo c'est accepté ?", conv)
    answer = engine.answer("merci ! et pour Yodel ?", conv)
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["yodel"]


@pytest.mark.parametrize(
    "question",
    [
        "Rakuten met combien de jours pour valider un compte pro ?",
        "en combien de jours Rakuten active le compte professionnel ?",
        "how many days does Rakuten take to switch the account to Professional?",
    ],
)
def test_how_many_days_rakuten_takes_is_an_honest_unknown(question: str) -> None:
    """Rakuten's delays are not in what the engine knows: it says so and who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["who"] == "rakuten_seller_support"


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("we get error TRK-4031 when sending the tracking, any idea?", "TRK-4031"),
        ("erreur SYNC-502 sur chaque appel, c'est quoi ?", "SYNC-502"),
    ],
)
def test_a_code_numbered_after_a_hyphen_is_said_unknown(question: str, code: str) -> None:
    """Another system's numbered error code is no Rakuten code: said unknown, never explained
    as if it were one."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.facts["unknown_code"] == code


def test_an_encoding_name_is_no_error_code() -> None:
    """'ISO-8859-1' names the web service's encoding, not an error."""
    answer = SupportEngine().answer("notre fichier est en ISO-8859-1, il y a une erreur ?")
    assert answer.facts.get("unknown_code") is None
