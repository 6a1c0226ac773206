"""A day, a month or a request word is never a carrier's name, and a pasted shipment's XML
ids are ids, never tracking numbers."""

from __future__ import annotations

import pytest

from rakuten_assist.support._entities import extract_entities


@pytest.mark.parametrize(
    "text",
    [
        "an order we accepted on Monday is gone from the list",
        "la vente acceptée Lundi n'est plus là, on a expédié Mardi",
        "shipped in December with our usual carrier, still not confirmed",
    ],
)
def test_days_and_months_are_no_unknown_carrier(text: str) -> None:
    """A capitalised day or month beside shipping words names no carrier."""
    assert extract_entities(text).unknown_carriers == []


def test_a_pasted_items_xml_keeps_its_ids_out_of_the_numbers() -> None:
    """<purchaseid> and <itemid> are the order's ids; only <trackingnumber> is a number."""
    found = extract_entities(
        "<item><purchaseid>429490877</purchaseid><itemid>670870113</itemid>"
        "<transporter>Colissimo</transporter><trackingnumber>6C20184566376</trackingnumber></item>"
    )
    assert (found.purchase_id, found.item_id) == ("429490877", "670870113")
    assert found.numbers == ["6C20184566376"]


@pytest.mark.parametrize("text", ["donne le lien", "envoie-moi le lien de suivi", "give the link"])
def test_a_request_opening_a_message_is_no_carrier_name(text: str) -> None:
    """'donne le lien' asks for a link; 'donne' is never taken for a carrier's name."""
    assert extract_entities(text).unknown_carriers == []
