"""The shipment journal: a killed batch can be run again; dry run and --send agree item by item."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.api import RakutenClient
from rakuten_assist.cli import main
from rakuten_assist.journal import ShipmentJournal, is_loopback
from rakuten_assist.sandbox import running_sandbox

pytestmark = pytest.mark.integration

NUMBERS = ["6A12345678905", "8R00045612343", "5S23456789015", "87000123456789", "CP123456785FR"]


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh seeded sandbox (shipments change its state)."""
    with running_sandbox(seed=7, sales=30) as running:
        yield running


def _accepted(sandbox: Any, count: int) -> list[str]:
    items = [
        item.item_id
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status == "ACCEPTED" and item.shipment is None
    ]
    assert len(items) >= count
    return items[:count]


def _batch(tmp_path: Path, item_ids: list[str]) -> Path:
    path = tmp_path / "batch.csv"
    lines = [f"{item},colissimo,{number}" for item, number in zip(item_ids, NUMBERS, strict=False)]
    path.write_text("item_id,carrier,number\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(sandbox: Any, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    connection = [
        "--login",
        sandbox.login,
        "--token",
        sandbox.token,
        "--base-url",
        sandbox.base_url,
    ]
    code = main(["ship", *argv, *connection, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


def test_a_killed_batch_run_again_skips_what_went_out_and_sends_the_rest(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """Killed after Rakuten recorded 4 shipments: the re-run skips those 4 and sends the new one."""
    items = _accepted(sandbox, 5)
    upload = RakutenClient.import_item_shipping_status

    def upload_then_killed(self: RakutenClient, shipments: Any) -> str:
        upload(self, shipments)
        raise KeyboardInterrupt  # the process dies before Rakuten's answer is read

    monkeypatch.setattr(RakutenClient, "import_item_shipping_status", upload_then_killed)
    connection = [
        "--login",
        sandbox.login,
        "--token",
        sandbox.token,
        "--base-url",
        sandbox.base_url,
    ]
    batch_argv = ["ship", "--batch", str(_batch(tmp_path, items[:4])), "--send", *connection]
    assert main(batch_argv) == 130
    assert "Run the same command again" in capsys.readouterr().err
    monkeypatch.setattr(RakutenClient, "import_item_shipping_status", upload)
    journal = ShipmentJournal().entries()
    assert [e.item_id for e in journal] == items[:4]
    assert {e.outcome for e in journal} == {"unknown"}

    batch = _batch(tmp_path, items)
    dry_code, dry = _run(sandbox, capsys, "--batch", str(batch))
    send_code, sent = _run(sandbox, capsys, "--batch", str(batch), "--send")
    verdicts = [s["verdict"] for s in dry["shipments"]]
    assert verdicts == ["skipped"] * 4 + ["approved"]
    assert verdicts == [s["verdict"] for s in sent["shipments"]]
    assert (dry_code, send_code) == (0, 0)
    assert sent["skipped"] == 4
    assert sent["approved"] == 1
    assert sent["rakuten_status"] == "OK"
    # Rakuten's open orders say they are shipped, in the dry run as with --send.
    assert sent["shipments"] == dry["shipments"]
    assert all("not shipped yet" in s["skipped_because"] for s in sent["shipments"][:4])
    assert sandbox.state.item(items[4]).shipment is not None
    assert ShipmentJournal().entries()[-1].item_id == items[4]
    assert ShipmentJournal().entries()[-1].outcome == "accepted"


def test_the_journal_records_before_and_after_and_ship_journal_shows_it(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A sent shipment is in the journal with item, carrier, number, URL, outcome and times."""
    item = _accepted(sandbox, 1)[0]
    assert (
        _run(sandbox, capsys, item, "--carrier", "colissimo", "--number", NUMBERS[0], "--send")[0]
        == 0
    )
    code, shown = _run(sandbox, capsys, "--journal")
    assert code == 0
    (entry,) = shown["shipments"]
    assert entry["item_id"] == item
    assert entry["transporter_name"] == "Colissimo"
    assert entry["tracking_number"] == NUMBERS[0]
    assert NUMBERS[0] in entry["tracking_url"]
    assert entry["outcome"] == "accepted"
    assert entry["time"] <= entry["answered"]
    assert entry["action"] == "settrackingpackageinfos"
    assert sandbox.token not in Path(shown["path"]).read_text(encoding="utf-8")
    assert main(["ship", "--journal"]) == 0
    text = capsys.readouterr().out
    assert f"item {item}  Colissimo {NUMBERS[0]}  -> ACCEPTED" in text


def test_items_the_journal_saw_accepted_are_skipped_even_before_rakuten_shows_them(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """An item this machine sent and Rakuten accepted is skipped by the journal alone."""
    from rakuten_assist.cli import ship as ship_command

    items = _accepted(sandbox, 2)
    journal = ShipmentJournal()
    from rakuten_assist.models import Shipment

    shipment = Shipment(
        item_id=items[0],
        transporter_name="Colissimo",
        tracking_number=NUMBERS[0],
        tracking_url="https://www.laposte.fr/outils/suivre-vos-envois?code=" + NUMBERS[0],
    )
    attempt = journal.record_attempt(
        [shipment], base_url=sandbox.base_url, login=sandbox.login, action="settrackingpackageinfos"
    )
    journal.record_result(attempt, [items[0]], "accepted", "OK")
    # The sandbox is loopback, whose journal is not trusted: read it as for a real service.
    monkeypatch.setattr(
        ship_command,
        "journal_of",
        lambda client: journal.latest(client.settings.base_url, client.credentials.login),
    )
    code, data = _run(sandbox, capsys, "--batch", str(_batch(tmp_path, items)))
    assert code == 0
    assert [s["verdict"] for s in data["shipments"]] == ["skipped", "approved"]
    assert "local journal" in data["shipments"][0]["skipped_because"]


def test_a_journal_that_cannot_be_written_sends_nothing(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """No shipment goes out unrecorded: an unwritable journal stops the send with exit 2."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RAKUTEN_ASSIST_JOURNAL", str(blocker / "shipments.jsonl"))
    item = _accepted(sandbox, 1)[0]
    code, _ = _run(
        sandbox, capsys, item, "--carrier", "colissimo", "--number", NUMBERS[0], "--send"
    )
    assert code == 2
    assert sandbox.state.count_requests("settrackingpackageinfos") == 0


def test_only_loopback_services_are_local_sandboxes() -> None:
    """The journal is trusted for every service but a sandbox on this machine."""
    assert is_loopback("http://127.0.0.1:8765")
    assert is_loopback("http://localhost:8765")
    assert not is_loopback("https://ws.fr.shopping.rakuten.com")


def test_an_unwritable_journal_is_said_in_french(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: Any
) -> None:
    """The journal's folder is a file: a French user reads the system's reason in French
    ("il existe déjà"), not "File exists"."""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RAKUTEN_ASSIST_JOURNAL", str(blocker / "shipments.jsonl"))
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    item = _accepted(sandbox, 1)[0]
    connection = ["--login", sandbox.login, "--token", sandbox.token]
    connection += ["--base-url", sandbox.base_url]
    argv = [item, "--carrier", "colissimo", "--number", NUMBERS[0], "--send", *connection]
    code = main(["ship", *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert "shipments.jsonl : il existe déjà ; rien n'a été envoyé." in err
    assert "File exists" not in err
