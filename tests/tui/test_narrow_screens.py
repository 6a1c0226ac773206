"""What an 80- or 120-column terminal shows whole: the footer's first keys, the dialog's buttons,
each step's placeholder; and the palette in the screen's language when nothing matches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.command import CommandPalette

from rakuten_assist.tui.app import SupportApp
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("lang", "keys"),
    [("fr", ["^q Quitter", "f1 Aide", "^y Copier"]), ("en", ["^q Quit", "f1 Help", "^y Copy"])],
)
async def test_the_footer_shows_quit_help_and_copy_at_any_width(
    make_app: Callable[..., SupportApp],
    screen_text: Callable[[Any], str],
    wait_for: Any,
    size: tuple[int, int],
    lang: str,
    keys: list[str],
) -> None:
    """The keys agents need most come first in the footer, so 80 columns still show them."""
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "^q" in screen_text(app).splitlines()[-1])
        footer = screen_text(app).splitlines()[-1]
        for key in keys:
            assert key in footer, footer


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("lang", "labels"),
    [("fr", ["Utiliser", "Annuler"]), ("en", ["Use these", "Cancel"])],
)
async def test_the_credentials_dialog_shows_its_buttons_whole(
    make_app: Callable[..., SupportApp],
    screen_text: Callable[[Any], str],
    size: tuple[int, int],
    lang: str,
    labels: list[str],
) -> None:
    """F5's buttons are not cut ("Annu"), in either language, at 80 or 120 columns."""
    from rakuten_assist.tui.app import Connection

    connection = Connection(demo_login="demo-boutique", demo_token="demo-token-0123456789")
    app = make_app(connection, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f5")
        await pilot.pause(0.3)
        text = screen_text(app)
        for label in labels:
            assert f" {label} " in text, text
        demo = "Compte de démo" if lang == "fr" else "Demo account"
        assert demo in text


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_each_step_placeholder_shows_whole_at_80_columns(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str], lang: str
) -> None:
    """Every step's placeholder says what it waits for and that questions are fine, whole in the
    input of an 80-column terminal."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause(0.3)
        ask = app.query_one("#ask", HistoryInput)
        walkthrough = app.walkthrough
        for step in ("login", "token", "checks", "catalog", "carriers"):
            walkthrough.step = type(walkthrough.step)(step)
            app._show_waiting()
            ask.value = ""
            await pilot.pause(0.1)
            hint = walkthrough.input_hint()
            assert "question" in hint or "ask" in hint
            assert hint == ask.placeholder
            assert hint in screen_text(app), (hint, screen_text(app))


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_chat_placeholder_shows_whole_at_80_columns(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str], lang: str
) -> None:
    """Outside the walkthrough, the input's placeholder (with its history keys) reads whole in
    an 80-column terminal; it was cut mid-word ("... a Rakuten error, o")."""
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        ask = app.query_one("#ask", HistoryInput)
        assert "↑↓" in ask.placeholder
        assert ask.placeholder in screen_text(app), (ask.placeholder, screen_text(app))


async def test_the_palette_in_french_offers_the_text_as_a_question_when_nothing_matches(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str], wait_for: Any
) -> None:
    """Ctrl+P then a question: no English "No matches found", but a French line that puts
    the text in the chat input."""
    app = make_app(lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"zzqx")
        await pilot.pause(1.0)
        text = screen_text(app)
        assert "No matches found" not in text
        assert "Aucune action de ce nom" in text
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        ask = app.query_one("#ask", HistoryInput)
        await wait_for(pilot, lambda: app.focused is ask)
        assert ask.value == "zzqx"


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_order_lookup_placeholder_shows_whole_at_80_columns(
    make_app: Callable[..., SupportApp], screen_text: Callable[[Any], str], lang: str
) -> None:
    """F4's id field says whole what it takes in an 80-column terminal, its button still on
    screen; beside the button the field showed "N° de"."""
    from textual.widgets import Button, Input

    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause(0.3)
        field = app.query_one("#order-input", Input)
        text = screen_text(app)
        assert field.placeholder in text, (field.placeholder, text)
        assert str(app.query_one("#order-button", Button).label) in text


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("fr", ["Vérifications", "Transporteurs", "Commande"]),
        ("en", ["Checklist", "Carriers", "Order lookup"]),
    ],
)
async def test_every_side_panel_tab_label_shows_whole(
    make_app: Callable[..., SupportApp],
    screen_text: Callable[[Any], str],
    wait_for: Any,
    size: tuple[int, int],
    lang: str,
    labels: list[str],
) -> None:
    """The side panel's tabs all fit its width, in either language, at 80 or 120 columns: at 80,
    "Commande" was cut to "Co" and choosing a tab scrolled the others out of sight."""
    from rakuten_assist.tui.widgets.side import SidePanel

    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: labels[0] in screen_text(app))
        for pane in ("checklist", "carriers", "orders", "checklist"):
            app.query_one(SidePanel).active = pane
            await pilot.pause(0.2)
            row = next(line for line in screen_text(app).splitlines() if labels[0] in line)
            for label in labels:
                assert label in row, row
