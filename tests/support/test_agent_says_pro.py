"""An agent saying the merchant is already Professional ('alors qu'il est pro') is heard like
the merchant saying it: the answer does not tell them to switch to Professional."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        'le client a "Access denied. This web service is reserved for professional sellers."'
        " alors qu'il est pro depuis hier",
        "Access denied but the merchant is already Professional",
    ],
)
def test_an_agent_saying_the_merchant_is_pro_gets_what_to_check(question: str) -> None:
    """The third person counts: no 'switch the account', the checks to make instead."""
    answer = SupportEngine().answer(question)
    assert answer.facts["error_id"] == "rakuten.access_denied"
    assert "passer le compte en compte vendeur Professionnel" not in answer.text
    assert "switch the account to a Professional" not in answer.text
    assert "doctor" in answer.text


def test_saying_the_merchant_is_not_pro_keeps_the_switch_advice() -> None:
    """'il est pas pro je crois' is no claim of being Professional."""
    answer = SupportEngine().answer("Access denied, il est pas pro je crois")
    assert "passer le compte en compte vendeur Professionnel" in answer.text
