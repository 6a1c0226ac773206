"""Shipment pre-flight: exactly what would be sent to Rakuten, or every reason it would refuse.

Pure: the caller supplies the item's status (from getiteminfos or the open orders); nothing
here talks to Rakuten. ``plan_shipment`` never stops at the first problem, so the merchant
can fix everything in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rakuten_assist.carriers.loader import registry
from rakuten_assist.carriers.lookup import alternatives_for, find_carrier, resolve_carrier
from rakuten_assist.carriers.numbers import NumberCheck, normalise_number, validate_number
from rakuten_assist.carriers.types import Carrier, Registry
from rakuten_assist.carriers.urls import build_tracking_url
from rakuten_assist.errors import (
    MissingCarrierInputError,
    ShipmentRefusedError,
    TrackingNumberError,
    UnknownCarrierError,
)
from rakuten_assist.models import ACCEPTABLE_STATUSES, Shipment

__all__ = ["SHIPPABLE_STATUSES", "ShipmentPlan", "plan_shipment", "status_reason"]

#: item statuses Rakuten lets a seller confirm the shipment of (accepted, possibly on hold)
SHIPPABLE_STATUSES = frozenset({"ACCEPTED", "ON_HOLD"})


@dataclass(frozen=True)
class ShipmentPlan:
    """The outcome of the pre-flight for one item.

    Attributes:
        ok: True when Rakuten should accept ``shipment`` as it is.
        shipment: what would be sent (None when refused).
        reasons: every reason Rakuten would refuse it, each a sentence with its fix.
        warnings: things to double-check that do not block the shipment.
    """

    item_id: str
    item_status: str | None
    ok: bool
    shipment: Shipment | None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    carrier: Carrier | None = None
    rakuten_name: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None

    def raise_if_refused(self) -> Shipment:
        """The shipment to send.

        Raises:
            ShipmentRefusedError: the plan has reasons for refusal (all of them attached).
        """
        if self.shipment is None or not self.ok:
            raise ShipmentRefusedError(self.reasons)
        return self.shipment

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view (``ship --json``)."""
        return {
            "item_id": self.item_id,
            "item_status": self.item_status,
            "ok": self.ok,
            "carrier": self.carrier.id if self.carrier else None,
            "transporter_name": self.rakuten_name,
            "tracking_number": self.tracking_number,
            "tracking_url": self.tracking_url,
            "purchase_id": self.shipment.purchase_id if self.shipment else None,
            "reasons": list(self.reasons),
            "warnings": list(self.warnings),
        }


def status_reason(item_id: str, status: str | None) -> tuple[str | None, str | None]:
    """(reason Rakuten would refuse, warning) for the item's status; both None when fine."""
    if status is None:
        return None, (
            f"The status of item {item_id} is unknown, so acceptance was not checked; Rakuten "
            "refuses tracking for an item that is not accepted."
        )
    code = status.strip().upper()
    if code in SHIPPABLE_STATUSES:
        if code == "ON_HOLD":
            return None, f"Item {item_id} is on hold (a claim is open): check it before shipping."
        return None, None
    if code in ACCEPTABLE_STATUSES:
        return (
            f"Item {item_id} is not accepted yet (status {code}): accept the sale first "
            "(Rakuten refuses tracking before acceptance), then confirm the shipment.",
            None,
        )
    if code in {"CANCELLED", "REFUSED"}:
        return (
            f"Item {item_id} was {code.lower()}: do not ship it (nothing can be confirmed).",
            None,
        )
    if code == "SHIPPED":
        return (
            f"Item {item_id} is already confirmed as shipped (status {code}): nothing to send.",
            None,
        )
    if code == "COMMITTED":
        # Rakuten documents COMMITTED only as the log code ITEM_COMMITTED: the sale accepted.
        return None, (
            f"Item {item_id} has status COMMITTED, which Rakuten documents only as the log "
            "ITEM_COMMITTED (sale accepted): treated as accepted."
        )
    return (
        f"Item {item_id} has status {code}, which does not allow a shipment confirmation: "
        "check the order in Rakuten first.",
        None,
    )


def plan_shipment(
    item_id: str,
    carrier: Carrier | str,
    number: str,
    *,
    item_status: str | None,
    postcode: str | None = None,
    country: str | None = None,
    purchase_id: str | None = None,
    lang: str | None = None,
    registry_: Registry | None = None,
) -> ShipmentPlan:
    """Check one shipment before it is sent and build exactly what Rakuten will receive.

    Args:
        item_id: the Rakuten item (one unit) being shipped.
        carrier: the carrier, or its name as the merchant types it.
        number: the tracking number as printed (spaces and dashes are fine).
        item_status: the item's status from getiteminfos or the open orders; None if unknown.
        postcode: the buyer's delivery postcode (some carriers' links need it).
        country: the delivery country, ISO alpha-2 (PostNL needs it).
        purchase_id: the purchase, needed for batch uploads.

    Returns:
        A plan with ``ok``, the ``shipment`` (transporter_name, tracking_number,
        tracking_url) and every reason for refusal.
    """
    reg = registry_ or registry()
    reasons: list[str] = []
    warnings: list[str] = []
    item = str(item_id).strip()
    if not item:
        reasons.append("The item id is empty: give the Rakuten item id (one per unit).")

    refusal, warning = status_reason(item or "?", item_status)
    if refusal:
        reasons.append(refusal)
    if warning:
        warnings.append(warning)

    found: Carrier | None = None
    rakuten_name: str | None = None
    settled: NumberCheck | None = None
    try:
        found, rakuten_name, settled = _resolve_once(carrier, number, reg)
    except (UnknownCarrierError, TrackingNumberError) as exc:
        reasons.append(f"{exc.message} {exc.fix}")

    value: str | None = None
    try:
        value = normalise_number(number)
    except TrackingNumberError as exc:
        reasons.append(f"{exc.message} {exc.fix}")

    url: str | None = None
    if found is not None and not found.has_url:
        others = ", ".join(c.name for c in alternatives_for(found, reg))
        reasons.append(
            f"{found.name} has no public tracking page ({found.reason('en')}) and Rakuten "
            f"refuses a shipment without a tracking link: ship with a supported carrier"
            + (f" ({others})." if others else ".")
        )
    elif found is not None and value is not None:
        # Validated once: the lookup's check is reused when the number settled the name.
        check = settled if settled is not None else validate_number(found, value)
        if not check.valid:
            reasons.append(
                f"{check.reason} Copy the {found.name} number again from the label, or check "
                "the carrier."
            )
        else:
            value = check.url_number
            if not found.formats:
                warnings.append(check.reason)
            try:
                url = build_tracking_url(found, check.url_number, postcode, country, lang)
            except (MissingCarrierInputError, TrackingNumberError) as exc:
                reasons.append(f"{exc.message} {exc.fix}")
    if rakuten_name == "Autre" and found is not None and found.has_url:
        warnings.append(
            f"Rakuten does not list {found.name}: it is sent as 'Autre' with the tracking URL."
        )

    shipment: Shipment | None = None
    if not reasons and found is not None and value is not None and url is not None:
        shipment = Shipment(
            item_id=item,
            purchase_id=purchase_id or None,
            transporter_name=rakuten_name or found.rakuten_name,
            tracking_number=value,
            tracking_url=url,
        )
    return ShipmentPlan(
        item_id=item,
        item_status=item_status,
        ok=shipment is not None,
        shipment=shipment,
        reasons=reasons,
        warnings=warnings,
        carrier=found,
        rakuten_name=rakuten_name,
        tracking_number=value,
        tracking_url=url,
    )


def _resolve_once(
    carrier: Carrier | str, number: str, reg: Registry
) -> tuple[Carrier, str, NumberCheck | None]:
    """The carrier, its Rakuten name, and the number's check when the number settled it.

    Raises:
        UnknownCarrierError: unknown or still ambiguous name (see ``resolve_carrier``).
    """
    if isinstance(carrier, str):
        match = find_carrier(carrier, reg, number=number)
        if match.carrier is not None:
            name = match.rakuten_name or match.carrier.rakuten_name
            return match.carrier, name, match.name.number_check if match.name else None
    found, rakuten_name = resolve_carrier(carrier, number, reg)
    return found, rakuten_name, None
