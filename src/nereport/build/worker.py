"""One report, in a pool worker: execute the notebook in a kernel forked from the worker's
warm template, then export it. The worker returns bytes; the parent writes every file."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path
from typing import Any

from nereport.data import provenance


def init_worker(parent: int, inherited_fds: list[int]) -> None:
    """Each worker gets a kernel template: kernels forked from it start warm."""
    from multiprocessing.util import Finalize

    from nereport.build.kernels import (
        ForkedKernelManager,
        KernelTemplate,
        die_with_parent,
        discard_spare_kernel,
    )

    die_with_parent(parent)
    # Workers (and the kernels forked below them) must not keep the lock or Chromium's pipes
    # open: a straggler would hold the lock, or keep Chromium alive.
    for fd in inherited_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    # Run when the worker exits normally (atexit handlers are not, in pool workers).
    Finalize(None, discard_spare_kernel, exitpriority=10)
    # Ctrl-C reaches the whole process group: only the parent handles it, and kills the
    # workers. Blocked, not only ignored: nbclient installs a SIGINT handler of its own while
    # it executes a notebook and then restores Python's default, which raised
    # KeyboardInterrupt in workers at random points (one died holding the pool's queue lock,
    # and the build never exited). SIGTERM and SIGHUP end a worker on the spot.
    # (Workers are forked with the interrupts blocked: build.safety.interrupts_deferred.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, {signal.SIGINT})
    ForkedKernelManager.template = KernelTemplate()


def run_report(
    topic: str, params: dict[str, Any], notebook: str, title: str, cell_timeout: int
) -> dict[str, Any]:
    """Execute and export one report. The result holds ``ok``, the executed notebook
    (``ipynb``) and ``html``; on success also ``static`` (the page the parent prints the PDF
    from) and ``datasets`` (the provenance record); on failure the ``failure`` and its
    ``cell``."""
    import nbformat

    started = time.perf_counter()
    executed, failure = _execute(
        nbformat.read(notebook, as_version=4), params, notebook, cell_timeout
    )
    invalid: dict[str, Exception] = {}  # writes() validates the notebook; no need to twice
    ipynb = nbformat.writes(executed, capture_validation_error=invalid).encode() + b"\n"
    if failure is None and invalid:
        raise invalid["ValidationError"]
    if failure is None and (complaint := stderr_output(executed)):
        # e.g. a chart that failed to render prints a traceback but does not raise
        cell, text = complaint
        failure = (f"cell {cell}: wrote to stderr: {text.strip().splitlines()[-1][:300]}", cell)
    out = (
        _failed(executed, title, *failure)
        if failure
        else _exported(executed, title, params["lang"])
    )
    return {**out, "ipynb": ipynb, "seconds": time.perf_counter() - started}


def _execute(
    nb: Any, params: dict[str, Any], notebook: str, cell_timeout: int
) -> tuple[Any, tuple[str, int | None] | None]:
    from nereport.build.execute import execute
    from nereport.build.export import add_static_svgs
    from nereport.build.kernels import ForkedKernelManager, start_spare_kernel, take_spare_kernel

    cwd = str(Path(notebook).parent)
    manager = ForkedKernelManager if ForkedKernelManager.template else None
    executed, failure = execute(
        nb,
        params,
        cwd=cwd,
        timeout=cell_timeout,
        kernel_manager_class=manager,
        km=take_spare_kernel(cwd) if manager else None,
    )
    if manager:
        start_spare_kernel(cwd)  # the next report's kernel starts while this one exports
    if failure:
        return executed, (failure.describe(), failure.cell)
    return add_static_svgs(executed), None


def _failed(executed: Any, title: str, message: str, cell: int | None) -> dict[str, Any]:
    from nereport.build.pages import failure_page

    return {
        "ok": False,
        "failure": message,
        "cell": cell,
        "html": failure_page(executed, title, message, cell).encode(),
    }


def _exported(executed: Any, title: str, lang: str) -> dict[str, Any]:
    from nereport.build.export import html_from_notebook, static_html_from_notebook

    return {
        "ok": True,
        "html": html_from_notebook(executed, title, lang).encode(),
        "static": static_html_from_notebook(executed, title, lang),
        "datasets": provenance.from_notebook(executed),
    }


def stderr_output(nb: Any) -> tuple[int, str] | None:
    """The first cell that wrote to stderr: a report must run clean."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                return i, out.get("text", "")
    return None
