"""rakuten_assist: support toolkit for Rakuten France order connections.

Light on import: no pandas, httpx, textual or ipywidgets are loaded here; the heavier
layers (``rakuten_assist.api``, ``.frames``, ``.sku``, ``.tui``, ``.notebook``) are imported
by name when needed.
"""

from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import (
    APIError,
    ConfigError,
    RakutenAssistError,
    UnknownCarrierError,
)
from rakuten_assist.models import Address, Money, OrderLine, Sale, SaleItem, Shipment

__version__ = "0.1.0"

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
