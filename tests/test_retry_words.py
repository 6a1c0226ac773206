"""The command line says each retry in the user's language, as a sentence without log jargon."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

TOKEN = "feedface" * 4  # a canary: no line may quote it


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


def _orders_stderr(lang: str) -> str:
    """stderr of `orders` against a port nobody listens on (every attempt refused)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAKUTEN")}
    env.update(
        RAKUTEN_ASSIST_LANG=lang,
        RAKUTEN_LOGIN="boutiquelyon",
        RAKUTEN_TOKEN=TOKEN,
        RAKUTEN_BASE_URL=f"http://127.0.0.1:{_closed_port()}",
    )
    done = subprocess.run(
        [sys.executable, "-m", "rakuten_assist", "orders"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3
    assert TOKEN not in done.stdout + done.stderr
    return done.stderr


def test_a_french_user_reads_the_retries_in_french() -> None:
    """Each retry line is French ("nouvel essai dans 0,4 s"), with no English log prefix."""
    err = _orders_stderr("fr")
    retries = [line for line in err.splitlines() if "essai" in line]
    assert len(retries) >= 2, err
    for line in retries:
        assert "sur 4" in line
        assert "refusée" in line
    for english in ("WARNING", "failed", "attempt", "retrying", "Could not reach"):
        assert english not in err


def test_an_english_user_reads_the_retries_without_log_jargon() -> None:
    """In English too the retry lines are sentences, not 'WARNING rakuten_assist.api:'."""
    err = _orders_stderr("en")
    assert "attempt 1 of 4" in err
    assert "WARNING" not in err
    assert "rakuten_assist.api" not in err
