"""The report notebooks stay thin: literals, imports from the notebook kit, and calls."""

from __future__ import annotations

import ast

import nbformat
import pytest

from helpers import NOTEBOOK_DIR
from nereport.report.params import TOPICS

ALLOWED_IMPORTS = {"nereport", "nereport.report"}
OPENERS = {"open", "read_csv", "read_excel", "read_json", "read_parquet", "read_text", "loadtxt"}


def problems(source: str) -> list[str]:
    """What a notebook code cell must not do: define, open files, import from elsewhere."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            found.append(f"defines {getattr(node, 'name', 'a lambda')}")
        elif isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name not in ALLOWED_IMPORTS]
        elif isinstance(node, ast.ImportFrom):
            if node.module not in ALLOWED_IMPORTS:
                found.append(f"imports from {node.module}")
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in OPENERS:
                found.append(f"opens a file with {name}()")
    return found


@pytest.mark.parametrize("topic", TOPICS)
def test_notebook_cells_only_call_the_notebook_kit(topic: str) -> None:
    nb = nbformat.read(NOTEBOOK_DIR / f"{topic}.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code, f"{topic}.ipynb has no code"
    assert {i: problems(s) for i, s in enumerate(code) if problems(s)} == {}


@pytest.mark.parametrize(
    "source",
    [
        "def f():\n    pass",
        "class A:\n    pass",
        "import pandas as pd",
        "from nereport.data.loader import load",
        "open('x.csv')",
        "pd.read_csv('x.csv')",
    ],
)
def test_the_rule_catches_what_it_forbids(source: str) -> None:
    assert problems(source)


@pytest.mark.slow
def test_a_notebook_run_as_in_jupyterlab_speaks_chinese_when_told() -> None:
    """JupyterLab: edit the parameters cell to ``lang = "zh"`` and run all."""
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK_DIR / "policy.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = params.source.replace('lang = "en"', 'lang = "zh"')
    assert 'lang = "zh"' in params.source
    NotebookClient(nb, kernel_name="python3", timeout=300).execute()
    shown = "\n".join(
        str(out.get("data", {}).get("text/markdown", ""))
        for cell in nb.cells
        for out in cell.get("outputs", [])
    )
    assert "## 主要发现" in shown and "## 资料来源与运行信息" in shown
    assert "## Key findings" not in shown and "Sources and run information" not in shown
