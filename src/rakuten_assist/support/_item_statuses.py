"""Rakuten item statuses a question names as codes ("ON_HOLD", "que veut dire reminded")."""

from __future__ import annotations

import re

from rakuten_assist.models import ACCEPTABLE_STATUSES
from rakuten_assist.support._lang import fold

__all__ = ["named_statuses", "without_statuses"]


# Rakuten's item statuses (reference/rakuten-api.md, itemstatus), named as codes: in
# capitals or with their underscore ("ON_HOLD", "to_confirm"); "accepted" in a sentence is
# a word, not the status.
_ITEM_STATUSES = ACCEPTABLE_STATUSES | {
    "ACCEPTED", "ON_HOLD", "PENDING_CLAIM", "CANCELLED", "REFUSED"
}  # fmt: skip
_STATUS_CODE = re.compile(r"(?<![\w-])([A-Za-z]+(?:_[A-Za-z]+)*)(?![\w-])")


# Typed in lower case, a status is still one where it is named as such: after "statut",
# "status", "en" ("les commandes en requested"), or asked about ("que veut dire reminded",
# "what does reminded mean"). Folded text before / after the word.
_STATUS_BEFORE = re.compile(
    r"(?:\b(?:statut|status|statuts|statuses|itemstatus|etat|state|en|passe en|reste en|"
    r"status is|statut est|status says|statut dit|shows|affiche|marked|marquee?s?|"
    r"veut dire|signifie|c'est quoi|what does|what is|what's)\s+)$"
)
_STATUS_AFTER = re.compile(r"^\s+(?:mean|means|status|veut dire|signifie)\b")


def named_statuses(text: str) -> list[str]:
    """The item statuses ``text`` names as codes, in order, each once."""
    found: list[str] = []
    for match in _STATUS_CODE.finditer(text):
        typed = match.group(1)
        code = typed.upper()
        if code not in _ITEM_STATUSES or code in found:
            continue
        named = (
            typed.isupper()
            or "_" in typed
            or _STATUS_BEFORE.search(fold(text[: match.start()]))
            or _STATUS_AFTER.match(fold(text[match.end() :]))
        )
        if named:
            found.append(code)
    return found


def without_statuses(text: str, statuses: list[str]) -> str:
    """``text`` with the item statuses it names blanked out (a full stop in their place)."""
    if not statuses:
        return text
    return _STATUS_CODE.sub(lambda m: " . " if m.group(1).upper() in statuses else m.group(0), text)
