"""Run one report notebook in a fresh kernel and give back the executed, normalised notebook.

Normalising removes what differs between two runs of the same inputs (timestamps, papermill's
random cell id), so identical inputs give byte-identical notebooks, HTML and PDF.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from papermill.parameterize import parameterize_notebook

from nereport.errors import InputError
from nereport.report.render import DEFER_SVG

# The build always runs notebooks on the interpreter that runs the build (ipykernel's native
# kernel), so what made a report is exactly the locked environment it records.
KERNEL_NAME = "python3"
# ipykernel warns on every start that loopback TCP is unencrypted; a report's history lives
# in memory only (what nbclient itself asks for when it starts the kernel).
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:"]


def kernel_env() -> dict[str, str]:
    """The kernel's environment. The build worker draws the static SVGs (vl-convert stays
    warm there), so kernels leave them out."""
    return {**os.environ, DEFER_SVG: "1"}


@dataclass
class Failure:
    cell: int | None  # index of the failing cell in the executed notebook
    exception: str
    message: str

    def describe(self) -> str:
        where = f"cell {self.cell}" if self.cell is not None else "the kernel"
        return f"{where}: {self.exception}: {self.message}"


def prepare(nb: nbformat.NotebookNode, params: dict[str, Any]) -> nbformat.NotebookNode:
    """Inject the parameters after the ``parameters`` cell, with a stable cell id. A notebook
    without one is refused: papermill would inject them first, and the notebook's own
    defaults would then override them."""
    if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb.cells):
        raise InputError(
            "the notebook has no cell tagged 'parameters': the parameters cannot be injected"
        )
    nb = copy.deepcopy(nb)
    nb.metadata.setdefault("papermill", {})  # papermill records the parameters there
    for cell in nb.cells:  # and reads cell.metadata.tags on every cell
        cell.metadata.setdefault("tags", [])
    nb = parameterize_notebook(
        nb, params, report_mode=False, kernel_name=KERNEL_NAME, language="python"
    )
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    return nb


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop timings and run metadata: they differ on every run and say nothing of content."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    return nb


def execute(
    nb: nbformat.NotebookNode,
    params: dict[str, Any],
    *,
    cwd: str,
    timeout: int = 300,
    startup_timeout: int = 60,
    kernel_manager_class: type | None = None,
    km: Any = None,
) -> tuple[nbformat.NotebookNode, Failure | None]:
    """Execute ``nb`` with ``params`` in a new kernel; return it and the failure, if any.

    ``kernel_manager_class`` (e.g. :class:`nereport.build.kernels.ForkedKernelManager`) chooses how
    the kernel is started; by default a new interpreter is launched. ``km`` is a kernel
    manager whose kernel was started ahead of need (with :data:`KERNEL_ARGS`,
    :func:`kernel_env` and ``cwd``) and never used; it is shut down afterwards.
    """
    nb = prepare(nb, params)
    extra: dict[str, Any] = (
        {"kernel_manager_class": kernel_manager_class} if kernel_manager_class else {}
    )
    if km is not None:
        extra["km"] = km
    running: dict[str, int] = {}  # the cell being executed, for faults that name no cell

    def on_cell_execute(cell: Any, cell_index: int) -> None:
        running["cell"] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        startup_timeout=startup_timeout,
        **extra,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": cwd}},
        record_timing=False,
        on_cell_execute=on_cell_execute,
        extra_arguments=list(KERNEL_ARGS),
    )
    failure = None
    try:
        client.execute(env=kernel_env(), cleanup_kc=True)
    except CellTimeoutError as exc:
        failure = Failure(
            running.get("cell"),
            "CellTimeoutError",
            f"a cell ran longer than {timeout} s ({str(exc).splitlines()[0]})",
        )
    except DeadKernelError as exc:
        failure = Failure(running.get("cell"), "DeadKernelError", f"the kernel died: {exc}")
    except CellExecutionError as exc:
        failure = Failure(_failing_cell(nb), exc.ename, exc.evalue)
    return normalise(nb), failure


def _failing_cell(nb: nbformat.NotebookNode) -> int | None:
    for i, cell in enumerate(nb.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i
    return None
