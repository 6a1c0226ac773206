"""The notebook toolkit stays light: plain pandas without widgets, and no other front end."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return set(result.stdout.split())


def test_load_orders_needs_no_widget_library() -> None:
    """Importing load_orders and the views loads neither ipywidgets, IPython nor matplotlib."""
    loaded = _modules_after(
        "from rakuten_assist.notebook import load_orders, filter_orders, export_orders"
    )
    assert not {"ipywidgets", "IPython", "matplotlib", "textual"} & loaded


def test_widgets_do_not_import_the_tui() -> None:
    """Building every widget module imports no Textual and nothing of the TUI."""
    loaded = _modules_after(
        "from rakuten_assist.notebook import OrderExplorer, CarrierChecker, SetupChecklist, "
        "MatchReport"
    )
    assert "ipywidgets" in loaded
    assert not {m for m in loaded if m == "textual" or m.startswith("rakuten_assist.tui")}
