"""The cache key: each of its five parts, changed alone, is the reason a dry run gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import NOTEBOOK_DIR, report
from nereport.build import plan
from nereport.build.engine import build
from nereport.build.plan import MANIFEST, inputs_of


def _recorded_as_built(out: Path, rep, datasets: dict) -> None:
    """A manifest entry saying ``rep`` was built from today's inputs (no outputs to check)."""
    entry = {"status": "ok", "params": rep.params, "outputs": {}, "inputs": {"datasets": datasets}}
    entry["inputs"] = inputs_of(rep, entry, plan.library_revision(), plan.environment_hash())
    manifest = {"reports": {rep.id: entry}}
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _dry_run_reason(rep, out: Path) -> str:
    [outcome] = build([rep], out_dir=out, dry_run=True).outcomes
    return outcome.detail if outcome.status == "would build" else outcome.status


@pytest.fixture()
def notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, folder)
    return folder


def test_nothing_changed_is_up_to_date(tmp_path: Path) -> None:
    rep = report("policy")
    _recorded_as_built(tmp_path, rep, {})
    assert _dry_run_reason(rep, tmp_path) == "up to date"


def test_a_changed_notebook(tmp_path: Path, notebooks: Path) -> None:
    rep = report("policy", notebook_dir=notebooks)
    _recorded_as_built(tmp_path / "out", rep, {})
    nb = json.loads((notebooks / "policy.ipynb").read_text())
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "One more line."})
    (notebooks / "policy.ipynb").write_text(json.dumps(nb))
    assert _dry_run_reason(rep, tmp_path / "out") == "notebook changed"


def test_changed_parameters(tmp_path: Path) -> None:
    rep = report("policy")
    _recorded_as_built(tmp_path, rep, {})
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["reports"][rep.id]["inputs"]["params"]["start_year"] = 2003
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    assert _dry_run_reason(rep, tmp_path) == "params changed"


def test_changed_data(tmp_path: Path, raw_copy) -> None:
    rep = report("policy")
    recorded = {
        "policy_milestones": {
            "policy_documents": {
                "file": "policy_documents/policy_milestones.csv",
                "sha256": "0" * 64,
            }
        }
    }
    from nereport.data import provenance

    _recorded_as_built(tmp_path, rep, provenance.current(recorded))
    raw_copy.edit("policy_documents/policy_milestones.csv", lambda t: t + "\n")
    assert _dry_run_reason(rep, tmp_path) == "data changed: policy_milestones"


def test_a_changed_library(tmp_path: Path, monkeypatch) -> None:
    rep = report("policy")
    _recorded_as_built(tmp_path, rep, {})
    monkeypatch.setattr(plan, "library_revision", lambda: "another library")
    assert _dry_run_reason(rep, tmp_path) == "library changed"


def test_a_changed_environment(tmp_path: Path, monkeypatch) -> None:
    rep = report("policy")
    _recorded_as_built(tmp_path, rep, {})
    monkeypatch.setattr(plan, "environment_hash", lambda: "another environment")
    assert _dry_run_reason(rep, tmp_path) == "environment changed"


def test_never_built_and_failed_reports_are_built(tmp_path: Path) -> None:
    rep = report("policy")
    assert _dry_run_reason(rep, tmp_path) == "never built"
    failed = {"status": "failed", "params": rep.params, "outputs": {}, "inputs": {"datasets": {}}}
    (tmp_path / MANIFEST).write_text(json.dumps({"reports": {rep.id: failed}}))
    assert _dry_run_reason(rep, tmp_path) == "last build failed"


def test_a_modified_output_is_rebuilt(tmp_path: Path) -> None:
    rep = report("policy")
    _recorded_as_built(tmp_path, rep, {})
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "jilin.html").write_text("edited by hand")
    outputs = {"html": {"path": "policy/jilin.html", "sha256": "0" * 64}}
    manifest["reports"][rep.id]["outputs"] = outputs
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    assert _dry_run_reason(rep, tmp_path) == "html output missing or modified"


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    build([report("policy")], out_dir=tmp_path / "out", dry_run=True)
    assert not (tmp_path / "out").exists()


def test_file_digests_are_remembered_by_size_times_and_inode(tmp_path: Path) -> None:
    """A no-op build hashes no file: a digest is taken from the store while the file's size,
    times and inode are those it was hashed with; a file changed since is hashed again; a
    file changed in the last seconds is not remembered (it could change again unseen)."""
    import hashlib
    import os
    import time

    from nereport.paths import remembered_digests, sha256_file

    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    old = time.time_ns() - 60 * 10**9
    f, store = tmp_path / "a.csv", tmp_path / "digests.json"
    f.write_bytes(b"one")
    os.utime(f, ns=(old, old))
    with remembered_digests(store):
        assert sha256_file(f) == sha(b"one")
    remembered = json.loads(store.read_bytes())
    assert remembered[str(f)][4] == sha(b"one")
    # The store answers without reading the file: a planted digest comes back.
    remembered[str(f)][4] = "0" * 64
    store.write_text(json.dumps(remembered))
    with remembered_digests(store):
        assert sha256_file(f) == "0" * 64
    # Same size, new content and times: hashed again.
    f.write_bytes(b"two")
    os.utime(f, ns=(old + 10**9, old + 10**9))
    with remembered_digests(store):
        assert sha256_file(f) == sha(b"two")
    assert json.loads(store.read_bytes())[str(f)][4] == sha(b"two")
    fresh = tmp_path / "fresh.csv"
    fresh.write_bytes(b"new")
    with remembered_digests(store):
        assert sha256_file(fresh) == sha(b"new")
    assert str(fresh) not in json.loads(store.read_bytes())


def test_files_a_build_wrote_are_remembered_unless_written_just_before_the_save(
    tmp_path: Path,
) -> None:
    """The outputs a build writes are remembered with the digest of what was written, so the
    next build does not read them back; one written in the 2 s before the store is saved is
    left out; one changed after it was written is hashed again."""
    import os
    import time

    from nereport.paths import remember, remembered_digests, sha256_file

    store = tmp_path / "digests.json"
    old, fresh = tmp_path / "old.html", tmp_path / "fresh.html"
    with remembered_digests(store):
        for f in (old, fresh):
            f.write_bytes(b"page")
            remember(f, "1" * 64)  # not the bytes' digest: shows where the answer came from
        then = time.time_ns() - 60 * 10**9
        os.utime(old, ns=(then, then))  # as if written a minute before the save
        remember(old, "1" * 64)
    remembered = json.loads(store.read_bytes())
    assert remembered[str(old)][4] == "1" * 64
    assert str(fresh) not in remembered
    with remembered_digests(store):
        assert sha256_file(old) == "1" * 64  # not read back
    old.write_bytes(b"edit")
    with remembered_digests(store):
        assert sha256_file(old) != "1" * 64  # changed since: read again
