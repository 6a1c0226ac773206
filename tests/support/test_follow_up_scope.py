"""Follow-ups read with the question before them: an out-of-scope follow-up gets the honest
'I don't know', and an 'I don't know' offers no next step for 'and then?' to run."""

from __future__ import annotations

import pytest

from rakuten_assist.support import Conversation, SupportEngine


def _turns(*said: str) -> list[tuple[str, dict[str, object]]]:
    engine, memory = SupportEngine(), Conversation()
    answers = [engine.answer(one, memory) for one in said]
    return [(answer.intent, answer.facts) for answer in answers]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("how do I find my token?", "does it expire?"),
        ("le jeton API je le trouve où ?", "il est valable combien de temps ?"),
    ],
)
def test_a_lifetime_follow_up_about_the_token_is_out_of_scope(first: str, then: str) -> None:
    """'Where is my token?' then 'does it expire?': the token's lifetime is not documented,
    so the answer is the honest 'I don't know' with who can answer, never the token answer
    again."""
    (first_intent, _), (intent, facts) = _turns(first, then)
    assert first_intent == "token_help"
    assert intent == "unknown"
    assert facts["out_of_scope"] == "token_lifetime"


def test_a_follow_up_that_stays_in_scope_keeps_its_topic() -> None:
    """'Where is my token?' then 'do I copy it whole?' is still the token answer."""
    assert _turns("how do I find my token?", "do I copy it with the spaces?")[1][0] == (
        "token_help"
    )


def test_and_then_after_an_i_dont_know_runs_no_example() -> None:
    """An 'I don't know' lists examples ('is Colissimo supported?'); 'et après ?' after it
    never answers one of them as if the user had asked it."""
    turns = _turns("on doit les emballer comment ?", "et après on expédie ?")
    assert turns[0][0] == "unknown"
    intent, facts = turns[1]
    assert intent == "unknown"
    assert not facts.get("carrier_ids")


@pytest.mark.parametrize(
    "question",
    [
        "which name do I put in the transporter field?",
        "quel nom je mets dans le champ transporteur ?",
        "what goes in the carrier field when we ship?",
    ],
)
def test_the_carrier_field_asked_about_gets_the_carrier_rules(question: str) -> None:
    """The confirmation's carrier field, named without a carrier, is a carrier question:
    the rules of which name to send."""
    assert SupportEngine().answer(question).intent == "carrier_support"


@pytest.mark.parametrize(
    "then", ["ça veut dire quoi concrètement ?", "and how do I fix that?", "je fais quoi ?"]
)
def test_more_about_a_bare_shared_code_still_asks_for_its_message(then: str) -> None:
    """'ParameterError' names several errors; 'what does it mean, then?' after the answer
    asks again for the whole message, never an 'I don't know' nor one error's fix."""
    (_, first), (intent, facts) = _turns("j'ai l'erreur ParameterError", then)
    assert first["code"] == "ParameterError"
    assert intent == "error_explain"
    assert facts["code"] == "ParameterError"
    assert facts["error_id"] is None


def test_a_new_question_after_a_bare_code_is_answered_for_itself() -> None:
    """After the bare code, 'where is my token?' is a token question."""
    assert _turns("we got InvalidUserRights", "where is my token?")[1][0] == "token_help"
