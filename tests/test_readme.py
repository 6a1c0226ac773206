"""The README gives exactly two set-up commands, and CI runs the test one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_has_two_setup_commands() -> None:
    """One command starts the support bot on the sandbox, one runs the tests."""
    commands = _setup_commands()
    assert len(commands) == 2
    bot, tests = commands
    assert bot.endswith("rakuten-assist tui")
    assert "pip install" in bot
    assert tests.endswith("pytest")
    assert "pip install" in tests


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run contains the README's test command verbatim, as its last command."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == _setup_commands()[1]


def test_readme_counts_the_fleet_sandboxs_broken_accounts_as_fleet_orders_shows_them() -> None:
    """The README's fleet sandbox line says how many accounts are misconfigured and how many
    of them fleet orders lists as failing (the slow ones answer late but answer)."""
    from rakuten_assist.sandbox.fleet import fleet_accounts

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "sandbox serve --accounts 50" in line)
    said = re.search(r"# 50 merchants, (\d+) misconfigured on purpose, (\d+) of them fail", line)
    assert said is not None, line
    kinds = [account.kind for account in fleet_accounts(50)]
    misconfigured = sum(kind != "ok" for kind in kinds)
    failing = sum(kind not in {"ok", "slow"} for kind in kinds)
    assert (int(said[1]), int(said[2])) == (misconfigured, failing)
