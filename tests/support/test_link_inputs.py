"""A tracking link whose carrier needs several inputs asks for them instead of failing."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine


def test_a_carrier_needing_country_and_postcode_asks_for_them() -> None:
    """PostNL needs the country and the postcode: the answer asks, it never crashes."""
    answer = SupportEngine().answer("lien de suivi PostNL 3SABC12345678")
    assert answer.intent == "tracking_url"
    assert answer.facts["missing"] == ["postal_code", "country"]
    assert answer.lang == "fr"
