"""`ship --batch` learns its items from the open orders: few requests, no side effect."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox
from rakuten_assist.sandbox.state import ShipmentRequest

pytestmark = pytest.mark.integration

NUMBER = "6A12345678905"
ACTIONS = ("getnewsales", "getcurrentsales", "getiteminfos", "importitemshippingstatus")


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh sandbox with 40 sales, 10 per getcurrentsales page (shipments change it)."""
    with running_sandbox(seed=7, sales=40, page_size=10) as running:
        yield running


def _open_accepted(sandbox: Any, count: int) -> list[Any]:
    items = [
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status == "ACCEPTED" and item.shipment is None
    ]
    assert len(items) >= count
    return items[:count]


def _write(tmp_path: Path, lines: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "batch.csv"
    body = "".join(f"{item},{carrier},{number}\n" for item, carrier, number in lines)
    path.write_text("item_id,carrier,number\n" + body, encoding="utf-8")
    return path


def _run(sandbox: Any, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, dict]:
    """Run ``ship`` with --json; the exit code, its JSON and the requests per action it made."""
    before = {action: sandbox.state.count_requests(action) for action in ACTIONS}
    connection = ["--login", sandbox.login, "--token", sandbox.token, "--base-url"]
    code = main(["ship", *argv, *connection, sandbox.base_url, "--json"])
    out = capsys.readouterr().out
    counts = {action: sandbox.state.count_requests(action) - before[action] for action in ACTIONS}
    return code, json.loads(out), counts


def _unread(sandbox: Any) -> set[str]:
    return {
        item.item_id
        for item in sandbox.state.todo_items()
        if any(cause.startswith("UNREAD_MESSAGE") for cause in item.todo_causes)
    }


def test_a_dry_run_reads_no_item_history_however_long_the_batch(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """20 lines cost the same few list requests as 1 line, and no getiteminfos at all."""
    items = _open_accepted(sandbox, 20)
    pages = -(-len(sandbox.state.current_sales()) // 10)
    one = _write(tmp_path, [(items[0].item_id, "colissimo", NUMBER)])
    code, data, single = _run(sandbox, capsys, "--batch", str(one))
    assert (code, data["approved"]) == (0, 1)
    twenty = _write(tmp_path, [(item.item_id, "colissimo", NUMBER) for item in items])
    code, data, counts = _run(sandbox, capsys, "--batch", str(twenty))
    assert (code, data["approved"], data["dry_run"]) == (0, 20, True)
    assert counts == single
    assert counts["getiteminfos"] == 0
    assert counts["getnewsales"] == 1
    # every page once, then every page of the items not shipped yet (at most as many)
    assert pages + 1 <= counts["getcurrentsales"] <= 2 * pages


def test_a_dry_run_leaves_unread_messages_unread_and_send_reads_only_what_it_sends(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Buyer messages stay unread after a dry run; --send reads only the items it confirms."""
    items = _open_accepted(sandbox, 20)
    for item in items:
        item.todo_causes = ("UNREAD_MESSAGE_FROM_BUYER",)
    unread = _unread(sandbox)
    # the last line's number is malformed: refused, so never sent and never looked up
    lines = [(item.item_id, "colissimo", NUMBER) for item in items[:-1]]
    batch = _write(tmp_path, [*lines, (items[-1].item_id, "dhl", "12/34")])
    code, data, counts = _run(sandbox, capsys, "--batch", str(batch))
    assert (code, data["approved"], data["refused"]) == (1, 19, 1)
    assert _unread(sandbox) == unread
    code, data, counts = _run(sandbox, capsys, "--batch", str(batch), "--send")
    assert (code, data["approved"], data["rakuten_status"]) == (1, 19, "OK")
    assert counts["getiteminfos"] == 19
    assert _unread(sandbox) == unread - {item.item_id for item in items[:-1]}
    assert items[-1].item_id in _unread(sandbox)


def test_the_dry_run_plans_exactly_what_send_then_does(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Shipped, waiting, unknown, malformed, repeated lines: --send does what the dry run said."""
    items = _open_accepted(sandbox, 17)
    shipped = items.pop()
    sandbox.state.ship(
        ShipmentRequest(shipped.item_id, "Colissimo", NUMBER, "https://www.laposte.fr/x"),
        via="settrackingpackageinfos",
    )
    waiting = next(
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status in {"REQUESTED", "TO_CONFIRM", "REMINDED"}
    )
    lines = [(item.item_id, "colissimo", NUMBER) for item in items]
    lines[3] = (items[3].item_id, "dhl", "12/34")
    lines += [
        (shipped.item_id, "colissimo", NUMBER),
        (waiting.item_id, "ups", "1Z5R89390357567127"),
        ("999999999", "colissimo", NUMBER),
        (items[0].item_id, "colissimo", NUMBER),
    ]
    batch = _write(tmp_path, lines)
    dry_code, dry, dry_counts = _run(sandbox, capsys, "--batch", str(batch))
    verdicts = [s["verdict"] for s in dry["shipments"]]
    assert verdicts == ["approved"] * 3 + ["refused"] + ["approved"] * 12 + [
        "skipped",
        "refused",
        "refused",
        "refused",
    ]
    assert "already shipped" in dry["shipments"][16]["skipped_because"]
    assert "not accepted yet" in dry["shipments"][17]["reasons"][0]
    assert "not among the account's open orders" in dry["shipments"][18]["reasons"][0]
    assert "already on line 2" in dry["shipments"][19]["reasons"][0]
    assert dry_counts["getiteminfos"] == 0

    send_code, sent, send_counts = _run(sandbox, capsys, "--batch", str(batch), "--send")
    assert (send_code, sent["rakuten_status"]) == (dry_code, "OK")
    assert sent["shipments"] == dry["shipments"]
    assert send_counts["getiteminfos"] == dry["approved"] == 15
    assert send_counts["importitemshippingstatus"] == 1
    for plan in dry["shipments"]:
        if plan["verdict"] == "approved":
            recorded = sandbox.state.item(plan["item_id"]).shipment
            assert (recorded.transporter, recorded.tracking_number, recorded.tracking_url) == (
                plan["transporter_name"],
                plan["tracking_number"],
                plan["tracking_url"],
            )
    assert sandbox.state.item(waiting.item_id).shipment is None
    assert sandbox.state.item(items[3].item_id).shipment is None


def test_item_history_is_read_only_for_items_outside_the_open_orders(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--item-history looks up the two lines the open orders cannot answer, in both modes."""
    accepted = _open_accepted(sandbox, 3)
    waiting = next(
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status in {"REQUESTED", "TO_CONFIRM", "REMINDED"}
    )
    sandbox.state.refuse(waiting.item_id)  # in neither list from now on
    lines = [(item.item_id, "colissimo", NUMBER) for item in accepted]
    lines += [(waiting.item_id, "colissimo", NUMBER), ("999999999", "colissimo", NUMBER)]
    batch = _write(tmp_path, lines)
    code, dry, counts = _run(sandbox, capsys, "--batch", str(batch), "--item-history")
    assert (code, dry["approved"], dry["refused"]) == (1, 3, 2)
    assert counts["getiteminfos"] == 2
    assert "was refused" in dry["shipments"][3]["reasons"][0]
    assert "does not know item 999999999" in dry["shipments"][4]["reasons"][0]
    argv = ("--batch", str(batch), "--item-history", "--send")
    code, sent, counts = _run(sandbox, capsys, *argv)
    assert sent["shipments"] == dry["shipments"]
    assert counts["getiteminfos"] == 2 + 3


def test_the_dry_run_tells_what_send_will_read_in_french(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """A French user reads, in French, that --send first reads the approved items' history."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    items = _open_accepted(sandbox, 2)
    lines = [(item.item_id, "colissimo", NUMBER) for item in items]
    batch = _write(tmp_path, [*lines, ("999999999", "colissimo", NUMBER)])
    connection = ["--login", sandbox.login, "--token", sandbox.token]
    code = main(["ship", "--batch", str(batch), *connection, "--base-url", sandbox.base_url])
    out = capsys.readouterr().out
    assert code == 1
    assert "l'historique de ces 2 articles est d'abord lu chez Rakuten" in out
    assert "ne figure pas parmi les commandes ouvertes" in out
    assert "--item-history" in out


def test_an_attempt_of_unknown_outcome_is_planned_again_only_if_rakuten_lists_it_unshipped(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """Unknown outcome in the journal: shipped per Rakuten -> skipped; else planned, with a note."""
    from rakuten_assist.cli import ship as ship_command
    from rakuten_assist.journal import ShipmentJournal
    from rakuten_assist.models import Shipment

    items = _open_accepted(sandbox, 2)
    url = "https://www.laposte.fr/outils/suivre-vos-envois?code=" + NUMBER
    journal = ShipmentJournal()
    attempt = journal.record_attempt(
        [
            Shipment(
                item_id=i.item_id,
                transporter_name="Colissimo",
                tracking_number=NUMBER,
                tracking_url=url,
            )
            for i in items
        ],
        base_url=sandbox.base_url,
        login=sandbox.login,
        action="importitemshippingstatus",
    )
    journal.record_result(attempt, [i.item_id for i in items], "unknown")
    # Rakuten applied the first one only before the answer was lost.
    sandbox.state.ship(
        ShipmentRequest(items[0].item_id, "Colissimo", NUMBER, url), via="importitemshippingstatus"
    )
    # The sandbox is loopback, whose journal is not trusted: read it as for a real service.
    monkeypatch.setattr(
        ship_command,
        "journal_of",
        lambda client: journal.latest(client.settings.base_url, client.credentials.login),
    )
    batch = _write(tmp_path, [(i.item_id, "colissimo", NUMBER) for i in items])
    code, dry, counts = _run(sandbox, capsys, "--batch", str(batch))
    assert code == 0
    assert [s["verdict"] for s in dry["shipments"]] == ["skipped", "approved"]
    assert any("no known outcome" in w for w in dry["shipments"][1]["warnings"])
    assert counts["getiteminfos"] == 0
