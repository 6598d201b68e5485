"""Every built page (each report and the index) checked by real checkers: axe-core for
WCAG 2.1 A/AA in Chromium, and the Nu HTML Checker (vnu) for valid HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPORT_IDS, ROOT, wait_for_charts

pytestmark = pytest.mark.slow
PAGES = [f"{rid}.html" for rid in REPORT_IDS] + ["index.html"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
    .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                           nodes: v.nodes.map(n => ({target: n.target, html: n.html}))}))"""


def installed(path: Path) -> Path:
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make setup`"
    return path


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(built: Path, browser, name: str) -> None:
    axe = installed(AXE)
    # The pages' Content-Security-Policy forbids injected scripts such as axe.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto((built / name).as_uri())
    if name != "index.html":
        wait_for_charts(page)
    page.add_script_tag(path=axe)
    violations = page.evaluate(AXE_RUN, WCAG)
    context.close()
    assert not violations, f"{name}: {len(violations)} axe violation(s) of {', '.join(WCAG)}:\n" + (
        "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s), e.g. "
            f"{[n['target'] for n in v['nodes'][:3]]}; {v['nodes'][0]['html'][:160]}"
            for v in violations
        )
    )


def test_nu_html_checker_finds_no_error(built: Path) -> None:
    vnu = installed(VNU)
    java = shutil.which("java")
    assert java, "no java on PATH: run `make setup` (installs default-jre-headless)"
    files = [built / name for name in PAGES]
    run = subprocess.run(
        [java, "-jar", vnu, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    assert run.stderr.startswith("{"), (
        f"vnu exited {run.returncode} without a report:\n{run.stderr}"
    )
    messages = json.loads(run.stderr)["messages"]
    assert not messages, f"vnu: {len(messages)} error(s):\n" + "\n".join(
        f"- {m['url'].removeprefix(f'file:{built}/')}:{m.get('lastLine', '?')}: "
        f"{m['message']}  [{' '.join(m.get('extract', '').split())[:160]}]"
        for m in messages
    )
