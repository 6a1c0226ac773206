"""The TUI's carrier browser uses the one lookup and selects carriers by id."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from rakuten_assist.tui.widgets.carriers import CarrierBrowser


class _BrowserApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CarrierBrowser(lang="en", id="carrier-browser")


@pytest.mark.parametrize("carrier_id", ["tnt", "seur", "kuehne-nagel", "ups", "dhl-express"])
async def test_selecting_by_id_highlights_that_carrier(carrier_id: str) -> None:
    """After "is TNT supported?" the browser shows TNT (not PostNL); "SEUR" shows SEUR."""
    app = _BrowserApp()
    async with app.run_test() as pilot:
        browser = app.query_one(CarrierBrowser)
        chosen = browser.select(carrier_id)
        await pilot.pause()
        assert chosen is not None
        assert chosen.id == carrier_id
        options = app.query_one("#carrier-list", OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == carrier_id


async def test_typing_a_name_lists_what_the_lookup_understands_first() -> None:
    """'DHL' lists its candidates first; 'Kuehne+Nagel' stays one name and comes first."""
    app = _BrowserApp()
    async with app.run_test() as pilot:
        browser = app.query_one(CarrierBrowser)
        dhl = browser.filter("DHL")
        await pilot.pause()
        assert {c.id for c in dhl[:2]} == {"dhl-express", "dhl-paket-de"}
        kuehne = browser.filter("Kuehne+Nagel")
        assert kuehne[0].id == "kuehne-nagel"


def test_walkthrough_keeps_names_with_punctuation_whole() -> None:
    """The setup walkthrough checks "Kuehne+Nagel" as one carrier, not "Kuehne" and "Nagel"."""
    from rakuten_assist.tui.walkthrough import Checklist, Step, Walkthrough

    walkthrough = Walkthrough(Checklist())
    walkthrough.start()
    walkthrough.step = Step.CARRIERS
    prompt = walkthrough.submit("Kuehne+Nagel, S.F. Express et DB Schenker")
    assert prompt.run is not None
    assert list(prompt.run.carriers) == ["Kuehne+Nagel", "S.F. Express", "DB Schenker"]
    assert "Kuehne+Nagel" in prompt.text
