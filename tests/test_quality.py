"""The strict tools of the house pass: ruff on everything, mypy strict on the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    """ruff check passes on src, tests, bench and the build hook (rules in pyproject.toml)."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = _run(ruff, "check", "src", "tests", "bench", "hatch_build.py")
    assert result.returncode == 0, result.stdout[-3000:]


def test_mypy_strict_passes_on_the_package() -> None:
    """mypy in strict mode (configured in pyproject.toml) finds no error in src."""
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout[-3000:]
