"""Families found by a second set of blind paraphrases of tuned rows, each in new words."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities


def test_a_verb_in_lower_case_is_no_one_word_carrier_name() -> None:
    """'does it pick up orders from Spain?' names no 'Pickup'; 'DPD Pickup' still does."""
    assert extract_entities("does the tool pick up orders from Spain?").carriers == []
    assert [m.carrier.id for m in extract_entities("DPD Pickup, c'est accepté ?").carriers] == [
        "dpd-fr"
    ]


def test_an_unknown_carrier_beside_a_known_one_is_answered_apart() -> None:
    """'Vous gérez Speedy ? Et Colissimo ?': not in the registry, then Colissimo's answer."""
    answer = SupportEngine().answer("Vous gérez Venipak ? Et Colissimo ?")
    assert [part.intent for part in answer.parts] == ["unknown", "carrier_support"]
    assert answer.parts[0].facts["unknown"] == ["Venipak"]


def test_accounting_as_the_askers_job_beside_a_carrier_is_no_tax_question() -> None:
    """The bookkeeper asks for the manager whether a carrier is accepted: a carrier answer."""
    answer = SupportEngine().answer(
        "Je fais la comptabilité de la boutique et le gérant demande si Chronopost est accepté."
    )
    assert answer.intent == "carrier_support"
    assert answer.facts["carrier_ids"] == ["chronopost"]


def test_an_hourly_cap_is_the_quota() -> None:
    """'an hourly cap on API calls' is the quota error explained."""
    answer = SupportEngine().answer("is there some hourly cap on API calls?")
    assert answer.intent == "error_explain"
    assert answer.facts["error_id"] == "rakuten.quota_exceeded"


def test_a_plain_test_of_the_bot_is_a_greeting() -> None:
    """'simple test du bot' is met with what the assistant can do."""
    assert SupportEngine().answer("coucou, simple test du bot").intent == "greeting"


def test_the_users_lead_before_a_colon_says_the_language() -> None:
    """'what does this mean: <French text>' is answered in English; a quoted error before
    the colon leaves the language to the words after it."""
    engine = SupportEngine()
    assert engine.answer("what does this mean: Le colis n'a pas été trouvé").lang == "en"
    quoted = engine.answer("\"The parameter 'itemid' is invalid.\" : on a mal envoyé quoi ?")
    assert quoted.lang == "fr"


def test_a_detection_share_is_written_as_the_language_writes_percentages() -> None:
    """'99 %' with a no-break space in French, '99%' in English."""
    french = SupportEngine().answer("c'est quel transporteur 1Z999AA10123456784 ?")
    assert "99\u00a0%" in french.text
    english = SupportEngine().answer("which carrier is 1Z999AA10123456784?")
    assert "99%" in english.text
