"""Error answers: a bare shared code names every cause, a user who says they are Professional
is heard, and Rakuten's text is quoted only when pasted, marked as Rakuten's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(("question", "lang"), [("InvalidUserRights", "en"),
                                                ("j'ai un InvalidUserRights", "fr")])  # fmt: skip
def test_bare_invaliduserrights_names_the_rights_error_and_the_quota(
    question: str, lang: str
) -> None:
    """The bare code gets both causes (rights and hourly quota) and a request for the message."""
    answer = SupportEngine().answer(question)
    assert answer.lang == lang
    assert answer.facts["possible_error_ids"] == [
        "rakuten.access_denied",
        "rakuten.quota_exceeded",
    ]
    text = answer.text.lower()
    assert "professional" in text or "professionnel" in text
    assert "heure" in text if lang == "fr" else "hour" in text
    assert "paste the message" in text if lang == "en" else "collez le message" in text
    refs = {source.ref for source in answer.sources}
    assert refs == {"rakuten.access_denied", "rakuten.quota_exceeded"}


def test_bare_invaliduserrights_facts_pick_no_error() -> None:
    """A script reading the facts of the bare code gets no single error, but each one's fix."""
    facts = SupportEngine().answer("InvalidUserRights").facts
    assert facts["error_id"] is None
    assert facts["cause"] is None
    assert facts["fix"] is None
    assert set(facts["fixes"]) == {"rakuten.access_denied", "rakuten.quota_exceeded"}
    assert all(facts["fixes"].values())


def test_quota_message_with_the_code_is_only_the_quota() -> None:
    """The code with "Quota exceeded." is the quota error alone."""
    answer = SupportEngine().answer("InvalidUserRights: Quota exceeded.")
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"
    assert answer.facts["possible_error_ids"] == []


@pytest.mark.parametrize(
    "question",
    [
        'Rakuten me dit "Access denied" alors que je suis bien pro depuis hier',
        "Access denied but our account is already Professional",
    ],
)
def test_access_denied_for_a_user_who_says_they_are_professional(question: str) -> None:
    """A user who says the account is Professional is not told to switch to Professional."""
    answer = SupportEngine().answer(question)
    assert answer.facts["error_id"] == "rakuten.access_denied"
    text = answer.text.lower()
    assert "switch the account" not in text
    assert "passer le compte" not in text
    assert "doctor" in text
    assert "already professional" in text or "déjà professionnel" in text


def test_access_denied_without_saying_professional_keeps_the_switch_advice() -> None:
    """A user who says they are not Professional still gets the switch advice."""
    answer = SupportEngine().answer("Access denied, je ne suis pas pro")
    assert "passer le compte en compte vendeur Professionnel" in answer.text


def test_french_answer_never_opens_with_rakuten_text_not_pasted(
    english_leaks: Callable[[str], list[str]],
) -> None:
    """A French error answer quotes no English sentence the user did not paste."""
    answer = SupportEngine().answer("j'ai une erreur d'accès refusé, c'est quoi ?")
    assert answer.lang == "fr"
    assert "Access denied" not in answer.text
    assert "reserved for professional" not in answer.text
    assert english_leaks(answer.text) == []


def test_pasted_rakuten_message_is_quoted_as_rakutens() -> None:
    """Rakuten's message the user pasted is quoted once, labelled as Rakuten's message."""
    answer = SupportEngine().answer("Quota exceeded. que faire ?")
    assert answer.text.startswith("Message de Rakuten, tel que vous l'avez collé : « Quota")


def test_french_error_suggestions_are_french(english_leaks: Callable[[str], list[str]]) -> None:
    """Asking about an error without pasting it suggests French quick replies in French."""
    answer = SupportEngine().answer("j'ai une erreur mais je ne sais plus laquelle")
    assert answer.lang == "fr"
    assert answer.suggestions
    assert "Quota exceeded." not in answer.suggestions
    assert english_leaks(" ".join(answer.suggestions)) == []
