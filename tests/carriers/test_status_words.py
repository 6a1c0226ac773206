"""Ship verdicts say Rakuten's item statuses in the reader's words, the code kept beside them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.carriers.shipment import plan_shipment
from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox


@pytest.mark.parametrize(
    ("status", "lang", "said"),
    [
        ("REMINDED", "en", "(status: reminded, code REMINDED)"),
        ("REMINDED", "fr", "(statut : relancé, code REMINDED)"),
        ("TO_CONFIRM", "fr", "(statut : à confirmer, code TO_CONFIRM)"),
        ("SHIPPED", "en", "(status: shipped, code SHIPPED)"),
        ("PENDING_CLAIM", "fr", "(réclamation en cours, code PENDING_CLAIM)"),
    ],
)
def test_a_refusal_for_the_items_status_says_it_in_words(status: str, lang: str, said: str) -> None:
    """A shipment refused for its item's status names the status in the reader's language,
    with Rakuten's code beside it for the agent who looks it up in the back office."""
    plan = plan_shipment("260300097", "colissimo", "6A12345678905", item_status=status)
    assert not plan.ok
    assert said in plan.reason_texts(lang)[0]


def test_a_status_nobody_documents_is_quoted_not_named() -> None:
    """An item status the tool does not know is quoted as Rakuten's code, never given a
    made-up name."""
    plan = plan_shipment("260300097", "colissimo", "6A12345678905", item_status="FROZEN")
    assert "(FROZEN, un statut que cet outil ne connaît pas)" in plan.reason_texts("fr")[0]


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh seeded sandbox."""
    with running_sandbox(seed=7, sales=30) as running:
        yield running


@pytest.mark.integration
def test_the_batch_verdict_line_says_the_status_in_french(
    sandbox: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A French batch dry run heads each line with the item's status in French and its code."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    item = next(
        item for sale in sandbox.state.sales for item in sale.items if item.status == "ACCEPTED"
    )
    batch = tmp_path / "shipments.csv"
    batch.write_text(f"item_id,carrier,number\n{item.item_id},colissimo,6A12345678905\n")
    connection = ["--login", sandbox.login, "--token", sandbox.token]
    main(["ship", "--batch", str(batch), *connection, "--base-url", sandbox.base_url])
    out = capsys.readouterr().out
    assert f"Article {item.item_id} (statut : accepté, code ACCEPTED)" in out
