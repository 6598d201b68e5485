"""Builds on a real Dask cluster over loopback: a scheduler and two workers started with
dask's own command lines from the project's environment, as a user would start them."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from helpers import notebooks_with, run_cli, seed, tree
from nereport.build.engine import build
from nereport.build.matrix import Report
from nereport.build.plan import read_manifest
from nereport.report.params import resolve

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """``(address, client)`` of a scheduler and two workers (one kernel slot each, behind
    their nannies); a worker that dies gets its report retried once elsewhere."""
    from distributed import Client

    folder = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
    log = open(folder / "cluster.log", "wb")  # noqa: SIM115
    common = {"env": env, "stdout": log, "stderr": log, "start_new_session": True}
    scheduler_file = folder / "scheduler.json"
    procs = [
        subprocess.Popen(
            [BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", scheduler_file],
            **common,
        )
    ]  # fmt: skip
    try:
        # Dask writes the file in place: on a loaded machine it was read while still empty.
        address, deadline = None, time.monotonic() + 60
        while address is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError, ValueError, KeyError):
                address = json.loads(scheduler_file.read_text())["address"]
            time.sleep(0.1)
        assert address, f"the Dask scheduler wrote no address to {scheduler_file} in 60 s"
        for name in ("w1", "w2"):
            procs.append(
                subprocess.Popen(
                    [BIN / "dask", "worker", address, "--name", name, "--nthreads", "1",
                     "--resources", "kernel=1", "--no-dashboard", "--host", "127.0.0.1",
                     "--local-directory", folder / name],
                    **common,
                )
            )  # fmt: skip
        client = Client(address, timeout=30)
        client.wait_for_workers(2, timeout=120)
        yield address, client
        client.close()
    finally:
        for proc in procs[::-1]:
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def nereport_tasks(client) -> list[str]:
    return [k for keys in client.processing().values() for k in keys if "nereport-" in str(k)]


def wait_until(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_reports_built_on_the_cluster_are_byte_identical_to_the_local_build(
    built: Path, cluster, tmp_path: Path
) -> None:
    """Every topic in both languages (six reports of the matrix), against the same reports of
    the run's local build of the whole matrix: what could differ on a Dask worker (its
    environment, its process, its warm template and Chromium) differs for any report. Each
    worker takes its reports longest first, by their times in the run log (left alone, Dask
    ran a batch of tasks in the reverse of their submission)."""
    address, client = cluster
    matrix = tmp_path / "matrix.toml"
    matrix.write_text('regions = ["jilin"]\nlangs = ["en", "zh"]\n')  # not the longer northeast
    out = tmp_path / "reports"
    out.mkdir()
    # In the order of their real times, so that the two workers finish together and neither
    # steals a report queued on the other (a stolen one could start out of this order).
    seconds = {"economy/jilin": 60, "economy/jilin.zh": 50, "environment/jilin": 40,
               "environment/jilin.zh": 30, "policy/jilin": 20, "policy/jilin.zh": 10}  # fmt: skip
    (out / "runs.json").write_text(json.dumps({r: {"seconds": s} for r, s in seconds.items()}))
    (out / "manifest.json").write_text('{"reports": {}}')  # an output folder, built before
    client.get_task_stream()  # the scheduler records the tasks' start times from now on
    started = time.time()
    done = run_cli("build", "--matrix", str(matrix), "--scheduler", address, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "on 2 Dask worker(s)" in done.stderr
    ours, local = tree(out), tree(built)
    reports, local_reports = read_manifest(out)["reports"], read_manifest(built)["reports"]
    assert len(reports) == 6
    for rid in reports:  # HTML, PDF, executed notebook, thumbnail; the manifest's entry
        assert {p: h for p, h in ours.items() if p.startswith(f"{rid}.")} == {
            p: h for p, h in local.items() if p.startswith(f"{rid}.")
        }, rid
        assert reports[rid] == local_reports[rid], rid
    runs = orjson.loads((out / "runs.json").read_bytes())
    assert {r["status"] for r in runs.values()} == {"built"}
    assert len({r["worker"] for r in runs.values()}) == 2  # both workers built reports
    assert all(r["worker"].startswith("tcp://127.0.0.1:") for r in runs.values())
    order: dict[str, list[tuple[float, str]]] = {}
    for t in client.get_task_stream(start=started):
        if str(t["key"]).startswith("nereport-"):
            start = min(s["start"] for s in t["startstops"] if s["action"] == "compute")
            order.setdefault(t["worker"], []).append((start, str(t["key"])[9:-9]))
    assert sum(map(len, order.values())) == 6
    for taken in order.values():
        ids = [rid for _, rid in sorted(taken)]
        assert ids == sorted(ids, key=seconds.get, reverse=True), ids
    again = run_cli("build", "--matrix", str(matrix), "--scheduler", address, "--out", str(out))
    assert again.returncode == 0 and "6 up to date" in again.stderr  # nothing is stale
    assert "building" not in again.stderr  # nothing was sent


@pytest.mark.slow
def test_a_worker_killed_mid_report_gets_it_retried_elsewhere(
    built: Path, cluster, tmp_path: Path
) -> None:
    address, client = cluster
    out = tmp_path / "reports"
    matrix = tmp_path / "matrix.toml"
    matrix.write_text('topics = ["policy", "economy"]\nregions = ["jilin"]\nlangs = ["en"]\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "nereport.cli", "build", "--scheduler", address, "--matrix",
         str(matrix), "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    wait_until(lambda: nereport_tasks(client))
    time.sleep(1.0)  # its kernel is running cells
    victim = next(w for w, keys in client.processing().items() if keys)
    pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "summary: 2 built" in err
    ids = ("policy/jilin", "economy/jilin")
    expected = {f"{i}.{k}": tree(built)[f"{i}.{k}"] for i in ids for k in ("html", "pdf", "ipynb")}
    got = {k: v for k, v in tree(out).items() if k in expected}
    assert expected and got == expected
    runs = orjson.loads((out / "runs.json").read_bytes())
    assert victim not in {r["worker"] for r in runs.values()}
    client.wait_for_workers(2, timeout=120)  # the nanny started a new worker


@pytest.mark.slow
def test_a_failing_report_on_the_cluster_is_reported_with_its_cell(
    built: Path, cluster, tmp_path: Path
) -> None:
    address, _ = cluster
    folder = notebooks_with(tmp_path, "raise ValueError('no such figure')")
    failing = Report("economy", resolve("economy", {"region": "jilin"}), notebook_dir=folder)
    out = tmp_path / "reports"
    seed(out, built, "economy/jilin")  # its last good build
    before = tree(out)
    result = build([failing], out_dir=out, scheduler=address)
    (outcome,) = result.outcomes
    assert outcome.status == "failed"
    assert "cell 5" in outcome.detail and "ValueError: no such figure" in outcome.detail
    assert (out / "_failed/economy/jilin.ipynb").is_file()
    after = tree(out)
    for kind in ("html", "pdf", "ipynb"):  # the last good outputs stay
        assert after[f"economy/jilin.{kind}"] == before[f"economy/jilin.{kind}"]


@pytest.mark.slow
def test_ctrl_c_cancels_the_cluster_tasks_and_leaves_nothing_half_written(
    cluster, tmp_path: Path
) -> None:
    address, client = cluster
    out = tmp_path / "reports"
    proc = subprocess.Popen(
        [sys.executable, "-m", "nereport.cli", "build", "--scheduler", address, "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until(lambda: nereport_tasks(client))
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    wait_until(lambda: not nereport_tasks(client), timeout=60)  # nothing left running
    assert not list(out.rglob("*.tmp"))
    for entry in read_manifest(out)["reports"].values():  # whatever is listed is whole
        for o in entry.get("outputs", {}).values():
            assert (out / o["path"]).is_file()


@pytest.mark.slow
def test_ctrl_c_on_the_terminal_ends_a_local_cluster_build_with_only_its_own_message(
    tmp_path: Path,
) -> None:
    # A terminal's Ctrl-C reaches the whole process group, the LocalCluster's workers too:
    # they printed tracebacks as they died, and the scheduler logged the comms they cut.
    matrix = tmp_path / "matrix.toml"
    matrix.write_text('topics = ["policy", "economy", "environment"]\nregions = ["jilin"]\n')
    out = tmp_path / "reports"
    proc = subprocess.Popen(
        [sys.executable, "-m", "nereport.cli", "build", "--matrix", str(matrix), "--out",
         str(out), "--scheduler", "local"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    first = proc.stderr.readline()
    assert first.startswith("building 6 report(s) on 2 Dask worker(s)"), first
    time.sleep(2.0)  # both workers are running a report
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert time.monotonic() - sent < 10, "a busy worker is given 4 s to stop, then killed"
    assert proc.returncode == 130, rest
    assert rest.endswith("nereport: interrupted; finished reports are kept, and the next build "
                         "does the rest\n"), rest  # fmt: skip
    assert "Traceback" not in rest and "distributed" not in rest, rest

    def ended() -> bool:  # workers, kernels and Chromiums: nothing is left of the session
        return not subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True).stdout

    wait_until(ended, timeout=10)
    assert not list(out.rglob("*.tmp"))


def test_an_unreachable_scheduler_is_named_before_anything_is_touched(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    done = run_cli("build", "--scheduler", "tcp://127.0.0.1:9", "--out", str(out), timeout=120)
    assert done.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_local_build_does_not_import_dask() -> None:
    code = "import sys, nereport, nereport.build, nereport.cli; print('distributed' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


@pytest.mark.slow
def test_each_worker_keeps_a_template_and_chromium_warm_and_ends_them_when_it_closes(
    cluster,
) -> None:
    import psutil

    from nereport.build.cluster import PLUGIN, Cluster

    address, client = cluster
    own = Cluster(address)
    try:
        own.start()  # as a build does: the plugin is set up on every worker
    finally:
        own.close()
    workers = [psutil.Process(pid) for pid in client.run(os.getpid).values()]

    def helpers(worker: psutil.Process) -> list[str]:
        """The worker's kernel template (a fork of it) and Chromium."""
        kinds = []
        for child in worker.children():
            with contextlib.suppress(psutil.NoSuchProcess):
                if child.name() == "chromium":
                    kinds.append("chromium")
                elif child.name() == worker.name():
                    kinds.append("template")
        return sorted(kinds)

    def children() -> list[list[tuple[str, str]]]:
        found = []
        for worker in workers:
            with contextlib.suppress(psutil.NoSuchProcess):
                found.append([(c.name(), c.status()) for c in worker.children()])
        return found

    # Each worker's children as the plugin left them; a failure lists them (a CI run once
    # found a worker without its Chromium).
    with contextlib.suppress(AssertionError):
        wait_until(lambda: [helpers(w) for w in workers] == [["chromium", "template"]] * 2, 10)
    assert [helpers(w) for w in workers] == [["chromium", "template"]] * 2, children()
    client.unregister_worker_plugin(PLUGIN)  # what a closing worker runs
    wait_until(lambda: [helpers(w) for w in workers] == [[], []], timeout=30)
