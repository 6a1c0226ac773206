"""Every catalogue entry's own message, pasted back whole or quoted in a sentence, is found."""

from __future__ import annotations

import pytest

from rakuten_assist.support import SupportEngine
from rakuten_assist.support._error_entry import ErrorEntry
from rakuten_assist.support.errors_catalogue import CATALOGUE, explain_error

_WITH_MESSAGE = [entry for entry in CATALOGUE if entry.message]


@pytest.mark.parametrize("entry", _WITH_MESSAGE, ids=[entry.id for entry in _WITH_MESSAGE])
def test_an_entrys_message_pasted_whole_finds_the_entry(entry: ErrorEntry) -> None:
    """A message our tool or Rakuten prints, pasted as it is, names its own entry."""
    found = explain_error(entry.message)
    assert found is not None
    assert found.entry.id == entry.id


def test_our_message_quoted_in_a_french_sentence_is_explained_in_french() -> None:
    """'j'ai « The token cannot be a Rakuten API token. » en collant le token' is that error,
    answered in French (the quote is not the user's language)."""
    answer = SupportEngine().answer(
        "en collant le jeton j'obtiens « The token cannot be a Rakuten API token. », pourquoi ?"
    )
    assert (answer.intent, answer.lang) == ("error_explain", "fr")
    assert answer.facts["error_id"] == "ours.invalid_token"
