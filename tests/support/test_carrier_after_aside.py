"""A number given for a link reuses the carrier being discussed: after an aside the engine
could not answer, and after an answer about several carriers (the one its formats fit)."""

from __future__ import annotations

from rakuten_assist.support import Conversation, SupportEngine


def _last(*turns: str) -> tuple[str, list[str]]:
    engine, memory = SupportEngine(), Conversation()
    for said in turns:
        answer = engine.answer(said, memory)
    return answer.intent, list(answer.facts.get("carrier_ids") or [])


def test_an_out_of_scope_aside_keeps_the_carrier_discussed() -> None:
    """'Chronopost ?', then Rakuten's commission (an honest 'I don't know'), then 'the link
    for <number>': the link is Chronopost's, the aside named no carrier."""
    intent, carriers = _last(
        "Chronopost, c'est accepté par Rakuten ?",
        "au fait, la commission de Rakuten c'est combien ?",
        "et le lien pour XU907214637FR ?",
    )
    assert (intent, carriers) == ("tracking_url", ["chronopost"])


def test_a_number_after_two_carriers_goes_to_the_one_whose_formats_take_it() -> None:
    """After 'Colissimo? And DPD France?', a 14-digit DPD number gets DPD's link, never
    Colissimo's nor a fresh detection."""
    intent, carriers = _last(
        "Do you support Colissimo? And is DPD France supported too?",
        "ok, the tracking link for 01234567890128 please",
    )
    assert (intent, carriers) == ("tracking_url", ["dpd-fr"])


def test_a_number_after_two_carriers_can_be_the_first_ones() -> None:
    """The same two carriers, then a Colissimo number: Colissimo's link."""
    intent, carriers = _last(
        "Do you support Colissimo? And is DPD France supported too?",
        "link for 6A12345678905",
    )
    assert (intent, carriers) == ("tracking_url", ["colissimo"])
