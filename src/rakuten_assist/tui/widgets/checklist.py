"""The live onboarding checklist: one row per check with its status; the selected one's fix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rakuten_assist.tui.i18n import ui

if TYPE_CHECKING:
    from rakuten_assist.support.checks import CheckResult

__all__ = ["ChecklistPanel", "status_icon"]

_ICONS = {True: "[green]✓[/]", False: "[red]✗[/]", None: "[yellow]–[/]"}


def status_icon(ok: bool | None) -> str:
    """✓ passed, ✗ failed, – not run (with colour markup)."""
    return _ICONS[ok]


class ChecklistPanel(Vertical):
    """The checks as a list; highlighting one shows its detail and fix below."""

    def __init__(self, *, lang: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.results: list[CheckResult] = []
        self._rows: list[tuple[str, str]] = []  # (check id, row) as shown

    def compose(self) -> ComposeResult:
        """Progress line, the list, the detail of the selected check."""
        yield Static(ui(self.lang, "checklist_empty"), id="checklist-status")
        yield OptionList(id="checklist-list")
        with VerticalScroll(id="checklist-detail-box", classes="detail-box"):
            yield Static(ui(self.lang, "checklist_hint"), id="checklist-detail")

    def show(self, results: Sequence[CheckResult], *, running: int | None = None) -> None:
        """Redraw every row; ``running`` is how many results a live run has delivered."""
        self.results = list(results)
        rows = [(r.id, f"{status_icon(r.ok)} {_escape(r.title)}") for r in self.results]
        if rows != self._rows:
            self._show_rows(rows)
        self.query_one("#checklist-status", Static).update(self._status(running))

    def _show_rows(self, rows: list[tuple[str, str]]) -> None:
        # A live run delivers one result at a time: rows already shown are not rebuilt (the
        # list re-renders every option it is given), a changed one is replaced in place.
        options = self.query_one("#checklist-list", OptionList)
        shown = self._rows
        if [row_id for row_id, _ in shown] != [row_id for row_id, _ in rows[: len(shown)]]:
            highlighted = options.highlighted
            options.clear_options()
            options.add_options(Option(prompt, id=row_id) for row_id, prompt in rows)
            if highlighted is not None and highlighted < len(rows):
                options.highlighted = highlighted
        else:
            for index, ((_, old), (_, prompt)) in enumerate(zip(shown, rows, strict=False)):
                if old != prompt:
                    options.replace_option_prompt_at_index(index, prompt)
            if len(rows) > len(shown):
                options.add_options(
                    Option(prompt, id=row_id) for row_id, prompt in rows[len(shown) :]
                )
        self._rows = rows

    def set_lang(self, lang: str) -> None:
        """Relabel the fixed texts."""
        self.lang = lang
        self.query_one("#checklist-status", Static).update(self._status(None))
        if self.query_one("#checklist-list", OptionList).highlighted is None:
            self.query_one("#checklist-detail", Static).update(ui(lang, "checklist_hint"))

    def _status(self, running: int | None) -> str:
        if running is not None:
            return f"[b]{ui(self.lang, 'checks_running')}…[/b] {running}"
        if not self.results:
            return ui(self.lang, "checklist_empty")
        values = [r.ok for r in self.results]
        return f"{values.count(True)} ✓  {values.count(False)} ✗  {values.count(None)} –"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the detail and fix of the highlighted check."""
        event.stop()
        result = next((r for r in self.results if r.id == event.option.id), None)
        if result is None:
            return
        text = f"[b]{_escape(result.title)}[/b]\n{_escape(result.detail)}"
        if result.fix:
            text += f"\n\n[b]{ui(self.lang, 'fix_label')}[/b] {_escape(result.fix)}"
        self.query_one("#checklist-detail", Static).update(text)


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
