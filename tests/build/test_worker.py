"""What a worker hands back: the provenance record read from the notebook, and the rule that
a report runs clean (nothing on stderr)."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nereport.build.worker import stderr_output
from nereport.data import provenance


def _notebook(*outputs) -> nbformat.NotebookNode:
    cell = new_code_cell("x")
    cell.outputs = list(outputs)
    return nbformat.from_dict(new_notebook(cells=[new_code_cell("y"), cell]))


def test_the_first_cell_writing_to_stderr_is_named() -> None:
    nb = _notebook(new_output("stream", name="stdout", text="fine\n"))
    assert stderr_output(nb) is None
    nb = _notebook(new_output("stream", name="stderr", text="Traceback...\nValueError: x\n"))
    assert stderr_output(nb) == (1, "Traceback...\nValueError: x\n")


def test_the_record_travels_in_the_sources_output_metadata() -> None:
    import nereport

    nereport.load("environment_co2")
    meta = provenance.metadata({"region": "jilin"}, "0.1.0")
    out = new_output(
        "display_data", data={"text/markdown": "## Sources"}, metadata={"text/markdown": meta}
    )
    record = provenance.from_notebook(_notebook(out))
    assert record == provenance.used()
    assert record["environment_co2"]["ceads_national"]["file"] == (
        "ceads_national/environment_co2.csv"
    )
    assert provenance.from_notebook(_notebook()) == {}
