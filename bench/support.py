"""Answer the question table with the support engine: accuracy and median answer time.

Accuracy counts a question right when the intent is right, the language is right and every
fact its row requires is present (with the expected value). The table has three held-out
parts, each written before the engine was run on it: ``heldout`` (before any tuning) and
``heldout2`` were each scored once and then fixes they revealed went in, so only
``heldout3`` is still untouched; every split's accuracy is printed apart.
Prints, as its last line:

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


def main(verbose: bool = False) -> float:
    """Run the table ROUNDS times (timing), score the first round; return the accuracy."""
    rows = load_questions(TABLE)
    engine = SupportEngine()
    engine.answer("warm up: is colissimo supported?")
    timings: list[float] = []
    right: dict[str, list[bool]] = {"tune": [], "heldout": [], "heldout2": [], "heldout3": []}
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
    everything = [r for results in right.values() for r in results]
    for split, results in right.items():
        print(f"{split}: {sum(results)}/{len(results)} = {sum(results) / len(results):.3f}")
    print(f"median answer time {statistics.median(timings) * 1000:.2f} ms")
    print(f"p95 answer time {sorted(timings)[int(len(timings) * 0.95)] * 1000:.2f} ms")
    accuracy = sum(everything) / len(everything)
    untouched = right["heldout3"]
    print(f"untouched held-out accuracy {sum(untouched) / len(untouched):.3f} (heldout3)")
    print(f"support accuracy {accuracy:.3f} (target >= {TARGET})")
    return accuracy


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
