"""Audit of every number format: what a number proves about its carrier, and no more.

A format rated "high" is taken as proof (with its check digit) or as a distinctive shape
(without one), so it must belong to one carrier and not be so loose that random numbers fit
it. The UPU S10 check digit is shared by every postal operator: an S10 number names its post
only through its country suffix, never a carrier that does not serve that country.
"""

from __future__ import annotations

import random
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from rakuten_assist.carriers import (
    Carrier,
    NumberFormat,
    detect_carrier,
    load_registry,
    validate_number,
)
from rakuten_assist.carriers.checkdigits import ISO_COUNTRIES, s10_check_digit

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DIGITS = "0123456789"


def _class(items: Any) -> list[str]:
    chars: list[str] = []
    negate = False
    for op, arg in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            chars.append(chr(arg))
        elif op is sre.RANGE:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            chars.extend(DIGITS)
    if negate:
        chars = [c for c in ALPHABET if c not in chars]
    return [c for c in chars if c in ALPHABET]


def _draw(parsed: Any, rnd: random.Random) -> str:
    out: list[str] = []
    for op, arg in parsed:
        if op is sre.LITERAL:
            out.append(chr(arg))
        elif op is sre.IN:
            out.append(rnd.choice(_class(arg)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = arg
            out.extend(_draw(sub, rnd) for _ in range(rnd.randint(low, min(high, low + 12))))
        elif op is sre.SUBPATTERN:
            out.append(_draw(arg[3], rnd))
        elif op is sre.BRANCH:
            out.append(_draw(rnd.choice(arg[1]), rnd))
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.CATEGORY):
            raise ValueError(f"regex feature {op} not covered")
    return "".join(out)


def members(pattern: str, count: int, seed: int = 0) -> list[str]:
    """Up to ``count`` distinct random strings that ``pattern`` accepts (deterministic)."""
    rnd = random.Random(seed)
    parsed = _parser.parse(pattern)
    compiled = re.compile(pattern)
    found: dict[str, None] = {}
    for _ in range(count * 50):
        candidate = _draw(parsed, rnd)
        if compiled.fullmatch(candidate):
            found[candidate] = None
            if len(found) >= count:
                break
    return list(found)


_REG = load_registry()
_HIGH = [(c, f) for c in _REG for f in c.formats if f.strength == "high"]
#: at most this share of random strings of a strong format's lengths and alphabet may fit it
_LOOSE = 0.02


def _id(value: object) -> str:
    if isinstance(value, Carrier):
        return value.id
    return value.pattern if isinstance(value, NumberFormat) else str(value)


def _proven_members(fmt: NumberFormat, count: int = 150) -> list[str]:
    """Random numbers the format accepts with its check digit fitting."""
    found = [m for m in members(fmt.pattern, count * 12) if fmt.check_passes(m) or not fmt.check]
    return found[:count]


def _s10(prefix: str, serial: str, suffix: str) -> str:
    return f"{prefix}{serial}{s10_check_digit(serial)}{suffix}"


@pytest.mark.parametrize(("carrier", "fmt"), _HIGH, ids=_id)
def test_a_strong_format_is_one_carriers_only(carrier: Carrier, fmt: NumberFormat) -> None:
    """No number a strong format accepts is also accepted by another carrier's strong format."""
    numbers = [n for n in _proven_members(fmt) if validate_number(carrier, n).valid]
    assert numbers, f"no member generated for {fmt.pattern}"
    for number in numbers:
        strong = {c.carrier.id for c in detect_carrier(number, _REG) if c.format.strength == "high"}
        assert strong <= {carrier.id}, (number, strong)


@pytest.mark.parametrize(("carrier", "fmt"), _HIGH, ids=_id)
def test_a_strong_format_is_not_fitted_by_random_numbers(
    carrier: Carrier, fmt: NumberFormat
) -> None:
    """Random strings of a strong format's lengths and alphabet fit it (shape and check
    digit) at most 2 times in 100: a check digit alone over a bare length is not proof."""
    sample = members(fmt.pattern, 60)
    alphabet = DIGITS if all(m.isdigit() for m in sample) else ALPHABET
    lengths = sorted({len(m) for m in sample})
    rnd = random.Random(carrier.id)
    trials = 5000
    fitted = 0
    for _ in range(trials):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.choice(lengths)))
        fitted += fmt.matches(text) and (fmt.check is None or fmt.check_passes(text))
    assert fitted / trials <= _LOOSE, f"{fitted}/{trials} random strings fit {fmt.pattern}"


def test_an_s10_number_belongs_only_to_carriers_of_its_country() -> None:
    """A well-formed S10 number of any country is valid only for carriers serving that
    country: never for an express carrier serving everywhere (TNT, UPS, FedEx, DHL Express)."""
    prefixes = ("RR", "CP", "LX", "EE", "XU", "PZ", "GE", "UV", "RB", "CX")
    numbers = [
        _s10(prefix, f"{(i * 7919) % 10**8:08d}", country)
        for i, prefix in enumerate(prefixes)
        for country in sorted(ISO_COUNTRIES)
    ]
    for carrier in _REG:
        if not carrier.formats:
            continue  # no format: any number is accepted with a warning, never claimed
        for number in numbers:
            if validate_number(carrier, number).valid:
                assert number[11:] in carrier.countries, (carrier.id, number)


def test_the_generic_s10_number_of_the_report_is_no_express_carriers() -> None:
    """XU123456785FR (a Chronopost series, France) is Chronopost's, and not TNT's."""
    ranked = detect_carrier("XU123456785FR", _REG)
    assert ranked[0].carrier.id == "chronopost"
    assert ranked[0].evidence == "proven"
    assert "tnt" not in {c.carrier.id for c in ranked}
    assert not validate_number(_REG.by_id["tnt"], "XU123456785FR").valid


def test_a_check_digit_on_a_shared_shape_is_not_proof() -> None:
    """A 9-digit TNT number with its check digit fitting is 'checked_shared', below proof and
    below the support engine's 0.9 threshold of a number that names its carrier."""
    (candidate,) = detect_carrier("123456782", _REG)
    assert candidate.carrier.id == "tnt"
    assert candidate.checksum
    assert candidate.evidence == "checked_shared"
    assert candidate.confidence < 0.9


def test_evidence_orders_the_confidence() -> None:
    """Proof outranks a checked shared shape, which outranks a distinctive shape, then shape."""
    ranks = {"proven": 3, "checked_shared": 2, "distinctive": 1, "shape": 0}
    for fmt in [f for c in _REG for f in c.formats]:
        for number in _proven_members(fmt, 5):
            ranked = detect_carrier(number, _REG)
            for better in ranked:
                for worse in ranked:
                    if ranks[better.evidence] > ranks[worse.evidence]:
                        assert better.confidence > worse.confidence, (number, better, worse)
