"""Score the support engine on the tuning tables only, misses shown: the tuning loop.

``bench/support.py`` prints the held-out figure and is run rarely (its aggregate must not
become a tuning loop). This script reads only tables the engine may be tuned on
(``questions.json`` tuned splits, ``questions_dev2.json``, ``questions_dev8.json``,
``questions_dev9.json``, ``questions_dev10.json``, ``questions_dev12.json``,
``questions_dev14.json``, ``questions_dev16.json`` to ``questions_dev33.json`` (blind tables
written without seeing the engine), ``conversations.json``, ``conversations_dev2.json`` to
``conversations_dev13.json`` (blind))
and prints every miss, so work is driven by them.

Run: python bench/support_dev.py [-q]   (-q: figures only, no misses)
"""

from __future__ import annotations

import sys
from collections import defaultdict

from _support_tables import TABLES, TUNED, TUNED_CONVERSATIONS, question_rows

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.evaluation import (
    confidently_wrong,
    load_conversations,
    problems,
    score_conversation,
)


def main(show: bool = True) -> dict[str, float]:
    """Print each tuned split's accuracy (and misses); return the rates by split."""
    rows = question_rows()
    engine = SupportEngine()
    right: dict[str, list[bool]] = defaultdict(list)
    confident = 0
    for row in rows:
        split = row.get("split", "tune")
        if split not in TUNED:
            continue  # the untouched splits are bench/support.py's, misses never shown
        answer = engine.answer(row["q"])
        wrong = problems(answer, row)
        right[split].append(not wrong)
        bad = confidently_wrong(answer, row)
        confident += bad
        if wrong and show:
            tag = "CONFIDENTLY WRONG" if bad else "MISS"
            print(f"{tag} [{split}] {row['q']!r}: {'; '.join(wrong)}")
    for name in TUNED_CONVERSATIONS:
        whole = []
        for conversation in load_conversations(TABLES / name):
            ok = True
            for scored in score_conversation(engine, conversation):
                confident += scored.confidently_wrong
                if scored.problems and show:
                    tag = "CONFIDENTLY WRONG" if scored.confidently_wrong else "MISS"
                    where = f"{name} {conversation['id']}"
                    said = f"{scored.turn['say']!r}: {'; '.join(scored.problems)}"
                    print(f"{tag} [{where}] {said}")
                ok = ok and not scored.problems
            whole.append(ok)
        right[name].extend(whole)
    rates = {}
    for split, results in right.items():
        rates[split] = sum(results) / len(results)
        print(f"{split}: {sum(results)}/{len(results)} = {rates[split]:.3f}")
    print(f"confidently wrong (tuned tables): {confident}")
    return rates


if __name__ == "__main__":
    main(show="-q" not in sys.argv)
