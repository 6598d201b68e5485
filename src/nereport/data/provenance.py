"""The provenance record: which datasets a process loaded, and from which raw files.

This module owns the record's format. The notebook side writes it (``load`` records each
dataset; the report's sources section prints it and stores it in its output's metadata); the
build engine reads it back from the executed notebook to key each report on the data it really
used. The record is keyed by dataset, then by source id, never by position::

    {"economy_gdp": {"nbs_portal_2025": {"file": "nbs_portal_2025/economy_gdp.csv",
                                         "sha256": "…"}, …}, …}

Standard library only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from nereport.data.raw import file_hashes

if TYPE_CHECKING:
    from nereport.data.declarations import Dataset

Record = dict[str, dict[str, dict[str, str]]]

#: Key of the record in the sources output's metadata (under its ``text/markdown`` entry).
METADATA_KEY = "nereport"

_USED: Record = {}
#: Per dataset, the sources whose rows a report was given (``load`` with its filters): the
#: publications its sources section cites. The record above keeps every raw file a dataset
#: was built from, which is what the report's data depends on.
_READ: dict[str, dict[str, None]] = {}


#: What is being noted while a remembered computation runs (see :func:`captured`).
_CAPTURES: list[list[tuple[str, str, dict]]] = []
Events = list[tuple[str, str, dict]]


def record(ds: Dataset, hashes: dict[str, str]) -> None:
    """Note that ``ds`` was loaded from its raw files with these ``{source_id: sha256}``."""
    entry = _USED.get(ds.name)
    if entry is None:
        files = ds.raw_files()
        entry = {s: {"file": files[s], "sha256": hashes[s]} for s in ds.sources}
    _note("used", ds.name, entry)


def record_file(dataset: str, source_id: str, file: str, sha256: str) -> None:
    """Note a dataset read straight from its one raw file (the region table)."""
    _note("used", dataset, _USED.get(dataset) or {source_id: {"file": file, "sha256": sha256}})


def read(dataset: str, source_ids: Any) -> None:
    """Note that rows of ``dataset`` from these sources reached the report."""
    _note("read", dataset, dict.fromkeys(source_ids))


def _note(kind: str, dataset: str, entry: dict) -> None:
    if kind == "used":
        _USED.setdefault(dataset, entry)
    else:
        _READ.setdefault(dataset, {}).update(entry)
    for events in _CAPTURES:
        events.append((kind, dataset, entry))


@contextlib.contextmanager
def captured() -> Iterator[Events]:
    """What is noted inside the block, kept: a result computed once and remembered (a report's
    findings) gives :func:`replay` what to note again each time it is used, so that a second
    report in the same process (a notebook run twice) cites what its first run did."""
    events: Events = []
    _CAPTURES.append(events)
    try:
        yield events
    finally:
        _CAPTURES.pop()  # captures nest: this block's is the last (remove() would take an equal one)


def replay(events: Events) -> None:
    """Note again what a remembered computation noted (see :func:`captured`)."""
    for event in events:
        _note(*event)


def cited() -> list[str]:
    """The source ids a report read rows of, in the order their datasets were first loaded:
    for a dataset whose rows name no source, every source it was built from."""
    ids = (s for name, raw in _USED.items() for s in raw if name not in _READ or s in _READ[name])
    return list(dict.fromkeys(ids))


def used() -> Record:
    """The datasets loaded so far, in the order first loaded."""
    return {name: {s: dict(f) for s, f in raw.items()} for name, raw in _USED.items()}


def snapshot(record: Record) -> str:
    """The data snapshot of a record: sha256 of the record (datasets, their sources, raw files
    and those files' sha256) in canonical JSON. A report and a dataset are cited with it."""
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def reset() -> None:
    _USED.clear()
    _READ.clear()


def metadata(params: dict[str, Any], version: str) -> dict[str, Any]:
    """The metadata the sources section's output carries for the build engine."""
    return {METADATA_KEY: {"datasets": used(), "params": params, "version": version}}


def from_notebook(nb: Any) -> Record:
    """The record an executed notebook's sources section carries; empty if it has none."""
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            # IPython files a _repr_markdown_ tuple's metadata under the mimetype.
            found = out.get("metadata", {}).get("text/markdown", {}).get(METADATA_KEY)
            if found and "datasets" in found:
                return found["datasets"]
    return {}


def current(recorded: Record, hashed: dict[str, str] | None = None) -> Record:
    """The same record with the raw files' current hashes ("missing" for a file gone): what
    the data of a report is now, to compare with what it was when the report was built.
    ``hashed`` keeps the hashes across calls (a plan's reports read many of the same files)."""
    files = [f["file"] for raw in recorded.values() for f in raw.values()]
    now = {} if hashed is None else hashed
    now.update(file_hashes([f for f in files if f not in now]))
    return {
        name: {s: {"file": f["file"], "sha256": now[f["file"]]} for s, f in raw.items()}
        for name, raw in recorded.items()
    }
