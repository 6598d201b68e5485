"""Hardening: wrong parameters, broken data, execution faults, interruption, hostile content.
Each case: a clear error (what, where, what to do), nothing lost, a non-zero exit."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import marked, notebooks_with, offline, run_cli, tree
from nereport import ParameterError, cli
from nereport.build.engine import build
from nereport.build.matrix import Report
from nereport.build.plan import read_manifest
from nereport.data import regions
from nereport.report.params import resolve

ROOT = Path(__file__).resolve().parents[1]


# -- parameters: refused before any kernel starts, exit 2, nothing written -------------------

HOSTILE = [
    "../../x",
    "/etc/passwd",
    "x" * 10_000,
    "jilin\x00",
    "jilin\n",
    "\x1b[31mred",
    "'; import os #",
    '"quoted"',
    "$(rm -rf ~)",
    "jilin; rm -rf /",
    "{{7*7}}",
    "",
]


@pytest.mark.parametrize("name", ["region", "comparison", "start_year", "end_year"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_are_refused(
    tmp_path: Path, capsys, name: str, value: str
) -> None:
    out = tmp_path / "reports"
    code = cli.main(
        ["build", "--report", "economy", "--param", f"{name}={value}", "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert f"parameter '{name}'" in err and "allowed" in err
    assert "\x1b" not in err and "\x00" not in err and len(err) < 600  # shown safely, shortened
    assert not out.exists()


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("../../x=1", "unknown parameter(s) '../../x'"),
        ("region", "expected NAME=VALUE"),
        ("=jilin", "expected NAME=VALUE"),
    ],
)
def test_malformed_parameters(tmp_path: Path, capsys, pair: str, message: str) -> None:
    code = cli.main(["build", "--report", "policy", "--param", pair, "--out", str(tmp_path / "r")])
    assert code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_unknown_report_and_bad_options(tmp_path: Path, capsys) -> None:
    assert cli.main(["build", "--report", "../notebooks/x", "--out", str(tmp_path / "r")]) == 2
    assert "unknown report '../notebooks/x'" in capsys.readouterr().err
    assert cli.main(["build", "--cell-timeout", "0", "--out", str(tmp_path / "r")]) == 2
    assert cli.main(["build", "--jobs", "-1", "--out", str(tmp_path / "r")]) == 2
    assert not (tmp_path / "r").exists()


def test_random_values_never_get_past_the_schema() -> None:
    rng = random.Random(20261123)
    alphabet = string.printable + "\x00\x01\x1b\u202e东北/\\.."
    for _ in range(2000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        name = rng.choice(["region", "comparison", "start_year", "end_year"])
        try:
            params = resolve("environment", {name: value})
        except ParameterError:
            continue
        assert params["region"] in regions.reported()  # only a listed slug or a year got through
        assert all(isinstance(params[k], int) for k in ("start_year", "end_year"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('regions = ["jilin", "../../etc"]', "parameter 'region': '../../etc' is not allowed"),
        ('[params]\nstart_year = "abc"', "parameter 'start_year': 'abc' is not a whole number"),
        ("[params]\nstart_year = 2010\nend_year = 2001", "is before start_year"),
        ('[params]\ncolour = "red"', "unknown parameter(s) 'colour'"),
        ('topics = ["economy", "weather"]', "unknown report 'weather'"),
        ("rgions = []", "unknown key(s) rgions"),
        ('regions = ["jilin"', "cannot read the report matrix"),
        ('[params]\nregion = "jilin"', "set regions with the top-level 'regions' list"),
    ],
)
def test_bad_matrix_files(tmp_path: Path, capsys, text: str, message: str) -> None:
    matrix = tmp_path / "matrix.toml"
    matrix.write_text(text)
    out = tmp_path / "reports"
    assert cli.main(["build", "--matrix", str(matrix), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert not out.exists()
    assert cli.main(["list", "--matrix", str(matrix)]) == 2


# -- data: the error names file, row and column; other reports still build -------------------

FOREST = "csy2009_t11_35/environment_forest_cover.csv"


@pytest.mark.slow
def test_broken_data_stops_only_the_reports_that_read_it(
    tmp_path: Path, built_pair: Path, raw_copy
) -> None:
    out = tmp_path / "reports"
    shutil.copytree(built_pair, out)  # environment/jilin and policy/jilin, built
    pair = [Report(t, resolve(t, {"region": "jilin"})) for t in ("environment", "policy")]
    before = tree(out)
    path = raw_copy.edit(FOREST, lambda t: t.replace("38.13", "38,13"))  # a comma: two fields
    line = next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if "38,13" in ln)
    result = build(pair, out_dir=out)
    outcome = {o.id: o for o in result.outcomes}
    env = outcome["environment/jilin"]
    assert not result.ok and env.status == "failed"
    assert "not built: it reads environment_forest_cover" in env.detail
    assert f"{FOREST}, line {line}: 7 fields, header has 6" in env.detail
    assert outcome["policy/jilin"].status == "up to date"
    assert {k: v for k, v in tree(out).items() if k.startswith("environment/")} == {
        k: v for k, v in before.items() if k.startswith("environment/")
    }


@pytest.mark.slow
def test_bad_data_in_a_never_built_report_is_named_from_its_kernel(tmp_path, raw_copy) -> None:
    raw_copy.edit(FOREST, lambda t: t.replace("38.13", "lots"))
    reports = [Report(t, resolve(t, {"region": "jilin"})) for t in ("environment", "policy")]
    result = build(reports, out_dir=tmp_path / "reports")
    outcome = {o.id: o for o in result.outcomes}
    env = outcome["environment/jilin"]
    assert env.status == "failed" and "InvalidDataError" in env.detail
    assert FOREST in env.detail and "column 'value': not a number: 'lots'" in env.detail
    assert outcome["policy/jilin"].status == "built"


@pytest.mark.slow
def test_a_changed_raw_file_is_a_checksum_error(tmp_path, raw_copy) -> None:
    raw_copy.edit(FOREST, lambda t: t.replace("38.13", "38.12"), rechecksum=False)
    result = build(
        [Report("environment", resolve("environment", {"region": "jilin"}))],
        out_dir=tmp_path / "reports",
    )
    detail = result.outcomes[0].detail
    assert "ChecksumMismatchError" in detail and FOREST in detail and "git checkout" in detail


# -- execution faults -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("code", "expected", "timeout"),
    [
        # A dying kernel is found without the timeout: a long one keeps the report's earlier
        # cells from timing out on a loaded machine (cell 3 once took more than 3 s in CI).
        ("import os\nos._exit(3)", "DeadKernelError: the kernel died", 60),
        ("import time\ntime.sleep(600)", "CellTimeoutError: a cell ran longer than 10 s", 10),
    ],
)
def test_a_dying_or_hanging_kernel_fails_its_report_only(tmp_path, code, expected, timeout) -> None:
    folder = notebooks_with(tmp_path, code)
    reports = [
        Report("economy", resolve("economy", {"region": "jilin"}), notebook_dir=folder),
        Report("policy", resolve("policy", {"region": "jilin"})),
    ]
    started = time.monotonic()
    result = build(reports, out_dir=tmp_path / "reports", cell_timeout=timeout)
    assert time.monotonic() - started < 120
    outcome = {o.id: o for o in result.outcomes}
    assert outcome["economy/jilin"].status == "failed"
    assert (
        expected in outcome["economy/jilin"].detail and "cell 5" in outcome["economy/jilin"].detail
    )
    assert outcome["policy/jilin"].status == "built"
    assert (tmp_path / "reports/_failed/economy/jilin.ipynb").is_file()
    assert not list((tmp_path / "reports").rglob("*.tmp"))


@pytest.fixture()
def mounted(tmp_path: Path):
    """Mount points made for one test (needs root, as CI has); unmounted afterwards."""
    points: list[Path] = []

    def mount(*args: str, target: Path) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", *args, str(target)], check=True)
        points.append(target)
        return target

    yield mount
    for point in reversed(points):
        subprocess.run(["umount", str(point)], check=False)


def single(region: str = "jilin") -> list[Report]:
    return [Report("policy", resolve("policy", {"region": region}))]


@pytest.mark.slow
def test_no_space_left_keeps_the_previous_report(tmp_path, built_pair, mounted) -> None:
    staging = tmp_path / "staging"
    shutil.copytree(built_pair, staging)  # policy/jilin built (and environment/jilin)
    size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
    out = mounted(
        "-t", "tmpfs", "-o", f"size={size // 1024 + 300}k", "tmpfs", target=tmp_path / "full"
    )
    shutil.copytree(staging, out, dirs_exist_ok=True)
    before = tree(out)
    result = run_cli(
        "build", "--report", "policy", "--param", "region=jilin", "--force", "--out", str(out)
    )
    assert result.returncode != 0
    assert "No space left on device" in result.stderr and "previous outputs kept" in result.stderr
    after = tree(out)
    for kind in ("html", "pdf", "ipynb"):
        assert after[f"policy/jilin.{kind}"] == before[f"policy/jilin.{kind}"]
    entry = json.loads((out / "manifest.json").read_text())["reports"]["policy/jilin"]
    assert entry["status"] == "failed" and "No space left" in entry["error"]
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
def test_a_read_only_output_folder_is_named(tmp_path, built_pair, mounted) -> None:
    staging = tmp_path / "staging"
    shutil.copytree(built_pair, staging)
    before = tree(staging)
    out = mounted("--bind", str(staging), target=tmp_path / "ro")
    subprocess.run(["mount", "-o", "remount,bind,ro", str(out)], check=True)
    result = run_cli(
        "build", "--report", "policy", "--param", "region=jilin", "--force", "--out", str(out)
    )
    assert result.returncode == 1
    assert f"cannot write to the output folder {out}: Read-only file system" in result.stderr
    assert tree(staging) == before


@pytest.mark.slow
def test_no_chromium_fails_the_pdf_and_keeps_the_previous_report(
    tmp_path, built_pair, monkeypatch
) -> None:
    out = tmp_path / "reports"
    shutil.copytree(built_pair, out)
    before = tree(out)
    monkeypatch.setenv("NEREPORT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    result = build(single(), out_dir=out, force=True)
    assert not result.ok
    detail = result.outcomes[0].detail
    assert "policy/jilin" in detail and "Chromium is needed to print PDFs" in detail, detail
    assert "NEREPORT_CHROMIUM" in detail and "previous outputs kept" in detail
    after = tree(out)
    for name in ("policy/jilin.html", "policy/jilin.pdf", "policy/jilin.ipynb"):
        assert after[name] == before[name]
    assert read_manifest(out)["reports"]["policy/jilin"]["status"] == "failed"


# -- interruption: kill at random points of a build -------------------------------------------


def orphaned_temp_dirs(
    *folders: Path, since: set[Path] = frozenset(), owners: set[int] | None = None
) -> list[Path]:
    """nereport's per-process folders whose process is gone (not those in ``since``: made
    before, maybe by another build on this machine; with ``owners``, only those made by one
    of these processes)."""
    found = []
    for path in (p for folder in folders for p in folder.glob("nereport-*-*-*")):
        pid = path.name.split("-")[2]
        stat = Path(f"/proc/{pid}/stat")
        if (
            path not in since
            and pid.isdigit()
            and (owners is None or int(pid) in owners)
            and (not stat.exists() or stat.read_text().split(")")[-1].split()[0] == "Z")
        ):
            found.append(path)
    return found


@pytest.mark.slow
def test_random_interruptions_at_every_stage_of_a_build(tmp_path: Path, built: Path) -> None:
    matrix = tmp_path / "matrix.toml"
    # Three reports: both workers busy and one report waiting, as in any larger build (the
    # shortest reports: the stages of a build are the same for all, and it is run eight times).
    matrix.write_text(
        'topics = ["policy"]\nregions = ["jilin", "liaoning", "heilongjiang"]\nlangs = ["en"]\n'
    )
    # A TMPDIR too long for Unix socket paths (kernels and Chromium need one): nereport then
    # makes their folders in /tmp.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    marker = f"nereport-interrupt-test-{os.getpid()}"
    # The run's shared chart cache (tests/conftest.py): its entries are written whole, under a
    # temporary name, so a killed build leaves none half-written for the others.
    env = {"TMPDIR": str(scratch), "NEREPORT_TEST_MARKER": marker}
    # The run's matrix (``built``) drew these reports' charts: the reference build below runs
    # with the cache warm, as the interrupted ones do, and its length spreads their kill points.
    reference = tmp_path / "reference"
    started = time.monotonic()
    assert (
        run_cli("build", "--matrix", str(matrix), "--out", str(reference), env=env).returncode == 0
    )
    length = time.monotonic() - started
    expected = tree(reference)
    # Kill points spread over a whole build (start-up, planning, running, printing, storing):
    # one random point in each of `trials` equal slices of a warm build's time, in random
    # order, each signal as often as the others. Stratified, no stage of the build goes
    # untried, as it can with as many uniform draws.
    # Each signal once here: tests/build/test_engine.py kills a build with each at a fixed point.
    trials = 3
    rng = random.Random(7)
    delays = [0.2 + (i + rng.random()) * (length - 0.2) / trials for i in range(trials)]
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL] * (trials // 3)
    rng.shuffle(delays)
    rng.shuffle(signals)
    out = tmp_path / "reports"
    for trial, (delay, sig) in enumerate(zip(delays, signals, strict=True)):
        if trial % 2 == 0:
            shutil.rmtree(out, ignore_errors=True)  # the next build must finish the job
        args = ["build", "--matrix", str(matrix), "--out", str(out)]
        before = set(Path("/tmp").glob("nereport-*-*-*"))
        if trial % 2:
            args.append("--force")  # rewrite outputs that are already there
        proc = subprocess.Popen(
            [sys.executable, "-m", "nereport.cli", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **env},
            start_new_session=True,
        )
        time.sleep(delay)
        # This build's processes: the folders in /tmp of another test's killed build, running
        # beside this one (pytest-xdist), are not this build's to clean.
        ours = {proc.pid, *marked(marker)}
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=60)

        if b"building" in err:  # past Python's start-up, where Ctrl-C prints a traceback
            assert b"Traceback" not in err, (trial, sig, err.decode())
        folders = (scratch, Path("/tmp"))
        if sig != signal.SIGKILL:  # a build that can clean up leaves nothing to clean
            assert orphaned_temp_dirs(*folders, since=before, owners=ours) == [], (trial, sig)
        time.sleep(0.3)
        for entry in read_manifest(out)["reports"].values():  # whatever is listed is whole
            for o in entry.get("outputs", {}).values():
                assert hashlib.sha256((out / o["path"]).read_bytes()).hexdigest() == o["sha256"]
        deadline = time.monotonic() + 10  # killed processes may take a moment to go
        while marked(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marked(marker) == [], "a kernel or Chromium of the build outlived it"
        done = run_cli(*args[:5], env=env, timeout=300)  # same build, without --force
        assert done.returncode == 0, (trial, sig, done.stderr)
        assert "waiting" not in done.stderr, "a stale lock blocked the next build"
        assert tree(out) == expected, (trial, sig)
        # What the killed build left in the temporary folders went with the next build.
        assert orphaned_temp_dirs(*folders, since=before, owners=ours) == [], (trial, sig)


# -- hostile content ---------------------------------------------------------------------------

PROGRAMMES = "amur_atlas/policy_programmes.csv"
MILESTONES = "policy_documents/policy_milestones.csv"
IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=2</script>"


@pytest.mark.slow
def test_html_and_script_in_the_data_stay_inert_text(tmp_path, raw_copy, browser) -> None:
    raw_copy.edit(
        PROGRAMMES,
        lambda t: t.replace(
            "Jilin's revitalization centres", f"{IMG} {SCRIPT} Jilin's revitalization centres"
        ),
    )
    raw_copy.edit(
        MILESTONES,
        lambda t: t.replace(
            "State Council meeting on reviving Northeast China",
            f"State Council meeting {SCRIPT} on reviving {IMG} Northeast China",
        ),
    )
    out = tmp_path / "reports"
    assert build(single(), out_dir=out).ok
    html = (out / "policy/jilin.html").read_text()
    assert "<img src=x onerror" not in html and "&lt;img src=x onerror" in html
    pdf_text = subprocess.run(
        ["pdftotext", out / "policy/jilin.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "onerror=window.__pwned=1" in pdf_text  # printed as text
    page = browser.new_page()
    requests, dialogs = offline(page, ("file:", "data:")), []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((out / "policy/jilin.html").as_uri())
    page.wait_for_selector(".nr-chart svg g.mark-symbol path")
    body = page.inner_text("body")
    assert IMG in body and SCRIPT in body  # shown as text in the table
    # the tooltip of the hostile milestone shows it as text too
    shown = ""
    for point in page.query_selector_all(".nr-chart svg g.mark-symbol path"):
        # Events a few days apart overlap on the chart: point at each mark itself, as the
        # pointer would on a wider chart, so Vega picks that mark for the tooltip.
        point.dispatch_event("pointermove")
        point.dispatch_event("mousemove")
        tip = page.query_selector("#vg-tooltip-element")
        if tip and "reviving" in tip.inner_text():
            shown = tip.inner_text()
            assert page.query_selector_all("#vg-tooltip-element img") == []
            break
    assert SCRIPT in shown
    # the Content-Security-Policy forbids the network even to a script on the page
    blocked = page.evaluate("fetch('http://127.0.0.1:9/').then(() => 'loaded', () => 'blocked')")
    assert blocked == "blocked"
    assert page.evaluate("window.__pwned") is None and dialogs == [] and requests == []
    page.close()


@pytest.mark.slow
def test_building_needs_no_network_at_all(tmp_path: Path) -> None:
    """In a network namespace of its own, with not even loopback up."""
    out = tmp_path / "reports"
    code = (
        f"{sys.executable} -m nereport.cli build --report policy --param region=jilin --out {out}"
    )
    result = subprocess.run(
        ["unshare", "-n", "sh", "-c", f"ip -brief link; {code}"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NEREPORT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert "lo               DOWN" in result.stdout
    assert result.returncode == 0, result.stderr
    assert (
        json.loads((out / "manifest.json").read_text())["reports"]["policy/jilin"]["status"] == "ok"
    )


# -- Dask: plain workers, and no more workers than reports -----------------------------------


@pytest.mark.slow
def test_plain_dask_workers_without_a_kernel_resource_build(tmp_path: Path) -> None:
    """A cluster of plain workers (no ``--resources kernel=1``, as a managed cluster may
    allow): refused before; now each worker process builds one report at a time (its
    plugin's lock), even with two threads."""
    import logging

    from distributed import LocalCluster

    from helpers import report

    reports = [report("policy"), report("policy", lang="zh")]
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as plain:
        result = build(reports, out_dir=tmp_path / "out", scheduler=plain.scheduler_address)
    assert [o.status for o in result.outcomes] == ["built", "built"], result.outcomes
    runs = json.loads((tmp_path / "out" / "runs.json").read_text())
    assert len({r["worker"] for r in runs.values()}) == 1  # the one worker built both


@pytest.mark.slow
def test_a_local_cluster_has_no_more_workers_than_reports(monkeypatch) -> None:
    from nereport.build.cluster import RESOURCE, Cluster

    # A LocalCluster's nannies run in this process and write Dask's pre-spawn variables into
    # its environment: one started by another test with Dask's defaults left the trim here.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    cluster = Cluster("local", jobs=6)
    try:
        client = cluster.start(reports=1)
        assert len(cluster.workers()) == 1  # one Chromium and one kernel template, not six
        assert cluster.resources == {RESOURCE: 1}  # its own workers declare the resource
        # Dask's nanny would start the workers, and the kernels forked below them, with
        # MALLOC_TRIM_THRESHOLD_=65536: the 30 reports took 7 % longer with it
        trim = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        assert list(trim.values()) == [None]
    finally:
        cluster.close()


# -- time zone and locale: the same bytes wherever and whenever a report is built -----------


@pytest.mark.slow
def test_the_same_report_is_byte_identical_in_any_time_zone_and_locale(tmp_path: Path) -> None:
    """F4: policy/jilin (its timeline has a time axis) built under three time zones and two
    locales (C.UTF-8 and zh_CN.UTF-8 with LANGUAGE=zh_CN: the only locale installed here is
    C.UTF-8, so the second exercises what reads LANG/LANGUAGE): twice with a fresh chart
    cache, and once with the cache another time zone filled."""
    shared = tmp_path / "shared-cache"
    runs = [
        ("UTC", "C.UTF-8", shared),
        ("Asia/Shanghai", "zh_CN.UTF-8", tmp_path / "cache-shanghai"),
        ("America/Los_Angeles", "zh_CN.UTF-8", shared),  # what UTC left in the cache
    ]
    trees = []
    for n, (zone, lang, cache) in enumerate(runs):
        out = tmp_path / f"out{n}"
        env = {"TZ": zone, "LANG": lang, "NEREPORT_CACHE_DIR": str(cache)}
        if lang.startswith("zh"):
            env["LANGUAGE"] = "zh_CN:zh"
        done = run_cli(
            "build", "--report", "policy", "--param", "region=jilin", "--out", str(out), env=env
        )
        assert done.returncode == 0, done.stderr
        trees.append(tree(out))
    assert {"policy/jilin.html", "policy/jilin.pdf", "policy/jilin.ipynb"} <= set(trees[0])
    for other in trees[1:]:
        assert other == trees[0]


READ_DATES = """() => [...document.querySelectorAll('.nr-chart svg')].flatMap(svg => [
    ...[...svg.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')),
    ...[...svg.querySelectorAll('.role-axis-label text, .role-mark text')].map(e => e.textContent)])"""


@pytest.mark.slow
def test_a_reader_west_of_utc_reads_the_same_dates(built: Path, browser) -> None:
    """F4 in the browser: the interactive report opened under America/Los_Angeles shows the
    same axis labels, mark labels and chart descriptions as under UTC (a local-time axis put a
    2003-10-05 event on Oct 4 and years on the day before)."""
    from helpers import wait_for_charts

    seen = {}
    for zone in ("UTC", "America/Los_Angeles"):
        context = browser.new_context(timezone_id=zone)
        page = context.new_page()
        page.goto((built / "policy" / "jilin.html").as_uri())
        wait_for_charts(page)
        assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == zone
        seen[zone] = page.evaluate(READ_DATES)
        context.close()
    assert any("2003" in text for text in seen["UTC"])  # the timeline's dates are read
    assert seen["America/Los_Angeles"] == seen["UTC"]
