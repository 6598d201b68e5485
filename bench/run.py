"""`make bench`: run every benchmark and write bench/RESULTS.md (with the machine described)."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import builds  # noqa: E402
import datasets  # noqa: E402
import scaling  # noqa: E402

from nereport.build.pdf import chromium_version  # noqa: E402


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = (
        int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        / 2**20
    )
    versions = subprocess.run(
        [sys.executable, "-m", "pip", "freeze"], capture_output=True, text=True
    ).stdout
    keep = (
        "pandas==",
        "altair==",
        "vl-convert-python==",
        "papermill==",
        "nbconvert==",
        "nbclient==",
        "ipykernel==",
    )
    pins = ", ".join(v for v in versions.splitlines() if v.startswith(keep))
    pins += "; " + chromium_version()
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.platform()}, "
        f"Python {platform.python_version()}; {pins}"
    )


def speed() -> float:
    """Seconds a pure-Python loop of 10**7 additions takes (median of 3 fresh interpreters):
    how fast this machine's CPU is today. The virtual machine's speed varies from day to day
    by more than the changes measured here, so two RESULTS.md files compare only with it."""
    loop = "import time\nt = time.perf_counter()\ns = 0\nfor i in range(10**7):\n    s += i\n"
    code = loop + "print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout)
        for _ in range(3)
    )


def main() -> None:
    before = speed()
    rows = datasets.measure()
    results = builds.bench()
    after = speed()
    text = "\n".join(
        [
            "# nereport benchmarks",
            "",
            "Written by `make bench` (bench/run.py); medians of several runs on this machine:",
            "",
            f"*{machine()}*",
            "",
            f"Speed check: a pure-Python loop of 10^7 additions took {before:.2f} s before the "
            f"benchmarks and {after:.2f} s after them (bench/run.py `speed`). This machine's "
            "speed varies from day to day; compare two results only with this.",
            "",
            "## Import and dataset loads (fresh interpreter each; cold = empty cache)",
            "",
            datasets.table(rows),
            "",
            f"## Building the full report matrix ({len(builds.matrix())} reports, HTML + PDF)",
            "",
            "Every command runs with Python's bytecode caches on (`PYTHONDONTWRITEBYTECODE` unset).",
            "",
            builds.table(results),
            "",
            "## 1,000 reports on N Dask workers (estimate)",
            "",
            scaling.estimate(builds.TASK_SECONDS, builds.OUTPUT_BYTES[0]),
            "",
        ]
    )
    out = Path(__file__).parent / "RESULTS.md"
    out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
