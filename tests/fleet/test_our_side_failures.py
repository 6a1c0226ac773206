"""A fleet that could not reach Rakuten is one cause on our side, said once in the reader's
language, not a message to pass on to every merchant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rakuten_assist.cli import main
from rakuten_assist.errors._network import network_reason, said_params
from rakuten_assist.i18n import Message

pytestmark = pytest.mark.integration

# What httpx and aiohttp say (English), none of which a French reader should meet unmarked.
_LIBRARY_WORDS = ("Cannot connect", "Connect call failed", "All connection attempts", "ssl:default")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unreachable_fleet_is_one_cause_on_our_side_said_once(
    lang: str, small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every account unreachable for the same reason: fleet orders and fleet report say it
    once, naming every account, with one fix, in the reader's words, not as ten messages for
    the merchants."""
    store = str(tmp_path / "fleet.sqlite3")
    common = ["--store", store, "--lang", lang]
    down = ["--accounts", str(small_file), "--base-url", "http://127.0.0.1:1", *common]
    assert main(["fleet", "orders", *down]) == 3
    orders_err = capsys.readouterr().err
    assert main(["fleet", "report", *common]) == 0
    report_out = capsys.readouterr().out
    fix = {"en": "fix: Check the network", "fr": "correction : Vérifiez le réseau"}[lang]
    refused = {"en": "the connection was refused", "fr": "la connexion a été refusée"}[lang]
    to_tell = {"en": "with what to tell them", "fr": "avec ce qu'il faut leur dire"}[lang]
    for text in (orders_err, report_out):
        assert text.count(fix) == 1
        grouped = next(line for line in text.splitlines() if refused in line)
        assert all(f"shop-{n:04d}" in grouped for n in range(1, 11))
        assert to_tell not in text
        assert not any(words in text for words in _LIBRARY_WORDS)


def test_the_json_report_says_the_reason_in_the_readers_language(
    small_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON keeps one entry per account, with the error in French words."""
    store = str(tmp_path / "fleet.sqlite3")
    base = ["--store", store, "--lang", "fr"]
    down = ["--accounts", str(small_file), "--base-url", "http://127.0.0.1:1", *base]
    assert main(["fleet", "orders", *down]) == 3
    capsys.readouterr()
    assert main(["fleet", "report", "--json", *base]) == 0
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert len(accounts) == 10
    for account in accounts:
        assert "la connexion a été refusée" in account["error"]
        assert account["fix"].startswith("Vérifiez le réseau")


@pytest.mark.parametrize(
    ("library", "french"),
    [
        ("All connection attempts failed", "aucune connexion n'a pu être ouverte"),
        ("[Errno 111] Connection refused", "la connexion a été refusée"),
        (
            "Cannot connect to host nowhere.invalid:443 ssl:default [Name or service not known]",
            "le nom d'hôte de l'URL de base est introuvable",
        ),
        ("[Errno -2] Name or service not known", "le nom d'hôte de l'URL de base est introuvable"),
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch",
            "le certificat du serveur a été refusé",
        ),
        ("[Errno 101] Network is unreachable", "pas de route réseau"),
        ("Server disconnected", "le serveur a fermé la connexion"),
        ("Something nobody planned", "en anglais : « Something nobody planned »"),
        ("407 Proxy Authentication Required", "le proxy demande des identifiants"),
        (
            "Requested NO AUTHENTICATION REQUIRED from proxy server, but got NO ACCEPTABLE "
            "METHODS.",
            "le proxy demande des identifiants",
        ),
        ("403 Forbidden", "le proxy refuse de laisser passer cette machine vers Rakuten"),
        ("Proxy Server could not connect: HOST_UNREACHABLE.", "le proxy SOCKS n'a pas pu"),
    ],
)
def test_a_network_librarys_reason_is_said_in_our_words(library: str, french: str) -> None:
    """The reasons met most often are said from the catalogue; any other is quoted as the
    library's own English."""
    assert french in network_reason(library).render("fr")
    params = said_params("errors.api.unreachable", {"action": "getnewsales", "reason": library})
    sentence = Message("errors.api.unreachable", params).render("fr")
    assert sentence.startswith("Impossible de joindre Rakuten pour getnewsales : ")
    assert french in sentence


def test_seconds_are_said_with_the_readers_decimal_mark() -> None:
    """A deadline of half a second reads 0,5 s in French and 0.5 s in English."""
    params = said_params("errors.api.deadline", {"action": "x", "seconds": "0.5", "size": 9})
    assert "0,5 s" in Message("errors.api.deadline", params).render("fr")
    assert "0.5 s" in Message("errors.api.deadline", params).render("en")


def test_the_progress_line_says_seconds_with_the_readers_decimal_mark(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The French progress bar reads "2,5 s", the English one "2.5 s"."""
    from rakuten_assist.cli._fleet_output import ProgressBar
    from rakuten_assist.fleet import FleetProgress

    for lang, seconds in (("fr", ",5 s"), ("en", ".5 s")):
        bar = ProgressBar(lang)
        bar.started -= 2.5
        bar(FleetProgress(total=2, done=2, failed=0, items=3))
        assert seconds in capsys.readouterr().err
