"""Strict loading of carriers.json: every mistake fails at load and names the entry."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.carriers import load_registry, parse_registry, registry_path
from rakuten_assist.errors import RegistryError

_DOCUMENT = json.loads(registry_path().read_text(encoding="utf-8"))


def _with(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(_DOCUMENT)
    change(document)
    return document


def _colissimo(document: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in document["carriers"] if c["id"] == "colissimo")


def _colis_prive(document: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in document["carriers"] if c["id"] == "colis-prive")


def _amazon(document: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in document["carriers"] if c["id"] == "amazon-logistics")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _colissimo(d).update(colour="blue"), r"'colissimo'.*unknown key.*colour"),
        (
            lambda d: _colissimo(d)["formats"][0].update(pattern="^(?:[68][A-Z]$"),
            r"'colissimo'.*not a valid regex",
        ),
        (
            lambda d: _colissimo(d).update(url_template="https://www.laposte.fr/?code=1"),
            r"'colissimo'.*\{tracking_number\} exactly once",
        ),
        (
            lambda d: _colissimo(d).update(url_template="http://www.laposte.fr/{tracking_number}"),
            r"'colissimo'.*https://",
        ),
        (
            lambda d: _colissimo(d).update(
                url_template="https://{country}.example/{tracking_number}"
            ),
            r"'colissimo'.*fixed host",
        ),
        (
            lambda d: _colissimo(d).update(url_template="https://x.fr/{lang}/{tracking_number}"),
            r"'colissimo'.*\{lang\}.*url_defaults.*whole value of a query parameter",
        ),
        (
            lambda d: _colissimo(d).update(url_template="https://x.fr/{tracking_number}?l=x{lang}"),
            r"'colissimo'.*\{lang\}.*url_defaults.*whole value of a query parameter",
        ),
        (
            lambda d: _colissimo(d).update(
                url_template="https://x.fr/{tracking_number}?p={postal_code}",
                url_defaults={"postal_code": ""},
            ),
            r"'colissimo'.*url_defaults must not be empty.*postal_code",
        ),
        (
            lambda d: _colissimo(d)["formats"][0].update(check="luhn_of_my_own"),
            r"'colissimo'.*check 'luhn_of_my_own'",
        ),
        (
            lambda d: _colissimo(d).update(postcode_form="be"),
            r"'colissimo'.*postcode_form must be one of fr",
        ),
        (
            lambda d: _colissimo(d).update(postcode_form="fr"),
            r"'colissimo'.*postcode_form is only for a url_template with \{postal_code\}",
        ),
        (
            lambda d: _colis_prive(d)["sample_inputs"].update(postal_code="1000"),
            r"'colis-prive'.*sample_inputs.postal_code '1000' is not a fr",
        ),
        (
            lambda d: _colissimo(d).update(priority=92),
            r"priority 92 is already used by 'colissimo'",
        ),
        (
            lambda d: _colissimo(d)["aliases"].append("Chrono Post"),
            r"alias 'chronopost' already belongs to 'colissimo'",
        ),
        (lambda d: _colissimo(d).update(written="27/11/2026"), r"'colissimo'.*YYYY-MM-DD"),
        (
            lambda d: _colissimo(d).update(url_template="https://x.fr/?c={tracking_number}}"),
            r"'colissimo'.*outside its placeholders",
        ),
        (
            lambda d: _colissimo(d).update(url_template="https://x.fr/?c={{tracking_number}"),
            r"'colissimo'.*outside its placeholders",
        ),
        (
            lambda d: _colissimo(d).update(url_template=None),
            r"'colissimo'.*no_url_reason",
        ),
        (
            lambda d: _amazon(d)["no_url_reason"].pop("fr"),
            r"'amazon-logistics'.*no_url_reason lacks the language\(s\) fr",
        ),
        (
            lambda d: _amazon(d).update(no_url_reason="No public page."),
            r"'amazon-logistics'.*no_url_reason as \{\"en\"",
        ),
        (
            lambda d: _colissimo(d).update(no_url_reason={"en": "No page.", "fr": "Pas de page."}),
            r"'colissimo'.*no_url_reason is only for carriers without url_template",
        ),
        (
            lambda d: _colissimo(d)["evidence"].update(url_agreement="none"),
            r"'colissimo'.*url_agreement is 'none' exactly when there is no url_template",
        ),
        (
            lambda d: _colissimo(d)["evidence"].update(url_agreement="probably"),
            r"'colissimo'.*url_agreement must be one of",
        ),
        (
            lambda d: _colissimo(d)["evidence"].update(url="V", url_agreement="conflicting"),
            r"'colissimo'.*evidence.url 'V' cannot go with url_agreement 'conflicting'",
        ),
        (
            lambda d: _colissimo(d)["evidence"].update(url="S", url_agreement="conflicting"),
            r"'colissimo'.*evidence.url 'S' cannot go with url_agreement 'conflicting'",
        ),
        (
            lambda d: _colissimo(d).update(
                sources=["one page"],
                evidence={"url": "X", "format": "S", "url_agreement": "conflicting"},
            ),
            r"'colissimo'.*'conflicting' needs at least two sources listed, not 1",
        ),
        (
            lambda d: _colissimo(d).update(sources=["one page"]),
            r"'colissimo'.*'agreed' needs at least two sources listed, not 1",
        ),
        (lambda d: _colissimo(d).pop("sources"), r"'colissimo'.*missing key\(s\).*sources"),
        (lambda d: _colissimo(d).update(sources=[]), r"'colissimo'.*'sources' must not be empty"),
        (
            lambda d: d["names"]["platforms"].update(Oops=["Colissimo"]),
            r"names.*platforms.*already name a carrier",
        ),
        (
            lambda d: d["names"]["qualifiers"].update(XX=["atlantis"]),
            r"names.*'XX' is not an ISO 3166",
        ),
        (lambda d: d.update(schema_version=1), r"schema_version"),
    ],
)
def test_broken_registry_fails_and_names_the_entry(change: Any, message: str) -> None:
    """Unknown keys, bad regexes, bad templates, clashes: a RegistryError naming the entry."""
    with pytest.raises(RegistryError, match=message):
        parse_registry(_with(change))


def test_registry_file_override_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RAKUTEN_CARRIERS_FILE points the loader at another registry file."""

    def only_colissimo(d: dict[str, Any]) -> None:
        # what names other carriers goes with them: shared names, brand words
        d.update(carriers=[_colissimo(d)], ambiguous_names={})
        d["names"].pop("brand_alone", None)

    document = _with(only_colissimo)
    path = tmp_path / "carriers.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("RAKUTEN_CARRIERS_FILE", str(path))
    assert [c.id for c in load_registry()] == ["colissimo"]


def test_a_brand_word_must_name_a_known_carrier() -> None:
    """names.brand_alone maps a brand word to a carrier id of the registry; a wrong id is
    refused with the entry named, never silently ignored."""
    document = _with(lambda d: d["names"].update(brand_alone={"Correos": "correos-es"}))
    with pytest.raises(RegistryError, match="brand_alone"):
        parse_registry(document)


def test_unreadable_registry_says_how_to_fix(tmp_path: Path) -> None:
    """A missing or non-JSON file raises RegistryError with a fix, not a bare OSError."""
    with pytest.raises(RegistryError, match="Cannot read") as missing:
        load_registry(tmp_path / "nope.json")
    assert "RAKUTEN_CARRIERS_FILE" in missing.value.fix
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid JSON"):
        load_registry(broken)


def test_unreadable_registry_is_explained_in_french(tmp_path: Path) -> None:
    """A French user reads why the registry file is unusable and its fix in French, with the
    place of the JSON mistake, and no English sentence."""
    from rakuten_assist.i18n import t

    with pytest.raises(RegistryError) as missing:
        load_registry(tmp_path / "nope.json")
    message, fix = missing.value.render("fr")
    assert message.startswith("Impossible de lire le registre des transporteurs ")
    assert message.endswith(" : " + t("common.os.enoent", "fr") + ".")
    assert fix.startswith("Réinstallez rakuten-assist")
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "carriers": [,]\n}', encoding="utf-8")
    with pytest.raises(RegistryError) as bad:
        load_registry(broken)
    message, fix = bad.value.render("fr")
    assert message == (
        f"Le registre des transporteurs {broken} n'est pas un JSON valide (ligne 2, colonne 16)."
    )
    assert fix.startswith("Corrigez carriers.json à cet endroit")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"name": "Exp\xe9dition"}'.encode("latin-1"))
    with pytest.raises(RegistryError) as undecodable:
        load_registry(latin)
    assert undecodable.value.render("fr")[0].endswith("n'est pas un texte UTF-8.")


def test_loaded_carriers_are_frozen() -> None:
    """Registry entries cannot be modified after load."""
    carrier = load_registry().by_id["colissimo"]
    with pytest.raises(AttributeError):
        carrier.name = "Other"  # type: ignore[misc]


def test_packaged_copy_is_found_in_a_built_wheel(tmp_path: Path) -> None:
    """The wheel force-includes carriers.json next to the module, where the loader looks.

    Where a C compiler is required (CI), the wheel also carries the compiled sales walker.
    """
    import os
    import subprocess
    import sys
    import zipfile

    root = Path(__file__).resolve().parents[2]
    built = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, f"the wheel did not build: {built.stderr[-400:]}"
    wheel = next(tmp_path.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "rakuten_assist/carriers.json" in names
        assert "rakuten_assist/carriers/loader.py" in names
        assert "rakuten_assist/matching/sku.py" in names
        assert "rakuten_assist/i18n/fr/common.toml" in names  # the catalogues ship too
        if os.environ.get("RAKUTEN_ASSIST_REQUIRE_COMPILED"):
            assert any(name.startswith("rakuten_assist/api/_csales.") for name in names), names
        packaged = json.loads(archive.read("rakuten_assist/carriers.json"))
    assert len(parse_registry(packaged)) == len(load_registry())


def test_full_check_runs_until_a_file_has_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with a bad regex always fails; a good file leaves a stamp for later fast loads."""
    stamps = tmp_path / "stamps"
    monkeypatch.setenv("RAKUTEN_ASSIST_CACHE_DIR", str(stamps))
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(_with(lambda d: _colissimo(d)["formats"][0].update(pattern="^([A-Z]$"))),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(RegistryError, match="not a valid regex"):
            load_registry(bad)
    assert not stamps.exists()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_DOCUMENT), encoding="utf-8")
    first = load_registry(good)
    assert len(list(stamps.glob("carriers-*.ok"))) == 1
    again = load_registry(good)
    assert [c.id for c in again] == [c.id for c in first]
    assert again.by_id["ups"].formats[0].matches("1Z5R89390357567127")


def test_every_entry_records_its_sources_and_their_agreement() -> None:
    """At least 80 carriers, each with sources and the date it was written from them; the
    page of a supported carrier is marked agreed, single or conflicting, 'none' without one."""
    reg = load_registry()
    assert len(reg) >= 80
    for carrier in reg:
        assert carrier.sources, carrier.id
        assert all(source.strip() for source in carrier.sources), carrier.id
        assert carrier.written[:2] == "20", carrier.id
        agreement = carrier.evidence.url_agreement
        assert (agreement == "none") == (carrier.url_template is None), carrier.id
        if carrier.url_template is None:
            assert carrier.reason("en"), carrier.id
            assert carrier.reason("fr"), carrier.id
            assert carrier.reason("en") != carrier.reason("fr"), carrier.id


@pytest.mark.parametrize(
    ("change", "french"),
    [
        (lambda d: _colissimo(d).update(priority=500), "priority doit être un entier de 0 à 99"),
        (
            lambda d: _colissimo(d).update(url_template="http://x/{tracking_number}"),
            "url_template doit commencer par https://",
        ),
        (lambda d: d.update(schema_version=1), "niveau racine : schema_version doit valoir 2"),
    ],
)
def test_a_broken_registry_is_explained_in_the_editors_language(change: Any, french: str) -> None:
    """Whoever adds a carrier to carriers.json may read French: the error names the entry and
    says what is wrong in French, with the French fix, and no English words around them."""
    with pytest.raises(RegistryError) as broken:
        parse_registry(_with(change))
    message, fix = broken.value.render("fr")
    assert message.startswith("carriers.json, ")
    assert french in message
    assert "must" not in message
    assert "entry" not in message
    assert fix.startswith("Corrigez")
