"""Ship plans say item statuses in words (the code beside them) and a carrier read via a typo."""

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


@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "Understood 'Mondail Relay' as Mondial Relay."), ("fr", "« Mondail Relay » compris")],
)
def test_a_shipment_read_through_a_typo_in_the_carrier_says_so(lang: str, note: str) -> None:
    """A carrier name read through a slip ("Mondail Relay") is noted on the shipment's plan,
    as `carriers check` notes it: what goes to Rakuten is never a silent guess."""
    plan = plan_shipment(
        "260300003", "Mondail Relay", "12345678", item_status="ACCEPTED", postcode="75011"
    )
    assert plan.ok
    assert any(note in warning for warning in plan.warning_texts(lang))
    exact = plan_shipment(
        "260300003", "Mondial Relay", "12345678", item_status="ACCEPTED", postcode="75011"
    )
    assert not [w for w in exact.warning_texts("en") if w.startswith("Understood")]
