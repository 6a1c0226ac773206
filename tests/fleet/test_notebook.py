"""notebooks/04_fleet.ipynb runs top to bottom on the fleet sandbox, with its trend chart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

from rakuten_assist.sandbox.fleet import fleet_accounts

NOTEBOOK = Path(__file__).parents[2] / "notebooks" / "04_fleet.ipynb"

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def _kernel() -> str:
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--sys-prefix"],
            check=True,
            capture_output=True,
        )
    return "python3"


def test_committed_without_outputs() -> None:
    """The notebook is committed without outputs or execution counts (CI executes it)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


def test_fleet_notebook_runs_and_draws_the_trend(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell runs with no error and nothing on stderr; the trend is drawn; no token kept."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for name in ("RAKUTEN_LOGIN", "RAKUTEN_TOKEN", "RAKUTEN_BASE_URL", "RAKUTEN_ASSIST_STORE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MPLBACKEND", "agg")
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name=_kernel(),
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert [o for o in outputs if o.output_type == "error"] == []
    assert [o.text for o in outputs if o.get("name") == "stderr"] == []
    assert any("image/png" in o.get("data", {}) for o in outputs), "no chart drawn"
    text = nbformat.writes(notebook)
    assert "AuthenticationError" in text  # the revoked token shows as a failing account
    for account in fleet_accounts(12):
        assert account.token not in text
        assert account.file_token not in text
