"""The sandbox holds hundreds of simultaneous connections: none is dropped at the door."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from rakuten_assist.sandbox import running_sandbox

pytestmark = pytest.mark.integration

CONNECTIONS = 300


def _connect(port: int) -> socket.socket | None:
    try:
        return socket.create_connection(("127.0.0.1", port), timeout=2)
    except OSError:
        return None


def test_three_hundred_simultaneous_connections_all_get_an_answer() -> None:
    """300 clients connect at once, then each asks: every one gets an HTTP answer."""
    with running_sandbox() as sb:
        port = int(sb.base_url.rsplit(":", 1)[1])
        with ThreadPoolExecutor(max_workers=CONNECTIONS) as pool:
            sockets = list(pool.map(_connect, [port] * CONNECTIONS))
        answered = 0
        try:
            for sock in sockets:
                if sock is None:
                    continue
                sock.settimeout(10)
                sock.sendall(b"GET /sales_ws HTTP/1.0\r\nHost: x\r\n\r\n")
            for sock in sockets:
                if sock is None:
                    continue
                try:
                    answered += sock.recv(12).startswith(b"HTTP/1.")
                except OSError:
                    pass
        finally:
            for sock in sockets:
                if sock is not None:
                    sock.close()
    assert answered == CONNECTIONS
