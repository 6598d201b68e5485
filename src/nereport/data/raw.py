"""Raw files: the checksum manifest (``data/raw/SHA256SUMS``) and verification. No pandas,
so the build engine can hash raw files without importing it."""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from nereport.errors import ChecksumMismatchError, RawFileMissingError
from nereport.paths import RACY_NS, raw_dir, sha256_file

if TYPE_CHECKING:
    from nereport.data.declarations import Dataset

CHECKSUMS = "SHA256SUMS"


def file_hashes(files: list[str]) -> dict[str, str]:
    """Current sha256 of raw files (paths relative to ``data/raw``); "missing" for a gone one."""
    root = raw_dir()
    return {rel: _hash_or_missing(root / rel) for rel in files}


def _hash_or_missing(path: Path) -> str:
    try:
        return sha256_file(path)
    except OSError:  # gone, a folder, a symbolic link loop, unreadable: not the recorded bytes
        return "missing"


def recorded_checksums() -> dict[str, str]:
    """The ``sha256sum``-format manifest written by ``scripts/compile_raw.py``: read and checked
    once while the file keeps its size, modification time and inode (a report loads datasets
    hundreds of times; an edited manifest is read again)."""
    path = raw_dir() / CHECKSUMS
    try:
        stat = path.stat()
    except OSError:
        stat = None
    if stat is None or not path.is_file():
        raise RawFileMissingError(f"{path}: checksum manifest missing; run `make raw`.")
    key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
    # A file changed in the last seconds could change again within one tick of the file
    # system's clock, at the same size: it is read again each time (git's "racy" rule).
    if time.time_ns() - stat.st_mtime_ns <= RACY_NS:
        return dict(_parsed.__wrapped__(*key))
    return dict(_parsed(*key))


_DIGEST = re.compile(r"[0-9a-f]{64}")


@functools.lru_cache(maxsize=8)
def _parsed(where: str, size: int, mtime_ns: int, inode: int) -> tuple[tuple[str, str], ...]:
    path = Path(where)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecksumMismatchError(f"{path}: cannot be read ({exc}); run `make raw`.") from None
    recorded = {}
    for number, line in enumerate(lines, start=1):
        digest, _, name = line.partition(" ")
        if not line.strip():
            continue
        if not _DIGEST.fullmatch(digest) or not (name := name.strip().lstrip("*")):
            raise ChecksumMismatchError(
                f"{path}, line {number}: {line[:80]!r} is not '<sha256 in hex>  <file>' "
                "(the sha256sum format): restore it with `git checkout data/raw/SHA256SUMS`."
            )
        recorded[name] = digest
    return tuple(recorded.items())


def verify_raw(ds: Dataset) -> dict[str, str]:
    """Check every raw file of ``ds`` exists and has its recorded sha256; return
    ``{source_id: sha256}``."""
    recorded = recorded_checksums()
    files = ds.raw_files()
    current = file_hashes(list(files.values()))
    missing = [rel for rel, digest in current.items() if digest == "missing"]
    if missing:
        raise RawFileMissingError(
            f"dataset '{ds.name}': raw file(s) missing or unreadable under {raw_dir()}: "
            f"{', '.join(missing)}. "
            "Restore them with `git checkout data/raw` (or `make raw` to compile them again)."
        )
    changed = [
        f"{rel}: sha256 {digest[:12]}…, recorded {(recorded.get(rel) or 'nothing')[:12]}…"
        for rel, digest in current.items()
        if recorded.get(rel) != digest
    ]
    if changed:
        raise ChecksumMismatchError(
            f"dataset '{ds.name}': raw file(s) changed since their checksums were recorded:\n  "
            + "\n  ".join(changed)
            + "\nRaw data is read-only: restore it with `git checkout data/raw`, or, if the "
            "change is a deliberate new compilation, run `make raw` to record new checksums."
        )
    return {source: current[rel] for source, rel in files.items()}
