"""A local Rakuten-compatible sales web service with seeded demo data, for tests and demos.

    with running_sandbox(seed=42, sales=40) as sb:
        client = RakutenClient(sb.credentials, settings=Settings(base_url=sb.base_url))
        sb.faults.fail_next("getcurrentsales", kind="server_error", page=2)
        sb.state.item("260300002").status

It speaks the shapes of the real ``sales_ws`` (see ``docs`` and the reference notes): GET with
``action``, ``login``, ``pwd``, ``version``; ISO-8859-1 XML; Rakuten's exact error texts.
Standard library and lxml only; nothing here imports httpx.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import SecretStr

from rakuten_assist.config import Credentials
from rakuten_assist.sandbox.faults import Fault, FaultKind, Faults
from rakuten_assist.sandbox.server import (
    DEMO_LOGIN,
    DEMO_TOKEN,
    NON_PRO_LOGIN,
    SERVICE_PATH,
    SandboxServer,
    serving_in_thread,
)
from rakuten_assist.sandbox.state import RecordedRequest, SandboxState, ServiceError

#: a small product feed export matching the demo orders, with the usual SKU mistakes
#: (lower-case SKU, lost leading zeros, a duplicate, a product without SKU)
DEMO_CATALOGUE = Path(__file__).with_name("demo_catalogue.csv")

__all__ = [
    "DEMO_CATALOGUE",
    "DEMO_LOGIN",
    "DEMO_TOKEN",
    "NON_PRO_LOGIN",
    "SERVICE_PATH",
    "Fault",
    "FaultKind",
    "Faults",
    "RecordedRequest",
    "Sandbox",
    "SandboxServer",
    "SandboxState",
    "ServiceError",
    "running_sandbox",
]


@dataclass(frozen=True)
class Sandbox:
    """A running sandbox: where it listens, its demo account, its live state and faults."""

    server: SandboxServer
    login: str = DEMO_LOGIN
    token: str = DEMO_TOKEN

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``; the service is at ``base_url + "/sales_ws"``."""
        return self.server.base_url

    @property
    def service_url(self) -> str:
        """The full URL of the sales web service."""
        return self.server.base_url + SERVICE_PATH

    @property
    def credentials(self) -> Credentials:
        """The demo Professional account, ready for ``RakutenClient``."""
        return Credentials(login=self.login, token=SecretStr(self.token))

    @property
    def non_professional_credentials(self) -> Credentials:
        """The demo private-seller account: every call gets the rights error."""
        return Credentials(login=NON_PRO_LOGIN, token=SecretStr(self.token))

    @property
    def state(self) -> SandboxState:
        """The live store (items, shipments, the request log)."""
        return self.server.state

    @property
    def faults(self) -> Faults:
        """Programmatic fault injection (``fail_next``)."""
        return self.server.faults


@contextmanager
def running_sandbox(
    *,
    seed: int = 42,
    sales: int = 40,
    page_size: int = 10,
    latency_ms: int = 0,
    fail_rate: float = 0.0,
    truncate_rate: float = 0.0,
    quota: int | None = None,
    now: datetime | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
) -> Iterator[Sandbox]:
    """Run a sandbox in a daemon thread on a free loopback port; stop it on exit.

    Args:
        seed: seeds the demo data and the random faults.
        sales: how many purchases to create.
        page_size: sales per getcurrentsales page.
        latency_ms: delay added to every answer.
        fail_rate: share of requests answered with a ServerError (HTTP 500).
        truncate_rate: share of answers cut in the middle.
        quota: calls allowed per login and hour (None: unlimited).
        now: the sandbox's present (dates are spread over the ten days before it); the same
            seed and ``now`` give the same bytes.
        host, port: where to listen (port 0: a free one).
    """
    server = SandboxServer(
        host,
        port,
        seed=seed,
        sales=sales,
        page_size=page_size,
        latency_ms=latency_ms,
        fail_rate=fail_rate,
        truncate_rate=truncate_rate,
        quota=quota,
        now=now,
    )
    with serving_in_thread(server, "rakuten-sandbox"):
        yield Sandbox(server)
