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
from rakuten_assist.carriers.words import carrier_name, carrier_names
from rakuten_assist.errors import (
    MissingCarrierInputError,
    RakutenAssistError,
    ShipmentRefusedError,
    TrackingNumberError,
    UnknownCarrierError,
    cause_of,
    fix_of,
)
from rakuten_assist.i18n import DEFAULT_LANG, Message, Texts
from rakuten_assist.models import ACCEPTABLE_STATUSES, Shipment, status_said

__all__ = ["SHIPPABLE_STATUSES", "ShipmentPlan", "plan_shipment", "status_reason"]

#: item statuses Rakuten lets a seller confirm the shipment of (accepted, possibly on hold)
SHIPPABLE_STATUSES = frozenset({"ACCEPTED", "ON_HOLD"})


@dataclass(frozen=True)
class ShipmentPlan:
    """The outcome of the pre-flight for one item.

    Attributes:
        ok: True when Rakuten should accept ``shipment`` as it is.
        shipment: what would be sent (None when refused).
        reasons: every reason Rakuten would refuse it, each a message with its fix
            (``reason_texts(lang)`` says them).
        warnings: things to double-check that do not block the shipment, as messages.
    """

    item_id: str
    item_status: str | None
    ok: bool
    shipment: Shipment | None
    reasons: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
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

    def reason_texts(self, lang: str = DEFAULT_LANG) -> list[str]:
        """Every reason for refusal, in ``lang``."""
        return [reason.render(lang) for reason in self.reasons]

    def warning_texts(self, lang: str = DEFAULT_LANG) -> list[str]:
        """Every warning, in ``lang``."""
        return [warning.render(lang) for warning in self.warnings]

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """JSON-ready view (``ship --json``), its reasons and warnings in ``lang``."""
        return {
            "item_id": self.item_id,
            "item_status": self.item_status,
            "ok": self.ok,
            "carrier": self.carrier.id if self.carrier else None,
            "transporter_name": self.rakuten_name,
            "tracking_number": self.tracking_number,
            "tracking_url": self.tracking_url,
            "purchase_id": self.shipment.purchase_id if self.shipment else None,
            "reasons": self.reason_texts(lang),
            "warnings": self.warning_texts(lang),
        }


def _said(key: str, **params: Any) -> Message:
    return Message(f"carriers.shipment.{key}", params)


def _error_reason(exc: RakutenAssistError) -> Message:
    """An error as one reason: what is wrong, then its fix, both in the reader's language."""
    return _said("error", message=cause_of(exc), fix=fix_of(exc))


def status_reason(item_id: str, status: str | None) -> tuple[Message | None, Message | None]:
    """(reason Rakuten would refuse, warning) for the item's status; both None when fine."""
    if status is None:
        return None, _said("status_unknown", item=item_id)
    code = status.strip().upper()
    if code in SHIPPABLE_STATUSES:
        if code == "ON_HOLD":
            return None, _said("on_hold", item=item_id)
        return None, None
    if code in ACCEPTABLE_STATUSES:
        return _said("not_accepted", item=item_id, status=status_said(code)), None
    if code in {"CANCELLED", "REFUSED"}:
        return _said(f"{code.lower()}", item=item_id), None
    if code == "SHIPPED":
        return _said("shipped", item=item_id, status=status_said(code)), None
    if code == "COMMITTED":
        # Rakuten documents COMMITTED only as the log code ITEM_COMMITTED: the sale accepted.
        return None, _said("committed", item=item_id)
    return _said("other_status", item=item_id, status=status_said(code)), None


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
    reasons: list[Message] = []
    warnings: list[Message] = []
    item = str(item_id).strip()
    if not item:
        reasons.append(_said("item_empty"))

    refusal, warning = status_reason(item or "?", item_status)
    if refusal:
        reasons.append(refusal)
    if warning:
        warnings.append(warning)

    found: Carrier | None = None
    rakuten_name: str | None = None
    settled: NumberCheck | None = None
    if isinstance(carrier, str) and not carrier.strip():
        # An empty cell of a batch is no unknown carrier named "": say which cell is empty.
        reasons.append(_said("carrier_empty"))
    else:
        try:
            found, rakuten_name, settled, understood = _resolve_once(carrier, number, reg)
            if understood is not None:
                warnings.append(understood)
        except (UnknownCarrierError, TrackingNumberError) as exc:
            reasons.append(_error_reason(exc))

    value: str | None = None
    try:
        value = normalise_number(number)
    except TrackingNumberError as exc:
        reasons.append(_error_reason(exc))

    url: str | None = None
    if found is not None and not found.has_url:
        others = alternatives_for(found, reg)
        reasons.append(
            _said(
                "no_page" if others else "no_page_none",
                name=carrier_name(found),
                why=Texts(found.no_url_reasons or {}),
                others=carrier_names(others),
            )
        )
    elif found is not None and value is not None:
        # Validated once: the lookup's check is reused when the number settled the name.
        check = settled if settled is not None else validate_number(found, value)
        if not check.valid:
            reasons.append(
                _said("number_invalid", reason=_number_reason(check), name=carrier_name(found))
            )
        else:
            value = check.url_number
            if not found.formats:
                warnings.append(_number_reason(check))
            try:
                url = build_tracking_url(found, check.url_number, postcode, country, lang)
            except (MissingCarrierInputError, TrackingNumberError) as exc:
                reasons.append(_error_reason(exc))
    if rakuten_name == "Autre" and found is not None and found.has_url:
        warnings.append(Message("carriers.check.autre", {"name": carrier_name(found)}))

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


def _number_reason(check: NumberCheck) -> Message:
    if check.message is not None:
        return check.message
    return _said("text", text=check.reason)  # pragma: no cover - every check has its message


def _resolve_once(
    carrier: Carrier | str, number: str, reg: Registry
) -> tuple[Carrier, str, NumberCheck | None, Message | None]:
    """The carrier, its Rakuten name, the number's check when the number settled it, and the
    note to show when a mistyped name was read as the carrier ("Colisimo" as Colissimo).

    Raises:
        UnknownCarrierError: unknown or still ambiguous name (see ``resolve_carrier``).
    """
    if isinstance(carrier, str):
        match = find_carrier(carrier, reg, number=number)
        if match.carrier is not None:
            name = match.rakuten_name or match.carrier.rakuten_name
            check = match.name.number_check if match.name else None
            # A shipment goes to Rakuten: a name read through a typo is said, never silent.
            understood = (
                Message(
                    "carriers.name.understood",
                    {"query": carrier.strip(), "name": carrier_name(match.carrier)},
                )
                if match.how == "fuzzy"
                else None
            )
            return match.carrier, name, check, understood
    found, rakuten_name = resolve_carrier(carrier, number, reg)
    return found, rakuten_name, None, None
