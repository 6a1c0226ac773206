"""The walkthrough after the QA walk: side questions at the token step, a carrier name that
means several carriers, every carrier in the chat, counts that agree, Rakuten quoted apart, and
a feed that cannot be read keeping the catalogue step (with its fix) until one can."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from rakuten_assist.sandbox import DEMO_CATALOGUE, running_sandbox
from rakuten_assist.support.checks import CheckResult, iter_checks
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.report import build_report
from rakuten_assist.tui.walkthrough import Checklist, Prompt, Step, Walkthrough

TOKEN = "0123456789abcdef0123456789abcdef"


def _at_carriers(lang: str = "en") -> Walkthrough:
    walkthrough = Walkthrough(Checklist(), lang=lang)
    walkthrough.start()
    walkthrough.submit("ma-boutique")
    walkthrough.submit(TOKEN)
    walkthrough.checks_finished()
    walkthrough.submit("skip")
    assert walkthrough.step is Step.CARRIERS
    return walkthrough


def _run(walkthrough: Walkthrough, prompt: Prompt) -> Prompt:
    """Run the checks a prompt asks for, as the app's worker does, and finish the step."""
    assert prompt.run is not None
    for result in iter_checks(prompt.run):
        walkthrough.record(result, prompt.scope)
    return walkthrough.checks_finished()


@pytest.mark.parametrize(
    "question",
    ["what's a token", "how do I get the token", "je trouve pas le jeton", "le jeton du compte"],
)
def test_a_question_without_a_question_mark_at_the_token_step_is_a_question(
    question: str,
) -> None:
    """Words typed at the token step are a side question answered in passing, never a token."""
    walkthrough = Walkthrough(Checklist())
    walkthrough.start()
    walkthrough.submit("ma-boutique")
    prompt = walkthrough.submit(question)
    assert prompt.question == question
    assert not prompt.error
    assert walkthrough.step is Step.TOKEN


@pytest.mark.parametrize("pasted", ["abc def ghi jkl", "3f9a2b 7c1d"])
def test_a_token_pasted_with_spaces_is_still_refused_as_a_token(pasted: str) -> None:
    """Letter and digit chunks with a space are a bad paste: refused, never quoted."""
    walkthrough = Walkthrough(Checklist())
    walkthrough.start()
    walkthrough.submit("ma-boutique")
    prompt = walkthrough.submit(pasted)
    assert prompt.question is None
    assert prompt.error
    assert pasted not in prompt.text


def test_a_name_of_several_carriers_is_asked_about_before_the_summary() -> None:
    """ "DPD, Mondial Relay": Mondial Relay gets its line, then the step asks which DPD with a
    quick reply per DPD; choosing one checks it and only then the summary comes."""
    walkthrough = _at_carriers()
    prompt = _run(walkthrough, walkthrough.submit("DPD, Mondial Relay"))
    assert walkthrough.step is Step.CARRIERS
    assert "Mondial Relay" in prompt.text
    assert "Which DPD?" in prompt.text
    assert "Setup summary" not in prompt.text
    assert {"DPD France", "DPD Germany", "skip"} <= set(prompt.suggestions)
    # Nothing failed: the checklist says "to make precise", not a failed carrier.
    assert walkthrough.checklist.counts()[1] == 0
    assert walkthrough.is_side_question("DPD France") is False
    summary = _run(walkthrough, walkthrough.submit("DPD France"))
    assert walkthrough.step is Step.DONE
    assert "DPD France" in summary.text
    assert "Setup summary" in summary.text
    ids = [item.id for item in walkthrough.checklist.items]
    assert "carrier:dpd-fr" in ids
    assert "carrier:DPD" not in ids
    assert walkthrough.checklist.counts() == (2, 0, 0)


def test_french_choices_of_an_ambiguous_name_are_french_and_resolve() -> None:
    """The quick replies of "Quel DPD ?" are the French names, and each is checked as itself."""
    walkthrough = _at_carriers("fr")
    prompt = _run(walkthrough, walkthrough.submit("DPD"))
    assert "Quel DPD ?" in prompt.text
    assert "DPD Allemagne" in prompt.suggestions
    summary = _run(walkthrough, walkthrough.submit("DPD Allemagne"))
    assert walkthrough.checklist.get("carrier:dpd-de") is not None
    assert "Résumé" in summary.text


def test_skipping_the_choice_does_not_report_a_failed_carrier() -> None:
    """Skipping "which DPD?" ends the walkthrough; the report marks DPD as not settled, not ✗."""
    walkthrough = _at_carriers()
    _run(walkthrough, walkthrough.submit("DPD"))
    summary = walkthrough.submit("skip")
    assert walkthrough.step is Step.DONE
    assert "0 failed" in summary.text
    report = build_report([], walkthrough.checklist.items_in("en"), account="x")
    row = next(line for line in report.splitlines() if "'DPD'" in line)
    assert row.startswith("| – |")


def test_each_carrier_checked_gets_a_line_with_what_its_link_needs() -> None:
    """Carriers that pass are said in the chat too, with the buyer's postcode they need."""
    walkthrough = _at_carriers()
    summary = _run(walkthrough, walkthrough.submit("Colissimo, Mondial Relay, Tartempion"))
    text = summary.text
    assert "✓ **Carrier Colissimo**" in text
    assert "✓ **Carrier Mondial Relay**" in text
    assert "postcode" in text.split("Carrier Mondial Relay")[1].split("\n")[0]
    # The unknown one is said once, not again in the summary under it.
    assert text.count("Tartempion") == 2  # its title and its detail, in one line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unknown_carrier_with_no_close_name_lists_none(lang: str) -> None:
    """No close carrier: the fix says so, with no empty list ("Nearby carriers: -")."""
    walkthrough = _at_carriers(lang)
    _run(walkthrough, walkthrough.submit("Tartempion"))
    (item,) = [i for i in walkthrough.checklist.items_in(lang) if i.id.startswith("carrier:")]
    assert ": -" not in item.fix
    assert "F3" in item.fix


def test_an_unknown_carrier_with_close_names_lists_them() -> None:
    """A mistyped name still gets its nearby carriers."""
    walkthrough = _at_carriers()
    _run(walkthrough, walkthrough.submit("Colisimo"))
    fixes = [i.fix for i in walkthrough.checklist.items_in("en") if i.id.startswith("carrier:")]
    assert all(": -" not in fix for fix in fixes)


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("fr", 0, "0 non lancée"), ("fr", 1, "1 non lancée"), ("fr", 2, "2 non lancées"),
     ("en", 1, "1 not run"), ("fr", 1, "1 réussie"), ("fr", 8, "8 réussies")],
)  # fmt: skip
def test_counts_agree_with_their_number(lang: str, count: int, expected: str) -> None:
    """French says 0 and 1 in the singular, 2 and more in the plural."""
    name = "skipped" if "lanc" in expected or "not run" in expected else "passed"
    assert ui(lang, f"walk.count.{name}", count=count) == expected


def test_summary_counts_agree_in_french() -> None:
    """One check not run reads "1 non lancée"."""
    walkthrough = _at_carriers("fr")
    walkthrough.checklist.clear()
    walkthrough.checklist.upsert(CheckResult("a", "A", True, "ok"))
    walkthrough.checklist.upsert(CheckResult("b", "B", None, "pas lancé"))
    assert "1 réussie, 0 en échec, 1 non lancée" in walkthrough.summary()


@pytest.mark.parametrize(
    ("lang", "label"),
    [("fr", "Texte de Rakuten, tel que reçu : « Unknown user or password"),
     ("en", "Rakuten's text, as received: «Unknown user or password")],
)  # fmt: skip
def test_refused_credentials_quote_rakuten_apart_from_our_sentence(lang: str, label: str) -> None:
    """Our cause, then Rakuten's text marked as received, then the fix: Rakuten's words are
    never inside our sentence, in the chat nor in the ticket report."""
    with running_sandbox(seed=42, sales=5) as sandbox:
        walkthrough = Walkthrough(Checklist(), lang=lang, base_url=sandbox.base_url)
        walkthrough.start()
        walkthrough.submit("someshop")
        prompt = _run(walkthrough, walkthrough.submit(TOKEN))
    assert walkthrough.step is Step.LOGIN
    assert label in prompt.text
    cause, rest = prompt.text.split(label)
    assert "Unknown user" not in cause
    fix = "Correction" if lang == "fr" else "Fix"
    assert fix in rest
    report = build_report([], walkthrough.checklist.items_in(lang), account="x", lang=lang)
    assert label in report
    assert TOKEN not in prompt.text + report


def test_the_account_given_at_start_is_offered_at_the_first_two_steps() -> None:
    """With --login/--token, the login is a quick reply and so is "use the token given"."""
    walkthrough = Walkthrough(Checklist())
    walkthrough.offer_account("ma-boutique", SecretStr(TOKEN))
    prompt = walkthrough.start()
    assert prompt.suggestions == ["ma-boutique"]
    assert "ma-boutique" in prompt.text
    prompt = walkthrough.submit("ma-boutique")
    assert prompt.suggestions == [walkthrough.known_token_label]
    assert walkthrough.is_side_question(walkthrough.known_token_label) is False
    prompt = walkthrough.submit(walkthrough.known_token_label)
    assert walkthrough.step is Step.CHECKS
    assert walkthrough.token is not None
    assert walkthrough.token.get_secret_value() == TOKEN
    assert TOKEN not in prompt.text


def test_the_token_given_at_start_is_not_offered_for_another_login() -> None:
    """Another login typed at step 1: the token given at start belongs to the other account."""
    walkthrough = Walkthrough(Checklist())
    walkthrough.offer_account("ma-boutique", SecretStr(TOKEN))
    walkthrough.start()
    prompt = walkthrough.submit("autre-boutique")
    assert prompt.suggestions == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Our own checks (not a Rakuten error): The login is an e-mail address."),
     ("fr", "Nos propres vérifications (pas une erreur Rakuten) : L'identifiant est une "
            "adresse e-mail.")],
)  # fmt: skip
def test_our_own_check_is_cited_by_what_it_found_never_by_its_id(lang: str, expected: str) -> None:
    """The source line of our e-mail-as-login check names it as ours, in words, with no id."""
    from rakuten_assist.support import Source
    from rakuten_assist.tui.sources import source_line

    line = source_line(Source.error("ours.login_is_email"), lang)
    assert line == expected
    assert "ours." not in line


def test_a_rakuten_error_is_cited_by_rakutens_own_code() -> None:
    """A Rakuten error entry shows Rakuten's code, quoted, not our catalogue id."""
    from rakuten_assist.support import Source
    from rakuten_assist.tui.sources import source_line

    line = source_line(Source.error("rakuten.unknown_user"), "fr")
    assert line == "Catalogue des erreurs Rakuten : « InvalidUserConnection »"


@pytest.mark.parametrize(
    ("lang", "unread", "fix", "carriers_step"),
    [
        ("en", "could not be read", "save it again", "Step 5/5"),
        ("fr", "n'a pas pu être lu", "enregistrez-le de nouveau", "Étape 5/5"),
    ],
)
def test_an_unreadable_feed_keeps_the_catalogue_step_until_a_readable_one(
    tmp_path: Path, lang: str, unread: str, fix: str, carriers_step: str
) -> None:
    """A broken .xlsx: the step stays, the prompt says the feed was not read with the fix and
    asks for the path again; the demo feed then moves on to the carriers."""
    broken = tmp_path / "feed.xlsx"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # an image renamed, not a workbook
    with running_sandbox(seed=42, sales=5) as sandbox:
        walkthrough = Walkthrough(Checklist(), lang=lang, base_url=sandbox.base_url)
        walkthrough.start()
        walkthrough.submit(sandbox.login)
        _run(walkthrough, walkthrough.submit(sandbox.token))
        assert walkthrough.step is Step.CATALOG
        stopped = _run(walkthrough, walkthrough.submit(str(broken)))
        assert walkthrough.step is Step.CATALOG
        assert stopped.error
        assert unread in stopped.text
        assert fix in stopped.text.replace("*", "")
        assert carriers_step not in stopped.text
        assert walkthrough.is_side_question(str(DEMO_CATALOGUE)) is False
        moved_on = _run(walkthrough, walkthrough.submit(str(DEMO_CATALOGUE)))
    assert walkthrough.step is Step.CARRIERS
    assert carriers_step in moved_on.text
    assert not moved_on.error


def test_a_feed_read_with_unmatched_skus_still_moves_on(tmp_path: Path) -> None:
    """Unmatched SKUs are a finding, not a failure to read: the walkthrough goes on."""
    feed = tmp_path / "feed.csv"
    feed.write_text("sku,id\nNOT-SOLD,1\n", encoding="utf-8")
    with running_sandbox(seed=42, sales=5) as sandbox:
        walkthrough = Walkthrough(Checklist(), base_url=sandbox.base_url)
        walkthrough.start()
        walkthrough.submit(sandbox.login)
        _run(walkthrough, walkthrough.submit(sandbox.token))
        prompt = _run(walkthrough, walkthrough.submit(str(feed)))
    sku = walkthrough.checklist.get("sku_mapping")
    assert sku is not None
    assert sku.ok is False
    assert walkthrough.step is Step.CARRIERS
    assert "Step 5/5" in prompt.text
