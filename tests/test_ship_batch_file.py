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


def _run_batch(sandbox: Any, batch: Path) -> int:
    connection = ["--login", sandbox.login, "--token", sandbox.token]
    return main(["ship", "--batch", str(batch), *connection, "--base-url", sandbox.base_url])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Fill in the postcode column on line 3 of the file"),
        ("fr", "Remplissez la colonne postcode à la ligne 3 du fichier"),
    ],
)
def test_a_batch_line_without_its_postcode_names_the_column_and_the_line(
    sandbox: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str,
    expected: str,
) -> None:
    """A batch line lacking the postcode its carrier needs says which column, on which line,
    to fill in, never the --postcode option a batch line cannot take."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", lang)
    first, second = _accepted(sandbox)[:2]
    batch = tmp_path / "shipments.csv"
    batch.write_text(
        "item_id,carrier,number\n"
        f"{first.item_id},Colissimo,6A12345678905\n"
        f"{second.item_id},Mondial Relay,12345678\n",
        encoding="utf-8",
    )
    assert _run_batch(sandbox, batch) == 1
    out = capsys.readouterr().out
    assert expected in out
    assert "--postcode" not in out
    assert "line 2" not in out
    assert "ligne 2" not in out


def test_a_batch_that_is_not_utf8_is_said_in_french(
    sandbox: Any,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch saved in Windows-1252 stops with exit 2 and a French reason, not Python's
    "'utf-8' codec can't decode byte"."""
    batch = tmp_path / "batch.csv"
    batch.write_bytes("item_id,carrier,number\n1,La Poste Exp\xe9dition,2\n".encode("cp1252"))
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    base = ["--login", sandbox.login, "--token", sandbox.token, "--base-url", sandbox.base_url]
    assert main(["ship", "--batch", str(batch), *base]) == 2
    err = capsys.readouterr().err
    assert "ce n'est pas du texte CSV en UTF-8" in err
    assert "codec" not in err
