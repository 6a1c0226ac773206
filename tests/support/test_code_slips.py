"""A Rakuten error code typed with one slip is still that code; a code one slip away from
none, or two slips away, stays a code nobody documents."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.errors_catalogue import error_code_in, unknown_code_in


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("on a encore InvalidUserConection ce matin", "InvalidUserConnection"),
        ("ServreError on every call since noon", "ServerError"),
        ("parametreerror ?", "ParameterError"),
    ],
)
def test_a_code_with_one_slip_is_the_code(typed: str, code: str) -> None:
    """The code is read as Rakuten spells it and never reported as an unknown code."""
    assert error_code_in(typed) == code
    assert unknown_code_in(typed) is None


def test_a_slipped_code_is_explained() -> None:
    """'InvalidUserConection' gets the wrong-credentials cause and its fix."""
    answer = SupportEngine().answer("j'ai InvalidUserConection quand je teste la connexion")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.unknown_user"
    assert answer.facts["fix"]


def test_a_code_two_slips_away_stays_unknown() -> None:
    """'InvalidUserConnexion' is two edits from Rakuten's code: not guessed."""
    assert error_code_in("InvalidUserConnexion") is None
    assert unknown_code_in("erreur InvalidUserConnexion") == "InvalidUserConnexion"
