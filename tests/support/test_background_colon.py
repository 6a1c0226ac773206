"""Background, a colon, then a question: the question decides; English set-up wordings."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import focus


def test_the_question_after_a_colon_is_the_focus() -> None:
    """'setting up a shop with a client on the phone: where is the token?' asks the token."""
    text = "setting up a new shop with a client on the phone: where is the API token?"
    assert focus(text) == "where is the API token?"
    assert SupportEngine().answer(text).intent == "token_help"


@pytest.mark.parametrize(
    "text",
    ["Statut incorrect : the item is not in a state", "Erreur : pourquoi ?", "login: what is it?"],
)
def test_a_pasted_label_or_a_short_head_keeps_the_whole_sentence(text: str) -> None:
    """An error's own colon, or a head of a few words, is no background to drop."""
    assert focus(text) == text


@pytest.mark.parametrize(
    "question",
    ["configuring the Rakuten connection for a new shop, guide me", "how to configure it?"],
)
def test_configuring_in_english_is_the_set_up(question: str) -> None:
    """'configuring ... guide me' asks for the set-up walkthrough."""
    assert SupportEngine().answer(question).intent == "setup_walkthrough"
