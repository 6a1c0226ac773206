"""SupportApp: the Textual support bot. It receives its brain; every API call runs in a worker."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widgets import Footer, Input

from rakuten_assist.tui._line_breaks import keep_signs_with_their_words
from rakuten_assist.tui.actions import bindings
from rakuten_assist.tui.app_actions import AppActions
from rakuten_assist.tui.commands import SupportCommands
from rakuten_assist.tui.connection import Connection
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.messages import AnswerReady
from rakuten_assist.tui.orders_flow import OrdersFlow
from rakuten_assist.tui.report import ChatEntry, scrub
from rakuten_assist.tui.setup_flow import SetupFlow
from rakuten_assist.tui.sources import source_line
from rakuten_assist.tui.walkthrough import Checklist, Walkthrough
from rakuten_assist.tui.widgets.carriers import CarrierBrowser
from rakuten_assist.tui.widgets.chat import (
    AssistantMessage,
    Blocks,
    ChatLog,
    QuickReplies,
    Reply,
    prepare,
)
from rakuten_assist.tui.widgets.history_input import HistoryInput
from rakuten_assist.tui.widgets.side import SidePanel
from rakuten_assist.tui.widgets.title import TitleBar

if TYPE_CHECKING:
    from textual.driver import Driver

    from rakuten_assist.api import RakutenClient
    from rakuten_assist.models import OrderLine
    from rakuten_assist.support import Source
    from rakuten_assist.support.engine import Engine

__all__ = ["Connection", "SupportApp"]

# Seconds after the first frame before the background imports start (the screen stays fluid).
WARM_UP_DELAY = 0.2


# French signs ("grave ?", "69 %") never wrap alone onto the next line (_line_breaks).
keep_signs_with_their_words()


class SupportApp(SetupFlow, OrdersFlow, AppActions):
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
        driver_class: Textual's terminal driver (None: Textual's choice).
    """

    # Absolute, so subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "Rakuten Assist"
    # The screen focuses the input as it first shows (not the first focusable widget, a quick
    # reply, then the input: two focus changes, each restyling the chat, before the first frame).
    AUTO_FOCUS = "#ask"
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
        driver_class: type[Driver] | None = None,
    ) -> None:
        # Everything alive now (engine, registry, sandbox, Textual) lives as long as the app:
        # no collection during the first frame walks it.
        _freeze_heap()
        super().__init__(driver_class=driver_class)
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
        #: the first frame is drawn (answers may then be drawn without waiting for a tick)
        self._painted = False
        self._welcome: AssistantMessage | None = None
        self._welcome_entry: ChatEntry | None = None

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Title, chat and input: the first frame. The tabs and footer follow (``on_ready``).

        No containers: the screen's own vertical layout holds the chat and the input, and
        the footer and the tabs take their rows and columns off its edges (``split`` in
        app.tcss). Each container was one more widget to style and to draw, full screen,
        before the first frame (about a fifth of its Python calls).
        """
        yield TitleBar()
        yield ChatLog(id="chat")
        yield HistoryInput(placeholder=ui(self.lang, "input_placeholder"), id="ask")

    async def mount_side(self) -> None:
        """Mount the side tabs and the footer (once): after the first frame, so the chat and
        its input show at once; any action that needs them calls this first."""
        if self._side_mounted:
            return
        self._side_mounted = True
        side = SidePanel(id="side")
        with self.batch_update():
            # The footer first: split widgets take their edge in the screen's order, so the
            # footer spans the whole bottom row and the tabs stand above it.
            await self.mount(Footer(show_command_palette=False), side)
            await side.fill(self.lang)
        self._apply_lang()

    def action_show_help_panel(self) -> None:
        """The keys panel, as the screen's first split: the whole height at the right edge,
        the title, footer and tabs beside it (Textual's own appends it after the tabs)."""
        from textual.widgets import HelpPanel

        if not self.screen.query(HelpPanel):
            self.screen.mount(HelpPanel(), before=0)

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
        self._painted = True
        await self.mount_side()
        _freeze_heap()
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
        _freeze_heap()
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
        self.query_one(SidePanel).set_lang(lang)
        # Results of earlier runs, in the new language.
        self._refresh_checklist(running=self.walkthrough.running)

    def _show_waiting(self) -> None:
        """The input says what it waits for: the walkthrough's step, or any question."""
        ask = self.query_one("#ask", HistoryInput)
        ask.password = self.walkthrough.masked
        waiting = self.walkthrough.input_hint()
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
        error: bool = False, note: str | None = None, blocks: Blocks | None = None,
    ) -> None:  # fmt: skip
        self.transcript.append(ChatEntry("assistant", text))
        await self.query_one(ChatLog).add_answer(
            text, who=ui(self.lang, "bot"), replies=replies or [],
            sources=[source_line(source, self.lang) for source in sources or []],
            error=error, note=note, blocks=blocks,
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
            if secret:
                # Typed in the masked token field (dots while typing: it may be the token): a
                # question ("?" and spaces) is shown and answered, but with anything shaped
                # like a token masked first (the masked input keeps it out of its history).
                text = scrub(text, self._secrets())
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
        from rakuten_assist.support.render import render

        # Every question of a message is answered in order (answer.text is only the first).
        # Rendered and parsed here, off the UI thread: it only has to lay the answer out.
        text = render(answer, "markdown")
        self.post_message(
            AnswerReady(
                question, answer, started, spent, note=note, text=text, blocks=prepare(text)
            )
        )

    async def on_answer_ready(self, message: AnswerReady) -> None:
        """Show the answer; follow the user's language; point the carrier browser at it."""
        await self.mount_side()
        answer = message.answer
        relabel = False
        if not self.lang_locked and answer.lang in ("fr", "en") and answer.lang != self.lang:
            # The answer and its question in the new language now; the rest of the screen
            # (tabs, panels, footer, greeting) once the answer is painted, not before it.
            self.set_reactive(SupportApp.lang, answer.lang)
            self.walkthrough.lang = answer.lang
            relabel = True
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
            # The step's own quick replies (the demo token...) come back under the answer.
            replies = [Reply(s, text=s) for s in self.walkthrough.suggestions()] + replies
        sources = [source for part in answer.parts or [answer] for source in part.sources]
        await self._say(
            message.text, replies=replies, sources=list(dict.fromkeys(sources)), note=note,
            blocks=message.blocks,
        )  # fmt: skip

        def rendered() -> None:
            now = time.perf_counter()
            self.rendered_at.append(now)
            self.latencies.append((now - message.started, message.engine_seconds))

        if self._painted and self.query_one(ChatLog).draw_now():
            rendered()  # the frame with the answer is written
        else:
            self.call_after_refresh(rendered)
        if relabel:
            self.call_after_refresh(self._apply_lang)
        carrier_ids = answer.facts.get("carrier_ids") or []
        if carrier_ids:
            # After the answer is painted: the browser is secondary to what was asked.
            browser = self.query_one(CarrierBrowser)
            self.call_after_refresh(browser.select, str(carrier_ids[0]))


def _freeze_heap() -> None:
    """Leave what exists now out of the garbage collector's full passes.

    The app's process holds a large, long-lived heap (the engine, the carrier registry, pandas
    once the warm-up is done, the embedded sandbox): each full collection walked all of it,
    50-600 ms of the UI thread at random moments, often while an answer was being drawn.
    Frozen (at start, after the first frame, after the warm-up), a pass only walks what was
    created since. ``on_unmount`` unfreezes, so an app started inside a longer process
    (tests, the benchmark) gives its heap back.
    """
    gc.freeze()
