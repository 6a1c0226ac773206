"""A status Rakuten is not known to send (SHIPPED, DELIVERED) is said to be unknown, with the
statuses that are, instead of 'which order?'."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "status"),
    [
        ("le statut SHIPPED veut dire quoi ?", "fr", "SHIPPED"),
        ("statut DELIVERED sur rakuten", "fr", "DELIVERED"),
        ("item is in status WAITING_SHIPMENT", "en", "WAITING_SHIPMENT"),
    ],
)
def test_a_status_rakuten_is_not_known_to_send_is_said_unknown(
    question: str, lang: str, status: str
) -> None:
    """The status is named as unknown, the seen ones listed, and no order number is asked."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.facts["unknown_status"] == status
    assert f"`{status}`" in answer.text
    assert "`PENDING_CLAIM`" in answer.text
    assert "commande 430000001" not in answer.text
    assert "order 430000001" not in answer.text


def test_a_known_status_keeps_its_meaning_and_no_status_asks_for_the_order() -> None:
    """'que veut dire REMINDED ?' is explained; 'où en est ma commande ?' asks which order."""
    engine = SupportEngine()
    known = engine.answer("c'est quoi le statut REMINDED ?")
    assert known.facts["statuses"] == ["REMINDED"]
    asked = engine.answer("où en est ma commande ?")
    assert asked.facts["missing"] == ["order_id"]
    assert "unknown_status" not in asked.facts
