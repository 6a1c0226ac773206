"""The shape of a message does not change its answer: a label or a reported question's lead
before a colon, a message typed all in capitals, a status typed in lower case."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._lang import unshouted


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Ticket n° du jour : où le marchand trouve-t-il son jeton ?", "token_help"),
        ("Ticket of the day: which carriers can a seller use?", "carrier_support"),
        ("La cliente me demande : comment on demande une commande de test ?", "test_order"),
        ("The seller writes: is a private account enough for the connection?",
         "professional_account"),
    ],
)  # fmt: skip
def test_a_lead_before_a_colon_is_no_carrier(message: str, intent: str) -> None:
    """'Ticket', 'Question' or 'The seller writes' opening a message name no carrier."""
    answer = SupportEngine().answer(message)
    assert answer.intent == intent
    assert not answer.facts.get("unknown")


def test_a_reported_question_about_an_unknown_carrier_is_still_honest() -> None:
    """'Le marchand demande : Venipak pour la Lituanie c'est possible ?' is about Venipak."""
    message = "Le marchand demande : Venipak pour la Lituanie c'est possible ?"
    answer = SupportEngine().answer(message)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == ["Venipak"]


def test_a_name_before_a_colon_is_no_lead() -> None:
    """'GEL Express: is it ok?' keeps GEL Express as the name asked about."""
    answer = SupportEngine().answer("GEL Express: is it ok for Rakuten?")
    assert answer.facts.get("unknown") == ["GEL Express"]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("QUELS TRANSPORTEURS SONT ACCEPTÉS PAR RAKUTEN ?", "carrier_support"),
        ("WHICH CARRIER IS RB561029488GB PLEASE", "detect_carrier"),
        ("OÙ EST-CE QUE JE TROUVE LE TOKEN ?", "token_help"),
    ],
)
def test_a_message_in_capitals_is_read_as_typed_in_lower_case(message: str, intent: str) -> None:
    """Capitals all through mark no names: the question is answered."""
    answer = SupportEngine().answer(message)
    assert answer.intent == intent
    assert not answer.facts.get("unknown")


def test_only_a_shouted_message_is_lowered_and_numbers_keep_their_case() -> None:
    """A normal message keeps its capitals; a shouted one keeps its tracking numbers."""
    assert unshouted("Is GLS ok for Rakuten?") == "Is GLS ok for Rakuten?"
    assert unshouted("WHICH CARRIER IS RB561029488GB") == "which carrier is RB561029488GB"


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("que veut dire reminded sur une vente", "REMINDED"),
        ("les ventes en requested, on les accepte comment ?", "REQUESTED"),
        ("the status is cancelled but the parcel left yesterday", "CANCELLED"),
    ],
)
def test_a_status_typed_in_lower_case_where_named_as_one(message: str, status: str) -> None:
    """A status named as a status or asked about is one, whatever its case."""
    answer = SupportEngine().answer(message)
    assert answer.intent == "order_status"
    assert status in answer.facts.get("statuses", [])


def test_an_english_word_that_is_also_a_status_is_no_status() -> None:
    """'can the tool accept sales automatically?' names no status."""
    assert (
        not SupportEngine()
        .answer("my sale was accepted yesterday, is that all?")
        .facts.get("statuses")
    )
