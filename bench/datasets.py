"""Time `import nereport`, and a cold and a warm `load` of every dataset.

Each measurement runs in a fresh interpreter (so imports and caches are what a user meets);
the figure is the median of REPEAT runs. Targets: import <= 0.3 s, warm load <= 50 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

REPEAT = 5

PROBE = r"""
import json, os, sys, time
t = time.perf_counter()
import nereport
imported = time.perf_counter() - t
from nereport.data.datasets import REGISTRY
import pandas  # the load timings below are of nereport's work, not of importing pandas
out = {"import": imported}
for name in REGISTRY:
    t = time.perf_counter()
    nereport.load(name)
    out[name] = time.perf_counter() - t
print(json.dumps(out))
"""


def run(cache: str) -> dict[str, float]:
    env = {"NEREPORT_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout)


def measure() -> list[tuple[str, float, float]]:
    cold, warm = [], []
    for _ in range(REPEAT):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(run(cache))  # empty cache: read, clean, validate, write cache
            warm.append(run(cache))  # same cache: hash raw files and unpickle
    rows = []
    for key in cold[0]:
        rows.append(
            (key, statistics.median(c[key] for c in cold), statistics.median(w[key] for w in warm))
        )
    return rows


def table(rows: list[tuple[str, float, float]]) -> str:
    lines = ["| what | cold (s) | warm (ms) |", "|---|---:|---:|"]
    for key, cold, warm in rows:
        if key == "import":
            lines.append(f"| `import nereport` | {cold:.3f} | {warm * 1000:.0f} |")
        else:
            lines.append(f"| `load('{key}')` | {cold:.3f} | {warm * 1000:.1f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure()))
