"""One small disk cache: a value made once, kept under ``cache_dir()/<kind>/`` and keyed by a
hash of everything it depends on. A cache that cannot be read or written costs time only."""

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
    """The bytes ``make()`` returns for ``key``, from disk when made before."""
    path = _path(kind, key, suffix)
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    with contextlib.suppress(OSError):
        write_atomic(path, data)
    return data
