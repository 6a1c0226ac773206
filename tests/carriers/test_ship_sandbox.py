"""`ship` against the in-process sandbox: dry run, --send, refusal before acceptance, batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.carriers import Registry
from rakuten_assist.carriers.shipment import plan_shipment
from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox
from rakuten_assist.sandbox.state import ShipmentRequest

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh seeded sandbox for each test (shipments change its state)."""
    with running_sandbox(seed=7, sales=30) as running:
        yield running


def _items(sandbox: Any, statuses: set[str]) -> list[Any]:
    return [
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status in statuses and item.shipment is None
    ]


def _ship(sandbox: Any, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    connection = [
        "--login",
        sandbox.login,
        "--token",
        sandbox.token,
        "--base-url",
        sandbox.base_url,
    ]
    code = main(["ship", *argv, *connection, "--json"])
    out, err = capsys.readouterr()
    assert sandbox.token not in out + err
    return code, json.loads(out) if out.strip() else None


def test_dry_run_sends_nothing(sandbox: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --send the accepted item is planned, shown, and not confirmed on Rakuten."""
    item = _items(sandbox, {"ACCEPTED"})[0]
    code, data = _ship(
        sandbox, capsys, item.item_id, "--carrier", "colissimo", "--number", "6A12345678905"
    )
    assert code == 0
    assert data["ok"] is True
    assert data["dry_run"] is True
    assert data["sent"] is False
    assert data["transporter_name"] == "Colissimo"
    assert sandbox.state.count_requests("settrackingpackageinfos") == 0
    assert sandbox.state.item(item.item_id).shipment is None


def test_send_confirms_exactly_the_planned_shipment(
    sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """--send on an accepted item records the planned transporter, number and URL."""
    item = _items(sandbox, {"ACCEPTED"})[0]
    code, data = _ship(
        sandbox,
        capsys,
        item.item_id,
        "--carrier",
        "So Colissimo",
        "--number",
        "6A 1234 5678 905",
        "--send",
    )
    assert code == 0
    assert data["sent"] is True
    assert data["rakuten_status"] == "OK"
    recorded = sandbox.state.item(item.item_id).shipment
    assert recorded.transporter == "So Colissimo"
    assert recorded.tracking_number == "6A12345678905"
    assert recorded.tracking_url == data["tracking_url"]


def test_dry_run_says_an_already_shipped_item_was_shipped(
    sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a confirmed shipment the dry run refuses the item from the open orders alone, and
    --item-history says so from the history (ITEM_SHIPPED)."""
    item = _items(sandbox, {"ACCEPTED"})[0]
    args = (item.item_id, "--carrier", "colissimo", "--number", "6A12345678905")
    assert _ship(sandbox, capsys, *args, "--send")[0] == 0
    before = sandbox.state.count_requests("getiteminfos")
    code, data = _ship(sandbox, capsys, *args)
    assert (code, data["ok"]) == (1, False)
    assert "already shipped: Rakuten lists it among the current sales" in data["reasons"][0]
    assert sandbox.state.count_requests("getiteminfos") == before
    code, data = _ship(sandbox, capsys, *args, "--item-history")
    assert (code, data["ok"]) == (1, False)
    assert "already confirmed as shipped" in data["reasons"][0]
    assert "ITEM_SHIPPED" in data["reasons"][0]
    assert sandbox.state.count_requests("getiteminfos") == before + 1


def _unread(sandbox: Any) -> set[str]:
    return {
        item.item_id
        for item in sandbox.state.todo_items()
        if any(cause.startswith("UNREAD_MESSAGE") for cause in item.todo_causes)
    }


def test_a_dry_run_leaves_the_items_messages_unread(
    sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dry run of one item reads no history, so the buyer's messages stay unread; only
    --item-history and --send read it (and mark them read, as Rakuten does)."""
    item, other = _items(sandbox, {"ACCEPTED"})[:2]
    item.todo_causes = other.todo_causes = ("UNREAD_MESSAGE_FROM_BUYER",)
    args = ("--carrier", "colissimo", "--number", "6A12345678905")
    code, data = _ship(sandbox, capsys, item.item_id, *args)
    assert (code, data["ok"], data["dry_run"], data["item_status"]) == (0, True, True, "ACCEPTED")
    assert sandbox.state.count_requests("getiteminfos") == 0
    assert _unread(sandbox) >= {item.item_id, other.item_id}
    code, data = _ship(sandbox, capsys, other.item_id, *args, "--item-history")
    assert (code, data["ok"]) == (0, True)
    assert other.item_id not in _unread(sandbox)
    assert item.item_id in _unread(sandbox)
    assert _ship(sandbox, capsys, item.item_id, *args, "--send")[0] == 0
    assert item.item_id not in _unread(sandbox)
    assert sandbox.state.count_requests("getiteminfos") == 2


def test_a_dry_run_refuses_an_item_outside_the_open_orders(
    sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """An id that is not among the open orders is refused, saying --item-history can tell why;
    a waiting item keeps its status from the open orders."""
    args = ("--carrier", "colissimo", "--number", "6A12345678905")
    code, data = _ship(sandbox, capsys, "999999999", *args)
    assert (code, data["ok"], data["item_status"]) == (1, False, None)
    assert "not among the account's open orders" in data["reasons"][0]
    assert "--item-history" in data["reasons"][0]
    waiting = _items(sandbox, {"TO_CONFIRM", "REQUESTED", "REMINDED"})[0]
    code, data = _ship(sandbox, capsys, waiting.item_id, *args)
    assert (code, data["item_status"]) == (1, waiting.status)
    assert "not accepted yet" in data["reasons"][0]
    assert sandbox.state.count_requests("getiteminfos") == 0


def test_item_not_accepted_is_refused_before_sending(
    sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """An item still awaiting acceptance is refused by the pre-flight; nothing reaches Rakuten."""
    item = _items(sandbox, {"TO_CONFIRM", "REQUESTED", "REMINDED"})[0]
    code, data = _ship(
        sandbox,
        capsys,
        item.item_id,
        "--carrier",
        "ups",
        "--number",
        "1Z5R89390357567127",
        "--send",
    )
    assert code == 1
    assert data["ok"] is False
    assert "not accepted yet" in data["reasons"][0]
    assert sandbox.state.count_requests("settrackingpackageinfos") == 0


def test_batch_uploads_the_approved_and_reports_every_refusal(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A batch plans every line, uploads only approved ones in one import, lists refusals."""
    accepted = _items(sandbox, {"ACCEPTED"})[:2]
    waiting = _items(sandbox, {"TO_CONFIRM", "REQUESTED", "REMINDED"})[0]
    batch = tmp_path / "shipments.csv"
    batch.write_text(
        "item_id,carrier,number,postcode\n"
        f"{accepted[0].item_id},Colissimo,6A12345678905,\n"
        f"{accepted[1].item_id},mondial relay,12345678,75011\n"
        f"{waiting.item_id},UPS,1Z5R89390357567127,\n"
        f"{accepted[0].item_id}9,Heppner,87654321,\n",
        encoding="utf-8",
    )
    code, data = _ship(sandbox, capsys, "--batch", str(batch), "--send")
    assert code == 1
    assert data["approved"] == 2
    assert data["refused"] == 2
    assert data["rakuten_status"] == "OK"
    assert sandbox.state.count_requests("importitemshippingstatus") == 1
    for item in accepted:
        assert sandbox.state.item(item.item_id).shipment is not None
    assert sandbox.state.item(waiting.item_id).shipment is None
    refused = [s for s in data["shipments"] if not s["ok"]]
    assert all(s["reasons"] for s in refused)


def test_batch_refuses_a_bad_row_and_a_repeated_item_without_aborting(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A malformed DHL line and a second line for the same item are refused; the rest plans."""
    accepted = _items(sandbox, {"ACCEPTED"})[:2]
    batch = tmp_path / "shipments.csv"
    batch.write_text(
        "item_id,carrier,number\n"
        f"{accepted[0].item_id},Colissimo,6A12345678905\n"
        f"{accepted[1].item_id},dhl,12/34\n"
        f"{accepted[0].item_id},Colissimo,6A12345678905\n",
        encoding="utf-8",
    )
    code, data = _ship(sandbox, capsys, "--batch", str(batch))
    assert code == 1
    assert data["approved"] == 1
    assert data["refused"] == 2
    first, bad, repeated = data["shipments"]
    assert first["ok"] is True
    assert bad["ok"] is False
    assert any("'/'" in reason for reason in bad["reasons"])
    assert repeated["ok"] is False
    assert "already on line 2 of the batch" in repeated["reasons"][0]


def test_sandbox_accepts_every_shipment_the_plan_approves(sandbox: Any, reg: Registry) -> None:
    """For every supported carrier's samples, what plan_shipment approves the sandbox accepts."""
    item = _items(sandbox, {"ACCEPTED"})[0]
    checked = 0
    for carrier in reg:
        for sample in carrier.samples.valid:
            plan = plan_shipment(
                item.item_id,
                carrier,
                sample,
                item_status=item.status,
                postcode=carrier.sample_inputs.get("postal_code"),
                country=carrier.sample_inputs.get("country"),
                purchase_id=item.purchase_id,
                registry_=reg,
            )
            assert plan.ok is carrier.has_url, plan.reasons
            if not plan.ok:
                continue
            shipment = plan.raise_if_refused()
            request = ShipmentRequest(
                item_id=shipment.item_id,
                transporter=shipment.transporter_name,
                tracking_number=shipment.tracking_number,
                tracking_url=shipment.tracking_url,
                purchase_id=shipment.purchase_id,
            )
            assert sandbox.state.check_shipment(request) is None
            checked += 1
    assert checked >= 80
