"""Answer the question table with the support engine: accuracy and median answer time.

Accuracy counts a question right when the intent is right, the language is right and every
fact its row requires is present (with the expected value). The table has four held-out
parts, each written before the engine was run on it: ``heldout`` (before any tuning) and
``heldout2`` were each scored once and then fixes they revealed went in, so they count as
tuned; ``heldout3`` and ``heldout4`` were never tuned on. Every split is printed apart, then
the accuracy over the tuned rows (``tune``, ``heldout``, ``heldout2``), and last the one that
means something, over the untouched rows only:

    support accuracy <value> (target >= 0.95)

Run: python bench/support.py [-v]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.evaluation import load_questions, problems

TABLE = Path(__file__).resolve().parent.parent / "tests" / "support" / "questions.json"
TARGET = 0.95
ROUNDS = 5
#: splits the engine was changed after (tuned on), and splits it never was
TUNED = ("tune", "heldout", "heldout2")
UNTOUCHED = ("heldout3", "heldout4")


def _rate(results: list[bool]) -> float:
    return sum(results) / len(results) if results else 0.0


def main(verbose: bool = False) -> float:
    """Run the table ROUNDS times (timing), score the first round; return the untouched accuracy."""
    rows = load_questions(TABLE)
    engine = SupportEngine()
    engine.answer("warm up: is colissimo supported?")
    timings: list[float] = []
    right: dict[str, list[bool]] = {split: [] for split in (*TUNED, *UNTOUCHED)}
    for round_number in range(ROUNDS):
        for row in rows:
            start = time.perf_counter()
            answer = engine.answer(row["q"])
            timings.append(time.perf_counter() - start)
            if round_number:
                continue
            wrong = problems(answer, row)
            right[row.get("split", "tune")].append(not wrong)
            if wrong and verbose:
                print(f"MISS [{row.get('split')}] {row['q']!r}: {'; '.join(wrong)}")
    for split, results in right.items():
        print(f"{split}: {sum(results)}/{len(results)} = {_rate(results):.3f}")
    print(f"median answer time {statistics.median(timings) * 1000:.2f} ms")
    print(f"p95 answer time {sorted(timings)[int(len(timings) * 0.95)] * 1000:.2f} ms")
    tuned = [r for split in TUNED for r in right[split]]
    untouched = [r for split in UNTOUCHED for r in right[split]]
    print(f"tuned-split accuracy {_rate(tuned):.3f} ({len(tuned)} rows: {', '.join(TUNED)})")
    # The headline number: only rows no change was ever made for.
    accuracy = _rate(untouched)
    print(
        f"untouched rows: {sum(untouched)}/{len(untouched)} ({', '.join(UNTOUCHED)})",
    )
    print(f"support accuracy {accuracy:.3f} (target >= {TARGET})")
    return accuracy


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
