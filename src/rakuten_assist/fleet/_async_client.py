"""The two read actions open orders need, on httpx's AsyncClient, for many accounts at once.

One AsyncClient (one connection pool) serves every account; each request is counted against
its account's hourly budget before it leaves, waits for a slot of the fleet-wide concurrency
limit, and is retried by the same policy as the synchronous client. Answers are read and
errors mapped by ``api._http``'s shared functions, so an error here is the same class with
the same fix as for one account; every error text is scrubbed of the account's token.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping

import httpx
from lxml import etree

from rakuten_assist.api._http import (
    SERVICE_PATH,
    USER_AGENT,
    read_answer,
    scrub_error,
    transport_error,
)
from rakuten_assist.api._retry import RetryPolicy
from rakuten_assist.config import Credentials, Settings, check_base_url
from rakuten_assist.errors import APIError, QuotaExceededError
from rakuten_assist.fleet.quota import HourlyBudget

__all__ = ["AsyncAccountClient", "Sleep", "open_async_http"]

logger = logging.getLogger("rakuten_assist.fleet")

Sleep = Callable[[float], Awaitable[None]]


def open_async_http(
    settings: Settings, concurrency: int, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """One AsyncClient for the whole fleet, with as many connections as requests in flight."""
    timeout = httpx.Timeout(
        settings.read_timeout, connect=settings.connect_timeout, pool=settings.read_timeout
    )
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(
        timeout=timeout,
        limits=limits,
        transport=transport,
        headers={"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml"},
        follow_redirects=False,
    )


class AsyncAccountClient:
    """Read-only sales_ws calls for one account over a shared AsyncClient.

    Args:
        http: the fleet's AsyncClient.
        credentials: the account's login and token.
        settings: base URL and attempts.
        slots: the fleet-wide limit on requests in flight.
        budget: the account's hourly budget; a request it refuses is never sent.
        retry: the retry policy (defaults to ``settings.max_attempts`` attempts).
        sleep: how to wait between attempts (tests pass a no-op).
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: Credentials,
        settings: Settings,
        *,
        slots: asyncio.Semaphore,
        budget: HourlyBudget,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._http = http
        self._credentials = credentials
        self._settings = settings
        self._url = check_base_url(settings.base_url) + SERVICE_PATH
        self._slots = slots
        self.budget = budget
        self._policy = retry or RetryPolicy(max_attempts=settings.max_attempts)
        self._sleep = sleep
        #: requests actually sent (each attempt counts: Rakuten counts them all)
        self.calls = 0

    def __repr__(self) -> str:
        return f"AsyncAccountClient(login={self._credentials.login!r}, token=***)"

    async def request(
        self, action: str, version: str, params: Mapping[str, str] | None = None
    ) -> etree._Element:
        """Send a read action and return its root, retrying what the policy allows.

        Raises:
            QuotaExceededError: the account's budget is spent (nothing sent), or Rakuten
                answered that its quota is.
            APIError: the mapped error after the allowed attempts, token scrubbed.
        """
        secret = self._credentials.token.get_secret_value()
        query: dict[str, str] = {
            "action": action,
            "login": self._credentials.login,
            "pwd": secret,
            "version": version,
        }
        if self._settings.channel:
            query["channel"] = self._settings.channel
        query.update({k: v for k, v in (params or {}).items() if v is not None})
        attempt = 1
        while True:
            self.budget.take(action)
            try:
                return await self._send_once(action, query)
            except QuotaExceededError as exc:
                self.budget.exhaust()
                raise scrub_error(exc, secret) from None
            except APIError as exc:
                scrub_error(exc, secret)
                if not self._policy.should_retry(exc, attempt):
                    raise
                wait = self._policy.delay(attempt)
                logger.warning(
                    "%s for %s failed (attempt %d of %d): %s; retrying in %.1f s",
                    action,
                    self._credentials.login,
                    attempt,
                    self._policy.max_attempts,
                    exc.message,
                    wait,
                )
                await self._sleep(wait)
                attempt += 1

    async def _send_once(self, action: str, query: Mapping[str, str]) -> etree._Element:
        async with self._slots:
            self.calls += 1
            started = time.perf_counter()
            try:
                response = await self._http.get(self._url, params=query)
            except httpx.TransportError as exc:
                # ``from None``: httpx's exceptions carry the request, whose URL has the token.
                raise transport_error(exc, action) from None
            logger.debug(
                "%s for %s answered in %.3f s",
                action,
                self._credentials.login,
                time.perf_counter() - started,
            )
        return read_answer(action, response.status_code, response.content)
