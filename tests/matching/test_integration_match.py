"""Done-when scenario: the sandbox's orders against a catalogue with the usual mistakes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from rakuten_assist.api import RakutenClient, fetch_open_orders
from rakuten_assist.cli import main
from rakuten_assist.config import Settings
from rakuten_assist.frames import orders_frame
from rakuten_assist.matching.catalog import load_catalog
from rakuten_assist.matching.sku import match_skus
from rakuten_assist.sandbox import DEMO_CATALOGUE, Sandbox, running_sandbox

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))

# The demo shop's feed as a merchant would export it, with the classic mistakes:
# RK-10043 on two rows, RK-10044's internal id sent where the SKU belongs, RK-10045 with an
# empty SKU cell, 000123 turned into 123 by a spreadsheet; rk-10057 is upper case here.
_GOOD = [f"RK-{n}" for n in (10042, *range(10046, 10057), 10061, 10062)]
CATALOG_ROWS = [
    *[(f"PRD-{sku[-2:]}", sku) for sku in _GOOD],
    ("PRD-43", "RK-10043"),
    ("PRD-43B", "RK-10043"),
    ("RK-10044", "TEA-CUP-44"),
    ("PRD-45", ""),
    ("PRD-58", "123"),
    ("PRD-57", "RK-10057"),
    ("PRD-77", "RK-10077"),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """The seeded sandbox, its present fixed."""
    with running_sandbox(seed=42, sales=40, now=NOW) as running:
        yield running


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    """The catalogue file, as a spreadsheet saves it (UTF-8 with BOM, semicolons)."""
    path = tmp_path / "feed.csv"
    text = "id;sku;title\n" + "".join(f"{i};{s};Produit {i}\n" for i, s in CATALOG_ROWS)
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def test_sandbox_orders_against_a_flawed_catalogue(sandbox: Sandbox, feed: Path) -> None:
    """Each mistake of the feed gets its status, reason and fix; nothing is lost."""
    with RakutenClient(sandbox.credentials, settings=Settings(base_url=sandbox.base_url)) as api:
        lines = fetch_open_orders(api).lines
    orders = orders_frame(lines)
    result = match_skus(orders, load_catalog(feed))
    rows = result.rows.assign(status=result.rows["status"].astype(str))
    assert len(rows) == len(orders)
    by_sku = {str(sku).strip(): group for sku, group in rows.groupby(rows["sku"].fillna(""))}

    assert set(by_sku["RK-10042"]["status"]) == {"matched"}
    assert set(by_sku["RK-10043"]["status"]) == {"ambiguous"}
    assert "PRD-43B" in by_sku["RK-10043"]["reason"].iloc[0]
    swapped = by_sku["RK-10044"].iloc[0]
    assert swapped["status"] == "not_in_catalog"
    assert "'id'" in swapped["reason"]
    assert set(by_sku["RK-10045"]["status"]) == {"not_in_catalog"}
    zeros = by_sku["000123"].iloc[0]
    assert zeros["status"] == "near_miss"
    assert "spreadsheet" in zeros["suggestion"]
    assert set(by_sku["rk-10057"]["status"]) == {"near_miss"}
    assert set(by_sku[""]["status"]) == {"empty_sku"}

    hints = " ".join(result.hints)
    assert "The orders' SKUs match the catalogue's 'id' column" in hints
    assert "map the internal product id onto the SKU field in the feed's final step" in hints
    assert "empty 'sku'" in hints
    assert "lost their leading zeros" in hints
    assert "several catalogue rows" in hints


def test_match_command_on_the_sandbox(
    feed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`match --sandbox` fetches the demo orders itself and exits 1 with every miss explained."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    code = main(["match", "--sandbox", "--catalog", str(feed), "--format", "json"])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert code == 1
    assert "sandbox" in captured.err
    reasons = document["summary"]["by_reason"]
    assert all(reasons[status] > 0 for status in reasons)
    assert all(row["reason"] for row in document["rows"])
    misses = [row for row in document["rows"] if row["status"] != "matched"]
    assert misses
    assert all(row["suggestion"] for row in misses)


def test_demo_feed_with_id_and_sku_swapped_reports_the_swap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo feed (which has an EAN column) with id and sku swapped is reported as a swap."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    text = DEMO_CATALOGUE.read_text(encoding="utf-8")
    assert text.startswith("id;sku;")
    swapped = tmp_path / "swapped.csv"
    swapped.write_text("sku;id;" + text.removeprefix("id;sku;"), encoding="utf-8")
    code = main(["match", "--sandbox", "--catalog", str(swapped), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    with_sku = [row for row in document["rows"] if row["status"] != "empty_sku"]
    assert with_sku
    assert all("is the 'id' of catalogue row" in row["reason"] for row in with_sku)
    assert document["summary"]["by_reason"]["near_miss"] == 0
    assert any(
        f"The orders' SKUs match the catalogue's 'id' column, not 'sku' ({len(with_sku)} items)"
        in hint
        and "map the internal product id onto the SKU field in the feed's final step" in hint
        for hint in document["hints"]
    )


def test_json_hints_are_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``match --format json`` gives a French user the feed hints in French, like the rows."""
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    text = DEMO_CATALOGUE.read_text(encoding="utf-8")
    swapped = tmp_path / "swapped.csv"
    swapped.write_text("sku;id;" + text.removeprefix("id;sku;"), encoding="utf-8")
    output = tmp_path / "match.json"
    argv = ["match", "--sandbox", "--catalog", str(swapped), "--format", "json"]
    assert main(argv) == 1
    printed = json.loads(capsys.readouterr().out)
    assert main([*argv, "-o", str(output)]) == 1
    written = json.loads(output.read_text(encoding="utf-8"))
    for document in (printed, written):
        assert document["hints"]
        assert any(
            "Les SKU des commandes correspondent à la colonne « id » du catalogue" in hint
            for hint in document["hints"]
        )
        assert not any("The orders' SKUs" in hint for hint in document["hints"])
