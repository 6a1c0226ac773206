"""The e-mail scan of a pasted message runs in linear time and finds the same addresses."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from rakuten_assist.support import _entities

#: the pattern before the fix: quadratic on a long run of word characters without "@"
_OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_a_long_paste_without_an_address_is_scanned_at_once() -> None:
    """100,000 word characters (45 s with the old pattern) are scanned in well under a second."""
    for text in ("a" * 100_000, "a." * 50_000, "x@" + "b" * 100_000):
        started = time.perf_counter()
        assert _entities._EMAIL.findall(text) == []
        # A hang detector, not a speed measure: linear time is a few milliseconds here.
        assert time.perf_counter() - started < 1.0


@given(st.text(alphabet="ab.+-_@é Z9", max_size=60))
def test_the_anchored_pattern_invents_no_address(text: str) -> None:
    """Every address found was found by the old pattern too; only tails of a run are dropped.

    Anchoring at the start of a run is the one change: in "9@9.9.@9.9" the old pattern also
    returned ".@9.9", a piece of the first address's run, which is no address at all.
    """
    old = _OLD_EMAIL.findall(text)
    for address in _entities._EMAIL.findall(text):
        assert address in old


_ADDRESS = st.from_regex(
    r"[a-z0-9][a-z0-9.+_-]{0,8}@[a-z0-9-]{1,8}(\.[a-z0-9]{1,6}){1,3}", fullmatch=True
)


@given(st.lists(_ADDRESS, min_size=1, max_size=5), st.sampled_from([" ", ", ", " ou ", "\n"]))
def test_addresses_standing_apart_are_all_found(addresses: list[str], separator: str) -> None:
    """Addresses separated as people write them are each found, exactly, as before the fix."""
    text = "écrivez à " + separator.join(addresses) + " merci"
    assert _entities._EMAIL.findall(text) == addresses
    assert _OLD_EMAIL.findall(text) == addresses


def test_addresses_in_a_message_are_still_found() -> None:
    """An ordinary message still yields its addresses."""
    found = _entities.extract_entities("write to shop.owner+fr@example.co.uk or a@b.fr please")
    assert found.emails == ["shop.owner+fr@example.co.uk", "a@b.fr"]


def test_a_short_code_is_the_named_carriers_number_when_its_formats_take_it() -> None:
    """'GLS France ... 00KX48TZ': a code with few digits is GLS's number, GLS being named."""
    from rakuten_assist.support._entities import extract_entities

    assert extract_entities("GLS France, numero de colis 00KX48TZ").numbers == ["00KX48TZ"]
    assert extract_entities("numero de colis 00KX48TZ").numbers == []
