"""Intents are data: one file per intent, complete, and consistent with the catalogue."""

from __future__ import annotations

from importlib import resources

import pytest

from rakuten_assist import i18n
from rakuten_assist.support import SupportEngine
from rakuten_assist.support.intents import INTENTS, intent_data

DATA = intent_data()


def test_every_intent_but_unknown_is_one_data_file() -> None:
    """The intents the engine knows are exactly its data files (plus the honest unknown)."""
    folder = resources.files("rakuten_assist.support") / "intent_data"
    files = {f.name[:-5] for f in folder.iterdir() if f.name.endswith(".toml")}
    assert set(INTENTS) == (
        files - {"out_of_scope", "envelope", "abbreviations", "former_carriers"}
    ) | {"unknown"}
    assert all(DATA[intent].id == intent for intent in DATA)


@pytest.mark.parametrize("intent", sorted(DATA))
def test_an_intent_file_has_examples_in_both_languages(intent: str) -> None:
    """Each intent has example questions in French and in English, and phrases."""
    data = DATA[intent]
    assert data.phrases
    assert data.examples.get("fr")
    assert data.examples.get("en")


@pytest.mark.parametrize("intent", sorted(DATA))
def test_an_intent_names_only_answer_templates_that_exist(intent: str) -> None:
    """The answer templates an intent file names are ids of the catalogue."""
    english = i18n.catalogue("en")
    for answer in DATA[intent].answers:
        if answer.startswith("support."):
            assert answer in english, answer


@pytest.mark.parametrize(
    ("intent", "lang", "question"),
    [
        (intent, lang, question)
        for intent, data in sorted(DATA.items())
        for lang, questions in sorted(data.examples.items())
        for question in questions
    ],
)
def test_an_intent_answers_its_own_examples(intent: str, lang: str, question: str) -> None:
    """Every example question of an intent file is answered as that intent, in its language."""
    answer = SupportEngine().answer(question)
    assert answer.intent == intent
    assert answer.lang == lang
