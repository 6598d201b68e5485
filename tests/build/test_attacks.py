"""The failures an attack on the build found (issue 28, F1-F15), each refused or handled at its
root. The fast ones are here; those that need a built report are in e2e/test_hardening.py."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from nereport.build import safety
from nereport.build.engine import check_out_dir
from nereport.cli import main
from nereport.errors import BuildError, InputError


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
