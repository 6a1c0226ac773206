"""``SetupChecklist``: the onboarding doctor in a notebook, each check shown with its fix."""

from __future__ import annotations

import atexit
import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from pydantic import SecretStr

from rakuten_assist.i18n import configured_lang, t
from rakuten_assist.notebook._html import check_results_html, notice_html
from rakuten_assist.notebook._widgets import MessageArea, shows_errors

if TYPE_CHECKING:
    from rakuten_assist.sandbox import Sandbox
    from rakuten_assist.support.checks import CheckResult, SetupRequest

__all__ = ["SetupChecklist", "checklist_report", "demo_sandbox"]

_FIELD = {"description_width": "110px"}
_HINT_WHERE = "Mon compte > Mes informations développeur"
_WIDE = widgets.Layout(width="520px")

_demo_lock = threading.Lock()
_demo: Sandbox | None = None


def demo_sandbox() -> Sandbox:
    """The notebook session's sandbox: started on first use, stopped when Python exits.

    The checklist calls Rakuten live while the user watches, so unlike ``load_orders`` it
    needs a sandbox that outlives one call.
    """
    global _demo
    with _demo_lock:
        if _demo is None:
            from rakuten_assist.sandbox import running_sandbox

            stack = contextlib.ExitStack()
            _demo = stack.enter_context(running_sandbox())
            atexit.register(stack.close)
        return _demo


def _label(lang: str, key: str, **values: object) -> str:
    return t(f"notebook.checklist.{key}", "fr" if lang == "fr" else "en", **values)


def checklist_report(results: list[CheckResult], lang: str | None = None) -> str:
    """A plain-text summary of the checks to paste into a ticket (it never holds the token),
    in ``lang`` (default: the reader's, ``RAKUTEN_ASSIST_LANG`` or the locale)."""
    lang = configured_lang(lang)
    results = [result.in_lang("fr" if lang == "fr" else "en") for result in results]
    marks = {True: "OK  ", False: "FAIL", None: "--  "}
    passed = sum(1 for r in results if r.ok is True)
    failed = sum(1 for r in results if r.ok is False)
    lines = [_label(lang, "report_head", passed=passed, failed=failed, total=len(results))]
    for result in results:
        # French puts a space before the colon ("titre : détail"): the line is a message.
        lines.append(
            t(
                "notebook.text.check_line",
                lang,
                mark=f"[{marks[result.ok]}]",
                title=result.title,
                detail=result.detail,
            )
        )
        if result.fix and result.ok is not True:
            lines.append("       " + _label(lang, "report_fix", fix=result.fix))
    return "\n".join(lines)


class SetupChecklist(widgets.VBox):  # type: ignore[misc]  # ipywidgets is untyped
    """Login, a masked token, optional catalogue and carriers; runs the doctor checks.

    A thin shell over ``rakuten_assist.support.iter_checks``: each result is shown as soon as
    it is known, with its fix. The token is typed into a ``Password`` field, moved into a
    private ``SecretStr`` when it is used and the field emptied at once: ipywidgets syncs a
    Password's value like any other, so an executed notebook would otherwise save it in its
    widget state. "Use the sandbox" fills the demo account of a local sandbox (no real
    account), its token kept in Python only.

    Args:
        login: the seller account name to start with.
        base_url: the web service (production when empty).
        lang: ``en`` or ``fr`` for the titles, details and fixes; by default the reader's
            (``RAKUTEN_ASSIST_LANG``, else the locale).
        checks: the check runner (``iter_checks``); tests may pass another.
    """

    def __init__(
        self,
        login: str = "",
        *,
        base_url: str = "",
        lang: str | None = None,
        checks: Callable[[SetupRequest], Iterator[CheckResult]] | None = None,
    ) -> None:
        lang = configured_lang(lang)
        self._checks = checks
        self.login = widgets.Text(
            value=login,
            description=_label(lang, "login"),
            placeholder=_label(lang, "login_placeholder"),
            style=_FIELD,
            layout=_WIDE,
        )
        self._token: SecretStr | None = None
        self.token = widgets.Password(
            description=_label(lang, "token"),
            placeholder=_HINT_WHERE,
            style=_FIELD,
            layout=_WIDE,
        )
        self.base_url = widgets.Text(
            value=base_url,
            description=_label(lang, "base_url"),
            placeholder=_label(lang, "base_url_placeholder"),
            style=_FIELD,
            layout=_WIDE,
        )
        self.catalog = widgets.Text(
            description=_label(lang, "catalog"),
            placeholder=_label(lang, "catalog_placeholder"),
            style=_FIELD,
            layout=_WIDE,
        )
        self.carriers = widgets.Text(
            description=_label(lang, "carriers"),
            placeholder=_label(lang, "carriers_placeholder"),
            style=_FIELD,
            layout=_WIDE,
        )
        self.lang = widgets.Dropdown(
            options=[("English", "en"), ("Français", "fr")],
            value=lang,
            description=_label(lang, "language"),
            style=_FIELD,
        )
        self.run_button = widgets.Button(
            description=_label(lang, "run"), icon="check", button_style="primary"
        )
        self.sandbox_button = widgets.Button(description=_label(lang, "sandbox"), icon="flask")
        self.progress = widgets.HTML()
        self.output = widgets.HTML()
        self.report = widgets.Textarea(
            description=_label(lang, "report"),
            layout=widgets.Layout(width="720px", height="160px"),
            style=_FIELD,
        )
        self.message = MessageArea(self.lang.value)
        self.mode = widgets.HTML()
        self.results: list[CheckResult] = []
        super().__init__(
            children=[
                self.mode,
                self.login,
                self.token,
                self.base_url,
                self.catalog,
                self.carriers,
                self.lang,
                widgets.HBox([self.run_button, self.sandbox_button]),
                self.message,
                self.progress,
                self.output,
                self.report,
            ]
        )
        self.run_button.on_click(self._on_run)
        self.sandbox_button.on_click(self._on_sandbox)
        self.base_url.observe(self._show_mode, names="value")
        self.lang.observe(self._relabel, names="value")
        self._show_mode()

    def _relabel(self, _change: Any = None) -> None:
        """Every label in the language chosen in the dropdown."""
        lang = self.lang.value
        self.message.lang = lang
        for field, key in (
            (self.login, "login"), (self.token, "token"), (self.base_url, "base_url"),
            (self.catalog, "catalog"), (self.carriers, "carriers"), (self.lang, "language"),
            (self.run_button, "run"), (self.sandbox_button, "sandbox"), (self.report, "report"),
        ):  # fmt: skip
            field.description = _label(lang, key)
        for field, key in (
            (self.login, "login_placeholder"), (self.base_url, "base_url_placeholder"),
            (self.catalog, "catalog_placeholder"), (self.carriers, "carriers_placeholder"),
        ):  # fmt: skip
            field.placeholder = _label(lang, key)
        self._show_mode()

    def request(self) -> SetupRequest:
        """The request the fields describe (the token stays a secret inside it).

        A token typed since the last use replaces the kept one, and the field is emptied so
        the widget's synced state never holds it.
        """
        from rakuten_assist.support.checks import SetupRequest

        self._take_token()
        carriers = tuple(
            name.strip()
            for name in self.carriers.value.replace(";", ",").split(",")
            if name.strip()
        )
        return SetupRequest(
            login=self.login.value.strip() or None,
            token=self._token,
            base_url=self.base_url.value.strip() or None,
            catalog=self.catalog.value.strip() or None,
            carriers=carriers,
            lang=self.lang.value,
        )

    @shows_errors
    def use_sandbox(self) -> None:
        """Fill the demo account of the session's sandbox (started if needed)."""
        box = demo_sandbox()
        self.login.value = box.login
        self._token = SecretStr(box.token)
        self.token.value = ""
        self.token.placeholder = _label(self.lang.value, "token_sandbox_kept")
        self.base_url.value = box.base_url
        self._show_mode()

    def _take_token(self) -> None:
        typed = self.token.value.strip()
        if typed:
            self._token = SecretStr(typed)
            self.token.placeholder = _label(self.lang.value, "token_kept")
        if self.token.value:
            self.token.value = ""

    def _show_mode(self, _change: Any = None) -> None:
        url = self.base_url.value.strip()
        if _demo is not None and url == _demo.base_url:
            self.mode.value = notice_html(_label(self.lang.value, "mode_sandbox", url=url), "info")
        elif url:
            self.mode.value = notice_html(_label(self.lang.value, "mode_service", url=url), "info")
        else:
            self.mode.value = ""

    @shows_errors
    def run(self) -> list[CheckResult]:
        """Run every check, showing each result as it arrives; returns them all."""
        if self._checks is None:
            from rakuten_assist.support.checks import iter_checks

            self._checks = iter_checks
        self.message.clear()
        self.results = []
        self.report.value = ""
        self.output.value = ""
        self.run_button.disabled = True
        try:
            for result in self._checks(self.request()):
                self.results.append(result)
                self.progress.value = notice_html(
                    _label(self.lang.value, "progress", done=len(self.results)), "info"
                )
                self.output.value = check_results_html(self.results, self.lang.value)
        finally:
            self.run_button.disabled = False
        failed = sum(1 for result in self.results if result.ok is False)
        kind = "ok" if not failed else "warn"
        lang = self.lang.value
        self.progress.value = notice_html(
            _label(lang, "finished", total=len(self.results), failed=failed),
            kind,
            title=_label(lang, "done"),
        )
        self.report.value = checklist_report(self.results, lang)
        return self.results

    def _on_run(self, _button: Any) -> None:
        self.run()

    def _on_sandbox(self, _button: Any) -> None:
        self.use_sandbox()
