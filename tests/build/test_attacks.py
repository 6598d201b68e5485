"""The failures an attack on the build found (issue 28, F1-F15), each refused or handled at its
root. The fast ones are here; those that need a built report are in e2e/test_hardening.py."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest

from helpers import NOTEBOOK_DIR, report, svg_in_own_process
from nereport.build import plan, safety
from nereport.build.engine import build, check_out_dir
from nereport.build.execute import prepare
from nereport.build.matrix import matrix
from nereport.build.plan import inputs_of, read_manifest
from nereport.cli import main
from nereport.data.raw import file_hashes, recorded_checksums
from nereport.errors import BuildError, ChecksumMismatchError, InputError, NereportError


# F2: the build deletes only files it wrote, and writes only into a folder of its own.
def test_only_the_builds_own_temporaries_are_swept(tmp_path: Path) -> None:
    (tmp_path / "economy").mkdir()
    (tmp_path / "projects" / "thesis").mkdir(parents=True)
    ours = tmp_path / "economy" / ".jilin.html.k2x_9ab1.tmp"
    theirs = [
        tmp_path / "projects" / "thesis" / ".chapter1.tmp",
        tmp_path / "projects" / "thesis" / ".jilin.html.k2x_9ab1.tmp",  # not where it writes
        tmp_path / "economy" / ".notes.tmp",
        tmp_path / ".draft.txt.abc.tmp",
    ]
    for path in [ours, *theirs]:
        path.write_text("x")
    assert safety.remove_stale_temporaries(tmp_path, ["economy"]) == [ours]
    assert all(path.exists() for path in theirs)


def test_a_folder_that_is_not_an_output_folder_is_refused(tmp_path: Path, capsys) -> None:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".chapter1.tmp").write_text("mine")
    with pytest.raises(InputError, match=r"project is not empty and is not a nereport output"):
        check_out_dir(project)
    assert main(["build", "--report", "policy", "--out", str(project)]) == 2
    assert "not a nereport output folder" in capsys.readouterr().err
    assert sorted(p.name for p in project.iterdir()) == [".chapter1.tmp", ".git"]
    for fine in (tmp_path / "new", tmp_path / "empty", tmp_path / "kept", tmp_path / "ours"):
        fine.mkdir() if fine.name != "new" else None
    (tmp_path / "kept" / ".gitkeep").write_text("")
    (tmp_path / "ours" / "manifest.json").write_text("{}")
    for fine in ("new", "empty", "kept", "ours"):
        check_out_dir(tmp_path / fine)


def test_an_empty_out_is_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--report", "policy", "--out", ""]) == 2
    assert "--out: '' names no folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# F10: nothing follows a symbolic link where the build writes.
def test_a_lock_that_is_a_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / safety.LOCK).symlink_to(victim)
    with pytest.raises(BuildError, match="is a symbolic link"):
        with safety.build_lock(out, print):
            pass
    assert victim.read_text() == "precious"


# F14: deleting the output folder during a build does not drop its lock.
def test_deleting_the_output_folder_keeps_the_lock(tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "out"
    said: list[str] = []
    entered = threading.Event()

    def second() -> None:
        with safety.build_lock(out, said.append):
            entered.set()

    with safety.build_lock(out, said.append):
        shutil.rmtree(out)
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.5)
        assert not entered.is_set()
        assert said and "being built by another nereport process" in said[0]
    thread.join(5)
    assert entered.is_set()


@pytest.fixture()
def notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, folder)
    return folder


def _untag_parameters(notebook: Path) -> None:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if "parameters" in tags:
            tags.remove("parameters")
    notebook.write_text(json.dumps(nb), encoding="utf-8")


# F1: a notebook whose parameters cell lost its tag is refused, never built with its defaults.
def test_a_notebook_without_a_parameters_cell_is_refused(tmp_path: Path, notebooks) -> None:
    _untag_parameters(notebooks / "policy.ipynb")
    out = tmp_path / "out"
    result = build([report("policy", notebook_dir=notebooks)], out_dir=out)
    [outcome] = result.outcomes
    assert not result.ok and outcome.status == "failed"
    assert "policy.ipynb: no code cell is tagged 'parameters'" in outcome.detail
    assert not (out / "policy" / "jilin.html").exists()
    with pytest.raises(InputError, match="no cell tagged 'parameters'"):
        prepare(nbformat.read(notebooks / "policy.ipynb", as_version=4), {"region": "jilin"})


# F5: a broken input fails the reports that read it, and no other; never a traceback.
@pytest.mark.parametrize("damage", ["missing", "not json", "untagged"])
def test_a_broken_notebook_fails_only_its_report(tmp_path: Path, notebooks, damage) -> None:
    bad = notebooks / "policy.ipynb"
    if damage == "missing":
        bad.unlink()
    elif damage == "not json":
        bad.write_text('{"cells": [', encoding="utf-8")
    else:
        _untag_parameters(bad)
    reports = [report("policy", notebook_dir=notebooks), report("economy", notebook_dir=notebooks)]
    outcomes = {o.id: o for o in build(reports, out_dir=tmp_path / "out", dry_run=True).outcomes}
    assert outcomes["economy/jilin"].status == "would build"
    assert outcomes["policy/jilin"].status == "failed"
    assert str(bad) in outcomes["policy/jilin"].detail


def test_a_symlink_loop_in_raw_is_a_missing_file_not_a_traceback(raw_copy) -> None:
    loop = raw_copy.path("loop.csv")
    loop.symlink_to(loop)
    assert file_hashes(["loop.csv"]) == {"loop.csv": "missing"}


def test_a_malformed_checksum_line_is_named(raw_copy) -> None:
    from nereport import data

    sums = raw_copy.path("SHA256SUMS")
    sums.write_text(sums.read_text() + "not-a-digest\n")
    line = len(sums.read_text().splitlines())
    with pytest.raises(ChecksumMismatchError, match=rf"SHA256SUMS, line {line}: 'not-a-digest'"):
        recorded_checksums()
    with pytest.raises(NereportError):
        data.check("economy_gdp")


# F6: a year in other digits, or with two signs, is a parameter error (exit 2), not a crash.
@pytest.mark.parametrize("value", ["--2005", "²⁰⁰⁵", "٢٠٠٥", "+-2005", "2005-"])
def test_odd_digits_in_a_year_are_refused(capsys, value: str) -> None:
    argv = ["build", "--report", "policy", "--param", f"start_year={value}", "--dry-run"]
    assert main(argv) == 2
    assert "parameter 'start_year'" in capsys.readouterr().err


# F9: a hand-edited manifest is read entry by entry: a bad entry is rebuilt, never trusted.
@pytest.mark.parametrize(
    "entry",
    [
        "a string",
        {"status": "ok"},
        {"status": "ok", "params": {}, "inputs": {"datasets": {}}, "outputs": {"x": {}}},
        {"status": "failed", "inputs": {"datasets": {}}, "outputs": {}},  # no params
    ],
)
def test_a_malformed_manifest_entry_is_rebuilt(tmp_path: Path, entry) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"reports": {"policy/jilin": entry}}))
    assert read_manifest(out) == {"reports": {}}
    [outcome] = build([report("policy")], out_dir=out, dry_run=True).outcomes
    assert (outcome.status, outcome.detail) == ("would build", "never built")


def test_an_output_path_outside_the_report_is_never_trusted(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "out"
    rep = report("policy")
    target = Path("/etc/hostname")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    entry = {"status": "ok", "params": rep.params, "inputs": {"datasets": {}}}
    entry["inputs"] = inputs_of(rep, entry, plan.library_revision(), plan.environment_hash())
    entry["outputs"] = {
        kind: {"path": f"../../../../../../../..{target}", "sha256": digest}
        for kind in ("ipynb", "html", "pdf")
    }
    out.mkdir(parents=True)
    (out / "manifest.json").write_text(json.dumps({"reports": {rep.id: entry}}))
    [outcome] = build([rep], out_dir=out, dry_run=True).outcomes
    assert outcome.status == "would build"


POP = "nbs_population_census7/economy_population.csv"


# F8: an infinite number is not a value; a report would say "∞ trillion yuan".
@pytest.mark.parametrize("value", ["inf", "-Infinity", "1e999"])
def test_an_infinite_value_fails_validation(raw_copy, value: str) -> None:
    import nereport

    path = raw_copy.edit(POP, lambda t: t.replace(",3666,", f",{value},", 1))
    line = next(i for i, x in enumerate(path.read_text().splitlines(), 1) if f",{value}," in x)
    with pytest.raises(nereport.InvalidDataError) as err:
        nereport.load("economy_population")
    assert f"{POP}, line {line}, column 'population_10k': not a finite number" in str(err.value)


# F13: a byte-order mark before the header is not part of the first column's name; the hint
# names folders that exist and never suggests what would overwrite a fix.
def test_a_byte_order_mark_in_a_raw_csv_is_read(raw_copy) -> None:
    import nereport

    before = nereport.load("economy_population")
    raw_copy.edit(POP, lambda t: "\ufeff" + t)
    assert nereport.load("economy_population").equals(before)


def test_the_data_hint_names_existing_folders() -> None:
    from nereport.errors import InvalidDataError
    from nereport.paths import PACKAGE_DIR

    hint = InvalidDataError.hint
    assert "src/nereport/data/datasets/" in hint and (PACKAGE_DIR / "data" / "datasets").is_dir()
    assert "git checkout data/raw" in hint
    assert "run `make raw`" not in hint


# F7: every bad input is exit 2 with a message naming the file, option or value.
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("regions = 5", "'regions' is 5; it must be a list of names"),
        ("params = 5", "'params' is 5; it must be a table"),
        ('topics = "policy"', "'topics' is 'policy'; it must be a list of names"),
        ("langs = [1]", "'langs' is [1]; it must be a list of names"),
        ('[params]\nstart_year = "abc"', "matrix.toml: parameter 'start_year': 'abc'"),
        ('topics = ["weather"]', "matrix.toml: unknown report 'weather'"),
    ],
)
def test_a_malformed_matrix_is_named(tmp_path: Path, capsys, text: str, message: str) -> None:
    path = tmp_path / "matrix.toml"
    path.write_text(text)
    assert main(["list", "--matrix", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_matrix_not_in_utf8_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "matrix.toml"
    path.write_bytes('regions = ["吉林"]'.encode("gb18030"))
    assert main(["list", "--matrix", str(path)]) == 2
    assert f"{path}: cannot read the report matrix" in capsys.readouterr().err


def test_a_matrix_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "matrix.toml"
    path.write_text('\ufefftopics = ["policy"]\nregions = ["jilin"]\nlangs = ["en"]\n')
    assert [r.id for r in matrix(path)] == ["policy/jilin"]


# F12: a report listed twice is built once.
def test_duplicates_in_the_matrix_are_planned_once(tmp_path: Path) -> None:
    path = tmp_path / "matrix.toml"
    topics = ", ".join(['"policy"'] * 5000 + ['"economy"'] * 5000)
    path.write_text(f'topics = [{topics}]\nregions = ["jilin", "jilin"]\nlangs = ["en", "en"]\n')
    assert [r.id for r in matrix(path)] == ["policy/jilin", "economy/jilin"]


@pytest.mark.parametrize("address", ["foo", "http://127.0.0.1:8786", "", "tcp://host", "local "])
def test_a_bad_scheduler_is_refused(tmp_path: Path, capsys, address: str) -> None:
    argv = ["build", "--report", "policy", "--out", str(tmp_path / "o"), "--scheduler", address]
    assert main(argv) == 2
    assert f"--scheduler: {address!r} is not a Dask scheduler address" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_data_dir_that_does_not_exist_is_named(monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEREPORT_DATA_DIR", "/nonexistent")
    assert main(["describe", "economy_gdp"]) == 2
    assert "NEREPORT_DATA_DIR='/nonexistent' is not a folder" in capsys.readouterr().err


def test_describe_into_a_read_only_folder_is_named(tmp_path: Path, capsys) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc/nereport-docs")  # root writes anywhere but here
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o555)
    assert main(["describe", "economy_gdp", "--output", str(folder)]) == 2
    assert f"describe --output: cannot write to {folder}" in capsys.readouterr().err


# F11: a cache entry whose bytes changed is never used.
def test_a_tampered_chart_in_the_cache_is_drawn_again(tmp_path: Path) -> None:
    def spec_to_svg(spec: dict) -> str:
        return svg_in_own_process(spec, {"NEREPORT_CACHE_DIR": str(tmp_path)})

    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"a": 1, "b": 2}]},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    svg = spec_to_svg(spec)
    [entry] = (tmp_path / "svg").iterdir()
    for tampered in (
        entry.read_bytes().replace(b"<svg", b"<svg data-tampered='1'"),
        b"<svg>tampered</svg>",
        b"",
    ):
        entry.write_bytes(tampered)
        assert spec_to_svg(spec) == svg
        assert b"tampered" not in entry.read_bytes()  # and the entry is made again


def test_a_build_after_vl_convert_ran_in_its_process_says_so_instead_of_hanging() -> None:
    # vl-convert's runtime threads do not survive a fork: a worker forked after it ran in the
    # building process hung in its first chart (a test suite's process, or a notebook that drew
    # a chart and then called build). Run in a process of its own.
    code = """
import sys
from nereport.build.engine import build
from nereport.build.matrix import matrix
from nereport.errors import BuildError
from nereport.report.render import spec_to_svg

spec_to_svg({"data": {"values": [{"a": 1}]}, "mark": "point",
             "encoding": {"x": {"field": "a", "type": "quantitative"}}})
try:
    build([r for r in matrix() if r.id == "policy/jilin"], out_dir=sys.argv[1], jobs=1)
except BuildError as exc:
    print(exc)
"""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, "-c", code, out], capture_output=True, text=True, timeout=120
        )
    assert "build from a fresh process" in done.stdout, done.stderr
