"""Where a build's wall time goes: a CPU timeline of every process of one build.

Runs ``nereport build --force`` (the full matrix unless ``--matrix`` is given), samples the
CPU time of each of its processes every 20 ms from /proc, and names each process by its place
in the tree: the parent, worker N, worker N's kernel template and kernels, Chromium (each
process of it). Prints, per role, the CPU seconds and the share of the wall time it was busy,
and how much of the build both cores were busy, one, or none; writes an SVG timeline (one
lane per role, darker where busier) for a reader to see the serial stretches.

    python bench/timeline.py --jobs 2 --svg /tmp/timeline.svg
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil

BIN = Path(sys.executable).parent
TICK = 0.02
HZ = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / HZ  # utime + stime


def _role(proc: psutil.Process, root: int, roles: dict[int, str]) -> str:
    """The parent, worker N, its template / kernels, Chromium's processes."""
    pid, ppid = proc.pid, proc.ppid()
    if pid in roles:
        return roles[pid]
    name = proc.name()
    if pid == root:
        role = "parent"
    elif "chrom" in name or ppid in roles and roles[ppid].startswith("chromium"):
        kind = next((a[7:] for a in proc.cmdline() if a.startswith("--type=")), "browser")
        role = f"chromium {kind}"
    elif ppid == root:
        role = (
            f"worker {sum(r.startswith('worker') and ' ' not in r[7:] for r in roles.values()) + 1}"
        )
    elif roles.get(ppid, "").startswith("worker") and "template" not in roles[ppid]:
        role = f"{roles[ppid]} template"
    elif roles.get(ppid, "").endswith("template"):
        role = roles[ppid].replace("template", "kernels")
    else:
        role = "other"
    roles[pid] = role
    return role


def sample(
    cmd: list[str], env: dict[str, str]
) -> tuple[float, dict[str, list[tuple[float, float]]]]:
    """Run ``cmd``; return its wall time and, per role, (time, CPU seconds used since the
    previous sample) pairs."""
    start = time.perf_counter()
    build = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root = psutil.Process(build.pid)
    roles: dict[int, str] = {}
    last: dict[int, float] = {}
    usage: dict[str, list[tuple[float, float]]] = defaultdict(list)
    known: set[int] = set()
    while build.poll() is None:
        now = time.perf_counter() - start
        per_role: dict[str, float] = defaultdict(float)
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        # Kernels leave the session and their parent's children list keeps them.
        for proc in procs:
            try:
                role = _role(proc, build.pid, roles)
                used = _cpu(proc.pid)
            except (psutil.Error, OSError):
                continue
            known.add(proc.pid)
            per_role[role] += used - last.get(proc.pid, 0.0)
            last[proc.pid] = used
        for role, used in per_role.items():
            usage[role].append((now, used))
        time.sleep(TICK)
    return time.perf_counter() - start, usage


def report(wall: float, usage: dict[str, list[tuple[float, float]]], cores: int) -> str:
    lines = [f"wall {wall:.2f} s"]
    total = 0.0
    for role in sorted(usage):
        cpu = sum(u for _, u in usage[role])
        total += cpu
        lines.append(f"  {role:<24} {cpu:6.2f} s CPU ({cpu / wall:5.1%} of the wall time)")
    lines.append(
        f"CPU {total:.2f} s; CPU/cores {total / cores:.2f} s; wall / (CPU/cores) "
        f"{wall / (total / cores):.2f}"
    )
    # Busy cores per time bucket (0.1 s), from all roles together.
    buckets: dict[int, float] = defaultdict(float)
    for samples in usage.values():
        for t, used in samples:
            buckets[int(t / 0.1)] += used
    n = int(wall / 0.1) + 1
    busy = [min(buckets.get(i, 0.0) / 0.1, cores) for i in range(n)]
    for k in range(cores + 1):
        share = sum(1 for b in busy if round(b) == k) / n
        lines.append(f"  {k} core(s) busy: {share:5.1%} of the wall time")
    return "\n".join(lines)


def svg(wall: float, usage: dict[str, list[tuple[float, float]]], path: Path) -> None:
    roles = sorted(usage)
    width, lane, left = 1000, 22, 190
    scale = (width - left - 10) / wall
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{lane * len(roles) + 40}" font-family="sans-serif" font-size="12">'
    ]
    for i, role in enumerate(roles):
        y = 10 + i * lane
        parts.append(f'<text x="4" y="{y + 15}">{role}</text>')
        prev = 0.0
        for t, used in usage[role]:
            busy = min(used / max(t - prev, 1e-3), 1.0)
            if busy > 0.05:
                x = left + prev * scale
                w = max((t - prev) * scale, 0.5)
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{lane - 4}" '
                    f'fill="#1f4e79" fill-opacity="{busy:.2f}"/>'
                )
            prev = t
    y = 20 + len(roles) * lane
    for s in range(int(wall) + 1):
        x = left + s * scale
        parts.append(f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{s}s</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--matrix")
    ap.add_argument("--svg", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="nereport-timeline.") as tmp:
        env = {**os.environ, "NEREPORT_CACHE_DIR": os.environ.get("NEREPORT_CACHE_DIR", tmp)}
        cmd = [str(BIN / "nereport"), "build", "--force", "--out", f"{tmp}/reports"]
        cmd += ["--jobs", str(args.jobs)] if args.jobs else []
        cmd += ["--matrix", args.matrix] if args.matrix else []
        subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the caches
        wall, usage = sample(cmd, env)
    print(report(wall, usage, os.cpu_count() or 1))
    if args.svg:
        svg(wall, usage, args.svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
