"""What a question names: carriers (typos included), tracking numbers, ids, postcodes, errors.

``extract_entities`` gathers them; each kind is found by its own module (``_carrier_mentions``,
``_unregistered_names``, ``_tracking_numbers``, ``_item_statuses``, ``_postcodes``).
"""

from __future__ import annotations

import re

from rakuten_assist.support._carrier_mentions import (
    find_carriers,
    find_non_carriers,
    switched_to_first,
    without_company_names,
    without_negated,
)
from rakuten_assist.support._entity_types import Entities
from rakuten_assist.support._grouped_numbers import spaced_numbers
from rakuten_assist.support._item_statuses import named_statuses, without_statuses
from rakuten_assist.support._lang import fold
from rakuten_assist.support._postcodes import find_country, find_postcode
from rakuten_assist.support._tracking_numbers import (
    id_words_mended,
    named_carriers_codes,
    named_carriers_number,
    tracking_numbers,
)
from rakuten_assist.support._unregistered_names import (
    named_subject,
    names_beside_carriers,
    unknown_carrier_names,
    without_lead,
)
from rakuten_assist.support.errors_catalogue import (
    ErrorMatch,
    error_code_in,
    explain_error,
    extract_ids,
    normalise_error_text,
)

__all__ = ["HOW_TRACKING", "extract_entities", "said_in_own_words"]
# The look-behind starts an address only where its run starts: without it, a long paste with
# no "@" is rescanned from every position (quadratic time).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:'[^'\n]{2,60}'|\"[^\"\n]{2,60}\"|«[^»\n]{1,60}»)(?=[\s.,;:!?)]|$)"
)
_CARRIER_CONTEXT = re.compile(
    r"\b(transporteurs?|transporters?|carriers?|livreurs?|messageries?|courier|coursiers?|"
    r"supporte[es]?|"
    r"supported|support|accepte[es]?|accepted|accept|acceptez|prenez|take|takes|compatible|"
    r"ca passe|expedi\w*|ship\w*|envoy\w*|livr\w*|deliver\w*|declar\w*|"
    # "X c'est géré ?", "is X fine for Dutch orders?": whether a name will do
    r"gere[esz]?|pris en charge|handled|(?:ok|okay|fine|good|bon) (?:for|pour))\b"
)
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


#: the envelope's general message above the detail Rakuten's errors pasted whole carry
#: ("Problem with parameters. The parameter 'itemid' is invalid."): Rakuten's words too
_ENVELOPE_WORDS = ("Problem with parameters", "Please contact support")


# Labels of Rakuten's (French) seller interface and feed tool that people quote as they are,
# in any language: they say nothing about the language of the person's own words.
_UI_LABELS = re.compile(
    r"(?i)mon\s+compte\s*>\s*mes\s+informations\s+d[ée]veloppeur|"
    r"mes\s+informations\s+d[ée]veloppeur|my\s+developer\s+information|"
    r"mon\s+compte|\bfinaliser\b|statut\s+incorrect"
)


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


def _proven(number: str) -> bool:
    from rakuten_assist.support._number_talk import proven_by

    return proven_by(number) is not None


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
        entities.statuses = named_statuses(text)
    ids = extract_ids(id_words_mended(text))
    entities.item_id = ids.get("item_id")
    entities.purchase_id = ids.get("purchase_id")
    grouped, unspaced = spaced_numbers(text)
    entities.postcode = find_postcode(unspaced)
    entities.country = find_country(unspaced)
    found, entities.secret_pasted = tracking_numbers(id_words_mended(unspaced), entities.emails)
    found = [(n, False) for n in grouped] + [(n, i) for n, i in found if n not in grouped]
    found = [(n, id_shaped) for n, id_shaped in found if n != entities.postcode]
    plain = [n for n, id_shaped in found if not id_shaped]
    entities.numbers = plain
    entities.carriers = find_carriers(text, plain[0] if plain else None)
    held = [n for n, id_shaped in found if id_shaped]
    if held and entities.carriers:
        named = [n for n in held if named_carriers_number(n, entities.carriers)]
        if named:
            # A number in the message always wins over a remembered one; drop it as an id.
            entities.numbers = [n for n, _ in found if n in plain or n in named]
            entities.carriers = find_carriers(text, entities.numbers[0])
            if entities.purchase_id in named:
                entities.purchase_id = None
            if entities.item_id in named:
                entities.item_id = None
    entities.carriers = switched_to_first(
        text, without_negated(text, without_company_names(text, entities.carriers))
    )
    if entities.carriers and not entities.numbers:
        # A short code a named carrier's own formats take ("GLS France ... 00KX48TZ") is its
        # number, though it has too few digits to be taken alone.
        entities.numbers = named_carriers_codes(unspaced, entities.carriers)
    entities.own_delivery = bool(_OWN_DELIVERY.search(fold(text)))
    others = find_non_carriers(text)
    residue = fold(entities.residue)
    entities.shipping_talk = bool(_CARRIER_CONTEXT.search(residue) or HOW_TRACKING.search(residue))
    entities.platforms = others["platform"]
    entities.marketplaces = others["marketplace"]
    # A name the registry does not know is only taken for a carrier when the message speaks
    # of carriers; pasted error text and quotes are never names.
    unnamed = (
        not entities.carriers
        and not entities.platforms
        and not entities.marketplaces
        and entities.error is None
        and entities.error_code is None
    )
    nothing_named = unnamed and not entities.numbers
    # names are read after a label or a reported question's lead ("Ticket du jour :")
    named_part = without_lead(entities.residue)
    if nothing_named and entities.shipping_talk:
        # a status is no name ("ACCEPTED but no tracking yet"): read without them
        entities.unknown_carriers = unknown_carrier_names(
            without_statuses(named_part, entities.statuses)
        )
    # a number no check digit proves leaves the name opening the message its carrier
    # ("omniva depuis tallinn c ok ? numero CE660173486EE"): a number is talk of parcels
    unproven = unnamed and bool(entities.numbers) and not any(_proven(n) for n in entities.numbers)
    if (nothing_named or unproven) and (
        opening := named_subject(
            without_statuses(named_part, entities.statuses),
            entities.shipping_talk or unproven,
        )
    ) is not None:
        entities.named_first = True
        if opening not in entities.unknown_carriers:
            entities.unknown_carriers.insert(0, opening)
    if entities.carriers and entities.error is None and not entities.unknown_carriers:
        # "Colissimo et Zorglub Express, ça passe ?": a name beside a registered carrier is
        # another carrier asked about, said unknown, never silently dropped
        entities.unknown_carriers = names_beside_carriers(named_part, entities)
    # a part of a longer name found too is that name ("GEL" of "GEL Express")
    # (two capitals alone are a country's code, "le code pays FX", no carrier's name)
    names = [n for n in entities.unknown_carriers if not (len(n) <= 2 and n.isupper())]
    entities.unknown_carriers = [
        n for n in names if not any(n != m and f" {n} " in f" {m} " for m in names)
    ]
    return entities
