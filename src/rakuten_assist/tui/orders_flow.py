"""The order lookup and the API client of the app: open orders fetched once a minute at most."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from rakuten_assist.config import Credentials, Settings
from rakuten_assist.tui.i18n import ui
from rakuten_assist.tui.lookup import describe_skus, lines_for
from rakuten_assist.tui.messages import OrderFound
from rakuten_assist.tui.walkthrough import Walkthrough
from rakuten_assist.tui.widgets.orders import OrderLookup

if TYPE_CHECKING:
    from rakuten_assist.api import RakutenClient
    from rakuten_assist.models import OrderLine
    from rakuten_assist.support.engine import Engine
    from rakuten_assist.tui.connection import Connection

__all__ = ["ORDER_LINES_MAX_AGE", "OrdersFlow"]

# Open orders change status as the merchant works; refetch older than this, but no more often
# (Rakuten counts each page against the hourly quota).
ORDER_LINES_MAX_AGE = 60.0


class OrdersFlow(App[None]):
    """SupportApp's order lookup, its one API client and the open orders it shares."""

    connection: Connection
    lang: str
    walkthrough: Walkthrough
    engine: Engine
    engine_factory: Callable[[Connection], Engine] | None
    clock: Callable[[], float]
    _client: RakutenClient | None
    _client_lock: threading.Lock
    _orders_lock: threading.Lock
    _order_lines: list[OrderLine] | None
    _order_lines_fetched_at: float

    if TYPE_CHECKING:  # the rest of SupportApp

        def _account_label(self, lang: str) -> str: ...

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
                    from rakuten_assist.i18n import Message

                    # Only an app built without a connection (SupportApp() from Python) gets
                    # here: the bot's own paths check for credentials first.
                    raise MissingCredentialsError(
                        Message("errors.config.no_account"), fix=Message("errors.fix.bot_account")
                    )
                settings = Settings.from_env(self.connection.base_url)
                self._client = RakutenClient(credentials, settings=settings)
            return self._client

    def on_unmount(self) -> None:
        """Close the API client; the heap frozen at start goes back to the collector."""
        if self._client is not None:
            self._client.close()
        gc.unfreeze()

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
