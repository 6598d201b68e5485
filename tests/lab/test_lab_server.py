"""The Jupyter server `make lab` starts (from .venv-lab, with jupyter/jupyter_server_config.py):
saving a tracked notebook of notebooks/ with outputs leaves git clean; other notebooks keep
their outputs."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from helpers import ROOT

LAB_ENV = ROOT / ".venv-lab"
CONFIG = ROOT / "jupyter" / "jupyter_server_config.py"
TOKEN = "nereport-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the report notebooks as committed."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    for args in (["init", "-q"], ["add", "notebooks"], ["commit", "-qm", "notebooks"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True
        )
    return root


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    if not (LAB_ENV / "bin" / "jupyter").exists():
        pytest.fail(".venv-lab is missing: `make test` builds it (make .venv-lab/.stamp)")
    port = _free_port()
    proc = subprocess.Popen(
        [
            str(LAB_ENV / "bin" / "jupyter"),
            "server",
            f"--config={CONFIG}",
            f"--ServerApp.root_dir={project}",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            "--no-browser",
            "--allow-root",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "JUPYTER_CONFIG_DIR": str(project / ".jupyter-config")},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=5)
                break
            except OSError:
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def _save_with_outputs(url: str, path: str, source: Path) -> None:
    nb = nbformat.read(source, as_version=4)
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = i + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 1000)]
    body = json.dumps({"type": "notebook", "format": "json", "content": nb}).encode()
    request = urllib.request.Request(
        f"{url}/api/contents/{path}?token={TOKEN}", data=body, method="PUT"
    )
    request.add_header("Content-Type", "application/json")
    urllib.request.urlopen(request, timeout=30).read()


def test_saving_a_report_notebook_with_outputs_leaves_git_clean(server: str, project: Path) -> None:
    for name in ("economy", "environment", "policy"):
        _save_with_outputs(
            server, f"notebooks/{name}.ipynb", project / "notebooks" / f"{name}.ipynb"
        )
    diff = subprocess.run(
        ["git", "diff", "--stat", "notebooks/"], cwd=project, capture_output=True, text=True
    )
    assert diff.returncode == 0 and diff.stdout == ""


def test_an_analysts_own_notebook_keeps_its_outputs(server: str, project: Path) -> None:
    _save_with_outputs(server, "notebooks/mine.ipynb", project / "notebooks" / "economy.ipynb")
    _save_with_outputs(server, "analysis.ipynb", project / "notebooks" / "economy.ipynb")
    for saved in (project / "notebooks" / "mine.ipynb", project / "analysis.ipynb"):
        nb = nbformat.read(saved, as_version=4)
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
