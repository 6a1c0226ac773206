"""Carrier names typed with one slip in their distinctive word are still found in a message."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import find_mentions


@pytest.mark.parametrize(
    ("message", "carrier_id"),
    [
        ("Chronopsot lien de suivi XW308461528FR", "chronopost"),
        ("Colisimmo ça passe ?", "colissimo"),
        ("mondail relay accepte ?", "mondial-relay"),
    ],
)
def test_one_slip_in_a_carriers_distinctive_word_still_names_it(
    message: str, carrier_id: str
) -> None:
    """Two listed spellings of one name are no tie; a slip in the anchoring word of a
    two-word name still finds it."""
    mentions = find_mentions(message)
    assert [m.match.carrier.id for m in mentions if m.match.carrier] == [carrier_id]


def test_a_slip_never_lands_on_two_carriers_at_once() -> None:
    """An ordinary word near no distinctive name word finds no carrier."""
    assert find_mentions("la commande est partie hier") == []
