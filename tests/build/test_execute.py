"""Parameters are injected after the parameters cell with a stable id; run metadata goes."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from nereport.build.execute import normalise, prepare


def test_parameters_are_injected_after_the_parameters_cell_with_a_stable_id() -> None:
    params = new_code_cell('region = "liaoning"', metadata={"tags": ["parameters"]})
    nb = nbformat.from_dict(new_notebook(cells=[params, new_code_cell("print(region)")]))
    prepared = prepare(nb, {"region": "jilin"})
    injected = prepared.cells[1]
    assert injected.id == "injected-parameters"
    assert 'region = "jilin"' in injected.source
    assert len(nb.cells) == 2  # the input is not changed
    assert prepare(nb, {"region": "jilin"}).cells[1] == injected


def test_normalise_drops_timings_and_run_metadata() -> None:
    cell = new_code_cell("1", metadata={"execution": {"iopub.status.busy": "now"}, "tags": []})
    nb = nbformat.from_dict(new_notebook(cells=[cell], metadata={"papermill": {"duration": 1}}))
    out = normalise(nb)
    assert "papermill" not in out.metadata and "execution" not in out.cells[0].metadata
