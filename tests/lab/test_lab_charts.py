"""A real JupyterLab (from .venv-lab, configured as `make lab` does) driven by Chromium with
every non-local request aborted: an analyst's own Altair chart and a report notebook's charts
draw after Run All with Vega-Lite 6 and no version warning, and saving leaves git clean."""

from __future__ import annotations

import os
import re
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

pytestmark = pytest.mark.slow

LAB_ENV = ROOT / ".venv-lab"
CONFIG = ROOT / "jupyter" / "jupyter_server_config.py"
TOKEN = "nereport-test"
KERNEL = {"name": "nereport", "display_name": "nereport", "language": "python"}
OWN = [
    "import nereport",
    "import altair as alt, pandas as pd\n"
    "alt.Chart(pd.DataFrame({'x': [1, 2, 3], 'y': [3, 1, 2]})).mark_line().encode(x='x', y='y')",
    "from nereport.report import charts\n"
    "g = nereport.series('economy_gdp_index', ['jilin', 'china'])\n"
    "charts.line(g.assign(region_name=g['region']), y='growth_pct', y_title='%', title='Growth')",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the report notebooks as committed, and an analyst's own."""
    root = tmp_path_factory.mktemp("lab-project")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "notebooks"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "notebooks"], cwd=root, check=True)
    cells = [nbformat.v4.new_code_cell(code) for code in OWN]
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNEL})
    nbformat.write(nb, root / "own.ipynb")
    return root


@pytest.fixture(scope="module")
def lab(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (LAB_ENV / "bin" / "jupyter").exists():
        pytest.fail(".venv-lab is missing: `make test` builds it (make .venv-lab/.stamp)")
    port = _free_port()
    state = tmp_path_factory.mktemp("lab-state")
    # Lab renders only the cells in view by default: every cell is rendered, to be counted.
    tracker = (
        state / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    )
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}')
    env = {
        **os.environ,
        "JUPYTER_PATH": str(ROOT / ".venv" / "share" / "jupyter"),
        "JUPYTER_CONFIG_DIR": str(state / "config"),
        "JUPYTER_DATA_DIR": str(state / "data"),
    }
    proc = subprocess.Popen(
        [
            str(LAB_ENV / "bin" / "jupyter"),
            "lab",
            f"--config={CONFIG}",
            f"--ServerApp.root_dir={project}",
            "--MappingKernelManager.default_kernel_name=nereport",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            f"--LabApp.workspaces_dir={state / 'workspaces'}",
            f"--LabApp.user_settings_dir={state / 'settings'}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--no-browser",
            "--allow-root",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(480):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=5)
                break
            except OSError:
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def _run_all(browser, url: str, notebook: str) -> tuple[int, list[str], list[str]]:
    """Open ``notebook``, Run All with the network blocked, save; return the number of charts
    drawn, the console messages and the non-local requests."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    blocked: list[str] = []
    console: list[str] = []
    local = re.compile(r"^(?!" + re.escape(url) + r"[/?])")
    page.route(local, lambda route: (blocked.append(route.request.url), route.abort()))
    page.on("console", lambda m: console.append(m.text))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    try:
        page.goto(f"{url}/lab/tree/{notebook}?reset&token={TOKEN}")
        page.wait_for_function("window.jupyterapp && document.querySelector('.jp-Notebook')")
        idle = "document.querySelector('.jp-Notebook-ExecutionIndicator[data-status=\"idle\"]')"
        page.wait_for_function(idle, timeout=120_000)
        time.sleep(3)  # Lab drops a Run All sent while the new kernel's session settles
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        done = (
            "[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
            ".jp-CodeCell .jp-InputPrompt')].every(e => /\\[\\d+\\]/.test(e.innerText))"
        )
        page.wait_for_function(done, timeout=300_000, polling=1000)
        time.sleep(2)  # vega-embed draws asynchronously
        charts = page.evaluate("document.querySelectorAll('.jp-OutputArea svg.marks').length")
        page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_function(
            "!document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-mod-dirty')"
            " && !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')",
            timeout=60_000,
        )
        return charts, console, blocked
    finally:
        page.close()


def _version_warnings(console: list[str]) -> list[str]:
    return [m for m in console if "Vega-Lite" in m or "pageerror" in m]


def test_an_analysts_own_charts_draw_offline_with_vega_lite_6(browser, lab: str) -> None:
    charts, console, _blocked = _run_all(browser, lab, "own.ipynb")
    assert charts == 2, console
    assert not _version_warnings(console)


def test_a_report_notebook_draws_every_chart_and_leaves_git_clean(
    browser, lab: str, project: Path
) -> None:
    expected = sum(
        1
        for c in nbformat.read(project / "notebooks" / "economy.ipynb", as_version=4).cells
        if c.cell_type == "code" and "chart" in c.source
    )
    charts, console, _blocked = _run_all(browser, lab, "notebooks/economy.ipynb")
    assert charts >= max(expected, 1), console
    assert not _version_warnings(console)
    diff = subprocess.run(
        ["git", "diff", "--stat", "notebooks/"], cwd=project, capture_output=True, text=True
    )
    assert diff.returncode == 0 and diff.stdout == ""
