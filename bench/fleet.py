"""Fetch 500 sandbox accounts (3 current-sales pages each) at 50 ms latency, concurrency 50.

The ideal is what a perfect client would need with ``concurrency`` requests always in flight:
requests x latency / concurrency, with the requests counted in the same run (each account's
getnewsales and its pages; nothing is retried on a healthy fleet). The sandbox runs in a
process of its own, so its work does not share the client's interpreter. Also prints the
CPU time per request of each process over the timed runs (load-independent, unlike the
ratio: what to look at on a shared machine), the load average around the timed runs, the
peak memory of the client process and the time to write the run to the embedded store (not
part of the ratio). Prints, as its last line:

    fleet ratio <value> (target <= 1.3)

Run: python bench/fleet.py
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import statistics
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

ACCOUNTS = 500
SALES = 34  # about 27 current sales each: 3 pages of 10
PAGE_SIZE = 10
LATENCY_MS = 50
CONCURRENCY = 50
RUNS = 3
TARGET = 1.3


def _serve(pipe: Connection) -> None:
    from rakuten_assist.sandbox.fleet import FleetSandboxServer, fleet_accounts

    server = FleetSandboxServer(
        fleet_accounts(ACCOUNTS, misconfigured=False),
        sales=SALES,
        page_size=PAGE_SIZE,
        latency_ms=LATENCY_MS,
    )
    server.request_queue_size = 256
    pipe.send((server.base_url, server.accounts_file()))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    while pipe.recv() == "cpu":  # the CPU seconds this process used so far
        usage = resource.getrusage(resource.RUSAGE_SELF)
        pipe.send(usage.ru_utime + usage.ru_stime)


def _server_cpu(pipe: Connection) -> float:
    pipe.send("cpu")
    seconds: float = pipe.recv()
    return seconds


def main() -> None:
    from rakuten_assist.config import Settings
    from rakuten_assist.fleet import check_accounts, fetch_fleet, load_accounts
    from rakuten_assist.store import open_store

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(child,), daemon=True)
    server.start()
    try:
        base_url, accounts_text = parent.recv()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "accounts.toml"
            path.write_text(accounts_text, encoding="utf-8")
            path.chmod(0o600)
            accounts = [c.account for c in check_accounts(load_accounts(path)) if c.account]
            settings = Settings(base_url=base_url)
            fetch_fleet(accounts[:CONCURRENCY], settings=settings, concurrency=CONCURRENCY)
            times, ratios, client_cpu, server_cpu = [], [], [], []
            load_before = os.getloadavg()[0]
            for _ in range(RUNS):
                server_before = _server_cpu(parent)
                cpu_before = time.process_time()
                start = time.perf_counter()
                run = fetch_fleet(accounts, settings=settings, concurrency=CONCURRENCY)
                wall = time.perf_counter() - start
                client_cpu.append(time.process_time() - cpu_before)
                server_cpu.append(_server_cpu(parent) - server_before)
                assert not run.failed, [o.error for o in run.failed][:3]
                requests = sum(outcome.calls for outcome in run.outcomes)
                ideal = requests * LATENCY_MS / 1000 / CONCURRENCY
                times.append(wall)
                ratios.append(wall / ideal)
            load_after = os.getloadavg()[0]
            store = open_store(str(Path(folder) / "fleet.sqlite3"))
            start = time.perf_counter()
            store.save_run(run)
            write_s = time.perf_counter() - start
    finally:
        server.terminate()
        server.join()
    pages = [outcome.pages for outcome in run.outcomes]
    items = sum(len(outcome.lines) for outcome in run.outcomes)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"accounts: {len(run.outcomes)}, pages per account: {min(pages)}-{max(pages)} "
        f"(mean {statistics.mean(pages):.2f}), requests per run: {requests}, items: {items}"
    )
    print(
        f"median wall time of {RUNS} runs: {statistics.median(times):.3f} s; ideal "
        f"{ideal:.3f} s (requests x {LATENCY_MS} ms / {CONCURRENCY})"
    )
    print(
        f"CPU per request, median of {RUNS} runs: client {_per_request(client_cpu, requests)}, "
        f"sandbox {_per_request(server_cpu, requests)}"
    )
    print(
        f"load average (1 min) before / after the timed runs: {load_before:.2f} / "
        f"{load_after:.2f} on {os.cpu_count()} cores (above ~0.5, other work shares the CPUs "
        "and the wall time and ratio grow with it; the CPU per request moves far less)"
    )
    print(f"peak memory (client process): {peak_mib:.0f} MiB")
    print(f"store write time (embedded SQLite, one run, {items} items): {write_s:.3f} s")
    print(f"fleet ratio {statistics.median(ratios):.2f} (target <= {TARGET})")


def _per_request(seconds: list[float], requests: int) -> str:
    """``1.23 ms (runs: 1.20, 1.23, 1.31)``: CPU milliseconds per request."""
    each = [1000 * value / requests for value in seconds]
    runs = ", ".join(f"{ms:.2f}" for ms in each)
    return f"{statistics.median(each):.2f} ms (runs: {runs})"


if __name__ == "__main__":
    main()
