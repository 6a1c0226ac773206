"""The learned intent model measured by ``bench/support_temporal.py`` (not used by the engine).

A linear model over the character n-grams and words of the folded message: TF-IDF (sublinear
counts, unit length) and logistic regression (scikit-learn, for training only); a message is
scored with numpy alone, as a shipped model would be.
The engine does not use it: on the blind tables' first runs it did not help beyond noise
(docs/support.md, "The classifier, measured").
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rakuten_assist.support._lang import fold

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Guess", "IntentModel", "features", "fit"]

_WORD = re.compile(r"[a-z0-9]+")
_SHORTEST, _LONGEST = 2, 5
#: the regularisation (scikit-learn's C): 1 underfits (dev9 0.68), 100 overfits (more wrong
#: switches), measured on the first runs of dev9 and dev10
_C = 10.0


def features(text: str) -> Counter[str]:
    """The n-grams counted in ``text``: characters of each folded word (2 to 5, the word
    padded with spaces), the words, and the pairs of neighbouring words."""
    words = _WORD.findall(fold(text))
    grams: Counter[str] = Counter()
    for word in words:
        padded = f" {word} "
        for size in range(_SHORTEST, _LONGEST + 1):
            for start in range(max(1, len(padded) - size + 1)):
                grams[padded[start : start + size]] += 1
        grams[f"w:{word}"] += 1
    for first, second in itertools.pairwise(words):
        grams[f"b:{first} {second}"] += 1
    return grams


@dataclass(frozen=True)
class Guess:
    """The model's most likely intent for a message and its probability."""

    intent: str
    probability: float


@dataclass(frozen=True)
class IntentModel:
    """A trained model: vocabulary, inverse document frequencies, weights, intercepts."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]  # one row per n-gram, one column per intent
    intercepts: npt.NDArray[np.float64]
    intents: tuple[str, ...]

    def probabilities(self, text: str) -> dict[str, float]:
        """Each intent's probability for ``text``."""
        import numpy as np

        index, values = self._vector(text)
        scores = self.intercepts.copy()
        if index:
            scores = scores + np.asarray(values) @ self.weights[index]
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {intent: float(p) for intent, p in zip(self.intents, scores, strict=True)}

    def guess(self, text: str) -> Guess:
        """The most likely intent for ``text``."""
        probabilities = self.probabilities(text)
        best = max(probabilities, key=lambda intent: (probabilities[intent], intent))
        return Guess(best, probabilities[best])

    def _vector(self, text: str) -> tuple[list[int], list[float]]:
        """The message's TF-IDF vector (sublinear counts, unit length) as index and values."""
        index: list[int] = []
        values: list[float] = []
        for gram, count in sorted(features(text).items()):
            column = self.vocabulary.get(gram)
            if column is not None:
                index.append(column)
                values.append((1.0 + math.log(count)) * float(self.idf[column]))
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return index, [v / norm for v in values]


def fit(texts: Sequence[str], labels: Sequence[str], *, min_count: int = 2) -> IntentModel:
    """Train a model on ``texts`` and their intents (needs scikit-learn; deterministic).

    N-grams seen in fewer than ``min_count`` texts are left out (they only memorise).
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counted = [features(text) for text in texts]
    seen: Counter[str] = Counter(gram for grams in counted for gram in grams)
    kept = sorted(gram for gram, n in seen.items() if n >= min_count)
    vocabulary = {gram: i for i, gram in enumerate(kept)}
    documents = len(texts)
    idf = np.array([math.log((1 + documents) / (1 + seen[gram])) + 1.0 for gram in kept])
    model = IntentModel(vocabulary, idf, np.zeros((len(kept), 0)), np.zeros(0), ())
    rows: list[int] = []
    columns: list[int] = []
    data: list[float] = []
    for row, text in enumerate(texts):
        index, values = model._vector(text)
        rows.extend([row] * len(index))
        columns.extend(index)
        data.extend(values)
    matrix = csr_matrix((data, (rows, columns)), shape=(documents, len(kept)))
    learner = LogisticRegression(C=_C, max_iter=5000)
    learner.fit(matrix, list(labels))
    return IntentModel(
        vocabulary=vocabulary,
        idf=idf,
        weights=np.asarray(learner.coef_, dtype=np.float64).T.copy(),
        intercepts=np.asarray(learner.intercept_, dtype=np.float64),
        intents=tuple(str(intent) for intent in learner.classes_),
    )
