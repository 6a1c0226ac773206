"""Start-up cost of `rakuten-assist carriers check colissimo --json` against a bare interpreter.

Runs each command ~15 times in fresh subprocesses (alternating, after one warm-up each) and
prints the medians; the LAST line is ``startup ratio <value> (target <= 6)``. The line before
it is the same ratio in CPU time (user + system of the child process), which other programs
running on the machine disturb much less than wall-clock time: read it on a busy machine.

Bytecode: an installed package has its ``.pyc`` files (pip compiles them at install), but a
checkout run with ``PYTHONDONTWRITEBYTECODE=1`` recompiles every module on every start. By
default both commands run with a bytecode cache in a temporary directory
(``PYTHONPYCACHEPREFIX``, so the source tree stays clean), which is what users get;
``--no-bytecode-cache`` measures the recompiling case.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # our own interpreter and console script, fixed arguments
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)  # noqa: S603
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
        timed: list[tuple[float, float]] = []
        baseline: list[tuple[float, float]] = []
        for _ in range(options.runs):
            timed.append(_time(command, env))
            baseline.append(_time(baseline_argv, env))
    cmd, base = (statistics.median(w for w, _ in runs) for runs in (timed, baseline))
    cmd_cpu, base_cpu = (statistics.median(c for _, c in runs) for runs in (timed, baseline))
    mode = "no bytecode cache" if options.no_bytecode_cache else "bytecode cached"
    what = " ".join(command[-4:])
    runs = options.runs
    print(f"{what} ({mode}): median {cmd * 1000:.1f} ms, CPU {cmd_cpu * 1000:.1f} ms, {runs} runs")
    print(f"python -c pass ({mode}): median {base * 1000:.1f} ms, CPU {base_cpu * 1000:.1f} ms")
    print(f"startup CPU ratio {cmd_cpu / base_cpu:.2f}")
    print(f"startup ratio {cmd / base:.2f} (target <= {TARGET:g})")


if __name__ == "__main__":
    main()
