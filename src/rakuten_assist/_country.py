"""Country codes as Rakuten sends them, made ISO, and their names in the reader's language.

No pandas here, so the store can use them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["country_code", "country_name"]

# Rakuten's FX (metropolitan France, a withdrawn ISO code) and the common UK slip.
COUNTRY_ALIASES = {"FX": "FR", "UK": "GB"}


def country_code(raw: str | None) -> str | None:
    """ISO alpha-2 code for what Rakuten sent (``FX`` becomes ``FR``), or None when absent."""
    if not raw or not raw.strip():
        return None
    code = raw.strip().upper()
    return COUNTRY_ALIASES.get(code, code)


def country_name(code: str | None, lang: str, fallback: str | None = None) -> str | None:
    """The name of the country ``code`` in ``lang`` ("DE", "fr" -> "Allemagne").

    Names come from the Unicode CLDR (through Babel), so every language the catalogues gain
    has its country names without a file of ours. ``fallback`` (Rakuten's own name) is
    returned for a code CLDR does not know, and None when there is neither.
    """
    if not code:
        return fallback
    return _territories(lang).get(code) or fallback


@cache
def _territories(lang: str) -> Mapping[str, str]:
    """CLDR's country names in ``lang``; English ones for a language CLDR does not have."""
    # Imported here: Babel's locale data costs a tenth of a second, paid by frames only.
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return dict(locale.territories)
