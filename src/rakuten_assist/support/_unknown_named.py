"""A tracking question that names a carrier the registry does not know, or a platform.

"tracking link for Speedy Parcels 12345678": the name is the user's answer to "which
carrier?", so the number is never silently given to other carriers. The answer says the
named carrier is not in the registry (no link); which known carriers the number's shape
fits is only a separate, hedged remark.
"""

from __future__ import annotations

import re

from rakuten_assist.support._answer import Answer
from rakuten_assist.support._carrier_answers import shown
from rakuten_assist.support._entity_types import Entities
from rakuten_assist.support._framed_names import name_like
from rakuten_assist.support._grouped_numbers import spaced_numbers
from rakuten_assist.support._lang import Lang, fold, is_common_word
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import say
from rakuten_assist.support._unregistered_names import NOT_NAMES, unknown_word

__all__ = ["answer_unknown_named", "names_beside_number", "unknown_named"]

_TOKEN = re.compile(r"[^\W_][\w°+&'’-]*")
# Words between a carrier's name and its number: "Speedy Parcels n° 12345678".
_FILLERS = frozenset(
    {"n", "no", "n°", "nr", "numero", "number", "num", "tracking", "suivi", "awb", "colis"}
)
# Words of a link request between a name and its number: "Venipak lien de suivi 4820193756",
# "Fan Courier tracking link for 2400019384756". A single word opening the message is a
# name only when such words stand between it and the number ("Shipment 12345678" is not).
_LINK_FILLERS = frozenset({"lien", "link", "url", "de", "du", "for", "pour", "le", "the", "colis"})
_LINK_WORDS = frozenset({"lien", "link", "url"})
_MAX_FILLERS = 5
# Words before a name given as the carrier: "pour Tartempion", "with Speedy Parcels". Not
# "from": what follows is where a parcel comes from ("a supplier email from Shenzhen").
_BEFORE = frozenset({"for", "pour", "avec", "with", "via", "chez", "par", "by"})
# Words that make the name after them a person's ("le client Dupont 6A...", "Mme Martin").
_PERSON = frozenset(
    {"client", "cliente", "acheteur", "acheteuse", "destinataire", "customer", "buyer"}
    | {"recipient", "m", "mr", "mme", "mrs", "ms", "mlle", "monsieur", "madame", "mademoiselle"}
)
_MAX_WORDS = 3
#: words in brackets right after a capitalised word, no digit inside ("Speedy (Bulgaria)")
_BRACKETED = re.compile(r"(?<=[A-Za-z])\s*\([^()\d]{2,40}\)")
_MIN_DIGITS = 6


def _is_number(token: str) -> bool:
    return sum(ch.isdigit() for ch in token) >= _MIN_DIGITS


def _strong(token: str) -> bool:
    """Not an ordinary word of either language, nor a word names share ("Colis", "Express")."""
    folded = fold(token)
    return not is_common_word(folded) and folded not in NOT_NAMES


def _asks_whose(question: str) -> bool:
    """Whether the question asks which carrier a number is ("which carrier is it?")."""
    from rakuten_assist.support.intents import keyword_score

    return keyword_score(question, "detect_carrier") >= _ASKS_WHOSE


#: the weight of "which carrier" / "quel transporteur" (detect_carrier.toml)
_ASKS_WHOSE = 2.0


def _run(tokens: list[str], start: int, step: int) -> list[str]:
    """The capitalised words from ``start`` on (backwards when ``step`` is -1), as a name:
    at least one of them is no ordinary word, and none before the name opens it
    ("Hello Speedy Parcels" is "Speedy Parcels"; "Colis Tartempion" stays whole)."""
    run: list[str] = []
    i = start
    while 0 <= i < len(tokens) and len(run) < _MAX_WORDS:
        token = tokens[i]
        if not token[0].isupper() or token[0].isdigit() or _is_number(token):
            break  # a number ("XW123456789FR") is no name
        if step > 0 and token[-1] in ".?!:;,":
            run.append(token.rstrip(".?!:;,"))
            break  # a name never runs on past its sentence ("for Leeds. Which carrier")
        if step < 0 and run and token[-1] in ".?!:;,":
            break
        run.append(token)
        i += step
    run = run if step > 0 else run[::-1]
    while run and not _strong(run[0]) and fold(run[0]) not in NOT_NAMES:
        run.pop(0)
    return run if any(_strong(word) for word in run) else []


def _person(words: list[str]) -> bool:
    """Whether a title or a customer word marks these words as a person's name."""
    return any(fold(word) in _PERSON for word in words)


def names_beside_number(text: str) -> list[str]:
    """Names given as the carrier: a capitalised name right before a tracking number
    ("Speedy Parcels 12345678"), or after "for", "pour", "avec"... ("lien pour Tartempion").

    A single capitalised word opening the message ("Shipment 12345678") is not taken: it is
    as often an ordinary word as a name.
    """
    # A name's country or kind in brackets is part of the name ("Speedy (Bulgaria) lien de
    # suivi pour 301928374651" names Speedy): the brackets and what they hold are left out.
    text = _BRACKETED.sub("", text)
    found = list(_TOKEN.finditer(text))
    tokens = [m.group(0) for m in found]
    names: list[str] = []

    def add(run: list[str]) -> None:
        name = " ".join(run)
        if run and name not in names:
            names.append(name)

    for i, token in enumerate(tokens):
        if _is_number(token):
            j = i - 1
            while j >= 0 and i - j <= 2 and fold(tokens[j]) in _FILLERS:
                j -= 1
            k = j
            while (
                k >= 0
                and i - k <= _MAX_FILLERS
                and fold(tokens[k]) in _FILLERS | _LINK_FILLERS
                and (k == 0 or not text[found[k - 1].end() : found[k].start()].strip())
            ):
                k -= 1  # over the words of the request, never over punctuation
            between = {fold(t) for t in tokens[k + 1 : i]}
            if between & _LINK_WORDS:
                j = k  # the name is the one the link is asked for
            run = _run(tokens, j, -1)
            if not run:
                run = _typed_run(tokens, j, bool(between), text)
            first = j - len(run) + 1
            opens = run and not text[: found[first].start()].strip(" ,;:")
            before = [tokens[first - 1]] if first > 0 else []
            lone = opens and len(run) == 1 and not between & _LINK_WORDS
            if not lone and not _person(before + run):
                add(run)
        elif fold(token) in _BEFORE:
            run = _run(tokens, i + 1, 1)
            if not _person(run):
                add(run)
    return names


def _typed_run(tokens: list[str], j: int, fillers: bool, text: str) -> list[str]:
    """The name typed in lower case that ends at ``tokens[j]``, right before a number (or
    its request's words, ``fillers``), or []: opening the message ("venipak lien de suivi
    4820193756", "ceska posta RR284005610CZ, le lien ?") or after "with", "avec"... ("ships
    with lietuvos pastas (RB330915782LT)")."""
    link = bool(_LINK_WORDS & {fold(t) for t in _TOKEN.findall(text)})
    if j < _MAX_WORDS and (fillers or link):
        words = tokens[: j + 1]
        if (fillers and len(words) == 1 and unknown_word(words[0])) or (link and name_like(words)):
            return words
    for size in range(_MAX_WORDS, 0, -1):
        start = j - size + 1
        if start > 0 and fold(tokens[start - 1]) in _BEFORE and name_like(tokens[start : j + 1]):
            return tokens[start : j + 1]
    return []


def answer_unknown_named(
    names: list[str], platforms: list[str], number: str | None, lang: Lang
) -> Answer:
    """The named carrier is not in the registry (or is a platform): no link; at most a hedged
    remark on which known carriers the number's shape fits."""
    from rakuten_assist.carriers import detect_carrier

    lines = [say("unknown_named.platform", lang, name=name) for name in platforms]
    lines += [say("unknown_named.not_in_registry", lang, name=name) for name in names]
    candidates = list(detect_carrier(number)) if number else []
    if candidates:
        evidence = say("detect.strong" if candidates[0].checksum else "detect.weak", lang)
        shapes = say("list_or", lang).join(shown(c.carrier, lang) for c in candidates[:3])
        lines.append(
            say("unknown_named.shape_fits", lang, number=number, names=shapes, evidence=evidence)
        )
    elif not number:
        lines.append(say("link.ask_both", lang))
    # Only names the registry does not know: whether Rakuten takes them is not known here,
    # the honest "I don't know" with who can answer (as for a carrier question).
    honest = bool(names) and not platforms
    if honest:
        lines.append(say("who.rakuten_seller_support", lang))
    sources: list[Source] = []
    if platforms:
        sources.append(Source(kind="platforms", names=tuple(platforms)))
    if names:
        sources.append(Source(kind="not_found", names=tuple(names)))
    escalate: dict[str, object] = (
        {"escalate": True, "who": "rakuten_seller_support"} if honest else {}
    )
    return Answer(
        intent="unknown" if honest else "tracking_url",
        lang=lang,
        text="\n\n".join(lines),
        facts={
            **escalate,
            "unknown": list(names),
            "platforms": list(platforms),
            "number": number,
            "tracking_url": None,
            "missing": ["carrier"],
            # the number's shape only: never the carrier the user named
            "shape_candidates": [c.carrier.id for c in candidates[:3]],
        },
        suggestions=[say("next.carriers", lang)],
        sources=sources,
    )


def unknown_named(question: str, entities: Entities, lang: Lang) -> Answer | None:
    """The answer when a tracking question names no registry carrier but an unknown name or
    a shipping platform as its carrier; None otherwise."""
    if entities.carriers or entities.marketplaces:
        return None
    platforms = list(entities.platforms)
    if not platforms and _asks_whose(question):
        # "an order for Leeds: which carrier is it?" asks for the carrier: it names none
        return None
    folded = [fold(p) for p in platforms]
    # a number typed in groups is no name ("XW 123 456 789 FR": "XW" opens the number)
    unspaced = spaced_numbers(entities.residue or question)[1]
    beside = names_beside_number(unspaced)
    if not beside and entities.named_first:
        # the name the question opens with ("Venipak tracking link please")
        beside = entities.unknown_carriers[:1]
    names = [name for name in beside if not any(p in fold(name) or fold(name) in p for p in folded)]
    if not names and not platforms:
        return None
    return answer_unknown_named(
        names, platforms, entities.numbers[0] if entities.numbers else None, lang
    )
