"""A message without its envelope: salutation, sign-off, signature and device line.

Merchants write e-mails: "Bonjour,\\n\\n<question>\\n\\nMerci d'avance,\\nJulie". The envelope
asks nothing, and its words mislead: a signed name taken for a carrier the registry does not
know, "merci" taken for thanks. Its phrases are data (``intent_data/envelope.toml``).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from rakuten_assist.support._lang import fold
from rakuten_assist.support._typos import is_slip

__all__ = ["without_envelope", "without_reported_lead"]

#: a signature line is short: a name, a team, a phone number
_SIGNATURE_WORDS = 6
_SIGNATURE_LINES = 4
#: a salutation line holds the salutation and a few words ("Bonjour l'équipe support,")
_OPENING_WORDS = 4
_WORD = re.compile(r"[a-z0-9'-]+")


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    source = resources.files("rakuten_assist.support") / "intent_data" / "envelope.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    keys = (
        "openings",
        "closings",
        "devices",
        "forward_markers",
        "header_keys",
        "roles",
        "empty_questions",
    )
    return {key: tuple(data[key]) for key in keys}


#: what may stand around an empty question ("Une idée svp ?", "hi, any ideas?")
_AROUND_EMPTY = re.compile(
    r"^(?:(?:bonjour|hello|hi|so|alors|du coup|et)\s+)?|(?:\s+(?:svp|stp|please|pls))$"
)


def asks_nothing(sentence: str) -> bool:
    """Whether a question asks nothing of its own ("Vous avez une réponse ?", "Any ideas?")."""
    folded = " ".join(_WORD.findall(fold(sentence)))
    return _AROUND_EMPTY.sub("", folded).strip() in _phrases()["empty_questions"]


def _starts(line: str, phrases: tuple[str, ...], *, slips: bool = False) -> bool:
    """Whether ``line`` starts with one of ``phrases``; with ``slips``, a one-word phrase
    typed with a slip counts too ("Bojnour,", "Bonjuor")."""
    folded = " ".join(_WORD.findall(fold(line))) if line.strip() != "--" else "--"
    if any(folded == p or folded.startswith(p + " ") for p in phrases):
        return True
    first = folded.split(" ", 1)[0]
    return slips and any(" " not in p and is_slip(first, p, strict=True) for p in phrases)


def _short(line: str, most: int) -> bool:
    return len(line.split()) <= most and "?" not in line


def _opening(line: str) -> bool:
    """A line that only greets ("Bonjour,", "Hi team,", "Bonjour Marc !")."""
    stripped = line.strip()
    return (
        _starts(stripped, _phrases()["openings"], slips=True)
        and _short(stripped, _OPENING_WORDS)
        and (stripped[-1:] in ",!" or len(stripped.split()) <= 2)
    )


def _closing_at(lines: list[str]) -> int | None:
    """Where the sign-off starts: a short closing line followed only by a short signature."""
    found = None
    for index in range(len(lines) - 1, max(len(lines) - 1 - _SIGNATURE_LINES, -1), -1):
        line = lines[index].strip()
        if not _short(line, _SIGNATURE_WORDS):
            break
        if _starts(line, _phrases()["closings"]):
            found = index  # the earliest: "Merci d'avance,\nBien cordialement,\nJulie"
    return found


#: a bare signature's first line is a first name, a name and surname, or initials
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][\w'-]*(?:\s+[A-ZÀ-Ý][\w'.-]*)?\s*$")


#: a name and surname, then the writer's role: "Thomas Nagel, bookkeeper", "Inès (compta)"
_NAME_ROLE_LINE = re.compile(
    r"^[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'.-]+)?\s*(?:,|\(|-|–)\s*([^\W\d][^\d?]{1,40})$"
)


def _bare_signature_at(lines: list[str]) -> int | None:
    """Where a signature with no sign-off starts: after a blank line that follows a question,
    a block of at most :data:`_SIGNATURE_LINES` lines that ask nothing, opened by a name
    ("...quel lien je donne ? merci d'avance\n\nAudrey\nLa Malle aux Trésors (Shopify)");
    or, right after the question's line, one line of a name and a role ("Thomas Nagel,
    bookkeeper")."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    last = lines[filled[-1]].strip() if filled else ""
    found = _NAME_ROLE_LINE.match(last)
    if (
        len(filled) >= 2
        and "?" in lines[filled[-2]]
        and found is not None
        and _starts(found.group(1), _phrases()["roles"])
    ):
        return filled[-1]
    for index in range(len(lines) - 1, 0, -1):
        if lines[index].strip():
            continue
        block = [line for line in lines[index + 1 :] if line.strip()]
        before = [line for line in lines[:index] if line.strip()]
        if (
            block
            and len(block) <= _SIGNATURE_LINES
            and before
            and "?" in before[-1]
            and _NAME_LINE.match(block[0].strip())
            and not any("?" in line for line in block)
        ):
            return index + 1
        return None
    return None


def _marker(line: str) -> bool:
    """A forwarded or quoted mail's marker line ("---------- Message transféré ---------")."""
    folded = " ".join(_WORD.findall(fold(line))).strip("- ")
    return bool(folded) and folded in _phrases()["forward_markers"] and "?" not in line


def _header(line: str) -> bool:
    """A mail header line: a header key, a colon, a value ("De : Julie <julie@...>")."""
    key, colon, value = line.partition(":")
    return bool(colon and value.strip()) and (
        " ".join(_WORD.findall(fold(key))) in _phrases()["header_keys"]
    )


def _without_headers(lines: list[str]) -> list[str]:
    """The lines without a forwarded mail's marker and header lines (kept when a lone
    "Date : ..." line is all there is: that may be the user's own words)."""
    markers = [line for line in lines if _marker(line)]
    headers = [line for line in lines if _header(line)]
    if not markers and len(headers) < 2:
        return lines
    return [line for line in lines if not (_marker(line) or _header(line))]


def _without_inline_opening(line: str) -> str:
    """A first line without the salutation that opens it before a comma or an exclamation
    mark ("Bonjour, comment on teste ?", "Hi there! is UPS ok?"); as it is otherwise."""
    found = _INLINE_OPENING.match(line)
    if found is None or not found.group(2).strip():
        return line
    opening = found.group(1)
    salutation = _starts(opening, _phrases()["openings"], slips=True)
    if not (salutation and _short(opening, _OPENING_WORDS)):
        return line
    return found.group(2).strip()


# Courtesy closing the last line ("oui merci", "yes pls", "où est le lien ? merci d'avance"):
# asks nothing; what is left is the message, unless it is a bare "ok" ("ok merci" thanks).
_POLITE_TAIL = re.compile(
    r"(?i)(?<=[\w?!.,)])[\s,.!-]+(?:merci(?: beaucoup| bien| d'avance| par avance)?|"
    r"thanks(?: a lot| in advance)?|thank you|thx|svp|stp|s'il vous pla[iî]t|"
    r"s'il te pla[iî]t|please|pls|plz)\s*[.!]*\s*$"
)
_BARE_ACK = re.compile(
    r"(?i)^\s*(?:ok|okay|d'accord|dac|parfait|super|top|nickel|great|cool|perfect|"
    r"c'est bon|ca marche|ça marche|bien recu|bien reçu|noted|got it|compris)\s*[.!,]*\s*$"
)


def _without_polite_tail(text: str) -> str:
    """``text`` without the courtesy closing its last line when what it closes asks or
    answers something: a question ("où est le lien ? merci"), a yes ("oui merci", "yes
    pls"), a number. A statement closed by thanks is thanks ("ok je reteste, merci"), and
    so is a hello closed by thanks ("hi there, thanks")."""
    from rakuten_assist.support._follow_up_words import YES
    from rakuten_assist.support._segments import is_question

    found = _POLITE_TAIL.search(text)
    if found is None:
        return text
    rest = text[: found.start()].rstrip()
    last = rest.split("\n")[-1]
    if _BARE_ACK.match(last) or _starts(last, _phrases()["openings"]):
        return text
    if is_question(last) or YES.match(last) or any(ch.isdigit() for ch in last):
        return rest
    return text


#: a salutation of a few words closed by a comma or an exclamation mark, then the rest
_INLINE_OPENING = re.compile(r"\s*([^,!?\n]{2,40}?)\s*(?:[,!]+|\s[-–—])\s*(.*)", re.DOTALL)


def without_envelope(text: str) -> str:
    """``text`` without its salutation, sign-off, signature and device line.

    Whole lines are removed, and a salutation that opens the first line before a comma
    ("Bonjour, ..."), only when something remains: a message that is all courtesy
    ("Bonjour", "Merci beaucoup !", "Bonjour\nCordialement,\nJulie") keeps its courtesy.
    """
    lines = _without_polite_tail(text.strip()).split("\n")
    lines[0] = _without_inline_opening(lines[0])
    if len(lines) < 2:
        return lines[0] if lines[0].strip() else text
    body = [x for x in _without_headers(lines) if not _starts(x.strip(), _phrases()["devices"])]
    while body and not body[-1].strip():
        body.pop()
    end = _closing_at(body)
    if end is None:
        end = _bare_signature_at(body)
    before = body if end is None else body[:end]
    start = 0
    while start < len(before) and (not before[start].strip() or _opening(before[start])):
        start += 1
    kept = "\n".join(before[start:]).strip()
    if kept or end is None:
        return kept or text
    # All courtesy. Signed, the sign-off is the envelope of a greeting ("Bonjour\nMerci
    # d'avance,\nJulie") or itself the thanks ("merci\nCordialement,\nJulie"); unsigned,
    # the last line is what was said too ("Bonjour,\nmerci beaucoup !").
    if end == len(body) - 1:
        return text
    return "\n".join(before).strip() or body[end].strip()


# The words relaying someone else's message before a colon ("Le marchand me demande :",
# "Question d'un client :", "The merchant asks:", "Ticket du jour :"): the relay, not the
# question (folded text; a lead with a digit or more words is kept).
_REPORTED_LEAD = re.compile(
    r"^\s*((?:[a-z'’-]+\s+){0,5}?(?:demande|demandent|demandait|asks?|asked|ecrit|writes?|"
    r"wrote|dit|says?|said|question|ticket|message)(?:\s+[a-z'’-]+){0,3}?)\s*:\s+(?=\S)"
)


def without_reported_lead(text: str) -> str:
    """``text`` without the lead that relays it ("Le marchand me demande : oui" is "oui")."""
    found = _REPORTED_LEAD.match(fold(text))
    if found is None or len(fold(text)) != len(text):
        return text
    return text[found.end() :]
