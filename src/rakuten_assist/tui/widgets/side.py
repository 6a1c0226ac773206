"""The side panel: the checklist, the carrier browser and the order lookup, as tabs.

It is mounted after the first frame (the chat and its input show first), and brings its own
stylesheet, so the app's first frame does not parse rules for widgets not yet on screen.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.widgets import TabbedContent, TabPane

from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.widgets.carriers import CarrierBrowser
from rakuten_assist.tui.widgets.checklist import ChecklistPanel
from rakuten_assist.tui.widgets.orders import OrderLookup

__all__ = ["MIN_WIDTH", "TABS", "SidePanel", "min_width"]

#: (pane id, catalogue id of its title), in tab order
TABS = (("checklist", "tab_checklist"), ("carriers", "tab_carriers"), ("orders", "tab_orders"))
#: the panel's least width, in columns, when its tab labels need less
MIN_WIDTH = 34
#: columns of the panel that are not tab labels: its left border and one between each two
#: tabs (side.tcss)
_TAB_ROW_EXTRA = 1 + len(TABS) - 1


def min_width(lang: str) -> int:
    """The panel's least width in ``lang``: every tab label whole on one row, so choosing a
    tab never scrolls the others out of sight ("Vérifications  Transporteurs  Co")."""
    labels = sum(cell_len(ui(lang, title)) for _pane, title in TABS)
    return max(MIN_WIDTH, labels + _TAB_ROW_EXTRA)


class SidePanel(TabbedContent):
    """The tabs beside the chat; ``fill`` adds their panels once the panel is mounted."""

    DEFAULT_CSS = Path(__file__).with_name("side.tcss").read_text(encoding="utf-8")

    async def fill(self, lang: str) -> None:
        """Add the three panels, titled in ``lang``."""
        panels = {
            "checklist": ChecklistPanel(lang=lang, id="checklist-panel"),
            "carriers": CarrierBrowser(lang=lang, id="carrier-browser"),
            "orders": OrderLookup(lang=lang, id="order-lookup"),
        }
        self.styles.min_width = min_width(lang)
        for pane_id, title in TABS:
            await self.add_pane(TabPane(ui(lang, title), panels[pane_id], id=pane_id))

    def set_lang(self, lang: str) -> None:
        """Relabel the tabs and the panels' fixed texts."""
        self.styles.min_width = min_width(lang)
        for pane_id, title in TABS:
            self.get_tab(pane_id).label = ui(lang, title)
        self.query_one(ChecklistPanel).set_lang(lang)
        self.query_one(CarrierBrowser).set_lang(lang)
        self.query_one(OrderLookup).set_lang(lang)
