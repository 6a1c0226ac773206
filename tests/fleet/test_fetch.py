"""fetch_fleet: every account concurrently, failures kept per account, budgets never passed."""

from __future__ import annotations

import asyncio
import gc
import gzip
from pathlib import Path

import httpx
import pytest

from rakuten_assist.api import RakutenClient, RetryPolicy, fetch_open_orders
from rakuten_assist.config import Settings
from rakuten_assist.errors import AuthenticationError, QuotaExceededError, RightsError, ServerError
from rakuten_assist.fleet import (
    FleetAccount,
    FleetProgress,
    QuotaBudgetError,
    check_accounts,
    fetch_fleet,
    load_accounts,
)
from rakuten_assist.sandbox.fleet import FleetSandbox

pytestmark = pytest.mark.integration

FAST_RETRY = RetryPolicy(max_attempts=2, initial_delay_s=0.01, max_delay_s=0.02)


def _accounts(path: Path) -> list[FleetAccount]:
    return [check.account for check in check_accounts(load_accounts(path)) if check.account]


def test_failures_are_recorded_per_account_and_the_others_fetched(
    fleet: FleetSandbox, accounts_file: Path
) -> None:
    """Wrong token, not Professional, quota and a failing page fail alone; 21 accounts arrive."""
    progress: list[FleetProgress] = []
    run = fetch_fleet(
        _accounts(accounts_file),
        settings=Settings(base_url=fleet.base_url),
        concurrency=8,
        retry=FAST_RETRY,
        on_progress=progress.append,
    )
    kinds = {account.label: account.kind for account in fleet.accounts}
    errors = {o.label: type(o.error) for o in run.outcomes if o.error is not None}
    expected = {
        "wrong_token": AuthenticationError,
        "not_professional": RightsError,
        "quota": QuotaExceededError,
        "failing_page": ServerError,
    }
    assert errors == {label: expected[kind] for label, kind in kinds.items() if kind in expected}
    assert len([o for o in run.outcomes if o.ok]) == 21  # the slow account arrives too
    # What the healthy accounts return is exactly what the one-account client returns.
    healthy = next(a for a in fleet.accounts if a.kind == "ok")
    with RakutenClient(
        next(acc for acc in _accounts(accounts_file) if acc.label == healthy.label).credentials,
        settings=Settings(base_url=fleet.base_url),
    ) as client:
        alone = {line.item.item_id for line in fetch_open_orders(client).lines}
    outcome = next(o for o in run.outcomes if o.label == healthy.label)
    assert {line.item.item_id for line in outcome.lines} == alone
    # The failing page kept what arrived before it (page 1 and the new sales).
    failing = next(o for o in run.outcomes if kinds[o.label] == "failing_page")
    assert failing.pages == 1
    assert failing.lines
    assert progress[-1] == FleetProgress(total=25, done=25, failed=4, items=progress[-1].items)
    assert progress[-1].items >= len(run.frame())


def test_frame_has_an_account_column_and_status_one_row_per_account(
    fleet: FleetSandbox, accounts_file: Path
) -> None:
    """One typed row per item with its account, and a status table with each error's fix."""
    run = fetch_fleet(
        _accounts(accounts_file)[:5], settings=Settings(base_url=fleet.base_url), retry=FAST_RETRY
    )
    frame = run.frame()
    assert list(frame.columns[:2]) == ["account", "purchase_id"]
    assert set(frame["account"]) == {o.label for o in run.outcomes if o.lines}
    assert str(frame["purchase_date"].dtype).startswith("datetime64")
    status = run.status()
    assert list(status["account"]) == [o.label for o in run.outcomes]
    wrong = status[status["error"] == "AuthenticationError"]
    assert len(wrong) == 1
    assert "Mes informations développeur" in wrong["fix"].iloc[0]


def test_hourly_budget_is_never_passed(fleet: FleetSandbox, accounts_file: Path) -> None:
    """An account with 2 calls left makes 2 calls at most, and says its budget is spent."""
    healthy = next(a for a in _accounts(accounts_file) if a.label == "shop-0001")
    tight = FleetAccount(healthy.label, healthy.credentials, hourly_quota=10)
    state = fleet.server.state_of(healthy.login)
    before = state.count_requests()
    run = fetch_fleet(
        [tight],
        settings=Settings(base_url=fleet.base_url),
        used_calls={"shop-0001": 8},
        retry=FAST_RETRY,
    )
    outcome = run.outcomes[0]
    assert state.count_requests() - before == outcome.calls == 2
    assert isinstance(outcome.error, QuotaBudgetError)
    assert "10 calls per hour" in outcome.error.message


def test_spent_budget_sends_nothing(fleet: FleetSandbox, accounts_file: Path) -> None:
    """An account whose hour is used up by earlier runs is not called at all."""
    account = next(a for a in _accounts(accounts_file) if a.label == "shop-0002")
    state = fleet.server.state_of(account.login)
    before = state.count_requests()
    run = fetch_fleet(
        [account],
        settings=Settings(base_url=fleet.base_url),
        used_calls={"shop-0002": account.hourly_quota},
    )
    assert state.count_requests() == before
    assert isinstance(run.outcomes[0].error, QuotaBudgetError)
    assert run.outcomes[0].calls == 0


class _Counting(httpx.AsyncBaseTransport):
    """Answers every request after a pause, counting how many are in flight at once."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.now = 0
        self.peak = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.now += 1
        self.peak = max(self.peak, self.now)
        try:
            await asyncio.sleep(0.01)
            return await self.inner.handle_async_request(request)
        finally:
            self.now -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_concurrency_bounds_requests_in_flight(fleet: FleetSandbox, accounts_file: Path) -> None:
    """With concurrency 4, never more than 4 requests are in flight, and 4 are reached."""
    healthy = {a.label for a in fleet.accounts if a.kind == "ok"}
    accounts = [a for a in _accounts(accounts_file) if a.label in healthy][:12]
    counting = _Counting(httpx.AsyncHTTPTransport())
    run = fetch_fleet(
        accounts, settings=Settings(base_url=fleet.base_url), concurrency=4, transport=counting
    )
    assert not run.failed
    assert counting.peak == 4


class _SettingCookies(httpx.AsyncBaseTransport):
    """Passes requests to the sandbox; each answer sets a cookie naming the login that asked."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.cookies_sent: list[str | None] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.cookies_sent.append(request.headers.get("Cookie"))
        response = await self.inner.handle_async_request(request)
        response.headers["Set-Cookie"] = f"session={request.url.params['login']}; Path=/"
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_cookie_one_account_is_given_never_goes_with_another(
    fleet: FleetSandbox, accounts_file: Path
) -> None:
    """Accounts share the connections, not cookies: no request carries one an answer set."""
    healthy = {a.label for a in fleet.accounts if a.kind == "ok"}
    accounts = [a for a in _accounts(accounts_file) if a.label in healthy][:3]
    setting = _SettingCookies(httpx.AsyncHTTPTransport())
    run = fetch_fleet(
        accounts, settings=Settings(base_url=fleet.base_url), concurrency=1, transport=setting
    )
    assert not run.failed
    assert len(setting.cookies_sent) == sum(o.calls for o in run.outcomes) >= 6
    assert setting.cookies_sent == [None] * len(setting.cookies_sent)


class _Gzipping(httpx.AsyncBaseTransport):
    """Passes requests to the sandbox and sends each answer gzip-compressed, as a server may."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.accepted: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.accepted.append(request.headers.get("Accept-Encoding", ""))
        response = await self.inner.handle_async_request(request)
        body = gzip.compress(await response.aread())
        await response.aclose()
        headers = {"Content-Type": response.headers["Content-Type"], "Content-Encoding": "gzip"}
        return httpx.Response(response.status_code, headers=headers, content=body)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_compressed_answer_gives_the_same_items(fleet: FleetSandbox, accounts_file: Path) -> None:
    """Answers sent gzip-compressed (the fleet says it accepts gzip) give the same items."""
    healthy = {a.label for a in fleet.accounts if a.kind == "ok"}
    accounts = [a for a in _accounts(accounts_file) if a.label in healthy][:2]
    settings = Settings(base_url=fleet.base_url)
    gzipping = _Gzipping(httpx.AsyncHTTPTransport())
    compressed = fetch_fleet(accounts, settings=settings, transport=gzipping)
    plain = fetch_fleet(accounts, settings=settings)
    assert not compressed.failed
    assert all("gzip" in accepted for accepted in gzipping.accepted)
    assert [o.lines for o in compressed.outcomes] == [o.lines for o in plain.outcomes]
    assert sum(len(o.lines) for o in plain.outcomes) > 0


def test_works_inside_a_running_event_loop(fleet: FleetSandbox, accounts_file: Path) -> None:
    """Called from code that already runs an event loop (a notebook), it still returns."""
    accounts = _accounts(accounts_file)[:2]

    async def inside() -> int:
        run = fetch_fleet(accounts, settings=Settings(base_url=fleet.base_url))
        return len(run.outcomes)

    assert asyncio.run(inside()) == 2


def test_a_fault_of_ours_fails_one_account_only(
    fleet: FleetSandbox, accounts_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while reading one account's page fails that account; the others are fetched."""
    import rakuten_assist.fleet.fetch as fetch_module

    real = fetch_module.sales_page
    accounts = _accounts(accounts_file)[:3]

    def broken(root: object) -> object:
        if fetch_module.sales_page.calls == 0:  # type: ignore[attr-defined]
            fetch_module.sales_page.calls += 1  # type: ignore[attr-defined]
            raise KeyError("a bug in our parser")
        return real(root)  # type: ignore[arg-type]

    broken.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(fetch_module, "sales_page", broken)
    run = fetch_fleet(accounts, settings=Settings(base_url=fleet.base_url), concurrency=1)
    failed = [o for o in run.outcomes if not o.ok]
    assert len(failed) == 1
    assert "KeyError" in (failed[0].error.message if failed[0].error else "")
    assert all(o.lines for o in run.outcomes if o.ok)


def test_a_run_leaves_no_reference_cycle_per_request(
    fleet: FleetSandbox, accounts_file: Path
) -> None:
    """Garbage left for the cyclic collector does not grow with the requests of a run.

    A run ends without a collection (its objects go straight to the old generation): that
    is only sound while requests leave no cycles behind.
    """
    healthy = {a.label for a in fleet.accounts if a.kind == "ok"}
    accounts = [a for a in _accounts(accounts_file) if a.label in healthy]
    settings = Settings(base_url=fleet.base_url)

    def garbage_of(count: int) -> tuple[int, int]:
        gc.collect()
        run = fetch_fleet(accounts[:count], settings=settings, concurrency=4)
        assert not run.failed
        return sum(o.calls for o in run.outcomes), gc.collect()

    fetch_fleet(accounts[:2], settings=settings, concurrency=4)  # imports, first connections
    few_calls, few = garbage_of(2)
    many_calls, many = garbage_of(len(accounts))
    assert many_calls >= few_calls + 40
    assert many - few < (many_calls - few_calls) / 4
