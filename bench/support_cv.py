"""How well does the intent classifier generalise? Cross-validation on the tuned rows.

The engine's keyword scorer has no training step: its phrases (intent_data/*.toml) were
written while looking at these rows, so its accuracy on them is an upper bound, not a
measure. A learned model can be measured honestly: K-fold cross-validation, each fold
predicted by a model that never saw it. Three methods are compared on the same folds:

- ``keywords``: the engine's scorer alone (unknown below its threshold);
- ``learned``: TF-IDF of character n-grams of the folded text, logistic regression
  (scikit-learn), trained on the other folds plus every intent's example questions;
- ``hybrid``: the keyword scorer, and the learned model only where the scorer is unsure
  (below its threshold) and the model is confident.

Only the held-out rows of the bench (heldout3-5) say how the engine does on new questions;
they are not used here, so choosing a method on this measurement does not tune on them.

A second measurement uses the development rows of issue 12 (``questions_dev2.json``,
written after the keyword phrases): the learned model is trained on every tuned row, and the
whole engine (its focus, ranking and scope rules), the model and the hybrid are scored on
the dev rows' intents. The hybrid there only overrules the engine's "I don't know" that is
not an out-of-scope answer, so it can never turn an honest refusal into a stock answer.

Both measurements flatter the engine (its phrases were written on these rows, and it was
tuned on the dev rows); ``bench/support_temporal.py`` makes the fair one: each blind table
against the engine that first met it, and a model trained only on rows of that time.

Run: python bench/support_cv.py   (needs scikit-learn: pip install -e '.[dev]')
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rakuten_assist.support._entities import extract_entities
from rakuten_assist.support._lang import fold
from rakuten_assist.support._segments import focus
from rakuten_assist.support.evaluation import load_questions
from rakuten_assist.support.intents import classify, intent_data

TABLE = Path(__file__).resolve().parent.parent / "tests" / "support" / "questions.json"
DEV = TABLE.with_name("questions_dev2.json")
TUNED = ("tune", "tune2", "heldout", "heldout2")
FOLDS = 5
#: the learned model's probability the hybrid needs to overrule an "unknown"
CONFIDENT = (0.5, 0.7, 0.9)


def _keywords(question: str) -> str:
    return classify(focus(question), extract_entities(question))[0].intent


def _examples() -> tuple[list[str], list[str]]:
    texts: list[str] = []
    labels: list[str] = []
    for intent, data in intent_data().items():
        for examples in data.examples.values():
            texts.extend(examples)
            labels.extend([intent] * len(examples))
    return texts, labels


def _model(texts: Sequence[str], labels: Sequence[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=fold, min_df=1),
        LogisticRegression(max_iter=2000, C=10.0),
    )
    model.fit(list(texts), list(labels))
    return model


def main() -> dict[str, float]:
    """Print and return each method's cross-validated intent accuracy."""
    rows = [row for row in load_questions(TABLE) if row.get("split", "tune") in TUNED]
    random.Random(12).shuffle(rows)
    extra_texts, extra_labels = _examples()
    right = {"keywords": 0, "learned": 0, **{f"hybrid@{p}": 0 for p in CONFIDENT}}
    started = time.perf_counter()
    for fold_index in range(FOLDS):
        test = rows[fold_index::FOLDS]
        train = [row for i, row in enumerate(rows) if i % FOLDS != fold_index]
        model = _model(
            [focus(row["q"]) for row in train] + extra_texts,
            [row["intent"] for row in train] + extra_labels,
        )
        for row in test:
            keyword = _keywords(row["q"])
            probabilities = model.predict_proba([focus(row["q"])])[0]
            best = int(probabilities.argmax())
            learned = str(model.classes_[best])
            right["keywords"] += keyword == row["intent"]
            right["learned"] += learned == row["intent"]
            for threshold in CONFIDENT:
                unsure = keyword == "unknown" and probabilities[best] >= threshold
                hybrid = learned if unsure else keyword
                right[f"hybrid@{threshold}"] += hybrid == row["intent"]
    elapsed = time.perf_counter() - started
    rates = {name: count / len(rows) for name, count in right.items()}
    print(f"{FOLDS}-fold cross-validation on {len(rows)} tuned rows ({elapsed:.1f} s)")
    for name, rate in rates.items():
        print(f"intent accuracy {name}: {rate:.3f}")
    rates.update(_on_dev(rows, extra_texts, extra_labels))
    return rates


def _on_dev(rows: list[Any], extra_texts: list[str], extra_labels: list[str]) -> dict[str, float]:
    """The engine, the learned model and the hybrid on the development rows."""
    from rakuten_assist.support import SupportEngine

    dev = load_questions(DEV)
    model = _model(
        [focus(row["q"]) for row in rows] + extra_texts,
        [row["intent"] for row in rows] + extra_labels,
    )
    engine = SupportEngine()
    right = {"dev engine": 0, "dev learned": 0, **{f"dev hybrid@{p}": 0 for p in CONFIDENT}}
    for row in dev:
        answer = engine.answer(row["q"])
        probabilities = model.predict_proba([focus(row["q"])])[0]
        best = int(probabilities.argmax())
        learned = str(model.classes_[best])
        right["dev engine"] += answer.intent == row["intent"]
        right["dev learned"] += learned == row["intent"]
        for threshold in CONFIDENT:
            unsure = (
                answer.intent == "unknown"
                and "out_of_scope" not in answer.facts
                and probabilities[best] >= threshold
            )
            right[f"dev hybrid@{threshold}"] += (learned if unsure else answer.intent) == row[
                "intent"
            ]
    rates = {name: count / len(dev) for name, count in right.items()}
    print(f"on the {len(dev)} development rows (issue 12, not used to train the model):")
    for name, rate in rates.items():
        print(f"intent accuracy {name}: {rate:.3f}")
    return rates


if __name__ == "__main__":
    main()
