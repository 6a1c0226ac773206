"""A tracking question naming a carrier the registry does not know (or a shipping platform)
says so, and never hands the number to other carriers as if they were the one named."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._unknown_named import names_beside_number


@pytest.mark.parametrize(
    ("question", "name", "lang"),
    [
        ("tracking link for Speedy Parcels 12345678", "Speedy Parcels", "en"),
        ("lien de suivi pour Tartempion Express 12345678", "Tartempion Express", "fr"),
        ("lien de suivi pour Colis Tartempion 250123456789012", "Colis Tartempion", "fr"),
    ],
)
def test_unknown_named_carrier_is_said_unknown_with_no_link(
    question: str, name: str, lang: str
) -> None:
    """The named carrier is reported as not in the registry, with no link nor carrier picked."""
    answer = SupportEngine().answer(question)
    assert answer.lang == lang
    assert answer.facts["unknown"] == [name]
    assert answer.facts["tracking_url"] is None
    assert "carrier_ids" not in answer.facts
    assert "http" not in answer.text
    first = answer.text.split("\n\n")[0]
    assert name in first
    assert ("not a carrier in our registry" if lang == "en" else "pas un transporteur") in first
    # the number's shape is a separate remark, never a quick reply for another carrier
    assert all(name not in s and "12345678" not in s for s in answer.suggestions)


def test_shape_remark_is_separate_and_hedged() -> None:
    """Known carriers fitting the number's shape come only after, marked as shape evidence,
    and the answer ends by saying who can tell whether Rakuten takes the named carrier."""
    answer = SupportEngine().answer("tracking link for Speedy Parcels 12345678")
    paragraphs = answer.text.split("\n\n")
    assert len(paragraphs) == 3
    assert "Mondial Relay" not in paragraphs[0]
    assert "Mondial Relay" in paragraphs[1]
    assert "not from the name you gave" in paragraphs[1]
    assert "weak evidence" in paragraphs[1]
    assert "Rakuten seller support" in paragraphs[2]
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    ("question", "lang"),
    [("tracking link for Boxtal", "en"), ("lien de suivi Boxtal 12345678", "fr")],
)
def test_platform_in_a_tracking_question_is_named_a_platform(question: str, lang: str) -> None:
    """Boxtal in a tracking question is said to be a shipping platform, and no link is given."""
    answer = SupportEngine().answer(question)
    assert answer.facts["platforms"] == ["Boxtal"]
    assert answer.facts["tracking_url"] is None
    assert ("shipping platform" if lang == "en" else "plateforme d'expédition") in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hello, tracking link for 6A12345678905 please",
        "Bonjour Paul, le lien pour 12345678 ?",
        "Shipment 12345678 link?",
        "Quel est le lien pour le colis 12345678 de Rakuten ?",
    ],
)
def test_ordinary_words_are_not_taken_for_a_carrier_name(question: str) -> None:
    """Greetings, a first name apart from the number, or a capitalised opening word are no
    carrier name."""
    assert names_beside_number(question) == []


def test_known_carrier_still_gets_its_link() -> None:
    """A registry carrier beside its number still gets the exact link."""
    answer = SupportEngine().answer("tracking link for Colissimo 6A12345678905")
    assert answer.facts["tracking_url"].endswith("code=6A12345678905")


@pytest.mark.parametrize(
    "question",
    [
        "lien de suivi pour le client Dupont 6A12345678905",
        "colis de Mme Martin 6A12345678905, le lien ?",
        "lien pour M. Dupont 6A12345678905",
        "tracking link for customer Smith 6A12345678905",
    ],
)
def test_a_persons_name_beside_the_number_is_not_taken_for_a_carrier(question: str) -> None:
    """A buyer's name after a title or a customer word is no carrier: the number is read."""
    assert names_beside_number(question) == []
    answer = SupportEngine().answer(question)
    assert "unknown" not in answer.facts
    assert "colissimo" in (answer.facts.get("candidate_ids") or answer.facts.get("carrier_ids"))


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Tipsa c ok pour l'espagne ?", "Tipsa"),
        ("Fan Courier, ça marche pour la Roumanie ?", "Fan Courier"),
    ],
)
def test_a_short_question_opening_with_an_unknown_name_is_about_that_carrier(
    question: str, name: str
) -> None:
    """A name no lookup knows opening a short question is the honest 'I don't know', never
    the stock answer of the country it mentions."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == [name]
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "HTTP 500 sur l'api ce matin, normal ?",
        "Also, do orders from Spanish buyers get imported?",
        "Actuellement on a une erreur, pourquoi ?",
    ],
)
def test_acronyms_and_discourse_words_opening_a_question_are_no_carrier(question: str) -> None:
    """'HTTP', 'Also' or 'Actuellement' opening a question are not taken for a carrier."""
    assert not SupportEngine().answer(question).facts.get("unknown")


def test_an_unknown_name_before_the_words_of_a_link_request_is_the_carrier_named() -> None:
    """'Venipak lien de suivi <number>' names Venipak as the carrier, unknown to the registry."""
    assert names_beside_number("Venipak lien de suivi 4820193756 svp") == ["Venipak"]
    answer = SupportEngine().answer("Fan Courier tracking link for 2400019384756?")
    assert answer.facts["unknown"] == ["Fan Courier"]
    assert answer.facts["tracking_url"] is None
    assert answer.intent == "unknown"


@pytest.mark.parametrize(
    "question", ["Is Whistl supported for UK orders?", "GEL Express Allemagne, nom Rakuten ?"]
)
def test_an_unknown_carrier_asked_about_for_a_country_is_not_the_countries_answer(
    question: str,
) -> None:
    """A carrier the registry lacks, asked about for a country, is the honest 'I don't know'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert answer.facts["unknown"]


def test_an_item_status_beside_carrier_words_is_no_carrier_name() -> None:
    """'ACCEPTED but no tracking yet': the status and the words after it name no carrier."""
    answer = SupportEngine().answer(
        "item shows ACCEPTED but no tracking yet - what state is the order in?"
    )
    assert answer.intent == "order_status"
    assert not answer.facts.get("unknown")


def test_a_name_with_its_country_in_brackets_is_asked_about_as_a_carrier() -> None:
    """'Nexive (Italy)': a name the registry lacks, with its country, is no countries question."""
    answer = SupportEngine().answer("Does the connector know Nexive (Italy)?")
    assert answer.intent == "unknown"
    assert answer.facts["unknown"] == ["Nexive"]
    assert not SupportEngine().answer("our shop (Lyon) ships abroad?").facts.get("unknown")


@pytest.mark.parametrize(
    "question",
    [
        "omniva pour les pays baltes c'est possible ?",
        "tipsa c ok pour l'espagne ?",
        "venipak lien de suivi 4820193756 svp",
    ],
)
def test_an_unknown_name_typed_in_lower_case_is_still_asked_about(question: str) -> None:
    """Lower-case typing does not turn a carrier the registry lacks into a stock answer."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "super, et vous gérez les commandes venant d'Italie ?",
        "jetonn je le trouve ou pour l'espagne ?",
    ],
)
def test_ordinary_words_and_slips_opening_a_lower_case_question_are_no_name(
    question: str,
) -> None:
    """'super' and a slip of a word the engine knows ('jetonn') are never carrier names."""
    assert not SupportEngine().answer(question).facts.get("unknown")


@pytest.mark.parametrize(
    "question",
    [
        "Nous vendons sur Rakuten depuis deux ans. Omniva pour les pays baltes c'est possible ?",
        "Tipsa pour l'espagne, on peut",
    ],
)
def test_a_name_asked_about_after_background_or_without_a_question_mark(question: str) -> None:
    """The name opening the question sentence counts after background, and a message about
    a place asks even without its question mark."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "wich carriers are suported",
        "Le marchand vend en Belgique. Pouvez-vous me confirmer ?",
    ],
)
def test_slips_of_ordinary_words_and_inverted_verbs_are_no_name(question: str) -> None:
    """'wich' (a slip of 'which') and 'Pouvez-vous' are never taken for a carrier's name."""
    assert not SupportEngine().answer(question).facts.get("unknown")
