"""The TUI's leftovers from the second QA walk: what Ctrl+Y copies before any answer, the
carrier list's mark explained on screen, a sentence at the carriers step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rakuten_assist.sandbox import Sandbox
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.walkthrough import Checklist, Step, Walkthrough

SIZE = (120, 40)


async def test_copy_before_any_answer_says_there_is_nothing_to_copy(
    make_app: Callable[..., SupportApp], tmp_path: Path
) -> None:
    """Ctrl+Y on the welcome screen copies nothing and says so; the greeting is not an answer."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert notices == ["Aucune réponse à copier."]
        assert not list(tmp_path.glob("rakuten-assist-answer-*"))
        assert app.last_answer_text() is None


async def test_copy_after_an_answer_copies_the_answer(
    make_app: Callable[..., SupportApp], wait_for: Callable[..., Any], tmp_path: Path
) -> None:
    """Once the bot has answered, Ctrl+Y writes that answer, not the greeting."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.send("Est-ce que Colissimo est pris en charge ?")
        await wait_for(pilot, lambda: len(app.latencies) == 1)
        await pilot.press("ctrl+y")
        await pilot.pause()
        (saved,) = tmp_path.glob("rakuten-assist-answer-*.txt")
        text = saved.read_text(encoding="utf-8")
        assert "Colissimo" in text
        assert "bac à sable intégré" not in text


async def test_the_carrier_list_explains_its_refused_mark(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str]
) -> None:
    """F3 shows carriers without a tracking page marked ⊘, and says on screen what ⊘ means."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "⊘" in shown.split("Amazon Logistics", 1)[1].splitlines()[0]
        legends = [line for line in shown.splitlines() if "⊘" in line and "suivi" in line]
        assert legends, shown


async def _at_catalog_step(app: SupportApp, pilot: Any, wait_for: Callable[..., Any]) -> None:
    """Walk the sandbox's demo account to step 4/5 (the feed)."""
    await pilot.pause()
    await pilot.press("f2")
    await wait_for(pilot, lambda: app.walkthrough.step is Step.LOGIN)
    await app.send("demo-boutique")
    await app.send(app.walkthrough.demo_token_label)
    await wait_for(pilot, lambda: app.walkthrough.step is Step.CATALOG, timeout=30)


async def _at_carriers_step(app: SupportApp, pilot: Any, wait_for: Callable[..., Any]) -> None:
    """Walk the sandbox's demo account to step 5/5 (no feed)."""
    await _at_catalog_step(app, pilot, wait_for)
    await app.send("passer")
    assert app.walkthrough.step is Step.CARRIERS


async def test_a_sentence_naming_no_carrier_at_step_5_is_answered_and_the_step_waits(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Callable[..., Any]
) -> None:
    """ "je sais pas lesquels on utilise" at step 5 is said to the bot: no carrier check by
    that name, no summary; a sentence naming carriers then checks those carriers."""
    app = make_app(Connection.for_sandbox(sandbox), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _at_carriers_step(app, pilot, wait_for)
        answered = len(app.latencies)
        await app.send("je sais pas lesquels on utilise")
        await wait_for(pilot, lambda: len(app.latencies) == answered + 1)
        assert app.walkthrough.step is Step.CARRIERS
        assert not [i for i in app.checklist.items if "sais" in i.id + i.title]
        assert "Résumé" not in app.transcript[-1].text
        await app.send("on utilise Colissimo et Chronopost")
        await wait_for(pilot, lambda: app.walkthrough.step is Step.DONE)
        carriers = [i for i in app.checklist.items if i.id.startswith("carrier:")]
        assert sorted(i.id for i in carriers) == ["carrier:chronopost", "carrier:colissimo"]
        assert all(i.ok for i in carriers)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("je sais pas lesquels on utilise", True),
        ("I don't know which ones we use", True),
        ("le marchand ne sait pas", True),
        ("Colissimo, Mondial Relay", False),
        ("Colis Privé", False),
        ("Tartempion", False),
        ("DPD", False),
        ("Lettre suivie", False),
    ],
)
def test_at_step_5_only_words_naming_no_carrier_are_a_question(text: str, question: bool) -> None:
    """A list of names, even an unknown single name, is checked; a sentence naming none is not."""
    walkthrough = Walkthrough(Checklist(), lang="fr")
    walkthrough.step = Step.CARRIERS
    assert walkthrough.is_side_question(text) is question


async def test_the_sku_step_names_the_column_read_and_why_items_missed(
    sandbox: Sandbox,
    make_app: Callable[..., SupportApp],
    wait_for: Callable[..., Any],
    tmp_path: Path,
) -> None:
    """A feed whose SKU column holds none of the orders' SKUs: step 4 names the column it read
    ("ref") and how many items are not in it, not only the one item with an empty SKU."""
    feed = tmp_path / "flux.csv"
    feed.write_text("ref,titre\nABC123,Chaise\n", encoding="utf-8")
    app = make_app(Connection.for_sandbox(sandbox), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _at_catalog_step(app, pilot, wait_for)
        await app.send(str(feed))
        await wait_for(pilot, lambda: app.walkthrough.step is Step.CARRIERS, timeout=30)
        item = app.checklist.get("sku_mapping")
        assert item is not None
        missing = item.data["by_reason"]["not_in_catalog"]
        assert missing > 0
        said = app.transcript[-1].text
        assert "« ref »" in said.split("Correction")[0]
        assert f"{missing} articles ont un SKU absent de la colonne « ref »" in said


async def test_the_report_of_the_tui_names_no_command_line_option(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Callable[..., Any]
) -> None:
    """Ctrl+S before the feed and carrier steps: the report says to give them in the guided
    setup (F2), never with --catalog or --carrier, which a TUI user has no use for."""
    app = make_app(Connection.for_sandbox(sandbox), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _at_catalog_step(app, pilot, wait_for)
        # The orders read ahead for step 4 arrive before the app closes (its socket with them).
        await wait_for(pilot, lambda: app._order_lines is not None, timeout=30)
        report = app.report_text()
        assert "--catalog" not in report
        assert "--carrier" not in report
        rows = [line for line in report.splitlines() if line.startswith("| – |")]
        assert any("Correspondance des SKU" in row and "F2" in row for row in rows), rows
        assert any("Transporteurs" in row and "F2" in row for row in rows), rows


async def test_a_paragraph_after_a_link_keeps_its_blank_line(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str]
) -> None:
    """A carrier's line ending in its example link, then "Setup summary": a blank row stays
    between the link and the next paragraph, as between any two paragraphs."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await app._say(
            "✓ **Carrier Colissimo**: example link: "
            "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678905\n\n"
            "**Setup summary**\n\nAll good."
        )
        await pilot.pause()
        rows = screen_text(app).splitlines()
        link = next(i for i, row in enumerate(rows) if "6A12345678905" in row)
        assert "Setup summary" not in rows[link + 1]
        assert rows[link + 1][:70].strip(" ▌") == ""  # the chat's columns
        assert "Setup summary" in rows[link + 2]


async def test_a_side_answer_keeps_the_steps_quick_replies(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Callable[..., Any]
) -> None:
    """After a side question at the token step, the demo token's button is still offered
    under the answer (a newcomer on the sandbox need not remember to type "demo")."""
    from rakuten_assist.tui.widgets.chat import ReplyButton

    app = make_app(Connection.for_sandbox(sandbox), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.walkthrough.step is Step.LOGIN)
        await app.send("demo-boutique")
        answered = len(app.latencies)
        await app.send("c'est quoi un jeton")
        await wait_for(pilot, lambda: len(app.latencies) == answered + 1)
        await pilot.pause()
        label = app.walkthrough.demo_token_label
        demo = [b for b in app.query(ReplyButton) if b.reply.label == label]
        assert demo, [b.reply.label for b in app.query(ReplyButton)]
        demo[-1].action_press()
        await wait_for(pilot, lambda: app.walkthrough.step is Step.CATALOG, timeout=30)
        await wait_for(pilot, lambda: app._order_lines is not None, timeout=30)


@pytest.mark.parametrize(
    ("lang", "carrier", "said"),
    [("en", "Colissimo", ": Supported"), ("fr", "Colissimo", " : Accepté"),
     ("fr", "Heppner", " : Inutilisable")],
)  # fmt: skip
def test_a_carrier_line_names_the_carrier_once(lang: str, carrier: str, said: str) -> None:
    """ "✓ Carrier Colissimo: supported…", not "Carrier Colissimo: Colissimo: supported…"."""
    from rakuten_assist.support.checks import iter_checks

    walkthrough = Walkthrough(Checklist(), lang=lang)
    walkthrough.step = Step.CARRIERS
    prompt = walkthrough.submit(carrier)
    assert prompt.run is not None
    for result in iter_checks(prompt.run):
        walkthrough.record(result, prompt.scope)
    text = walkthrough.checks_finished().text
    line = next(row for row in text.splitlines() if carrier in row)
    assert f"{carrier}**{said}" in line
    assert f"{carrier}{said[:-9]}{carrier}" not in line.replace("**", "")
