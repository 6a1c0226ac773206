"""Country codes as Rakuten sends them, made ISO: no pandas, so the store can use them."""

from __future__ import annotations

__all__ = ["country_code"]

# Rakuten's FX (metropolitan France, a withdrawn ISO code) and the common UK slip.
COUNTRY_ALIASES = {"FX": "FR", "UK": "GB"}


def country_code(raw: str | None) -> str | None:
    """ISO alpha-2 code for what Rakuten sent (``FX`` becomes ``FR``), or None when absent."""
    if not raw or not raw.strip():
        return None
    code = raw.strip().upper()
    return COUNTRY_ALIASES.get(code, code)
