"""`rakuten-assist ... | head` ends quietly: no BrokenPipeError traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rakuten_assist.cli import main


class _GoneReader:
    """A stdout whose reader has left: every write fails as a closed pipe does."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("argv", [["carriers", "list"], ["carriers", "list", "--json"]])
def test_a_closed_pipe_ends_the_command_quietly(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write to a closed pipe ends the command with 141 (as SIGPIPE would), no exception."""
    monkeypatch.setattr(sys, "stdout", _GoneReader())
    assert main(argv) == 141


def test_piping_into_a_reader_that_closes_at_once_prints_no_traceback() -> None:
    """A real pipe closed before the command writes: nothing on stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "rakuten_assist", "carriers", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=60)
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
