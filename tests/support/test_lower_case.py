"""Messages typed all in lower case are read like capitalised ones."""

from __future__ import annotations

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import sentences
from rakuten_assist.support.errors_catalogue import error_code_in


def test_a_full_stop_before_a_lower_case_word_ends_a_sentence() -> None:
    """Background and question are apart even without a capital after the full stop."""
    assert sentences("on a tout configuré. comment on teste ?") == [
        "on a tout configuré.",
        "comment on teste ?",
    ]


def test_abbreviations_numbers_and_addresses_do_not_end_a_sentence() -> None:
    """'cf.', a decimal and an e-mail address keep their sentence whole."""
    assert sentences("voir cf. la doc") == ["voir cf. la doc"]
    assert sentences("version 2.3 ok") == ["version 2.3 ok"]
    assert sentences("mon login est a.b@shop.fr merci") == ["mon login est a.b@shop.fr merci"]


def test_an_error_code_typed_in_lower_case_is_rakutens_code() -> None:
    """'invaliduserrights' is the code InvalidUserRights, as Rakuten spells it."""
    assert error_code_in("on a une erreur invaliduserrights") == "InvalidUserRights"
    assert error_code_in("the server returned an error") is None


def test_a_lower_case_question_after_background_is_what_is_answered() -> None:
    """The question after a lower-case background sentence routes the answer."""
    answer = SupportEngine().answer(
        "on vend sur rakuten depuis deux ans avec colissimo. où est-ce que je trouve le jeton ?"
    )
    assert answer.intent == "token_help"
    assert answer.lang == "fr"
