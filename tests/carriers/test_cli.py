"""The carrier commands: JSON keys of CLI.md, exit codes, and a light start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rakuten_assist.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_carriers_check_json_has_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers check --json` has every key of CLI.md and exits 0 for a supported carrier."""
    code, out, _ = _run(capsys, "carriers", "check", "colissimo", "--json")
    data = json.loads(out)
    assert code == 0
    assert {
        "query",
        "supported",
        "carrier",
        "tracking_url",
        "number",
        "message",
        "suggestions",
    } <= set(data)
    assert {"id", "name", "rakuten_name", "needs"} <= set(data["carrier"])
    assert data["supported"] is True
    assert data["number"] is None


def test_carriers_check_with_number(capsys: pytest.CaptureFixture[str]) -> None:
    """A number is checked and used for the link; its object has value, valid and reason."""
    code, out, _ = _run(
        capsys, "carriers", "check", "UPS", "--number", "1z5r 8939 0357 5671 27", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["number"]["value"] == "1Z5R89390357567127"
    assert data["number"]["valid"] is True
    assert data["tracking_url"] == "https://www.ups.com/track?tracknum=1Z5R89390357567127&loc=fr_FR"


def test_carriers_check_no_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An unsupported carrier exits 1 and names what the merchant can do."""
    code, out, _ = _run(capsys, "carriers", "check", "MRW")
    assert code == 1
    assert "NO" in out
    assert "Closest supported carriers" in out


def test_carriers_check_human_yes(capsys: pytest.CaptureFixture[str]) -> None:
    """The human answer shows the yes, the exact Rakuten name, a labelled example and needs."""
    code, out, _ = _run(capsys, "carriers", "check", "Colis Privé")
    assert code == 0
    assert "YES" in out
    assert "Colis Prive" in out
    assert "Example link" in out
    assert "postcode" in out


def test_track_json_and_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    """`track --json` gives carrier, Rakuten name, number and URL; a bad number exits 1."""
    code, out, _ = _run(capsys, "track", "dhl express", "3318810025", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["carrier"] == "dhl-express"
    assert data["rakuten_name"] == "DHL"
    assert data["tracking_number"] == "3318810025"
    assert data["tracking_url"].startswith("https://www.dhl.com/fr-fr/")
    code, out, err = _run(capsys, "track", "dhl express", "3318810010")
    assert code == 1
    assert out == ""
    assert "Fix:" in err


def test_detect_json_and_none(capsys: pytest.CaptureFixture[str]) -> None:
    """`detect --json` ranks candidates with confidence and checksum; nothing found exits 1."""
    code, out, _ = _run(capsys, "detect", "1Z5R89390357567127", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["candidates"][0] == {**data["candidates"][0], "carrier": "ups", "checksum": True}
    assert isinstance(data["candidates"][0]["confidence"], float)
    code, _, _ = _run(capsys, "detect", "QQ")
    assert code == 1


def test_detect_calls_strong_only_a_proof(capsys: pytest.CaptureFixture[str]) -> None:
    """`detect` says "strong" only for a carrier's own format with its check digit: a French
    S10 of a Chronopost series is Chronopost's alone, and a check digit on a shape other
    carriers share (TNT's 9 digits) is "medium", in English and in French."""
    code, out, _ = _run(capsys, "detect", "XU123456785FR", "--lang", "en")
    assert code == 0
    assert "Chronopost (chronopost), strong" in out
    assert "TNT" not in out
    _, out, _ = _run(capsys, "detect", "123456782", "--lang", "en")
    assert "TNT (tnt), medium: check digit fits, but other carriers" in out
    assert "strong" not in out
    _, out, _ = _run(capsys, "detect", "123456782", "--lang", "fr")
    assert "TNT (tnt), moyen : la clé de contrôle correspond" in out
    _, out, _ = _run(capsys, "detect", "123456782", "--json")
    assert json.loads(out)["candidates"][0]["evidence"] == "checked_shared"


def test_track_with_a_shared_name_says_it_is_ambiguous(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`track dhl NUMBER` names the ambiguity and every candidate instead of "Unknown
    carrier", says which candidates the number fits, in English and in French; a number only
    one candidate issues settles it."""
    code, out, err = _run(capsys, "track", "dhl", "JJD0099999999", "--lang", "en")
    assert code == 1
    assert out == ""
    assert "Unknown carrier" not in err
    assert "'dhl' is ambiguous" in err
    assert "DHL Express (dhl-express)" in err
    assert "DHL Paket (Germany) (dhl-paket-de)" in err
    assert "fits more than one of them (dhl-express, dhl-paket-de)" in err
    code, _, err = _run(capsys, "track", "DPD", "1", "--lang", "fr")
    assert code == 1
    assert "« DPD » est ambigu" in err
    assert "DPD France (dpd-fr)" in err
    assert "ne correspond à aucun de leurs formats" in err
    assert "Unknown" not in err
    assert "inconnu" not in err
    code, out, _ = _run(capsys, "track", "dhl", "3318810025", "--json")
    assert code == 0
    assert json.loads(out)["carrier"] == "dhl-express"


def test_carriers_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers list --json` lists every carrier with its Rakuten names and support state."""
    code, out, _ = _run(capsys, "carriers", "list", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["count"] == len(data["carriers"]) >= 40
    heppner = next(c for c in data["carriers"] if c["id"] == "heppner")
    assert heppner["supported"] is False


def test_carriers_check_imports_nothing_heavy() -> None:
    """`carriers check colissimo --json` loads no pandas, textual, ipywidgets, httpx, rapidfuzz
    or pydantic (pydantic alone would take the start-up past its target)."""
    code = (
        "import sys\n"
        "from rakuten_assist.cli import main\n"
        "rc = main(['carriers', 'check', 'colissimo', '--json'])\n"
        "heavy = sorted(m for m in ('pandas', 'textual', 'ipywidgets', 'httpx', 'rapidfuzz')"
        " if m in sys.modules)\n"
        "print('HEAVY', heavy, 'pydantic' in sys.modules, file=sys.stderr)\n"
        "raise SystemExit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY [] False" in result.stderr


def test_carriers_check_loads_only_what_it_needs(tmp_path: Path) -> None:
    """Once its caches are filled, `carriers check colissimo --json` imports no logging,
    tomllib (the catalogues come compiled), pathlib or urllib.parse, and answers an exact
    carrier name without building the lookup's index."""
    code = (
        "import sys\n"
        "from rakuten_assist.cli import main\n"
        "rc = main(['carriers', 'check', 'colissimo', '--json'])\n"
        "from rakuten_assist.carriers._name_index import index_of\n"
        "loaded = sorted(m for m in ('logging', 'tomllib', 'pathlib', 'urllib.parse')"
        " if m in sys.modules)\n"
        "print('LOADED', loaded, index_of.cache_info().currsize, file=sys.stderr)\n"
        "raise SystemExit(rc)\n"
    )
    env = {**os.environ, "RAKUTEN_ASSIST_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first run fills the caches
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
        )
        assert result.returncode == 0, result.stderr
    assert "LOADED [] 0" in result.stderr


def test_carriers_check_bad_postcode_still_answers_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`carriers check "mondial relay" --postcode 75/011 --json` prints the answer, exit 0."""
    code, out, _ = _run(
        capsys, "carriers", "check", "mondial relay", "--postcode", "75/011", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert data["supported"] is True
    assert data["tracking_url"] is None
    assert "postcode '75/011'" in data["message"]


def test_carriers_check_answers_in_french_with_lang_fr(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers check Dachser --lang fr --json` gives the refusal reason in French."""
    code = main(["carriers", "check", "Dachser", "--lang", "fr", "--json"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "eLogistics" in answer["message"]
    assert "Non :" in answer["message"]


def test_carriers_show_prints_the_sources_and_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    """`carriers show "Canada Post"` names each source by repository and the date it was written."""
    code = main(["carriers", "show", "Canada Post"])
    out = capsys.readouterr().out
    assert code == 0
    assert "jkeen/tracking_number_data:couriers/canadapost.json" in out
    assert "Entry written from its sources on 2026-12-07." in out
    assert "independent sources agree" in out


def test_carriers_show_of_an_unknown_name_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A name that is no carrier of the registry is said so on stderr, exit 1."""
    assert main(["carriers", "show", "Transports Dupont"]) == 1
    assert "not a carrier of the registry" in capsys.readouterr().err


def test_carriers_check_text_in_french_from_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a French setting, the text output of `carriers check` has no English sentence."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert main(["carriers", "check", "Heppner"]) == 1
    out = capsys.readouterr().out
    assert "NON, pas pris en charge" in out
    assert "récépissé" in out
    assert "What you can do" not in out
    assert main(["detect", "1Z5R89390357567127"]) == 0
    assert "la clé de contrôle correspond" in capsys.readouterr().out


def test_track_errors_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A French user's refused `track` names the problem and its fix in French."""
    monkeypatch.setenv("RAKUTEN_ASSIST_LANG", "fr")
    assert main(["track", "colissimo", "6A1234/5678905"]) != 0
    err = capsys.readouterr().err
    assert "n'est ni une lettre ni un chiffre" in err
    assert main(["track", "mondial relay", "12345678"]) != 0
    assert "code postal" in capsys.readouterr().err
