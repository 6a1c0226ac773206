"""A refusal told in words ("our tracking numbers are refused") names no Rakuten message: the
answer gives every cause Rakuten refuses a shipment for and asks for the message, instead of
one modelled cause stated as the reason."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine

_CAUSES = [
    "rakuten.invalid_tracking_number",
    "rakuten.status_incorrect",
    "rakuten.unsupported_carrier",
    "rakuten.tracking_url_mandatory",
]


@pytest.mark.parametrize(
    ("question", "lang", "asks"),
    [
        ("the tracking number was refused by Rakuten", "en", "paste it"),
        ("nos numéros de suivi sont refusés par rakuten", "fr", "collez-le"),
    ],
)
def test_a_refusal_told_in_words_lists_each_cause_and_asks_for_the_message(
    question: str, lang: str, asks: str
) -> None:
    """Each of the four shipment refusals is named with its fix, and the message is asked for."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.intent == "error_explain"
    assert answer.facts["possible_error_ids"] == _CAUSES
    assert answer.facts["error_id"] == "rakuten.invalid_tracking_number"
    assert asks in answer.text
    accept = "Accept the sale first" if lang == "en" else "Acceptez d'abord la vente"
    assert accept in answer.text
    assert "Autre" in answer.text


def test_a_pasted_message_still_gets_its_one_cause() -> None:
    """Rakuten's (modelled) message pasted keeps its single cause, not the list."""
    answer = SupportEngine().answer(
        "Numéro incorrect : the tracking number contains invalid characters."
    )
    assert answer.facts["error_id"] == "rakuten.invalid_tracking_number"
    assert answer.facts["possible_error_ids"] == []


def test_a_server_error_in_the_merchants_tool_promises_nothing_about_that_tool() -> None:
    """Rakuten's server error, met in the merchant's own connector, is not told 'nothing
    fetched is lost' (a claim about this tool, not theirs)."""
    answer = SupportEngine().answer("j'ai une erreur serveur quand j'accepte une commande")
    assert answer.facts["error_id"] == "rakuten.server_error"
    assert "perdu" not in answer.text
    assert "Réessayez dans quelques minutes" in answer.text
