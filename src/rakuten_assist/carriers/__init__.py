"""Carriers: the registry (carriers.json), check digits, numbers, the name lookup, tracking URLs,
the "is my carrier supported?" check and the shipment plan. Pure: no network, no UI.

Public names load their module on first use (PEP 562): ``carriers check`` must start fast, and
the shipment plan alone needs pydantic.

| module | holds |
|---|---|
| ``types`` | the frozen types of the registry (no loading) |
| ``schema`` | the strict checks of carriers.json |
| ``loader`` | finding and loading carriers.json |
| ``checkdigits`` | the check-digit algorithms |
| ``numbers`` | normalising, validating and detecting tracking numbers |
| ``lookup`` | finding a carrier by the name a person types |
| ``urls`` | building a tracking URL |
| ``check`` | the answer to "is my carrier supported?" |
| ``shipment`` | the pre-flight plan of a shipment confirmation |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist._lazy import lazy_exports

_MODULES = {
    "types": (
        "INPUTS",
        "PLACEHOLDERS",
        "Carrier",
        "Confidence",
        "NumberFormat",
        "RakutenAlternate",
        "Registry",
        "Samples",
        "normalise_name",
        "normalise_words",
    ),
    "loader": ("load_registry", "parse_registry", "registry", "registry_path"),
    "numbers": (
        "Candidate",
        "NumberCheck",
        "detect_carrier",
        "normalise_number",
        "normalise_postcode",
        "validate_number",
    ),
    "lookup": ("CarrierMatch", "alternatives_for", "find_carrier", "resolve_carrier"),
    "urls": ("build_tracking_url", "tracking_url"),
    "check": ("CarrierCheck", "check_carrier"),
    "shipment": ("SHIPPABLE_STATUSES", "ShipmentPlan", "plan_shipment", "status_reason"),
}
_EXPORTS = {name: f"{__name__}.{module}" for module, names in _MODULES.items() for name in names}

__all__ = [
    "INPUTS",
    "PLACEHOLDERS",
    "SHIPPABLE_STATUSES",
    "Candidate",
    "Carrier",
    "CarrierCheck",
    "CarrierMatch",
    "Confidence",
    "NumberCheck",
    "NumberFormat",
    "RakutenAlternate",
    "Registry",
    "Samples",
    "ShipmentPlan",
    "alternatives_for",
    "build_tracking_url",
    "check_carrier",
    "detect_carrier",
    "find_carrier",
    "load_registry",
    "normalise_name",
    "normalise_number",
    "normalise_postcode",
    "normalise_words",
    "parse_registry",
    "plan_shipment",
    "registry",
    "registry_path",
    "resolve_carrier",
    "status_reason",
    "tracking_url",
    "validate_number",
]

if TYPE_CHECKING:
    from rakuten_assist.carriers.check import CarrierCheck, check_carrier
    from rakuten_assist.carriers.loader import (
        load_registry,
        parse_registry,
        registry,
        registry_path,
    )
    from rakuten_assist.carriers.lookup import (
        CarrierMatch,
        alternatives_for,
        find_carrier,
        resolve_carrier,
    )
    from rakuten_assist.carriers.numbers import (
        Candidate,
        NumberCheck,
        detect_carrier,
        normalise_number,
        normalise_postcode,
        validate_number,
    )
    from rakuten_assist.carriers.shipment import (
        SHIPPABLE_STATUSES,
        ShipmentPlan,
        plan_shipment,
        status_reason,
    )
    from rakuten_assist.carriers.types import (
        INPUTS,
        PLACEHOLDERS,
        Carrier,
        Confidence,
        NumberFormat,
        RakutenAlternate,
        Registry,
        Samples,
        normalise_name,
        normalise_words,
    )
    from rakuten_assist.carriers.urls import build_tracking_url, tracking_url

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
