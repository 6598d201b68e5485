"""What crosses a process boundary in a build, typed: the task a worker (a pool worker or a
Dask worker) is given, the result it sends back, and the status of each report."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Status(enum.StrEnum):
    """What happened to a report in a build (the summary's and the run log's words)."""

    BUILT = "built"
    UP_TO_DATE = "up to date"
    FAILED = "failed"
    WOULD_BUILD = "would build"


@dataclass(frozen=True)
class Task:
    """One report to execute and export."""

    topic: str
    params: dict[str, Any]
    notebook: str  # its path, on the machine that planned the build
    title: str
    cell_timeout: int
    source: str | None = None  # its text, for a worker that need not have the client's files
    pdf_info: dict[str, str] = field(default_factory=dict)  # the PDF's document information


@dataclass
class Result:
    """What a worker sends back: the executed notebook and the page (``ok``), or the partial
    run and where it failed. Only bytes and plain values: it is pickled."""

    ok: bool
    ipynb: bytes
    html: bytes
    seconds: float = 0.0
    static: str | None = None  # the page the PDF is printed from, when the parent prints it
    pdf: bytes | None = None  # the PDF, when the worker printed it (a Dask worker)
    pdf_error: str | None = None  # why the worker could not print it
    datasets: dict[str, Any] = field(default_factory=dict)  # the provenance record
    failure: str | None = None  # where and why it failed
    cell: int | None = None  # the failing cell
    worker: str = "local"  # the Dask worker's address
