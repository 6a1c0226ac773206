"""Rakuten's error messages and ours, each with its cause and fix in English and French.

``explain_error(text)`` finds the entry for pasted text, even partial, with ids, quotes or the
XML envelope around it. Rakuten's texts are kept exactly as the service sends them (the
sandbox sends the same strings), typos included ("fullfill").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from rakuten_assist.support._error_entry import ErrorEntry
from rakuten_assist.support._lang import fold, frequent_word
from rakuten_assist.support._our_errors import OUR_ERRORS
from rakuten_assist.support._rakuten_errors import RAKUTEN_ERRORS

__all__ = [
    "CATALOGUE",
    "ErrorEntry",
    "ErrorMatch",
    "causes_for_symptom",
    "entry_for_topic",
    "error_code_in",
    "explain_error",
    "extract_ids",
    "normalise_error_text",
    "refused_without_url",
    "unknown_code_in",
    "without_paste",
]


@dataclass(frozen=True)
class ErrorMatch:
    """The catalogue entry found for a text, how sure we are, and the ids found inside."""

    entry: ErrorEntry
    score: float
    matched: str
    ids: dict[str, str]
    #: a code-like word of the text that is not one of Rakuten's known codes
    #: (``InvalidTrackingNumber``) and without which nothing would match: the entry is
    #: only what the code looks like, never its cause
    unknown_code: str | None = None


CATALOGUE: tuple[ErrorEntry, ...] = RAKUTEN_ERRORS + OUR_ERRORS

_SEPARATORS = re.compile(r"[\s\"«»<>\[\](){}:;,!?*`|/\\-]+")
_XML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
# A purchase id has 9 digits starting with 4 in every fixture we saw; an item id 9 digits too.
_ITEM_ID = re.compile(
    r"(?i)\b(?:item\s*id|itemid|article|item)\s*[:=#n°>]*\s*['\"]?(\d{6,12})(?![0-9A-Za-z])"
)
_PURCHASE_ID = re.compile(
    r"(?i)\b(?:purchase\s*id|purchaseid|purchase|achat|commande|order|vente|sale)\s*[:=#n°>]*\s*['\"]?"
    r"(\d{6,12})(?![0-9A-Za-z])"
)
_MIN_SCORE = 0.8
# Fuzzy matching only for phrases long enough that a near-match cannot be a coincidence.
_FUZZY_MIN_PATTERN = 15
_FUZZY_MIN_SCORE = 0.88
# A cut paste ("statut incorre") must keep at least this many characters of the message.
_MIN_CUT_LENGTH = 10


def normalise_error_text(text: str) -> str:
    """``text`` folded, without XML tags or punctuation, the way patterns are compared."""
    text = _CDATA.sub(r" \1 ", text)
    text = _XML_TAG.sub(" ", text)
    folded = fold(text).replace(".", " ").replace("'", " ' ")
    return " ".join(_SEPARATORS.split(folded)).strip()


def _pattern_form(pattern: str) -> str:
    return normalise_error_text(pattern)


# Each entry's patterns, and its own message: a message our tool prints ("The token cannot
# be a Rakuten API token.") is found when pasted back whole.
_INDEX: tuple[tuple[ErrorEntry, str], ...] = tuple(
    (entry, _pattern_form(pattern))
    for entry in CATALOGUE
    for pattern in dict.fromkeys((*entry.patterns, *((entry.message,) if entry.message else ())))
)


def extract_ids(text: str) -> dict[str, str]:
    """Item and purchase ids named in ``text`` (``itemid=260300017``, ``commande 430...``)."""
    ids: dict[str, str] = {}
    if item := _ITEM_ID.search(text):
        ids["item_id"] = item.group(1)
    if purchase := _PURCHASE_ID.search(text):
        ids["purchase_id"] = purchase.group(1)
    return ids


# Words that name an error without pasting it ("what is the quota?").
_TOPICS: dict[str, str] = {
    "quota": "rakuten.quota_exceeded",
    "requests per hour": "rakuten.quota_exceeded",
    "calls per hour": "rakuten.quota_exceeded",
    "limit on api calls": "rakuten.quota_exceeded",
    "limit of api calls": "rakuten.quota_exceeded",
    "hourly limit": "rakuten.quota_exceeded",
    "hourly cap": "rakuten.quota_exceeded",
    "cap on api calls": "rakuten.quota_exceeded",
    "quota horaire": "rakuten.quota_exceeded",
    "rate limit": "rakuten.quota_exceeded",
    "limite horaire": "rakuten.quota_exceeded",
    "appels par heure": "rakuten.quota_exceeded",
    "requetes par heure": "rakuten.quota_exceeded",
    "limite d ' appels": "rakuten.quota_exceeded",
    # (accepting before shipping, not before Rakuten cancels the sale)
    "accepter avant d ' expedier": "rakuten.status_incorrect",
    "accepter avant d ' envoyer": "rakuten.status_incorrect",
    "accepter avant de confirmer": "rakuten.status_incorrect",
    "accepter avant l ' expedition": "rakuten.status_incorrect",
    "accepter avant l ' envoi": "rakuten.status_incorrect",
    "accepter la vente avant": "rakuten.status_incorrect",
    "accepter l ' article avant": "rakuten.status_incorrect",
    "accepter avant de": "rakuten.status_incorrect",
    "accept before": "rakuten.status_incorrect",
    "accept the sale before": "rakuten.status_incorrect",
    "accepter les commandes avant": "rakuten.status_incorrect",
    "numero de suivi est refuse": "rakuten.invalid_tracking_number",
    "numero de suivi refuse": "rakuten.invalid_tracking_number",
    "numero de suivi invalide": "rakuten.invalid_tracking_number",
    "numero refuse": "rakuten.invalid_tracking_number",
    "numero rejete": "rakuten.invalid_tracking_number",
    "tracking number refused": "rakuten.invalid_tracking_number",
    "tracking number was refused": "rakuten.invalid_tracking_number",
    "tracking number rejected": "rakuten.invalid_tracking_number",
    "refusing tracking number": "rakuten.invalid_tracking_number",
    "refuses tracking number": "rakuten.invalid_tracking_number",
    "rejecting tracking number": "rakuten.invalid_tracking_number",
    "rejects tracking number": "rakuten.invalid_tracking_number",
    "refuse numero de suivi": "rakuten.invalid_tracking_number",
    "rejette numero de suivi": "rakuten.invalid_tracking_number",
    "authentication failed": "rakuten.unknown_user",
    "authentication error": "rakuten.unknown_user",
    "erreur d ' authentification": "rakuten.unknown_user",
    "echec d ' authentification": "rakuten.unknown_user",
    "erreur serveur": "rakuten.server_error",
    "server error": "rakuten.server_error",
    "erreur 500": "rakuten.server_error",
    "error 500": "rakuten.server_error",
    "http 500": "rakuten.server_error",
    "500 error": "rakuten.server_error",
    "access denied": "rakuten.access_denied",
    "acces refuse": "rakuten.access_denied",
    "statut incorrect": "rakuten.status_incorrect",
    "deja expedie": "rakuten.already_shipped",
    "transporteur pas reconnu": "rakuten.unsupported_carrier",
    "transporteur non reconnu": "rakuten.unsupported_carrier",
    "transporteur n ' est pas reconnu": "rakuten.unsupported_carrier",
    "transporter name not recognised": "rakuten.unsupported_carrier",
    "transporter name not recognized": "rakuten.unsupported_carrier",
    "carrier not recognised": "rakuten.unsupported_carrier",
    "carrier not recognized": "rakuten.unsupported_carrier",
    "already shipped": "rakuten.already_shipped",
    # a refusal told in the user's words (what Rakuten answered, not its text)
    "tracking url is missing": "rakuten.tracking_url_mandatory",
    "tracking url missing": "rakuten.tracking_url_mandatory",
    "without a tracking url": "rakuten.tracking_url_mandatory",
    "url de suivi manquante": "rakuten.tracking_url_mandatory",
    "url de suivi manque": "rakuten.tracking_url_mandatory",
    "sans url de suivi": "rakuten.tracking_url_mandatory",
    "tracking url obligatoire": "rakuten.tracking_url_mandatory",
    "missing tracking url": "rakuten.tracking_url_mandatory",
    "tracking url required": "rakuten.tracking_url_mandatory",
    "tracking url is required": "rakuten.tracking_url_mandatory",
    "deja ete confirmee": "rakuten.already_shipped",
    "deja confirmee": "rakuten.already_shipped",
    "already confirmed": "rakuten.already_shipped",
    "not accepted yet": "rakuten.status_incorrect",
    "wasnt accepted yet": "rakuten.status_incorrect",
    "wasn ' t accepted yet": "rakuten.status_incorrect",
    "was not accepted yet": "rakuten.status_incorrect",
    "isnt accepted yet": "rakuten.status_incorrect",
    "isn ' t accepted yet": "rakuten.status_incorrect",
    # a confirmation sent twice, then refused
    "confirmed twice": "rakuten.already_shipped",
    "confirmed it twice": "rakuten.already_shipped",
    "twice by mistake": "rakuten.already_shipped",
    "shipped twice": "rakuten.already_shipped",
    "confirme deux fois": "rakuten.already_shipped",
    "confirmee deux fois": "rakuten.already_shipped",
    "deux fois par erreur": "rakuten.already_shipped",
    "expedie deux fois": "rakuten.already_shipped",
    # the transporter's name said refused in words
    "transporter name isnt valid": "rakuten.unsupported_carrier",
    "transporter name isn ' t valid": "rakuten.unsupported_carrier",
    "transporter name is not valid": "rakuten.unsupported_carrier",
    "transporter name not valid": "rakuten.unsupported_carrier",
    "transporter name is invalid": "rakuten.unsupported_carrier",
    "carrier name isnt valid": "rakuten.unsupported_carrier",
    "carrier name isn ' t valid": "rakuten.unsupported_carrier",
    "carrier name is not valid": "rakuten.unsupported_carrier",
    "nom de transporteur invalide": "rakuten.unsupported_carrier",
    "nom du transporteur invalide": "rakuten.unsupported_carrier",
    "nom du transporteur n ' est pas valide": "rakuten.unsupported_carrier",
    "nom de transporteur pas valide": "rakuten.unsupported_carrier",
    "not yet accepted": "rakuten.status_incorrect",
    "pas encore acceptee": "rakuten.status_incorrect",
    "pas encore accepte": "rakuten.status_incorrect",
    # the refusal's cause told ("refusée parce que la vente n'est pas acceptée")
    "vente n ' est pas acceptee": "rakuten.status_incorrect",
    "commande n ' est pas acceptee": "rakuten.status_incorrect",
    "sale is not accepted": "rakuten.status_incorrect",
    "sale isn ' t accepted": "rakuten.status_incorrect",
    "order is not accepted": "rakuten.status_incorrect",
    "plus en attente d ' acceptation": "rakuten.not_awaiting_acceptance",
    "no longer awaiting acceptance": "rakuten.not_awaiting_acceptance",
    "not awaiting acceptance": "rakuten.not_awaiting_acceptance",
}
# The shipment confirmation itself told refused, in either order of the words: every cause
# of a refusal is possible (``_SYMPTOMS``); the topic only makes it an error to explain.
_CONFIRMATION_REFUSED = (
    "rejecting shipping confirmation",
    "rejects shipping confirmation",
    "refusing shipping confirmation",
    "refuses shipping confirmation",
    "shipping confirmation rejected",
    "shipping confirmation refused",
    "shipment rejected",
    "shipment refused",
    "rejecting shipment",
    "refusing shipment",
    "confirmation d ' expedition refusee",
    "confirmation d ' expedition rejetee",
    "refuse confirmation d ' expedition",
    "rejette confirmation d ' expedition",
    "expedition refusee",
    "expedition rejetee",
    "refuse expedition",
    "rejette expedition",
    "refuses shipment",
    "rejects shipment",
    "rejecting tracking confirmation",
    "rejects tracking confirmation",
    "refusing tracking confirmation",
    "refuses tracking confirmation",
    "tracking confirmation rejected",
    "tracking confirmation refused",
)
_TOPICS.update(dict.fromkeys(_CONFIRMATION_REFUSED, "rakuten.invalid_tracking_number"))
# An HTML page where Rakuten's XML was expected (a proxy's or a portal's page): the answer
# could not be read as Rakuten's XML ("il reçoit une page html au lieu du xml")
_TOPICS.update(
    dict.fromkeys(
        (
            "page html au lieu du xml",
            "html au lieu du xml",
            "html instead of xml",
            "html page instead of xml",
            "html page instead of the xml",
        ),
        "ours.response_parse",
    )
)


#: how many other words may stand between two words of a topic ("the tracking numbers we
#: send are rejected" names "tracking number rejected")
_TOPIC_GAP = 3


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _near_in_order(topic: list[str], words: list[str]) -> bool:
    """Whether the topic's words appear in order, each at most ``_TOPIC_GAP`` words apart."""
    for start, word in enumerate(words):
        if word != topic[0]:
            continue
        at, found = start, 1
        while found < len(topic):
            window = words[at + 1 : at + 2 + _TOPIC_GAP]
            if topic[found] not in window:
                break
            at = at + 1 + window.index(topic[found])
            found += 1
        if found == len(topic):
            return True
    return False


def _topic_in(text: str, topics: Iterable[str]) -> str | None:
    """The first of ``topics`` that ``text`` names: its words as they are first; then in
    order with a few words between them and plurals read as singulars ("the tracking
    numbers we send are rejected")."""
    topics = tuple(topics)
    normalised = f" {normalise_error_text(text)} "
    for topic in topics:
        if f" {topic} " in normalised:
            return topic
    words = [_singular(word) for word in normalised.split() if word != "'"]
    for topic in topics:
        parts = [_singular(word) for word in topic.split() if word != "'"]
        if len(parts) > 1 and _near_in_order(parts, words):
            return topic
    return None


def _entry(entry_id: str) -> ErrorEntry:
    return next(entry for entry in CATALOGUE if entry.id == entry_id)


def entry_for_topic(text: str) -> ErrorEntry | None:
    """The catalogue entry a question names without pasting the message ("quota")."""
    if refused_without_url(text):
        return _entry("rakuten.tracking_url_mandatory")
    topic = _topic_in(text, _TOPICS)
    return None if topic is None else _entry(_TOPICS[topic])


# A refusal told in words ("Rakuten refuses our tracking numbers") names no message: a
# shipment confirmation is refused for any of these reasons, and only Rakuten's text says
# which. Checked after _TOPICS, which names the first of them.
_REFUSED_SHIPMENT = (
    "rakuten.invalid_tracking_number",
    "rakuten.status_incorrect",
    "rakuten.unsupported_carrier",
    "rakuten.tracking_url_mandatory",
)
_SYMPTOMS: dict[str, tuple[str, ...]] = {
    topic: _REFUSED_SHIPMENT
    for topic in (
        "numero de suivi est refuse",
        "numero de suivi refuse",
        "numero refuse",
        "numero rejete",
        "tracking number refused",
        "tracking number was refused",
        "tracking number rejected",
        "refusing tracking number",
        "refuses tracking number",
        "rejecting tracking number",
        "rejects tracking number",
        "refuse numero de suivi",
        "rejette numero de suivi",
        *_CONFIRMATION_REFUSED,
    )
}


def causes_for_symptom(text: str) -> tuple[ErrorEntry, ...]:
    """Every entry a refusal told in words can be ("our tracking numbers are refused"),
    when ``text`` tells one and not its cause; else an empty tuple."""
    topic = _topic_in(text, _SYMPTOMS)
    if topic is None or refused_without_url(text):
        return ()
    return tuple(_entry(entry_id) for entry_id in _SYMPTOMS[topic])


#: a refusal in any words ("Rakuten le refuse", "gets rejected", "n'accepte pas")
_REFUSED = re.compile(
    r"\brefus|\brejet|\breject|\bdeclin|\bn'accepte pas\b|\bwon't accept\b|"
    r"\bdoesn't accept\b|\bdoes not accept\b|\bbounced?\b|\bpasse pas\b"
)
#: the tracking URL said missing or empty ("sans URL de suivi", "with an empty tracking url",
#: "no tracking link"), or sent as an empty element (``<trackingurl></trackingurl>``)
_URL_MISSING = re.compile(
    r"\b(?:sans|without|no|empty|vide|aucune?|pas d'|missing|blank)\s+(?:\w+\s+){0,2}?"
    r"(?:url|lien|link)\b(?:\s+(?:de suivi|tracking))?|"
    r"\b(?:tracking )?(?:url|lien|link)(?: de suivi)? (?:est |is |was |left )?"
    r"(?:vide|empty|blank|missing|manquant)\b|"
    r"<(tracking_?url)>\s*</\1>|<tracking_?url\s*/>|"
    r"\bmanque (?:l'|l |le |la |un |une )?(?:url|lien)\b|\b(?:url|link) (?:is )?missing\b|"
    # "il avait pas mis de lien de suivi", "he didn't send a link", "did not include the url"
    r"\bpas (?:mis|mise|envoye|renseigne|rempli|donne) (?:de |d'|le |l'|la |un |une )?"
    r"(?:url|lien)\b|\b(?:didn't|did not|never) (?:send|include|give|put|add|fill)\w* "
    r"(?:a |an |the |any )?(?:tracking )?(?:url|link)\b"
)


def refused_without_url(text: str) -> bool:
    """Whether ``text`` tells a refusal and that the tracking URL was missing: Rakuten's
    refusal of a shipment with no tracking URL, its cause told ("on envoie Autre sans URL
    de suivi et c'est refusé")."""
    folded = fold(text)
    return bool(_REFUSED.search(folded) and _URL_MISSING.search(folded))


#: a word that rules out what follows it ("not about the quota", "sans quota", "pas le quota")
_NEGATION = re.compile(r"(?<![^ ])(?:not|no|without|sans|pas|hors|aucun)(?![^ ])")


def ruled_out(text: str) -> frozenset[str]:
    """The entries ``text`` says the error is not ("InvalidUserRights, not the quota",
    "sans quota"): a topic named within four words after a negation, in the same clause."""
    out: set[str] = set()
    for clause in re.split(r"[,.;:!?()\n]", text):
        normalised = normalise_error_text(clause)
        for negation in _NEGATION.finditer(normalised):
            window = " " + " ".join(normalised[negation.end() :].split()[:4]) + " "
            out.update(entry_id for topic, entry_id in _TOPICS.items() if f" {topic} " in window)
    return frozenset(out)


# A bare code shared by several entries means this one when nothing else is said: Rakuten's
# InvalidUserRights is the rights error unless the message speaks of the quota.
_CODE_DEFAULT = {"invaliduserrights": "rakuten.access_denied"}


def _codes() -> dict[str, list[ErrorEntry]]:
    codes: dict[str, list[ErrorEntry]] = {}
    for entry in CATALOGUE:
        if entry.code:
            codes.setdefault(entry.code.lower().replace(" ", ""), []).append(entry)
    return codes


_CODES = _codes()


#: a code this long typed with one slip is still that code: no two codes are that close
_SLIP_MIN = 10


def _code_key(word: str) -> str | None:
    """The key of the code ``word`` is, as typed or with one slip (a letter missing, added,
    changed, or two swapped: "InvalidUsreRights"), when exactly one code is that close."""
    from rapidfuzz.distance import OSA

    key = word.lower()
    if key in _CODES:
        return key
    if len(key) < _SLIP_MIN:
        return None
    near = [
        code
        for code in _CODES
        if len(code) >= _SLIP_MIN and code[0] == key[0] and OSA.distance(key, code) <= 1
    ]
    return near[0] if len(near) == 1 else None


def error_code_in(text: str) -> str | None:
    """The error code named in ``text`` as a word of its own (``InvalidUserRights``), if any.

    Typed in lower case too ("invaliduserrights"), or with one slip ("InvalidUsreRights"):
    the codes are long joined words that no sentence contains.
    """
    for word in re.findall(r"(?<![A-Za-z])[A-Za-z]{6,40}(?![A-Za-z])", text):
        key = _code_key(word)
        if key is not None:
            # as Rakuten spells it, whatever the case or slip typed
            return next((e.code for e in _CODES[key] if e.code), word)
    return None


def _by_code(text: str) -> ErrorMatch | None:
    """The entry a bare error code names, when the code names one entry (or has a default)."""
    code = error_code_in(text)
    if code is None:
        return None
    key = code.lower()
    entries = _CODES[key]
    entry_id = _CODE_DEFAULT.get(key) or (entries[0].id if len(entries) == 1 else None)
    if entry_id is None:
        return None
    entry = next(e for e in entries if e.id == entry_id)
    return ErrorMatch(entry=entry, score=0.85, matched=key, ids=extract_ids(text))


_NEGATIONS = frozenset({"not", "no", "pas", "non", "n", "never", "jamais", "aucun"})


def _same_polarity(pattern: str, text: str) -> bool:
    """A negative message ("carrier not supported") is never matched by a question without
    a negation ("is that carrier supported?"): a near match of the words is not enough."""
    return not (set(pattern.split()) & _NEGATIONS) or bool(set(text.split()) & _NEGATIONS)


def explain_error(text: str) -> ErrorMatch | None:
    """Find the catalogue entry for an error text pasted by a user.

    Exact phrases win; otherwise a fuzzy partial match (typos, cut text) must reach 0.8;
    otherwise a bare error code (``InvalidUserRights``) that names one entry. A code-like
    word Rakuten is not known to send (``InvalidTrackingNumber``) never makes a match on
    its own: when only it matches, the match carries it as ``unknown_code`` (the entry is
    what it looks like, not a known cause). Ids inside the text are returned with the match.

    Args:
        text: anything the user pasted: a message, a log line, the XML error envelope.

    Returns:
        The best match, or ``None`` when nothing in the catalogue fits.
    """
    match = _explain(text)
    if match is None:
        return None
    unknown = _unknown_codes(text)
    if not unknown:
        return match
    masked = text
    for code in unknown:
        masked = masked.replace(code, " ")
    plain = _explain(masked)
    if plain is not None and plain.entry.id == match.entry.id:
        return match
    if match.entry.origin != "rakuten":
        # a code said to come back from somewhere ("UNKNOWN_CARRIER") looks like Rakuten's
        # error its words name before this tool's own message with the same words
        named = _by_camel_case(text)
        if named is not None and named.entry.origin == "rakuten":
            match = named
    return replace(match, unknown_code=unknown[0])


#: a word of a pattern is typed in a text when a word there is this close to it (a typo)
_TYPED_WORD_SCORE = 70.0
#: words this short are left out of that check ("the", "is", "d'")
_TYPED_WORD_MIN = 4


def _words_typed(pattern: str, normalised: str) -> bool:
    """Whether each long word of ``pattern`` is in the text, typos allowed: a near match of
    letters is not one when a word was swapped for another ("and the postcode" is no "needs
    the postcode"); words joined into a code ("invalidtrackingnumber") are there. A text
    shorter than the pattern (a cut paste) is left to the cut-length rules.
    """
    said = normalised.split()
    expected = [word for word in pattern.split() if len(word) >= _TYPED_WORD_MIN]
    if len(normalised) < len(pattern):
        return True
    return all(
        any(word in other or fuzz.ratio(word, other) >= _TYPED_WORD_SCORE for other in said)
        for word in expected
    )


def _explain(text: str) -> ErrorMatch | None:
    normalised = normalise_error_text(text)
    if not normalised:
        return None
    best: ErrorMatch | None = None
    for entry, pattern in _INDEX:
        if not pattern:
            continue
        if f" {pattern} " in f" {normalised} ":
            # Longer exact phrases are stronger evidence than short ones.
            score = 1.0 + len(pattern) / 1000
        elif (
            len(pattern) >= _FUZZY_MIN_PATTERN
            and len(normalised) >= 8
            and _same_polarity(pattern, normalised)
        ):
            ratio = fuzz.partial_ratio(pattern, normalised) / 100
            # A cut text: the user's whole text is the start of a longer message.
            if len(normalised) < len(pattern):
                ratio = min(ratio, fuzz.ratio(normalised, pattern[: len(normalised)]) / 100)
                if len(normalised) < _MIN_CUT_LENGTH:
                    ratio = 0.0
            if ratio >= _FUZZY_MIN_SCORE and not _words_typed(pattern, normalised):
                ratio = 0.0
            score = ratio if ratio >= _FUZZY_MIN_SCORE else 0.0
        else:
            continue
        if score >= _MIN_SCORE and (best is None or score > best.score):
            best = ErrorMatch(entry=entry, score=score, matched=pattern, ids=extract_ids(text))
    return best if best is not None else _by_code(text) or _by_camel_case(text)


# A word shaped like an error code: CamelCase (``InvalidTrackingNumber``) or joined by
# underscores (``INVALID_TRACKING_NUMBER``).
# CamelCase, words joined by underscores, or letters then digits after a hyphen ("TRK-4031",
# as other systems number their errors; not "ISO-8859", an encoding's name)
_CODE_LIKE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[A-Za-z]+(?:_[A-Za-z0-9]+)+|(?!ISO-)[A-Z]{3,6}-\d{2,6})\b"
)


def _words_of_rakuten() -> frozenset[str]:
    """Code-like words Rakuten does use: its error codes, the parameters its messages name
    (``tracking_url``), its item statuses and history codes."""
    from rakuten_assist.models import ItemStatus

    words = set(_CODES)
    for _entry, pattern in _INDEX:
        words.update(pattern.split())
    words.update(status.value.lower() for status in ItemStatus)
    words.update({"item_shipped", "item_committed", "item_requested", "pm_remind"})
    return frozenset(words)


# Typed in lower case, a code is still one after "error", "code", "erreur", "returns" or in
# a <code> element: "got error trk-4031", "erreur code rkt-4471", "<code>x</code>"
_LOWER_WORD = re.compile(r"(?<![\w-])([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)(?![\w-])")
_AFTER_ERROR_WORD = re.compile(
    r"(?:\b(?:error|erreur|errors|code|returns|renvoie|retourne|returned|renvoye)\s*:?\s+"
    r"|<code>\s*)$"
)
#: a run-together code is long ("invalidcarriername"); shorter words are words
_LOWER_CODE_MIN = 10


def _lower_codes(text: str) -> list[tuple[int, str]]:
    """Code-like words typed in lower case after an error's words, with their positions."""
    found = []
    for match in _LOWER_WORD.finditer(text):
        word = match.group(1)
        if not _AFTER_ERROR_WORD.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        numbered = re.fullmatch(r"(?!iso-)[a-z]{3,6}-\d{2,6}", word) is not None
        run_together = len(word) >= _LOWER_CODE_MIN and word.isalpha() and not frequent_word(word)
        if numbered or run_together:
            found.append((match.start(1), word.upper() if numbered else word))
    return found


def _unknown_codes(text: str) -> list[str]:
    """The code-like words of ``text`` that are not Rakuten's (in order)."""
    known = _RAKUTEN_WORDS
    shaped = [(m.start(), m.group(0)) for m in _CODE_LIKE.finditer(text)]
    seen = {start for start, _ in shaped}
    typed = [(start, word) for start, word in _lower_codes(text) if start not in seen]
    return [
        word
        for _, word in sorted(shaped + typed)
        if word.lower() not in known and _code_key(word) is None
    ]


def unknown_code_in(text: str) -> str | None:
    """The first word of ``text`` shaped like an error code that Rakuten is not known to
    send (``InvalidTrackingNumber``), if any; known codes are ``error_code_in``'s."""
    found = _unknown_codes(text)
    return found[0] if found else None


_CAMEL_CASE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
_UNDERSCORED = re.compile(r"\b[A-Za-z]+(?:_[A-Za-z]+)+\b")
# What the words of a code nobody documents point to ("INVALID_TRANSPORTER_NAME" speaks of
# the transporter name): the closest entry, given as a possibility only. The longer words
# first; a code whose words point to several entries points to none.
_CODE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("tracking", "url"), "rakuten.tracking_url_mandatory"),
    (("tracking", "link"), "rakuten.tracking_url_mandatory"),
    (("tracking", "number"), "rakuten.invalid_tracking_number"),
    (("transporter",), "rakuten.unsupported_carrier"),
    (("carrier",), "rakuten.unsupported_carrier"),
    (("shipper",), "rakuten.unsupported_carrier"),
    (("quota",), "rakuten.quota_exceeded"),
    (("rate", "limit"), "rakuten.quota_exceeded"),
    (("authentication",), "rakuten.unknown_user"),
    (("auth",), "rakuten.unknown_user"),
    (("credentials",), "rakuten.unknown_user"),
    (("password",), "rakuten.unknown_user"),
    (("already", "shipped"), "rakuten.already_shipped"),
)


def _code_words(code: str) -> str:
    """A code's words, lower case ("AuthenticationFailed" -> "authentication failed")."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", code).replace("_", " ").lower()


def _closest_by_words(words: str) -> ErrorEntry | None:
    """The one entry the words of a code point to, by the code-word table; else None."""
    said = words.split()
    found: list[str] = []
    for keys, entry_id in _CODE_WORDS:
        if all(key in said for key in keys):
            found.append(entry_id)
            said = [w for w in said if w not in keys]
    return _entry(found[0]) if len(set(found)) == 1 else None


def _by_camel_case(text: str) -> ErrorMatch | None:
    """The entry a code written in CamelCase or with underscores names by its words
    (``<errorcode>AuthenticationFailed</errorcode>`` is an authentication failure,
    ``INVALID_TRANSPORTER_NAME`` speaks of the transporter name), when it names one."""
    for code in [*_CAMEL_CASE.findall(text), *_UNDERSCORED.findall(text)]:
        if code.lower() in _RAKUTEN_WORDS:
            continue  # Rakuten's own words (``tracking_url``) are no code of an error
        words = _code_words(code)
        entry = entry_for_topic(words) or _closest_by_words(words)
        if entry is not None:
            return ErrorMatch(entry=entry, score=0.85, matched=fold(words), ids=extract_ids(text))
    return None


_RAKUTEN_WORDS = _words_of_rakuten()


def without_paste(text: str, error: ErrorMatch) -> str:
    """``text`` without the pasted error's own words (its whole message as Rakuten words it,
    and the part of it that was matched)."""
    for pasted in (error.entry.message or "", error.matched):
        if pasted:
            text = re.sub(re.escape(pasted), " ", text, flags=re.IGNORECASE)
    return text
