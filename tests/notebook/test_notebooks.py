"""The three notebooks run top to bottom with a real kernel against the sandbox, no account."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

from rakuten_assist.sandbox.server import DEMO_TOKEN

NOTEBOOKS = Path(__file__).parents[2] / "notebooks"
NAMES = [
    "01_explore_open_orders.ipynb",
    "02_is_my_carrier_supported.ipynb",
    "03_onboarding_checklist.ipynb",
]
TIMEOUT_SECONDS = 180

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


@pytest.fixture(scope="module")
def kernel_name() -> str:
    """A python3 kernel of this interpreter, installed into the venv if it is missing."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        subprocess.run(
            [sys.executable, "-m", "ipykernel", "install", "--sys-prefix"],
            check=True,
            capture_output=True,
        )
    return "python3"


def _run(name: str, kernel_name: str, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    # The kernel inherits this environment: no credentials, so only the sandbox can answer.
    monkeypatch.delenv("RAKUTEN_LOGIN", raising=False)
    monkeypatch.delenv("RAKUTEN_TOKEN", raising=False)
    monkeypatch.delenv("RAKUTEN_BASE_URL", raising=False)
    monkeypatch.setenv("MPLBACKEND", "agg")
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def test_committed_without_outputs() -> None:
    """Every notebook is committed without outputs or execution counts (CI executes them)."""
    for name in NAMES:
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{name} has outputs"
                assert cell.execution_count is None, f"{name} has execution counts"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_without_errors(
    name: str, kernel_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each notebook executes every cell with no error output and nothing on stderr."""
    notebook = _run(name, kernel_name, monkeypatch)
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    errors = [output for output in outputs if output.output_type == "error"]
    stderr = [output.text for output in outputs if output.get("name") == "stderr"]
    assert errors == []
    assert stderr == []
    widgets = [
        output
        for output in outputs
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    assert widgets, f"{name} displays no widget"


def test_checklist_notebook_saves_no_token(
    kernel_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The executed onboarding notebook, widget state included, never holds the demo token."""
    notebook = _run("03_onboarding_checklist.ipynb", kernel_name, monkeypatch)
    states = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert any(state["model_name"] == "PasswordModel" for state in states.values())
    assert DEMO_TOKEN not in nbformat.writes(notebook)
