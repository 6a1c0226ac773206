"""A message that introduces a paste on its own lines ("voici ce qu'on reçoit :" then
Rakuten's English) is answered in the language of those lines."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._segments import lines_before_paste

_QUOTA = (
    "InvalidUserRights - Quota exceeded. - You have exceeded the maximum number of requests "
    "per hour. Please contact support for more information."
)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        (f"Depuis ce matin chaque appel nous renvoie ceci :\n{_QUOTA}", "fr"),
        (f"Voilà ce que le connecteur affiche depuis midi\n{_QUOTA}", "fr"),
        (f"Since this morning every call comes back with this:\n{_QUOTA}", "en"),
    ],
)
def test_the_lines_before_a_paste_tell_the_language(message: str, lang: str) -> None:
    """The quota error is explained, in the words of whoever wrote the first lines."""
    answer = SupportEngine().answer(message)
    assert answer.intent == "error_explain"
    assert answer.lang == lang


def test_a_paste_alone_or_too_short_an_opening_tells_nothing() -> None:
    """No own lines, or fewer than three words before the paste: no language from them."""
    assert lines_before_paste(_QUOTA, ("quota exceeded",)) is None
    assert lines_before_paste(f"Help:\n{_QUOTA}", ("quota exceeded",)) is None
