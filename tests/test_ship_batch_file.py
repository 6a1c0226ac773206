"""`ship --batch` reads the CSV files spreadsheets really write (French Excel uses ';')."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh seeded sandbox for each test."""
    with running_sandbox(seed=7, sales=30) as running:
        yield running


def _accepted(sandbox: Any) -> list[Any]:
    return [
        item
        for sale in sandbox.state.sales
        for item in sale.items
        if item.status == "ACCEPTED" and item.shipment is None
    ]


@pytest.mark.parametrize("separator", [";", "\t", ","])
def test_a_batch_saved_with_semicolons_or_tabs_is_read(
    sandbox: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, separator: str
) -> None:
    """A batch whose header is item_id;carrier;number (with a BOM) plans every line."""
    first, second = _accepted(sandbox)[:2]
    lines = [
        ["item_id", "carrier", "number", "postcode"],
        [first.item_id, "Colissimo", "6A12345678905", ""],
        [second.item_id, "Mondial Relay", "12345678", "75011"],
    ]
    batch = tmp_path / "shipments.csv"
    batch.write_text(
        "\ufeff" + "".join(separator.join(row) + "\r\n" for row in lines), encoding="utf-8"
    )
    connection = [
        "--login",
        sandbox.login,
        "--token",
        sandbox.token,
        "--base-url",
        sandbox.base_url,
    ]
    code = main(["ship", "--batch", str(batch), *connection, "--json"])
    out, err = capsys.readouterr()
    assert "lacks the column" not in err
    assert code == 0
    data = json.loads(out)
    assert data["approved"] == 2
    assert [s["item_id"] for s in data["shipments"]] == [first.item_id, second.item_id]
    assert sandbox.state.count_requests("importitemshippingstatus") == 0
