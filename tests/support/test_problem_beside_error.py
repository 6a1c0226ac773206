"""A problem told beside a pasted error gets two parts: the problem's answer, then the
error explained."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("message", "lang", "first"),
    [
        (
            "nos SKU ne correspondent pas au catalogue et en plus on a Quota exceeded.",
            "fr",
            "sku_mapping",
        ),
        (
            "lien Colissimo 6A12345678905 svp ; Rakuten a aussi répondu Quota exceeded.",
            "fr",
            "tracking_url",
        ),
        (
            "the SKUs of our orders do not match the catalogue, also got Quota exceeded.",
            "en",
            "sku_mapping",
        ),
    ],
)
def test_the_problem_and_the_pasted_error_are_both_answered(
    message: str, lang: str, first: str
) -> None:
    """The problem's answer first, the quota refusal explained second, same language."""
    answer = SupportEngine().answer(message)
    assert answer.lang == lang
    assert [p.intent for p in answer.parts] == [first, "error_explain"]
    assert answer.parts[1].facts["error_id"] == "rakuten.quota_exceeded"


def test_an_error_phrase_in_ones_own_words_adds_no_part() -> None:
    """'I already shipped it' said in a question is no pasted error to explain apart."""
    answer = SupportEngine().answer("status says CANCELLED but I already shipped it, why?")
    assert len(answer.parts) <= 1
