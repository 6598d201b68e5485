"""What a worker hands back: the executed notebook's file, the provenance record read from the
notebook, and the rule that a report runs clean (nothing on stderr)."""

from __future__ import annotations

import json

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nereport.build.worker import notebook_bytes, stderr_output
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


def test_the_notebook_file_holds_what_nbformat_writes() -> None:
    """The same JSON as ``nbformat.writes`` (lines split, JSON mime types left whole,
    transient metadata dropped), the notebook it was made from unchanged, and it reads back."""
    spec = {"$schema": "vega-lite", "data": {"values": [{"a": "x\ny", "b": 1.5}]}}
    nb = _notebook(
        new_output("stream", name="stdout", text="one\ntwo\n"),
        new_output(
            "display_data",
            data={
                "text/markdown": "## 东北\n\nline two",
                "image/svg+xml": "<svg>\n</svg>",
                "application/vnd.vegalite.v5+json": spec,
            },
        ),
        new_output("execute_result", data={"text/plain": "1\n2"}, execution_count=1),
    )
    nb.cells[0].source = "a = 1\nb = 2\n"
    nb.cells[1].metadata["trusted"] = True
    nb.metadata["orig_nbformat"] = 3
    before = json.dumps(nb, sort_keys=True)
    written = notebook_bytes(nb)
    assert json.dumps(nb, sort_keys=True) == before
    assert json.loads(written) == json.loads(nbformat.writes(nb))
    assert json.loads(written)["cells"][1]["outputs"][1]["data"]["text/markdown"] == [
        "## 东北\n",
        "\n",
        "line two",
    ]
    assert written.endswith(b"}\n") and "东北".encode() in written
    back = nbformat.reads(written.decode(), as_version=4)
    assert back.cells[1].outputs[1].data["application/vnd.vegalite.v5+json"] == spec
    assert back.cells[0].source == "a = 1\nb = 2\n"


def test_what_crosses_a_process_boundary_is_typed() -> None:
    """The task and the result are small dataclasses that pickle as they are; statuses are an
    Enum whose values are the summary's words."""
    import pickle

    from nereport.build.tasks import Result, Status, Task

    task = Task("policy", {"region": "jilin", "lang": "en"}, "policy.ipynb", "T", 300)
    assert pickle.loads(pickle.dumps(task)) == task
    result = Result(ok=False, ipynb=b"{}", html=b"<p>", failure="cell 1: E: x", cell=1)
    assert pickle.loads(pickle.dumps(result)) == result
    assert [s.value for s in Status] == ["built", "up to date", "failed", "would build"]
    assert f"{Status.UP_TO_DATE:11s}|" == "up to date |"
