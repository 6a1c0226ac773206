"""A question about the tracking link's form (https, a short link, no number in it) is told
what is known of the form, not only the stock 'every shipment needs a URL'."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        ("est-ce que le lien de suivi doit commencer par https ?", "fr", "aucune règle"),
        ("Rakuten accepte un lien de suivi raccourci (bit.ly) ?", "fr", "lien raccourci"),
        ("can I send the tracking link without the number in it?", "en", "publishes no rule"),
        ("what format should the tracking link have?", "en", "e-mails the link to the buyer"),
    ],
)
def test_the_links_form_is_answered_with_what_is_known(question: str, lang: str, said: str) -> None:
    """Rakuten publishes no rule; the link is e-mailed to the buyer; send the carrier's page."""
    answer = SupportEngine().answer(question, lang=lang)
    assert answer.intent == "tracking_url"
    assert said in answer.text
    assert "Chaque expédition confirmée" not in answer.text
    assert "Every shipment confirmed" not in answer.text


def test_a_plain_link_request_keeps_the_rule_and_asks_for_carrier_and_number() -> None:
    """'quel lien de suivi envoyer ?' still gets the URL rule and the request for both."""
    answer = SupportEngine().answer("quel lien de suivi envoyer ?", lang="fr")
    assert answer.text.startswith("Chaque expédition confirmée")
    assert answer.facts["missing"] == ["carrier", "number"]
