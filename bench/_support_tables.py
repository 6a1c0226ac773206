"""The support engine's question and conversation tables, as both support benches read them.

``TUNED`` are the splits the engine was changed after (their misses may be shown); every
other split of these files is untouched and only ``bench/support.py`` scores it, as an
aggregate. A new blind table joins here once its first run is recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rakuten_assist.support.evaluation import load_questions

TABLES = Path(__file__).resolve().parent.parent / "tests" / "support"
#: the question files, the tuned rows of questions.json and the blind dev tables
QUESTION_FILES = (
    "questions.json",
    *(f"questions_dev{n}.json" for n in (2, 8, 9, 10, 12, 14, *range(16, 34))),
)
#: conversation tables tuned on (conversations_heldout.json is never among them)
TUNED_CONVERSATIONS = (
    "conversations.json",
    "conversations_dev2.json",
    "conversations_dev3.json",
    "conversations_dev4.json",
    "conversations_dev5.json",
    "conversations_dev6.json",
    "conversations_dev7.json",
    "conversations_dev8.json",
    "conversations_dev9.json",
    "conversations_dev10.json",
    "conversations_dev11.json",
    "conversations_dev12.json",
    "conversations_dev13.json",
)
#: splits the engine was changed after (tuned on)
TUNED = (
    *("tune", "tune2", "heldout", "heldout2"),
    *(f"dev{n}" for n in (*range(2, 11), 12, 14, *range(16, 34))),
)


def question_rows() -> list[dict[str, Any]]:
    """Every row of the question files (tuned and untouched splits alike)."""
    return [row for name in QUESTION_FILES for row in load_questions(TABLES / name)]
