"""One report, in a pool worker: execute the notebook in a kernel forked from the build's
warm template, then export it. The worker returns bytes; the parent writes every file."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nereport.build.tasks import Result, Task
from nereport.data import provenance

if TYPE_CHECKING:
    from nereport.build.kernels import KernelTemplate


def warm_up() -> None:
    """Import and build, once, what the workers and kernels need: they are forked from this
    process (the build's, or a Dask worker's) and start with it all."""
    import nereport.build.execute  # noqa: F401
    from nereport.build.export import warm
    from nereport.build.kernels import preload

    preload()
    warm()


def init_worker(
    parent: int, inherited_fds: list[int], template: KernelTemplate | None = None, number: int = 0
) -> None:
    """Kernels forked from a template start warm: the build's one ``template``, through the
    connection for worker ``number``, or one of this worker's own."""
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
    # Ctrl-C, `kill` and a closed terminal reach the whole process group: only the parent
    # handles them, and kills the workers (SIGKILL). Blocked, not only ignored: nbclient
    # installs handlers of its own for SIGINT and SIGTERM while it executes a notebook (SIGINT
    # then raised KeyboardInterrupt in workers at random points, one died holding the pool's
    # queue lock and the build never exited; SIGTERM cancelled the wait for a kernel and the
    # worker printed a CancelledError traceback). Kernel templates and kernels forked below
    # inherit the mask; a kernel unblocks SIGINT, which interrupts its cell.
    # (Workers are forked with the interrupts blocked: build.safety.interrupts_deferred.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    if template is not None:
        template.use(number)
    ForkedKernelManager.template = template or KernelTemplate()


def run_report(task: Task) -> Result:
    """Execute and export one report: the notebook at ``task.notebook``, or its ``source``
    text (a cluster worker need not have the client's files)."""
    import nbformat

    started = time.perf_counter()
    nb = (
        nbformat.reads(task.source, as_version=4)
        if task.source
        else nbformat.read(task.notebook, as_version=4)
    )
    executed, failure = _execute(nb, task.params, task.notebook, task.cell_timeout)
    try:
        nbformat.validate(executed)
    except nbformat.ValidationError:
        if failure is None:
            raise
    ipynb = notebook_bytes(executed)
    if failure is None and (complaint := stderr_output(executed)):
        # e.g. a chart that failed to render prints a traceback but does not raise
        cell, text = complaint
        failure = (f"cell {cell}: wrote to stderr: {text.strip().splitlines()[-1][:300]}", cell)
    if failure:
        result = _failed(executed, task.title, *failure, ipynb=ipynb)
    else:
        result = _exported(executed, task, ipynb=ipynb)
    result.seconds = time.perf_counter() - started
    return result


def _execute(
    nb: Any, params: dict[str, Any], notebook: str, cell_timeout: int
) -> tuple[Any, tuple[str, int | None] | None]:
    from nereport.build.execute import execute
    from nereport.build.export import add_static_svgs
    from nereport.build.kernels import ForkedKernelManager, start_spare_kernel, take_spare_kernel

    cwd = str(Path(notebook).parent) if Path(notebook).parent.is_dir() else os.getcwd()
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


def _failed(executed: Any, title: str, message: str, cell: int | None, ipynb: bytes) -> Result:
    from nereport.build.pages import failure_page

    html = failure_page(executed, title, message, cell).encode()
    return Result(ok=False, ipynb=ipynb, html=html, failure=message, cell=cell)


def _exported(executed: Any, task: Task, ipynb: bytes) -> Result:
    from nereport.build.chartfiles import anchors, thumbnail
    from nereport.build.cite import add_to_page, add_twin_links, pdf_name, report_citation
    from nereport.build.export import html_from_notebook, static_html_from_notebook

    topic, params, title, lang = task.topic, task.params, task.title, task.params["lang"]
    datasets = provenance.from_notebook(executed)
    cite = report_citation(topic, params, title, datasets)
    page = add_twin_links(html_from_notebook(executed, title, lang), topic, params)
    static = static_html_from_notebook(executed, title, lang)
    return Result(
        ok=True,
        ipynb=ipynb,
        html=add_to_page(page, cite, downloads=True, pdf=pdf_name(topic, params)).encode(),
        static=add_to_page(static, cite, downloads=False),
        datasets=datasets,
        charts=anchors(page),
        svg=thumbnail(executed),  # the index's thumbnail: the first chart, if any
    )


# Notebook-level metadata that nbformat never writes to a file (nbformat.v4.rwbase).
_TRANSIENT = frozenset({"orig_nbformat", "orig_nbformat_minor", "signature"})


def notebook_bytes(nb: Any) -> bytes:
    """The ``.ipynb`` file of ``nb``: what ``nbformat.writes`` writes (multi-line strings as
    lists of lines, transient metadata left out, keys sorted), serialised by orjson with a
    two-space indent. nbformat deep-copies the notebook and indents with the standard
    library's pure-Python encoder: 0.19 s for a report with a map, a sixth of its worker's
    time; this takes 5 ms. The chart specs are shared with ``nb``, never copied."""
    import orjson

    cells = []
    for cell in nb.cells:
        out = {**cell, "metadata": {k: v for k, v in cell.metadata.items() if k != "trusted"}}
        if isinstance(cell.get("source"), str):
            out["source"] = cell.source.splitlines(True)
        if "attachments" in cell:
            out["attachments"] = {k: _split_bundle(v) for k, v in cell.attachments.items()}
        if "outputs" in cell:
            out["outputs"] = [_split_output(o) for o in cell.outputs]
        cells.append(out)
    metadata = {k: v for k, v in nb.metadata.items() if k not in _TRANSIENT}
    notebook = {**nb, "metadata": metadata, "cells": cells}
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(notebook, option=options)


def _split_output(output: dict[str, Any]) -> dict[str, Any]:
    if output.get("output_type") in ("execute_result", "display_data"):
        return {**output, "data": _split_bundle(output.get("data", {}))}
    if output.get("output_type") == "stream" and isinstance(output.get("text"), str):
        return {**output, "text": output["text"].splitlines(True)}
    return output


def _split_bundle(bundle: dict[str, Any]) -> dict[str, Any]:
    """Text of a mime bundle as lists of lines, except JSON (``application/…+json``)."""
    return {
        mime: value.splitlines(True) if isinstance(value, str) and not _is_json(mime) else value
        for mime, value in bundle.items()
    }


def _is_json(mime: str) -> bool:
    return mime == "application/json" or (
        mime.startswith("application/") and mime.endswith("+json")
    )


def stderr_output(nb: Any) -> tuple[int, str] | None:
    """The first cell that wrote to stderr: a report must run clean."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                return i, out.get("text", "")
    return None
