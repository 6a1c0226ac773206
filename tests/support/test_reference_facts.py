"""Facts of the reference notes are data: asked by every group of their words, answered in
the user's language under their intent with their source, never in place of a link, a
detection or a pasted error's explanation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rakuten_assist import i18n
from rakuten_assist.support import SupportEngine, reference_facts
from rakuten_assist.support.reference_facts import fact_for

_DEMO = """
[[fact]]
id = "paging"
intent = "order_status"
source = "rakuten-api.md §2"
when = [["getcurrentsales", "ventes en cours"], ["pagin", "nexttoken"]]
unless = ["stock"]
examples.en = ["Does getcurrentsales paginate?"]

[[fact]]
id = "paging_token"
intent = "order_status"
source = "rakuten-api.md §2"
when = [["getcurrentsales"], ["nexttoken"], ["expire"]]

[[fact]]
id = "webhook"
intent = "unknown"
source = "rakuten-api.md §5"
when = [["webhook"]]
"""
_ANSWERS = {
    "en": 'paging = "Paged by **nexttoken**."\npaging_token = "Token facts."\n'
    'webhook = "Not published: ask Rakuten."\n',
    "fr": 'paging = "Paginé par **nexttoken**."\npaging_token = "Le jeton."\n'
    'webhook = "Non publié : demandez à Rakuten."\n',
}


@pytest.fixture
def demo_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A facts area ``demo`` with its catalogues, instead of the shipped facts."""
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "demo.toml").write_text(_DEMO, encoding="utf-8")
    for lang, text in _ANSWERS.items():
        (tmp_path / "i18n" / lang).mkdir(parents=True)
        (tmp_path / "i18n" / lang / "facts_demo.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(reference_facts, "_DIR", str(tmp_path / "facts"))
    reference_facts.reference_facts.cache_clear()
    i18n.add_catalogue_dir(tmp_path / "i18n")
    try:
        yield
    finally:
        i18n.remove_catalogue_dir(tmp_path / "i18n")
        reference_facts.reference_facts.cache_clear()


@pytest.mark.usefixtures("demo_facts")
@pytest.mark.parametrize(
    "question",
    [
        "Does getcurrentsales paginate?",
        "les ventes en cours sont paginées ?",
        "GetCurrentSales: how does pagination work",
    ],
)
def test_a_fact_is_asked_when_every_group_has_a_word_starting_in_the_question(
    question: str,
) -> None:
    """A phrase matches the start of a word, whatever the case and accents."""
    found = fact_for(question)
    assert found is not None
    assert found.id == "paging"


@pytest.mark.usefixtures("demo_facts")
@pytest.mark.parametrize(
    "question",
    [
        "how do I call getcurrentsales?",  # one group only
        "is the stock file of getcurrentsales paginated?",  # ruled out
        "what does unpaginated mean",  # "pagin" inside a word, not at its start
    ],
)
def test_a_fact_is_not_asked_without_every_group_or_with_a_ruling_out_word(question: str) -> None:
    """One group, a word inside another word or an ``unless`` phrase asks for no fact."""
    assert fact_for(question) is None


@pytest.mark.usefixtures("demo_facts")
def test_the_fact_with_the_most_groups_wins() -> None:
    """Two facts asked: the more specific one (more groups matched) answers."""
    found = fact_for("does the getcurrentsales nexttoken expire?")
    assert found is not None
    assert found.id == "paging_token"


@pytest.mark.usefixtures("demo_facts")
def test_the_engine_answers_a_fact_in_the_users_language_with_its_source() -> None:
    """The answer is the catalogue's, under the fact's intent, with the reference as source."""
    engine = SupportEngine()
    english = engine.answer("Does getcurrentsales paginate?")
    french = engine.answer("les ventes en cours sont paginées comment ?")
    assert (english.intent, english.lang, english.text) == (
        "order_status",
        "en",
        "Paged by **nexttoken**.",
    )
    assert (french.lang, french.text) == ("fr", "Paginé par **nexttoken**.")
    assert english.facts["fact_id"] == "paging"
    assert english.to_json()["sources"] == ["reference notes on the Rakuten API: rakuten-api.md §2"]


@pytest.mark.usefixtures("demo_facts")
def test_a_fact_nobody_publishes_is_escalated() -> None:
    """An "unknown" fact is the honest "I don't know", marked for escalation."""
    answer = SupportEngine().answer("is there a webhook for new orders?")
    assert answer.intent == "unknown"
    assert answer.facts["escalate"] is True
    assert answer.text == "Not published: ask Rakuten."


@pytest.mark.usefixtures("demo_facts")
@pytest.mark.parametrize(
    "question",
    [
        "webhook? lien colissimo 6A12345678905",
        "getcurrentsales pagination: Quota exceeded. You have exceeded the maximum number "
        "of requests per hour.",
    ],
)
def test_a_fact_never_replaces_a_link_or_a_pasted_errors_explanation(question: str) -> None:
    """A tracking number or a pasted Rakuten error keeps its own answer."""
    answer = SupportEngine().answer(question)
    assert "fact_id" not in answer.facts


def test_every_shipped_fact_has_its_answer_in_every_language() -> None:
    """No shipped fact falls back to another language or to a missing message."""
    for fact in reference_facts.reference_facts():
        for lang in i18n.languages():
            assert fact.message_id in i18n.catalogue(lang), (fact.message_id, lang)
