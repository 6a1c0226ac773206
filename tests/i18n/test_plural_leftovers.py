"""Counts the catalogues said with a bare {n} agree with their noun: "(1 vente)", never
"(1 ventes)"; "0 article" in French, "0 items" in English."""

from __future__ import annotations

import pytest

from rakuten_assist.i18n import Message

# (message id, its parameters with the count set to one, what each language says then)
ONE = [
    ("cli.orders.progress", {"page": 3, "sales": 1}, "(1 sale)", "(1 vente)"),
    (
        "cli.match.headline",
        {
            "matched": 1,
            "items": 1,
            "rate": "100%",
            "catalog": "f.csv",
            "rows": 1,
            "sku": "sku",
            "more": "",
        },
        "(1 row;",
        "(1 ligne ;",
    ),
    (
        "fleet.progress.line",
        {"bar": "#", "done": 1, "total": 1, "failed": 0, "items": 1, "seconds": "0.1"},
        "1 item,",
        "1 article,",
    ),
    (
        "fleet.sandbox.running",
        {"url": "http://x", "count": 1},
        "1 merchant account ",
        "1 compte marchand ",
    ),
    (
        "fleet.sandbox.in_process",
        {"url": "http://x", "count": 1},
        "1 merchant account,",
        "1 compte marchand,",
    ),
    ("notebook.explorer.items", {"items": 1, "pii": "-"}, "1 item ", "1 article "),
    ("errors.config.token_short", {"length": 1}, "(1 character)", "(1 caractère)"),
    (
        "carriers.number.no_shape",
        {"value": "A", "length": 1, "name": "DPD", "shapes": "-"},
        "(1 character)",
        "(1 caractère)",
    ),
    ("notebook.explorer.exported", {"rows": 1, "path": "p"}, "1 row ", "1 ligne "),
    ("notebook.match_report.misses", {"misses": 1, "items": 1}, "1 item", "1 article"),
    (
        "notebook.match_report.catalog_info",
        {"products": 1, "columns": 1, "origin": "o"},
        "1 product, 1 column,",
        "1 produit, 1 colonne,",
    ),
]


@pytest.mark.parametrize(("msg_id", "params", "en", "fr"), ONE, ids=[row[0] for row in ONE])
def test_a_count_of_one_takes_the_singular(
    msg_id: str, params: dict[str, object], en: str, fr: str
) -> None:
    """One sale, one row, one account: the noun is singular in both languages."""
    assert en in Message(msg_id, params).render("en")
    assert fr in Message(msg_id, params).render("fr")


def test_french_says_zero_in_the_singular_and_english_in_the_plural() -> None:
    """The fleet's progress line before any item: "0 article" in French, "0 items" in English."""
    params = {"bar": "", "done": 0, "total": 3, "failed": 0, "items": 0, "seconds": "0.0"}
    assert "0 items," in Message("fleet.progress.line", params).render("en")
    assert "0 article," in Message("fleet.progress.line", params).render("fr")


def test_one_accepted_sale_agrees_in_french() -> None:
    """The doctor's open-orders check: "1 accepté", not "1 acceptés"."""
    params = {
        "items": 2,
        "purchases": 2,
        "new": 1,
        "current": 1,
        "statuses": "-",
        "countries": "FR 2",
    }
    said = Message("checks.orders.ok", params).render("fr")
    assert "1 à accepter, 1 accepté)" in said


@pytest.mark.parametrize(
    ("lang", "one", "several"),
    [
        ("en", "(one request), ", "(one request each), "),
        ("fr", "(une requête), ", "(une requête chacun), "),
    ],
)
def test_the_send_note_agrees_with_one_item_throughout(lang: str, one: str, several: str) -> None:
    """ship's dry-run note for one item: "its messages", "ses messages", not "their"/"leurs"."""
    single = Message("cli.ship_lookup.send_reads_history", {"count": 1}).render(lang)
    many = Message("cli.ship_lookup.send_reads_history", {"count": 3}).render(lang)
    assert one in single
    assert several in many
    assert ("its messages" if lang == "en" else "ses messages") in single
    assert ("their messages" if lang == "en" else "leurs messages") in many
