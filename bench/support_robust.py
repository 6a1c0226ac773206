"""How steady the support engine's answers are when a question is rewritten without changing
its meaning: a greeting before it, a signature after it, no accents, no capitals, no
question mark, a line of background, a typo, reported speech ("The merchant asks: ..."), a
"please" after it, all in capitals, no apostrophes, "..." for its question mark.

Each rewrite is applied to every tuned row the engine answers right; a row that the rewrite
makes wrong is a *flip*. A flip is a brittleness the fresh tables will find in words nobody
here wrote, so flips are fixed as families, never row by row. Only tuned rows are read
(``bench/_support_tables.TUNED``); the untouched splits stay ``bench/support.py``'s.

Run: python bench/support_robust.py [REWRITE ...] [-v]   (-v: print each flip)
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections.abc import Callable

from _support_tables import TABLES, TUNED, TUNED_CONVERSATIONS, question_rows

from rakuten_assist.support import SupportEngine
from rakuten_assist.support.evaluation import (
    confidently_wrong,
    load_conversations,
    problems,
    score_conversation,
)

Rewrite = Callable[[str, str, random.Random], str]

_GREETINGS = {"fr": ("Bonjour,", "Bonjour à tous,", "Salut,"), "en": ("Hi,", "Hello,", "Hi there,")}
_SIGNATURES = {
    "fr": ("Merci d'avance,\nJulie", "Cordialement,\nM. Durand", "Bonne journée"),
    "en": ("Thanks in advance,\nJulie", "Best regards,\nMark", "Cheers"),
}
_BACKGROUND = {
    "fr": (
        "Je m'occupe de la boutique d'un client depuis lundi.",
        "On vend de la déco et du petit mobilier.",
        "Je reprends le dossier d'une collègue partie en congé.",
    ),
    "en": (
        "I look after a client's shop since Monday.",
        "We sell home decor and small furniture.",
        "I am taking over the file from a colleague on leave.",
    ),
}
_PROTECTED = re.compile(r"[A-Z0-9]{2,}|\S+@\S+|https?://\S+|\d")


def _greeting(q: str, lang: str, rng: random.Random) -> str:
    return f"{rng.choice(_GREETINGS[lang])} {q}"


def _signature(q: str, lang: str, rng: random.Random) -> str:
    return f"{q}\n{rng.choice(_SIGNATURES[lang])}"


def _background(q: str, lang: str, rng: random.Random) -> str:
    return f"{rng.choice(_BACKGROUND[lang])} {q}"


def _no_accents(q: str, lang: str, rng: random.Random) -> str:
    decomposed = unicodedata.normalize("NFD", q)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lower(q: str, lang: str, rng: random.Random) -> str:
    return q.lower()


def _no_question_mark(q: str, lang: str, rng: random.Random) -> str:
    return re.sub(r"\s*\?+", "", q).strip()


def _typo(q: str, lang: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped in one plain word of six letters or more."""
    words = [m for m in re.finditer(r"[^\W\d_]{6,}", q) if not _PROTECTED.fullmatch(m.group())]
    if not words:
        return q
    word = rng.choice(words)
    at = word.start() + rng.randrange(1, len(word.group()) - 2)
    return q[:at] + q[at + 1] + q[at] + q[at + 2 :]


_REPORTED = {
    "fr": ("Le marchand me demande :", "Question d'un client :", "Ticket du jour :"),
    "en": ("The merchant asks:", "Question from a seller:", "Ticket today:"),
}
_POLITE = {"fr": ("svp", "merci", "stp"), "en": ("please", "thanks", "pls")}


def _reported(q: str, lang: str, rng: random.Random) -> str:
    return f"{rng.choice(_REPORTED[lang])} {q}"


def _polite(q: str, lang: str, rng: random.Random) -> str:
    return f"{q.rstrip()} {rng.choice(_POLITE[lang])}"


def _capitals(q: str, lang: str, rng: random.Random) -> str:
    return q.upper()


def _no_apostrophes(q: str, lang: str, rng: random.Random) -> str:
    return re.sub(r"(?<=\w)['’](?=\w)", " ", q)


def _ellipsis(q: str, lang: str, rng: random.Random) -> str:
    return re.sub(r"\s*\?+\s*$", "...", q)


REWRITES: dict[str, Rewrite] = {
    "greeting": _greeting,
    "signature": _signature,
    "background": _background,
    "no_accents": _no_accents,
    "lower": _lower,
    "no_question_mark": _no_question_mark,
    "typo": _typo,
    "reported": _reported,
    "polite": _polite,
    "capitals": _capitals,
    "no_apostrophes": _no_apostrophes,
    "ellipsis": _ellipsis,
}


def main(names: list[str], verbose: bool) -> None:
    """Print, for each rewrite, the rows it flips from right to wrong."""
    engine = SupportEngine()
    rows = [row for row in question_rows() if row.get("split", "tune") in TUNED]
    right = [row for row in rows if not problems(engine.answer(row["q"]), row)]
    print(f"tuned rows answered right: {len(right)}/{len(rows)}")
    total = 0
    for name in names:
        rewrite = REWRITES[name]
        rng = random.Random(name)
        flips = confident = changed = 0
        for row in right:
            question = rewrite(row["q"], row["lang"], rng)
            if question == row["q"]:
                continue
            changed += 1
            answer = engine.answer(question)
            wrong = problems(answer, row)
            if wrong:
                flips += 1
                bad = confidently_wrong(answer, row)
                confident += bad
                if verbose:
                    tag = "CONFIDENTLY WRONG" if bad else "FLIP"
                    print(f"{tag} [{name}] {question!r}: {'; '.join(wrong)}")
        total += flips
        print(f"{name}: {flips} flips of {changed} rewritten rows ({confident} confidently wrong)")
    print(f"flips in all: {total}")
    _conversations(engine, names, verbose)


def _conversations(engine: SupportEngine, names: list[str], verbose: bool) -> None:
    """The same rewrites on every turn of the tuned conversations answered right."""
    whole = [c for name in TUNED_CONVERSATIONS for c in load_conversations(TABLES / name)]
    right = [c for c in whole if not any(s.problems for s in score_conversation(engine, c))]
    print(f"tuned conversations answered right: {len(right)}/{len(whole)}")
    for name in names:
        rewrite = REWRITES[name]
        rng = random.Random(name)
        flips = 0
        for conversation in right:
            turns = [
                {**turn, "say": rewrite(turn["say"], turn.get("lang", conversation["lang"]), rng)}
                for turn in conversation["turns"]
            ]
            scored = list(score_conversation(engine, {**conversation, "turns": turns}))
            wrong = [s for s in scored if s.problems]
            if wrong:
                flips += 1
                if verbose:
                    first = wrong[0]
                    print(
                        f"CONVERSATION FLIP [{name}] {conversation['id']} "
                        f"{first.turn['say']!r}: {'; '.join(first.problems)}"
                    )
        print(f"{name}: {flips} conversation flips of {len(right)}")


if __name__ == "__main__":
    chosen = [arg for arg in sys.argv[1:] if not arg.startswith("-")] or list(REWRITES)
    main(chosen, verbose="-v" in sys.argv)
