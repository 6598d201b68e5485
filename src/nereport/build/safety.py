"""Safety for builds: the output folder's lock, per-process temporary folders, the clean-up of
what a killed build leaves behind, and how interrupts reach the build."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from nereport.errors import BuildError

# What :func:`nereport.paths.write_files_atomic` names its temporary files: ``.<name>.<random>.tmp``
# beside ``<name>``, one of the files a build writes (a report's HTML, PDF or notebook, the index,
# the manifest, the run log).
_OUR_TEMPORARY = re.compile(r"\.[^/]+\.(?:html|pdf|ipynb|json)\.[A-Za-z0-9_]+\.tmp")


def remove_stale_temporaries(folder: Path, subfolders: Iterable[str] = ()) -> list[Path]:
    """Delete temporary files left by a build that was killed mid-write: only those named as
    the build names its own, only in ``folder`` and its ``subfolders`` (the report topics'
    folders, and theirs under ``_failed/``), never through a symbolic link. A user's
    ``.chapter1.tmp`` elsewhere in the tree is not the build's to delete."""
    places = [folder, *(folder / sub for sub in subfolders)]
    stale = []
    for place in places:
        if place.is_symlink() or not place.is_dir():
            continue
        stale += [
            p
            for p in sorted(place.glob(".*.tmp"))
            if _OUR_TEMPORARY.fullmatch(p.name) and p.is_file() and not p.is_symlink()
        ]
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
def build_lock(out_dir: Path, waiting: Callable[[str], None]) -> Iterator[list[int]]:
    """An exclusive lock on the output folder. The kernel drops it when the process ends, so a
    killed build never leaves a stale lock. ``waiting`` is told when another build holds it.

    Two locks are held: ``.nereport.lock`` in the folder (what other users' builds see) and
    one named after the folder's real path in a private folder of this user's (so that
    deleting the output folder during a build does not let a second build run beside it).
    Neither is opened through a symbolic link: a link planted as ``.nereport.lock`` would
    otherwise have the build truncate the file it points to."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        fds = [stack.enter_context(_flock(_path_lock(out_dir), out_dir, waiting))]
        fds.append(stack.enter_context(_flock(out_dir / LOCK, out_dir, waiting)))
        yield fds  # the files' descriptors, which forked workers close


def _path_lock(out_dir: Path) -> Path:
    """This user's lock file for the folder at ``out_dir``'s real path."""
    import hashlib

    base = Path(tempfile.gettempdir()) / f"nereport-locks-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        base.mkdir(mode=0o700)
    info = base.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise BuildError(
            f"{base} is not a folder of this user's: the build keeps its locks there; remove it"
        )
    digest = hashlib.sha256(os.fsencode(out_dir.resolve())).hexdigest()[:32]
    return base / f"{digest}.lock"


@contextlib.contextmanager
def _flock(path: Path, out_dir: Path, waiting: Callable[[str], None]) -> Iterator[int]:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise BuildError(
                f"{path} is a symbolic link: the build never writes through one. Remove it "
                "(another build recreates the lock file)."
            ) from None
        raise
    with os.fdopen(fd, "r+") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BuildError(f"{path} is not a regular file: remove it")
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
            with contextlib.suppress(OSError):  # the folder may be gone
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
