"""The notebook's widgets and reports speak the reader's language when none is named."""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd
import pytest

from rakuten_assist.notebook import CarrierChecker, MatchReport, OrderExplorer, SetupChecklist
from rakuten_assist.notebook.checklist import checklist_report
from rakuten_assist.support import SetupRequest, run_checks
from rakuten_assist.support.checks import CheckResult


@pytest.fixture
def _french_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")


@pytest.mark.usefixtures("_french_reader")
def test_every_widget_follows_a_french_reader(small_frame: pd.DataFrame) -> None:
    """With RAKUTEN_ASSIST_LANG=fr and no lang given, each widget is labelled in French (they
    were English beside French results: two languages on one screen)."""
    labels: dict[str, Any] = {
        "checklist": SetupChecklist().login.description,
        "checker": CarrierChecker().carrier.description,
        "explorer": OrderExplorer(small_frame).clear_button.description,
        "match": MatchReport(small_frame).load_button.description,
    }
    assert labels == {
        "checklist": "Identifiant",
        "checker": "Transporteur",
        "explorer": "Effacer les filtres",
        "match": "Charger",
    }


def test_a_named_language_still_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    """lang="en" keeps a widget in English for a French reader."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert SetupChecklist(lang="en").login.description == "Login"


@pytest.mark.usefixtures("_french_reader")
def test_the_checklist_report_is_in_one_language_the_readers() -> None:
    """checklist_report of English results, for a French reader, is French throughout: its
    head and each check's title, detail and fix."""
    results = list(run_checks(SetupRequest(login="boutique@example.org", lang="en")))
    report = checklist_report(results)
    assert "L'identifiant est le nom de compte, pas un e-mail" in report
    assert "Login is the account name" not in report
    assert "Rakuten setup checks" not in report


@pytest.mark.usefixtures("_french_reader")
def test_an_export_refused_says_why_in_the_readers_language(
    small_frame: pd.DataFrame, tmp_path: Any
) -> None:
    """export_orders to a .txt file, or into a missing folder, is refused in French."""
    from rakuten_assist.notebook import export_orders

    with pytest.raises(ValueError, match=r"orders\.txt") as wrong_format:
        export_orders(small_frame, tmp_path / "orders.txt")
    with pytest.raises(FileNotFoundError) as no_folder:
        export_orders(small_frame, tmp_path / "nowhere" / "orders.csv")
    from rakuten_assist.i18n import t

    assert str(wrong_format.value) == t(
        "errors.notebook.export_format", "fr", name=repr("orders.txt")
    )
    assert str(no_folder.value) == t(
        "errors.notebook.no_folder", "fr", path=repr(str(tmp_path / "nowhere"))
    )


@pytest.mark.usefixtures("_french_reader")
def test_the_country_filter_names_countries_in_french(small_frame: pd.DataFrame) -> None:
    """The explorer's country filter reads "Allemagne (DE)" for a French reader, in
    alphabetical order of the names, and still filters on the code."""
    explorer = OrderExplorer(small_frame)
    labels = [label for label, _code in explorer.countries.options]
    assert "Allemagne (DE)" in labels
    assert "Suisse (CH)" in labels
    assert labels == sorted(labels)
    explorer.countries.value = ("DE",)
    assert set(explorer.filtered["country"]) == {"DE"}


@pytest.mark.usefixtures("_french_reader")
def test_every_filter_option_is_in_french_with_the_code_it_filters_on(
    small_frame: pd.DataFrame,
) -> None:
    """Statuses, sources and SKU match statuses read "accepté (ACCEPTED)", "en cours
    (current)", "SKU presque identique (near_miss)" for a French reader (they were Rakuten's
    and the frame's English codes), and choosing one still filters on its code."""
    frame = small_frame.assign(
        match_status=pd.Categorical(
            ["matched", "near_miss", "matched", "empty_sku", "matched", "matched"]
        )
    )
    explorer = OrderExplorer(frame)
    assert ("accepté (ACCEPTED)", "ACCEPTED") in explorer.statuses.options
    assert ("en suspens (ON_HOLD)", "ON_HOLD") in explorer.statuses.options
    assert set(explorer.sources.options) == {
        ("nouvelle (new)", "new"),
        ("en cours (current)", "current"),
    }
    assert ("SKU presque identique (near_miss)", "near_miss") in explorer.match_statuses.options
    assert ("SKU vide (empty_sku)", "empty_sku") in explorer.match_statuses.options
    explorer.sources.value = ("current",)
    explorer.statuses.value = ("ON_HOLD",)
    assert list(explorer.filtered["item_id"]) == ["I6"]


@pytest.mark.usefixtures("_french_reader")
def test_the_view_label_is_in_french(small_frame: pd.DataFrame) -> None:
    """explorer.view.label, which the notebook prints, is French for a French reader (it was
    "6 of 6 rows · rows 1-6 · page 1 of 1" whatever the reader's language)."""
    from rakuten_assist.notebook.views import OrderQuery, view_orders

    label = view_orders(small_frame, OrderQuery()).label
    assert label == "6 sur 6 lignes · lignes 1 à 6 · page 1 sur 1"
    assert OrderExplorer(small_frame).view.label == label


@pytest.mark.usefixtures("_french_reader")
def test_the_tables_are_in_french_with_the_frames_names_as_tooltips(
    small_frame: pd.DataFrame,
) -> None:
    """The explorer's table and summary say "Commande", "Statut", "accepté", "17,90" to a
    French reader (they showed purchase_id, ACCEPTED, 17.90); each header keeps the frame's
    column name and each status its code as a tooltip, and the sort list names both."""
    explorer = OrderExplorer(small_frame)
    table = explorer.table.value
    assert '<th title="purchase_id">Commande</th>' in table
    assert '<th title="status">Statut</th>' in table
    assert '<td title="ON_HOLD">en suspens</td>' in table
    assert '<td title="current">en cours</td>' in table
    assert "<td>17,90</td>" in table
    assert "17.90" not in table
    summary = explorer.summary.value
    assert '<th title="value">Montant</th>' in summary
    assert "purchase_id" not in summary.replace('title="purchase_id"', "")
    assert ("Commande (purchase_id)", "purchase_id") in explorer.sort_by.options
    assert ("SKU", "sku") in explorer.sort_by.options


def test_an_english_reader_gets_english_words_and_marks(small_frame: pd.DataFrame) -> None:
    """In English the same table says "Purchase", "on hold", "17.90"."""
    table = OrderExplorer(small_frame, lang="en").table.value
    assert '<th title="purchase_id">Purchase</th>' in table
    assert '<td title="ON_HOLD">on hold</td>' in table
    assert "<td>17.90</td>" in table


@pytest.mark.usefixtures("_french_reader")
def test_the_match_reports_misses_are_french_throughout(sandbox_frame: pd.DataFrame) -> None:
    """A French reader's MatchReport gives each miss's reason and fix in French (they were
    English under French headings: two languages on one screen), its headers and statuses in
    words, and the most missed SKUs as quoted SKUs with counts, not a Python list."""
    from rakuten_assist.sandbox import DEMO_CATALOGUE

    report = MatchReport(sandbox_frame, str(DEMO_CATALOGUE))
    table = report.misses_table.value
    assert "seulement en ignorant" in table
    assert "only when ignoring" not in table
    assert '<th title="reason">Raison</th>' in table
    assert '<td title="near_miss">SKU presque identique</td>' in table
    view = report.misses_view().data
    assert "Utilisez exactement le même SKU" in view
    assert "Use exactly the same SKU" not in view
    assert "{'sku'" not in report.summary.value
    assert re.search(r"'[^']+' \(\d+\)", html.unescape(report.summary.value))


def test_the_french_ticket_summary_puts_a_space_before_each_colon() -> None:
    """Each line of the French ticket summary reads "[OK  ] Titre : détail", as French writes
    it (it was "Titre: détail"); English keeps "Title: detail"."""
    results = [CheckResult(id="a", title="Jeton présent", ok=True, detail="28 caractères")]
    assert "[OK  ] Jeton présent : 28 caractères" in checklist_report(results, "fr")
    english = [CheckResult(id="a", title="Token present", ok=True, detail="28 characters")]
    assert "[OK  ] Token present: 28 characters" in checklist_report(english, "en")
