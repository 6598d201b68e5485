"""File safety: atomic group writes, the output folder's lock, what a killed build leaves."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from nereport.build import safety
from nereport.paths import write_files_atomic


def test_a_group_write_that_fails_leaves_the_old_files_and_no_temporary(tmp_path: Path) -> None:
    old = tmp_path / "a.html"
    old.write_bytes(b"old")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        write_files_atomic({old: b"new", blocked / "b.pdf": b"new"})
    assert old.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    (tmp_path / "economy").mkdir()
    stale = tmp_path / "economy" / ".jilin.html.abc.tmp"
    stale.write_text("half")
    kept = tmp_path / "economy" / "jilin.html"
    kept.write_text("whole")
    assert safety.remove_stale_temporaries(tmp_path, ["economy"]) == [stale]
    assert kept.exists() and not stale.exists()


def test_folders_of_dead_processes_are_removed_and_live_ones_kept(monkeypatch) -> None:
    tmp_path = Path(tempfile.mkdtemp(prefix="nrt", dir="/tmp"))  # short: sockets fit
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mine = Path(safety.process_temp_dir("kernels"))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / f"nereport-chromium-{dead.pid}-x1"
    orphan.mkdir()
    assert safety.remove_orphaned_temp_dirs() == [orphan]
    assert mine.is_dir() and mine.name.startswith(f"nereport-kernels-{os.getpid()}-")
    shutil.rmtree(tmp_path)


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    said: list[str] = []
    released = threading.Event()

    def second() -> None:
        with safety.build_lock(tmp_path, said.append):
            released.set()

    with safety.build_lock(tmp_path, said.append):
        assert (tmp_path / safety.LOCK).read_text() == str(os.getpid())
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        assert not released.is_set()
    thread.join(5)
    assert released.is_set()
    assert len(said) == 1 and f"pid {os.getpid()}" in said[0]


def test_a_dying_orphans_folder_is_removed_once_it_has_died(monkeypatch) -> None:
    """A kernel whose worker was just killed lives on for a moment (it dies with its template):
    the clean-up after an interrupt waits for it instead of leaving its folder behind."""
    tmp_path = Path(tempfile.mkdtemp(prefix="nrt", dir="/tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    # The parent exits at once; its child, orphaned, makes its folder and dies 0.5 s later.
    script = (
        "import os, sys, time\n"
        "if os.fork() == 0:\n"
        f"    os.mkdir('{tmp_path}/nereport-kernel-%d-x1' % os.getpid())\n"
        "    while os.getppid() != 1 and os.path.exists('/proc/%d' % os.getppid()):\n"
        "        time.sleep(0.01)\n"
        "    time.sleep(0.5)\n"
        "    os._exit(0)\n"
        "time.sleep(0.2)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    (folder,) = tmp_path.glob("nereport-kernel-*")
    assert safety.remove_orphaned_temp_dirs() == [] and folder.is_dir()  # still alive
    assert safety.remove_orphaned_temp_dirs(patience=5) == [folder] and not folder.exists()
    shutil.rmtree(tmp_path)
