"""Start-up cost of `rakuten-assist carriers check colissimo --json` against a bare interpreter.

Runs each command ~15 times in fresh subprocesses (alternating, after one warm-up each) and
prints the medians; the LAST line is ``startup ratio <value> (target <= 6)``.

Bytecode: an installed package has its ``.pyc`` files (pip compiles them at install), but a
checkout run with ``PYTHONDONTWRITEBYTECODE=1`` recompiles every module on every start. By
default both commands run with a bytecode cache in a temporary directory
(``PYTHONPYCACHEPREFIX``, so the source tree stays clean), which is what users get;
``--no-bytecode-cache`` measures the recompiling case.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TARGET = 6.0


def _command() -> list[str]:
    script = shutil.which("rakuten-assist", path=os.path.dirname(sys.executable))
    entry = [script] if script else [sys.executable, "-m", "rakuten_assist"]
    return [*entry, "carriers", "check", "colissimo", "--json"]


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    # our own interpreter and console script, fixed arguments
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)  # noqa: S603
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-bytecode-cache", action="store_true")
    options = parser.parse_args()
    command, baseline_argv = _command(), [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory(prefix="rakuten-assist-pyc-") as cache:
        env = dict(os.environ)
        if not options.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        _time(command, env)
        _time(baseline_argv, env)
        timed: list[float] = []
        baseline: list[float] = []
        for _ in range(options.runs):
            timed.append(_time(command, env))
            baseline.append(_time(baseline_argv, env))
    cmd, base = statistics.median(timed), statistics.median(baseline)
    mode = "no bytecode cache" if options.no_bytecode_cache else "bytecode cached"
    print(f"{' '.join(command[-4:])} ({mode}): median {cmd * 1000:.1f} ms, {options.runs} runs")
    print(f"python -c pass ({mode}): median {base * 1000:.1f} ms, {options.runs} runs")
    print(f"startup ratio {cmd / base:.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
