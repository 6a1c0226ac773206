"""The fleet sandbox's merchants are distinct: ids of their own, and (as the command line
serves them) different sizes and different numbers of sales waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rakuten_assist.sandbox.fleet import FleetSandboxServer, fleet_accounts

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _server(count: int, *, vary_sales: bool) -> FleetSandboxServer:
    return FleetSandboxServer(
        fleet_accounts(count, misconfigured=False), sales=40, now=NOW, vary_sales=vary_sales
    )


def _waiting_over_a_day(server: FleetSandboxServer, login: str) -> int:
    state = server.state_of(login)
    return sum(
        1
        for sale in state.sales
        if any(item.status in {"REQUESTED", "REMINDED", "TO_CONFIRM"} for item in sale.items)
        and state.now - sale.purchase_date > timedelta(hours=24)
    )


def test_no_two_merchants_share_a_purchase_or_an_item_id() -> None:
    """Rakuten's ids are unique across sellers; so are the sandbox's, for every account."""
    server = _server(6, vary_sales=False)
    try:
        purchases: list[str] = []
        items: list[str] = []
        for account in server.accounts:
            sales = server.state_of(account.login).sales
            purchases += [sale.purchase_id for sale in sales]
            items += [item.item_id for sale in sales for item in sale.items]
            owners = {item.purchase_id == sale.purchase_id for sale in sales for item in sale.items}
            assert owners == {True}
        assert len(purchases) == len(set(purchases)) == 6 * 40
        assert len(items) == len(set(items))
    finally:
        server.server_close()


def test_the_first_merchant_keeps_the_demo_accounts_ids() -> None:
    """shop-0001 has the ids the single demo account has, so examples read the same."""
    server = _server(2, vary_sales=False)
    try:
        first = server.state_of(server.accounts[0].login).sales
        assert min(int(sale.purchase_id) for sale in first) < 430_001_000
    finally:
        server.server_close()


def test_varied_merchants_differ_in_size_and_in_sales_waiting() -> None:
    """Served with varied merchants, accounts have several sizes and several counts of sales
    waiting for acceptance for more than a day (a report that can show a difference)."""
    server = _server(8, vary_sales=True)
    try:
        logins = [account.login for account in server.accounts]
        sizes = {len(server.state_of(login).sales) for login in logins}
        waits = {_waiting_over_a_day(server, login) for login in logins}
        assert len(sizes) >= 4
        assert len(waits) >= 3
    finally:
        server.server_close()
