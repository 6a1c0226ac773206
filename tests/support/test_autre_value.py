"""What Rakuten's carrier value 'Autre' needs is answered by the carrier rules."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("if we pick Autre as the carrier, is the tracking URL mandatory?", "en"),
        ("avec le transporteur « Autre », le lien de suivi est obligatoire ?", "fr"),
    ],
)
def test_what_autre_needs_for_the_link_gets_the_carrier_rules(question: str, lang: str) -> None:
    """Asking whether 'Autre' needs a tracking URL gets the rules (Autre: URL mandatory)."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("carrier_support", lang)
    assert "Autre" in answer.text


def test_the_ordinary_word_autre_is_no_carrier_value() -> None:
    """'faut-il un autre lien de suivi ?' (another link) is no question about 'Autre'."""
    assert SupportEngine().answer("faut-il un autre lien de suivi ?").intent == "tracking_url"
