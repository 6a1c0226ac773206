"""Answer the question and conversation tables with the support engine.

Accuracy counts a question right when the intent is right, the language is right, every fact
its row requires is present (with the expected value), a multi-question message is answered
part by part in order, and no refused carrier is named. Tables:

- ``tests/support/questions.json``: the tuned rows (``tune``, ``tune2``, ``heldout``,
  ``heldout2``: the engine was changed after scoring them) and two older untouched splits
  (``heldout3``, ``heldout4``);
- ``tests/support/questions_heldout.json`` (``heldout5``) and
  ``tests/support/conversations_heldout.json``: written blind by someone who never saw the
  engine, frozen before tuning. Their misses are never printed (no tuning on them).
- ``tests/support/questions_dev2.json`` (``dev2``) and ``conversations_dev2.json``: the
  development set of issue 12, written before tuning and tuned on (its misses are shown by
  ``bench/support_dev.py``, the tuning loop);
- ``tests/support/questions_dev8.json``, ``questions_dev9.json``, ``questions_dev10.json``,
  ``questions_dev12.json``, ``questions_dev14.json``, ``questions_dev16.json``,
  ``questions_dev17.json`` to ``questions_dev33.json``,
  ``conversations_dev3.json`` to ``conversations_dev13.json``: blind development tables
  (written without seeing the engine), tuned on after their first run was recorded;
- ``tests/support/conversations.json``: the tuning conversations.

Printed: every split apart, the tuned accuracy, the rate of confidently wrong answers (a
wrong carrier, a stock answer to a question it should not answer: must be 0), the median
answer time, the conversation scores, and last the one that means something, over the
untouched rows only (heldout3, heldout4, heldout5):

    support accuracy <value> (target >= 0.95)

Run: python bench/support.py [-v]   (-v prints the misses of the tuned tables only)
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from _support_tables import TABLES, TUNED, TUNED_CONVERSATIONS, question_rows

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.evaluation import (
    confidently_wrong,
    load_conversations,
    load_questions,
    problems,
    score_conversation,
)

TARGET = 0.95
ROUNDS = 3
#: splits the engine was never changed after (TUNED: _support_tables)
UNTOUCHED = ("heldout3", "heldout4", "heldout5")


def _rate(results: list[bool]) -> float:
    return sum(results) / len(results) if results else 0.0


def _conversations(
    engine: SupportEngine, conversations: list[dict[str, Any]], *, show: bool
) -> tuple[list[bool], list[bool], list[bool]]:
    """Each conversation right or not, each turn right or not, each turn confidently wrong."""
    whole: list[bool] = []
    turns: list[bool] = []
    bad: list[bool] = []
    for conversation in conversations:
        ok = True
        for scored in score_conversation(engine, conversation):
            turns.append(not scored.problems)
            bad.append(scored.confidently_wrong)
            ok = ok and not scored.problems
            if scored.problems and show:
                said = f"{scored.turn['say']!r}: {'; '.join(scored.problems)}"
                print(f"MISS [conv {conversation['id']}] {said}")
        whole.append(ok)
    return whole, turns, bad


def main(verbose: bool = False) -> float:
    """Run the tables (timed ROUNDS times), score the first round; return the untouched rate."""
    rows = question_rows()
    heldout_path = TABLES / "questions_heldout.json"
    if heldout_path.exists():
        rows += load_questions(heldout_path)
    engine = SupportEngine()
    engine.answer("warm up: is colissimo supported?")
    timings: list[float] = []
    right: dict[str, list[bool]] = {split: [] for split in (*TUNED, *UNTOUCHED)}
    confident: dict[str, list[bool]] = {"tuned": [], "untouched": []}
    for round_number in range(ROUNDS):
        for row in rows:
            start = time.perf_counter()
            answer = engine.answer(row["q"])
            timings.append(time.perf_counter() - start)
            if round_number:
                continue
            split = row.get("split", "tune")
            wrong = problems(answer, row)
            right[split].append(not wrong)
            confident["tuned" if split in TUNED else "untouched"].append(
                confidently_wrong(answer, row)
            )
            if wrong and verbose and split in TUNED:
                print(f"MISS [{split}] {row['q']!r}: {'; '.join(wrong)}")
    for split, results in right.items():
        print(f"{split}: {sum(results)}/{len(results)} = {_rate(results):.3f}")
    tuned = [r for split in TUNED for r in right[split]]
    untouched = [r for split in UNTOUCHED for r in right[split]]
    print(f"tuned-split accuracy {_rate(tuned):.3f} ({len(tuned)} rows: {', '.join(TUNED)})")
    for name, flags in confident.items():
        print(f"confidently wrong ({name}): {sum(flags)}/{len(flags)} = {_rate(flags):.3f}")
    print(f"median answer time {statistics.median(timings) * 1000:.2f} ms")
    print(f"p95 answer time {sorted(timings)[int(len(timings) * 0.95)] * 1000:.2f} ms")
    for name, show in (
        *((tuned, verbose) for tuned in TUNED_CONVERSATIONS),
        ("conversations_heldout.json", False),
    ):
        path = TABLES / name
        if not path.exists():
            continue
        whole, turns, bad = _conversations(engine, load_conversations(path), show=show)
        print(
            f"conversation score {name}: {sum(whole)}/{len(whole)} = {_rate(whole):.3f} "
            f"(turns {sum(turns)}/{len(turns)}, confidently wrong turns {sum(bad)})"
        )
    # The headline number: only rows no change was ever made for.
    accuracy = _rate(untouched)
    print(f"untouched rows: {sum(untouched)}/{len(untouched)} ({', '.join(UNTOUCHED)})")
    print(f"support accuracy {accuracy:.3f} (target >= {TARGET})")
    return accuracy


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
