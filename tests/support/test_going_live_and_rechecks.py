"""The last step before going live is the test order; running the checks again, even after a
clause saying when ('une fois le compte pro activé'), is the checklist."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import focus


@pytest.mark.parametrize(
    "question",
    [
        "Tout est vert. Dernière étape avant la mise en ligne : tester avec une vraie commande ?",
        "avant de passer en production on peut essayer avec une vraie commande ?",
        "All checks are green. What is the last step before we go live?",
        "can we try the connection with a real order before going live?",
    ],
)
def test_the_last_step_before_going_live_is_the_test_order(question: str) -> None:
    """What comes last, with a real order, is the test order answer (its feed platform)."""
    assert SupportEngine().answer(question).intent == "test_order"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "d'accord, une fois le compte pro activé on refait les vérifications comment ?",
            "on refait les vérifications comment ?",
        ),
        (
            "une fois la demande acceptée, on relance les vérifications ?",
            "on relance les vérifications ?",
        ),
        (
            "how do we run the checks again once the account is Professional?",
            "how do we run the checks again ?",
        ),
    ],
)
def test_a_clause_saying_when_is_not_what_is_asked(question: str, asked: str) -> None:
    """The clause tells what is done already; the rest of the sentence is the question."""
    assert focus(question) == asked
    assert SupportEngine().answer(question).intent == "setup_walkthrough"


@pytest.mark.parametrize(
    "question",
    [
        "une fois par semaine on relance la synchro, ça suffit ?",
        "une fois que c'est fait je teste comment ?",
    ],
)
def test_other_uses_of_une_fois_are_left_whole(question: str) -> None:
    """'une fois par semaine' (how often) and 'une fois que...' are not cut."""
    assert focus(question) == question
