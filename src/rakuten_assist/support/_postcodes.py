"""The buyer's postcode in a message, in the forms of the countries Rakuten France serves.

After a postcode word, after its country code ("NL-1012 AB", "B-1050"), after the town in
brackets ("à Liège (4000)"), alone, or shaped like one anywhere; and the country a postcode's
own shape says (PostNL's link needs it).
"""

from __future__ import annotations

import re

from rakuten_assist.support._lang import fold, is_common_word

__all__ = ["find_country", "find_postcode", "postcode_country"]

# Postcodes of the buyer countries Rakuten France serves: five digits (France, Germany,
# Spain, Italy), four (Belgium, Switzerland, Luxembourg, Austria, Denmark), Portugal's
# 1234-567, the Netherlands' 1234 AB and the United Kingdom's SW1A 1AA.
_POSTCODE_SHAPES = (
    r"\d{4}-\d{3}|\d{4}\s?[A-Z]{2}(?![A-Za-z])|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4,5}"
)
_POSTCODE_AFTER = re.compile(
    r"(?i:code\s*postal|postcode|post\s*code|postal\s*code|zip(?:\s*code)?|\bcp|\bplz)"
    r"(?:\s+(?i:du\s+client|de\s+l'acheteur|client|acheteur|buyer'?s?|of\s+the\s+buyer|is|est))?"
    r"\s*[:=]?\s*(" + _POSTCODE_SHAPES + r")(?![\w-])"
)
# After the buyer's town, in brackets ("client à Liège (4000)", "a buyer in Gent, Belgium
# (9000)"): four digits there are a postcode, not a year.
_AFTER_TOWN = re.compile(
    r"(?i:\b(?:à|a|in|en|to|near|at)\s+)[A-ZÀ-Ý][\w'-]+(?:[ -][\w'-]+)?"
    r"(?:,\s*[A-ZÀ-Ý][\w'-]+)?\s*\((\d{4,5})\)"
)
_BARE_POSTCODE = re.compile(r"^\s*(" + _POSTCODE_SHAPES + r")\s*[.!?]?\s*$")
# Anywhere in a message: five digits on their own (not part of a longer number or id).
_FIVE_DIGITS = re.compile(r"(?<![\w.,/-])(\d{5})(?![\w-]|[.,]\d)")
_OTHER_POSTCODES = re.compile(
    r"(?<![\w-])(\d{4}-\d{3}|[1-9]\d{3}\s?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\w-])"
)

# A postcode written with its country in front, as addresses do ("NL-1012 AB", "B-1000",
# "D-10115", "CH 8001"): two-letter codes with a hyphen or a space, one letter with a
# hyphen, each with its own country's shape ("FR 2024" is no French postcode).
_PREFIXED = tuple(
    re.compile(r"(?<![\w-])(?:" + prefix + r")(" + shape + r")(?![\w-])")
    for prefix, shape in (
        (r"NL[- ]?", r"\d{4}\s?[A-Za-z]{2}(?![A-Za-z])|\d{4}"),
        (r"(?:BE|CH|LU|AT)[- ]?|[BLA]-", r"\d{4}"),
        (r"(?:DE|FR|ES|IT)[- ]?|[DFEI]-", r"\d{5}"),
        (r"PT[- ]?|P-", r"\d{4}-\d{3}"),
    )
)
# A Dutch postcode typed in lower case ("1012 ab"), taken when the message speaks of the
# Netherlands or the reply is the postcode alone.
_DUTCH = re.compile(r"(?<![\w-])([1-9]\d{3}\s?[A-Za-z]{2})(?![\w-])")
_DUTCH_BARE = re.compile(r"^\s*([1-9]\d{3}\s?[A-Za-z]{2})\s*[.!?]?\s*$")
_NETHERLANDS = re.compile(
    r"(?i)\b(?:nl|pays[- ]bas|netherlands|nederland|holland|hollande|dutch|neerlandais\w*|"
    r"amsterdam|rotterdam|utrecht|eindhoven|postnl)\b"
)
_LETTERS_AFTER = re.compile(r"(\s?)([A-Za-z]{2})(?![\w-])")


def _with_letters(text: str, found: re.Match[str]) -> str:
    """The postcode found, with the two letters of a Dutch postcode when four digits are
    followed by them ("code postal 1012 ab"), never a word of the sentence ("1050 en")."""
    code = found.group(1)
    if not re.fullmatch(r"\d{4}", code):
        return code
    after = _LETTERS_AFTER.match(text, found.end(1))
    if after is None or is_common_word(after.group(2).lower()):
        return code
    return code + after.group(1) + after.group(2)


def find_postcode(text: str) -> str | None:
    """The buyer's postcode: after a postcode word, after its country code, alone, or
    shaped like one anywhere; a Dutch one in lower case where the Netherlands are named."""
    patterns = [_POSTCODE_AFTER, *_PREFIXED, _AFTER_TOWN, _BARE_POSTCODE, _DUTCH_BARE]
    if _NETHERLANDS.search(text):
        patterns.append(_DUTCH)
    for pattern in (*patterns, _OTHER_POSTCODES, _FIVE_DIGITS):
        found = pattern.search(text)
        if found:
            return _with_letters(text, found).upper()
    return _after_town_unbracketed(text)


# "buyer in Brussels 1050", "client à Genève 1201": four digits right after a town, no
# brackets; never after a month or a day ("in March 2025")
_TOWN_THEN_DIGITS = re.compile(
    r"(?i:\b(?:à|a|in|en|to|near|at|vers)\s+)([A-ZÀ-Ý][\w'-]+)\s+(\d{4})(?![\w,.-]*\d)(?![\w-])"
    # typed in lower case, after the buyer: "client a bruxelles 1050"
    r"|(?i:\b(?:clients?|clientes?|acheteurs?|acheteuses?|buyers?|customers?)\s+"
    r"(?:est\s+|habite\s+|lives\s+|is\s+|based\s+)?(?:à|a|in|en|near)\s+)"
    r"([a-zà-ÿ][\w'-]+)\s+(\d{4})(?![\w,.-]*\d)(?![\w-])"
)


#: months and days: the four digits after them are a year ("in May 2025", "en mars 2024")
_WHEN = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "janvier", "fevrier", "mars", "avril", "mai", "juin",
     "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi",
     "jeudi", "vendredi", "samedi", "dimanche", "spring", "summer", "autumn", "winter",
     "printemps", "ete", "automne", "hiver", "noel", "christmas", "easter", "paques"}
)  # fmt: skip


def _after_town_unbracketed(text: str) -> str | None:
    for found in _TOWN_THEN_DIGITS.finditer(text):
        town = found.group(1) or found.group(3)
        if fold(town) not in _WHEN:
            return found.group(2) or found.group(4)
    return None


#: a postcode's country code as addresses write it -> the ISO code
_PREFIX_COUNTRY = {
    "B": "BE", "L": "LU", "A": "AT", "D": "DE", "F": "FR", "E": "ES", "I": "IT", "P": "PT",
}  # fmt: skip
# The country said as a code after "pays" / "country" ("pays NL", "country: BE").
_COUNTRY_CODE = re.compile(r"(?i:\bpays|\bcountry)\s*:?\s*([A-Z]{2})\b")


def find_country(text: str) -> str | None:
    """The buyer's country the message says: the code in front of a postcode ("B-1050"),
    a code after "pays" / "country" ("pays NL"), or the one country its words name
    ("Belgique"); None when it says none, or several."""
    from rakuten_assist.carriers import registry
    from rakuten_assist.carriers._name_index import name_tokens
    from rakuten_assist.carriers._name_rules import qualifier_of
    from rakuten_assist.carriers.checkdigits import ISO_COUNTRIES

    for pattern in _PREFIXED:
        found = pattern.search(text)
        if found:
            prefix = text[found.start() : found.start(1)].strip(" -").upper()
            return _PREFIX_COUNTRY.get(prefix, prefix)
    code = _COUNTRY_CODE.search(text)
    if code and code.group(1) in ISO_COUNTRIES:
        return code.group(1)
    return qualifier_of(name_tokens(text), registry().names)


def postcode_country(postcode: str | None) -> str | None:
    """The country a postcode's own shape says (Dutch "1012 AB", British "SW1A 1AA",
    Portuguese "1000-001"); None for digits alone, which many countries share."""
    if postcode is None:
        return None
    code = postcode.strip().upper()
    if re.fullmatch(r"[1-9]\d{3}\s?[A-Z]{2}", code):
        return "NL"
    if re.fullmatch(r"\d{4}-\d{3}", code):
        return "PT"
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}", code):
        return "GB"
    return None
