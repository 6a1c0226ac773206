"""Families the blind tables dev17 and dev18 found on their first runs, each in new words."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.conversation import Conversation


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le nombre exact d'appels par heure autorisé par Rakuten ?",
        "Is the hourly call limit published anywhere? What is it precisely?",
    ],
)
def test_the_exact_hourly_figure_is_an_honest_unknown(question: str) -> None:
    """Rakuten publishes no figure: said so, with the quota error and who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert "InvalidUserRights" in answer.text


def test_the_hourly_figure_asked_as_a_count_is_the_same_honest_unknown() -> None:
    """'how many calls per hour can we make?' asks the figure nobody publishes: the honest
    unknown, naming the quota error and who can give the figure (decision in docs/support.md:
    every blind table labels it so)."""
    answer = SupportEngine().answer("how many calls per hour can our ERP make?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert "InvalidUserRights" in answer.text


def test_calls_left_without_an_hour_is_still_the_quota_error() -> None:
    answer = SupportEngine().answer("on a pris Quota exceeded, il nous reste combien d'appels ?")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"


def test_an_error_stays_the_topic_across_an_aside() -> None:
    """After the quota error and an unanswerable aside, 'will it clear by itself?' is still
    about the quota error."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("on a 'Quota exceeded.' depuis ce matin", memory)
    engine.answer("et la limite exacte par heure, c'est combien précisément ?", memory)
    answer = engine.answer("ok, et ça repart tout seul si on attend ?", memory)
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"


def test_a_person_with_a_title_is_no_carrier() -> None:
    """'M. Bartolini (our accountant)' names no BRT; 'en Bartolini' still does."""
    engine = SupportEngine()
    asked = engine.answer("Mme Bartolini, notre comptable, demande si GLS Italy est accepté.")
    assert "brt" not in (asked.facts.get("carrier_ids") or [])
    assert asked.intent == "carrier_support"
    assert engine.answer("on expédie en Bartolini, c'est accepté ?").facts["carrier_ids"] == ["brt"]


def test_one_topic_asked_twice_is_answered_once() -> None:
    """'the login or the token? and where is a new token?' gives one token answer."""
    answer = SupportEngine().answer(
        "Is the login or the token wrong? And where do we create a fresh token?"
    )
    intents = [part.intent for part in answer.parts] or [answer.intent]
    assert intents.count("token_help") == 1


def test_a_status_rakuten_never_sends_is_said_unknown_wherever_it_stands() -> None:
    """'a DELIVERED item status' is not one Rakuten is known to send: said so."""
    answer = SupportEngine().answer("Do orders ever get a DELIVERED item status from Rakuten?")
    assert answer.intent == "order_status"
    assert answer.facts["unknown_status"] == "DELIVERED"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Can we confirm shipments with Geodis on Rakuten?", "carrier_support"),
        ("Rakuten fait comment le lien entre les commandes et le catalogue, EAN ou SKU ?",
         "sku_mapping"),
        ("the merchant typed his website password in the token field, is that it?",
         "token_help"),
        ("notre comptable me demande si DPD France est accepté", "carrier_support"),
    ],
)  # fmt: skip
def test_words_that_pointed_elsewhere(question: str, intent: str) -> None:
    """Confirming a shipment 'with' a carrier, 'le lien entre' orders and products, the
    site's password, an accountant asking: each is answered for what it asks."""
    assert SupportEngine().answer(question).intent == intent


def test_a_link_asked_for_a_shared_brand_asks_which_one_and_then_gives_it() -> None:
    """'le lien GLS pour 71620849315' asks which GLS as the link's answer; naming it gives
    the link for the remembered number."""
    engine = SupportEngine()
    memory = Conversation()
    which = engine.answer("il me faut le lien de suivi GLS pour le colis 71620849315", memory)
    assert which.intent == "tracking_url"
    assert "gls-fr" in which.facts["ambiguous"][0]["candidates"]
    assert not which.facts.get("tracking_url")
    link = engine.answer("GLS France", memory)
    assert link.facts["tracking_url"].endswith("71620849315")


def test_a_link_asked_for_a_name_nobody_knows_is_an_honest_unknown() -> None:
    """'Zeleris tracking link please' (no number): the name is not in the registry, said
    so, never a request for the number as if the carrier were known."""
    answer = SupportEngine().answer("Zeleris tracking link please")
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == ["Zeleris"]
    assert answer.facts["escalate"] is True
