"""Tracking numbers typed in groups ("XU 123 456 785 FR"), joined when a check digit proves them."""

from __future__ import annotations

import re

__all__ = ["TRACKING_MAX", "TRACKING_MIN", "spaced_numbers"]

#: the shortest and longest tracking numbers of the registry's formats
TRACKING_MIN, TRACKING_MAX = 8, 34

# A tracking number typed in groups ("XU 123 456 785 FR", "1Z 999 AA1 0123 4567 84",
# "XU-9072-14637-FR", "1ZA083 9W6820 419375"): short runs of letters and digits separated
# by single spaces or hyphens.
_GROUPS = re.compile(r"(?<![\w-])[A-Za-z0-9]{1,6}(?:[ -][A-Za-z0-9]{1,6}){2,}(?![\w-])")
_SEPARATOR = re.compile(r"[ -]")
# A postal item number (UPU S10) typed with its letters apart: "RC 628391047 SE"
_S10_SPACED = re.compile(r"(?<![\w-])([A-Za-z]{2})[ -]?(\d{9})[ -]?([A-Za-z]{2})(?![\w-])")
_MIN_GROUPS, _MAX_GROUPS = 3, 8
_PHONE_DIGITS = 10


def _proven_number(candidate: str) -> bool:
    """Whether ``candidate`` is a tracking number some carrier's check digit proves."""
    from rakuten_assist.carriers import detect_carrier
    from rakuten_assist.errors import TrackingNumberError

    try:
        return any(found.checksum for found in detect_carrier(candidate))
    except TrackingNumberError:
        return False


def _carriers_shape(candidate: str) -> bool:
    """Whether ``candidate`` has the shape of one of a carrier's specific formats, its check
    digit right or wrong ("XW 123 456 789 FR": a Chronopost number with a typo)."""
    from rakuten_assist.carriers import detect_carrier, mistyped_carriers
    from rakuten_assist.errors import TrackingNumberError

    try:
        return any(
            found.checksum or found.format.strength == "high" for found in detect_carrier(candidate)
        ) or bool(mistyped_carriers(candidate))
    except TrackingNumberError:
        return False


def spaced_numbers(text: str) -> tuple[list[str], str]:
    """Tracking numbers typed in groups, joined, and ``text`` with them blanked out.

    A run of groups is one number when a carrier's check digit proves the joined value, or
    when it opens with letters (never a phone number nor an amount) and has the shape of a
    carrier's specific format, its check digit right or wrong ("XW 123 456 789 FR", "Z 4827
    193 056"). It needs a letter or more digits than a phone number ("06 12 34 56 78" is no
    parcel): the words around it ("le numéro XU 123 456 785 FR sans...") are left out by
    trying the longest sub-runs first.
    """
    found: list[str] = []
    masked = text
    for run in _S10_SPACED.finditer(text):
        joined = "".join(run.groups()).upper()
        if run.group(0) != joined and (_proven_number(joined) or _carriers_shape(joined)):
            found.append(joined)
            masked = masked.replace(run.group(0), " " * len(run.group(0)), 1)
    for run in _GROUPS.finditer(masked):
        groups = _SEPARATOR.split(run.group(0))
        separators = _SEPARATOR.findall(run.group(0))
        best: tuple[int, int] | None = None
        for size in range(min(len(groups), _MAX_GROUPS), _MIN_GROUPS - 1, -1):
            for start in range(len(groups) - size + 1):
                joined = "".join(groups[start : start + size]).upper()
                digits = sum(ch.isdigit() for ch in joined)
                shaped = TRACKING_MIN <= len(joined) <= TRACKING_MAX and digits >= 6
                if not shaped or (joined.isdigit() and digits <= _PHONE_DIGITS):
                    continue
                if _proven_number(joined) or (
                    groups[start][0].isalpha() and _carriers_shape(joined)
                ):
                    best = (start, size)
                    break
            if best is not None:
                break
        if best is None:
            continue
        start, size = best
        piece = groups[start] + "".join(
            sep + group
            for sep, group in zip(
                separators[start : start + size - 1], groups[start + 1 : start + size], strict=True
            )
        )
        found.append("".join(groups[start : start + size]).upper())
        masked = masked.replace(piece, " " * len(piece), 1)
    return found, masked
