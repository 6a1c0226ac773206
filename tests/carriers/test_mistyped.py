"""Mistyped numbers: a carrier's own shape whose check digit fails is named as that carrier's
typo, never as a candidate nor as a number nobody issues."""

from __future__ import annotations

import json

import pytest

from rakuten_assist import i18n
from rakuten_assist.carriers import (
    Carrier,
    NumberFormat,
    detect_carrier,
    mistyped_carriers,
    registry,
)
from rakuten_assist.carriers.words import format_name
from rakuten_assist.cli import main

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _typos(carrier: Carrier) -> list[tuple[str, NumberFormat]]:
    """Each valid sample of a specific checked format with its last character changed so
    that the shape still fits and the check digit does not."""
    found = []
    for sample in carrier.samples.valid:
        value = sample.replace(" ", "").upper()
        for fmt in carrier.formats:
            if fmt.strength != "high" or fmt.check is None or not fmt.check_passes(value):
                continue
            pool = _DIGITS if value[-1].isdigit() else _LETTERS
            for char in pool:
                typo = value[:-1] + char
                if fmt.matches(typo) and not fmt.check_passes(typo):
                    found.append((typo, fmt))
                    break
    return found


_TYPOS = [(c, typo) for c in registry() for typo, _ in _typos(c)]


def test_every_specific_checked_format_has_a_typo_to_try() -> None:
    """The registry-wide test below covers several carriers, UPS and Colissimo among them (a
    sample list or a check gone is seen here rather than as a test that runs on nothing)."""
    covered = {c.id for c, _ in _TYPOS}
    assert len(covered) >= 6
    assert {"ups", "colissimo", "mondial-relay"} <= covered


@pytest.mark.parametrize(("carrier", "typo"), _TYPOS, ids=[f"{c.id}-{t}" for c, t in _TYPOS])
def test_a_mistyped_number_is_never_a_candidate(carrier: Carrier, typo: str) -> None:
    """A number with a carrier's specific shape but a wrong check digit is that carrier's typo:
    the carrier is named as mistyped (unless another of its formats proves the number), never
    both, and no carrier is offered on length and shape alone beside it."""
    candidates = detect_carrier(typo)
    mistyped = [m.carrier.id for m in mistyped_carriers(typo)]
    accepted = carrier.id in [c.carrier.id for c in candidates]
    assert accepted != (carrier.id in mistyped)
    if accepted:
        assert next(c for c in candidates if c.carrier.id == carrier.id).checksum
    assert all(c.evidence != "shape" for c in candidates)


def test_detect_says_a_ups_number_has_a_wrong_check_digit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`detect 1Z999AA10123456785` says it looks like UPS with a wrong check digit (exit 1),
    not that nobody issues such numbers; the JSON lists it apart from the candidates."""
    assert main(["detect", "1Z999AA10123456785", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "looks like a UPS number" in out
    assert "check digit is wrong: check for a typo" in out
    assert "No carrier in the registry" not in out
    assert main(["detect", "1Z999AA10123456785", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["candidates"] == []
    assert [m["carrier"] for m in data["check_digit_wrong"]] == ["ups"]


def test_detect_in_french_says_a_colissimo_number_is_mistyped(
    capsys: pytest.CaptureFixture[str], english_leaks: object
) -> None:
    """`detect 6A12345678906` in French names Colissimo's wrong check digit, in French only,
    and offers no letter service on its 13-character length alone (exit 1)."""
    assert main(["detect", "6A12345678906", "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "ressemble à un numéro Colissimo" in out
    assert "clé de contrôle est fausse" in out
    assert "Lettre suivie" not in out
    assert english_leaks(out) == []  # type: ignore[operator]


def test_every_format_is_said_in_french_from_the_catalogue() -> None:
    """Every number format of carriers.json, said in French, is its French catalogue entry
    (never carriers.json's English text falling through)."""
    french = i18n.catalogue("fr")
    for carrier in registry():
        for fmt in carrier.formats:
            entry = french.get(f"carrier_formats.{fmt.name}")
            assert entry is not None, fmt.name
            assert format_name(fmt).render("fr") == entry
