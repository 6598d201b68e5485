"""Benchmark the full report matrix (HTML + PDF), everything in the project's own environment.

(a) the naive loop a user would write: per report the papermill CLI, `jupyter nbconvert --to
    html --no-input`, and a PDF CLI (headless Chromium's --print-to-pdf on that HTML), one
    report after another;
(b) the same loop, two reports at a time;
(c) `nereport build --force`;
(d) a no-op rebuild (`nereport build` with nothing changed);
(e) a rebuild after one dataset changed (a forest figure: the five environment reports);
(f) `nereport build --force --jobs 1`;
(g) `nereport build --force --scheduler local`: the same build on a 2-worker Dask LocalCluster
    (started and stopped by the build, and counted in its time).
Each is run REPEAT times (the naive loops NAIVE_REPEAT times: 10 minutes a run for the
30-report matrix, after all the builds); the table gives medians and the peak RSS of the whole
process tree.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
NAIVE_REPEAT = min(REPEAT, int(os.environ.get("BENCH_NAIVE_REPEAT", "2")))
FOREST = "csy2009_t11_35/environment_forest_cover.csv"
CHROMIUM = "/usr/lib/chromium/chromium"  # Debian's, the one nereport prints with
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss(pid: int) -> int:
    """RSS in bytes from /proc/PID/statm: the kernel's counters, cheap to read."""
    with open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * PAGE


def _pss(pid: int) -> int:
    """PSS in bytes from /proc/PID/smaps_rollup, which walks the process's page tables: 30 ms
    for a build's processes together, so read every two seconds."""
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


class Group:
    """A control group holding one benchmarked command and every process it starts: the
    kernel counts their CPU time exactly, the short-lived ones and those reaped by a parent
    that ignores SIGCHLD included (which ``getrusage`` drops), and lists them without a walk
    of /proc. A cgroup-v1 ``cpuacct`` hierarchy or cgroup v2, as root."""

    def __init__(self) -> None:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
        v1 = [m[1] for m in mounts if m[2] == "cgroup" and "cpuacct" in m[3].split(",")]
        v2 = [m[1] for m in mounts if m[2] == "cgroup2"]
        if not v1 and not v2:
            raise SystemExit("make bench counts CPU time in a cgroup: this machine has none")
        self.v1 = bool(v1)
        self.path = Path((v1 or v2)[0]) / f"nereport-bench-{os.getpid()}"
        try:
            self.path.mkdir()
        except OSError as exc:
            raise SystemExit(f"make bench counts CPU time in a cgroup, as root: {exc}") from None

    def command(self, cmd: list[str]) -> list[str]:
        """``cmd`` run inside the group (a shell joins it, then becomes ``cmd``)."""
        join = 'echo $$ > "$0/cgroup.procs" && exec "$@"'
        return ["/bin/sh", "-c", join, str(self.path), *cmd]

    def pids(self) -> list[int]:
        return [int(p) for p in (self.path / "cgroup.procs").read_text().split()]

    def cpu(self) -> float:
        """CPU seconds (user and system) used so far by the group's processes."""
        if self.v1:
            return int((self.path / "cpuacct.usage").read_text()) / 1e9
        stat = dict(line.split() for line in (self.path / "cpu.stat").read_text().splitlines())
        return int(stat["usage_usec"]) / 1e6

    def remove(self) -> None:
        for _ in range(50):  # the last processes may take a moment to be reaped
            try:
                self.path.rmdir()
                return
            except OSError:
                time.sleep(0.1)


GROUP: list[Group] = []  # the group of the command being timed


class Sampler:
    """Times one benchmarked command in its own :class:`Group`: the CPU time of all its
    processes, the sum of their RSS (pages shared between forked processes counted in each)
    five times a second, of their PSS (shared pages divided among the processes sharing them:
    memory really used) every two seconds.

    The sampler shares the machine with what it measures, so it keeps its own cost low: it
    reads no CPU times (the group counts them), and the group lists its processes: 3 % of a
    core during a build. Polling each process's CPU time fifty times a second instead took
    11 %, which slowed a build that keeps both cores busy and hardly one that keeps one busy."""

    def __init__(self) -> None:
        self.peak = 0
        self.peak_pss = 0
        self.cpu = 0.0
        self.group = Group()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        tick = 0
        while not self._stop.is_set():
            rss = pss = 0
            for pid in self.group.pids():
                try:
                    rss += _rss(pid)
                    if tick % 10 == 0:
                        pss += _pss(pid)
                except (OSError, ValueError, IndexError):
                    pass  # gone since listed
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)
            tick += 1
            self._stop.wait(0.2)

    def __enter__(self) -> Sampler:
        GROUP.append(self.group)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        GROUP.remove(self.group)
        self.cpu = self.group.cpu()
        self.group.remove()


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        GROUP[0].command(cmd) if GROUP else cmd,
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def naive_one(report: dict, out: Path, env: dict[str, str]) -> None:
    ipynb = out / f"{report['id'].replace('/', '-')}.ipynb"
    params = [a for k, v in report["params"].items() for a in ("-p", k, str(v))]
    run(
        [
            str(BIN / "papermill"),
            "-k",
            "nereport",
            "--no-progress-bar",
            str(ROOT / report["notebook"]),
            str(ipynb),
            *params,
        ],
        env,
    )
    run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(ipynb)], env)
    html = ipynb.with_suffix(".html")
    # The Chromium command line STACK-NOTES measured (route c), on the nbconvert page.
    with tempfile.TemporaryDirectory() as profile:
        run(
            [
                CHROMIUM,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                "--virtual-time-budget=5000",
                "--run-all-compositor-stages-before-draw",
                f"--print-to-pdf={ipynb.with_suffix('.pdf')}",
                html.as_uri(),
            ],
            env,
        )


def matrix() -> list[dict]:
    out = subprocess.run(
        [str(BIN / "nereport"), "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout)


def timed(fn, *args) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS and PSS sums (bytes), CPU seconds of the process tree."""
    with Sampler() as sampled:
        start = time.perf_counter()
        fn(*args)
        seconds = time.perf_counter() - start
    return seconds, sampled.peak, sampled.peak_pss, sampled.cpu


def bench() -> dict[str, list[tuple[float, int, int, float]]]:
    reports = matrix()
    work = Path(tempfile.mkdtemp(prefix="nereport-bench-"))
    data = work / "data"
    shutil.copytree(ROOT / "data" / "raw", data / "raw")
    # Every command runs as Python does by default, writing and reusing its bytecode caches
    # (some shells here set PYTHONDONTWRITEBYTECODE, which recompiles nereport's modules in
    # every process: in each naive run's kernel as in each build).
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "NEREPORT_DATA_DIR": str(data),
        "NEREPORT_CACHE_DIR": str(work / "cache"),
        "JUPYTER_PATH": str(ROOT / ".venv" / "share" / "jupyter"),
    }
    forest = data / "raw" / FOREST
    original = forest.read_text()
    results: dict[str, list[tuple[float, int, int, float]]] = {k: [] for k in "abcdefg"}
    nereport = [str(BIN / "nereport"), "build", "--out", str(work / "reports")]

    def naive(parallel: int) -> None:
        out = work / f"naive-{parallel}"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(lambda r: naive_one(r, out, env), reports))

    def change_forest(text: str) -> None:
        forest.write_text(text)
        sums = data / "raw" / "SHA256SUMS"
        import hashlib

        digest = hashlib.sha256(forest.read_bytes()).hexdigest()
        lines = [ln for ln in sums.read_text().splitlines() if not ln.endswith(FOREST)]
        sums.write_text("\n".join([*lines, f"{digest}  {FOREST}"]) + "\n")

    run(nereport, env)  # warm: the Vega bundle and dataset caches, as for any real user
    # The builds first, (c) and (f) in turn first, then the naive loops: a build that ran
    # right after a naive loop (2.4 GB of processes) took 44-47 s, against 36 s otherwise.
    for i in range(REPEAT):
        print(f"run {i + 1}/{REPEAT}", file=sys.stderr)
        pair = {
            "c": lambda: timed(run, [*nereport, "--force"], env),
            "f": lambda: timed(run, [*nereport, "--force", "--jobs", "1"], env),
        }
        for key in ("c", "f") if i % 2 == 0 else ("f", "c"):
            results[key].append(pair[key]())
        results["g"].append(timed(run, [*nereport, "--force", "--scheduler", "local"], env))
        runs = json.loads((work / "reports" / "runs.json").read_text())
        TASK_SECONDS[:] = [r["seconds"] for r in runs.values()]
        sizes = [
            sum((work / "reports" / f"{id_}.{k}").stat().st_size for k in ("html", "pdf", "ipynb"))
            for id_ in runs
        ]
        OUTPUT_BYTES[0] = int(statistics.median(sizes))
        results["d"].append(timed(run, nereport, env))
        change_forest(original.replace("38.13", f"38.1{i + 4}"))
        results["e"].append(timed(run, nereport, env))
        change_forest(original)
        run(nereport, env)  # back to the original data
    for i in range(NAIVE_REPEAT):
        print(f"naive loops {i + 1}/{NAIVE_REPEAT}", file=sys.stderr)
        results["a"].append(timed(naive, 1))
        results["b"].append(timed(naive, 2))
    shutil.rmtree(work, ignore_errors=True)
    return results


LABELS = {
    "a": "(a) naive loop: papermill + nbconvert + chromium --print-to-pdf CLIs, sequential",
    "b": "(b) naive loop, 2 reports in parallel",
    "c": "(c) `nereport build --force`",
    "d": "(d) no-op rebuild",
    "e": "(e) rebuild after one dataset changed (the environment reports, both languages)",
    "f": "(f) `nereport build --force --jobs 1`",
    "g": "(g) `nereport build --force --scheduler local` (2-worker Dask LocalCluster)",
}
# What each report cost its Dask worker in the last (g) run (execute, export, print), from
# the build's runs.json: the scaling estimate's per-report cost.
TASK_SECONDS: list[float] = []
OUTPUT_BYTES = [0]  # a report's HTML, PDF and notebook, median


def table(results: dict[str, list[tuple[float, int, int, float]]]) -> str:
    med = {k: statistics.median(r[0] for r in v) for k, v in results.items()}
    cpu = {k: statistics.median(r[3] for r in v) for k, v in results.items()}
    rss = {k: max(r[1] for r in v) for k, v in results.items()}
    pss = {k: max(r[2] for r in v) for k, v in results.items()}
    cores = os.cpu_count() or 1
    lines = [
        "| run | median (s) | runs (s) | CPU, median (s) | peak RSS sum (MiB) | peak PSS sum (MiB) |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for k, label in LABELS.items():
        runs = ", ".join(f"{r[0]:.1f}" for r in results[k])
        lines.append(
            f"| {label} | {med[k]:.2f} | {runs} | {cpu[k]:.1f} | {rss[k] / 2**20:.0f} "
            f"| {pss[k] / 2**20:.0f} |"
        )
    # Per run, so that the ratio compares a build with its own CPU time.
    limit = statistics.median(r[0] / (r[3] / cores) for r in results["c"])
    speedup = statistics.median(
        f[0] / c[0] for f, c in zip(results["f"], results["c"], strict=True)
    )
    cluster = statistics.median(
        g[0] / c[0] for g, c in zip(results["g"], results["c"], strict=True)
    )
    overhead = (med["g"] - med["c"]) / len(matrix())
    lines += [
        "",
        f"- (a) / (c) = **{med['a'] / med['c']:.1f}x** (target >= 8x)",
        f"- (b) / (c) = **{med['b'] / med['c']:.1f}x** (target >= 4x)",
        f"- `--jobs {cores}` against `--jobs 1`, (f) / (c) of the same run: **{speedup:.2f}x** "
        f"(target >= 1.7x). `--jobs N` is N reports at work at once, a PDF being printed "
        f"included: (f) keeps **{cpu['f'] / med['f']:.2f}** cores busy on average, (c) "
        f"{cpu['c'] / med['c']:.2f}",
        f"- (c)'s wall time / (its CPU time / {cores} cores): **{limit:.2f}** (target <= 1.2; "
        "CPU time counted by a cgroup, see bench/builds.py)",
        f"- no-op rebuild: **{med['d']:.2f} s** (target <= 0.3 s)",
        f"- Dask LocalCluster against the local pool, (g) / (c) of the same run: **{cluster:.2f}x** "
        f"(target <= 1.25x), {overhead:+.2f} s per report ({len(results['c'])} runs of "
        f"{len(matrix())} reports, the cluster's start and stop included)",
        f"- peak memory of `nereport build --force`: **{rss['c'] / 2**20:.0f} MiB** RSS summed "
        f"over its processes (target <= 1536 MiB), which counts every page shared between "
        f"processes (forked workers and kernels, the Chromium binary) once per process that "
        f"maps it; {pss['c'] / 2**20:.0f} MiB really used (PSS, shared pages divided among "
        f"their processes).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(bench()))
