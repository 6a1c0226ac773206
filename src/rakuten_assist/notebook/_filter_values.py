"""The values filter_orders accepts: a value that can never match is an error, not 0 rows."""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from rakuten_assist.errors import InvalidFilterError
from rakuten_assist.i18n import Message

__all__ = [
    "KNOWN_STATUSES",
    "MATCH_STATUSES",
    "SOURCES",
    "checked",
    "wanted_countries",
    "wanted_statuses",
]

#: item statuses seen in Rakuten's answers (reference/rakuten-api.md, "Status vocabularies")
KNOWN_STATUSES = frozenset(
    {"TO_CONFIRM", "REQUESTED", "REMINDED", "ACCEPTED", "ON_HOLD", "CANCELLED", "REFUSED",
     "PENDING_CLAIM", "COMMITTED", "SHIPPED"}
)  # fmt: skip
SOURCES = frozenset({"new", "current"})
MATCH_STATUSES = frozenset({"matched", "empty_sku", "not_in_catalog", "ambiguous", "near_miss"})
# Country names a person types instead of the code (English and French), for the countries
# Rakuten France sells to most; the frame holds ISO alpha-2 codes.
_COUNTRY_NAMES = {
    "france": "FR", "belgium": "BE", "belgique": "BE", "switzerland": "CH", "suisse": "CH",
    "germany": "DE", "allemagne": "DE", "italy": "IT", "italie": "IT", "spain": "ES",
    "espagne": "ES", "luxembourg": "LU", "portugal": "PT", "netherlands": "NL",
    "pays-bas": "NL", "united kingdom": "GB", "royaume-uni": "GB", "uk": "GB",
    "poland": "PL", "pologne": "PL", "austria": "AT", "autriche": "AT",
}  # fmt: skip


def wanted_statuses(frame: pd.DataFrame, statuses: Collection[str]) -> list[str]:
    """Statuses in Rakuten's spelling; one that exists nowhere is an error, not 0 rows."""
    present = set(frame["status"].dropna().astype(str)) if "status" in frame.columns else set()
    wanted = [s.strip().upper() for s in statuses]
    unknown = [
        s for s, w in zip(statuses, wanted, strict=True) if w not in KNOWN_STATUSES | present
    ]
    if unknown:
        raise InvalidFilterError(
            Message(
                "errors.filters.unknown_status",
                {
                    "count": len(unknown),
                    "statuses": str(unknown),
                    "known": ", ".join(sorted(KNOWN_STATUSES)),
                },
            )
        )
    return wanted


def wanted_countries(countries: Collection[str]) -> list[str]:
    """ISO alpha-2 codes; a country name is an error that names its code, not 0 rows."""
    codes, problems = [], []
    for country in countries:
        value = country.strip()
        if len(value) == 2 and value.isalpha():
            codes.append("FR" if value.upper() == "FX" else value.upper())
            continue
        code = _COUNTRY_NAMES.get(value.casefold())
        # "'France' → 'FR'": the code to use, in no particular language.
        problems.append(f"{country!r} → {code!r}" if code else repr(country))
    if problems:
        raise InvalidFilterError(
            Message("errors.filters.country_names", {"names": ", ".join(problems)})
        )
    return codes


def checked(values: Collection[str], allowed: frozenset[str], msg_id: str) -> list[str]:
    """``values`` when each is ``allowed``; else the error ``msg_id`` naming the others."""
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise InvalidFilterError(
            Message(
                msg_id,
                {
                    "count": len(unknown),
                    "values": str(unknown),
                    "allowed": ", ".join(sorted(allowed)),
                },
            )
        )
    return list(values)
