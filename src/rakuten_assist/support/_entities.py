"""What a question names: carriers (typos included), tracking numbers, ids, postcodes, errors.

Carrier names come only from the carrier registry (names, aliases, Rakuten names), found in
free text by exact or close matching of one to three words; the registry's own
``find_carrier`` then picks the carrier, so the support engine never disagrees with
``carriers check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from rakuten_assist.support._lang import fold, is_common_word
from rakuten_assist.support.errors_catalogue import (
    ErrorMatch,
    explain_error,
    extract_ids,
    normalise_error_text,
)

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier

__all__ = ["CarrierMention", "Entities", "extract_entities", "find_carriers", "looks_like_secret"]

_TOKEN = re.compile(r"[a-z0-9]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RAW_TOKEN = re.compile(r"[A-Za-z0-9]+")
_POSTCODE_AFTER = re.compile(
    r"(?i)(?:code\s*postal|postcode|postal\s*code|zip(?:\s*code)?|\bcp)\s*[:=]?\s*(\d{4,5})\b"
)
_BARE_POSTCODE = re.compile(r"^\s*(\d{4,5})\s*[.!?]?\s*$")
# Words before a number that make it an order or item id, not a tracking number (when the
# number has the shape of a Rakuten id: digits only).
_ID_CONTEXT = re.compile(
    r"(?i)(?:item\s*id|itemid|article|item|purchase\s*id|purchaseid|commande|order|vente|"
    r"sale)\s*[:=#n°]*\s*['\"]?$"
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
_TRACKING_MIN, _TRACKING_MAX = 8, 34
_QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:'[^'\n]{2,60}'|\"[^\"\n]{2,60}\"|«[^»\n]{1,60}»)(?=[\s.,;:!?)]|$)"
)
# Aliases that are ordinary words in French or English, or too short to trust in free text.
_GENERIC_ALIASES = frozenset(
    {
        "post", "poste", "crono", "express", "relais", "colis", "france", "international",
        "ems", "kn", "rm", "la poste", "mail", "courrier", "shipping", "standard", "point",
    }
)  # fmt: skip
# A carrier name the registry does not know: a capitalised run of words ("Vinted Go"), or
# the words after "avec" / "with" / "via"..., that are not ordinary words.
_NAME_WORD = re.compile(r"[^\W\d_][\w+&]*")
_BEFORE_NAME = frozenset(
    {
        "avec", "with", "via", "par", "en", "chez", "use", "using", "utilise", "utilisons",
        "utiliser", "take", "takes", "prenez", "accept", "accepts", "acceptez",
    }
)  # fmt: skip
_NOT_NAMES = frozenset(
    {
        "rakuten", "ok", "okay", "api", "url", "sku", "pro", "svp", "stp", "livraison",
        "delivery", "colis", "express", "relais", "relay", "point", "points", "france",
        "international", "shop", "boutique", "marketplace", "suivi", "tracking", "lien",
        "link", "i", "ca", "passe", "autre", "autres", "other",
    }
)  # fmt: skip
_MAX_NAME_WORDS = 3
_SHORT_OK = 3  # acronyms such as DPD, GLS, UPS, TNT are matched exactly, never fuzzily
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 85.0
_WORD_CUTOFF = 70.0


@dataclass(frozen=True)
class CarrierMention:
    """A carrier named in the text: the words used and the registry entry they mean.

    When the registry finds the words ambiguous ("DHL"), ``candidates`` lists every carrier
    they can mean and ``carrier`` is only the first of them: answers ask which one.
    """

    text: str
    carrier: Carrier
    score: float
    candidates: tuple[Carrier, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """The words can mean several carriers (``carriers check`` says so too)."""
        return len(self.candidates) > 1


@dataclass
class Entities:
    """Everything extracted from one question."""

    carriers: list[CarrierMention] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    postcode: str | None = None
    item_id: str | None = None
    purchase_id: str | None = None
    error: ErrorMatch | None = None
    #: the question with any recognised error text removed, for language detection
    residue: str = ""
    #: something that looks like a token or password was pasted (never kept, never echoed)
    secret_pasted: bool = False
    #: names given as a carrier that the registry does not know ("Vinted Go")
    unknown_carriers: list[str] = field(default_factory=list)


def _registry_carriers() -> list[Carrier]:
    from rakuten_assist.carriers import registry

    return list(registry())


def _alias_key(name: str) -> str:
    return " ".join(_TOKEN.findall(fold(name)))


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, list[Any]], tuple[str, ...]]:
    """Normalised alias -> carriers; plus the aliases long enough for fuzzy matching."""
    index: dict[str, list[Any]] = {}
    for carrier in _registry_carriers():
        names = [carrier.id.replace("-", " "), carrier.name, *carrier.aliases]
        rakuten_name = carrier.rakuten_name
        if rakuten_name and rakuten_name != "Autre":
            names.append(rakuten_name)
        for name in names:
            key = _alias_key(str(name))
            if not key or key in _GENERIC_ALIASES or len(key.replace(" ", "")) < _SHORT_OK:
                continue
            bucket = index.setdefault(key, [])
            if carrier not in bucket:
                bucket.append(carrier)
    fuzzy = tuple(key for key in index if len(key) >= _FUZZY_MIN_LENGTH)
    return index, fuzzy


def _resolve(key: str, candidates: list[Carrier]) -> tuple[Carrier, tuple[Carrier, ...]]:
    """Let the registry's own lookup choose among carriers sharing an alias ("DPD").

    Returns the carrier and, when the registry finds the name ambiguous ("DHL"), every
    carrier it can mean, so the answer asks instead of choosing silently.
    """
    if len(candidates) == 1:
        return candidates[0], ()
    from rakuten_assist.carriers import find_carrier

    match = find_carrier(key)
    chosen = match.carrier
    if chosen is not None and any(chosen.id == c.id for c in candidates):
        return chosen, ()
    options = tuple(match.suggestions) if match.how == "ambiguous" else ()
    if len(options) < 2:
        options = tuple(sorted(candidates, key=lambda c: -c.priority))
    return options[0], options


def _similar_words(window: list[str], key: str) -> bool:
    """Word by word, a typo at most: short words (DPD, UK, OK) must be equal."""
    words = key.split()
    if len(words) != len(window):
        return False
    for typed, known in zip(window, words, strict=True):
        if len(known) <= _SHORT_OK or len(typed) <= _SHORT_OK:
            if typed != known:
                return False
        elif fuzz.ratio(typed, known) < _WORD_CUTOFF:
            return False
    return True


def _lookup(
    window: list[str], index: dict[str, list[Any]], fuzzy_keys: tuple[str, ...], *, exact: bool
) -> tuple[str, float] | None:
    text = " ".join(window)
    if exact:
        return (text, 100.0) if text in index else None
    if len(text) < _FUZZY_MIN_LENGTH or any(is_common_word(word) for word in window):
        # An ordinary word is never a typo of a carrier ("commande" is not "recommande").
        return None
    for key, score, _ in process.extract(
        text, fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=3
    ):
        if abs(len(key) - len(text)) <= 2 and _similar_words(window, key):
            return key, float(score)
    return None


def find_carriers(text: str) -> list[CarrierMention]:
    """Every registry carrier named in ``text``, in order of appearance, each once.

    Windows of three, then two, then one word are looked up among the registry's names and
    aliases; words already used by a longer match are skipped. Names of five letters or
    more also match with a typo ("colisimo", "mondial relais").
    """
    index, fuzzy_keys = _alias_index()
    if not index:
        return []
    tokens = _TOKEN.findall(fold(text))
    used = [False] * len(tokens)
    found: list[tuple[int, CarrierMention]] = []
    # Exact names anywhere first, then typos: "hermes ok" must not become "Hermes UK".
    for exact in (True, False):
        for size in (3, 2, 1):
            for start in range(len(tokens) - size + 1):
                if any(used[start : start + size]):
                    continue
                window = tokens[start : start + size]
                hit = _lookup(window, index, fuzzy_keys, exact=exact)
                if hit is None:
                    continue
                key, score = hit
                for i in range(start, start + size):
                    used[i] = True
                carrier, candidates = _resolve(key, index[key])
                mention = CarrierMention(
                    text=" ".join(window), carrier=carrier, score=score, candidates=candidates
                )
                found.append((start, mention))
    found.sort(key=lambda pair: pair[0])
    mentions: list[CarrierMention] = []
    for _, mention in found:
        if all(m.carrier.id != mention.carrier.id for m in mentions):
            mentions.append(mention)
    return mentions


def _unknown_carrier_names(text: str) -> list[str]:
    """Words used as a carrier's name that may be one the registry does not know."""
    names: list[str] = []
    run: list[str] = []
    after_name_word = False
    last_end = 0
    for match in _NAME_WORD.finditer(text):
        word = match.group(0)
        folded = fold(word)
        joined = not text[last_end : match.start()].strip()
        last_end = match.end()
        ordinary = is_common_word(folded) or folded in _NOT_NAMES or len(folded) < 2
        starts = word[0].isupper() or after_name_word
        after_name_word = folded in _BEFORE_NAME
        if not ordinary and (starts or (run and joined)) and len(run) < _MAX_NAME_WORDS:
            if run and not joined:
                names.append(" ".join(run))
                run = []
            run.append(word)
            continue
        if run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    return names


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


def _tracking_numbers(text: str, emails: list[str]) -> tuple[list[str], bool]:
    """The tracking numbers in ``text``, and whether a secret was pasted among them."""
    masked = text
    for email in emails:
        masked = masked.replace(email, " ")
    numbers: list[str] = []
    secret = False
    for match in _RAW_TOKEN.finditer(masked):
        token = match.group(0).upper()
        digits = sum(ch.isdigit() for ch in token)
        after_secret_word = _SECRET_CONTEXT.search(
            masked[max(0, match.start() - 40) : match.start()]
        )
        if after_secret_word and len(token) >= _TRACKING_MIN and digits:
            # A value right after "token" / "clé" / "password" is a secret, never echoed back.
            secret = True
            continue
        if looks_like_secret(match.group(0)):
            secret = True
            continue
        if not (_TRACKING_MIN <= len(token) <= _TRACKING_MAX) or digits < 6:
            continue
        if _RAKUTEN_ID.fullmatch(token) and _ID_CONTEXT.search(masked[: match.start()]):
            continue
        if token not in numbers:
            numbers.append(token)
    return numbers, secret


def extract_entities(text: str) -> Entities:
    """Extract carriers, tracking numbers, e-mails, ids, a postcode and any pasted error."""
    # Quoted values ('La Poste Express', "demo-boutique") are names, not the user's language.
    entities = Entities(residue=_QUOTED.sub(" ", text))
    entities.error = explain_error(text)
    if entities.error is not None:
        # Drop the recognised message so its words do not decide the answer's language.
        residue = f" {normalise_error_text(entities.residue)} "
        entry = entities.error.entry
        for phrase in sorted((entry.message, *entry.patterns), key=len, reverse=True):
            residue = residue.replace(f" {normalise_error_text(phrase)} ", " ")
        entities.residue = residue.strip()
    entities.emails = _EMAIL.findall(text)
    ids = extract_ids(text)
    entities.item_id = ids.get("item_id")
    entities.purchase_id = ids.get("purchase_id")
    if postcode := _POSTCODE_AFTER.search(text):
        entities.postcode = postcode.group(1)
    elif bare := _BARE_POSTCODE.match(text):
        entities.postcode = bare.group(1)
    numbers, entities.secret_pasted = _tracking_numbers(text, entities.emails)
    entities.numbers = [n for n in numbers if n != entities.postcode]
    entities.carriers = find_carriers(text)
    if not entities.carriers and not entities.numbers:
        entities.unknown_carriers = _unknown_carrier_names(_QUOTED.sub(" ", text))
    return entities
