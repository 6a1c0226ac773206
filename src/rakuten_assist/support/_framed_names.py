"""Carrier names typed in lower case, found by the words around them.

A phone typist writes "apc overnight is our uk courier", "instabox for our swedish buyers",
"gel express allemagne, nom rakuten ?". Capitals no longer mark the name, and its words
may be ordinary ones ("fan", "gel", "overnight"), so a name is only read where the words
around it say a carrier is meant: "is our courier", "for our Swedish buyers", a country
right after it, a link asked for its number. The words themselves must still look like a
name: no ordinary word of the languages or of the intents, no service ("standard",
"relais"), and one of them no frequent word, or a carrier's generic word closing them
("fan courier", "gel express").
"""

from __future__ import annotations

import re

from rakuten_assist.support._abbreviations import language_of_abbreviation
from rakuten_assist.support._lang import fold, frequent_word, is_common_word

__all__ = [
    "GENERIC",
    "NATIONALITIES",
    "carrier_description",
    "country_word",
    "framed_name",
    "goods_word",
    "name_like",
    "place_word",
]

#: words that close many carriers' names ("Fan Courier", "GEL Express", "Royal Mail")
GENERIC = frozenset(
    {"courier", "couriers", "express", "post", "posten", "logistics", "logistic", "cargo",
     "freight", "parcel", "parcels", "kurier", "overnight", "transport", "transports", "mail",
     # a country's post ("magyar posta", "lietuvos pastas", "posta romana")
     "posta", "pastas", "posti", "poczta", "postur"}
)  # fmt: skip
#: services and kinds of shipment, never a carrier's own word ("standard express")
_SERVICE = frozenset(
    {"standard", "economy", "eco", "priority", "prioritaire", "premium", "rapide", "fast",
     "next", "same", "day", "tracked", "signed", "lettre", "letter", "recommande",
     "registered", "home", "domicile", "relais", "relay", "point", "locker", "lockers",
     "international", "national", "domestic", "world", "worldwide", "colis", "envoi",
     "livraison", "delivery", "shipping", "suivi", "tracking", "numero", "number", "lien",
     "link", "url", "rakuten", "nom", "name", "ok", "okay", "svp", "stp", "pls", "please",
     "merci", "thanks", "bonjour", "hello", "hi", "salut", "question", "aussi", "also"}
)  # fmt: skip
#: the buyers' countries said as adjectives, folded ("swedish", "allemands", "tcheque")
NATIONALITIES = (
    r"(?:swedish|czech|polish|german|italian|spanish|dutch|belgian|austrian|portuguese|"
    r"british|irish|danish|finnish|norwegian|hungarian|romanian|greek|slovak|slovenian|"
    r"croatian|bulgarian|lithuanian|latvian|estonian|swiss|luxembourgish|english|scottish|"
    r"european|"
    r"suedoise?s?|tcheques?|polonaise?s?|allemande?s?|italienn?e?s?|espagnole?s?|"
    r"neerlandaise?s?|hollandaise?s?|belges?|autrichienn?e?s?|portugaise?s?|britanniques?|"
    r"anglaise?s?|irlandaise?s?|danoise?s?|finlandaise?s?|norvegienn?e?s?|hongroise?s?|"
    r"roumaine?s?|grecq?u?e?s?|slovaques?|slovenes?|croates?|bulgares?|lituanienn?e?s?|"
    r"lettone?s?|estonienn?e?s?|suisses?|luxembourgeoise?s?|europeenn?e?s?|"
    # neighbours whose posts French sellers meet ("la poste marocaine")
    r"moroccan|tunisian|algerian|turkish|marocaine?s?|tunisienn?e?s?|algerienn?e?s?|"
    r"turcs?|turques?)"
)
_COUNTRIES = (
    r"(?:germany|allemagne|spain|espagne|italy|italie|belgium|belgique|switzerland|suisse|"
    r"netherlands|pays-bas|holland|hollande|austria|autriche|portugal|poland|pologne|"
    r"sweden|suede|czechia|tchequie|romania|roumanie|hungary|hongrie|greece|grece|"
    r"denmark|danemark|finland|finlande|norway|norvege|ireland|irlande|uk|royaume-uni|"
    r"luxembourg|slovakia|slovaquie|croatia|croatie|bulgaria|bulgarie|lithuania|lituanie|"
    r"latvia|lettonie|estonia|estonie|slovenia|slovenie|europe)"
)
#: countries' codes: on a name ("ppl cz") or right after it, never a place by themselves
#: ("it", "at", "be" are words)
_CODES = r"(?:cz|pl|de|es|it|be|nl|at|pt|se|dk|ro|hu|gr|sk|hr|bg|lt|lv|ee|si|ie|uk)"
_CODE = re.compile(rf"{_CODES}")
_PLACE = re.compile(rf"\b(?:{NATIONALITIES}|{_COUNTRIES})\b")
_WORD = r"[a-z][a-z0-9&+]*(?:-[a-z0-9&+]+)*"
_NAME = rf"(?P<name>{_WORD}(?: {_WORD}){{0,2}}?)"
_BUYERS = (
    r"(?:buyers?|customers?|clients?|clientes?|acheteurs?|acheteuses?|orders?|commandes?|"
    r"parcels?|colis|shipments?|envois?|ventes?|sales?|destinations?)"
)
_OWNER = r"(?:our|notre|nos|mon|my|le|la|les|the|their|leur|leurs|son|his|her|un|une|a|des)"
_FRAMES = (
    # "apc overnight is our uk courier", "colis xyz c'est notre transporteur"
    re.compile(
        rf"^{_NAME},? (?:is|est|c'est|c est|=) {_OWNER} (?:[a-z-]+ ){{0,2}}"
        r"(?:courier|carrier|transporteur|livreur|shipping company|delivery company)s?\b"
    ),
    # "instabox for our swedish buyers", "gel express pour les acheteurs allemands"
    re.compile(
        rf"^{_NAME},? (?:for|pour|to|vers) (?:{_OWNER} )?(?:{NATIONALITIES} {_BUYERS}\b|"
        rf"{_BUYERS} {NATIONALITIES}\b)"
    ),
    # "gel express allemagne, nom rakuten ?", "ppl tcheque ok ?": a country right after it
    re.compile(rf"^{_NAME} (?:{_COUNTRIES}|{_CODES}|{NATIONALITIES})\s*(?:[,:?(-]|ok\b|$)"),
    # "is whistl ok?", "whistl c'est ok ?": whether it will do
    re.compile(rf"^(?:is|are|est-ce que) {_NAME} (?:ok|okay|fine|accepted|supported|allowed)\b"),
    re.compile(rf"^{_NAME},? (?:c'est |c est |c |is |est )?(?:ok|okay|accepte|supporte)\b"),
    # "instabox lockers - rakuten name??", "venipak, nom rakuten ?": its name on Rakuten
    re.compile(
        rf"^{_NAME}(?: (?:lockers?|relais|relay|points?|pickup points?))?\s*[,:-]?\s*"
        r"(?:(?:the |le )?(?:rakuten name|nom rakuten|rakuten's name)|"
        r"(?:the |le )?(?:name|nom) (?:on|in|for|at|sur|chez|pour|dans) rakuten)\b"
    ),
)

_MIN_FIRST = 3


_COUNTRY = re.compile(rf"{_COUNTRIES}")


def country_word(folded: str) -> bool:
    """Whether a folded word is a buyer country's name ("estonie", "latvia")."""
    return bool(_COUNTRY.fullmatch(folded))


def place_word(folded: str) -> bool:
    """Whether folded text names a buyer country or its people ("swedish", "allemands")."""
    return bool(_PLACE.search(folded))


#: words saying what a carrier is, in a bracket after its name ("la poste marocaine")
_KIND = frozenset(
    {"poste", "postes", "postal", "postale", "transporteur", "carrier", "messagerie",
     "service", "operator", "operateur", "national", "nationale", *GENERIC}
)  # fmt: skip
_ARTICLES = frozenset({"la", "le", "les", "l", "the", "a", "an", "un", "une", "de", "du", "of"})


def carrier_description(folded: str) -> bool:
    """Whether folded words, as in a bracket after a name, say it is a country's carrier
    ("la poste marocaine", "the Moroccan post", "transporteur polonais")."""
    words = [w for w in re.findall(r"[a-z]+", folded) if w not in _ARTICLES]
    places = [w for w in words if place_word(w) or country_word(w)]
    return (
        bool(places) and len(places) < len(words) and all(w in _KIND or w in places for w in words)
    )


def name_like(words: list[str]) -> bool:
    """Whether lower-case words may be a carrier's name: none is an ordinary word, a word of
    the intents, a service, a place or an abbreviation (a carrier's generic word may be,
    though not alone: "posta romana"; after the first word, a country's code may be: "ppl
    cz"), none is goods ("lego sets"), and one of them is no frequent word or a carrier's
    generic word closes them ("fan courier")."""
    from rakuten_assist.support._unregistered_names import NOT_NAMES
    from rakuten_assist.support.intents import known_word

    folded = [fold(word) for word in words]
    if not folded or len(folded[0]) < _MIN_FIRST or (len(folded) == 1 and folded[0] in GENERIC):
        return False
    for i, word in enumerate(folded):
        # a generic word or a country's code goes on a name ("fan courier", "ppl cz")
        if word in GENERIC or (i > 0 and _CODE.fullmatch(word)):
            continue
        if (
            word in NOT_NAMES
            or word in _SERVICE
            or is_common_word(word)
            or known_word(word)
            or place_word(word)
            or language_of_abbreviation(word) is not None
            or not word.replace("-", "").isalnum()
        ):
            return False
    if len(folded) > 1 and goods_word(folded[-1]):
        return False  # goods, not a carrier: "lego sets for our german buyers"
    rare = any(not frequent_word(word) and len(word) >= _MIN_FIRST for word in folded)
    return rare or (len(folded) > 1 and folded[-1] in GENERIC)


def goods_word(folded: str) -> bool:
    """Whether a word after a lower-case name makes it a brand of goods ("lego sets",
    "continental tyres"): the plural of a frequent word, no function word, that no carrier's
    name ends with ("depuis", "tous" are no plurals)."""
    return (
        len(folded) > _MIN_FIRST
        and folded.endswith("s")
        and frequent_word(folded[:-1])
        and not is_common_word(folded)
        and folded not in GENERIC
    )


def framed_name(text: str) -> str | None:
    """The carrier's name a sentence opens with, typed in lower case, where the words after
    it say a carrier is meant, or where a carrier's word closes it ("ceva logistics for
    white goods"); None otherwise. ``text`` is one sentence, as typed."""
    stripped = text.strip()
    folded = fold(stripped)
    if folded != stripped.lower():
        return None  # accents folded away: positions would not match the text as typed
    for frame in _FRAMES:
        found = frame.match(folded)
        if found is None:
            continue
        words = found.group("name").split()
        if name_like(words):
            return stripped[found.start("name") : found.end("name")]
    words = folded.split()[:3]
    for size in range(len(words), 1, -1):
        name = [w.strip(",:?!.") for w in words[:size]]
        if name[-1] in GENERIC and name_like(name):
            typed = re.match(rf"\S+(?:\s+\S+){{{size - 1}}}", stripped)
            return typed.group(0).rstrip(",:?!.") if typed else None
    return None
