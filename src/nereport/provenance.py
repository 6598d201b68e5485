"""What a process has loaded: the datasets, their raw files and hashes.

The report's "Sources and run information" section reads this, and the build engine reads the
same record (through ``$NEREPORT_RECORD_FILE``) to key each report on the data it really used.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nereport.declarations import Dataset

_USED: dict[str, dict[str, str]] = {}


def record(ds: Dataset, hashes: dict[str, str]) -> None:
    if ds.name in _USED:
        return
    _USED[ds.name] = dict(sorted(hashes.items()))
    if path := os.environ.get("NEREPORT_RECORD_FILE"):
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"dataset": ds.name, "raw": _USED[ds.name]}) + "\n")


def used() -> dict[str, dict[str, str]]:
    """Dataset name -> {raw file: sha256}, in the order first loaded."""
    return {name: dict(raw) for name, raw in _USED.items()}


def reset() -> None:
    _USED.clear()
