"""An error code nobody documents, written with underscores or in CamelCase, is said to be
unknown, with the closest known error its words point to given as a possibility only."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine


@pytest.mark.parametrize(
    ("question", "lang", "closest"),
    [
        (
            "on a l'erreur INVALID_TRANSPORTER_NAME en confirmant",
            "fr",
            "rakuten.unsupported_carrier",
        ),
        ("Rakuten nous renvoie UNKNOWN_CARRIER, pourquoi ?", "fr", "rakuten.unsupported_carrier"),
        ("our module says QUOTA_LIMIT_REACHED, what is it?", "en", "rakuten.quota_exceeded"),
        ("error AUTH_FAILED on every call", "en", "rakuten.unknown_user"),
    ],
)
def test_an_unknown_code_names_the_closest_known_error_as_a_possibility(
    question: str, lang: str, closest: str
) -> None:
    """Unknown code first; the closest entry only as 'looks like', never as the cause."""
    answer = SupportEngine().answer(question)
    assert (answer.intent, answer.lang) == ("error_explain", lang)
    assert answer.facts["error_id"] is None
    assert answer.facts["unknown_code"] in question
    assert answer.facts["looks_like"] == closest
    assert answer.facts["cause"] is None


@pytest.mark.parametrize(
    "question", ["j'ai l'erreur FOO_BAR_BAZ", "error INVALID_CARRIER_TRACKING_NUMBER"]
)
def test_a_code_whose_words_point_nowhere_or_to_two_errors_gets_no_closest(question: str) -> None:
    """Words naming no error, or two of them: unknown code, nothing it looks like."""
    answer = SupportEngine().answer(question)
    assert answer.intent == "error_explain"
    assert answer.facts["unknown_code"]
    assert "looks_like" not in answer.facts


def test_a_code_closest_to_this_tools_own_error_never_calls_it_rakutens() -> None:
    """When the closest entry is one of this tool's own messages, the answer says so, never
    'Rakuten's error' nor 'modelled on the sandbox'."""
    from rakuten_assist.support.answers import answer_error
    from rakuten_assist.support.errors_catalogue import CATALOGUE, ErrorMatch

    ours = next(e for e in CATALOGUE if e.id == "ours.unknown_carrier")
    match = ErrorMatch(ours, 0.9, "unknown carrier", {}, unknown_code="UNKNOWN_CARRIER_X")
    for lang, said in (("fr", "erreur de cet outil (pas de Rakuten)"), ("en", "not Rakuten's")):
        answer = answer_error(match, lang)
        assert said in answer.text
        assert "bac à sable" not in answer.text
        assert "sandbox" not in answer.text
