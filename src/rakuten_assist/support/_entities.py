"""What a question names: carriers (typos included), tracking numbers, ids, postcodes, errors.

Carrier names come only from the carriers package's one name lookup (``find_mentions``), so
the support engine never disagrees with ``carriers check``: a capitalised word is a carrier
only when that lookup says so, and platforms and marketplaces are named as what they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rakuten_assist.models import ACCEPTABLE_STATUSES
from rakuten_assist.support._grouped_numbers import TRACKING_MAX, TRACKING_MIN, spaced_numbers
from rakuten_assist.support._lang import fold, frequent_word, is_common_word, near_common_word
from rakuten_assist.support._postcodes import find_country, find_postcode
from rakuten_assist.support._segments import sentences
from rakuten_assist.support._typos import is_slip
from rakuten_assist.support.errors_catalogue import (
    ErrorMatch,
    error_code_in,
    explain_error,
    extract_ids,
    normalise_error_text,
)

if TYPE_CHECKING:
    from rakuten_assist.carriers import Carrier, Mention

__all__ = [
    "HOW_TRACKING",
    "CarrierMention",
    "Entities",
    "extract_entities",
    "find_carriers",
    "find_non_carriers",
    "looks_like_secret",
    "said_in_own_words",
]

_TOKEN = re.compile(r"[a-z0-9]+")
# The look-behind starts an address only where its run starts: without it, a long paste with
# no "@" is rescanned from every position (quadratic time).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
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
_QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:'[^'\n]{2,60}'|\"[^\"\n]{2,60}\"|«[^»\n]{1,60}»)(?=[\s.,;:!?)]|$)"
)
# A carrier name the registry does not know: a capitalised run of words ("Vinted Go"), or
# the words after "avec" / "with" / "via"..., that are not ordinary words.
# A name may be hyphenated ("trans-o-flex").
_NAME_WORD = re.compile(r"[^\W\d_][\w+&]*(?:-[^\W\d_][\w+&]*)*")
# Only prepositions: after a verb ("accept", "use") a lower-case word is as often the
# object of something else ("can the tool accept sales automatically?") as a carrier; a
# capitalised name is still taken anywhere. Not "en": "en général", "en gros", "en plus".
_BEFORE_NAME = frozenset({"avec", "with", "via", "par", "chez"})
_NOT_NAMES = frozenset(
    {
        "rakuten", "ok", "okay", "api", "url", "sku", "pro", "svp", "stp", "livraison",
        "delivery", "colis", "express", "relais", "relay", "point", "points", "france",
        "international", "shop", "boutique", "marketplace", "suivi", "tracking", "lien",
        "link", "i", "ca", "passe", "autre", "autres", "other",
        "in", "on", "at", "to", "for", "from", "of", "by",
        # the web service's own field and call names, typed in lower case
        "itemstatus", "itemid", "purchaseid", "paymentstatus", "trackingnumber", "trackingurl",
        "transportername", "shippingtype", "getnewsales", "getcurrentsales", "acceptsale",
        "refusesale", "setshippinginformation", "sales_ws", "wsdl",
        # the people of a shipment, never a carrier's name
        "merchant", "marchand", "seller", "vendeur", "buyer", "acheteur", "client", "customer",
        # places: where a parcel goes, never who carries it
        "europe", "eu", "ue", "germany", "allemagne", "spain", "espagne", "italy", "italie",
        "belgium", "belgique", "switzerland", "suisse", "netherlands", "pays-bas", "holland",
        "austria", "autriche", "portugal", "luxembourg", "uk", "england", "angleterre",
        "ireland", "irlande", "poland", "pologne", "baltics", "scandinavia", "usa", "china",
        "chine", "paris", "lyon", "marseille", "lille", "toulouse", "bordeaux", "nantes",
        "corse", "dom-tom", "outre-mer",
        "roumanie", "romania", "grece", "greece", "suede", "sweden", "danemark", "denmark",
        "norvege", "norway", "finlande", "finland", "hongrie", "hungary", "tchequie",
        "czechia", "slovaquie", "slovakia", "croatie", "croatia", "bulgarie", "bulgaria",
        "lituanie", "lithuania", "lettonie", "latvia", "estonie", "estonia", "slovenie",
        "slovenia", "malte", "malta", "chypre", "cyprus", "monaco", "andorre", "andorra",
        "canada", "japon", "japan", "maroc", "morocco", "tunisie", "tunisia", "algerie",
        "algeria", "reunion", "martinique", "guadeloupe", "guyane", "mayotte", "baltes",
        "ecosse", "scotland", "wales", "royaume-uni",
        # requests opening a message ("donne le lien"): what is asked, never a name
        "donne", "donnez", "donnes", "donner", "envoie", "envoies", "envoyez", "montre",
        "montrez", "trouve", "trouvez", "cherche", "cherchez", "verifie", "verifiez", "fais",
        "faites", "construis", "genere", "generez", "give", "send", "show", "find", "check",
        "build", "make", "please",
        # days and months: when something happened, never who carried it
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "janvier", "fevrier", "mars", "avril", "juin",
        "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
    }
)  # fmt: skip
_CARRIER_CONTEXT = re.compile(
    r"\b(transporteurs?|transporters?|carriers?|livreurs?|messageries?|courier|coursiers?|"
    r"supporte[es]?|"
    r"supported|support|accepte[es]?|accepted|accept|acceptez|prenez|take|takes|compatible|"
    r"ca passe|expedi\w*|ship\w*|envoy\w*|livr\w*|deliver\w*|"
    # "X c'est géré ?", "is X fine for Dutch orders?": whether a name will do
    r"gere[esz]?|pris en charge|handled|(?:ok|okay|fine|good|bon) (?:for|pour))\b"
)
_MAX_NAME_WORDS = 3
# How tracking works, asked in general or for a carrier ("how does tracking work for
# Omniva?", "le suivi ça marche comment avec Speedy ?"; folded text): words about carriers.
HOW_TRACKING = re.compile(
    r"\bhow (?:does|do|is|will) (?:the )?(?:parcel |package |order )?tracking\b|"
    r"\bhow (?:the )?tracking (?:\w+ )?works?\b|"
    r"\bcomment (?:ca |se )?(?:marche|fonctionne|passe) (?:le )?suivi\b|"
    r"\ble suivi (?:\w+ ){0,3}(?:ca )?(?:marche|fonctionne|se passe) comment\b"
)
# The merchant delivers the parcels himself: no carrier ("on livre nous-mêmes avec notre
# camionnette", "we deliver with our own vans"; folded text).
_OWN_DELIVERY = re.compile(
    r"\blivr\w* (?:nous|moi|lui|elle|eux)[- ]memes?\b|\bnous[- ]memes? (?:livr|deposons|apportons)|"
    r"\bpar nos (?:propres )?(?:soins|moyens)\b|\bpar mes (?:propres )?moyens\b|"
    r"\bnos propres (?:livreurs|vehicules|camions|camionnettes|chauffeurs|moyens)\b|"
    r"\b(?:notre|ma) (?:propre )?(?:camionnette|camion|vehicule|flotte|livreur|chauffeur)\b|"
    r"\blivreurs? maison\b|\blivraison maison\b|\ben main propre\b|"
    r"\b(?:deliver|drop)\w* (?:it |them |the (?:parcels?|orders?) )?(?:ourselves|myself|himself|"
    r"herself|themselves)\b|\bour own (?:vans?|trucks?|drivers?|fleet|couriers?|delivery|"
    r"vehicles?|delivery (?:drivers?|vans?))\b|\bin-?house deliver\w*|\bhand[- ]deliver\w*"
)


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
    #: the buyer's country the message says ("B-1050", "pays NL", "Belgique"), for links
    #: that need it (PostNL)
    country: str | None = None
    item_id: str | None = None
    purchase_id: str | None = None
    error: ErrorMatch | None = None
    #: an error code named alone that several errors share (``ParameterError``)
    error_code: str | None = None
    #: the question with any recognised error text removed, for language detection
    residue: str = ""
    #: something that looks like a token or password was pasted (never kept, never echoed)
    secret_pasted: bool = False
    #: names given as a carrier that the registry does not know ("Vinted Go")
    unknown_carriers: list[str] = field(default_factory=list)
    #: shipping platforms named ("Packlink"): not carriers, they ship with one
    platforms: list[str] = field(default_factory=list)
    #: other marketplaces named ("Cdiscount"): outside what the engine knows
    marketplaces: list[str] = field(default_factory=list)
    #: the message's own words speak of carriers or shipping ("transporteur", "ship"...)
    shipping_talk: bool = False
    #: Rakuten item statuses named ("REMINDED", "on_hold"), as Rakuten spells them
    statuses: list[str] = field(default_factory=list)
    #: the merchant delivers the parcels himself, no carrier ("avec notre camionnette")
    own_delivery: bool = False
    #: a short question opens with a name no lookup knows ("Omniva pour les pays baltes ?"),
    #: or names one with its country in brackets ("Nexive (Italy)"): what it asks is about
    #: that name, most likely a carrier
    named_first: bool = False


def find_carriers(text: str, number: str | None = None) -> list[CarrierMention]:
    """Every registry carrier named in ``text``, in order of appearance, each once.

    The carriers package's one name lookup finds them (``find_mentions``), with the
    message's ordinary words never taken for a typo; a name that can mean several carriers
    ("DPD") comes with its candidates, settled by ``number`` when exactly one accepts it.
    Platforms and marketplaces are not carriers: see :func:`find_non_carriers`.
    """
    mentions: list[CarrierMention] = []
    for found in _mentions(text, number):
        match = found.match
        score = 100.0 if match.how == "exact" else 90.0
        if match.kind == "carrier" and match.carrier is not None:
            mention = CarrierMention(text=found.text, carrier=match.carrier, score=score)
        elif match.kind == "ambiguous" and match.candidates:
            mention = CarrierMention(
                text=found.text,
                carrier=match.candidates[0],
                score=score,
                candidates=tuple(match.candidates),
            )
        else:
            continue
        settled = next(
            (
                i
                for i, m in enumerate(mentions)
                if m.ambiguous
                and not mention.ambiguous
                and any(c.id == mention.carrier.id for c in m.candidates)
            ),
            None,
        )
        if settled is not None:
            # "DPD ? on a un contrat DPD Predict": the later, precise name says which one
            mentions[settled] = mention
        elif mention.ambiguous and any(
            not m.ambiguous and any(c.id == m.carrier.id for c in mention.candidates)
            for m in mentions
        ):
            # "Lettre suivie de la poste": the earlier, precise name already said which one
            continue
        elif all(m.carrier.id != mention.carrier.id for m in mentions):
            mentions.append(mention)
    return mentions


def find_non_carriers(text: str) -> dict[str, list[str]]:
    """Shipping platforms and marketplaces named in ``text`` ("Packlink", "Cdiscount"), by
    kind, as their owners write them: the lookup says they are not carriers."""
    found: dict[str, list[str]] = {"platform": [], "marketplace": []}
    for mention in _mentions(text, None):
        kind = mention.match.kind
        if kind in found:
            label = mention.match.label or mention.text
            if label not in found[kind]:
                found[kind].append(label)
    return found


def _mentions(text: str, number: str | None) -> list[Mention]:
    from rakuten_assist.carriers import find_mentions

    return find_mentions(text, is_common=is_common_word, number=number, is_word=frequent_word)


def _ordinary(folded: str) -> bool:
    """A word that is no name: common, listed, a letter, or joined from such words by
    hyphens ("peut-on", "est-ce", "e-mail"; "trans-o-flex" stays a name)."""
    parts = folded.split("-")
    if len(parts) > 1 and parts[-1] in _INVERTED:
        return True  # a verb before its subject: "Pouvez-vous", "Faut-il", "Doit-on"
    return folded in _NOT_NAMES or all(
        is_common_word(part) or part in _NOT_NAMES or len(part) < 2 for part in parts
    )


_INVERTED = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"})


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
        # a frequent word capitalised at a sentence's start is that word ("Meaning of ...",
        # "Ours has been pending"), unless a name's words follow it ("Fan Courier")
        opens_sentence = not text[: match.start()].strip() or text[
            : match.start()
        ].rstrip().endswith((".", "?", "!", ":", "\n"))
        ordinary = _ordinary(folded) or (
            opens_sentence
            and not word.isupper()
            and frequent_word(folded)
            and not _capitalised_next(text, match.end())
        )
        # typed in lower case, a word no language or the engine knows is a name too
        # ("vous acceptez zeleris ?"): the message speaks of carriers; after "with", any
        # but a frequent word ("with an external tool", "with an empty tracking url")
        starts = (
            word[0].isupper()
            or (after_name_word and not frequent_word(folded))
            or (not ordinary and unknown_word(word))
        )
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


def _capitalised_next(text: str, end: int) -> bool:
    """Whether the word right after ``end`` (one space away) starts with a capital."""
    rest = text[end:]
    return rest[:1] == " " and rest[1:2].isupper()


# A word ending like an adverb, a verb or a noun of the language opens many questions
# ("Actuellement", "Shipping", "Configuration") and is no name.
_WORD_ENDINGS = ("ment", "ly", "ing", "tion", "sion", "ons", "ez", "ais", "ait")
#: an unknown word in capitals this short is an acronym of the trade, not a carrier's name
_ACRONYM = 4
#: the shortest word typed in lower case that may be a name
_NAME_MIN = 4
# Words that make a message about carriers when a name typed in lower case opens it: a place
# it ships to, a link.
_PLACE_OR_LINK = re.compile(
    r"\b(?:pays|country|countries|lien|link|url|tracking|suivi|uk|" + "|".join(
        sorted(("europe", "germany", "allemagne", "spain", "espagne", "italy", "italie",
                "belgium", "belgique", "switzerland", "suisse", "netherlands", "pays-bas",
                "austria", "autriche", "portugal", "poland", "pologne", "baltes", "baltic",
                "baltics", "roumanie", "romania", "dutch", "spanish", "italian", "german"))
    ) + r")\b"
)  # fmt: skip
#: words that go on a carrier's name once it has started ("GEL Express"), never start one
_NAME_GENERIC = frozenset({"express", "relais", "relay", "colis", "point", "international"})
#: a question this short may open with the name it asks about
_NAMED_FIRST_WORDS = 12


def unknown_word(word: str) -> bool:
    """Whether a word typed in lower case may be a name: no ordinary word of either
    language, no word of the intents (nor a slip of one: "jetonn"), no place."""
    from rakuten_assist.support.intents import known_word

    folded = fold(word)
    return (
        len(folded) >= _NAME_MIN
        and folded.replace("-", "").isalpha()
        and not _ordinary(folded)
        and not folded.endswith(_WORD_ENDINGS)
        and not known_word(folded)
        and not near_common_word(folded)
        and not frequent_word(folded)
        # "moment-là", "vas-y", "peut-être": frequent words joined by a hyphen
        and not all(len(part) <= 2 or frequent_word(part) for part in folded.split("-"))
    )


def _named_subject(residue: str, shipping_talk: bool) -> str | None:
    """The name no lookup knows that a message asks about: opening its question (after any
    background: "Nous vendons depuis deux ans. Omniva pour les pays baltes ?"), or with its
    country in brackets."""
    context = shipping_talk or bool(_PLACE_OR_LINK.search(fold(residue)))
    parts = sentences(residue)
    for text in (residue, *(parts[1:] if len(parts) > 1 else ())):
        found = _opening_name(text, lower_ok=context, asks=context or "?" in text)
        if found is not None:
            return found
    return _name_with_place(residue)


def _opening_name(text: str, lower_ok: bool = False, asks: bool = True) -> str | None:
    """The name a short question opens with, when no lookup knows it ("Tipsa c ok pour
    l'espagne ?", "Fan Courier, ça marche ?"); None when it opens otherwise.

    With ``lower_ok`` (the message speaks of carriers, places or links), a name typed in
    lower case counts too when it is no word the engine or the languages know ("omniva
    pour les pays baltes ?"). ``asks``: the text is a question (a question mark, or a
    message about carriers, places or links: "Tipsa pour l'espagne, on peut").
    """
    stripped = text.strip()
    if len(stripped.split()) > _NAMED_FIRST_WORDS or not asks:
        return None
    run: list[str] = []
    for match in _NAME_WORD.finditer(stripped):
        word = match.group(0)
        if stripped[match.end() : match.end() + 1] in ("'", "’"):
            break  # an elided word ("Qu'est-ce", "L'identifiant") is no name
        if run and stripped[match.start() - 1] not in " -":
            break
        if not run and match.start() > 0:
            return None
        folded = fold(word)
        goes_on = bool(run) and folded in _NAME_GENERIC  # "GEL Express", "Fan Courier"
        if not word[0].isupper():
            if not (lower_ok and (goes_on or unknown_word(word))):
                break
        elif not goes_on and (_ordinary(folded) or folded.endswith(_WORD_ENDINGS)):
            break
        run.append(word)
        if len(run) == _MAX_NAME_WORDS:
            break
    # an acronym alone is of the trade ("HTTP 500", "EAN"); with a name it is one ("GEL Express")
    if len(run) == 1 and run[0].isupper() and len(run[0]) <= _ACRONYM:
        return None
    # one frequent word opening a sentence is that word ("Meaning of ...", "Sorry, ..."); a
    # name of several words may hold one ("Fan Courier")
    if len(run) == 1 and not run[0].isupper() and frequent_word(fold(run[0])):
        return None
    return " ".join(run) or None


# "Nexive (Italy)", "Planzer (Switzerland)": a name with its country in brackets is how
# agents write a carrier.
_NAME_AND_PLACE = re.compile(
    r"(?<![\w-])([A-Z][\w+&-]*(?:[ ][A-Z][\w+&-]*){0,2})\s*\(\s*([^()]{2,30})\)"
)


def _name_with_place(text: str) -> str | None:
    """A name no lookup knows followed by its place in brackets, or None."""
    for found in _NAME_AND_PLACE.finditer(text):
        words = found.group(1).split()
        place = fold(found.group(2)).strip()
        if place not in _NOT_NAMES:
            continue
        if all(_ordinary(fold(word)) for word in words):
            continue
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= _ACRONYM:
            continue
        return found.group(1)
    return None


# A label or a reported question's lead before a colon opening the message ("Ticket du
# jour :", "The merchant asks:", "Question d'un client :"): the agent's words, no name.
_LEAD = re.compile(r"^\s*([^:\n?]{2,50}?)\s*:\s+(?=\S)")
_LEAD_WORDS = 6


def _without_lead(text: str) -> str:
    """``text`` after its lead, when a lead of ordinary words (no digit, no name) opens it."""
    found = _LEAD.match(text)
    if found is None or any(ch.isdigit() for ch in found.group(1)):
        return text
    typed = _NAME_WORD.findall(found.group(1))
    words = [fold(word) for word in typed]
    if not words or len(words) > _LEAD_WORDS:
        return text
    if (len(typed[0]) > 1 and typed[0].isupper()) or any(w[0].isupper() for w in typed[1:]):
        return text  # capitals inside: a name ("GEL Express:", "Fan Courier :")
    if all(_ordinary(word) or frequent_word(word) for word in words):
        return text[found.end() :]
    return text


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


def _tracking_numbers(text: str, emails: list[str]) -> tuple[list[tuple[str, bool]], bool]:
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
#: beside their carrier's name (``_named_carriers_codes``)
_CODE_MIN = 10


#: the envelope's general message above the detail Rakuten's errors pasted whole carry
#: ("Problem with parameters. The parameter 'itemid' is invalid."): Rakuten's words too
_ENVELOPE_WORDS = ("Problem with parameters", "Please contact support")


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


def _named_carriers_codes(text: str, carriers: list[CarrierMention]) -> list[str]:
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


def _named_carriers_number(id_shaped: str, carriers: list[CarrierMention]) -> bool:
    """Whether a number with an id's shape is the tracking number of a carrier named in the
    same message ("a FedEx one for the same order: 779402136581"): its formats take it with
    a right check digit. A check digit is what tells a parcel number from an order id."""
    return any(
        _checked_fit(carrier, id_shaped)
        for mention in carriers
        for carrier in (mention.candidates or (mention.carrier,))
    )


# Labels of Rakuten's (French) seller interface and feed tool that people quote as they are,
# in any language: they say nothing about the language of the person's own words.
_UI_LABELS = re.compile(
    r"(?i)mon\s+compte\s*>\s*mes\s+informations\s+d[ée]veloppeur|"
    r"mes\s+informations\s+d[ée]veloppeur|my\s+developer\s+information|"
    r"mon\s+compte|\bfinaliser\b|statut\s+incorrect"
)


# A word right before an id-shaped number, to mend when it is a slip of an id word
# ("commadne 412345678", "artcile 260300005").
_WORD_BEFORE_ID = re.compile(r"(?<![^\W\d_])([^\W\d_]{5,})(?=\s*[:=#n°]*\s*['\"]?\d{6,12}(?!\w))")
_ID_WORDS = ("achat", "article", "commande", "itemid", "order", "purchase", "vente")


def _id_words_mended(text: str) -> str:
    """``text`` with the mistyped word before an id-shaped number spelt right."""

    def mend(found: re.Match[str]) -> str:
        typed = found.group(1)
        folded = fold(typed)
        if folded in _ID_WORDS or is_common_word(folded):
            return typed
        return next((word for word in _ID_WORDS if is_slip(folded, word, strict=True)), typed)

    return _WORD_BEFORE_ID.sub(mend, text)


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


def _statuses(text: str) -> list[str]:
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


def _without_statuses(text: str, statuses: list[str]) -> str:
    """``text`` with the item statuses it names blanked out (a full stop in their place)."""
    if not statuses:
        return text
    return _STATUS_CODE.sub(lambda m: " . " if m.group(1).upper() in statuses else m.group(0), text)


# A carrier said not to be the one ("c'est Colissimo, pas Chronopost", "UPS, not DHL"): the
# words before its name
_NEGATED_BEFORE = (
    r"(?:\bpas|\bnot|\bnon|\bni|\binstead\s+of|\bau\s+lieu\s+de|\bplutot\s+que|"
    r"\brather\s+than)\s+(?:(?:de|du|le|la|by|with|avec|en|par|the)\s+)?"
)


#: a capitalised name of up to three words (folded comparison is done on what it holds)
_CAPITALISED = r"([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"
#: the words that join two carriers asked about together
_JOINED = r"\s*(?:,|\bet\b|\band\b|\bou\b|\bor\b|&|\+)\s*"


def _names_beside_carriers(text: str, entities: Entities) -> list[str]:
    """Names joined to a registered carrier by "et", "and", "ou", a comma... that are no
    ordinary words, no carrier, platform or marketplace the lookup knows."""
    known = {fold(m.text) for m in entities.carriers}
    known |= {fold(n) for n in (*entities.platforms, *entities.marketplaces)}
    names: list[str] = []
    for mention in entities.carriers:
        carrier = re.escape(mention.text)
        for pattern in (rf"{carrier}{_JOINED}{_CAPITALISED}", rf"{_CAPITALISED}{_JOINED}{carrier}"):
            for found in re.finditer(pattern, text):
                words = _unknown_carrier_names(found.group(1))
                for name in words:
                    if fold(name) not in known and not any(fold(name) in k for k in known):
                        names.append(name)
    return list(dict.fromkeys(names))


def _switched_to_first(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
    """The carrier a merchant moves to first ("on passe de Colissimo à DPD France",
    "switching from UPS to DHL Express"): it is the one asked about."""
    if len(carriers) < 2:
        return carriers
    folded = fold(text)
    for i, old in enumerate(carriers):
        for j, new in enumerate(carriers):
            if i != j and re.search(
                rf"\b(?:de|from|depuis) {re.escape(fold(old.text))},? (?:a|au|vers|pour|to|for|"
                rf"with) {re.escape(fold(new.text))}\b",
                folded,
            ):
                return [new, *(c for c in carriers if c is not new)]
    return carriers


def _without_negated(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
    """The carriers named, without one the message says it is not ("non pardon, c'est
    Colissimo pas Chronopost"), when another carrier is left."""
    folded = fold(text)
    kept = [
        mention
        for mention in carriers
        if not re.search(_NEGATED_BEFORE + re.escape(fold(mention.text)) + r"\b", folded)
    ]
    return kept if kept else carriers


#: a company's legal form, then its name in capitalised words ("SARL Ateliers Ducros", "Ets
#: Martin"): those words name a company, even when one is a carrier's alias ("Ducros")
_COMPANY_BEFORE = (
    r"(?:\b(?i:sarl|sas|sasu|eurl|sarlu|sci|snc|ets|etablissements|établissements|gmbh|ltd|llc|bv|srl)"
    r"\.?\s+(?:[A-ZÀ-Ý][\w'&-]*\s+){0,3}"
    # a person's title: "M. Bartolini (notre comptable)" names no BRT parcel
    r"|(?<![\w.])(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr|Monsieur|Madame|Mademoiselle)\.?\s+"
    r"(?:[A-ZÀ-Ý][\w'&-]*\s+){0,2})"
)


def _without_company_names(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
    """The carriers named, without the words of a company's own name ("je suis le comptable
    de la SARL Ateliers Ducros" names no Relais Colis parcel)."""
    return [
        mention
        for mention in carriers
        if not re.search(_COMPANY_BEFORE + "(?i:" + re.escape(mention.text) + r")\b", text)
    ]


#: an error phrase this short, matched without its code, is a user's own words, not a paste
_OWN_WORDS_MAX = 20


def said_in_own_words(error: ErrorMatch, text: str) -> bool:
    """Whether an error was found in a short phrase of the user's own words ("I already
    shipped it"), not in a pasted message (whose text or code is there, or which the
    message opens with)."""
    entry = error.entry
    if entry.code and entry.code.lower() in text.lower():
        return False
    if normalise_error_text(text).startswith(error.matched):
        return False  # a message that opens with the error pastes it ("Access denied but...")
    return len(error.matched) <= _OWN_WORDS_MAX and error.matched != normalise_error_text(
        entry.message
    )


def extract_entities(text: str) -> Entities:
    """Extract carriers, tracking numbers, e-mails, ids, a postcode and any pasted error."""
    # Quoted values ('La Poste Express', "demo-boutique") are names, not the user's language.
    entities = Entities(residue=_QUOTED.sub(" ", text))
    entities.error = explain_error(text)
    if entities.error is None:
        entities.error_code = error_code_in(text)
    if entities.error is not None:
        # Drop the recognised message so its words do not decide the answer's language.
        entry = entities.error.entry
        phrases = [
            normalise_error_text(phrase)
            for phrase in sorted(
                (entry.message, *entry.patterns, *_ENVELOPE_WORDS), key=len, reverse=True
            )
        ]

        def without_error(source: str) -> str:
            residue = f" {normalise_error_text(source)} "
            for phrase in phrases:
                residue = residue.replace(f" {phrase} ", " ")
            return residue.strip()

        # Rakuten's message may quote a value itself ("The parameter 'tracking_url' is
        # mandatory."): then it is only found in the text with its quotes.
        entities.residue = min(without_error(entities.residue), without_error(text), key=len)
    entities.residue = _UI_LABELS.sub(" ", entities.residue)
    entities.emails = _EMAIL.findall(text)
    if entities.error is None or said_in_own_words(entities.error, text):
        # a status named beside an error phrase said in the user's own words ("status says
        # CANCELLED but I already shipped it") is what the message is about
        entities.statuses = _statuses(text)
    ids = extract_ids(_id_words_mended(text))
    entities.item_id = ids.get("item_id")
    entities.purchase_id = ids.get("purchase_id")
    grouped, unspaced = spaced_numbers(text)
    entities.postcode = find_postcode(unspaced)
    entities.country = find_country(unspaced)
    found, entities.secret_pasted = _tracking_numbers(_id_words_mended(unspaced), entities.emails)
    found = [(n, False) for n in grouped] + [(n, i) for n, i in found if n not in grouped]
    found = [(n, id_shaped) for n, id_shaped in found if n != entities.postcode]
    plain = [n for n, id_shaped in found if not id_shaped]
    entities.numbers = plain
    entities.carriers = find_carriers(text, plain[0] if plain else None)
    held = [n for n, id_shaped in found if id_shaped]
    if held and entities.carriers:
        named = [n for n in held if _named_carriers_number(n, entities.carriers)]
        if named:
            # A number in the message always wins over a remembered one; drop it as an id.
            entities.numbers = [n for n, _ in found if n in plain or n in named]
            entities.carriers = find_carriers(text, entities.numbers[0])
            if entities.purchase_id in named:
                entities.purchase_id = None
            if entities.item_id in named:
                entities.item_id = None
    entities.carriers = _switched_to_first(
        text, _without_negated(text, _without_company_names(text, entities.carriers))
    )
    if entities.carriers and not entities.numbers:
        # A short code a named carrier's own formats take ("GLS France ... 00KX48TZ") is its
        # number, though it has too few digits to be taken alone.
        entities.numbers = _named_carriers_codes(unspaced, entities.carriers)
    entities.own_delivery = bool(_OWN_DELIVERY.search(fold(text)))
    others = find_non_carriers(text)
    residue = fold(entities.residue)
    entities.shipping_talk = bool(_CARRIER_CONTEXT.search(residue) or HOW_TRACKING.search(residue))
    entities.platforms = others["platform"]
    entities.marketplaces = others["marketplace"]
    # A name the registry does not know is only taken for a carrier when the message speaks
    # of carriers; pasted error text and quotes are never names.
    nothing_named = (
        not entities.carriers
        and not entities.numbers
        and not entities.platforms
        and not entities.marketplaces
        and entities.error is None
        and entities.error_code is None
    )
    # names are read after a label or a reported question's lead ("Ticket du jour :")
    named_part = _without_lead(entities.residue)
    if nothing_named and entities.shipping_talk:
        # a status is no name ("ACCEPTED but no tracking yet"): read without them
        entities.unknown_carriers = _unknown_carrier_names(
            _without_statuses(named_part, entities.statuses)
        )
    if (
        nothing_named
        and (
            opening := _named_subject(
                _without_statuses(named_part, entities.statuses), entities.shipping_talk
            )
        )
        is not None
    ):
        entities.named_first = True
        if opening not in entities.unknown_carriers:
            entities.unknown_carriers.insert(0, opening)
    if entities.carriers and entities.error is None and not entities.unknown_carriers:
        # "Colissimo et Zorglub Express, ça passe ?": a name beside a registered carrier is
        # another carrier asked about, said unknown, never silently dropped
        entities.unknown_carriers = _names_beside_carriers(named_part, entities)
    # a part of a longer name found too is that name ("GEL" of "GEL Express")
    names = entities.unknown_carriers
    entities.unknown_carriers = [
        n for n in names if not any(n != m and f" {n} " in f" {m} " for m in names)
    ]
    return entities
