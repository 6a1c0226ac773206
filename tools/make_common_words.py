"""Write src/rakuten_assist/support/data/common_words.txt: the most frequent French and English
words, which the support engine never reads as a carrier's name when typed in lower case.

Source: the word-frequency lists shipped with pyspellchecker (MIT licence; counts from film
subtitles), the TOP most frequent words of each language, accents folded as the engine
folds them. Regenerate with:

    pip download --no-deps pyspellchecker==0.9.1 -d /tmp/wf
    python tools/make_common_words.py /tmp/wf/pyspellchecker-0.9.1-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

TOP = 30000
# Couriers' names that are also words of the subtitles ("speedy"): typed in lower case in a
# question about carriers, they are the courier, so they stay out of the list.
COURIERS = frozenset({"speedy", "stuart", "yodel"})
OUT = Path(__file__).resolve().parent.parent / "src/rakuten_assist/support/data/common_words.txt"


def main(wheel: str) -> None:
    from rakuten_assist.support._lang import fold

    archive = zipfile.ZipFile(wheel)
    words: set[str] = set()
    for lang in ("fr", "en"):
        counts = json.loads(gzip.decompress(archive.read(f"spellchecker/resources/{lang}.json.gz")))
        ranked = sorted(counts, key=lambda word: (-counts[word], word))
        words.update(fold(word) for word in ranked[:TOP] if word.isalpha())
    words -= COURIERS
    header = (
        f"# The {TOP} most frequent French and English words (pyspellchecker 0.9.1's frequency\n"
        "# lists, MIT licence), folded, less a few couriers' names (COURIERS); written by\n"
        "# tools/make_common_words.py, not by hand.\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
