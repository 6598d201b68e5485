"""The library's version, and a revision derived from its source (what made a report)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

__version__ = "0.1.0"

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def library_revision() -> str:
    """sha256 of the nereport library source (code, templates, styles, translations), from
    content."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if (
            path.suffix in {".py", ".j2", ".json", ".css", ".po"}
            and "__pycache__" not in path.parts
        ):
            digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
