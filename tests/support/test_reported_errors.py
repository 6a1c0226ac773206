"""An error named as what Rakuten answered is explained, even when its words speak of carriers."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Our confirmations keep getting rejected, the message says carrier not recognized", "en"),
        ("on a eu transporteur non reconnu en confirmant l'envoi GLS, pourquoi ?", "fr"),
        ("Rakuten refuse nos envois : il dit transporteur pas reconnu. Que faire ?", "fr"),
    ],
)
def test_a_reported_unknown_carrier_error_gets_its_cause_and_fix(question: str, lang: str) -> None:
    """'Rakuten refused it, it says carrier not recognised' is the error, not a carrier list."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("error_explain", lang)
    assert answer.facts["error_id"] == "rakuten.unsupported_carrier"


@pytest.mark.parametrize(
    "question",
    ["Colissimo est-il reconnu par Rakuten ?", "is Kuehne Nagel recognised as a carrier?"],
)
def test_asking_whether_a_carrier_is_recognised_stays_a_carrier_question(question: str) -> None:
    """Without a report of an error, 'is X recognised?' asks about the carrier X."""
    assert SupportEngine().answer(question).intent == "carrier_support"
