"""A refusal told in the user's own words (not Rakuten's text) finds its error."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "error_id", "lang"),
    [
        (
            "Rakuten a refusé notre confirmation, la vente est pas encore acceptée apparemment",
            "rakuten.status_incorrect",
            "fr",
        ),
        (
            "our shipping update got rejected, Rakuten says it was already confirmed last week",
            "rakuten.already_shipped",
            "en",
        ),
        (
            "Rakuten answered that the order is no longer awaiting acceptance, is that bad?",
            "rakuten.not_awaiting_acceptance",
            "en",
        ),
        (
            "on a envoyé sans url de suivi et Rakuten a refusé l'envoi, pourquoi ?",
            "rakuten.tracking_url_mandatory",
            "fr",
        ),
    ],
)
def test_a_refusal_told_in_own_words_is_explained(question: str, error_id: str, lang: str) -> None:
    """'Rakuten refused: the sale is not accepted yet' gets that error's cause and fix."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("error_explain", lang)
    assert answer.facts["error_id"] == error_id
