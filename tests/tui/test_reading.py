"""What an agent reads and forwards: whole links, sources in words, one language on screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from rakuten_assist.carriers import evidence_sentence, registry
from rakuten_assist.sandbox import Sandbox
from rakuten_assist.support import Source
from rakuten_assist.tui.app import Connection, SupportApp
from rakuten_assist.tui.sources import source_line
from rakuten_assist.tui.widgets.carriers import CarrierBrowser, sample_url
from rakuten_assist.tui.widgets.chat import (
    _INDENT,
    AssistantMessage,
    ChatLog,
    LinkRows,
    split_links,
)
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (140, 40)
NARROW = (90, 40)
# Words of our English screen that must never show on a French one.
ENGLISH = (
    "Welcome", "sandbox", "Checklist", "Order lookup", "paste an error", "confidence",
    "registry updated", "Select a check", "Copy answer", "Help", "Quit", "near_miss",
)  # fmt: skip

pytestmark = pytest.mark.integration


def _answers(app: SupportApp) -> list[str]:
    return [entry.text for entry in app.transcript if entry.role == "assistant"]


async def _ask(pilot: Any, wait_for: Any, text: str) -> str:
    app: SupportApp = pilot.app
    before = len(_answers(app))
    app.query_one("#ask", HistoryInput).value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(_answers(app)) > before)
    await pilot.pause()
    return _answers(app)[-1]


def test_a_link_in_a_sentence_gets_a_line_of_its_own_and_the_sentence_goes_on() -> None:
    """A bare link is cut out whole; the text before and after it stays in reading order."""
    parts = split_links(
        "- **Mondial Relay**: yes. Example: https://www.mondialrelay.fr/suivi/?n=123&cp=75011. "
        "The link needs the postcode.\n- **DPD**: yes. See [the guide](https://example.com/g)."
    )
    assert parts == [
        ("markdown", "- **Mondial Relay**: yes. Example:"),
        ("link", "https://www.mondialrelay.fr/suivi/?n=123&cp=75011"),
        ("continued", "The link needs the postcode."),
        ("markdown", "- **DPD**: yes. See [the guide](https://example.com/g)."),
    ]


@pytest.mark.parametrize("size", [(160, 40), (100, 40), NARROW])
@pytest.mark.parametrize(
    "question", ["is Mondial Relay supported?", "est-ce que mondial relay est pris en charge ?"]
)
async def test_links_in_the_chat_are_whole_on_screen_however_narrow(
    make_app: Callable[..., SupportApp],
    wait_for: Any,
    screen_text: Callable[[Any], str],
    size: tuple[int, int],
    question: str,
) -> None:
    """Each link is on rows of its own, wrapped by character inside the chat, never cut."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        answer = await _ask(pilot, wait_for, question)
        urls = re.findall(r"https?://[^\s)*]+[^\s).,;*]", answer)
        assert urls
        chat = app.query_one(ChatLog)
        message = app.query(AssistantMessage).last()
        assert message.links == urls
        # Inside the chat's visible width: nothing hidden to the right or behind a bar.
        assert message.region.right <= chat.scrollable_content_region.right
        assert chat.max_scroll_x == 0
        assert not any(
            ancestor.max_scroll_x
            for ancestor in message.ancestors_with_self
            if isinstance(ancestor, Widget) and ancestor.is_scrollable  # could hide a part
        )
        strips = message.render_lines(Region(0, 0, *message.outer_size))
        shown = screen_text(app).split("\n")
        for url in urls:
            # The rows of the answer carrying this link as a terminal hyperlink, top to bottom.
            rows = [i for i, strip in enumerate(strips) if _linked(strip, url)]
            assert rows == list(range(rows[0], rows[-1] + 1))  # rows of its own, together
            assert "".join(_linked(strips[i], url) for i in rows) == url  # whole, by character
            for i in rows:
                part = _linked(strips[i], url)
                start = message.region.x + _column(strips[i], url)
                row = shown[message.region.y + i]
                assert row[start:].rstrip().startswith(part)  # as tmux's capture-pane reads it
                assert not row[start + len(part) : message.region.right].strip()  # alone


def _linked(strip: Strip, url: str) -> str:
    """The characters of a screen row that are a terminal hyperlink to ``url``."""
    return "".join(seg.text for seg in strip if seg.style is not None and seg.style.link == url)


def _column(strip: Strip, url: str) -> int:
    """Where the hyperlink to ``url`` starts on a row."""
    column = 0
    for seg in strip:
        if seg.style is not None and seg.style.link == url:
            return column
        column += seg.cell_length
    raise AssertionError(f"no link to {url} on this row")


LAPOSTE = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678905"


@pytest.mark.parametrize("width", range(len(LAPOSTE) - 2, len(LAPOSTE) + _INDENT + 2))
def test_a_link_row_splits_the_url_only_when_it_is_wider_than_the_row(width: int) -> None:
    """Rendered at widths around the URL's length, the link is one row whenever it fits (with
    its indent or flush left), folded only when longer, and every row links the whole URL."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    lines = console.render_lines(LinkRows(LAPOSTE, Style()), console.options, pad=False)
    texts = ["".join(seg.text for seg in line).strip() for line in lines]
    if len(LAPOSTE) <= width:
        assert texts == [LAPOSTE]
    else:
        assert len(texts) == 2
        assert "".join(texts) == LAPOSTE
    for line in lines:
        assert {seg.style.link for seg in line if seg.text.strip() and seg.style} == {LAPOSTE}


@pytest.mark.parametrize("columns", [120, 110, 100, 90])
async def test_a_tracking_link_is_on_one_row_wherever_it_fits_the_chat(
    make_app: Callable[..., SupportApp],
    wait_for: Any,
    screen_text: Callable[[Any], str],
    columns: int,
) -> None:
    """QA's case (a La Poste link split at its last digits in a 120-column tmux): whenever the
    chat is as wide as the link, the link reads whole on one row, as capture-pane shows it."""
    app = make_app(lang="fr")
    async with app.run_test(size=(columns, 40)) as pilot:
        await _ask(pilot, wait_for, "lien de suivi colissimo 6A12345678905")
        message = app.query(AssistantMessage).last()
        assert message.links == [LAPOSTE]
        strips = message.render_lines(Region(0, 0, *message.outer_size))
        rows = [strip for strip in strips if _linked(strip, LAPOSTE)]
        assert "".join(_linked(strip, LAPOSTE) for strip in rows) == LAPOSTE
        if columns >= 120:
            assert len(LAPOSTE) <= message.content_region.width  # the chat leaves it room
        if len(LAPOSTE) <= message.content_region.width:
            assert len(rows) == 1
            assert LAPOSTE in screen_text(app)


async def test_a_link_that_fits_reads_whole_on_screen(
    make_app: Callable[..., SupportApp], wait_for: Any, screen_text: Callable[[Any], str]
) -> None:
    """Colissimo's example link shows on one screen row, as tmux's capture-pane reads it."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        answer = await _ask(pilot, wait_for, "is Colissimo supported?")
        url = re.search(r"https://www\.laposte\.fr/\S+\d", answer)
        assert url is not None
        assert url.group(0) in screen_text(app)


async def test_sources_give_the_registry_confidence_in_words(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Under a carrier answer the source words the link's backing as the carriers package
    does (one wording, as `ask` prints it), never a code such as "format S"."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, "is Colissimo supported?")
        sources = app.query(AssistantMessage).last().sources_line
        assert evidence_sentence(registry().get("colissimo"), "en", short=True) in sources
        assert "format S" not in sources
        assert "confidence" not in sources


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("code", ["V", "C", "S", "X"])
def test_a_carrier_source_line_is_the_engines_own_wording(lang: str, code: str) -> None:
    """A carrier source reads as the support engine renders it (what `ask` prints), its link
    backing from carriers.evidence_sentence, whatever code the record carries."""
    source = Source(
        kind="carrier", ref="colissimo", updated="2026-11-27", url_evidence=code,
        format_evidence="S",
    )  # fmt: skip
    line = source_line(source, lang)
    assert line == source.render(lang)  # type: ignore[arg-type]
    assert evidence_sentence(registry().get("colissimo"), lang, short=True) in line
    assert "lien de suivi une seule source" not in line
    assert f"url {code}" not in line


async def test_a_french_session_shows_no_english_of_ours(
    sandbox: Sandbox,
    make_app: Callable[..., SupportApp],
    wait_for: Any,
    screen_text: Callable[[Any], str],
) -> None:
    """A French question turns every label, hint and source line French, in every tab."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, "Est-ce que Colissimo est pris en charge ?")
        assert app.lang == "fr"
        screens = [screen_text(app)]
        for key in ("f3", "f4"):
            await pilot.press(key)
            await pilot.pause()
            screens.append(screen_text(app))
        shown = "\n".join(screens)
        assert "Vous" in shown
        assert "confirmé" in shown or "une seule source" in shown
        for word in ENGLISH:
            assert not re.search(rf"\b{word}\b", shown), word


def test_the_orders_check_counts_statuses_in_words_of_each_language(sandbox: Sandbox) -> None:
    """The open-orders check says "accepté : N" on a French screen and "accepted N" on an
    English one (re-worded on a language switch), never Rakuten's raw codes."""
    from rakuten_assist.support import SetupRequest, run_checks

    request = SetupRequest(
        login=sandbox.login, token=sandbox.token, base_url=sandbox.base_url, lang="fr"
    )
    (orders,) = [r for r in run_checks(request) if r.id == "open_orders"]
    assert orders.ok
    french, english = orders.in_lang("fr").detail, orders.in_lang("en").detail
    assert re.search(r"accepté : \d+", french)
    assert re.search(r"accepted \d+", english)
    for code in ("ACCEPTED", "REQUESTED", "TO_CONFIRM", "ON_HOLD"):
        assert code not in french
        assert code not in english


async def test_an_english_question_on_a_french_screen_is_labelled_you(
    make_app: Callable[..., SupportApp], wait_for: Any, screen_text: Callable[[Any], str]
) -> None:
    """The speaker of an English question reads "You" once the screen follows it, not "Vous"."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, "est-ce que DPD est accepté ?")
        await _ask(pilot, wait_for, "is Colissimo supported?")
        assert app.lang == "en"
        assert "You  is Colissimo supported?" in screen_text(app)


async def test_copy_gives_plain_text_with_whole_links_and_f7_gives_markdown(
    make_app: Callable[..., SupportApp], wait_for: Any, tmp_path: Path
) -> None:
    """Ctrl+Y copies the answer as plain text (no ** or backquotes, whole link); F7 as Markdown;
    each is also saved to a file the notice names (OSC 52 may reach no clipboard)."""
    app = make_app(lang="en")
    async with app.run_test(size=NARROW) as pilot:
        answer = await _ask(pilot, wait_for, "is Mondial Relay supported?")
        url = re.search(r"https?://[^\s)*]+[^\s).,;*]", answer)
        assert url is not None
        await pilot.press("ctrl+y")
        await pilot.pause()
        plain = app.clipboard
        assert url.group(0) in plain.split()
        assert "**" not in plain
        assert "`" not in plain
        assert "Mondial Relay" in plain
        await pilot.press("f7")
        await pilot.pause()
        assert app.clipboard == answer
        notices = [notice.message for notice in app._notifications]
        (saved_plain,) = tmp_path.glob("rakuten-assist-answer-*.txt")
        (saved_markdown,) = tmp_path.glob("rakuten-assist-answer-*.md")
        assert saved_plain.read_text(encoding="utf-8") == plain
        assert saved_markdown.read_text(encoding="utf-8") == answer
        assert any(str(saved_plain) in notice and "if it allows it" in notice for notice in notices)
        assert any(str(saved_markdown) in notice for notice in notices)


async def test_the_checklist_follows_a_language_switch_mid_walkthrough(
    sandbox: Sandbox, make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """Checks run in English read in French after a French side question, and in the summary."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await wait_for(pilot, lambda: "Step 1/5" in _answers(app)[-1])
        await _ask(pilot, wait_for, sandbox.login)
        await _ask(pilot, wait_for, sandbox.token)
        await wait_for(pilot, lambda: "Step 4/5" in _answers(app)[-1])
        assert "Rakuten accepts the credentials" in [item.title for item in app.checks]
        await _ask(pilot, wait_for, "est-ce que DPD est accepté ?")
        assert app.lang == "fr"
        panel = app.query_one("#checklist-panel")
        shown = [str(panel.query_one("#checklist-list").get_option_at_index(i).prompt)
                 for i in range(len(app.checks))]  # fmt: skip
        assert not any("Rakuten accepts" in row for row in shown)
        await _ask(pilot, wait_for, "passer")
        summary = await _ask(pilot, wait_for, "passer")
        assert "Résumé" in summary
        assert "accepts" not in summary


async def test_the_report_of_a_french_session_greets_in_french(
    make_app: Callable[..., SupportApp], wait_for: Any, sandbox: Sandbox
) -> None:
    """A session that turned French gets a French report: no English welcome at its top."""
    app = make_app(Connection.for_sandbox(sandbox))
    async with app.run_test(size=SIZE) as pilot:
        assert app.lang == "en"
        await _ask(pilot, wait_for, "est-ce que colissimo est pris en charge ?")
        assert app.lang == "fr"
        report = app.report_text()
    conversation = report.split("## ", 2)[-1]
    assert "Bienvenue" in conversation
    assert "bac à sable" in conversation
    assert not [word for word in ENGLISH if re.search(rf"\b{word}\b", conversation)]


async def test_french_headers_put_a_space_before_the_colon_and_sources_name_the_step(
    make_app: Callable[..., SupportApp], wait_for: Any, sandbox: Sandbox
) -> None:
    """French check lines and report speakers read "titre :"; a checklist source names its step."""
    app = make_app(Connection.for_sandbox(sandbox), lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await _ask(pilot, wait_for, "où trouver mon jeton d'API ?")
        sources = app.query(AssistantMessage).last().sources_line
        assert "Jeton d'API présent et bien formé" in sources
        assert not re.search(r"\btoken\b", sources)
        await pilot.press("f2")
        await pilot.pause()
        before = len(_answers(app))
        await _ask(pilot, wait_for, "ma-boutique")
        await _ask(pilot, wait_for, "0123456789abcdef0123456789abcdef")
        await wait_for(
            pilot, lambda: any("identifiants" in a for a in _answers(app)[before + 2 :]), 20
        )
        refused = "\n".join(_answers(app)[before:])
        report = app.report_text()
    assert "**Rakuten accepte les identifiants** : " in refused
    assert "**Utilisateur :**" in report
    assert "**Assistant :**" in report
    assert not re.search(r"\S:\*\*|\*\*:", report + refused)


@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_the_carrier_browsers_example_link_is_whole_without_sideways_scrolling(
    make_app: Callable[..., SupportApp], wait_for: Any, screen_text: Callable[[Any], str],
    size: tuple[int, int],
) -> None:  # fmt: skip
    """A long example link in the carrier browser wraps by character inside the panel."""
    app = make_app(lang="en")
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3")
        await wait_for(pilot, lambda: bool(app.query("#carrier-link")))
        assert app.query_one(CarrierBrowser).select("mondial-relay") is not None
        await pilot.pause()
        link = app.query_one("#carrier-link", Static)
        url = sample_url(next(c for c in app.query_one(CarrierBrowser).carriers
                              if c.id == "mondial-relay"))  # fmt: skip
        assert url is not None
        assert len(url) > link.size.width  # long enough to need more than one row
        strips = link.render_lines(Region(0, 0, *link.outer_size))
        rows = [i for i, strip in enumerate(strips) if _linked(strip, url)]
        assert len(rows) > 1
        assert "".join(_linked(strips[i], url) for i in rows) == url  # whole, by character
        box = app.query_one("#carrier-detail-box")
        assert link.region.right <= box.content_region.right
        assert not any(
            ancestor.max_scroll_x
            for ancestor in link.ancestors_with_self
            if isinstance(ancestor, Widget) and ancestor.is_scrollable
        )
        shown = screen_text(app).split("\n")
        on_screen = [shown[link.region.y + i][link.region.x : link.region.right] for i in rows]
        assert "".join(row.rstrip() for row in on_screen) == url  # as capture-pane reads it


async def test_the_carrier_browser_words_the_links_backing_as_the_registry_does(
    make_app: Callable[..., SupportApp], wait_for: Any
) -> None:
    """The browser's sources line takes the registry's evidence words, for every carrier."""
    from rakuten_assist.carriers import evidence_sentence

    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_for(pilot, lambda: bool(app.query("#carrier-sources")))
        browser = app.query_one(CarrierBrowser)
        for carrier in browser.carriers:
            assert browser.select(carrier.id) is not None
            await pilot.pause()
            shown = str(app.query_one("#carrier-sources", Static).render())
            assert evidence_sentence(carrier, "fr", short=True) in shown, carrier.id
