"""A question about what was just told ('is that a problem?', 'c'est grave ?') is about the
story before it; how long before Rakuten cancels a waiting sale is an honest unknown; the
checks asked for in the usual misspelling still find the setup answer."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("On a expédié la commande de test par erreur au client, c'est grave ?", "test_order"),
        ("The shop shipped its test order by mistake. Does it matter?", "test_order"),
        ("Le marchand a tapé son e-mail comme identifiant, c'est un problème ?", "login_help"),
        ("Our feed has no SKU for half the products, is that an issue?", "sku_mapping"),
    ],
)
def test_is_that_a_problem_is_about_what_was_told(question: str, intent: str) -> None:
    """The story decides, not the word 'problem' of the question (no 'paste the error')."""
    assert SupportEngine().answer(question).intent == intent


@pytest.mark.parametrize(
    "question",
    [
        "Si on n'accepte pas une vente, Rakuten l'annule au bout de combien de temps ?",
        "les ventes non acceptées sont annulées automatiquement après combien de jours ?",
        "How many days before Rakuten cancels a sale we did not accept?",
        "are unaccepted sales cancelled automatically at some point?",
    ],
)
def test_how_long_before_rakuten_cancels_a_sale_is_an_honest_unknown(question: str) -> None:
    """Rakuten's deadlines are published nowhere the engine knows: it says so, with who can
    answer, never the order answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert answer.facts["who"] == "rakuten_seller_support"


@pytest.mark.parametrize(
    "question",
    [
        "comment je lance le diagnostique sur le compte du marchand ?",
        "on lance le diagnostic où pour vérifier la connexion ?",
    ],
)
def test_the_checks_asked_as_a_diagnosis_get_the_checklist(question: str) -> None:
    """'diagnostique' (the adjective, often written for the noun) asks for the checks."""
    assert SupportEngine().answer(question).intent == "setup_walkthrough"
