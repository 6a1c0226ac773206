"""After a link, another shipment with another carrier gets its own number asked for: the
remembered number is never reused for a carrier whose formats refuse it."""

from __future__ import annotations

from rakuten_assist.support import Conversation, SupportEngine


def test_another_shipment_with_another_carrier_asks_for_its_number() -> None:
    """ "et pour un envoi en Mondial Relay" after a Chronopost link asks for a Mondial Relay
    number and gives no Chronopost link again."""
    engine, conv = SupportEngine(), Conversation()
    first = engine.answer("lien de suivi Chronopost XU123456785FR", conv)
    assert first.facts["tracking_url"]
    answer = engine.answer("et pour un envoi en Mondial Relay, code postal 75011 ?", conv)
    assert answer.facts["carrier_ids"] == ["mondial-relay"]
    assert answer.facts["missing"] == ["number"]
    assert "XU123456785FR" not in answer.text
    assert "chronopost" not in answer.text.lower()
    # the number then given gets its link with the postcode said before
    link = engine.answer("12345678", conv)
    assert link.facts["tracking_url"].endswith("numeroExpedition=12345678&codePostal=75011")


def test_same_parcel_with_another_carrier_is_still_checked_against_the_number() -> None:
    """ "and with Chronopost instead?" about the same parcel keeps checking the number."""
    engine, conv = SupportEngine(), Conversation()
    engine.answer("tracking link for UPS 1Z5R89390357567127", conv)
    answer = engine.answer("and with Chronopost instead, same parcel?", conv)
    assert "chronopost" not in (answer.facts.get("carrier_ids") or [])
