"""Safety for builds: the output folder's lock, per-process temporary folders, the clean-up of
what a killed build leaves behind, and how interrupts reach the build."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files left by a writer that was killed mid-write."""
    stale = [p for p in folder.rglob(".*.tmp") if p.is_file()] if folder.is_dir() else []
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return stale


def _temp_bases() -> list[str]:
    """Where :func:`process_temp_dir` makes folders: the temporary folder, unless its path is
    too long for the Unix sockets made inside (107 bytes at most, the socket's name included),
    then /tmp."""
    base = tempfile.gettempdir()
    if len(base) <= 40 or not os.access("/tmp", os.W_OK):
        return [base]
    return ["/tmp", base]


def process_temp_dir(kind: str) -> str:
    """A new private folder for kernel sockets or Chromium, named after this process, so that
    :func:`remove_orphaned_temp_dirs` can tell when its owner is gone."""
    return tempfile.mkdtemp(prefix=f"nereport-{kind}-{os.getpid()}-", dir=_temp_bases()[0])


def remove_orphaned_temp_dirs(patience: float = 0.0) -> list[Path]:
    """Delete the folders of :func:`process_temp_dir` whose process no longer runs: what a
    killed build leaves (kernel sockets, Chromium's profile). With ``patience``, first wait up
    to that many seconds for owners that are orphaned, so dying: a kernel whose worker was
    just killed dies a moment later, with its template (PR_SET_PDEATHSIG)."""
    removed = []
    deadline = time.monotonic() + patience
    for path in (p for base in _temp_bases() for p in Path(base).glob("nereport-*-*-*")):
        pid = path.name.split("-")[2]
        if not pid.isdigit():
            continue
        while running(int(pid)) and _orphaned(int(pid)) and time.monotonic() < deadline:
            time.sleep(0.02)
        if path.is_dir() and not running(int(pid)):
            _remove(path)
            removed.append(path)
    return removed


def _orphaned(pid: int) -> bool:
    """Whether process ``pid`` has lost its parent (adopted by init)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            ppid = int(fh.read().rpartition(")")[2].split()[1])
    except (OSError, ValueError, IndexError):
        return False
    return ppid == 1 or not running(ppid)


def _remove(path: Path, attempts: int = 40) -> None:
    """Remove a folder whose owner is gone. A kernel of a worker killed a moment ago may still
    be starting (it dies with its template, milliseconds later) and add a socket file while
    the folder is removed: try again, for up to a second."""
    for _ in range(attempts):
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            return
        time.sleep(0.025)


def running(pid: int) -> bool:
    """Whether process ``pid`` runs: exists and is not a zombie (a killed build's processes
    stay zombies until init reaps them, which in some containers takes a while)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass
        return True


LOCK = ".nereport.lock"


@contextlib.contextmanager
def build_lock(out_dir: Path, waiting: Callable[[str], None]) -> Iterator[int]:
    """An exclusive lock on the output folder. The kernel drops it when the process ends, so a
    killed build never leaves a stale lock. ``waiting`` is told when another build holds it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            waiting(
                f"{out_dir} is being built by another nereport process (pid {holder}); "
                "waiting for it to finish..."
            )
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield fh.fileno()
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


# Signals that stop a build: Ctrl-C, ``kill``, a closed terminal. The ``nereport`` command turns
# each into KeyboardInterrupt in the main process (see :func:`interrupt_on_signals`).
INTERRUPTS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def interrupt_on_signals() -> None:
    """SIGTERM and SIGHUP end a build as Ctrl-C does (KeyboardInterrupt), so that it cleans
    up; by default they would end the process on the spot."""
    for sig in INTERRUPTS[1:]:
        signal.signal(sig, signal.default_int_handler)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold interrupts back while the block runs, then deliver the first one. For steps that
    must not be cut in half: forking the workers and recording them, renaming a report's
    files into place, cleaning up.

    Processes forked inside start with the interrupts blocked and the holding handler, so a
    signal that reaches them before they set up their own handling is harmless. Threads
    started inside (tqdm's monitor) keep them blocked for good: a signal taken by another
    thread would not wake the main thread from its wait for the workers, and the build
    would go on until the next report finished."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be changed in the main thread; it gets the signals
        return
    caught: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda signum, _: caught.append(signum)) for sig in INTERRUPTS
    }
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPTS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a pending one is caught now
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])
