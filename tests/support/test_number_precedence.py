"""The number in the message beats the remembered one: a follow-up's own tracking number,
postcode or carrier is answered, never the earlier turn's."""

from __future__ import annotations

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support._entities import extract_entities


def _turns(*messages: str) -> tuple[Conversation, list[dict[str, object]]]:
    engine = SupportEngine()
    memory = Conversation()
    facts = [engine.answer(message, memory).facts for message in messages]
    return memory, facts


def test_digits_after_order_that_fit_the_named_carrier_are_a_tracking_number() -> None:
    """'the DHL Express one for that order: 3318810025' names a DHL Express number, not an id."""
    entities = extract_entities("the DHL Express one for that order: 3318810025")
    assert entities.numbers == ["3318810025"]
    assert entities.purchase_id != "3318810025"


def test_an_order_id_that_no_named_carrier_takes_stays_an_order_id() -> None:
    """'commande 430123456 en Colissimo' keeps 430123456 as the order, not a tracking number."""
    entities = extract_entities("commande 430123456 envoyée en Colissimo")
    assert entities.numbers == []
    assert entities.purchase_id == "430123456"


def test_an_id_shaped_number_without_a_carrier_named_stays_an_id() -> None:
    """Without a carrier in the message, digits after 'order' are still the order's id."""
    assert extract_entities("order 3318810025 is stuck").numbers == []


def test_a_new_dhl_express_number_after_a_ups_link_gets_the_dhl_express_link() -> None:
    """After a UPS link, 'a DHL Express one for the same order: N' answers N for DHL Express."""
    memory, facts = _turns(
        "tracking link for UPS 1ZE7R19A0468426306",
        "the buyer also has a DHL Express parcel for the same order: 3318810025",
    )
    assert facts[1]["carrier_ids"] == ["dhl-express"]
    assert facts[1]["number"] == "3318810025"
    assert "1ZE7R19A0468426306" not in str(facts[1].get("tracking_url"))
    assert "refused_carrier" not in facts[1]
    assert memory.number == "3318810025"


def test_a_new_fedex_number_after_a_ups_link_is_not_answered_with_the_ups_number() -> None:
    """'also a FedEx one for the same order: N' with a 12-digit FedEx N links N at FedEx."""
    _, facts = _turns(
        "UPS tracking url 1ZE7R19A0468426306 please",
        "there is also a FedEx one for the same order: 986578788855",
    )
    assert facts[1]["carrier_ids"] == ["fedex"]
    assert facts[1]["number"] == "986578788855"
    assert "986578788855" in str(facts[1]["tracking_url"])


def test_a_colissimo_number_after_a_chronopost_link_gets_the_colissimo_link() -> None:
    """In French, after a Chronopost link, a Colissimo parcel 'pour cette commande : N' links N."""
    _, facts = _turns(
        "lien de suivi chronopost XU123456785FR",
        "un autre colis part en Colissimo pour cette commande : 87000123456789",
    )
    assert facts[1]["carrier_ids"] == ["colissimo"]
    assert facts[1]["number"] == "87000123456789"
    assert "87000123456789" in str(facts[1]["tracking_url"])


def test_a_new_carrier_and_number_without_order_words_replace_both_memories() -> None:
    """'et en DHL Express 3318810025 ?' after Colissimo answers DHL Express with that number."""
    memory, facts = _turns("lien colissimo 6A12345678905", "et en DHL Express 3318810025 ?")
    assert facts[1]["carrier_ids"] == ["dhl-express"]
    assert facts[1]["number"] == "3318810025"
    assert memory.carrier_ids == ["dhl-express"]


def test_without_a_number_in_the_message_the_remembered_one_is_used() -> None:
    """'the link again?' after a Colissimo number links the remembered number."""
    _, facts = _turns("lien colissimo 6A12345678905", "tu me redonnes le lien ?")
    assert facts[1]["number"] == "6A12345678905"
    assert "6A12345678905" in str(facts[1]["tracking_url"])


def test_a_new_postcode_in_the_message_beats_the_remembered_postcode() -> None:
    """A second postcode for the same Mondial Relay parcel builds the link with the new one."""
    memory, facts = _turns(
        "lien mondial relay 12345678900102000750111238 code postal 75011",
        "sorry, the buyer's postcode is 69003",
    )
    assert facts[0]["postcode"] == "75011"
    assert facts[1]["postcode"] == "69003"
    assert "69003" in str(facts[1]["tracking_url"])
    assert memory.postcode == "69003"


def test_carriers_offered_as_alternatives_for_a_number_ask_whose_it_is() -> None:
    """'<number> : Chronopost ou Colissimo ?' asks which carrier the number is, not a link."""
    from rakuten_assist.support import SupportEngine

    engine = SupportEngine()
    assert engine.answer("XU-9072-14637-FR : Chronopost ou Colissimo ?").intent == (
        "detect_carrier"
    )
    assert engine.answer("number LS206174359NL - PostNL or something else?").intent == (
        "detect_carrier"
    )
    assert engine.answer("tracking link for Colissimo 6A12345678905").intent == "tracking_url"


def test_a_number_typed_in_hyphenated_groups_is_one_number() -> None:
    """'XU-9072-14637-FR' is the number XU907214637FR when a check digit proves it."""
    from rakuten_assist.support._grouped_numbers import spaced_numbers

    found, masked = spaced_numbers("XU-9072-14637-FR : lequel ?")
    assert found == ["XU907214637FR"]
    assert "XU" not in masked
