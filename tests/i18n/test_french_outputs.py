"""French users read French: shipment refusals, carrier words, and when an item was shipped."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any

import pandas as pd
import pytest

from rakuten_assist import i18n
from rakuten_assist.carriers import registry
from rakuten_assist.carriers.shipment import plan_shipment
from rakuten_assist.cli import main
from rakuten_assist.errors import ShipmentRefusedError
from rakuten_assist.sandbox import running_sandbox

Leaks = Callable[[str], list[str]]


@pytest.fixture
def _french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")


def test_every_shipment_refusal_is_french(english_leaks: Leaks) -> None:
    """Not accepted, unknown carrier, unsafe number: every reason of a plan reads in French."""
    plan = plan_shipment("1", "Transports Dupont", "AB/12", item_status="TO_CONFIRM")
    french = plan.reason_texts("fr")
    assert len(french) == 3
    assert "n'est pas encore accepté (statut : à confirmer, code TO_CONFIRM)" in french[0]
    assert "Transporteur inconnu" in french[1]
    assert "nous n'inventons jamais d'URL de suivi" in french[1]
    assert "« / »" in french[2]
    assert english_leaks(" ".join(french)) == []
    # The same plan still says it in English to an English reader.
    assert "not accepted yet" in plan.reason_texts("en")[0]


def test_refusal_of_a_carrier_without_page_and_a_mistyped_number_is_french(
    english_leaks: Leaks,
) -> None:
    """The no-page reason quotes carriers.json's French text; a bad check digit names the format
    in French."""
    no_page = plan_shipment("1", "heppner", "12345678", item_status="ACCEPTED")
    typo = plan_shipment("1", "colissimo", "6A12345678906", item_status="ON_HOLD")
    texts = [*no_page.reason_texts("fr"), *typo.reason_texts("fr"), *typo.warning_texts("fr")]
    assert "portail demande à l'acheteur" in texts[0]
    assert "identifiant colis national à 13 caractères" in texts[1]
    assert "en attente (une réclamation est ouverte)" in texts[2]
    assert english_leaks(" ".join(texts)) == []
    with pytest.raises(ShipmentRefusedError) as refused:
        typo.raise_if_refused()
    cause, fix = refused.value.render("fr")
    assert cause.startswith("Rakuten refuserait cette expédition : ")
    assert "identifiant colis national" in cause
    assert english_leaks(cause + " " + fix) == []


def test_every_number_format_and_translated_name_is_a_word_of_carriers_json() -> None:
    """The carrier words catalogue covers every format name of carriers.json in French, and holds
    no word carriers.json no longer writes (a renamed format shows up here)."""
    reg = registry()
    formats = {fmt.name for carrier in reg for fmt in carrier.formats}
    names = {carrier.name for carrier in reg}
    for lang in ("en", "fr"):
        catalogue = i18n.catalogue(lang)
        words = {key: text for key, text in catalogue.items() if key.startswith("carrier_")}
        known_formats = {k.split(".", 1)[1] for k in words if k.startswith("carrier_formats.")}
        known_names = {k.split(".", 1)[1] for k in words if k.startswith("carrier_names.")}
        assert sorted(formats - known_formats) == [], lang
        assert sorted(known_formats - formats) == [], lang
        assert sorted(known_names - names) == [], lang
        if lang == "en":
            assert all(key.split(".", 1)[1] == text for key, text in words.items())


def test_french_words_differ_from_the_english_ones() -> None:
    """A French format name is a translation, not the English text copied (brands apart)."""
    french = i18n.catalogue("fr")
    copied = [
        key
        for key, text in french.items()
        if key.startswith(("carrier_names.", "carrier_formats.")) and text == key.split(".", 1)[1]
    ]
    # Only formats written with codes and brand names alone may stay as they are.
    assert all(re.fullmatch(r"carrier_formats\.[A-Z0-9 +/.]+", key) for key in copied)


@pytest.mark.usefixtures("_french")
def test_carrier_words_in_show_detect_and_check(
    capsys: pytest.CaptureFixture[str], english_leaks: Leaks
) -> None:
    """`carriers show`, `detect` and `carriers check --number` name formats and descriptive
    carrier names in French; the JSON keeps carriers.json's names."""
    assert main(["carriers", "show", "dpd-group"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DPD (DPDgroup : BE, NL, LU et autres pays) (dpd-group)")
    assert "numéro de colis DPD, 14 chiffres (forme" in out
    assert main(["detect", "12345678"]) == 0
    detected = capsys.readouterr().out
    assert "numéro d'expédition à 8 chiffres" in detected
    assert "8-digit" not in detected
    assert main(["carriers", "check", "colissimo", "--number", "6A12345678906"]) == 0
    checked = capsys.readouterr().out
    assert "identifiant colis national à 13 caractères" in checked
    for text in (out, detected, checked):
        assert english_leaks(text) == []
    assert main(["carriers", "show", "dpd-group", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "DPD (DPDgroup: BE, NL, LU and other countries)"
    assert "DPD parcel number, 14 digits" in [f["name"] for f in data["formats"]]


@pytest.mark.usefixtures("_french")
def test_every_carrier_shows_in_french(
    capsys: pytest.CaptureFixture[str], english_leaks: Leaks
) -> None:
    """`carriers show` of every carrier of the registry, in French, holds no English sentence
    of the catalogues and no English format or descriptive name (Rakuten's exact value and the
    names merchants type stay as they are, and so do the citations of its sources)."""
    as_typed = (
        i18n.t("carriers.show.rakuten", "fr", rakuten="").strip(),
        i18n.t("carriers.show.aliases", "fr", names="").strip(),
    )
    words = {
        key.split(".", 1)[1]
        for key, text in i18n.catalogue("fr").items()
        if key.startswith(("carrier_names.", "carrier_formats.")) and text != key.split(".", 1)[1]
    }
    for carrier in registry():
        assert main(["carriers", "show", carrier.id]) == 0
        out = capsys.readouterr().out
        described = out.split(i18n.t("carriers.show.sources", "fr"))[0]
        assert english_leaks(described) == [], carrier.id
        shown = "\n".join(
            line for line in described.splitlines() if not line.strip().startswith(as_typed)
        )
        assert [word for word in words if word in shown] == [], carrier.id


@pytest.fixture
def sandbox() -> Iterator[Any]:
    """A fresh seeded sandbox (a shipment changes its state)."""
    with running_sandbox(seed=7, sales=30) as running:
        yield running


@pytest.mark.integration
@pytest.mark.usefixtures("_french")
def test_already_shipped_says_when_with_its_time_zone(
    sandbox: Any, capsys: pytest.CaptureFixture[str], english_leaks: Leaks
) -> None:
    """A second dry run of a shipped item says, in French, when Rakuten recorded it and in which
    time zone (Rakuten's history is in French local time)."""
    item = next(
        i for s in sandbox.state.sales for i in s.items if i.status == "ACCEPTED" and not i.shipment
    )
    connection = [
        "--login",
        sandbox.login,
        "--token",
        sandbox.token,
        "--base-url",
        sandbox.base_url,
    ]
    args = [item.item_id, "--carrier", "colissimo", "--number", "6A12345678905", *connection]
    assert main(["ship", *args, "--send"]) == 0
    capsys.readouterr()
    assert main(["ship", *args, "--item-history"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"ITEM_SHIPPED le \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+0[12]:00\)", out), out
    assert "serait REFUSÉ" in out
    assert english_leaks(out) == []


def test_notebook_errors_speak_the_widget_language(tmp_path: Any, english_leaks: Leaks) -> None:
    """A French widget shows our errors and their fix in French, without the class name; an
    English one keeps its English."""
    from rakuten_assist.notebook import MatchReport

    orders = pd.DataFrame({"item_id": ["1"], "sku": ["A"]})
    french = MatchReport(orders, lang="fr")
    french._load_upload([])
    html = unescape(french.message.value)
    assert "Aucun fichier de catalogue n'a été envoyé." in html
    assert "<b>Solution :</b> Choisissez d'abord l'export du flux." in html
    assert "CatalogError" not in html
    assert english_leaks(html) == []
    french.path.value = str(tmp_path / "missing.csv")
    french.load_path()
    assert "Erreur" in french.message.value
    assert english_leaks(unescape(french.message.value)) == []
    english = MatchReport(orders, lang="en")
    english._load_upload([])
    assert "No catalogue file was uploaded." in english.message.value
    assert "<b>Fix:</b> Choose the feed export first." in english.message.value


@pytest.mark.usefixtures("_french")
def test_system_refusals_and_ambiguous_names_are_french(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], english_leaks: Leaks
) -> None:
    """A missing file is 'introuvable', not the system's English; an ambiguous carrier lists its
    candidates with their French descriptive names."""
    assert main(["ship", "--batch", str(tmp_path / "none.csv")]) == 2
    err = capsys.readouterr().err
    assert "fichier ou dossier introuvable" in err
    assert "No such file" not in err
    assert main(["track", "dhl", "123"]) == 1
    err = capsys.readouterr().err
    assert "DHL Paket (Allemagne)" in err
    assert "(Germany)" not in err
    assert english_leaks(err) == []


@pytest.mark.integration
@pytest.mark.usefixtures("_french")
def test_doctor_marks_each_check_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """doctor's marks are French words too: a failed check is KO, not FAIL."""
    assert main(["doctor", "--login", "a@b.fr", "--token", "x"]) in (1, 3)
    out = capsys.readouterr().out
    assert "[KO  ] " in out
    assert "[FAIL]" not in out


def test_notebook_views_speak_the_widget_language(english_leaks: Leaks) -> None:
    """The French carrier checker answers in French (verdict, number, link labels), and the
    match summary names its fields and reasons in French."""
    from rakuten_assist.matching.sku import match_skus
    from rakuten_assist.notebook import CarrierChecker
    from rakuten_assist.notebook._html import check_results_html, match_summary_html

    checker = CarrierChecker("colissimo", number="6A12345678906", lang="fr")
    html = unescape(checker.answer.value)
    assert "OUI, pris en charge" in html
    assert "NON valide" in html
    assert "identifiant colis national à 13 caractères" in html
    assert english_leaks(html) == []
    for english in ("supported", "Number", "Rakuten transporter name", "extra data"):
        assert english not in html
    orders = pd.DataFrame({"item_id": ["1", "2"], "sku": ["000123", "rk-1"]})
    catalog = pd.DataFrame({"sku": ["123", "RK-1"], "id": ["10", "20"]})
    summary = unescape(match_summary_html(match_skus(orders, catalog, lang="fr"), "fr"))
    assert "<th>par raison</th>" in summary
    assert "SKU presque identique : 2" in summary
    assert "À corriger dans le flux" in summary
    assert "near_miss" not in summary
    assert english_leaks(summary) == []
    assert "Aucune vérification" in unescape(check_results_html([], "fr"))


@pytest.mark.integration
@pytest.mark.usefixtures("_french")
@pytest.mark.parametrize(
    "argv",
    [
        ["match", "--sandbox", "--catalog", "demo"],
        ["doctor", "--sandbox", "--catalog", "demo", "--carrier", "heppner"],
        ["orders", "--sandbox", "--format", "parquet"],
        ["orders", "--sandbox", "-o", "/nonexistent-folder/orders.csv"],
        ["orders", "--sandbox", "--country", "BE"],
        ["track", "heppner", "12345678"],
        ["track", "colissimo", "6A12345678906"],
        ["track", "dpd", "12345678901234"],
        ["carriers", "check", "mondial relay", "--number", "12345678"],
        ["detect", "12345678"],
        ["ship", "1", "--carrier", "heppner", "--number", "12345678", "--sandbox"],
        ["ship", "--journal"],
    ],
)
def test_main_outputs_in_french_hold_no_english_sentence(
    argv: list[str], capsys: pytest.CaptureFixture[str], english_leaks: Leaks
) -> None:
    """The main commands, run in French (answers, refusals, errors), write no sentence of the
    English catalogues, on stdout or stderr."""
    main(argv)
    out, err = capsys.readouterr()
    assert out or err
    assert english_leaks(out + "\n" + err) == []
