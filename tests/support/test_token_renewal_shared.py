"""Renewing the token or sharing it between tools is answered with what is known (nothing
published, what regenerating does), not with the stock 'the token is in Mon compte …'."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("how often should I regenerate my API token?", "en", "is not published"),
        ("can I use the same token in two tools?", "en", "several tools at once is not published"),
        ("on peut utiliser le même jeton pour deux logiciels ?", "fr", "ce n'est pas publié"),
    ],
)
def test_renewal_and_sharing_say_nothing_is_published_and_what_regenerating_does(
    question: str, lang: str, said: str
) -> None:
    """The answer says it is not published, who can say, and that a regenerated token's old
    value is refused (copy the new one into every tool)."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.intent == "token_help"
    assert said in answer.text
    assert "Unknown user or password." in answer.text
    assert answer.facts["published"] is False
    assert not answer.text.startswith(("The API token is in", "Le jeton d'API se trouve"))


def test_where_is_the_token_keeps_the_location_answer() -> None:
    """'où trouver mon token ?' still gets where the token is."""
    answer = SupportEngine().answer("où trouver mon token api rakuten ?", lang="fr")
    assert answer.text.startswith("Le jeton d'API se trouve")


def test_a_regenerated_token_that_stopped_everything_starts_with_what_regenerating_does() -> None:
    """'we regenerated the token and now nothing works' opens with: the old one is refused,
    copy the new one into every tool."""
    answer = SupportEngine().answer("we regenerated the token and now nothing works", lang="en")
    assert answer.text.startswith("If you regenerate the token, Rakuten refuses the old one")
    assert "into every tool that uses it" in answer.text
