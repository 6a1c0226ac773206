"""The temporal bench's learned model never learns from held-out rows or the table it scores."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rakuten_assist.support.intents import intent_data

BENCH = Path(__file__).resolve().parents[2] / "bench" / "support_temporal.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("support_temporal_under_test", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _questions(path: Path, *rows: tuple[str, str]) -> None:
    table = [{"q": q, "intent": "unknown", "lang": "en", "split": split} for q, split in rows]
    path.write_text(json.dumps({"questions": table}), encoding="utf-8")


def _conversations(path: Path, *turns: str) -> None:
    said = [{"say": say, "intent": "unknown"} for say in turns]
    conversation = {"id": "c1", "lang": "en", "turns": said}
    path.write_text(json.dumps({"conversations": [conversation]}), encoding="utf-8")


def test_training_set_keeps_out_held_out_rows_and_the_blind_table(
    bench: ModuleType, tmp_path: Path
) -> None:
    """Tuned splits, earlier dev tables and first turns train the model; held-out files and
    splits, the blind table and turns that lean on memory never do."""
    _questions(tmp_path / "questions.json", ("tuned row", "tune2"), ("frozen row", "heldout3"))
    _questions(tmp_path / "questions_heldout.json", ("held-out file row", "heldout5"))
    _questions(tmp_path / "questions_dev2.json", ("earlier dev row", "dev2"))
    _questions(tmp_path / "questions_dev9.json", ("blind row", "dev9"))
    _conversations(tmp_path / "conversations.json", "first turn", "and the link?")
    _conversations(tmp_path / "conversations_heldout.json", "held-out turn")

    texts, labels = bench.training_set(tmp_path, "dev9")

    assert {"tuned row", "earlier dev row", "first turn"} <= set(texts)
    assert not {"frozen row", "held-out file row", "blind row", "and the link?"} & set(texts)
    assert "held-out turn" not in texts
    examples = [e for data in intent_data().values() for by in data.examples.values() for e in by]
    assert len(texts) == 3 + len(examples)
    assert len(labels) == len(texts)
