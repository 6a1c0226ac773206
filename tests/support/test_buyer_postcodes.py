"""Postcodes of the buyer countries as addresses write them: with their country code in
front, Dutch ones in lower case, and the country a Dutch postcode says for PostNL's link."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Conversation, SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._postcodes import postcode_country


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("livraison à NL-1012 AB Amsterdam", "1012 AB"),
        ("code postal : NL 2511CV", "2511CV"),
        ("le client habite aux Pays-Bas, 3011 bd Rotterdam", "3011 BD"),
        ("buyer postcode is 2511 cv", "2511 CV"),
        ("adresse : B-1050 Ixelles", "1050"),
        ("Lieferadresse D-10115 Berlin", "10115"),
        ("ship to CH-8001 Zürich", "8001"),
    ],
)
def test_a_postcode_with_its_country_code_or_in_lower_case_is_read_whole(
    text: str, postcode: str
) -> None:
    """The country code in front is left out; a Dutch postcode keeps its two letters."""
    assert extract_entities(text).postcode == postcode


@pytest.mark.parametrize(
    "text", ["code postal 1050 en Belgique", "le client est à 1050 et quelques km"]
)
def test_a_word_after_four_digits_is_no_dutch_postcode(text: str) -> None:
    """'1050 en Belgique': 'en' is a word of the sentence, never the postcode's letters."""
    assert extract_entities(text).postcode in ("1050", None)


def test_a_country_code_before_digits_of_another_shape_is_no_postcode() -> None:
    """'FR 2024' is no French postcode (five digits): an invoice's year stays a year."""
    assert extract_entities("facture FR 2024 12 345").postcode is None


def test_the_shape_says_the_country_only_when_it_is_unique() -> None:
    """Dutch, British and Portuguese shapes name their country; digits alone name none."""
    assert postcode_country("1012 AB") == "NL"
    assert postcode_country("SW1A 1AA") == "GB"
    assert postcode_country("1000-001") == "PT"
    assert postcode_country("1050") is None
    assert postcode_country("75011") is None


@pytest.mark.parametrize(("reply", "lang"), [("NL-2511 CV", "fr"), ("2511 cv", "fr")])
def test_a_dutch_postcode_given_for_postnl_builds_the_link(reply: str, lang: str) -> None:
    """PostNL needs the postcode and the country: a Dutch postcode gives both."""
    engine, memory = SupportEngine(), Conversation()
    asked = engine.answer("lien de suivi PostNL 3SABCD1234567", memory)
    assert "postal_code" in asked.facts["missing"]
    answer = engine.answer(reply, memory)
    assert answer.lang == lang
    assert answer.facts["country"] == "NL"
    assert answer.facts["tracking_url"] == (
        "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-2511CV"
    )


def test_a_postcode_that_names_no_country_asks_for_the_country() -> None:
    """'postcode 1000' gives PostNL a postcode whose digits say no country: the answer asks for
    the country, never for the postcode again, and builds no link."""
    answer = SupportEngine().answer("PostNL link for 3SABCD1234567, postcode 1000")
    assert answer.facts["missing"] == ["country"]
    assert answer.facts["tracking_url"] is None
    assert "country" in answer.text


@pytest.mark.parametrize(
    ("question", "url"),
    [
        (
            "lien PostNL 3SABCD1234567 code postal B-1000",
            "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-BE-1000",
        ),
        (
            "PostNL tracking link 3SABCD1234567, postcode 1000, country BE",
            "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-BE-1000",
        ),
    ],
)
def test_the_country_said_with_the_postcode_completes_postnls_link(question: str, url: str) -> None:
    """A country code before the postcode, or after 'pays' / 'country', is the link's."""
    assert SupportEngine().answer(question).facts["tracking_url"] == url


def test_a_reply_with_the_country_and_the_postcode_completes_the_link() -> None:
    """Asked for the postcode, 'c'est en Belgique, 2000' gives both the link needs."""
    engine, memory = SupportEngine(), Conversation()
    engine.answer("lien PostNL 3SABCD1234567", memory)
    answer = engine.answer("c'est en Belgique, 2000", memory)
    assert answer.facts["tracking_url"] == (
        "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-BE-2000"
    )
