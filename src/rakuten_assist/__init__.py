"""rakuten_assist: support toolkit for Rakuten France order connections.

Light on import: public names are loaded on first use (PEP 562), so ``import rakuten_assist``
pulls in neither pydantic nor pandas, httpx, textual or ipywidgets; the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist._lazy import lazy_exports

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "APIError": "rakuten_assist.errors",
    "ConfigError": "rakuten_assist.errors",
    "RakutenAssistError": "rakuten_assist.errors",
    "UnknownCarrierError": "rakuten_assist.errors",
    "Credentials": "rakuten_assist.config",
    "Settings": "rakuten_assist.config",
    "Address": "rakuten_assist.models",
    "Money": "rakuten_assist.models",
    "OrderLine": "rakuten_assist.models",
    "Sale": "rakuten_assist.models",
    "SaleItem": "rakuten_assist.models",
    "Shipment": "rakuten_assist.models",
}

__all__ = [
    "APIError",
    "Address",
    "ConfigError",
    "Credentials",
    "Money",
    "OrderLine",
    "RakutenAssistError",
    "Sale",
    "SaleItem",
    "Settings",
    "Shipment",
    "UnknownCarrierError",
    "__version__",
]

if TYPE_CHECKING:
    from rakuten_assist.config import Credentials, Settings
    from rakuten_assist.errors import (
        APIError,
        ConfigError,
        RakutenAssistError,
        UnknownCarrierError,
    )
    from rakuten_assist.models import Address, Money, OrderLine, Sale, SaleItem, Shipment


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
