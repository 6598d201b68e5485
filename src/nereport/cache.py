"""One small disk cache: a value made once, kept under ``cache_dir()/<kind>/`` and keyed by a
hash of everything it depends on, and checked against the sha256 it records of its bytes. A
cache that cannot be read or written, or whose entry changed, costs time only."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from nereport.paths import cache_dir, write_atomic


def _path(kind: str, key: Iterable[str], suffix: str) -> Path:
    digest = hashlib.sha256("\n".join(key).encode()).hexdigest()
    return cache_dir() / kind / f"{digest}{suffix}"


def is_cached(kind: str, key: Iterable[str], suffix: str = "") -> bool:
    return _path(kind, key, suffix).is_file()


def cached(kind: str, key: Iterable[str], make: Callable[[], bytes], suffix: str = "") -> bytes:
    """The bytes ``make()`` returns for ``key``, from disk when made before. Each entry carries
    the sha256 of its bytes and is checked against it when read: an entry changed on disk
    (tampered with, or damaged) is never used, but made again and rewritten."""
    path = _path(kind, key, suffix)
    try:
        found = _verified(path.read_bytes())
    except OSError:
        found = None
    if found is not None:
        return found
    data = make()
    with contextlib.suppress(OSError):
        write_atomic(path, _HEADER + hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
    return data


_HEADER = b"nereport-cache sha256="


def _verified(entry: bytes) -> bytes | None:
    """The bytes of a cache entry whose recorded sha256 matches them, else None."""
    header, newline, data = entry.partition(b"\n")
    if not newline or not header.startswith(_HEADER):
        return None
    if header[len(_HEADER) :] != hashlib.sha256(data).hexdigest().encode():
        return None
    return data
