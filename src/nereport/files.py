"""Writing files safely: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """``$NEREPORT_DATA_DIR``, else the checkout's ``data/``, else the copy shipped in the wheel."""
    if env := os.environ.get("NEREPORT_DATA_DIR"):
        return Path(env)
    checkout = PACKAGE_DIR.parents[1] / "data"
    return checkout if checkout.is_dir() else PACKAGE_DIR / "_data"


def raw_dir() -> Path:
    return data_dir() / "raw"


def cache_dir() -> Path:
    if env := os.environ.get("NEREPORT_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nereport"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def remove_orphaned_temp_dirs() -> list[Path]:
    """Delete the folders of :func:`process_temp_dir` whose process no longer runs: what a
    killed build leaves (kernel sockets, Chromium's profile)."""
    removed = []
    for path in (p for base in _temp_bases() for p in Path(base).glob("nereport-*-*-*")):
        pid = path.name.split("-")[2]
        if pid.isdigit() and path.is_dir() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
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


def library_revision() -> str:
    """sha256 of the nereport library source: what made a report, derived from content."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".j2", ".json", ".css"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
