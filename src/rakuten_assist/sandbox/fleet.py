"""A sandbox serving many merchant accounts, some misconfigured on purpose, on one server.

Each account has its own seeded sales, pages, quota counter, faults and latency, and the
sandbox writes the matching accounts file, so a whole fleet runs with no real account::

    with running_fleet_sandbox(accounts=50) as fleet:
        fleet.write_accounts(Path("accounts.toml"))

Misconfigured accounts, at fixed places so runs can be compared (``kind``): ``wrong_token``
(the file's token is not the account's), ``not_professional`` (rights error), ``quota``
(two calls left this hour: the second page gets "Quota exceeded."), ``slow`` (every answer
1.5 s late, but complete) and ``failing_page`` (page 2 always answers a server error).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from rakuten_assist.i18n import DEFAULT_LANG, t
from rakuten_assist.sandbox.data import PARIS, SandboxSale, generate_sales
from rakuten_assist.sandbox.faults import Faults
from rakuten_assist.sandbox.server import SandboxServer, serving_in_thread
from rakuten_assist.sandbox.state import Account, SandboxState

__all__ = [
    "FLEET_KINDS",
    "FleetSandbox",
    "FleetSandboxServer",
    "SandboxAccount",
    "fleet_accounts",
    "running_fleet_sandbox",
]

#: the kinds of account, healthy first; where each misconfigured one sits in a block of 25
FLEET_KINDS = ("ok", "wrong_token", "not_professional", "quota", "slow", "failing_page")
_PLACES = {3: "wrong_token", 7: "not_professional", 11: "quota", 15: "slow", 19: "failing_page"}
_BLOCK = 25
_SLOW_S = 1.5
_QUOTA_LEFT = 2
#: how far apart the ids of two accounts start (more than any account's sales use)
_ID_STRIDE = 1_000_000
#: how much older a sale awaiting acceptance is made, to wait for more than a day
_AGED_BY = timedelta(hours=26)


@dataclass(frozen=True)
class SandboxAccount:
    """One merchant account of the fleet sandbox.

    Attributes:
        label: its label in the accounts file.
        login: the account name the sandbox knows.
        token: the token the sandbox expects (sandbox-only demo value).
        file_token: the token written in the accounts file (another one for ``wrong_token``).
        kind: ``ok`` or how it is misconfigured (see the module's text).
    """

    label: str
    login: str
    token: str
    file_token: str
    kind: str = "ok"

    def __repr__(self) -> str:
        return f"SandboxAccount(label={self.label!r}, login={self.login!r}, kind={self.kind!r})"


def fleet_accounts(count: int, *, misconfigured: bool = True) -> list[SandboxAccount]:
    """``count`` accounts; with ``misconfigured``, five of every 25 are broken on purpose."""
    accounts = []
    for index in range(count):
        kind = _PLACES.get(index % _BLOCK, "ok") if misconfigured else "ok"
        number = f"{index + 1:04d}"
        token = f"fleet-token-{number}-sandbox"
        accounts.append(
            SandboxAccount(
                label=f"shop-{number}",
                login=f"fleet-shop-{number}",
                token=token,
                file_token=f"fleet-token-{number}-revoked" if kind == "wrong_token" else token,
                kind=kind,
            )
        )
    return accounts


def _own_sales(sales: list[SandboxSale], index: int, *, vary: bool) -> list[SandboxSale]:
    """Account ``index``'s sales: ids of its own (Rakuten's ids are unique across sellers;
    the first account keeps the demo account's), and, for varied merchants, ``index % 4`` of
    its sales awaiting acceptance left waiting for more than a day. Oldest first."""
    offset = index * _ID_STRIDE
    fresh = [s for s in sales if all(item.status == "REQUESTED" for item in s.items)]
    aged = {sale.purchase_id for sale in fresh[: index % 4]} if vary else set()
    for sale in sales:
        shift = _AGED_BY if sale.purchase_id in aged else timedelta(0)
        sale.purchase_id = str(int(sale.purchase_id) + offset)
        sale.purchase_date -= shift
        for item in sale.items:
            item.item_id = str(int(item.item_id) + offset)
            item.purchase_id = sale.purchase_id
            item.date -= shift
            item.logs = [replace(log, date=log.date - shift) for log in item.logs]
    return sorted(sales, key=lambda sale: sale.purchase_date)


@dataclass
class _Tenant:
    state: SandboxState
    faults: Faults
    latency: float


class FleetSandboxServer(SandboxServer):
    """The sandbox web service for many accounts: each login has its own store and faults.

    Args:
        accounts: the accounts to serve (``fleet_accounts(n)``).
        seed: account ``i`` is seeded with ``seed + i``.
        sales: purchases per account.
        vary_sales: varied merchants: different sizes (from half to twice ``sales``) and
            different numbers of sales waiting for acceptance for more than a day.
        page_size, latency_ms, now, host, port: as for ``SandboxServer``.
    """

    def __init__(
        self,
        accounts: list[SandboxAccount],
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 42,
        sales: int = 30,
        page_size: int = 10,
        latency_ms: int = 0,
        now: datetime | None = None,
        vary_sales: bool = False,
    ) -> None:
        super().__init__(host, port, seed=seed, sales=0, latency_ms=latency_ms, now=now)
        self.accounts = list(accounts)
        moment = now or datetime.now(PARIS).replace(second=0, microsecond=0)
        self._tenants: dict[str, _Tenant] = {}
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=PARIS)
        for index, account in enumerate(self.accounts):
            # Merchants of different sizes: from half to twice ``sales``.
            size = sales * (2 + index % 7) // 4 if vary_sales else sales
            state = SandboxState(
                sales=_own_sales(
                    generate_sales(size, seed=seed + index, now=moment), index, vary=vary_sales
                ),
                accounts={
                    account.login: Account(
                        account.login,
                        account.token,
                        professional=account.kind != "not_professional",
                    )
                },
                page_size=max(1, page_size),
                quota=_QUOTA_LEFT if account.kind == "quota" else None,
                now=moment.astimezone(PARIS),
            )
            faults = Faults(seed=seed + index)
            if account.kind == "failing_page":
                faults.fail_next("getcurrentsales", count=1_000_000, kind="server_error", page=2)
            latency = self.latency_seconds + (_SLOW_S if account.kind == "slow" else 0.0)
            self._tenants[account.login] = _Tenant(state, faults, latency)

    def tenant(self, login: str) -> tuple[SandboxState, Faults, float]:
        """The store, faults and latency of ``login`` (the empty default for strangers)."""
        found = self._tenants.get(login)
        if found is None:
            return self.state, self.faults, self.latency_seconds
        return found.state, found.faults, found.latency

    def state_of(self, login: str) -> SandboxState:
        """The live store of one account (tests look inside)."""
        return self._tenants[login].state

    def accounts_file(self, lang: str = DEFAULT_LANG) -> str:
        """The accounts file for this fleet: tokens inline, so keep it owner-only. Its
        comments are in ``lang``: whoever opens the file reads them."""
        lines = [
            "# " + t("sandbox.accounts_file.head", lang),
            "# " + t("sandbox.accounts_file.owner_only", lang),
            f'base_url = "{self.base_url}"',
            "",
        ]
        for account in self.accounts:
            lines += [
                "[[account]]",
                f'label = "{account.label}"',
                f'login = "{account.login}"',
                f'token = "{account.file_token}"',
                "",
            ]
        return "\n".join(lines)

    def write_accounts(self, path: Path, lang: str = DEFAULT_LANG) -> Path:
        """Write the accounts file at ``path``, readable and writable by its owner only."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(self.accounts_file(lang))
        os.chmod(path, 0o600)  # an existing file keeps its mode through O_TRUNC
        return path


@dataclass(frozen=True)
class FleetSandbox:
    """A running fleet sandbox: its server, accounts and base URL."""

    server: FleetSandboxServer

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return self.server.base_url

    @property
    def accounts(self) -> list[SandboxAccount]:
        """The accounts served, in file order."""
        return self.server.accounts

    def write_accounts(self, path: Path, lang: str = DEFAULT_LANG) -> Path:
        """Write the matching accounts file (owner-only), its comments in ``lang``."""
        return self.server.write_accounts(path, lang)


@contextmanager
def running_fleet_sandbox(
    *,
    accounts: int = 50,
    misconfigured: bool = True,
    seed: int = 42,
    sales: int = 30,
    page_size: int = 10,
    latency_ms: int = 0,
    now: datetime | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    vary_sales: bool = False,
) -> Iterator[FleetSandbox]:
    """Run a fleet sandbox in a daemon thread on a free loopback port; stop it on exit."""
    server = FleetSandboxServer(
        fleet_accounts(accounts, misconfigured=misconfigured),
        host,
        port,
        seed=seed,
        sales=sales,
        page_size=page_size,
        latency_ms=latency_ms,
        now=now,
        vary_sales=vary_sales,
    )
    with serving_in_thread(server, "rakuten-fleet-sandbox"):
        yield FleetSandbox(server)
