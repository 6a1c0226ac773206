"""Names a question gives as a carrier's that no lookup knows ("Vinted Go", "omniva")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rakuten_assist.support._framed_names import (
    GENERIC,
    carrier_description,
    framed_name,
    goods_word,
    name_like,
    place_word,
)
from rakuten_assist.support._lang import fold, frequent_word, is_common_word, near_common_word
from rakuten_assist.support._segments import sentences

if TYPE_CHECKING:
    from rakuten_assist.support._entity_types import Entities

__all__ = [
    "NOT_NAMES",
    "named_subject",
    "names_beside_carriers",
    "unknown_carrier_names",
    "unknown_word",
    "without_lead",
]

# A carrier name the registry does not know: a capitalised run of words ("Vinted Go"), or
# the words after "avec" / "with" / "via"..., that are not ordinary words.
# A name may be hyphenated ("trans-o-flex").
_NAME_WORD = re.compile(r"[^\W\d_][\w+&]*(?:-[^\W\d_][\w+&]*)*")
# Only prepositions: after a verb ("accept", "use") a lower-case word is as often the
# object of something else ("can the tool accept sales automatically?") as a carrier; a
# capitalised name is still taken anywhere. Not "en": "en général", "en gros", "en plus".
_BEFORE_NAME = frozenset({"avec", "with", "via", "par", "chez"})
NOT_NAMES = frozenset(
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
        # how a number reached the user, never who carries the parcel ("reçu par SMS")
        "sms", "mms", "mail", "email", "e-mail", "whatsapp", "telephone", "phone", "pdf",
        "csv", "xml", "erp", "ftp",
        # the people of a shipment, never a carrier's name
        "merchant", "marchand", "seller", "vendeur", "buyer", "acheteur", "client", "customer",
        # places: where a parcel goes, never who carries it ("Accepted on Rakuten FR?")
        "fr", "be", "de", "es", "it", "nl", "lu", "ch", "pt", "gb", "us",
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
_MAX_NAME_WORDS = 3
#: words after which a place is named, never a carrier ("depuis Tallinn", "near Lyon")
_FROM_PLACE = frozenset({"depuis", "from", "near", "pres", "dans", "in", "habite", "lives"})
#: after a subject, a word typed in lower case is its verb ("the connector retried")
_SUBJECTS = frozenset(
    {"connector", "connecteur", "module", "plugin", "tool", "outil", "it", "he", "she", "they",
     "we", "i", "il", "elle", "on", "nous", "ils", "elles", "je", "j", "system", "systeme"}
)  # fmt: skip


def _ordinary(folded: str) -> bool:
    """A word that is no name: common, listed, a letter, or joined from such words by
    hyphens ("peut-on", "est-ce", "e-mail"; "trans-o-flex" stays a name)."""
    parts = folded.split("-")
    if len(parts) > 1 and parts[-1] in _INVERTED:
        return True  # a verb before its subject: "Pouvez-vous", "Faut-il", "Doit-on"
    if place_word(folded):
        return True  # a place or its people ("roumain", "swedish"), never a name's word
    return folded in NOT_NAMES or all(
        is_common_word(part) or part in NOT_NAMES or len(part) < 2 for part in parts
    )


_INVERTED = frozenset({"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"})


def unknown_carrier_names(text: str) -> list[str]:
    """Words used as a carrier's name that may be one the registry does not know."""
    names: list[str] = []
    run: list[str] = []
    after_name_word = False
    previous = ""
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
        # joined by underscores, a word is an identifier (``RAKUTEN_LOGIN``, an error code
        # ``ERR_TRACKING_42``), never a carrier's name
        ordinary = (
            _ordinary(folded)
            or "_" in word
            # a contraction ("wasn't", "doesn’t"), never a name
            or text[match.end() : match.end() + 2] in ("'t", "’t")
            or (
                opens_sentence
                and not word.isupper()
                and frequent_word(folded)
                and not _capitalised_next(text, match.end())
            )
        )
        # typed in lower case, a word no language or the engine knows is a name too
        # ("vous acceptez zeleris ?"): the message speaks of carriers; after "with", any
        # but a frequent word ("with an external tool", "with an empty tracking url")
        starts = (
            word[0].isupper()
            or (after_name_word and not frequent_word(folded))
            or (not ordinary and previous not in _SUBJECTS and unknown_word(word))
        )
        after_name_word = folded in _BEFORE_NAME
        # a word after "depuis", "near", "from"... is where the parcel leaves from: a town
        # ("omniva depuis tallinn"), not a second carrier
        if not run and previous in _FROM_PLACE and (previous != "from" or not word[0].isupper()):
            previous = folded
            continue
        previous = folded
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
    # one word of the intents is the domain's word, capitalised or not ("the account is not
    # Professional", "Token"), never a carrier's name
    names = [n for n in names if " " in n or not _intent_word(fold(n))]
    return names + [n for n in _generic_named(text) if not any(n in m for m in names)]


def _intent_word(folded: str) -> bool:
    from rakuten_assist.support.intents import known_word

    return known_word(folded)


# "il envoie avec fan courier", "ships via swift express": ordinary words closed by a
# carrier's generic word, after the words that introduce a carrier
_AFTER_BEFORE_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(_BEFORE_NAME)) + r")\s+([a-z][\w&+-]*(?:\s+[a-z][\w&+-]*){1,2})"
)


def _generic_named(text: str) -> list[str]:
    """Names of ordinary words closed by a generic word ("fan courier"), typed in lower
    case after "avec", "with", "via"..."""
    found: list[str] = []
    for match in _AFTER_BEFORE_NAME.finditer(text):
        words = match.group(1).split()
        for size in range(len(words), 1, -1):
            if fold(words[size - 1]) in GENERIC and name_like(words[:size]):
                found.append(" ".join(words[:size]))
                break
    return found


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
    r"\b(?:pays|country|countries|lien|link|url|tracking|suivi|uk|list|liste|" + "|".join(
        sorted(("europe", "germany", "allemagne", "spain", "espagne", "italy", "italie",
                "belgium", "belgique", "switzerland", "suisse", "netherlands", "pays-bas",
                "austria", "autriche", "portugal", "poland", "pologne", "baltes", "baltic",
                "baltics", "roumanie", "romania", "dutch", "spanish", "italian", "german"))
    ) + r")\b"
)  # fmt: skip
#: words that go on a carrier's name once it has started ("GEL Express"), never start one
_NAME_GENERIC = (
    frozenset({"express", "relais", "relay", "colis", "point", "international"}) | GENERIC
)
#: a question this short may open with the name it asks about
_NAMED_FIRST_WORDS = 12


#: English endings of a verb's past or a plural, and what the frequent word ended with
_INFLECTIONS = (("ied", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def _inflected(folded: str) -> bool:
    """Whether a word is a frequent word's past or plural ("retried", "polled")."""
    return any(
        folded.endswith(ending) and frequent_word(folded[: -len(ending)] + stem)
        for ending, stem in _INFLECTIONS
    )


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
        and not _inflected(folded)
        # "moment-là", "vas-y", "peut-être": frequent words joined by a hyphen
        and not all(len(part) <= 2 or frequent_word(part) for part in folded.split("-"))
    )


def named_subject(residue: str, shipping_talk: bool) -> str | None:
    """The name no lookup knows that a message asks about: opening its question (after any
    background: "Nous vendons depuis deux ans. Omniva pour les pays baltes ?"), or with its
    country in brackets."""
    folded = fold(residue)
    context = shipping_talk or bool(_PLACE_OR_LINK.search(folded)) or place_word(folded)
    parts = sentences(residue)
    for text in (residue, *(parts[1:] if len(parts) > 1 else ())):
        found = _opening_name(text, lower_ok=context, asks=context or "?" in text)
        if found is None:
            # typed in lower case, in words that say a carrier is meant ("apc overnight is
            # our uk courier", "instabox for our swedish buyers")
            found = framed_name(text)
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
        if stripped[match.end() : match.end() + 1] in ("'", "’") or "_" in word:
            break  # an elided word ("Qu'est-ce", "L'identifiant") or an identifier is no name
        if any(ch.isdigit() for ch in word):
            break  # a number ("RR284005610CZ") ends the name before it
        if run and stripped[match.start() - 1] not in " -":
            break
        if not run and match.start() > 0:
            return None
        folded = fold(word)
        goes_on = bool(run) and folded in _NAME_GENERIC  # "GEL Express", "Fan Courier"
        if not word[0].isupper():
            if place_word(folded):
                break  # a place or its people end the name ("cargus roumain ok ?")
            if not (lower_ok and (goes_on or unknown_word(word))):
                if run and not run[-1][0].isupper() and goods_word(folded):
                    return None  # a brand of goods: "lego sets for our german buyers"
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
        if place not in NOT_NAMES and not carrier_description(place):
            continue
        if all(_ordinary(fold(word)) for word in words):
            continue
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= _ACRONYM:
            continue
        if _in_place(text, found.start(1)):
            continue
        return found.group(1)
    return _lower_name_with_place(text)


#: words before a town, never before a carrier ("habite à Gand (Belgique)", "in Ghent (BE)")
_AT_PLACE = frozenset(
    {"a", "au", "aux", "en", "in", "at", "near", "pres", "vers", "to", "dans", "from"}
)


def _in_place(text: str, start: int) -> bool:
    """Whether the word before ``start`` puts what follows in a place: a town, no name."""
    before = _NAME_WORD.findall(fold(text[:start])[-12:])
    return bool(before) and before[-1] in _AT_PLACE


# the same typed in lower case: "does the connector know nexive (italy)?"
_LOWER_NAME_AND_PLACE = re.compile(
    r"(?<![\w-])((?:[a-z][\w+&-]*\s+){0,2}[a-z][\w+&-]*)\s*\(\s*([^()]{2,30})\)"
)


def _lower_name_with_place(text: str) -> str | None:
    """The words before a place in brackets that may be a name, typed in lower case: the
    longest run of them closing before the bracket that looks like a name."""
    for found in _LOWER_NAME_AND_PLACE.finditer(text):
        place = fold(found.group(2)).strip()
        if place not in NOT_NAMES and not carrier_description(place):
            continue
        words = found.group(1).split()
        for start in range(len(words)):
            if (fold(words[start - 1]) in _AT_PLACE) if start else _in_place(text, found.start(1)):
                break  # "a gand (belgique)": a town
            if name_like(words[start:]):
                return " ".join(words[start:])
    return None


# A label or a reported question's lead before a colon opening the message ("Ticket du
# jour :", "The merchant asks:", "Question d'un client :"): the agent's words, no name.
_LEAD = re.compile(r"^\s*([^:\n?]{2,50}?)\s*:\s+(?=\S)")
_LEAD_WORDS = 6


def without_lead(text: str) -> str:
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


#: a capitalised name of up to three words (folded comparison is done on what it holds)
_CAPITALISED = r"([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"
#: the words that join two carriers asked about together
_JOINED = r"\s*(?:,|\bet\b|\band\b|\bou\b|\bor\b|&|\+)\s*"


def names_beside_carriers(text: str, entities: Entities) -> list[str]:
    """Names joined to a registered carrier by "et", "and", "ou", a comma... that are no
    ordinary words, no carrier, platform or marketplace the lookup knows."""
    known = {fold(m.text) for m in entities.carriers}
    known |= {fold(n) for n in (*entities.platforms, *entities.marketplaces)}
    names: list[str] = []
    for mention in entities.carriers:
        carrier = re.escape(mention.text)
        for pattern in (rf"{carrier}{_JOINED}{_CAPITALISED}", rf"{_CAPITALISED}{_JOINED}{carrier}"):
            for found in re.finditer(pattern, text):
                words = unknown_carrier_names(found.group(1))
                for name in words:
                    if fold(name) not in known and not any(fold(name) in k for k in known):
                        names.append(name)
    return list(dict.fromkeys(names))
