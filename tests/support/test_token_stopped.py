"""A token that stopped working gets the causes that make one stop, not where the token is
(qa2 item 23b)."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Our token stopped working this morning, we didn't change anything", "en"),
        ("le jeton ne marche plus depuis ce matin, on n'a rien touché", "fr"),
    ],
)
def test_a_token_that_stopped_gets_its_causes_and_the_error_to_ask_for(
    question: str, lang: str
) -> None:
    """Regenerated elsewhere, no longer Professional, the hourly quota, and the exact error
    text asked for; the error catalogue entries are named in the facts and sources."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("token_help", lang)
    assert answer.facts["stopped_working"] is True
    assert answer.facts["possible_error_ids"] == [
        "rakuten.unknown_user",
        "rakuten.access_denied",
        "rakuten.quota_exceeded",
    ]
    text = answer.text
    assert "Unknown user or password." in text
    assert "InvalidUserRights" in text
    assert "Quota exceeded." in text
    if lang == "fr":
        assert "régénéré" in text
        assert "Professionnel" in text
        assert "Collez le texte exact de l'erreur" in text
    else:
        assert "regenerated" in text
        assert "Professional" in text
        assert "Paste the exact error text" in text
    refs = {source.ref for source in answer.sources}
    assert {"rakuten.unknown_user", "rakuten.quota_exceeded"} <= refs


def test_where_the_token_is_keeps_its_answer() -> None:
    """'where is my token?' still gets where the token is."""
    answer = SupportEngine().answer("where is my token?")
    assert answer.intent == "token_help"
    assert "stopped_working" not in answer.facts
    assert "Mes informations développeur" in answer.text
