"""Questions that a stock answer only seemed to answer (qa2 item 41): the quota's size, a
sandbox on Rakuten's side, a deadline to ship."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Conversation, SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("how many API calls per hour does Rakuten allow?", "en"),
        ("c'est combien le quota de l'api rakuten par heure ?", "fr"),
    ],
)
def test_the_quota_size_is_said_unpublished_not_diagnosed(question: str, lang: str) -> None:
    """A question about the quota's size says Rakuten publishes no number and who can give
    it (the honest unknown, decision in docs/support.md); it is not answered as a refusal
    with a 'Cause:'."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("unknown", lang)
    assert answer.facts["out_of_scope"] == "quota_figure_hourly"
    assert answer.facts["escalate"] is True
    assert "InvalidUserRights" in answer.text
    assert "**Cause" not in answer.text


def test_a_quota_refusal_is_still_diagnosed() -> None:
    """'on a un problème de quota' (a refusal, no question of size) keeps its cause and fix."""
    answer = SupportEngine().answer("on a un problème de quota")
    assert "**Cause :**" in answer.text
    assert "published_limit" not in answer.facts


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Is there a sandbox on Rakuten's side to test the API?", "en"),
        ("y a-t-il un bac à sable chez Rakuten pour tester ?", "fr"),
    ],
)
def test_a_sandbox_question_gets_rakutens_test_platform(question: str, lang: str) -> None:
    """Rakuten's separate test platform (its address, its own accounts) and ours, not the
    test-order answer."""
    answer = SupportEngine().answer(question)
    assert answer.lang == lang
    assert answer.facts["rakuten_sandbox"] == "https://sandbox.fr.shopping.rakuten.com"
    assert "https://sandbox.fr.shopping.rakuten.com" in answer.text
    assert "--sandbox" in answer.text
    assert "feed platform" not in answer.text
    assert "plateforme de flux" not in answer.text


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("est-ce que je dois confirmer l'expédition avant une date limite ?", "fr"),
        ("what's the shipping deadline on Rakuten?", "en"),
    ],
)
def test_a_deadline_question_is_an_honest_i_dont_know(question: str, lang: str) -> None:
    """A deadline Rakuten sets sellers is not known here: said so, with who can answer."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("unknown", lang)
    assert answer.facts["out_of_scope"] == "seller_deadlines"
    assert answer.facts["who"] == "rakuten_seller_support"


def test_asking_the_quota_size_after_a_quota_refusal_gets_the_size_answer() -> None:
    """After 'Quota exceeded.' is explained, 'combien d'appels il nous reste ?' is told that
    Rakuten publishes no number, not given the same cause and fix again."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("le message c'est Quota exceeded.", conv)
    answer = engine.answer("ok et on peut savoir combien d'appels il nous reste ?", conv)
    assert answer.intent == "error_explain"
    assert "Rakuten ne publie aucun chiffre pour son quota horaire" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("why do I get Quota exceeded when I only call every 10 minutes?", "Every request counts"),
        ("Quota exceeded alors qu'on n'appelle que toutes les 15 minutes", "Chaque requête compte"),
    ],
)
def test_a_quota_refusal_despite_rare_calls_says_what_counts(question: str, said: str) -> None:
    """Calls said to be rare: the answer adds that pages, acceptances and shipments each
    count, and every tool with the same login and token."""
    answer = SupportEngine().answer(question)
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"
    assert said in answer.text
    assert "settrackingpackageinfos" in answer.text


def test_a_plain_quota_refusal_has_no_counting_note() -> None:
    """'Quota exceeded. que faire ?' keeps its cause and fix only."""
    answer = SupportEngine().answer("Quota exceeded. que faire ?")
    assert "Chaque requête compte" not in answer.text
