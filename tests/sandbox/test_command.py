"""``rakuten-assist sandbox serve``: starts, prints how to connect, answers, stops with exit 0."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading

import httpx
import pytest

from rakuten_assist.sandbox import DEMO_LOGIN, DEMO_TOKEN

pytestmark = pytest.mark.integration

# Builds a parser with only the sandbox command, so its own behaviour is tested apart from
# the other commands; the full entry point is tested below too.
_ISOLATED = (
    "import argparse, sys\n"
    "from rakuten_assist.cli import _common, sandbox\n"
    "parser = argparse.ArgumentParser()\n"
    "sandbox.register(parser.add_subparsers())\n"
    "sys.exit(_common.run_command(parser.parse_args(sys.argv[1:])))\n"
)


def _read_banner(process: subprocess.Popen[str], timeout: float = 15.0) -> list[str]:
    """The lines printed up to the Ctrl-C hint (fails if it takes longer than timeout)."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    banner = []
    while True:
        line = lines.get(timeout=timeout)
        banner.append(line)
        if "Ctrl-C" in line:
            return banner


def _serve_and_stop(command: list[str]) -> tuple[list[str], str, int, httpx.Response]:
    process = subprocess.Popen(
        [*command, "sandbox", "serve", "--port", "0", "--sales", "6", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        banner = _read_banner(process)
        base_url = re.search(r"(http://127\.0\.0\.1:\d+)", banner[0]).group(1)
        response = httpx.get(
            f"{base_url}/sales_ws",
            params={
                "action": "getnewsales",
                "login": DEMO_LOGIN,
                "pwd": DEMO_TOKEN,
                "version": "2017-08-07",
            },
            timeout=10,
        )
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return banner, stderr, process.returncode, response


def _check(banner: list[str], stderr: str, code: int, response: httpx.Response) -> None:
    text = "".join(banner)
    assert f"login: {DEMO_LOGIN}" in text
    assert f"token: {DEMO_TOKEN}" in text
    assert response.status_code == 200
    assert b"<getnewsalesresult" in response.content
    assert code == 0
    access = [line for line in stderr.splitlines() if "sales_ws" in line]
    assert len(access) == 1
    assert "pwd=***" in access[0]
    assert DEMO_TOKEN not in stderr


def test_serve_prints_url_login_token_and_stops_on_ctrl_c():
    """The sandbox command prints its URL, login and token, answers, and exits 0 on Ctrl-C."""
    _check(*_serve_and_stop([sys.executable, "-c", _ISOLATED]))


def test_the_console_entry_point_serves_the_sandbox():
    """``python -m rakuten_assist sandbox serve`` behaves the same through the full CLI."""
    _check(*_serve_and_stop([sys.executable, "-m", "rakuten_assist"]))


def test_a_busy_port_is_a_usage_error_with_a_fix():
    """Serving on a port already taken exits 2 and says to choose another port."""
    from rakuten_assist.sandbox import running_sandbox

    with running_sandbox(sales=1) as sb:
        port = sb.server.server_address[1]
        result = subprocess.run(
            [sys.executable, "-c", _ISOLATED, "sandbox", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 2
    assert "--port" in result.stderr


def test_a_port_above_65535_is_a_usage_error_not_a_traceback():
    """--port 70000 is refused by the argument parser with exit 2, without a traceback."""
    result = subprocess.run(
        [sys.executable, "-c", _ISOLATED, "sandbox", "serve", "--port", "70000"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "65535" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unresolvable_host_gets_a_host_fix():
    """A --host that does not resolve is blamed on --host, not on the port."""
    result = subprocess.run(
        [sys.executable, "-c", _ISOLATED, "sandbox", "serve", "--host", "no-such-host.invalid"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "--host" in result.stderr
    assert "Choose another --port" not in result.stderr


def test_a_page_off_the_service_path_is_404_not_found(sandbox):
    """The sandbox's 404 page is titled Not Found, not Bad Gateway."""
    response = httpx.get(sandbox.base_url + "/nowhere", timeout=10)
    assert response.status_code == 404
    assert "<title>404 Not Found</title>" in response.text
    assert "Bad Gateway" not in response.text


@pytest.mark.parametrize(
    ("host", "warned"),
    [("0.0.0.0", True), ("127.0.0.1", False)],  # noqa: S104 (the point)
)
def test_listening_beyond_this_machine_prints_a_loud_warning(host: str, warned: bool) -> None:
    """--host 0.0.0.0 warns on stderr that the demo account is exposed; loopback does not."""
    process = subprocess.Popen(
        [sys.executable, "-c", _ISOLATED, "sandbox", "serve", "--host", host, "--port", "0",
         "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )  # fmt: skip
    try:
        _read_banner(process)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert ("WARNING: the sandbox listens on 0.0.0.0" in stderr) is warned
    assert ("Use --host 127.0.0.1" in stderr) is warned
