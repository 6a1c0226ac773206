"""'How does tracking work for X?' gets the carrier answer for X, whatever X is."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "carrier_id"),
    [
        ("How does tracking work for Chronopost parcels?", "en", "chronopost"),
        ("how does the tracking work with colis privé", "en", "colis-prive"),
        ("comment fonctionne le suivi avec Mondial Relay ?", "fr", "mondial-relay"),
    ],
)
def test_a_known_carrier_gets_its_carrier_answer(question: str, lang: str, carrier_id: str) -> None:
    """A registry carrier: whether Rakuten takes it, under which name, an example link."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert answer.facts["carrier_ids"] == [carrier_id]


@pytest.mark.parametrize(
    ("question", "lang", "name"),
    [
        ("How does tracking work for Speedy?", "en", "Speedy"),
        ("how does tracking work if we ship with Vinted Go", "en", "Vinted Go"),
        ("le suivi ça marche comment avec Omniva ?", "fr", "Omniva"),
    ],
)
def test_a_name_not_in_the_registry_is_said_unknown_with_who_can_answer(
    question: str, lang: str, name: str
) -> None:
    """A name the registry does not know: 'not in the registry' and Rakuten seller support,
    never the list of what the assistant can do, never another carrier."""
    answer = SupportEngine().answer(question)
    assert answer.lang == lang
    assert answer.facts["unknown"] == [name]
    assert answer.facts["carrier_ids"] == []
    assert answer.facts["who"] == "rakuten_seller_support"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("how does tracking work on Rakuten?", "en"), ("comment marche le suivi sur Rakuten ?", "fr")],
)
def test_tracking_in_general_gets_the_carrier_rules(question: str, lang: str) -> None:
    """No carrier named: the rules (transporter, number, URL; 'Autre' needs the URL)."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert answer.facts["url_required"] is True
    assert answer.facts["other_name"] == "Autre"
