"""SupportApp: the Textual support bot. It receives its brain; every API call runs in a worker."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Header, Input, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from rakuten_assist.config import Credentials, Settings
from rakuten_assist.errors import RakutenAssistError
from rakuten_assist.tui.actions import bindings
from rakuten_assist.tui.commands import SupportCommands
from rakuten_assist.tui.connection import Connection
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.lookup import describe_skus, lines_for
from rakuten_assist.tui.messages import AnswerReady, CheckProgress, ChecksFinished, OrderFound
from rakuten_assist.tui.report import ChatEntry, build_report, scrub, write_report
from rakuten_assist.tui.screens.credentials import CredentialsScreen
from rakuten_assist.tui.sources import source_line
from rakuten_assist.tui.walkthrough import Checklist, Prompt, RunScope, Step, Walkthrough
from rakuten_assist.tui.widgets.carriers import CarrierBrowser
from rakuten_assist.tui.widgets.chat import AssistantMessage, ChatLog, QuickReplies, Reply
from rakuten_assist.tui.widgets.checklist import ChecklistPanel
from rakuten_assist.tui.widgets.history_input import HistoryInput
from rakuten_assist.tui.widgets.orders import OrderLookup

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.models import OrderLine
    from rakuten_assist.support import Source
    from rakuten_assist.support.checks import CheckResult, SetupRequest
    from rakuten_assist.support.engine import Engine

__all__ = ["Connection", "SupportApp"]

# Open orders change status as the merchant works; refetch older than this, but no more often
# (Rakuten counts each page against the hourly quota).
ORDER_LINES_MAX_AGE = 60.0
# Seconds after the first frame before the background imports start (the screen stays fluid).
WARM_UP_DELAY = 0.2
# Checks whose failure means Rakuten refused or failed (a notice); the others are findings.
_REMOTE_CHECKS = ("credentials", "professional_rights", "open_orders")


class SupportApp(App[None]):
    """The support bot: chat on the left, checklist, carriers and order lookup on the right.

    Args:
        engine: the brain; anything with ``answer(question, conversation)``.
        connection: where API calls go (None: not connected until the form is filled).
        lang: "fr" or "en" to pin the interface language; None follows the user's answers.
        start_lang: the language the screen opens in when ``lang`` is None (default "en").
        engine_factory: rebuilds the engine when the user signs in with other credentials.
        report_dir: where reports are written (default: the current directory).
        now: a fixed clock for reports (tests, snapshots).
        cursor_blink: False for deterministic screenshots.
    """

    # Absolute, so subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Rakuten Assist"
    # Only our table: Textual's system commands (theme, keys, quit) are English-only and
    # would list Quit and Help a second time.
    COMMANDS: ClassVar[set[Any]] = {SupportCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("en"),
        Binding("escape", "close_panel", show=False),
    ]

    lang: reactive[str] = reactive("en", init=False)

    def __init__(
        self,
        engine: Engine,
        *,
        connection: Connection | None = None,
        lang: str | None = None,
        start_lang: str | None = None,
        engine_factory: Callable[[Connection], Engine] | None = None,
        report_dir: Path | None = None,
        now: datetime | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.connection = connection or Connection()
        self.engine_factory = engine_factory
        self.report_dir = report_dir or Path.cwd()
        self.now = now
        self.cursor_blink = cursor_blink
        self.lang_locked = lang is not None
        self.set_reactive(SupportApp.lang, lang or start_lang or "en")
        self.transcript: list[ChatEntry] = []
        self.checklist = Checklist()
        self.walkthrough = Walkthrough(
            self.checklist,
            lang=self.lang,
            base_url=self.connection.base_url,
            demo_login=self.connection.demo_login,
            demo_token=self.connection.demo_token,
            demo_catalog=self.connection.demo_catalog,
        )
        from rakuten_assist.support.engine import Conversation

        self.conversation = Conversation()
        #: seconds from Enter to the answer on screen, and inside the engine, per question
        self.latencies: list[tuple[float, float]] = []
        #: ``perf_counter()`` when each answer reached the screen
        self.rendered_at: list[float] = []
        self.last_report: Path | None = None
        #: every notice shown about a failure, token scrubbed (tests and the report read it)
        self.notices: list[str] = []
        # Only workers take it: one question at a time updates the conversation. The UI
        # thread never waits on it (the engine may be waiting on a slow Rakuten answer).
        self._conversation_lock = threading.Lock()
        self._client_lock = threading.Lock()
        self._orders_lock = threading.Lock()
        self._client: RakutenClient | None = None
        self._order_lines: list[OrderLine] | None = None
        self._order_lines_fetched_at = 0.0
        #: the clock the order lines' age is read from (tests move it on)
        self.clock: Callable[[], float] = time.monotonic
        self._checks_done = 0
        #: set once the background imports of the SKU step are done (the benchmark waits on it)
        self.warmed_up = threading.Event()
        self._side_mounted = False
        self._welcome: AssistantMessage | None = None
        self._welcome_entry: ChatEntry | None = None

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, chat and input: the first frame. The tabs and footer follow (``on_ready``)."""
        yield Header(show_clock=False, icon="R")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ChatLog(id="chat")
                yield HistoryInput(placeholder=ui(self.lang, "input_placeholder"), id="ask")

    async def mount_side(self) -> None:
        """Mount the side tabs and the footer (once): after the first frame, so the chat and
        its input show at once; any action that needs them calls this first."""
        if self._side_mounted:
            return
        self._side_mounted = True
        lang = self.lang
        side = TabbedContent(id="side")
        with self.batch_update():
            await self.query_one("#main").mount(side)
            for pane_id, title, panel in (
                ("checklist", "tab_checklist", ChecklistPanel(lang=lang, id="checklist-panel")),
                ("carriers", "tab_carriers", CarrierBrowser(lang=lang, id="carrier-browser")),
                ("orders", "tab_orders", OrderLookup(lang=lang, id="order-lookup")),
            ):
                await side.add_pane(TabPane(ui(lang, title), panel, id=pane_id))
            await self.mount(Footer(show_command_palette=False))
        self._apply_lang()

    async def on_mount(self) -> None:
        """Say where we are connected, greet, and put the cursor in the input."""
        self._apply_lang()
        if not self.cursor_blink:
            for field_ in self.query(Input):
                field_.cursor_blink = False
        await self._say(self._welcome_text(self.lang), replies=self._welcome_replies())
        self._welcome = self.query(AssistantMessage).last()
        self._welcome_entry = self.transcript[-1]
        self.query_one("#ask", HistoryInput).focus()

    async def on_ready(self) -> None:
        """Once the first frame is up: the side tabs and footer, then (in the background)
        what the SKU step needs, while the user reads."""
        await self.mount_side()
        self.set_timer(WARM_UP_DELAY, self._start_warm_up)

    def _start_warm_up(self) -> None:
        # A daemon thread, not a worker: Textual waits for its workers when the app exits, and
        # quitting must never wait for imports nobody needs any more (they touch no app state).
        threading.Thread(target=self._warm_up, name="warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        # pandas and the catalogue readers take about half a second to import: paid here, in
        # the background, instead of when the user gives the feed at step 4.
        import importlib

        for module in (
            "rakuten_assist.api",
            "rakuten_assist.frames",
            "rakuten_assist.matching.catalog",
            "rakuten_assist.matching.sku",
            # pandas reads text columns through pyarrow when it is installed; it imports this
            # part on first use.
            "pyarrow.pandas_compat",
        ):
            try:
                importlib.import_module(module)
            except ImportError:  # pyarrow is optional
                continue
        self.warmed_up.set()

    def _welcome_text(self, lang: str) -> str:
        text = ui(lang, "welcome")
        if self.connection.sandbox:
            login = self.connection.demo_login or ""
            text = ui(lang, "welcome_sandbox", login=login) + "\n\n" + text
        return text

    def _welcome_replies(self) -> list[Reply]:
        lang = self.lang
        return [
            Reply(ui(lang, "start_walkthrough"), action="walkthrough"),
            Reply(ui(lang, "q_colissimo"), text=ui(lang, "q_colissimo")),
            Reply(ui(lang, "q_token"), text=ui(lang, "q_token")),
        ]

    # --- language ------------------------------------------------------------------------

    def watch_lang(self, lang: str) -> None:
        """Relabel everything the app owns when the language changes."""
        self.walkthrough.lang = lang
        self._apply_lang()

    def _apply_lang(self) -> None:
        lang = self.lang
        welcome = self._welcome
        if welcome is not None and welcome.text != self._welcome_text(lang):
            # Our own greeting follows the language (the engine's answers stay as given).
            self.run_worker(welcome.rewrite(self._welcome_text(lang), who=ui(lang, "bot")))
        self.sub_title = self._account_label(lang)
        # Textual has no API to relabel a binding: replace each of ours in the app's map.
        for binding in bindings(lang):
            self._bindings.key_to_bindings[binding.key] = [binding]
        self.refresh_bindings()
        self._show_waiting()
        if not self._side_mounted:
            return
        tabs = self.query_one("#side", TabbedContent)
        for pane_id, label in (
            ("checklist", "tab_checklist"),
            ("carriers", "tab_carriers"),
            ("orders", "tab_orders"),
        ):
            tabs.get_tab(pane_id).label = ui(lang, label)
        self.query_one(ChecklistPanel).set_lang(lang)
        # Results of earlier runs, in the new language.
        self._refresh_checklist(running=self.walkthrough.running)
        self.query_one(CarrierBrowser).set_lang(lang)
        self.query_one(OrderLookup).set_lang(lang)

    def _show_waiting(self) -> None:
        """The input says what it waits for: the walkthrough's step, or any question."""
        ask = self.query_one("#ask", HistoryInput)
        ask.password = self.walkthrough.masked
        waiting = self.walkthrough.waiting_for()
        ask.placeholder = waiting or ui(self.lang, "input_placeholder")

    def _account_label(self, lang: str) -> str:
        if self.connection.sandbox:
            return ui(lang, "sandbox")
        if self.connection.credentials is not None:
            return ui(lang, "account", login=self.connection.credentials.login)
        return ui(lang, "not_connected")

    # --- chat ----------------------------------------------------------------------------

    async def _say(
        self, text: str, *, replies: list[Reply] | None = None,
        sources: list[Source] | None = None,
        error: bool = False, note: str | None = None,
    ) -> None:  # fmt: skip
        self.transcript.append(ChatEntry("assistant", text))
        await self.query_one(ChatLog).add_answer(
            text, who=ui(self.lang, "bot"), replies=replies or [],
            sources=[source_line(source, self.lang) for source in sources or []],
            error=error, note=note,
        )  # fmt: skip

    async def send(self, text: str) -> None:
        """Handle one message from the user: to the walkthrough when active, else the engine."""
        text = text.strip()
        if not text:
            return
        started = time.perf_counter()
        ask = self.query_one("#ask", HistoryInput)
        chat = self.query_one(ChatLog)
        note = None
        if self.walkthrough.active:
            secret = self.walkthrough.masked and text != self.walkthrough.demo_token_label
            prompt = self.walkthrough.submit(text)
            if prompt.question is None:
                shown = "••••••••" if secret else text
                if not secret:
                    ask.remember(text)
                self.transcript.append(ChatEntry("user", shown))
                chat.add_user(shown, who=ui(self.lang, "you"))
                await self._show_prompt(prompt)
                return
            # A side question: the engine answers it, the step keeps waiting and says so.
            note = prompt.text
        ask.remember(text)
        self.transcript.append(ChatEntry("user", text))
        # The engine starts first and works while the question is drawn; its answer is
        # handled after this handler returns, so it always lands below the question.
        # A pinned interface language (F6, --lang) is the conversation's language too, so a
        # question with no language clue ("Chronopost ?") is answered in it.
        pinned = self.lang if self.lang_locked and self.lang in ("fr", "en") else None
        self._ask(text, started, pinned, note)
        chat.add_user(text, who=ui(self.lang, "you"))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the chat input sends the message."""
        if event.input.id != "ask":
            return
        event.stop()
        value = event.value
        event.input.value = ""
        await self.send(value)

    async def on_quick_replies_chosen(self, event: QuickReplies.Chosen) -> None:
        """A quick reply is sent as if typed, or runs its action."""
        if event.reply.action:
            await self.run_action(event.reply.action)
        elif event.reply.text:
            await self.send(event.reply.text)

    @work(thread=True, exit_on_error=False, group="ask")
    def _ask(
        self, question: str, started: float, lang: str | None = None, note: str | None = None
    ) -> None:
        # The engine of this question, even if the user signs in elsewhere meanwhile.
        engine = self.engine
        with self._conversation_lock:
            if lang is not None:
                self.conversation.lang = "fr" if lang == "fr" else "en"
            begin = time.perf_counter()
            answer = engine.answer(question, self.conversation)
            spent = time.perf_counter() - begin
        self.post_message(AnswerReady(question, answer, started, spent, note=note))

    async def on_answer_ready(self, message: AnswerReady) -> None:
        """Show the answer; follow the user's language; point the carrier browser at it."""
        await self.mount_side()
        answer = message.answer
        if not self.lang_locked and answer.lang in ("fr", "en") and answer.lang != self.lang:
            self.lang = answer.lang
            # The question was labelled before its language was known: label it again.
            self.query_one(ChatLog).relabel_last_user(ui(self.lang, "you"))
        replies = [Reply(s, text=s) for s in answer.suggestions]
        if answer.intent == "setup_walkthrough" and not self.walkthrough.active:
            replies.insert(0, Reply(ui(self.lang, "start_walkthrough"), action="walkthrough"))
        note = None
        if message.note is not None and self.walkthrough.active:
            # In the language of the screen now (the answer may have switched it).
            note = self.walkthrough.waiting_for()
            self._show_waiting()
        from rakuten_assist.support.render import render

        # Every question of a message is answered in order (answer.text is only the first).
        text = render(answer, "markdown")
        sources = [source for part in answer.parts or [answer] for source in part.sources]
        await self._say(text, replies=replies, sources=list(dict.fromkeys(sources)), note=note)

        def rendered() -> None:
            now = time.perf_counter()
            self.rendered_at.append(now)
            self.latencies.append((now - message.started, message.engine_seconds))

        self.call_after_refresh(rendered)
        carrier_ids = answer.facts.get("carrier_ids") or []
        if carrier_ids:
            # After the answer is painted: the browser is secondary to what was asked.
            browser = self.query_one(CarrierBrowser)
            self.call_after_refresh(browser.select, str(carrier_ids[0]))

    # --- walkthrough ---------------------------------------------------------------------

    async def action_walkthrough(self) -> None:
        """Start (or restart) the guided setup."""
        self.walkthrough.base_url = self.connection.base_url
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
            self.query_one("#side", TabbedContent).active = "checklist"
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

    # --- order lookup --------------------------------------------------------------------

    def on_order_lookup_requested(self, message: OrderLookup.Requested) -> None:
        """Look the id up in a worker (open orders are fetched when older than a minute)."""
        if self.connection.credentials is None:
            self.query_one(OrderLookup).show(ui(self.lang, "order_no_connection"))
            return
        self._lookup_order(message.query, self.lang)

    @work(thread=True, exit_on_error=False, group="orders", exclusive=True)
    def _lookup_order(self, query: str, lang: str) -> None:
        from rakuten_assist.support.orders import answer_order_status

        lines = self._current_order_lines()
        answer = answer_order_status(
            "fr" if lang == "fr" else "en",
            purchase_id=query,
            item_id=query,
            lines=lines,
        )
        catalog = str(self.walkthrough.catalog) if self.walkthrough.catalog else None
        found = lines_for(lines, query)
        skus = describe_skus(found, catalog=catalog, lang=lang)
        self.post_message(OrderFound(answer.text + "\n" + skus))

    def _current_order_lines(self) -> list[OrderLine]:
        from rakuten_assist.api import fetch_open_orders

        with self._orders_lock:  # the prefetch and the SKU step never both fetch
            now = self.clock()
            lines = self._order_lines
            if lines is None or now - self._order_lines_fetched_at >= ORDER_LINES_MAX_AGE:
                lines = list(fetch_open_orders(self.client()).lines)
                self._order_lines, self._order_lines_fetched_at = lines, now
            return lines

    def on_order_found(self, message: OrderFound) -> None:
        """Display the lookup's answer."""
        self.query_one(OrderLookup).show(message.markdown)

    def client(self) -> RakutenClient:
        """The API client of the current connection, created on first use (in a worker)."""
        from rakuten_assist.api import RakutenClient

        with self._client_lock:
            if self._client is None:
                credentials = self.connection.credentials
                if credentials is None:
                    from rakuten_assist.errors import MissingCredentialsError

                    raise MissingCredentialsError("No Rakuten account is connected.")
                settings = Settings.from_env(self.connection.base_url)
                self._client = RakutenClient(credentials, settings=settings)
            return self._client

    def on_unmount(self) -> None:
        """Close the API client."""
        if self._client is not None:
            self._client.close()

    # --- errors --------------------------------------------------------------------------

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

    # --- actions -------------------------------------------------------------------------

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

    def use_credentials(self, credentials: Credentials) -> None:
        """Switch the app (and the engine, when a factory was given) to another account."""
        self.connection = self.connection.with_credentials(credentials)
        with self._client_lock:
            if self._client is not None:
                self._client.close()
            self._client = None
        self._order_lines = None
        if self.engine_factory is not None:
            # One assignment, no lock: a question in flight keeps the engine it started with.
            self.engine = self.engine_factory(self.connection)
        self.sub_title = self._account_label(self.lang)
        self.notify(ui(self.lang, "cred_saved", login=credentials.login), timeout=5)

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
        self.notify(ui(self.lang, "report_saved", path=self.last_report), markup=False, timeout=10)
        self.copy_to_clipboard(text)
        self.notify(ui(self.lang, "report_copied"), timeout=10)

    def action_copy_answer(self) -> None:
        """Copy the latest answer as plain text (whole links, no Markdown), for the merchant."""
        self._copy_last_answer(markdown=False)

    def action_copy_markdown(self) -> None:
        """Copy the latest answer as Markdown, for tools that render it."""
        self._copy_last_answer(markdown=True)

    def last_answer_text(self, *, markdown: bool = False) -> str | None:
        """The latest answer ready to paste (secrets scrubbed), or None before any answer."""
        from rakuten_assist.support.render import plain_text

        answers = [entry.text for entry in self.transcript if entry.role == "assistant"]
        if not answers:
            return None
        text = answers[-1] if markdown else plain_text(answers[-1])
        return scrub(text, self._secrets())

    def _copy_last_answer(self, *, markdown: bool) -> None:
        text = self.last_answer_text(markdown=markdown)
        if text is None:
            self.notify(ui(self.lang, "nothing_to_copy"), severity="warning")
            return
        self.copy_to_clipboard(text)
        self.notify(ui(self.lang, "markdown_copied" if markdown else "reply_copied"), timeout=6)

    @property
    def checks(self) -> list[CheckResult]:
        """The checklist as it stands."""
        return self.checklist.items
