"""Where nereport's files are (in a checkout or an installed wheel), how they are written (to a
temporary file in the same folder first, then renamed, so nothing is ever half-written), and
how they are hashed (the one sha256 implementation of the project)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def checkout_dir() -> Path | None:
    """The project checkout this package runs from (editable install), or None for a wheel
    (looked up once per process: the package does not move while it runs)."""
    root = PACKAGE_DIR.parents[1]
    return root if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir() else None


def _project_or_shipped(name: str) -> Path:
    root = checkout_dir()
    return root / name if root else PACKAGE_DIR / f"_{name}"


def data_dir() -> Path:
    """``$NEREPORT_DATA_DIR``, else the checkout's ``data/``, else the copy shipped in the wheel."""
    if env := os.environ.get("NEREPORT_DATA_DIR"):
        if not os.path.isdir(env):
            from nereport.errors import InputError

            raise InputError(
                f"NEREPORT_DATA_DIR={env!r} is not a folder: it must name a folder holding "
                "raw/ (a copy of the checkout's data/), or be unset"
            )
        return Path(env)
    return _project_or_shipped("data")


def raw_dir() -> Path:
    return data_dir() / "raw"


def notebook_dir() -> Path:
    """The report notebooks: the checkout's ``notebooks/``, else the copy shipped in the wheel."""
    return _project_or_shipped("notebooks")


def runtime_lock() -> Path | None:
    """The locked runtime requirements (``requirements/runtime.txt``) of a checkout."""
    root = checkout_dir()
    lock = root / "requirements" / "runtime.txt" if root else None
    return lock if lock and lock.is_file() else None


def cache_dir() -> Path:
    if env := os.environ.get("NEREPORT_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nereport"


def write_files_atomic(files: dict[Path, bytes]) -> None:
    """Write several files as one change: every file goes to a temporary file first, and only
    when all are written are they renamed into place. If any write fails (a full disk, a
    read-only folder), the temporary files are removed and the old files stay as they were."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Never leaves a half-written ``path``: readers see the old file or the new one."""
    write_files_atomic({path: data})


def sha256_file(path: Path) -> str:
    """sha256 of a file, hashed once per process while its size, mtime and inode stay the same
    (a report loads the same dataset many times); inside :func:`remembered_digests`, once
    while its size, times and inode stay the same."""
    stat = path.stat()
    if _remembered is None:
        return _digest(str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    key = os.path.abspath(path)
    seen = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
    _used.add(key)
    entry = _remembered.get(key)
    if entry and entry[:4] == seen:
        return entry[4]
    digest = _digest(key, stat.st_size, stat.st_mtime_ns, stat.st_ino)
    # A file changed in the last seconds could change again within the same clock tick with
    # the same size: it is hashed again next time (git's "racy" rule).
    if time.time_ns() - stat.st_mtime_ns > RACY_NS:
        _remembered[key] = [*seen, digest]
    return digest


def remember(path: Path, digest: str) -> None:
    """Inside :func:`remembered_digests`: ``digest`` is the sha256 of what this process has just
    written to ``path``, so the next build need not read the file back (git records the files
    it checks out the same way). Like any remembered file, it is trusted while its size, times
    and inode stay the same; one written less than 2 s before the store is saved is not kept
    (a change within its clock tick could leave its times as they were)."""
    if _remembered is None:
        return
    try:
        stat = path.stat()
    except OSError:
        return  # read back next time
    key = os.path.abspath(path)
    _used.add(key)
    _remembered[key] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, digest]


_remembered: dict[str, list] | None = None
_used: set[str] = set()
RACY_NS = 2_000_000_000
_KEPT = 4096  # files remembered; beyond, only those of the last build


@contextlib.contextmanager
def remembered_digests(store: Path) -> Iterator[None]:
    """Remember the sha256 of files on disk, in ``store``, by their size, modification and
    change times and inode, as git's index does: a build that finds nothing changed hashes
    no file. A store that cannot be read or written costs time only."""
    import orjson

    global _remembered
    try:
        loaded = orjson.loads(store.read_bytes())
        _remembered = loaded if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        _remembered = {}
    before = dict(_remembered)
    try:
        yield
    finally:
        remembered, _remembered = _remembered, None
        saved = time.time_ns()
        remembered = {k: v for k, v in remembered.items() if saved - v[1] > RACY_NS}
        if len(remembered) > _KEPT:
            remembered = {k: v for k, v in remembered.items() if k in _used}
        _used.clear()
        if remembered != before:
            with contextlib.suppress(OSError):
                write_atomic(store, orjson.dumps(remembered))


@cache
def _digest(path: str, size: int, mtime_ns: int, inode: int) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
