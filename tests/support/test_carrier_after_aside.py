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


def test_a_carrier_found_by_its_number_is_asked_about_with_a_subject_pronoun() -> None:
    """'Which carrier is 6A12345678905?' (Colissimo, proven) then 'il est accepté par
    Rakuten ?': 'il' is the carrier just found."""
    intent, carriers = _last(
        "le colis 6A12345678905 c'est quel transporteur ?", "il est accepté par Rakuten ?"
    )
    assert (intent, carriers) == ("carrier_support", ["colissimo"])


def test_a_topic_outlives_an_out_of_scope_aside() -> None:
    """'Is a pro account required?', then its price (out of scope), then 'where do I
    create it?': 'it' is the pro account, answered again, not an 'I don't know'."""
    engine, memory = SupportEngine(), Conversation()
    engine.answer("is a pro account required?", memory)
    aside = engine.answer("how much does it cost?", memory)
    answer = engine.answer("ok and where do I get it?", memory)
    assert aside.facts["out_of_scope"] == "prices"
    assert answer.intent == "professional_account"


def test_a_session_read_back_keeps_its_topic_without_the_questions() -> None:
    """A conversation restored from an `ask --session` file has no questions, only its last
    intent: a follow-up still goes on with that topic."""
    engine = SupportEngine()
    memory = Conversation()
    engine.answer("where is my API token?", memory)
    restored = Conversation.from_json(memory.to_json())
    assert engine.answer("do I copy it whole?", restored).intent == "token_help"
