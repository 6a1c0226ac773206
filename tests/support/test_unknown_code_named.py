"""An unknown code said to be an error's is explained as unknown; a quoted error reported too."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "code", "lang"),
    [
        ("the connector log says error SHIP_CARRIER_BAD, why?", "SHIP_CARRIER_BAD", "en"),
        ("on a le code d'erreur ERR_ACCOUNT_LOGIN dans les logs", "ERR_ACCOUNT_LOGIN", "fr"),
    ],
)
def test_an_unknown_error_code_is_said_unknown(question: str, code: str, lang: str) -> None:
    """The code's own words (carrier, login) do not route it: it is an unknown error code."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("error_explain", lang)
    assert answer.facts["error_id"] is None
    assert answer.facts["unknown_code"] == code


def test_a_code_like_word_without_error_words_is_no_error() -> None:
    """'we use DPD_FR for parcels' names a carrier-like label, not an error."""
    assert SupportEngine().answer("we use DPD_FR for parcels").intent != "error_explain"


def test_a_quoted_error_received_is_explained() -> None:
    """'we received "carrier not recognised" from Rakuten for Chronopost' is the error."""
    answer = SupportEngine().answer(
        'we received "carrier not recognised" from Rakuten for Chronopost'
    )
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.unsupported_carrier"
