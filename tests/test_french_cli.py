"""A French user reads the command output in French: orders, ship and its journal."""

from __future__ import annotations

import json

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import running_sandbox

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")


def test_orders_summary_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """The table's summary and the sandbox notice are French."""
    assert main(["orders", "--sandbox"]) == 0
    out, err = capsys.readouterr()
    assert "49 articles dans 40 ventes" in out
    assert "Rakuten n'a pas de filtre par pays" in out
    assert "Bac à sable intégré" in err
    assert "item(s)" not in out


def test_ship_dry_run_and_journal_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """The plan's verdict, the dry-run notes and the empty journal are French."""
    with running_sandbox(seed=7, sales=30) as sb:
        item = next(i.item_id for s in sb.state.sales for i in s.items if i.status == "ACCEPTED")
        base = ["--login", sb.login, "--token", sb.token, "--base-url", sb.base_url]
        code = main(["ship", item, "--carrier", "colissimo", "--number", "6A12345678905", *base])
    out = capsys.readouterr().out
    assert code == 0
    assert f"Article {item} (statut : accepté, code ACCEPTED) : serait ACCEPTÉ." in out
    assert "Simulation : rien n'a été envoyé." in out
    assert "Avec --send, l'historique de l'article est d'abord lu chez Rakuten" in out
    assert main(["ship", "--journal"]) == 0
    assert "Aucune expédition n'a été envoyée" in capsys.readouterr().out


def test_match_report_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """match: the headline, each miss's reason and fix, and the feed hints are French."""
    assert main(["match", "--sandbox", "--catalog", "demo"]) == 1
    out = capsys.readouterr().out
    assert "34 articles sur 49 rapprochés" in out
    flat = " ".join(out.split())  # the report wraps long lines
    assert (
        "Le SKU 'rk-10057' est égal au SKU du catalogue 'RK-10057' seulement en ignorant les"
        in flat
    )
    assert "en ignorant les zéros de tête" in flat
    assert "Le SKU 'RK-10049' est sur 2 lignes du catalogue" in flat
    assert "associez l'identifiant produit interne au champ SKU" in flat
    assert "À corriger dans le flux :" in out
    for english in ("only when ignoring", "the offer was created without a SKU", "why:"):
        assert english not in flat


def test_doctor_follows_the_locale_without_lang(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """doctor with a French locale and no --lang reports in French, notice included."""
    monkeypatch.delenv("RAKUTEN_ASSIST_LANG")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert main(["doctor", "--sandbox"]) == 0
    out, err = capsys.readouterr()
    assert "Toutes les vérifications faites sont passées (5)." in out
    assert "Exécution sur le bac à sable intégré" in err


def test_carrier_check_json_says_the_number_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers check --json`: the number's reason and format name are French; the format's
    carriers.json name stays in ``format_id`` for machines."""
    argv = ["carriers", "check", "colissimo", "--number", "6A12345678905", "--json"]
    assert main(argv) == 0
    number = json.loads(capsys.readouterr().out)["number"]
    assert number["valid"] is True
    assert number["format"].startswith("identifiant colis national à 13 caractères")
    assert number["format_id"].startswith("13-char national parcel id")
    assert number["reason"].startswith("Correspond à : identifiant colis national")


def test_ask_lists_its_sources_with_french_punctuation(capsys: pytest.CaptureFixture[str]) -> None:
    """`ask` in French separates its sources with " ; " (a space before, as before ":"), not
    the English "; "."""
    assert main(["ask", "Mondial Relay et Colis Privé, ça passe ?"]) == 0
    sources = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Sources")]
    assert len(sources) == 1
    assert "lien : une seule source ; registre des transporteurs" in sources[0]


def test_chat_gives_each_answer_with_its_sources(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`chat` prints the sources of each answer as `ask` does (it printed none: an answer
    without its source), in the reader's language."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Mondial Relay, ça passe ?\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Sources : registre des transporteurs : Mondial Relay" in out
    assert "Essayez : " in out
