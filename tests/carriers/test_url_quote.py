"""The URL encoder of tracking links: exactly urllib.parse.quote(text, safe="")."""

from __future__ import annotations

from urllib.parse import quote as reference

from hypothesis import given
from hypothesis import strategies as st

from rakuten_assist.carriers.urls import quote


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_quote_encodes_like_the_standard_library(text: str) -> None:
    """Every text, letters, digits, reserved characters and non-ASCII alike, is encoded
    byte for byte as the standard library does for a single URL component."""
    assert quote(text) == reference(text, safe="")
