"""Tracking numbers in a question, told apart from Rakuten ids and from pasted secrets."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rakuten_assist.support._grouped_numbers import TRACKING_MAX, TRACKING_MIN
from rakuten_assist.support._lang import fold, is_common_word
from rakuten_assist.support._typos import is_slip

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier
    from rakuten_assist.support._entity_types import CarrierMention

__all__ = [
    "id_words_mended",
    "looks_like_secret",
    "named_carriers_codes",
    "named_carriers_number",
    "tracking_numbers",
]

_RAW_TOKEN = re.compile(r"[A-Za-z0-9]+")
# Words before a number that make it an order or item id, not a tracking number (when the
# number has the shape of a Rakuten id: digits only).
_ID_CONTEXT = re.compile(
    r"(?i)(?:item\s*id|itemid|article|item|purchase\s*id|purchaseid|purchase|achat|commande|"
    r"order|vente|"
    r"sale)\s*[:=#n°>]*\s*['\"]?$"
)
# Words before a value that make it a secret ("la clé de contrôle" is a check digit, not one).
_RAKUTEN_ID = re.compile(r"\d{6,12}")
_SECRET_CONTEXT = re.compile(
    r"(?i)\b(?:token|jeton|pwd|password|mot\s+de\s+passe|api\s*key|key|"
    r"cl[ée](?!\s+de\s+contr[ôo]le))\W"
)
# Long hex or letter-and-digit strings are how API tokens look; a tracking number that fits a
# known carrier is the only such string we repeat.
_HEX_SECRET = re.compile(r"[0-9A-Fa-f]{20,}")
_ALNUM_SECRET_MIN = 24


def _fits_a_carrier(token: str) -> bool:
    from rakuten_assist.carriers import detect_carrier
    from rakuten_assist.errors import TrackingNumberError

    try:
        return bool(detect_carrier(token))
    except TrackingNumberError:
        return False


def looks_like_secret(token: str) -> bool:
    """Whether ``token`` has the shape of an API token rather than of a tracking number."""
    shaped = bool(_HEX_SECRET.fullmatch(token)) or (
        len(token) >= _ALNUM_SECRET_MIN
        and any(ch.isdigit() for ch in token)
        and any(ch.isalpha() for ch in token)
    )
    return shaped and not _fits_a_carrier(token)


def tracking_numbers(text: str, emails: list[str]) -> tuple[list[tuple[str, bool]], bool]:
    """The tracking numbers in ``text``, each with whether words before it ("order",
    "commande") make it look like a Rakuten id, and whether a secret was pasted among them."""
    masked = text
    for email in emails:
        masked = masked.replace(email, " ")
    numbers: list[tuple[str, bool]] = []
    secret = False
    for match in _RAW_TOKEN.finditer(masked):
        token = match.group(0).upper()
        digits = sum(ch.isdigit() for ch in token)
        after_secret_word = _SECRET_CONTEXT.search(
            masked[max(0, match.start() - 40) : match.start()]
        )
        if after_secret_word and len(token) >= TRACKING_MIN and digits:
            # A value right after "token" / "clé" / "password" is a secret, never echoed back.
            secret = True
            continue
        if looks_like_secret(match.group(0)):
            secret = True
            continue
        if not (TRACKING_MIN <= len(token) <= TRACKING_MAX):
            continue
        if digits < 6 and not (
            digits >= 2 and len(token) >= _CODE_MIN and _distinctive_code(token)
        ):
            continue
        id_shaped = bool(
            _RAKUTEN_ID.fullmatch(token) and _ID_CONTEXT.search(masked[: match.start()])
        )
        if all(token != seen for seen, _ in numbers):
            numbers.append((token, id_shaped))
    return numbers, secret


#: a code with few digits this long may be a number on its own; shorter ones ("00KX48TZ") only
#: beside their carrier's name (``named_carriers_codes``)
_CODE_MIN = 10


def _distinctive_code(token: str) -> bool:
    """Whether a code of letters with few digits is a tracking number all the same: a
    carrier's distinctive format takes it whole ("1GXK82MD41PQ", GEODIS's 1G + 10)."""
    from rakuten_assist.carriers import detect_carrier

    return any(c.checksum or c.format.strength == "high" for c in detect_carrier(token))


def _checked_fit(carrier: Carrier, number: str) -> bool:
    """Whether ``carrier``'s formats take ``number`` with its check digit right."""
    from rakuten_assist.carriers import follow_up

    found = follow_up(carrier, number)
    return found.status == "fits" and found.check is not None and found.check.checksum is True


_MIN_CODE_DIGITS = 2


def named_carriers_codes(text: str, carriers: list[CarrierMention]) -> list[str]:
    """Codes of letters and digits in ``text`` that a named carrier's formats take."""
    from rakuten_assist.carriers import follow_up

    found: list[str] = []
    for match in _RAW_TOKEN.finditer(text):
        token = match.group(0)
        if not (TRACKING_MIN <= len(token) <= TRACKING_MAX) or not token.isupper():
            continue
        if sum(ch.isdigit() for ch in token) < _MIN_CODE_DIGITS or token in found:
            continue
        if looks_like_secret(token):
            continue  # never repeated back
        if any(
            follow_up(carrier, token).status == "fits"
            for mention in carriers
            for carrier in (mention.candidates or (mention.carrier,))
        ):
            found.append(token)
    return found


def named_carriers_number(id_shaped: str, carriers: list[CarrierMention]) -> bool:
    """Whether a number with an id's shape is the tracking number of a carrier named in the
    same message ("a FedEx one for the same order: 779402136581"): its formats take it with
    a right check digit. A check digit is what tells a parcel number from an order id."""
    return any(
        _checked_fit(carrier, id_shaped)
        for mention in carriers
        for carrier in (mention.candidates or (mention.carrier,))
    )


# A word right before an id-shaped number, to mend when it is a slip of an id word
# ("commadne 412345678", "artcile 260300005").
_WORD_BEFORE_ID = re.compile(r"(?<![^\W\d_])([^\W\d_]{5,})(?=\s*[:=#n°]*\s*['\"]?\d{6,12}(?!\w))")
_ID_WORDS = ("achat", "article", "commande", "itemid", "order", "purchase", "vente")


def id_words_mended(text: str) -> str:
    """``text`` with the mistyped word before an id-shaped number spelt right."""

    def mend(found: re.Match[str]) -> str:
        typed = found.group(1)
        folded = fold(typed)
        if folded in _ID_WORDS or is_common_word(folded):
            return typed
        return next((word for word in _ID_WORDS if is_slip(folded, word, strict=True)), typed)

    return _WORD_BEFORE_ID.sub(mend, text)
