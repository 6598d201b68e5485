"""The tutorials run, the analyst's questions take at most five lines each and give the
expected answers, and the README's and docs/analyst.md's Python examples run."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers import NOTEBOOK_DIR, ROOT
from nereport.report import charts

TUTORIALS = ["tutorial.ipynb", "tutorial.zh.ipynb"]
# One distinctive call per analyst question of issue 26.
QUESTIONS = {
    "growth": "range(2017, 2020)",
    "population": "nsmallest(5)",
    "sector": 'sector="secondary"',
    "fiscal": '"economy_budget"',
}


def _code_lines(source: str) -> int:
    return sum(
        1 for line in source.splitlines() if line.strip() and not line.strip().startswith("#")
    )


def _text(output: dict) -> str:
    return output.get("text") or output.get("data", {}).get("text/plain", "")


@pytest.fixture(scope="module", params=TUTORIALS)
def executed(request: pytest.FixtureRequest) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK_DIR / request.param, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=300).execute()
    return nb


def test_the_tutorial_runs_and_answers_each_question_in_five_lines(executed) -> None:
    cells = [c for c in executed.cells if c.cell_type == "code"]
    assert all(not any(o.output_type == "error" for o in c.outputs) for c in cells)
    for question, marker in QUESTIONS.items():
        cell = next(c for c in cells if marker in c.source)
        assert _code_lines(cell.source) <= 5, question
        assert cell.outputs, question
    growth = _text(next(c for c in cells if QUESTIONS["growth"] in c.source).outputs[-1])
    assert re.search(r"china\s+21\.0", growth) and re.search(r"jilin\s+13\.1", growth)
    # import nereport alone enabled the reports' renderer: the charts draw offline.
    chart = next(c for c in cells if QUESTIONS["sector"] in c.source).outputs[-1]
    assert "application/vnd.vegalite.v5+json" in chart["data"]
    assert 'class="nr-figure"' in chart["data"]["text/html"]
    # Two releases in one chart: each its own line, dashed its own way, named in the legend.
    spec = chart["data"]["application/vnd.vegalite.v5+json"]
    encoding = (spec.get("layer") or [spec])[0]["encoding"]
    assert encoding["strokeDash"]["field"] == "release"
    assert encoding["detail"]["field"] == charts.LINE_RUN  # one line per unbroken run
    lost = _text(next(c for c in cells if QUESTIONS["population"] in c.source).outputs[-1])
    assert lost.split()[1:3] == ["suihua", "-1661986"]


def test_the_tutorials_are_not_reports() -> None:
    from nereport.build.matrix import matrix

    assert {r.topic for r in matrix()} == {"policy", "economy", "environment"}


def test_tracked_tutorials_hold_no_outputs() -> None:
    for name in TUTORIALS:
        nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("doc", ["README.md", "docs/analyst.md"])
def test_the_python_examples_of_the_docs_run(doc: str, capsys: pytest.CaptureFixture) -> None:
    blocks = _python_blocks(ROOT / doc)
    assert blocks
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, doc, "exec"), namespace)  # noqa: S102 (our own documentation)
    assert "release" in capsys.readouterr().out or doc != "README.md"
