"""A French question asked with "quoi" in place ("je mets quoi comme login") is one of the
message's questions, so a message asking it with others answers it too."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import is_question


def test_login_question_with_quoi_in_place_is_answered_among_others() -> None:
    """The login question is answered first, then each carrier asked about."""
    answer = SupportEngine().answer(
        "je mets quoi comme login, et est-ce que Mondial Relay est accepté ? Et aussi Chronopost ?"
    )
    assert [part.intent for part in answer.parts] == [
        "login_help",
        "carrier_support",
        "carrier_support",
    ]
    assert answer.lang == "fr"


def test_quoi_that_does_not_ask_is_no_question() -> None:
    """ "n'importe quoi" and "de quoi" do not make a sentence a question."""
    assert is_question("je mets quoi comme login")
    assert not is_question("il a tapé n'importe quoi dans le champ")
    assert not is_question("il ne sait plus de quoi il parle")
