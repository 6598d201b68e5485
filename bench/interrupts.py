"""Interrupt builds hundreds of times and check that every one ends, promptly and cleanly.

Each trial starts ``nereport build`` of a 3-report matrix in a session of its own (as the
hardening test does: a TMPDIR too long for socket paths, the output folder removed before
every other trial, ``--force`` on the others), waits a random moment within one build's
duration, sends SIGINT, SIGTERM or SIGKILL to its process group and measures the time until
the build's process has exited. Then it checks what is left behind: processes of the trial
(found by a marker in their environment: forked kernels leave the session), the trial's
temporary folders (SIGKILL cannot clean those; the next build removes them) and the lock.

A build that has not exited after ``--timeout`` seconds is a hang: the script prints its
process tree and, with py-spy installed, every process's Python stacks, then kills it.

    python bench/interrupts.py --trials 500

Not part of CI: 500 trials take about as long as 500 builds.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

MATRIX = 'topics = ["policy", "economy", "environment"]\nregions = ["jilin"]\n'
MARKER = "NEREPORT_INTERRUPT_TRIAL"
SLOW = 2.0  # seconds: a build still running then is looked at (and waited for)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a hang is declared")
    ap.add_argument("--json", type=Path, help="write every trial's record here")
    ap.add_argument(
        "--signals", default="INT,TERM,KILL", help="to choose from (default: %(default)s)"
    )
    args = ap.parse_args()
    # Started in the background by a shell, this process ignores SIGINT, and so would the
    # builds it starts: make Ctrl-C mean to them what it means on a terminal.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="nereport-interrupts.") as tmp:
        work = Path(tmp)
        (work / "matrix.toml").write_text(MATRIX)
        scratch = work / ("t" * 60)  # too long for Unix socket paths, as in the test
        scratch.mkdir()
        env = {**os.environ, "NEREPORT_CACHE_DIR": str(work / "cache"), "TMPDIR": str(scratch)}
        for _ in range(2):  # the first fills the cache; the second is what trials run
            started = time.perf_counter()
            if _build(work, env, force=True).wait() != 0:
                print("the reference build failed", file=sys.stderr)
                return 1
        window = time.perf_counter() - started
        print(f"one build takes {window:.1f} s; signals land at random within it", flush=True)
        signals = [signal.Signals[f"SIG{name}"] for name in args.signals.split(",")]
        records = [
            _trial(i, work, env, rng, window, args.timeout, signals) for i in range(args.trials)
        ]
    if args.json:
        args.json.write_text(json.dumps(records, indent=1))
    return _summary(records, args.timeout)


def _build(work: Path, env: dict[str, str], force: bool, trial: int = -1) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "nereport.cli", "build", "--matrix", str(work / "matrix.toml")]
    cmd += ["--out", str(work / "reports")] + (["--force"] if force else [])
    return subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**env, MARKER: str(trial)},
        start_new_session=True,
    )


def _trial(
    i: int,
    work: Path,
    env: dict[str, str],
    rng: random.Random,
    window: float,
    timeout: float,
    signals: list[signal.Signals],
) -> dict:
    if i % 2 == 0:
        shutil.rmtree(work / "reports", ignore_errors=True)
    started = time.time()
    proc = _build(work, env, force=bool(i % 2), trial=i)
    delay = rng.uniform(0.05, window)
    sig = rng.choice(signals)
    time.sleep(delay)
    if proc.poll() is not None:
        proc.stderr.close()
        return {"trial": i, "signal": sig.name, "delay": delay, "finished_first": True}
    sent = time.perf_counter()
    os.killpg(proc.pid, sig)
    record = {"trial": i, "signal": sig.name, "delay": round(delay, 3)}
    stderr = []  # read as it comes: a full pipe must not hold the build up
    reader = threading.Thread(target=lambda: stderr.append(proc.stderr.read()), daemon=True)
    reader.start()
    try:
        try:
            proc.wait(timeout=SLOW)
        except subprocess.TimeoutExpired:  # slow: see where it is, then wait on
            record["slow"] = _diagnose(proc, i, f"has not exited after {SLOW} s")
            proc.wait(timeout=timeout - SLOW)
        record["exit_s"] = round(time.perf_counter() - sent, 3)
        record["returncode"] = proc.returncode
    except subprocess.TimeoutExpired:
        record["hang"] = _diagnose(proc, i, f"did not exit within {timeout} s")
        _kill_trial(i)
        proc.wait()
    reader.join()
    stderr = b"".join(stderr).decode(errors="replace")
    proc.stderr.close()
    if "Traceback" in stderr:
        record["traceback"] = stderr[-2000:]
    record["left"] = _left_behind(i, work, Path(env["TMPDIR"]), sig, started)
    _kill_trial(i)
    status = "HANG" if "hang" in record else f"{record['exit_s']:.2f}s"
    extra = " LEFT " + json.dumps(record["left"]) if record["left"] else ""
    extra += " TRACEBACK" if "traceback" in record else ""
    print(f"[{i + 1}] {sig.name:<7} after {delay:4.1f}s -> {status}{extra}", flush=True)
    return record


def _trial_pids(i: int) -> list[int]:
    """Processes started for trial ``i``: they carry its marker in their environment."""
    needle = f"{MARKER}={i}\0".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if needle in environ + b"\0" and state != "Z":
            pids.append(int(entry.name))
    return pids


def _left_behind(i: int, work: Path, scratch: Path, sig: signal.Signals, started: float) -> dict:
    """What the trial left once its build exited: live processes (after a grace second for
    processes that die with their parent), temporary folders, a held lock."""
    left: dict = {}
    deadline = time.monotonic() + 1.0
    while (pids := _trial_pids(i)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if pids:
        left["processes"] = [_describe(pid) for pid in pids]
    if sig != signal.SIGKILL:  # a killed build cannot clean up; the next one does
        # Folders are named after their process: those whose process has ended are left over
        # (others may belong to another build running on the machine), if this trial made
        # them (one interrupted early may not have removed what a SIGKILLed one left).
        dirs = [
            p.name
            for base in ("/tmp", scratch)
            for p in Path(base).glob("nereport-*-*-*")
            if not Path(f"/proc/{p.name.split('-')[2]}").exists() and p.stat().st_mtime >= started
        ]
        if dirs:
            left["temp_dirs"] = dirs
    lock = work / "reports" / ".nereport.lock"
    if lock.exists():
        with open(lock) as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                left["lock"] = "held"
    return left


def _describe(pid: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        cmd = "?"
    return f"{pid}: {cmd}"


def _diagnose(proc: subprocess.Popen, i: int, what: str) -> dict:
    """The process tree and every Python stack of a build that did not exit."""
    pids = sorted(set(_trial_pids(i)) | {proc.pid})
    tree = subprocess.run(
        ["ps", "-o", "pid,ppid,pgid,sid,stat,etime,args", "-p", ",".join(map(str, pids))],
        capture_output=True,
        text=True,
    ).stdout
    print(f"--- trial {i} {what}; its processes:\n{tree}", flush=True)
    stacks = {}
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    for pid in pids if Path(spy).exists() else []:
        out = subprocess.run([spy, "dump", "--pid", str(pid)], capture_output=True, text=True)
        stacks[pid] = out.stdout or out.stderr
        print(f"--- py-spy dump {pid}\n{stacks[pid]}", flush=True)
    return {"tree": tree, "stacks": stacks}


def _kill_trial(i: int) -> None:
    for pid in _trial_pids(i):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _summary(records: list[dict], timeout: float) -> int:
    hit = [r for r in records if not r.get("finished_first")]
    ended = [r for r in hit if "exit_s" in r]
    hangs = [r for r in hit if "hang" in r]
    late = [r for r in ended if r["exit_s"] > 30]
    dirty = [r for r in hit if r.get("left")]
    tracebacks = [r for r in hit if "traceback" in r]
    print(f"\n{len(hit)} builds interrupted ({len(records) - len(hit)} finished before the signal)")
    print("by signal:", dict(Counter(r["signal"] for r in hit)))
    print(
        f"not ended within {timeout:.0f} s: {len(hangs)}; ended after more than 30 s: {len(late)}"
    )
    for name in ("SIGINT", "SIGTERM", "SIGKILL", None):
        times = [r["exit_s"] for r in ended if name in (None, r["signal"])]
        if times:
            print(
                f"signal -> exit, {name or 'all'}: median {statistics.median(times):.3f} s, "
                f"max {max(times):.3f} s (n={len(times)})"
            )
    print(f"left something behind: {len(dirty)}; printed a traceback: {len(tracebacks)}")
    return 1 if hangs or late or dirty or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
