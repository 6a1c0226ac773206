"""A message of several questions: each part answered, with what the message gives around it."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import questions


def test_a_sentence_going_on_with_and_after_a_question_asks_too() -> None:
    """'... ? et le token je le trouve ou svp' is a second question without its mark."""
    assert questions("le login c'est mon mail ? et le token je le trouve ou svp") == [
        "le login c'est mon mail ?",
        "et le token je le trouve ou svp",
    ]
    assert questions("Le login c'est mon mail. Et voilà.") == []


def test_a_pasted_error_beside_other_questions_is_explained_first() -> None:
    """An error pasted before questions about other things is the first part answered."""
    answer = SupportEngine().answer(
        "j'ai l'erreur Unknown user or password. Le token je le trouve où ? "
        "et le login c'est l'email ?"
    )
    assert [part.intent for part in answer.parts] == [
        "error_explain",
        "token_help",
        "login_help",
    ]
    assert answer.parts[0].facts["error_id"] == "rakuten.unknown_user"


def test_a_part_referring_to_the_one_before_keeps_its_topic_for_scope() -> None:
    """'il expire quand ?' after a token question is the token's lifetime: out of scope."""
    answer = SupportEngine().answer("ou est le token ? il expire au bout de combien de temps ?")
    assert [part.intent for part in answer.parts] == ["token_help", "unknown"]
    assert "out_of_scope" in answer.parts[1].facts
