"""Jupyter toolkit: ``load_orders`` for plain pandas, and thin ipywidgets over the core.

Names load on first use, so ``from rakuten_assist.notebook import load_orders`` works without
ipywidgets or matplotlib; the widgets import them when they are first touched. Inside IPython,
carrier checks, check results and match results display as HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rakuten_assist._lazy import lazy_exports
from rakuten_assist.notebook._html import register_html_formatters

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "load_orders": "rakuten_assist.notebook.loading",
    "add_match_columns": "rakuten_assist.notebook.loading",
    "filter_orders": "rakuten_assist.notebook.views",
    "summarise_orders": "rakuten_assist.notebook.views",
    "acceptance_ages": "rakuten_assist.notebook.views",
    "export_orders": "rakuten_assist.notebook.views",
    "OrderExplorer": "rakuten_assist.notebook.explorer",
    "CarrierChecker": "rakuten_assist.notebook.carrier_checker",
    "SetupChecklist": "rakuten_assist.notebook.checklist",
    "MatchReport": "rakuten_assist.notebook.match_report",
}

__all__ = [
    "CarrierChecker",
    "MatchReport",
    "OrderExplorer",
    "SetupChecklist",
    "acceptance_ages",
    "add_match_columns",
    "export_orders",
    "filter_orders",
    "load_orders",
    "summarise_orders",
]

if TYPE_CHECKING:
    from rakuten_assist.notebook.carrier_checker import CarrierChecker
    from rakuten_assist.notebook.checklist import SetupChecklist
    from rakuten_assist.notebook.explorer import OrderExplorer
    from rakuten_assist.notebook.loading import add_match_columns, load_orders
    from rakuten_assist.notebook.match_report import MatchReport
    from rakuten_assist.notebook.views import (
        acceptance_ages,
        export_orders,
        filter_orders,
        summarise_orders,
    )

register_html_formatters()


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, __all__)
