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


@pytest.mark.parametrize(
    ("question", "lang", "said"),
    [
        (
            "the buyer says the tracking link opens an empty page, what do I tell him?",
            "en",
            "To check a link a buyer cannot open",
        ),
        (
            "le client dit que le lien de suivi ne marche pas",
            "fr",
            "Pour vérifier un lien que l'acheteur n'arrive pas à ouvrir",
        ),
        ("le lien de suivi envoyé à l'acheteur mène à une page 404", "fr", "à comparer avec"),
    ],
)
def test_a_link_the_buyer_cannot_open_asks_for_what_was_sent(
    question: str, lang: str, said: str
) -> None:
    """A broken link is met with how to check it (carrier and number sent), not the URL rule."""
    answer = SupportEngine().answer(question, lang=lang)
    assert said in answer.text
    assert "Autre" not in answer.text
    assert answer.facts["missing"] == ["carrier", "number"]
