"""Keys a newcomer finds: F1 help, Quit and Help in the footer, Esc, the way back to the chat."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.command import CommandPalette

from rakuten_assist.tui.actions import ACTIONS
from rakuten_assist.tui.app import SupportApp
from rakuten_assist.tui.screens.help import HelpScreen
from rakuten_assist.tui.widgets.history_input import HistoryInput

SIZE = (140, 40)


def _footer_labels(app: SupportApp) -> dict[str, str]:
    return {
        key: binding.binding.description
        for key, binding in app.screen.active_bindings.items()
        if binding.binding.show
    }


async def test_footer_shows_quit_and_help_in_the_interface_language(
    make_app: Callable[..., SupportApp],
) -> None:
    """Quit and Help are in the footer, in English, then in French after F6."""
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        labels = _footer_labels(app)
        assert labels["ctrl+q"] == "Quit"
        assert labels["f1"] == "Help"
        await pilot.press("f6")
        await pilot.pause()
        labels = _footer_labels(app)
        assert labels["ctrl+q"] == "Quitter"
        assert labels["f1"] == "Aide"


async def test_f1_opens_help_listing_every_key_and_esc_closes_it(
    make_app: Callable[..., SupportApp],
) -> None:
    """F1 shows the help with every action of the table; Esc closes it and the chat has focus."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys")
        shown = "\n".join(strip.text for strip in keys.render_lines(keys.region.reset_offset))
        for action in ACTIONS:
            assert action.title("fr") in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert isinstance(app.focused, HistoryInput)


async def test_esc_closes_the_credentials_dialog_and_the_keys_panel(
    make_app: Callable[..., SupportApp],
) -> None:
    """Esc closes any dialog or panel: the credentials form, Textual's keys panel."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen is not app.screen_stack[0]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


@pytest.mark.parametrize("key", ["f3", "f4"])
async def test_a_side_tab_key_then_the_same_key_or_esc_returns_to_the_chat(
    make_app: Callable[..., SupportApp], key: str
) -> None:
    """F3/F4 focus the side tab; pressing it again, or Esc, puts the cursor back in the chat."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.focused, HistoryInput)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.focused, HistoryInput)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.focused, HistoryInput)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, HistoryInput)


async def test_palette_lists_each_action_of_the_table_once(
    make_app: Callable[..., SupportApp],
) -> None:
    """The command palette offers the table's actions, each once, and no English system ones."""
    app = make_app(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one("CommandList")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        titles = [a.title("fr") for a in ACTIONS if a.palette]
        for title in titles:
            assert sum(title in prompt for prompt in prompts) == 1, title
        assert not any("Quit the application" in prompt for prompt in prompts)
        assert palette.query_one("CommandInput").placeholder == "Chercher une action…"
        assert len(prompts) == len(titles)


async def test_notices_never_cover_the_detail_and_fix_boxes(
    make_app: Callable[..., SupportApp],
) -> None:
    """A notice sits over the chat; the side panel's detail and fix boxes stay readable."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.notify("Rakuten answered slowly.\nFix: try again in a minute.", timeout=30)
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        side = app.query_one("#side").region
        for toast in toasts:
            assert not toast.region.overlaps(side)  # the tabs, lists, detail and fix boxes
