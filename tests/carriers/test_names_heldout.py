"""The blind held-out name table (tests/carriers/names_heldout.json), run as it is.

Written by someone who never saw the lookup, before it was tuned, and never edited. The
done-criterion of issue 11 is that no row gets a confident wrong carrier: a carrier answer
where the row expects another carrier or no carrier. ``python tests/carriers/test_names_heldout.py``
prints the figures (correct, honest misses, confident wrong) and every row that is not correct.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.carriers import NameMatch, load_registry, resolve_name

_ROWS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "names_heldout.json").read_text(encoding="utf-8")
)["names"]


def verdict(row: dict[str, Any], match: NameMatch) -> str:
    """'correct', 'honest' (no answer or a question, not the expected one) or 'wrong'."""
    expect = row["expect"]
    kind = expect["kind"]
    if match.kind == "carrier":
        assert match.carrier is not None
        right = kind == "carrier" and match.carrier.id == expect["id"]
        return "correct" if right else "wrong"
    if kind == "ambiguous" and match.kind == "ambiguous":
        offered = {c.id for c in match.candidates}
        return "correct" if set(expect["ids"]) <= offered else "honest"
    return "correct" if match.kind == kind else "honest"


def figures() -> tuple[dict[str, int], list[str]]:
    """Counts per verdict, and one line per row that is not correct."""
    reg = load_registry()
    counts = {"correct": 0, "honest": 0, "wrong": 0}
    lines = []
    for row in _ROWS:
        match = resolve_name(row["text"], registry_=reg)
        outcome = verdict(row, match)
        counts[outcome] += 1
        if outcome != "correct":
            got = match.carrier.id if match.carrier else [c.id for c in match.candidates]
            lines.append(
                f"{outcome:7} {row['text']!r}: expected {row['expect']}, got {match.kind} {got}"
            )
    return counts, lines


@pytest.mark.parametrize("row", _ROWS, ids=lambda r: r["text"])
def test_no_confident_wrong_carrier(row: dict[str, Any]) -> None:
    """No held-out name is answered with a carrier it does not mean."""
    assert verdict(row, resolve_name(row["text"])) != "wrong"


def main() -> int:
    """Print the held-out figures."""
    counts, lines = figures()
    for line in lines:
        print(line)
    total = sum(counts.values())
    print(
        f"held-out names: {counts['correct']}/{total} correct, {counts['honest']} honest misses, "
        f"{counts['wrong']} confident wrong"
    )
    return 1 if counts["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
