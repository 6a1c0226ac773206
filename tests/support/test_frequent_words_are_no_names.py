"""A frequent word typed in lower case at the start of a question ("last one:", "first
thing:") is no carrier's name, while an unknown name in lower case still is."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._lang import frequent_word


@pytest.mark.parametrize(
    "question",
    [
        "last one: an item in ON_HOLD, can we still ship it?",
        "first thing: can we ship an item still in REQUESTED?",
        "dernier point : un article en ON_HOLD, on peut l'expédier ?",
    ],
)
def test_an_opening_word_of_the_language_is_no_unknown_carrier(question: str) -> None:
    """The status asked about is answered; no 'X is not in the carrier registry'."""
    entities = extract_entities(question)
    assert entities.unknown_carriers == []
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"


def test_an_unknown_name_in_lower_case_is_still_one() -> None:
    """'omniva pour les pays baltes ?': a name no list knows stays a carrier asked about."""
    assert extract_entities("omniva pour les pays baltes ?").unknown_carriers == ["omniva"]


def test_the_list_holds_ordinary_words_and_no_carrier_name() -> None:
    """The shipped frequency list knows 'last' and 'dernier', and none of the names of
    carriers the registry lacks that tests and tables use."""
    assert frequent_word("last")
    assert frequent_word("dernier")
    for name in ("omniva", "tipsa", "speedy", "nacex", "seur", "packeta", "evri", "yodel"):
        assert not frequent_word(name), name


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("vous acceptez zeleris pour l'espagne ?", "zeleris"),
        ("is whistl supported for uk orders?", "whistl"),
        ("on bosse avec trunkrs aux pays-bas, c'est géré ?", "trunkrs"),
    ],
)
def test_a_name_typed_in_lower_case_anywhere_is_asked_about(question: str, name: str) -> None:
    """A courier no list knows, typed in lower case inside a carrier question, is the name
    asked about: the honest 'not in the registry', never the country stock answer."""
    assert name in extract_entities(question).unknown_carriers
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "est-ce que je peux utiliser votre outil pour expédier mes commandes ?",
        "ok et vous pouvez me générer le lien à envoyer au client ?",
        "what does itemstatus REQUESTED mean, do we accept it?",
    ],
)
def test_words_of_the_language_or_the_api_are_no_names(question: str) -> None:
    """'outil', 'générer' and the web service's field 'itemstatus' are no couriers."""
    assert extract_entities(question).unknown_carriers == []
