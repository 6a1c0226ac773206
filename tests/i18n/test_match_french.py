"""match in French: reasons of misses as words, and quoted SKUs never cut by the wrapping."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

Leaks = Callable[[str], list[str]]


@pytest.fixture
def _french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")


def _match_report(lang: str, sku: str) -> str:
    from rakuten_assist.cli.match import render_table
    from rakuten_assist.matching.sku import match_skus

    orders = pd.DataFrame({"item_id": ["1", "2"], "sku": [sku.lower(), "B-2"]})
    catalog = pd.DataFrame({"sku": [sku, "B-2"], "id": ["10", "20"]})
    return render_table(match_skus(orders, catalog, lang=lang), "feed.csv")


@pytest.mark.usefixtures("_french")
def test_match_report_names_reasons_in_french(english_leaks: Leaks) -> None:
    """The reasons of misses are words, not codes such as near_miss."""
    report = _match_report("fr", "AB-1")
    assert "Manqués par raison : SKU presque identique : 1" in report
    assert "· SKU presque identique" in report
    assert "near_miss" not in report
    assert english_leaks(report) == []


def test_match_report_never_cuts_a_quoted_sku() -> None:
    """A long SKU with spaces stays whole on one line, where a line would have cut it."""
    sku = "ZX 1000 LONG PART LONG PART LONG PART END"
    for lang in ("en", "fr"):
        report = _match_report(lang, sku)
        for value in (sku, sku.lower()):
            quoted = f"'{value}'"
            assert report.count(quoted) >= 2
            for line in report.splitlines():
                if value.split()[0] in line:
                    assert quoted in line, line


def test_feed_hints_are_said_in_any_language_with_a_catalogue(tmp_path: Any) -> None:
    """A catalogue-level finding is a message: French, and a German written as new files only."""
    from rakuten_assist import i18n
    from rakuten_assist.matching.sku import match_skus

    orders = pd.DataFrame({"item_id": ["1"], "sku": ["000123"]})
    catalog = pd.DataFrame({"sku": ["123"], "id": ["10"]})
    result = match_skus(orders, catalog)
    assert any("ont perdu leurs zéros de tête" in hint for hint in result.hints_in("fr"))
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "matching.toml").write_text(
        '[hint]\nlost_zeros = "{items} Artikel: führende Nullen verloren."\n', encoding="utf-8"
    )
    try:
        i18n.add_catalogue_dir(tmp_path)
        assert "1 Artikel: führende Nullen verloren." in result.hints_in("de")
    finally:
        i18n.remove_catalogue_dir(tmp_path)


@pytest.mark.usefixtures("_french")
def test_the_match_rate_is_a_french_percentage() -> None:
    """A French report says the rate "50 %", a no-break space before the sign, never "50%"."""
    report = _match_report("fr", "AB-1")
    assert "(50\u00a0%)" in report
    assert "50%" not in report


@pytest.mark.parametrize(
    ("lang", "digits", "said"),
    [("en", 0, "69%"), ("fr", 0, "69\u00a0%"), ("en", 1, "69.4%"), ("fr", 1, "69,4\u00a0%")],
)
def test_a_percentage_is_said_as_its_language_writes_it(lang: str, digits: int, said: str) -> None:
    """English writes 69.4%; French writes 69,4 % with a no-break space (common.percent)."""
    from rakuten_assist.i18n import percent, say

    assert say(percent(0.6941, digits), lang) == said
