"""Sources are records rendered in the answer's language: French users read no English."""

from __future__ import annotations

import json
import typing

import pytest

from rakuten_assist.support import Source, SupportEngine
from rakuten_assist.support._sources import SourceKind

QUESTIONS = (
    "Colissimo et Packlink, c'est accepté ?",
    "on expédie avec Vinted Go, c'est accepté ?",
    "Quota exceeded. que faire ?",
    "le login c'est quoi ?",
    "comment configurer la connexion ?",
    "bonjour",
    "merci",
    "c'est combien la commission ?",
    "c'est quel transporteur ZZZZ99999999ZZZZ99 ?",
    "où en est ma commande ?",
    "il fait beau ?",
    "lien de suivi colissimo",
)
ENGLISH_WORDS = ("registry", "catalogue:", "checklist", "engine", "not found", "platform")


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_french_answer_cites_its_sources_in_french(question: str) -> None:
    """Every source of a French answer renders with no English word of ours."""
    answer = SupportEngine().answer(question)
    assert answer.lang == "fr"
    assert answer.sources
    for source in answer.sources:
        line = source.render("fr")
        assert not [word for word in ENGLISH_WORDS if word in line], line


def test_every_kind_renders_in_both_languages_differently() -> None:
    """Each source kind has its own words in English and in French."""
    for kind in typing.get_args(SourceKind):
        source = Source(kind=kind, ref="capabilities" if kind == "engine" else "login")
        if kind == "carrier":
            source = Source(kind=kind, ref="colissimo", updated="2026-11-27")
        english, french = source.render("en"), source.render("fr")
        assert english
        assert french
        assert english != french, kind


def test_sources_are_values_a_front_end_reads_without_parsing() -> None:
    """A carrier source carries its id, date and confidence codes; JSON keeps them as data."""
    answer = SupportEngine().answer("is Colissimo supported?")
    source = answer.sources[0]
    assert source.kind == "carrier"
    assert source.ref == "colissimo"
    assert source.url_evidence
    assert source.format_evidence
    shape = answer.to_json()
    assert shape["sources"] == [s.render("en") for s in answer.sources]
    assert Source(**json.loads(json.dumps(shape["source_refs"][0]))) == source
