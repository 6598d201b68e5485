"""How long 1,000 reports would take on N Dask workers: a calculation from costs measured here.

A cluster build is a pipeline. The workers run the reports in parallel (each report costs a
worker ``t``: execute, export, print, measured in the matrix build on the LocalCluster); the
client takes each result through one scheduler round trip and stores it (``c``: receive the
outputs, write them, rewrite the manifest and runs.json, which grow with the matrix). Both are
measured below at the size of 1,000 reports. The client is serial, so

    T(N) ~ start + max(R * t / N, R * c) + t

where ``start`` is the measured time to start a cluster and warm its workers (for a standing
cluster it is only the connection). Beyond N* = t / c workers, more workers buy nothing: the
client is the bottleneck.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

R = 1000
WORKERS = (1, 2, 4, 8, 16, 32, 64, 128)


def _payload(size: int) -> bytes:
    return os.urandom(size)


def scheduler_round_trip(size: int, n: int = 300) -> float:
    """Seconds per task of ``n`` tasks, each returning ``size`` bytes as a report's outputs
    do, sent with the kernel resource and gathered one by one as the build does."""
    from distributed import Client, LocalCluster, as_completed

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            resources={"kernel": 1},
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.submit(_payload, 1, pure=False).result()  # warm
        start = time.perf_counter()
        futures = [
            client.submit(_payload, size, key=f"t-{i}", resources={"kernel": 1}, pure=False)
            for i in range(n)
        ]
        for future in as_completed(futures):
            future.result()
            future.release()
        return (time.perf_counter() - start) / n


def store_cost(outputs: int, n: int = 50) -> float:
    """Seconds the client spends storing one report's outputs when the manifest and runs.json
    hold R reports (both are rewritten after every report)."""
    from nereport.build.plan import write_manifest
    from nereport.paths import write_files_atomic

    entry = {
        "topic": "economy",
        "params": {"region": "jilin", "lang": "en", "start_year": 2000, "end_year": 2023},
        "notebook": "notebooks/economy.ipynb",
        "inputs": {"datasets": {f"dataset_{i}": "0" * 64 for i in range(8)}, "library": "0" * 64},
        "outputs": {k: {"path": f"x.{k}", "sha256": "0" * 64} for k in ("html", "pdf", "ipynb")},
        "status": "ok",
    }
    manifest = {"reports": {f"economy/region-{i}": dict(entry) for i in range(R)}}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        times = []
        for i in range(n):
            data = _payload(outputs // 3)
            start = time.perf_counter()
            write_files_atomic({out / f"r{i}.{k}": data for k in ("html", "pdf", "ipynb")})
            manifest["reports"][f"economy/region-{i}"] = {**entry, "status": "ok", "n": i}
            write_manifest(out, manifest)
            (out / "runs.json").write_bytes(b"x" * 80 * R)
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def cluster_start() -> float:
    """Seconds to start a 2-worker LocalCluster and warm its workers (kernel template and
    Chromium), then stop it."""
    from nereport.build.cluster import Cluster

    start = time.perf_counter()
    cluster = Cluster("local", 2)
    try:
        cluster.start()
        cluster.client.run(lambda: None)  # every worker has run its plugin's setup
    finally:
        cluster.close()
    return time.perf_counter() - start


def estimate(task_seconds: list[float], outputs: int) -> str:
    t = statistics.median(task_seconds)
    trip = scheduler_round_trip(outputs)
    store = store_cost(outputs)
    start = cluster_start()
    c = trip + store
    lines = [
        f"Measured: a report costs its worker t = {t:.2f} s (median of {len(task_seconds)}, "
        f"from (g)); the client's share per report c = {c * 1000:.0f} ms (scheduler round trip "
        f"with {outputs / 2**20:.1f} MiB of outputs {trip * 1000:.0f} ms, storing it beside a "
        f"{R:,}-report manifest {store * 1000:.0f} ms); starting a 2-worker LocalCluster and "
        f"warming it {start:.1f} s. Calculated (bench/scaling.py):",
        "",
        "| workers N | 1,000 reports (min) | bound by |",
        "|---:|---:|---|",
    ]
    for n in WORKERS:
        work, client = R * t / n, R * c
        total = start + max(work, client) + t
        lines.append(
            f"| {n} | {total / 60:.1f} | {'workers' if work >= client else 'the client'} |"
        )
    lines += [
        "",
        f"Beyond N* = t / c = {t / c:.0f} workers the client's serial share bounds the build "
        f"at {R * c / 60:.1f} min for {R:,} reports.",
    ]
    return "\n".join(lines)
