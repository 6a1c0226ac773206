"""plan_shipment: exactly what is sent, or every reason Rakuten would refuse it."""

from __future__ import annotations

import pytest

from rakuten_assist.carriers import Registry
from rakuten_assist.carriers.shipment import plan_shipment
from rakuten_assist.errors import ShipmentRefusedError


def test_accepted_item_gives_the_exact_shipment(reg: Registry) -> None:
    """An accepted item with a valid Colissimo number yields the three values to send."""
    number = reg.by_id["colissimo"].samples.valid[0]
    plan = plan_shipment(
        "312550000",
        "Colissimo",
        f" {number[:4]} {number[4:]} ",
        item_status="ACCEPTED",
        registry_=reg,
    )
    assert plan.ok
    assert plan.reasons == []
    shipment = plan.raise_if_refused()
    assert shipment.transporter_name == "Colissimo"
    assert shipment.tracking_number == number
    assert shipment.tracking_url == f"https://www.laposte.fr/outils/suivre-vos-envois?code={number}"


def test_every_reason_is_reported_at_once(reg: Registry) -> None:
    """Not accepted, unknown carrier and unsafe number are all listed in one plan."""
    plan = plan_shipment("1", "Transports Dupont", "AB/12", item_status="TO_CONFIRM", registry_=reg)
    assert not plan.ok
    assert plan.shipment is None
    assert len(plan.reasons) == 3
    assert "not accepted yet" in plan.reason_texts()[0]
    assert "Unknown carrier" in plan.reason_texts()[1]
    assert "'/'" in plan.reason_texts()[2]
    with pytest.raises(ShipmentRefusedError) as info:
        plan.raise_if_refused()
    assert info.value.reasons == plan.reasons


def test_ambiguous_carrier_with_a_malformed_number_is_refused_not_raised(reg: Registry) -> None:
    """'dhl' with '12/34' gives two refusal reasons instead of raising TrackingNumberError."""
    plan = plan_shipment("1", "dhl", "12/34", item_status="ACCEPTED", registry_=reg)
    assert not plan.ok
    assert len(plan.reasons) == 2
    assert "name the one you ship with" in plan.reason_texts()[0]
    assert "'/'" in plan.reason_texts()[1]


def test_a_shared_carrier_name_is_refused_as_ambiguous(reg: Registry) -> None:
    """`ship --carrier DPD` with a number every DPD entity accepts is refused as ambiguous,
    listing the candidates, never as an unknown carrier; a DHL Paket parcel code settles DHL."""
    plan = plan_shipment("1", "DPD", "12345678901234", item_status="ACCEPTED", registry_=reg)
    assert not plan.ok
    (reason,) = plan.reason_texts()
    assert "Unknown carrier" not in reason
    assert "'DPD' is ambiguous" in reason
    assert "DPD France (dpd-fr)" in reason
    assert "DPD UK (dpd-uk)" in reason
    settled = plan_shipment(
        "1", "DHL", "00340434123456789012", item_status="ACCEPTED", registry_=reg
    )
    assert settled.ok
    assert settled.carrier is not None
    assert settled.carrier.id == "dhl-paket-de"


def test_carrier_without_page_is_refused(reg: Registry) -> None:
    """Amazon Logistics is refused: Rakuten needs a tracking link we cannot build."""
    plan = plan_shipment(
        "1", "Amazon Logistics", "TBA123456789012", item_status="ACCEPTED", registry_=reg
    )
    assert not plan.ok
    assert "no public tracking page" in plan.reason_texts()[0]


def test_a_marketplace_is_not_taken_for_its_carrier(reg: Registry) -> None:
    """'amazon' alone is the marketplace: the plan is refused, saying to name the carrier."""
    plan = plan_shipment("1", "amazon", "TBA123456789012", item_status="ACCEPTED", registry_=reg)
    assert not plan.ok
    assert "is a marketplace, not a carrier" in plan.reason_texts()[0]
    assert plan.carrier is None


def test_invalid_number_and_missing_postcode_are_refused(reg: Registry) -> None:
    """A wrong check digit is refused; so is Mondial Relay without postcode."""
    bad = plan_shipment("1", "ups", "1Z1111111111111111", item_status="ACCEPTED", registry_=reg)
    assert not bad.ok
    assert "check digit does not fit" in bad.reason_texts()[0]
    number = reg.by_id["mondial-relay"].samples.valid[0]
    missing = plan_shipment("1", "mondial relay", number, item_status="ACCEPTED", registry_=reg)
    assert not missing.ok
    assert "postcode" in missing.reason_texts()[0]
    fine = plan_shipment(
        "1", "mondial relay", number, item_status="ACCEPTED", postcode="75011", registry_=reg
    )
    assert fine.ok


@pytest.mark.parametrize(
    ("status", "ok", "words"),
    [
        ("ACCEPTED", True, None),
        ("ON_HOLD", True, None),
        ("REQUESTED", False, "not accepted yet"),
        ("REMINDED", False, "not accepted yet"),
        ("CANCELLED", False, "cancelled"),
        ("REFUSED", False, "refused"),
        ("PENDING_CLAIM", False, "does not allow"),
        ("SHIPPED", False, "already confirmed as shipped"),
    ],
)
def test_item_status_decides(status: str, ok: bool, words: str | None, reg: Registry) -> None:
    """Only accepted items (possibly on hold) can be confirmed as shipped."""
    number = reg.by_id["ups"].samples.valid[0]
    plan = plan_shipment("9", "UPS", number, item_status=status, registry_=reg)
    assert plan.ok is ok
    if words:
        assert words in plan.reason_texts()[0]


def test_committed_status_is_not_taken_for_shipped(reg: Registry) -> None:
    """COMMITTED (known only as the log ITEM_COMMITTED, an accepted sale) is not 'shipped'."""
    number = reg.by_id["ups"].samples.valid[0]
    plan = plan_shipment("9", "UPS", number, item_status="COMMITTED", registry_=reg)
    assert plan.ok
    assert not any("shipped" in reason for reason in plan.reason_texts())
    assert any("ITEM_COMMITTED" in warning for warning in plan.warning_texts())


def test_unknown_status_is_a_warning_not_a_refusal(reg: Registry) -> None:
    """Without the status the plan stays possible but says acceptance was not checked."""
    number = reg.by_id["ups"].samples.valid[0]
    plan = plan_shipment("9", "UPS", number, item_status=None, registry_=reg)
    assert plan.ok
    assert "not checked" in plan.warning_texts()[0]


def test_autre_carriers_send_autre_with_their_url(reg: Registry) -> None:
    """A carrier Rakuten does not list goes out as 'Autre' with the tracking URL, and says so."""
    number = reg.by_id["correos"].samples.valid[0]
    plan = plan_shipment("9", "correos", number, item_status="ACCEPTED", registry_=reg)
    shipment = plan.raise_if_refused()
    assert shipment.transporter_name == "Autre"
    assert shipment.tracking_url.startswith("https://www.correos.es/")
    assert any("Autre" in w for w in plan.warning_texts())


def test_dpd_label_sends_the_parcel_number(reg: Registry) -> None:
    """A scanned 28-character DPD label sends the 14-digit parcel number inside it."""
    label = next(s for s in reg.by_id["dpd-fr"].samples.valid if len(s) == 28)
    plan = plan_shipment("9", "DPD France", label, item_status="ACCEPTED", registry_=reg)
    assert plan.tracking_number == label[7:21]
    assert plan.tracking_url == f"https://trace.dpd.fr/fr/trace/{label[7:21]}"


def test_dpd_alone_with_a_label_both_dpds_accept_asks_which(reg: Registry) -> None:
    """'DPD' names four carriers; a label that DPD France and DPDgroup both accept settles
    nothing, so the plan asks which DPD instead of picking one."""
    label = next(s for s in reg.by_id["dpd-fr"].samples.valid if len(s) == 28)
    plan = plan_shipment("9", "DPD", label, item_status="ACCEPTED", registry_=reg)
    assert not plan.ok
    assert "name the one you ship with" in plan.reason_texts()[0]


def test_an_empty_carrier_cell_is_said_empty_not_unknown(reg: Registry) -> None:
    """A batch line with no carrier is refused because the carrier is empty, not as an
    unknown carrier named «  » with a fix to choose among close names nobody listed."""
    plan = plan_shipment("1", "  ", "6A12345678905", item_status="ACCEPTED", registry_=reg)
    assert not plan.ok
    texts = plan.reason_texts("fr")
    assert texts == [
        "Le transporteur est vide : donnez le nom du transporteur (rakuten-assist carriers "
        "list montre ceux qui sont connus)."
    ]


def test_an_unknown_carrier_with_no_close_name_gets_no_choose_among_the_closest(
    reg: Registry,
) -> None:
    """Zorglub is close to no registered carrier: the fix says none is close and where the
    list is, never 'choose one of the closest carriers' with none shown."""
    plan = plan_shipment("1", "Zorglub", "123456", item_status="ACCEPTED", registry_=reg)
    text = " ".join(plan.reason_texts("fr"))
    assert "Aucun transporteur du registre n'a un nom proche" in text
    assert "les plus proches" not in text
