"""The guided setup in the app: the walkthrough's prompts, its live checks and the checklist."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from rakuten_assist.config import Credentials
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.messages import CheckProgress, ChecksFinished
from rakuten_assist.tui.walkthrough import Checklist, Prompt, RunScope, Step, Walkthrough
from rakuten_assist.tui.widgets.chat import Reply
from rakuten_assist.tui.widgets.checklist import ChecklistPanel
from rakuten_assist.tui.widgets.history_input import HistoryInput
from rakuten_assist.tui.widgets.side import SidePanel

if TYPE_CHECKING:
    from rakuten_assist.models import OrderLine
    from rakuten_assist.support import Source
    from rakuten_assist.support.checks import CheckResult, SetupRequest
    from rakuten_assist.tui.connection import Connection

__all__ = ["SetupFlow"]

# Checks whose failure means Rakuten refused or failed (a notice); the others are findings.
_REMOTE_CHECKS = ("credentials", "professional_rights", "open_orders")


class SetupFlow(App[None]):
    """SupportApp's walkthrough: each step's prompt in the chat, its checks in a worker."""

    connection: Connection
    lang: str
    walkthrough: Walkthrough
    checklist: Checklist
    _checks_done: int

    if TYPE_CHECKING:  # the rest of SupportApp

        async def mount_side(self) -> None: ...
        def _show_waiting(self) -> None: ...
        async def _say(
            self, text: str, *, replies: list[Reply] | None = None,
            sources: list[Source] | None = None, error: bool = False, note: str | None = None,
        ) -> None: ...  # fmt: skip
        def _notice(self, message: str, fix: str, *, severity: str = "error") -> None: ...
        def _current_order_lines(self) -> list[OrderLine]: ...
        def use_credentials(self, credentials: Credentials) -> None: ...

    async def action_walkthrough(self) -> None:
        """Start (or restart) the guided setup."""
        self.walkthrough.base_url = self.connection.base_url
        known = self.connection.credentials
        if known is not None and not self.connection.sandbox:
            self.walkthrough.offer_account(known.login, known.token)
        await self._show_prompt(self.walkthrough.start())
        self.query_one("#ask", HistoryInput).focus()

    async def _show_prompt(self, prompt: Prompt) -> None:
        await self.mount_side()
        self._show_waiting()
        actions = {ui(lang, "walk.export") for lang in ("en", "fr")}
        replies = [
            Reply(s, action="export_report") if s in actions else Reply(s, text=s)
            for s in prompt.suggestions
        ]
        await self._say(prompt.text, replies=replies, error=prompt.error)
        if prompt.run is not None:
            self.query_one(SidePanel).active = "checklist"
            self._checks_done = 0
            self._refresh_checklist(running=True)
            self._run_checks(prompt.run, prompt.scope)

    @work(thread=True, exit_on_error=False, group="checks", exclusive=True)
    def _run_checks(self, request: SetupRequest, scope: RunScope) -> None:
        from rakuten_assist.support.checks import iter_checks

        if request.catalog is not None:
            # The SKU step compares the feed with the open orders fetched after step 3 (see
            # on_checks_finished): Rakuten is not asked for them, nor the credentials, again.
            request = replace(request, lines=self._current_order_lines())
        for position, result in enumerate(iter_checks(request), start=1):
            self.post_message(CheckProgress(result, scope, position))
        self.post_message(ChecksFinished())

    def on_check_progress(self, message: CheckProgress) -> None:
        """Show each result as it arrives; a remote failure also gets a notice with its fix."""
        result = message.result
        if not self.walkthrough.record(result, message.scope):
            return
        self._checks_done += 1
        self._refresh_checklist(running=True)
        if result.id.startswith(_REMOTE_CHECKS) and (
            result.ok is False or (result.ok is None and result.data)
        ):
            self._notice(
                result.title + ui(self.lang, "colon") + result.detail,
                result.fix,
                severity="warning",
            )

    async def on_checks_finished(self, message: ChecksFinished) -> None:
        """The run ended: the walkthrough moves on (and signs in with what Rakuten accepted)."""
        self._refresh_checklist(running=False)
        if self.walkthrough.running:
            self._adopt_walkthrough_account()
            prompt = self.walkthrough.checks_finished()
            if self.walkthrough.step is Step.CATALOG and self.connection.credentials is not None:
                # What the SKU step compares with the feed, read while the user finds it.
                self._prefetch_order_lines()
            await self._show_prompt(prompt)

    @work(thread=True, exit_on_error=False, group="prefetch", exclusive=True)
    def _prefetch_order_lines(self) -> None:
        self._current_order_lines()

    def _adopt_walkthrough_account(self) -> None:
        accepted = self.checklist.get("credentials")
        login, token = self.walkthrough.login, self.walkthrough.token
        if accepted is None or accepted.ok is not True or login is None or token is None:
            return
        current = self.connection.credentials
        if current is None or (current.login, current.token) != (login, token):
            self.use_credentials(Credentials(login=login, token=token))

    def _refresh_checklist(self, *, running: bool) -> None:
        self.query_one(ChecklistPanel).show(
            self.checklist.items_in(self.lang), running=self._checks_done if running else None
        )

    @property
    def checks(self) -> list[CheckResult]:
        """The checklist as it stands."""
        return self.checklist.items
