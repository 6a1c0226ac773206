"""Does a learned intent model help the engine on questions it was never tuned on?

The engine is tuned on every development table, so scoring it on them flatters it. The fair
comparison is temporal: each blind table is scored by the engine as it was when the table
arrived (its first run, before any change for it), beside the learned model of
``bench/_intent_model.py`` trained only on the rows that existed at that commit (tuned
splits, development tables, tuning conversations' first turns, the intents' examples; never
a held-out file or split, never the blind table itself):

    dev9 first run at be2d230     dev10 first run at 83d8577     dev12 first run at d15aaf6
    dev8 first run at 0af9e1d (the merge before the table landed, 336b1a5)

For each table the script extracts that commit's source, tables and carrier registry
(``git archive``) and runs, in a child process on that source, the engine alone and the
engine with each combination rule applied to its ranking (``_ranking.rank``), scoring every
row like ``bench/support_dev.py`` (``evaluation.problems`` and
``evaluation.confidently_wrong``). The rule is chosen on dev9 and dev10 (most right answers,
no table's confidently wrong count raised) and confirmed on dev12 and dev8 without
re-tuning.

Run: python bench/support_temporal.py [--also dev14=<commit>]   (needs scikit-learn: pip
install -e '.[dev]'; about 3 minutes; ``--also`` adds a newer blind table, aggregates only)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: blind table -> the commit whose engine met it first
FIRST_RUNS = {"dev9": "be2d230", "dev10": "83d8577", "dev12": "d15aaf6", "dev8": "0af9e1d"}
CHOOSE_ON = ("dev9", "dev10")
#: splits of questions.json the engine was tuned on (heldout3 and later are untouched)
TUNED = ("tune", "tune2", "heldout", "heldout2")
#: the engine's ranking, the whole message and the model -> the ranking the engine builds from
Rule = Callable[[list[Any], str, Any], list[Any]]
#: the figures of intents alone (not the answer's facts), for information
INTENT_ONLY = "intent only:"
#: the model's probability a rule needs before it acts
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: how far below the engine's best score a candidate may be for the model to choose it
MARGINS = (0.5, 1.0, 2.0, 100.0)
#: the engine's own evidence threshold (intents._THRESHOLD) for a tie-break candidate
_ENGINE_THRESHOLD = 1.5
#: the probability under which the model "gives the engine's intent next to nothing"
_NEXT_TO_NOTHING = 0.05


# --- the child: one commit's engine and tables --------------------------------------------


def _model_module() -> Any:
    """This checkout's model code, loaded by path (the old commit has none)."""
    path = Path(__file__).with_name("_intent_model.py")
    spec = importlib.util.spec_from_file_location("_learner_intent_model", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def training_set(tables: Path, blind: str | None) -> tuple[list[str], list[str]]:
    """The rows a model may learn from in a ``tests/support`` folder, plus the intents'
    examples: tuned splits, development tables and tuning conversations' first turns; never
    a held-out file or split, never the blind table ``blind``."""
    from rakuten_assist.support.intents import intent_data

    texts: list[str] = []
    labels: list[str] = []

    def add(text: str, label: str) -> None:
        texts.append(text)
        labels.append(label)

    for path in sorted(tables.glob("questions*.json")):
        if "heldout" in path.name or path.stem == f"questions_{blind}":
            continue
        for row in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            split = row.get("split", "tune")
            if path.name == "questions.json" and split not in TUNED:
                continue
            add(row["q"], row["intent"])
    for path in sorted(tables.glob("conversations*.json")):
        if "heldout" in path.name:
            continue
        for conversation in json.loads(path.read_text(encoding="utf-8"))["conversations"]:
            first = conversation["turns"][0]  # later turns lean on the memory
            add(first["say"], first["intent"])
    for intent, data in sorted(intent_data().items()):
        for _lang, examples in sorted(data.examples.items()):
            for example in examples:
                add(example, intent)
    return texts, labels


def _records(tables: Path, table: Path, blind: str) -> dict[str, list[list[bool]]]:
    """Per rule, each row of ``table`` scored as [right, confidently wrong]; and, apart, the
    intent alone of the engine and of the model ([right intent, False])."""
    import rakuten_assist.support.engine as engine_module
    from rakuten_assist.support import SupportEngine
    from rakuten_assist.support.evaluation import confidently_wrong, load_questions, problems

    model = _model_module().fit(*training_set(tables, blind))
    original = engine_module.rank
    rows = load_questions(table)
    scored: dict[str, list[list[bool]]] = {}
    intents: list[str] = []
    for name, rule in rules():

        def ranked(question: str, asked: str, entities: Any, rule: Rule = rule) -> Any:
            found, entities = original(question, asked, entities)
            return rule(found, question, model), entities

        engine_module.rank = ranked
        engine = SupportEngine()
        results = []
        said = []
        for row in rows:
            try:
                answer = engine.answer(row["q"])
            except Exception:  # a crash of an old engine is a miss
                results.append([False, False])
                said.append("")
                continue
            results.append([not problems(answer, row), confidently_wrong(answer, row)])
            said.append(answer.intent)
        scored[name] = results
        intents = intents or said  # the engine alone's, the first rule
    engine_module.rank = original
    scored[f"{INTENT_ONLY} engine"] = [
        [intent == row["intent"], False] for intent, row in zip(intents, rows, strict=False)
    ]
    scored[f"{INTENT_ONLY} model"] = [
        [model.guess(row["q"]).intent == row["intent"], False] for row in rows
    ]
    return scored


# --- the rules ----------------------------------------------------------------------------


def _score(intent: str) -> Any:
    from rakuten_assist.support.intents import IntentScore

    return IntentScore(intent, 0.0, ("learned model",))


def _best(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=lambda intent: (probabilities[intent], intent))


def _fill(t: float) -> Rule:
    """The model's intent where the engine's ranking has none (a plain "I don't know")."""

    def rule(found: list[Any], question: str, model: Any) -> list[Any]:
        if found[0].intent != "unknown":
            return found
        p = model.probabilities(question)
        best = _best(p)
        return [_score(best), *found] if best != "unknown" and p[best] >= t else found

    return rule


def _veto(t: float) -> Rule:
    """ "I don't know" where the model is sure the question is none of the engine's."""

    def rule(found: list[Any], question: str, model: Any) -> list[Any]:
        if found[0].intent in ("unknown", "greeting"):
            return found
        p = model.probabilities(question)
        best = _best(p)
        return [_score("unknown")] if best == "unknown" and p[best] >= t else found

    return rule


def _overrule(t: float) -> Rule:
    """The model's intent over the engine's when it gives the engine's next to nothing."""

    def rule(found: list[Any], question: str, model: Any) -> list[Any]:
        top = found[0].intent
        if top in ("unknown", "greeting"):
            return found
        p = model.probabilities(question)
        best = _best(p)
        wanted = (
            best not in (top, "unknown") and p[best] >= t and p.get(top, 0.0) < _NEXT_TO_NOTHING
        )
        return [_score(best), *found] if wanted else found

    return rule


def _tiebreak(margin: float) -> Rule:
    """The engine's candidates within ``margin`` of its best score, chosen by the model."""

    def rule(found: list[Any], question: str, model: Any) -> list[Any]:
        top = found[0]
        if top.intent in ("unknown", "greeting"):
            return found
        floor = max(top.score - margin, _ENGINE_THRESHOLD)
        close = [s for s in found if s.score >= floor and s.intent != "unknown"]
        if len(close) < 2:
            return found
        p = model.probabilities(question)
        chosen = max(close, key=lambda s: p.get(s.intent, 0.0))
        return [chosen, *(s for s in found if s is not chosen)]

    return rule


def rules() -> Iterator[tuple[str, Rule]]:
    """Every combination tried on the engine's ranking, the engine alone first."""
    yield "engine alone", lambda found, question, model: found
    for t in THRESHOLDS:
        yield f"fill@{t}", _fill(t)
        yield f"veto@{t}", _veto(t)
        yield f"overrule@{t}", _overrule(t)
    for margin in MARGINS:
        yield f"tiebreak@{margin}", _tiebreak(margin)


# --- the parent: snapshots, children, the table -------------------------------------------


def _snapshot(commit: str, into: Path) -> None:
    """The commit's source, tables and carrier registry, as the package would find them."""
    archive = into / "snapshot.tar"
    with archive.open("wb") as out:
        subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), "archive", commit, "src", "tests/support"],  # noqa: S607
            check=True,
            stdout=out,
        )
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    registry = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "show", f"{commit}:carriers.json"],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout
    (into / "src" / "rakuten_assist" / "carriers.json").write_bytes(registry)


def _first_run(blind: str, commit: str) -> dict[str, list[list[bool]]]:
    """Each rule's per-row [right, confidently wrong] on ``blind`` at ``commit``."""
    with tempfile.TemporaryDirectory(prefix=f"support-at-{commit}-") as folder:
        at = Path(folder)
        _snapshot(commit, at)
        env = {**os.environ, "PYTHONPATH": str(at / "src")}
        table = ROOT / "tests" / "support" / f"questions_{blind}.json"
        done = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--child", str(at), str(table), blind],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        scored: dict[str, list[list[bool]]] = json.loads(done.stdout)
        return scored


def main(also: dict[str, str] | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """Print every rule's figures per table, the rule chosen on dev9 and dev10, and the
    other tables' (``also``: more blind tables, name -> the commit that first met them)."""
    first_runs = {**FIRST_RUNS, **(also or {})}
    by_table = {blind: _first_run(blind, commit) for blind, commit in first_runs.items()}
    sizes = {blind: len(scored["engine alone"]) for blind, scored in by_table.items()}
    results: dict[str, dict[str, tuple[int, int]]] = {}
    print("rule".ljust(22) + "".join(f"{b} right cw".rjust(16) for b in by_table))
    for name in by_table["dev9"]:
        results[name] = {
            blind: (sum(r for r, _ in scored[name]), sum(w for _, w in scored[name]))
            for blind, scored in by_table.items()
        }
        cells = "".join(f"{r}/{sizes[b]} {w}".rjust(16) for b, (r, w) in results[name].items())
        print(name.ljust(22) + cells)
    chosen = _choose(results)
    print(f"chosen on {' + '.join(CHOOSE_ON)}: {chosen}")
    for blind, scored in by_table.items():
        base, mixed, n = results["engine alone"][blind], results[chosen][blind], sizes[blind]
        pairs = list(zip(scored["engine alone"], scored[chosen], strict=True))
        gained = sum(not alone[0] and both[0] for alone, both in pairs)
        lost = sum(alone[0] and not both[0] for alone, both in pairs)
        print(
            f"{blind} (first run at {first_runs[blind]}): engine {base[0] / n:.3f} cw {base[1]}"
            f" -> engine+model {mixed[0] / n:.3f} cw {mixed[1]}"
            f" (rows gained {gained}, lost {lost})"
        )
    return results


def _choose(results: dict[str, dict[str, tuple[int, int]]]) -> str:
    """The rule with the most right answers on the choosing tables among those that raise no
    table's confidently wrong count there (ties: the engine alone, then the first listed)."""
    base = results["engine alone"]
    best, best_right = "engine alone", sum(base[b][0] for b in CHOOSE_ON)
    for name, figures in results.items():
        if name.startswith(INTENT_ONLY) or any(figures[b][1] > base[b][1] for b in CHOOSE_ON):
            continue
        right = sum(figures[b][0] for b in CHOOSE_ON)
        if right > best_right:
            best, best_right = name, right
    return best


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--child", nargs=3, metavar=("AT", "TABLE", "BLIND"))
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME=COMMIT",
        help="another blind table (tests/support/questions_NAME.json) and the commit that "
        "first met it, e.g. dev14=3b7ba9f; aggregates only",
    )
    options = parser.parse_args()
    if options.child:
        at, table, blind = options.child
        print(json.dumps(_records(Path(at) / "tests" / "support", Path(table), blind)))
    else:
        main(dict(item.split("=", 1) for item in options.also))
