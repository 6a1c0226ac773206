"""Layers depend one way, and ``import rakuten_assist`` stays light (checked in subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY_FRONT = {"textual", "ipywidgets"}


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return {name.split(".")[0] for name in json.loads(out)} | set(json.loads(out))


def test_package_import_is_light() -> None:
    """``import rakuten_assist`` loads no pandas, httpx, pydantic, textual or ipywidgets."""
    loaded = _modules_after("import rakuten_assist")
    assert not loaded & {"pandas", "httpx", "pydantic", "textual", "ipywidgets", "lxml"}


@pytest.mark.parametrize(
    "module",
    [
        "rakuten_assist.errors",
        "rakuten_assist.models",
        "rakuten_assist.config",
        "rakuten_assist.i18n",
        "rakuten_assist.carriers",
        "rakuten_assist.carriers.check",
        "rakuten_assist.carriers.shipment",
        "rakuten_assist.frames",
        "rakuten_assist.matching.sku",
        "rakuten_assist.matching.catalog",
    ],
)
def test_core_imports_no_network_and_no_front_end(module: str) -> None:
    """The core imports no httpx, textual, ipywidgets, api, sandbox, support or front end."""
    loaded = _modules_after(f"import {module}")
    assert not loaded & {"httpx", *HEAVY_FRONT}
    assert not {
        m
        for m in loaded
        if m.startswith(
            (
                "rakuten_assist.api",
                "rakuten_assist.sandbox",
                "rakuten_assist.support",
                "rakuten_assist.tui",
                "rakuten_assist.notebook",
                "rakuten_assist.cli",
            )
        )
    }


def test_api_imports_no_front_end() -> None:
    """The API layer never imports a front end or the support engine."""
    loaded = _modules_after("import rakuten_assist.api")
    assert not loaded & HEAVY_FRONT
    assert not {
        m
        for m in loaded
        if m.startswith(
            (
                "rakuten_assist.tui",
                "rakuten_assist.notebook",
                "rakuten_assist.cli",
                "rakuten_assist.support",
            )
        )
    }


def test_support_engine_is_ui_free() -> None:
    """The support engine imports no Textual and no ipywidgets."""
    loaded = _modules_after("import rakuten_assist.support")
    assert not loaded & HEAVY_FRONT
    assert not {
        m
        for m in loaded
        if m.startswith(("rakuten_assist.tui", "rakuten_assist.notebook", "rakuten_assist.cli"))
    }


@pytest.mark.parametrize(
    "module",
    [
        "rakuten_assist.fleet",
        "rakuten_assist.fleet.report",
        "rakuten_assist.store",
        "rakuten_assist.sandbox.fleet",
    ],
)
def test_fleet_and_store_import_no_front_end(module: str) -> None:
    """The fleet, its store and the fleet sandbox import no front end (cli, tui, notebook)."""
    loaded = _modules_after(f"import {module}")
    assert not loaded & HEAVY_FRONT
    assert not {
        m
        for m in loaded
        if m.startswith(("rakuten_assist.tui", "rakuten_assist.notebook", "rakuten_assist.cli"))
    }


@pytest.mark.parametrize(
    ("front", "other"),
    [
        ("rakuten_assist.tui", "rakuten_assist.notebook"),
        ("rakuten_assist.notebook", "rakuten_assist.tui"),
    ],
)
def test_front_ends_do_not_import_each_other(front: str, other: str) -> None:
    """The TUI and the notebook widgets never import each other."""
    loaded = _modules_after(f"import {front}")
    assert not {m for m in loaded if m.startswith(other)}


def test_command_line_starts_without_heavy_modules() -> None:
    """Building the command parser imports no pandas, httpx, textual or ipywidgets."""
    loaded = _modules_after("from rakuten_assist.cli import build_parser; build_parser()")
    assert not loaded & {"pandas", "httpx", *HEAVY_FRONT}
