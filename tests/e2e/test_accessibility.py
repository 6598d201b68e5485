"""Every built page (each report and the index) opened once in Chromium as a reader gets it,
under its own Content-Security-Policy and offline: its charts draw, nothing is fetched, no
error; a Chinese page shows no English that is not marked as such; then checked by real
checkers: axe-core for WCAG 2.1 A/AA, the Nu HTML Checker (vnu) for valid HTML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chinese import chinese_page_problems
from helpers import REPORT_IDS, ROOT, offline, wait_for_charts

pytestmark = pytest.mark.slow
PAGES = [f"{rid}.html" for rid in REPORT_IDS] + ["index.html"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A JVM that runs once: its first compiler only and one GC thread cut its CPU time (10 s against
# 18 s); that compiler's deeper frames need a larger stack than the default 1 MB.
JVM = ["-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A chart drawn is one image named by its description (Vega names the element it draws in
# "Vega visualization" unless told otherwise).
CHART_NAME = {"en": r"(Line|Bar) chart|Map|Timeline", "zh": r"折线图|柱状图|地图|时间轴"}
AXE_RUN = """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
    .violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                           nodes: v.nodes.map(n => ({target: n.target, html: n.html}))}))"""


def installed(path: Path) -> Path:
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make setup`"
    return path


def run_axe(page: Any) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on ``page``. Evaluated through the DevTools protocol,
    as a reader's extension would run it: the page's own CSP (which forbids an injected
    script tag) stays in force."""
    page.evaluate(installed(AXE).read_text())
    return page.evaluate(AXE_RUN, WCAG)


def violations_text(name: str, violations: list[dict]) -> str:
    return f"{name}: {len(violations)} axe violation(s) of {', '.join(WCAG)}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}; {len(v['nodes'])} element(s), e.g. "
        f"{[n['target'] for n in v['nodes'][:3]]}; {v['nodes'][0]['html'][:160]}"
        for v in violations
    )


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[tuple[Any, list[str], list[str]]]:
    """One browser tab that opens every page in turn, as a reader's would, with the requests it
    blocked and the errors it logged (a new tab per page took 0.6 s more each: Chromium compiled
    the inlined Vega again)."""
    page = browser.new_page()
    requests, errors = offline(page), []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, requests, errors
    page.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_draws_offline_and_axe_finds_no_wcag_violation(built: Path, tab, name: str) -> None:
    page, requests, errors = tab
    requests.clear()
    errors.clear()
    page.goto((built / name).as_uri())
    if name != "index.html":
        wait_for_charts(page)
        charts = page.eval_on_selector_all(
            ".nr-chart",
            "els => els.map(e => [e.querySelectorAll('svg path').length,"
            " e.getAttribute('role'), e.getAttribute('aria-label')])",
        )
        pattern = CHART_NAME["zh" if name.endswith(".zh.html") else "en"]
        assert len(charts) >= 3, name
        assert all(n > 0 for n, _, _ in charts), f"{name}: a chart drew no marks"
        assert all(role == "img" and re.match(pattern, label) for _, role, label in charts)
    problems = chinese_page_problems(page) if name.endswith(".zh.html") else []
    violations = run_axe(page)
    assert requests == [] and errors == [], (requests, errors)  # axe added none either
    assert not problems, f"{name}:\n" + "\n".join(problems)
    assert not violations, violations_text(name, violations)


def test_axe_under_the_pages_csp_finds_a_violation_when_there_is_one(built: Path, browser) -> None:
    page = browser.new_page()
    page.goto((built / "index.html").as_uri())
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    ids = {v["id"] for v in run_axe(page)}
    page.close()
    assert "image-alt" in ids


def test_nu_html_checker_finds_no_error(built: Path) -> None:
    vnu = installed(VNU)
    java = shutil.which("java")
    assert java, "no java on PATH: run `make setup` (installs default-jre-headless)"
    files = [built / name for name in PAGES]
    run = subprocess.run(
        [java, *JVM, "-jar", vnu, "--errors-only", "--format", "json", *files],
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
