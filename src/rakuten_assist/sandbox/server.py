"""The sandbox HTTP server: ``/sales_ws`` requests, faults, latency, access log.

What each action answers (authentication included) is ``_actions.answer``. Standard library
only (``http.server``), one thread per request. The access log goes to the
``rakuten_assist.sandbox`` logger with every ``pwd`` value replaced by ``***``.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rakuten_assist.redaction import redact
from rakuten_assist.sandbox._actions import answer
from rakuten_assist.sandbox._records import (
    Account,
    RecordedRequest,
    ServiceError,
    page_of_token,
    quota_exceeded,
)
from rakuten_assist.sandbox.data import PARIS
from rakuten_assist.sandbox.faults import Fault, Faults
from rakuten_assist.sandbox.state import SandboxState
from rakuten_assist.sandbox.xml import (
    CONTENT_TYPE,
    render_error,
    render_proxy_page,
)

__all__ = [
    "DEMO_LOGIN",
    "DEMO_TOKEN",
    "NON_PRO_LOGIN",
    "SERVICE_PATH",
    "SandboxServer",
    "answer",
    "demo_accounts",
]

logger = logging.getLogger("rakuten_assist.sandbox")

DEMO_LOGIN = "demo-boutique"
#: the demo token; dashes keep it from looking like a real one to secret scanners
DEMO_TOKEN = "demo-token-7f3a-2b91-sandbox"  # noqa: S105 - public demo value, sandbox only
#: a demo account without Professional rights: every call gets the rights error
NON_PRO_LOGIN = "demo-particulier"
SERVICE_PATH = "/sales_ws"

_MAX_UPLOAD_BYTES = 16 * 1024 * 1024
_SERVER_ERROR_DETAIL = "An error occurred while processing the request"


def demo_accounts() -> dict[str, Account]:
    """The accounts every sandbox knows: the Professional demo shop and a private seller."""
    return {
        DEMO_LOGIN: Account(DEMO_LOGIN, DEMO_TOKEN, professional=True),
        NON_PRO_LOGIN: Account(NON_PRO_LOGIN, DEMO_TOKEN, professional=False),
    }


def _page_number(params: Mapping[str, str]) -> int:
    return page_of_token(params.get("nexttoken", ""))


def _upload_from(content_type: str, body: bytes) -> bytes | None:
    """The ``file`` field of a multipart/form-data body (or a bare XML body)."""
    if content_type.lower().startswith(("text/xml", "application/xml")):
        return body
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    for part in message.walk():
        if part.get_param("name", header="content-disposition") == "file":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else None
    return None


class _Handler(BaseHTTPRequestHandler):
    server: SandboxServer
    server_version = "RakutenSandbox/1.0"
    sys_version = ""
    # Keep-alive, as the real service behind its load balancer: a client fetching 20 pages
    # reuses one connection instead of opening one per page. Every answer has its length.
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and
        # the client's delayed ACK hold the body back ~40 ms on a kept-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self._handle(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_UPLOAD_BYTES:
            self.close_connection = True  # the unread body must not be taken for a request
            self._send(413, b"", "text/plain")
            return
        body = self.rfile.read(length) if length else b""
        self._handle(_upload_from(self.headers.get("Content-Type", ""), body))

    def _handle(self, upload: bytes | None) -> None:
        url = urlsplit(self.path)
        if url.path.rstrip("/") != SERVICE_PATH:
            self._send(404, render_proxy_page(404), "text/html; charset=us-ascii")
            return
        params = {key: values[0] for key, values in parse_qs(url.query).items() if values}
        state, faults, latency = self.server.tenant(params.get("login", "").strip())
        action = params.get("action", "").strip().lower()
        record = state.record(
            RecordedRequest(
                action=action,
                params={k: v for k, v in params.items() if k != "pwd"},
                time=datetime.now(PARIS),
                method=self.command,
                login=params.get("login", ""),
            )
        )
        if latency:
            time.sleep(latency)
        fault = faults.pick(action, _page_number(params))
        status, body, content_type = self._respond(state, fault, params, upload)
        record.status = status
        self._send(status, body, content_type)

    def _respond(
        self,
        state: SandboxState,
        fault: Fault | None,
        params: Mapping[str, str],
        upload: bytes | None,
    ) -> tuple[int, bytes, str]:
        kind = fault.kind if fault else None
        if kind == "html":
            return 502, render_proxy_page(502), "text/html; charset=us-ascii"
        if kind == "server_error":
            error = ServiceError(
                "ServerError",
                "Server not able to fullfill request.",
                [_SERVER_ERROR_DETAIL],
                kind="ServerError",
                status=500,
            )
            return error.status, render_error(error), CONTENT_TYPE
        if kind == "quota":
            return 200, render_error(quota_exceeded()), CONTENT_TYPE
        if kind == "slow" and fault is not None:
            time.sleep(fault.delay)
        status, body = answer(state, params, upload)
        if kind == "truncated":
            # A proxy that dropped the rest: a complete HTTP answer, half an XML document.
            body = body[: len(body) // 2]
        return status, body, CONTENT_TYPE

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (a timeout on a "slow" fault): nothing left to tell it.
            logger.debug("client left before the answer to %s", redact(self.path))

    def log_message(self, format: str, *args: Any) -> None:
        if logger.isEnabledFor(logging.INFO):  # not formatted, nor redacted, for nobody
            logger.info("%s %s", self.address_string(), redact(format % args))


class SandboxServer(ThreadingHTTPServer):
    """The Rakuten-compatible web service on ``host:port`` (port 0: a free one).

    ``serve_forever()`` runs it in the calling thread (the ``sandbox serve`` command);
    ``running_sandbox()`` runs it in a daemon thread for tests and ``--sandbox``.

    Args:
        host, port: where to listen; loopback by default.
        seed, sales, page_size, now: the demo data (see ``sandbox.data``).
        latency_ms: added to every answer.
        fail_rate, truncate_rate: random faults (see ``Faults``).
        quota: calls allowed per login and hour (None: unlimited).
    """

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default listen backlog is 5: under a burst of simultaneous connections
    # (a fleet fetch, a load test) the kernel drops the rest and clients wait for nothing.
    # The kernel caps it at net.core.somaxconn.
    request_queue_size = 1024

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 42,
        sales: int = 40,
        page_size: int = 10,
        latency_ms: int = 0,
        fail_rate: float = 0.0,
        truncate_rate: float = 0.0,
        quota: int | None = None,
        now: datetime | None = None,
    ) -> None:
        self.state = SandboxState.seeded(
            demo_accounts(), seed=seed, sales=sales, page_size=page_size, quota=quota, now=now
        )
        self.faults = Faults(seed=seed, fail_rate=fail_rate, truncate_rate=truncate_rate)
        self.latency_seconds = max(0, latency_ms) / 1000
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        """``http://host:port``; the service itself is at ``base_url + "/sales_ws"``."""
        host, port = self.server_address[:2]
        if isinstance(host, bytes):
            host = host.decode("ascii")
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def tenant(self, login: str) -> tuple[SandboxState, Faults, float]:
        """The store, faults and latency (seconds) that serve ``login``.

        One of each here, whatever the login; the fleet sandbox (``sandbox.fleet``) serves
        each account from its own.
        """
        return self.state, self.faults, self.latency_seconds

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints tracebacks to stderr; library code logs instead.
        logger.exception("sandbox request from %s failed", client_address)


@contextmanager
def serving_in_thread(server: ThreadingHTTPServer, name: str) -> Iterator[None]:
    """Serve ``server`` from a daemon thread for the length of the block, then stop and close it."""
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"{name}-{server.server_address[1]}",
        daemon=True,
    )
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
