"""The build engine: cache hits and misses, dataset-level invalidation, byte-identical builds,
failing notebooks, interrupted and concurrent builds, fresh kernels."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from helpers import NOTEBOOK_DIR, marked, report, seed, tree
from nereport.build.engine import build
from nereport.build.plan import read_manifest
from nereport.build.safety import _OUR_TEMPORARY

pytestmark = pytest.mark.slow


# What tests/conftest.py builds once per run into ``built_pair`` (shared: copied, never written).
PAIR = [report("environment"), report("policy")]


def test_unchanged_inputs_are_skipped_and_force_rebuilds(built_pair: Path, tmp_path) -> None:
    out = tmp_path / "reports"
    shutil.copytree(built_pair, out)
    again = build(PAIR, out_dir=out)
    assert {o.status for o in again.outcomes} == {"up to date"}
    forced = build(PAIR[:1], out_dir=out, force=True, index=False)
    assert [(o.status, o.id) for o in forced.outcomes] == [("built", "environment/jilin")]


def test_two_clean_builds_are_byte_identical(built_pair: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEREPORT_CACHE_DIR", str(tmp_path / "other-cache"))
    second = tmp_path / "second"
    build(PAIR, out_dir=second, jobs=1)
    first_files, second_files = tree(built_pair), tree(second)
    assert {
        "environment/jilin.html",
        "environment/jilin.pdf",
        "environment/jilin.ipynb",
        "manifest.json",
        "index.html",
    } <= set(first_files)
    assert first_files == second_files


def test_dry_run_says_what_and_why(built_pair: Path, tmp_path) -> None:
    out = tmp_path / "reports"
    shutil.copytree(built_pair, out)
    (out / "policy/jilin.pdf").write_bytes(b"not a pdf")
    result = build([*PAIR, report("economy")], out_dir=out, dry_run=True)
    status = {o.id: (o.status, o.detail) for o in result.outcomes}
    assert status["environment/jilin"] == ("up to date", "")
    assert status["policy/jilin"] == ("would build", "pdf output missing or modified")
    assert status["economy/jilin"] == ("would build", "never built")
    assert (out / "policy/jilin.pdf").read_bytes() == b"not a pdf"  # a dry run writes nothing


def test_a_data_change_rebuilds_only_the_reports_that_read_it(
    built_pair: Path, tmp_path, raw_copy
) -> None:
    out = tmp_path / "reports"
    shutil.copytree(built_pair, out)
    manifest = read_manifest(out)["reports"]
    assert "environment_forest_cover" in manifest["environment/jilin"]["inputs"]["datasets"]
    assert "environment_forest_cover" not in manifest["policy/jilin"]["inputs"]["datasets"]
    raw_copy.edit(
        "csy2009_t11_35/environment_forest_cover.csv", lambda t: t.replace("38.13", "38.14")
    )
    plan = {o.id: (o.status, o.detail) for o in build(PAIR, out_dir=out, dry_run=True).outcomes}
    assert plan == {
        "environment/jilin": ("would build", "data changed: environment_forest_cover"),
        "policy/jilin": ("up to date", ""),
    }
    result = build(PAIR, out_dir=out)
    assert {o.id: o.status for o in result.outcomes} == {
        "environment/jilin": "built",
        "policy/jilin": "up to date",
    }
    assert "38.14" in (out / "environment/jilin.html").read_text()


@pytest.fixture()
def broken_notebooks(tmp_path: Path) -> Path:
    """The report notebooks, with a cell that raises inserted into economy.ipynb."""
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, folder)
    nb = nbformat.read(folder / "economy.ipynb", as_version=4)
    bad = nbformat.v4.new_code_cell('raise ValueError("the GDP table is upside down")')
    bad["id"] = "broken"
    nb.cells.insert(5, bad)
    nbformat.write(nb, folder / "economy.ipynb")
    return folder


def test_a_failing_notebook_keeps_the_last_good_report(
    broken_notebooks: Path, built: Path, tmp_path
) -> None:
    out = tmp_path / "reports"
    seed(out, built, "economy/jilin")  # its last good build
    before = tree(out)
    reports = [report("economy", notebook_dir=broken_notebooks), report("environment")]
    result = build(reports, out_dir=out, jobs=2)
    assert not result.ok
    outcome = {o.id: o for o in result.outcomes}
    failed = outcome["economy/jilin"]
    assert failed.status == "failed" and outcome["environment/jilin"].status == "built"
    for part in (
        "economy/jilin",
        "region=jilin",
        "cell 6",
        "ValueError",
        "the GDP table is upside down",
        "previous outputs kept",
    ):
        assert part in failed.detail
    for kind in ("html", "pdf", "ipynb"):  # the last good outputs are untouched
        assert tree(out)[f"economy/jilin.{kind}"] == before[f"economy/jilin.{kind}"]
    page = (out / "_failed/economy/jilin.html").read_text()
    assert "The cell below (cell 6) failed" in page and "upside down" in page
    partial = nbformat.read(out / "_failed/economy/jilin.ipynb", as_version=4)
    assert partial.cells[6].outputs[0].ename == "ValueError"
    entry = json.loads((out / "manifest.json").read_text())["reports"]["economy/jilin"]
    assert entry["status"] == "failed" and "ValueError" in entry["error"]
    assert "failed — last good version shown" in (out / "index.html").read_text()


def _cli(out: Path, *args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "nereport.cli", "build", "--out", str(out), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )


def _env() -> dict:
    """The environment of a build run as a command: the run's shared cache (tests/conftest.py),
    warm with the charts other tests drew; entries are keyed by content and written atomically."""
    return dict(os.environ)


def assert_consistent(out: Path, killed: bool = False) -> None:
    """No temporary file left (after ``kill -9``, only the build's own, named as it names them:
    the next build removes those); every output the manifest lists is whole and its own."""
    left = [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    if killed:
        left = [p for p in left if not _OUR_TEMPORARY.fullmatch(p.name)]
    assert not left
    for entry in read_manifest(out)["reports"].values():
        for o in entry.get("outputs", {}).values():
            data = (out / o["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == o["sha256"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_an_interrupted_build_leaves_no_half_file_and_the_next_finishes(
    tmp_path, sig: signal.Signals
) -> None:
    # Four reports (two topics, two regions): two to finish, two for the workers to be
    # interrupted in; more, or the longer economy reports, only made the test slower.
    small = tmp_path / "matrix.toml"
    small.write_text(
        'topics = ["policy", "environment"]\nregions = ["jilin", "liaoning"]\nlangs = ["en"]\n'
    )
    marker = f"nereport-engine-test-{tmp_path.name}"
    out, env = tmp_path / "reports", {**_env(), "NEREPORT_TEST_MARKER": marker}
    proc = _cli(out, "--matrix", str(small), env=env)
    deadline = time.monotonic() + 120
    # Two reports done: each worker has executed a notebook (nbclient changed its signal
    # handling then, which once made workers die of the group's SIGINT at random points).
    while time.monotonic() < deadline and len(read_manifest(out)["reports"]) < 2:
        time.sleep(0.2)
    os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=30)
    if sig != signal.SIGKILL:  # these the build handles: it says so and cleans up
        assert proc.returncode == 130, err
        assert "interrupted; finished reports are kept" in err
        assert "Traceback" not in err, err  # nor did any worker print one
        mine = [p for p in Path(tempfile.gettempdir()).glob(f"nereport-*-{proc.pid}-*")]
        assert mine == [], "the build left its Chromium folder"
    assert_consistent(out, killed=sig == signal.SIGKILL)
    deadline = time.monotonic() + 10  # killed processes may take a moment to go
    while marked(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    # This build's kernels, not those of another test running beside it (pytest-xdist).
    assert marked(marker) == [], "kernels outlived the build"
    finished = _cli(out, "--matrix", str(small), env=env)
    _, err = finished.communicate(timeout=600)
    assert finished.returncode == 0, err
    assert "waiting" not in err  # no stale lock
    statuses = json.loads((out / "manifest.json").read_text())["reports"]
    assert len(statuses) == 4 and {e["status"] for e in statuses.values()} == {"ok"}
    assert_consistent(out)


def test_two_builds_at_once_do_not_corrupt_the_output(tmp_path) -> None:
    out, env = tmp_path / "reports", _env()
    args = ("--report", "policy", "--param", "region=jilin")
    first, second = _cli(out, *args, env=env), _cli(out, *args, env=env)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, results
    errs = [err for _, err in results]
    assert any("being built by another nereport process" in e for e in errs)
    assert sum("built " in e and "policy/jilin" in e for e in errs) >= 1
    assert any("up to date" in e for e in errs)  # the second found the work done
    assert_consistent(out)


def test_each_report_gets_a_fresh_kernel() -> None:
    from nereport.build.execute import execute
    from nereport.build.kernels import ForkedKernelManager, KernelTemplate

    template = KernelTemplate(preload=("ipykernel.kernelapp", "nereport"))
    ForkedKernelManager.template = template
    try:
        cell = nbformat.v4.new_code_cell
        params = nbformat.v4.new_code_cell("x = 0", metadata={"tags": ["parameters"]})
        leak = nbformat.v4.new_notebook(
            cells=[params, cell("import nereport, os\nnereport.LEAKED = os.getpid()")]
        )
        check = nbformat.v4.new_notebook(
            cells=[
                params,
                cell("import nereport, os\nprint(hasattr(nereport, 'LEAKED'), os.getpid())"),
            ]
        )
        ran, failure = execute(leak, {}, cwd=".", kernel_manager_class=ForkedKernelManager)
        assert failure is None
        ran, failure = execute(check, {}, cwd=".", kernel_manager_class=ForkedKernelManager)
        assert failure is None
        assert ran.cells[-1].outputs[0].text.startswith("False ")
    finally:
        ForkedKernelManager.template = None
        template.close()


def test_one_kernel_template_serves_every_worker_and_ends_with_the_last() -> None:
    from nereport.build.kernels import KernelTemplate
    from nereport.build.pool import Pool

    template = KernelTemplate(preload=("ipykernel.kernelapp",), clients=2)
    pool = Pool(2, _kernel_and_parent, _use_template, lambda i: (template, i))
    try:
        template.release()
        done = dict(pool.map(range(4), lambda n: ()))
    finally:
        pool.close()
    kernels, workers = zip(*done.values(), strict=True)
    assert len(set(workers)) == 2, done  # both workers asked
    assert len(set(kernels)) == 4, done  # for a kernel of its own each time
    assert {parent for _, parent in kernels} == {template._pid}, done
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and os.waitpid(template._pid, os.WNOHANG)[0] == 0:
        time.sleep(0.05)  # the workers closed their connections: the template ends
    with pytest.raises(ChildProcessError):
        os.waitpid(template._pid, os.WNOHANG)


def _use_template(template, number: int) -> None:
    from nereport.build.kernels import ForkedKernelManager

    template.use(number)
    ForkedKernelManager.template = template


def _kernel_and_parent() -> tuple[tuple[int, int], int]:
    from nereport.build.execute import execute
    from nereport.build.kernels import ForkedKernelManager

    cell = nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(
        cells=[
            cell("x = 0", metadata={"tags": ["parameters"]}),
            cell("import os\nprint(os.getpid(), os.getppid())"),
        ]
    )
    ran, failure = execute(nb, {}, cwd=".", kernel_manager_class=ForkedKernelManager)
    assert failure is None, failure
    pid, parent = map(int, ran.cells[-1].outputs[0].text.split())
    return (pid, parent), os.getpid()


def test_reports_run_longest_first_by_their_last_build(tmp_path: Path) -> None:
    # Two workers end together when the short reports come last: the last build's times
    # (runs.json) order the next; a report never built (or whose time is unreadable) goes first.
    from nereport.build.engine import RUNS, _RunLog
    from nereport.build.plan import Planned

    todo = [
        Planned(report(t, region), {}, "forced")
        for t, region in [("policy", "jilin"), ("economy", "jilin"), ("policy", "liaoning")]
        + [("environment", "jilin"), ("economy", "liaoning")]
    ]
    times = {
        "policy/jilin": {"seconds": 1.1},
        "economy/jilin": {"seconds": 2.4},
        "policy/liaoning": {"seconds": 1.4},
        "environment/jilin": {"seconds": "slow"},  # hand-edited
    }
    (tmp_path / RUNS).write_text(json.dumps(times))
    order = [p.report.id for p in _RunLog(tmp_path).longest_first(todo)]
    assert order == [
        "environment/jilin",
        "economy/liaoning",
        "economy/jilin",
        "policy/liaoning",
        "policy/jilin",
    ]
    (tmp_path / RUNS).write_text("[1, 2]")  # not a table: the plan's order
    assert _RunLog(tmp_path).longest_first(todo) == todo
