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
| ``names`` | the one name lookup: a typed name, or the carriers named in a message |
| ``lookup`` | one carrier from a name, for code that needs one (built on ``names``) |
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
        "Evidence",
        "NameWords",
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
        "FollowUp",
        "Mistyped",
        "NumberCheck",
        "NumberEvidence",
        "detect_carrier",
        "follow_up",
        "mistyped_carriers",
        "normalise_number",
        "normalise_postcode",
        "validate_number",
    ),
    "names": ("Mention", "NameMatch", "find_mentions", "resolve_name", "split_carrier_list"),
    "lookup": ("CarrierMatch", "alternatives_for", "find_carrier", "resolve_carrier"),
    "urls": ("TrackedLink", "build_tracking_url", "tracked_link", "tracking_url"),
    "check": ("CarrierCheck", "check_carrier", "evidence_sentence"),
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
    "Evidence",
    "FollowUp",
    "Mention",
    "Mistyped",
    "NameMatch",
    "NameWords",
    "NumberCheck",
    "NumberEvidence",
    "NumberFormat",
    "RakutenAlternate",
    "Registry",
    "Samples",
    "ShipmentPlan",
    "TrackedLink",
    "alternatives_for",
    "build_tracking_url",
    "check_carrier",
    "detect_carrier",
    "evidence_sentence",
    "find_carrier",
    "find_mentions",
    "follow_up",
    "load_registry",
    "mistyped_carriers",
    "normalise_name",
    "normalise_number",
    "normalise_postcode",
    "normalise_words",
    "parse_registry",
    "plan_shipment",
    "registry",
    "registry_path",
    "resolve_carrier",
    "resolve_name",
    "split_carrier_list",
    "status_reason",
    "tracked_link",
    "tracking_url",
    "validate_number",
]

if TYPE_CHECKING:
    from rakuten_assist.carriers.check import CarrierCheck, check_carrier, evidence_sentence
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
    from rakuten_assist.carriers.names import (
        Mention,
        NameMatch,
        find_mentions,
        resolve_name,
        split_carrier_list,
    )
    from rakuten_assist.carriers.numbers import (
        Candidate,
        FollowUp,
        Mistyped,
        NumberCheck,
        NumberEvidence,
        detect_carrier,
        follow_up,
        mistyped_carriers,
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
        Evidence,
        NameWords,
        NumberFormat,
        RakutenAlternate,
        Registry,
        Samples,
        normalise_name,
        normalise_words,
    )
    from rakuten_assist.carriers.urls import (
        TrackedLink,
        build_tracking_url,
        tracked_link,
        tracking_url,
    )

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
