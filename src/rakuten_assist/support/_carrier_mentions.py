"""The registered carriers a question names, and which of them it asks about.

Carrier names come only from the carriers package's one name lookup (``find_mentions``), so
the support engine never disagrees with ``carriers check``: a capitalised word is a carrier
only when that lookup says so, and platforms and marketplaces are named as what they are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rakuten_assist.support._entity_types import CarrierMention
from rakuten_assist.support._framed_names import goods_word
from rakuten_assist.support._lang import fold, frequent_word, is_common_word

if TYPE_CHECKING:
    from rakuten_assist.carriers import Mention

__all__ = [
    "find_carriers",
    "find_non_carriers",
    "ordinary_use",
    "switched_to_first",
    "without_company_names",
    "without_negated",
]


def find_carriers(text: str, number: str | None = None) -> list[CarrierMention]:
    """Every registry carrier named in ``text``, in order of appearance, each once.

    The carriers package's one name lookup finds them (``find_mentions``), with the
    message's ordinary words never taken for a typo; a name that can mean several carriers
    ("DPD") comes with its candidates, settled by ``number`` when exactly one accepts it.
    Platforms and marketplaces are not carriers: see :func:`find_non_carriers`.
    """
    mentions: list[CarrierMention] = []
    for found in _mentions(text, number):
        if ordinary_use(text, found.start, found.end):
            continue
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


# A carrier's name that is also an ordinary word, used as one (folded words around it):
# goods or a shop after it ("continental tyres shop", "hermes scarves"), a shop's name
# ("la boutique s'appelle bluecare"), a verb ("can the tool predict how many orders").
# or a shop introduced by name ("our shop is Blue Care Pharmacy", "la boutique : Hermes Déco")
_NAMED_AS = re.compile(
    r"(?:s'appelle|s appelle|called|named|nommee?|appelee?|"
    r"\b(?:shop|boutique|store|magasin|brand|marque)(?: name| nom)?"
    r"(?: is| est| =| :|:))\s*$"
)
_SHOP_WORDS = frozenset({"shop", "boutique", "store", "magasin", "brand", "marque"})
#: what a carrier carries or sells: after a carrier's name, these are never goods
_SHIPPING_PLURALS = frozenset(
    {"orders", "parcels", "packages", "shipments", "labels", "numbers", "deliveries",
     "commandes", "colis", "envois", "etiquettes", "numeros", "livraisons", "points",
     "lockers", "relays", "relais", "services", "accounts", "rates", "prices", "tarifs",
     "links", "liens", "pickups", "drivers", "returns", "retours", "days", "jours", "hours",
     "heures", "customers", "clients", "sales", "ventes", "items", "articles", "options"}
)  # fmt: skip
_VERB_SUBJECTS = frozenset(
    {"can", "could", "will", "would", "should", "to", "tool", "outil", "module", "connector",
     "connecteur", "app", "software", "it", "we", "you", "they", "peut", "peux", "pouvez",
     "va", "pour"}
)  # fmt: skip
_CLAUSE_WORDS = frozenset(
    {"how", "what", "when", "which", "if", "whether", "the", "our", "your", "my",
     "comment", "combien", "si", "quand", "les", "le", "la", "nos", "vos", "mes"}
)  # fmt: skip


#: "est recommandé de", "is recommended to": a word said of something, then what to do
_COPULAS = frozenset(
    {"est", "sont", "serait", "etait", "is", "are", "was", "tres", "very", "fortement",
     "strongly", "highly", "vivement"}
)  # fmt: skip
_THEN_CLAUSE = frozenset({"de", "to", "que", "that"})
#: after a verb opening a sentence ("Bring me up to date"): whom it is asked of
_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "them", "moi", "nous", "lui", "leur"})


def ordinary_use(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is used as an ordinary word or a shop's name,
    not as a carrier's."""
    if _NAMED_AS.search(fold(text[:start])):
        return True
    name = text[start:end]
    folded = fold(name)
    if " " in folded or not frequent_word(folded) or name.isupper():
        return False
    before = re.findall(r"[\w']+", fold(text[:start]))[-1:]
    after = [
        w[:2] if w.startswith("d'") else w for w in re.findall(r"[\w']+", fold(text[end:]))[:1]
    ]
    if after and (
        after[0] in _SHOP_WORDS or (goods_word(after[0]) and after[0] not in _SHIPPING_PLURALS)
    ):
        return True
    opens = not before or bool(re.search(r"[.!?:\n]\s*$", text[:start]))
    if opens and after and after[0] in _OBJECT_PRONOUNS:
        return True  # an order opening a sentence: "Bring me up to date: is DHL ok?"
    if before and after and before[0] in _COPULAS and after[0] in _THEN_CLAUSE | {"d'"}:
        return True  # "il est recommandé de passer en compte pro": advice, no registered mail
    return (
        name.islower()
        and bool(before and after)
        and before[0] in _VERB_SUBJECTS
        and after[0] in _CLAUSE_WORDS
    )


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


# A carrier said not to be the one ("c'est Colissimo, pas Chronopost", "UPS, not DHL"): the
# words before its name
_NEGATED_BEFORE = (
    r"(?:\bpas|\bnot|\bnon|\bni|\binstead\s+of|\bau\s+lieu\s+de|\bplutot\s+que|"
    r"\brather\s+than)\s+(?:(?:de|du|le|la|by|with|avec|en|par|the)\s+)?"
    # "not the regular Correos post office": a plain word before the name
    r"(?:(?:regular|usual|normal|standard|classic|plain|classique|habituel|habituelle|"
    r"normale?|simple)\s+)?"
)


def switched_to_first(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
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


def without_negated(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
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
    r"(?:[A-ZÀ-Ý][\w'&-]*\s+){0,2}"
    # typed in lower case ("m. bartolini"): the name right after the title, or one word on
    r"|(?<![\w.])(?:m\.|mme\.?|mlle\.?|mr\.|mrs\.?|dr\.|monsieur|madame|mademoiselle)\s+"
    r"(?:[a-zà-ÿ][\w'&-]*\s+)?)"
)


def without_company_names(text: str, carriers: list[CarrierMention]) -> list[CarrierMention]:
    """The carriers named, without the words of a company's own name ("je suis le comptable
    de la SARL Ateliers Ducros" names no Relais Colis parcel)."""
    return [
        mention
        for mention in carriers
        if not re.search(_COMPANY_BEFORE + "(?i:" + re.escape(mention.text) + r")\b", text)
    ]
