"""The words about a carrier's sources: said from one place, never contradicting each other
or the sources the entry lists."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import Carrier, evidence_sentence, load_registry
from rakuten_assist.cli import main

_REG = load_registry()
_KINDS = ("agreed", "single", "conflicting", "none")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("carrier", list(_REG), ids=lambda c: c.id)
def test_an_answer_never_contradicts_its_sources(
    carrier: Carrier, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`carriers check` says one thing of the page's sources (the line of sources and the note
    agree, no other kind's words appear), and "agree" or "disagree" only with two sources or
    more listed for the entry."""
    main(["carriers", "check", carrier.name, "--lang", lang])
    out = capsys.readouterr().out
    kind = carrier.evidence.url_agreement
    assert evidence_sentence(carrier, lang, short=True) in out
    if kind in ("single", "conflicting"):
        assert evidence_sentence(carrier, lang) in out
    for other in _KINDS:
        if other == kind:
            continue
        words = carrier.evidence._replace(url_agreement=other)
        twin = carrier._replace(evidence=words)
        assert evidence_sentence(twin, lang, short=True) not in out, other
        assert evidence_sentence(twin, lang) not in out, other
    if kind in ("agreed", "conflicting"):
        assert len(carrier.sources) >= 2


@pytest.mark.parametrize("carrier", [c for c in _REG if c.has_url], ids=lambda c: c.id)
def test_the_support_engine_flags_the_same_pages(carrier: Carrier) -> None:
    """The support answer warns of limited sources exactly for the pages `carriers check`
    warns about (one source, or sources that disagree)."""
    from rakuten_assist.support._carrier_answers import carrier_facts

    limited = carrier.evidence.url_agreement in ("single", "conflicting")
    assert carrier_facts(carrier)["limited_sources"] is limited
