"""Questions the engine answers in one wording are answered in others: a country filter asked
as "only France", Rakuten's delays asked as "how long before", which carrier is "le
mieux", a status opening the question, a sentence opening with an ordinary word."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    "question",
    [
        "can we keep only the orders from France and drop the others?",
        "Peut-on exclure les commandes qui ne viennent pas de France ?",
        "do we also get orders from buyers in Austria?",
        "est-ce possible de ne garder que les commandes de France avec un filtre ?",
    ],
)
def test_a_country_filter_in_other_words_is_the_country_answer(question: str) -> None:
    """Every open order comes whatever the country, and there is no filter."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "country_scope"
    assert answer.facts["countries"] == "all"


@pytest.mark.parametrize(
    "question",
    [
        "pour la Suisse, c'est quel transporteur le plus rapide ?",
        "Quel délai entre la commande et son apparition dans getnewsales ?",
        "Rakuten takes how long to approve the account?",
        "Si on ne l'accepte pas, la vente est annulée au bout de combien de temps ?",
    ],
)
def test_advice_and_rakuten_delays_in_other_words_are_honest_unknowns(question: str) -> None:
    """Which carrier is best and how long Rakuten takes are not known here: said so."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True


@pytest.mark.parametrize(
    "question",
    [
        "TO_CONFIRM sur un article : c'est à nous de jouer ?",
        "Meaning of the status REMINDED? Do we act on it?",
    ],
)
def test_a_status_opening_the_question_is_no_carrier(question: str) -> None:
    """The status is explained; it is never 'not in the carrier registry'."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "order_status"
    assert not answer.facts.get("unknown")


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Qu'est-ce qu'il faut pour brancher un compte Rakuten, et dans quel ordre ?", []),
        ("Sorry, is Trunkrs supported?", ["Trunkrs"]),
    ],
)
def test_an_ordinary_word_opening_a_sentence_is_no_carrier(question: str, names: list[str]) -> None:
    """'Qu'est-ce', 'Sorry' are no carriers; a real unknown name after them still is."""
    answer = SupportEngine().answer(question)
    assert (answer.facts.get("unknown") or []) == names


def test_a_name_of_ordinary_words_is_still_a_name() -> None:
    """'Fan Courier' is two ordinary words and a courier's name."""
    assert SupportEngine().answer("Fan Courier, ça marche ?").facts.get("unknown") == [
        "Fan Courier"
    ]


def test_a_dash_after_a_hello_and_a_thanks_after_the_question_change_nothing() -> None:
    """'Hello - is X supported, and from which countries ...? Thanks' asks two things."""
    answer = SupportEngine().answer(
        "Hello - is Chronopost supported, and from which countries do orders come? Thanks"
    )
    assert [part.intent for part in answer.parts] == ["carrier_support", "country_scope"]


def test_what_a_named_code_means_is_asked_after_background() -> None:
    """Background about the login and token, then 'ça signifie quoi ?' about a code: the
    code is what is asked first."""
    answer = SupportEngine().answer(
        "Le client jure que son identifiant et son jeton sont justes, mais on reçoit "
        "InvalidUserConnection. Ça signifie quoi ?"
    )
    assert answer.intent == "error_explain"
