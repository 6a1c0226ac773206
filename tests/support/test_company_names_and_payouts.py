"""A shop's own company name is no carrier, and an accountant's question about when Rakuten
pays the sales out is an honest 'I don't know' naming Rakuten seller support."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities


@pytest.mark.parametrize(
    "text",
    [
        "Je suis le comptable de la SARL Ateliers Ducros (meubles).",
        "Bonjour, ici les Ets Ducros et Fils, une question sur le compte.",
        "Cordialement,\nJean Martin\nSAS Ducros Déco",
        "Best regards,\nAnna, GmbH Ducros Versand",
    ],
)
def test_a_company_named_with_its_legal_form_is_not_a_carrier(text: str) -> None:
    """'Ducros' is an alias of Relais Colis, but after SARL / Ets / SAS it names the shop."""
    assert extract_entities(text).carriers == []


def test_a_carrier_named_beside_a_company_name_is_still_found() -> None:
    """The shop's name goes, the carrier it ships with stays."""
    carriers = extract_entities("Ici la SARL Martin Déco, on expédie en Ducros, c'est accepté ?")
    assert [m.carrier.id for m in carriers.carriers] == ["relais-colis"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Pouvez-vous me dire à quelle date Rakuten verse le montant des ventes ?", "fr"),
        ("Rakuten nous paie quand pour les ventes de novembre ?", "fr"),
        ("Le montant des ventes du mois arrive sur le compte à quelle date ?", "fr"),
        ("When does Rakuten pay us for the sales of last month?", "en"),
        ("what is the payment date for our Rakuten sales?", "en"),
    ],
)
def test_when_rakuten_pays_the_sales_is_an_honest_unknown(question: str, lang: str) -> None:
    """Payout dates are nowhere in what the engine knows: it says so and who can answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.lang == lang
    assert answer.facts["escalate"] is True
    assert answer.facts["who"] == "rakuten_seller_support"


def test_the_accountants_ticket_names_no_carrier() -> None:
    """The whole ticket, signed with a company name holding a carrier's alias: no carrier
    answer, the payout question answered honestly."""
    answer = SupportEngine().answer(
        "Bonjour,\nJe suis le comptable de la SARL Ateliers Ducros. Pour la clôture, à quelle "
        "date Rakuten verse-t-il le montant des ventes ?\nBien cordialement"
    )
    assert answer.intent == "unknown"
    assert "carrier_ids" not in answer.facts or answer.facts["carrier_ids"] == []
