"""The walkthrough step machine on its own: no UI, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from rakuten_assist.i18n import t
from rakuten_assist.support.checks import CheckResult
from rakuten_assist.tui.walkthrough import Checklist, Step, Walkthrough

DEMO_TOKEN = "demo-token-0123456789"


def _started(**kwargs: object) -> Walkthrough:
    walkthrough = Walkthrough(Checklist(), **kwargs)  # type: ignore[arg-type]
    walkthrough.start()
    return walkthrough


def test_email_login_is_refused_with_the_account_name_explanation() -> None:
    """An e-mail as login keeps the walkthrough on the login step and names the banner."""
    walkthrough = _started()
    prompt = walkthrough.submit("shop@example.com")
    assert prompt.error
    assert walkthrough.step is Step.LOGIN
    assert "e-mail" in prompt.text
    assert "user banner" in prompt.text


def test_email_login_is_refused_in_french_when_the_user_writes_french() -> None:
    """In French, the refusal and its fix are French too (no English error text)."""
    walkthrough = _started(lang="fr")
    prompt = walkthrough.submit("marie@boutique.fr")
    assert prompt.error
    assert "adresse e-mail" in prompt.text
    assert "bandeau utilisateur" in prompt.text
    assert "is an e-mail address" not in prompt.text


def test_bad_token_is_refused_in_french_without_quoting_it() -> None:
    """A malformed token is refused in French, and the prompt never repeats it."""
    walkthrough = _started(lang="fr")
    walkthrough.submit("ma-boutique")
    prompt = walkthrough.submit("abc def 123456")
    assert prompt.error
    assert "jeton" in prompt.text
    assert "abc def 123456" not in prompt.text


def test_good_login_asks_for_the_token_and_says_where_to_copy_it() -> None:
    """A valid account name moves to a masked token step naming the developer page."""
    walkthrough = _started()
    prompt = walkthrough.submit("ma-boutique")
    assert walkthrough.step is Step.TOKEN
    assert prompt.masked
    assert "Mon compte > Mes informations développeur" in prompt.text
    assert walkthrough.login == "ma-boutique"


def test_sandbox_demo_token_is_offered_by_label_never_by_value() -> None:
    """On the sandbox a quick reply fills the demo token without ever showing it."""
    walkthrough = _started(demo_login="demo-boutique", demo_token=DEMO_TOKEN)
    login_prompt = walkthrough.start()
    assert login_prompt.suggestions == ["demo-boutique"]
    token_prompt = walkthrough.submit("demo-boutique")
    assert DEMO_TOKEN not in token_prompt.text + " ".join(token_prompt.suggestions)
    run_prompt = walkthrough.submit(walkthrough.demo_token_label)
    assert walkthrough.token is not None
    assert walkthrough.token.get_secret_value() == DEMO_TOKEN
    assert run_prompt.run is not None
    assert DEMO_TOKEN not in run_prompt.text
    assert DEMO_TOKEN not in repr(run_prompt.run)


def test_bad_token_is_refused_without_being_quoted() -> None:
    """A token with spaces stays on the token step and the answer never repeats it."""
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    prompt = walkthrough.submit("abc def ghi jkl")
    assert prompt.error
    assert walkthrough.step is Step.TOKEN
    assert "abc def ghi jkl" not in prompt.text


def test_refused_credentials_send_the_walkthrough_back_to_the_login() -> None:
    """A failed credentials check ends the run on the login step with the check's fix."""
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    walkthrough.record(
        CheckResult("credentials", "Credentials", False, "Unknown user or password.", "Copy it.")
    )
    prompt = walkthrough.checks_finished()
    assert walkthrough.step is Step.LOGIN
    assert "Unknown user or password." in prompt.text
    assert "Copy it." in prompt.text


def test_catalogue_then_carriers_then_summary_with_the_test_order_step(tmp_path: Path) -> None:
    """Passing checks lead to the catalogue, carriers, and a summary naming the next step."""
    feed = tmp_path / "feed.csv"
    feed.write_text("sku,id\nA,1\n", encoding="utf-8")
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    walkthrough.record(CheckResult("credentials", "Credentials", True, "accepted"))
    walkthrough.checks_finished()
    assert walkthrough.step is Step.CATALOG
    missing = walkthrough.submit(str(tmp_path / "nope.csv"))
    assert missing.error
    catalogue_run = walkthrough.submit(str(feed))
    assert catalogue_run.run is not None
    assert catalogue_run.run.catalog == str(feed)
    walkthrough.checks_finished()
    assert walkthrough.step is Step.CARRIERS
    carriers_run = walkthrough.submit("Colissimo, Mondial Relay et Colis Privé")
    assert carriers_run.run is not None
    assert list(carriers_run.run.carriers) == ["Colissimo", "Mondial Relay", "Colis Privé"]
    assert carriers_run.scope == "carriers"
    assert carriers_run.run.login is None  # carrier checks need no account and no request
    summary = walkthrough.checks_finished()
    assert walkthrough.step is Step.DONE
    assert "test order" in summary.text
    assert "Never ship it" in summary.text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_summary_sends_the_agent_to_the_feed_platform_for_the_test_order(lang: str) -> None:
    """The closing step asks the feed platform's technical support (not Rakuten's) for the test
    order, in the support engine's own words."""
    walkthrough = _started(lang=lang)
    summary = walkthrough.summary()
    assert t("support.test_order.text", lang) in summary
    assert "support Rakuten" not in summary
    assert "Rakuten support" not in summary


def test_carrier_scope_keeps_only_carrier_results() -> None:
    """During the carrier run, the skipped remote checks do not overwrite the checklist."""
    checklist = Checklist()
    walkthrough = Walkthrough(checklist)
    checklist.upsert(CheckResult("credentials", "Credentials", True, "accepted"))
    skipped = CheckResult("credentials", "Credentials", None, "skipped")
    assert not walkthrough.record(skipped, "carriers")
    colissimo = CheckResult("carrier:colissimo", "Colissimo", True, "yes")
    assert walkthrough.record(colissimo, "carriers")
    credentials = checklist.get("credentials")
    assert credentials is not None
    assert credentials.ok is True
    assert [item.id for item in checklist.items] == ["credentials", "carrier:colissimo"]


def test_french_walkthrough_speaks_french() -> None:
    """With lang="fr" the prompts are in French."""
    walkthrough = Walkthrough(Checklist(), lang="fr")
    prompt = walkthrough.start()
    assert "identifiant" in prompt.text
    assert "Pas l'e-mail" in prompt.text


def test_skip_and_cancel_words() -> None:
    """ "passer" skips the catalogue and "annuler" stops the walkthrough."""
    walkthrough = _started(lang="fr")
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    walkthrough.checks_finished()
    walkthrough.submit("passer")
    assert walkthrough.step is Step.CARRIERS
    walkthrough.submit("annuler")
    assert not walkthrough.active


def test_typing_demo_on_the_sandbox_uses_the_demo_token() -> None:
    """A keyboard-only user on the sandbox types `demo` at the token step and the checks run."""
    walkthrough = _started(demo_login="demo-boutique", demo_token=DEMO_TOKEN)
    token_prompt = walkthrough.submit("demo-boutique")
    assert "`demo`" in token_prompt.text
    run_prompt = walkthrough.submit("demo")
    assert run_prompt.run is not None
    assert walkthrough.token is not None
    assert walkthrough.token.get_secret_value() == DEMO_TOKEN


def test_demo_shortcut_does_nothing_without_a_sandbox() -> None:
    """Off the sandbox, `demo` is just a too-short token and is refused."""
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    prompt = walkthrough.submit("demo")
    assert prompt.error
    assert walkthrough.token is None


def test_sandbox_demo_feed_is_proposed_at_the_catalogue_step(tmp_path: Path) -> None:
    """With a demo feed at hand, `demo` is offered as a quick reply and runs that feed.

    The screen names the file, never its full path on this machine.
    """
    feed = tmp_path / "demo.csv"
    feed.write_text("sku\nA\n", encoding="utf-8")
    walkthrough = _started(demo_catalog=str(feed))
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    prompt = walkthrough.checks_finished()
    assert prompt.suggestions[0] == "demo"
    assert "demo.csv" in prompt.text
    assert str(tmp_path) not in prompt.text
    run = walkthrough.submit(prompt.suggestions[0]).run
    assert run is not None
    assert run.catalog == str(feed)


def test_results_of_each_stage_are_quoted_in_the_next_prompt(tmp_path: Path) -> None:
    """The open-order counts follow the live checks; the SKU finding and fix precede carriers."""
    feed = tmp_path / "feed.csv"
    feed.write_text("sku\nA\n", encoding="utf-8")
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    walkthrough.record(CheckResult("open_orders", "Open orders", True, "49 items; FR 30, BE 5"))
    after_checks = walkthrough.checks_finished()
    assert "49 items; FR 30, BE 5" in after_checks.text
    walkthrough.submit(str(feed))
    # A feed that was read reports its counts (one that was not stops the walkthrough).
    read = {"items": 49, "matched": 34}
    walkthrough.record(
        CheckResult("sku_mapping", "SKU mapping", False, "34 of 49", "Map id.", data=read)
    )
    after_catalogue = walkthrough.checks_finished()
    assert "34 of 49" in after_catalogue.text
    assert "Map id." in after_catalogue.text
    assert "Step 5/5" in after_catalogue.text


def test_cancel_is_accepted_at_the_token_step() -> None:
    """ "cancel" at the masked token step leaves the walkthrough instead of being refused."""
    walkthrough = _started()
    prompt = walkthrough.submit("ma-boutique")
    assert "`cancel`" in prompt.text
    prompt = walkthrough.submit("cancel")
    assert not prompt.error
    assert not walkthrough.active
    assert walkthrough.token is None


def test_every_step_prompt_names_the_way_out() -> None:
    """Each step's prompt says how to leave: `cancel` in English, `annuler` in French."""
    walkthrough = _started(lang="fr")
    prompts = [walkthrough.start(), walkthrough.submit("ma-boutique")]
    walkthrough.submit("0123456789abcdef")
    prompts.append(walkthrough.checks_finished())
    prompts.append(walkthrough.submit("passer"))
    for prompt in prompts:
        assert "`annuler`" in prompt.text
    walkthrough.submit("stop")
    assert not walkthrough.active


def test_a_question_at_the_login_step_is_a_side_question_and_the_step_waits() -> None:
    """A question typed as the login goes to the bot; the step stays and says what it waits for."""
    walkthrough = _started()
    prompt = walkthrough.submit("où en est la commande 1234567890 ?")
    assert prompt.question == "où en est la commande 1234567890 ?"
    assert not prompt.error
    assert walkthrough.step is Step.LOGIN
    assert "account name" in prompt.text


@pytest.mark.parametrize(
    ("answers", "question", "step"),
    [
        (["ma-boutique"], "where do I find the token?", Step.TOKEN),
        (["ma-boutique", "0123456789abcdef", None], "is DPD supported?", Step.CATALOG),
        (["ma-boutique", "0123456789abcdef", None], "what is a feed", Step.CATALOG),
        (["ma-boutique", "0123456789abcdef", None, "skip"], "is DPD supported?", Step.CARRIERS),
        (
            ["ma-boutique", "0123456789abcdef", None, "skip"],
            "est-ce que Colissimo passe",
            Step.CARRIERS,
        ),
        (["ma-boutique", "0123456789abcdef"], "how long do the checks take?", Step.CHECKS),
    ],
)
def test_a_side_question_at_any_step_leaves_the_step_waiting(
    answers: list[str | None], question: str, step: Step
) -> None:
    """At every step a question is handed to the bot; the step neither fails nor advances."""
    walkthrough = _started()
    for answer in answers:
        if answer is None:
            walkthrough.checks_finished()
        else:
            walkthrough.submit(answer)
    prompt = walkthrough.submit(question)
    assert prompt.question == question
    assert prompt.run is None
    assert walkthrough.step is step
    assert prompt.text == walkthrough.waiting_for()


def test_step_answers_are_not_taken_for_questions(tmp_path: Path) -> None:
    """A feed path that does not exist is still a path; a carrier list is still the answer."""
    walkthrough = _started()
    walkthrough.submit("ma-boutique")
    walkthrough.submit("0123456789abcdef")
    walkthrough.checks_finished()
    missing = walkthrough.submit(str(tmp_path / "nope.csv"))
    assert missing.question is None
    assert missing.error
    assert "nope.csv" in missing.text
    walkthrough.submit("skip")
    carriers = walkthrough.submit("Colissimo, DPD")
    assert carriers.question is None
    assert carriers.run is not None
    assert walkthrough.step is Step.CARRIERS_RUNNING


def test_each_step_says_what_it_waits_for_in_french() -> None:
    """The waiting line of each step is French in a French walkthrough."""
    walkthrough = _started(lang="fr")
    walkthrough.start()
    assert "nom du compte" in walkthrough.waiting_for()
    walkthrough.submit("ma-boutique")
    assert "jeton" in walkthrough.waiting_for()


def test_french_fix_label_has_a_space_before_the_colon() -> None:
    """French refusals write "Correction :" (French typography)."""
    walkthrough = _started(lang="fr")
    prompt = walkthrough.submit("marie@boutique.fr")
    assert "**Correction :**" in prompt.text
