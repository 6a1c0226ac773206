"""The ask and doctor commands: CLI.md shapes, exit codes, language, no token in output."""

from __future__ import annotations

import json

import pytest

from rakuten_assist.cli import main
from rakuten_assist.sandbox import DEMO_TOKEN


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """ask --json prints only JSON with intent, lang, answer, facts, sources, suggestions."""
    code, out, _ = _run(capsys, "ask", "colisimo c'est bon ?", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["intent"] == "carrier_support"
    assert data["lang"] == "fr"
    assert data["facts"]["carrier_ids"] == ["colissimo"]
    assert isinstance(data["answer"], str)
    assert data["sources"][0].startswith("registre des transporteurs : Colissimo")
    assert data["source_refs"][0]["kind"] == "carrier"
    assert data["source_refs"][0]["ref"] == "colissimo"


def test_ask_not_understood_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A question outside the engine's scope exits 1 with the honest answer."""
    code, out, _ = _run(capsys, "ask", "can you recommend a good pizza place")
    assert code == 1
    assert "I don't know" in out
    assert "technical support" in out


def test_ask_lang_option_forces_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang fr answers in French even to an English question."""
    code, out, _ = _run(capsys, "ask", "where is the token?", "--lang", "fr", "--json")
    assert code == 0
    assert json.loads(out)["lang"] == "fr"


def test_ask_human_output_cites_sources(capsys: pytest.CaptureFixture[str]) -> None:
    """The human answer ends with its sources and quick replies."""
    code, out, _ = _run(capsys, "ask", "Quota exceeded.")
    assert code == 0
    assert "Sources: error catalogue: rakuten.quota_exceeded" in out


def test_doctor_email_login_exits_1_with_fix(capsys: pytest.CaptureFixture[str]) -> None:
    """doctor with an e-mail login fails and says to use the account name from the banner."""
    code, out, _ = _run(
        capsys, "doctor", "--login", "shop@example.com", "--token", "tok-123456789", "--json"
    )
    data = json.loads(out)
    assert code == 1
    assert data["ok"] is False
    check = data["checks"][0]
    assert set(check) >= {"id", "ok", "title", "detail", "fix"}
    assert check["id"] == "login"
    assert "banner" in check["fix"]
    assert "tok-123456789" not in out


@pytest.mark.integration
def test_doctor_sandbox_json(capsys: pytest.CaptureFixture[str]) -> None:
    """doctor --sandbox --json runs every check on the sandbox, says so, never shows the token."""
    code, out, err = _run(capsys, "doctor", "--sandbox", "--json", "--carrier", "colissimo")
    data = json.loads(out)
    assert data["sandbox"] is True
    assert "sandbox" in err
    ids = [check["id"] for check in data["checks"]]
    assert ids[:5] == ["login", "token", "credentials", "professional_rights", "open_orders"]
    assert "carrier:colissimo" in ids
    assert ids[-1] == "test_order"
    oks = {check["id"]: check["ok"] for check in data["checks"]}
    assert all(oks[check_id] is True for check_id in ids[:5])
    assert oks["carrier:colissimo"] is True
    assert oks["sku_mapping"] is None  # no --catalog given
    assert oks["test_order"] is None  # guidance only
    assert data["ok"] is True
    assert code == 0
    assert DEMO_TOKEN not in out + err


@pytest.mark.integration
def test_doctor_sandbox_human_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    """The human report follows --lang and shows progress line by line."""
    code, out, _ = _run(capsys, "doctor", "--sandbox", "--lang", "fr")
    assert "Rakuten accepte les identifiants" in out
    assert "Aucun filtre par pays" in out
    # Three checks were skipped (no catalogue, no carrier, the test order): not "all in order".
    assert "Toutes les vérifications faites sont passées (5)." in out
    assert "3 vérifications sautées" in out
    assert code == 0


def test_ask_carrier_question_ignores_bad_credentials(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A malformed RAKUTEN_LOGIN does not break a carrier question: no connection is opened."""
    monkeypatch.setenv("RAKUTEN_LOGIN", "not a login@@")
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    code, out, _ = _run(capsys, "ask", "on expédie en Colissimo, ça passe ?", "--json")
    assert code == 0
    assert json.loads(out)["facts"]["carrier_ids"] == ["colissimo"]


def test_ask_format_text_is_plain_with_whole_links(capsys: pytest.CaptureFixture[str]) -> None:
    """ask --format text prints only the answer, without Markdown marks, links whole."""
    code, out, _ = _run(capsys, "ask", "is Mondial Relay supported?", "--format", "text")
    assert code == 0
    assert "**" not in out
    assert "`" not in out
    assert "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=" in out
    assert "Sources" not in out


def test_ask_format_markdown_keeps_the_markup(capsys: pytest.CaptureFixture[str]) -> None:
    """ask --format markdown prints the answer's Markdown."""
    code, out, _ = _run(capsys, "ask", "is Mondial Relay supported?", "--format", "markdown")
    assert code == 0
    assert "**Mondial Relay**" in out


def test_ask_format_json_is_the_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """ask --format json prints the same shape as --json."""
    code, out, _ = _run(capsys, "ask", "where is the token?", "--format", "json")
    assert code == 0
    assert json.loads(out)["intent"] == "token_help"


def test_ask_json_has_one_part_per_question(capsys: pytest.CaptureFixture[str]) -> None:
    """A message with two questions has parts in order; the top-level keys are the first's."""
    code, out, _ = _run(
        capsys, "ask", "login = adresse mail ou pas ? et le token je le trouve où ?", "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert [part["intent"] for part in data["parts"]] == ["login_help", "token_help"]
    assert data["intent"] == "login_help"
    assert data["answer"] == data["parts"][0]["answer"]
    assert data["parts"][1]["facts"]["is_web_password"] is False


def test_ask_text_answers_every_question(capsys: pytest.CaptureFixture[str]) -> None:
    """The text format holds the answer to each question of the message, in order."""
    code, out, _ = _run(
        capsys, "ask", "c'est quoi l'identifiant ? et où est le jeton ?", "--format", "text"
    )
    assert code == 0
    assert out.index("nom de votre compte") < out.index("Mes informations développeur")


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_ask_an_empty_question_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], question: str
) -> None:
    """An empty or blank question exits 2 (CLI.md) with the cause and its fix, no answer."""
    code, out, err = _run(capsys, "ask", question, "--lang", "en")
    assert code == 2
    assert out == ""
    assert "The question is empty" in err
    assert 'rakuten-assist ask "' in err


def test_ask_sandbox_notice_is_in_the_language_of_the_question(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A French question with --sandbox gets the sandbox notice in French, whatever the locale."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("RAKUTEN_ASSIST_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, _, err = _run(capsys, "ask", "où en est la commande 412345678 ?", "--sandbox")
    assert code == 0
    assert "Bac à sable" in err
    assert "sandbox" not in err.lower().replace("bac à sable", "")
