"""SupportApp's keys and notices: panels, help, language, credentials, report, copy, errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.notifications import Notify
from textual.widgets import Input, TabbedContent, TextArea
from textual.worker import Worker, WorkerState

from rakuten_assist.config import Credentials
from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.report import ChatEntry, build_report, scrub, write_report
from rakuten_assist.tui.screens.credentials import CredentialsScreen
from rakuten_assist.tui.walkthrough import Checklist, Prompt, Walkthrough
from rakuten_assist.tui.widgets.history_input import HistoryInput
from rakuten_assist.tui.widgets.orders import OrderLookup

if TYPE_CHECKING:
    from datetime import datetime

    from rakuten_assist.support import Source
    from rakuten_assist.tui.connection import Connection
    from rakuten_assist.tui.widgets.chat import Reply

__all__ = ["AppActions"]


class AppActions(App[None]):
    """The actions of the key table (tui/actions.py), and how worker failures are shown."""

    connection: Connection
    walkthrough: Walkthrough
    checklist: Checklist
    transcript: list[ChatEntry]
    notices: list[str]
    report_dir: Path
    last_report: Path | None
    now: datetime | None
    lang: str
    lang_locked: bool
    _welcome_entry: ChatEntry | None

    if TYPE_CHECKING:  # the rest of SupportApp

        async def mount_side(self) -> None: ...
        def _welcome_text(self, lang: str) -> str: ...
        def _refresh_checklist(self, *, running: bool) -> None: ...
        async def _show_prompt(self, prompt: Prompt) -> None: ...
        async def _say(
            self, text: str, *, replies: list[Reply] | None = None,
            sources: list[Source] | None = None, error: bool = False, note: str | None = None,
        ) -> None: ...  # fmt: skip
        def use_credentials(self, credentials: Credentials) -> None: ...

    async def on_event(self, event: events.Event) -> None:
        """Text typed while a quick reply or the chat has the focus goes to the input: a
        space or a letter never presses a button (Enter still does)."""
        if isinstance(event, events.Key | events.Paste) and self._typed_into_chat(event):
            return
        await super().on_event(event)

    def _typed_into_chat(self, event: events.Key | events.Paste) -> bool:
        if isinstance(event, events.Key):
            if not event.is_printable or event.character is None:
                return False
            text = event.character
        else:
            text = event.text
        focused = self.focused
        if focused is None or isinstance(focused, Input | TextArea):
            return False
        chats = self.screen.query("#chat")
        if not chats or chats.first() not in (focused, *focused.ancestors):
            return False
        ask = self.query_one("#ask", HistoryInput)
        # Focusing must not select what is already typed: the next key would replace it.
        ask.select_on_focus = False
        ask.focus()
        if isinstance(event, events.Paste):
            ask.post_message(events.Paste(text))
        else:
            ask.insert_text_at_cursor(text)
        return True

    def _on_notify(self, event: Notify) -> None:
        # Textual's own handler (private, but the one place a notice is added): a notice
        # identical to one still shown replaces it, so a repeated key never stacks copies.
        new = event.notification
        for shown in list(self._notifications):
            if (shown.message, shown.title, shown.severity) == (
                new.message, new.title, new.severity
            ):  # fmt: skip
                self._unnotify(shown, refresh=False)
        super()._on_notify(event)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures become visible: a notice with the error's fix."""
        if event.state is not WorkerState.ERROR or event.worker.group == "prefetch":
            return  # a failed prefetch is tried again, and reported, by the step that needs it
        error = event.worker.error
        if isinstance(error, RakutenAssistError):
            message, fix = error.render(self.lang)
        else:
            message = f"{type(error).__name__}: {error}"
            fix = ui(self.lang, "bug_fix")
        # Exception text may quote a URL with pwd= or the token: scrub before any display.
        message, fix = scrub(message, self._secrets()), scrub(fix, self._secrets())
        self._notice(message, fix, severity="error")
        group = event.worker.group
        if group == "checks":
            self._refresh_checklist(running=False)
            if self.walkthrough.running:
                await self._show_prompt(self.walkthrough.failed_run(message, fix))
        elif group == "orders":
            self.query_one(OrderLookup).show(f"**{message}**\n\n{ui(self.lang, 'fix_label')} {fix}")
        elif group == "ask":
            await self._say(f"**{message}**\n\n{ui(self.lang, 'fix_label')} {fix}", error=True)

    def _notice(self, message: str, fix: str, *, severity: str = "error") -> None:
        text = message + (f"\n{ui(self.lang, 'fix_label')} {fix}" if fix else "")
        text = scrub(text, self._secrets())
        self.notices.append(text)
        self.notify(
            text,
            title=ui(self.lang, "error_title") if severity == "error" else "",
            severity=severity,  # type: ignore[arg-type]
            timeout=15,
            markup=False,
        )

    def _secrets(self) -> list[str]:
        secrets = self.connection.secrets()
        if self.walkthrough.token is not None:
            secrets.append(self.walkthrough.token.get_secret_value())
        return secrets

    async def action_show_tab(self, tab: str) -> None:
        """Show a side tab and focus its first field; the same key again goes back to the chat."""
        await self.mount_side()
        tabs = self.query_one("#side", TabbedContent)
        focused = self.focused
        if tabs.active == tab and focused is not None and tabs in focused.ancestors:
            self.focus_chat()
            return
        tabs.active = tab
        target = {"carriers": "#carrier-search", "orders": "#order-input"}.get(tab)
        if target:
            self.query_one(target, Input).focus()

    def focus_chat(self) -> None:
        """Put the cursor back in the chat input."""
        self.query_one("#ask", HistoryInput).focus()

    def action_close_panel(self) -> None:
        """Esc: hide the keys panel if shown, else leave the side panel for the chat."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        self.focus_chat()

    def action_help(self) -> None:
        """Open the help screen (F1); closing it puts the cursor back in the chat."""
        from rakuten_assist.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(lang=self.lang), lambda _: self.focus_chat())

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette of our actions, its search box labelled in the screen's language."""
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[None] is fine
            self.push_screen(
                CommandPalette(placeholder=ui(self.lang, "palette_search"), id="--command-palette")
            )

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in the interface language (Textual's own is English)."""
        self.notify(ui(self.lang, "how_to_quit"), timeout=4)

    def action_switch_language(self) -> None:
        """French <-> English for the interface (and pin it)."""
        self.lang_locked = True
        self.lang = "en" if self.lang == "fr" else "fr"
        self.notify(ui(self.lang, "lang_switched"), timeout=4)

    def action_credentials(self) -> None:
        """Open the credentials form."""

        def done(credentials: Credentials | None) -> None:
            if credentials is not None:
                self.use_credentials(credentials)

        screen = CredentialsScreen(
            lang=self.lang,
            demo_login=self.connection.demo_login,
            demo_token=self.connection.demo_token,
        )
        self.push_screen(screen, done)

    def report_text(self) -> str:
        """The Markdown report of the conversation and checklist, secrets scrubbed."""
        account = "SANDBOX" if self.connection.sandbox else (
            self.connection.credentials.login if self.connection.credentials else "-"
        )  # fmt: skip
        # Our greeting is in the report's language, as on screen (it was said before the
        # session's language was known).
        entries = [
            ChatEntry("assistant", self._welcome_text(self.lang))
            if entry is self._welcome_entry
            else entry
            for entry in self.transcript
        ]
        return build_report(
            entries,
            self.checklist.items_in(self.lang),
            account=account,
            secrets=self._secrets(),
            lang=self.lang,
            now=self.now,
        )

    def action_export_report(self) -> None:
        """Write the report to a file and copy it to the clipboard (OSC 52 terminals)."""
        text = self.report_text()
        try:
            self.last_report = write_report(text, self.report_dir, now=self.now)
        except OSError as exc:
            self.notify(ui(self.lang, "report_failed", error=exc), severity="error", markup=False)
            return
        self.copy_to_clipboard(text)
        # One notice for one key press: where the report is, and the clipboard's caveat.
        saved = ui(self.lang, "report_saved", path=self.last_report)
        self.notify(f"{saved}\n{ui(self.lang, 'report_copied')}", markup=False, timeout=10)

    def action_copy_answer(self) -> None:
        """Copy the latest answer as plain text (whole links, no Markdown), for the merchant."""
        self._copy_last_answer(markdown=False)

    def action_copy_markdown(self) -> None:
        """Copy the latest answer as Markdown, for tools that render it."""
        self._copy_last_answer(markdown=True)

    def last_answer_text(self, *, markdown: bool = False) -> str | None:
        """The latest answer ready to paste (secrets scrubbed), or None before any answer."""
        from rakuten_assist.support.render import plain_text

        # The greeting is no answer: before the first one there is nothing to copy.
        answers = [
            entry.text
            for entry in self.transcript
            if entry.role == "assistant" and entry is not self._welcome_entry
        ]
        if not answers:
            return None
        text = answers[-1] if markdown else plain_text(answers[-1])
        return scrub(text, self._secrets())

    def _copy_last_answer(self, *, markdown: bool) -> None:
        text = self.last_answer_text(markdown=markdown)
        if text is None:
            self.notify(ui(self.lang, "nothing_to_copy"), severity="warning")
            return
        # OSC 52 reaches a clipboard only where the terminal (and tmux) allows it, and nothing
        # tells us whether it did: the file is the copy that always works.
        self.copy_to_clipboard(text)
        if self.is_web:
            # In a browser the page puts it in the browser's clipboard; a file on the server's
            # disk is of no use to whoever reads the page.
            key = "markdown_copied_web" if markdown else "reply_copied_web"
            self.notify(ui(self.lang, f"notice.{key}"))
            return
        suffix = "md" if markdown else "txt"
        try:
            path = write_report(text, self.report_dir, now=self.now, name="answer", suffix=suffix)
        except OSError as exc:
            self.notify(
                ui(self.lang, "copy_not_saved", error=exc), severity="warning", markup=False
            )
            return
        key = "markdown_copied" if markdown else "reply_copied"
        self.notify(ui(self.lang, key, path=path), markup=False, timeout=10)
