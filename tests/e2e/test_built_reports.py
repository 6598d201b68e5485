"""The whole matrix built once, on the real data; then checked as a reader would get it:
executed notebooks, offline HTML in a real headless Chromium, vector A4 PDFs."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

import nereport
from citecheck import check_built_citation, check_chart_files
from helpers import REPORT_IDS
from nereport.build.engine import build
from nereport.build.matrix import matrix

pytestmark = pytest.mark.slow
REGION_NAMES = {
    "liaoning": "Liaoning",
    "jilin": "Jilin",
    "heilongjiang": "Heilongjiang",
    "inner-mongolia": "Inner Mongolia",
    "northeast": "Northeast",
}


# What the tests look for in a report, by its language.
WORDS = {
    "en": {
        "sources": "Sources and run information",
        "data": "<summary>Data of this chart (",
    },
    "zh": {
        "sources": "资料来源与运行信息",
        "data": "<summary>本图数据（",
    },
}


def words(rid: str) -> dict[str, str]:
    return WORDS["zh" if rid.endswith(".zh") else "en"]


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_notebook_ran_clean_for_every_region(built: Path, rid: str) -> None:
    nb = nbformat.read(built / f"{rid}.ipynb", as_version=4)
    nbformat.validate(nb)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    charts = [o for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert len(charts) >= 3


def test_index_and_manifest(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    assert set(manifest["reports"]) == set(REPORT_IDS)
    entry = manifest["reports"]["environment/jilin"]
    assert entry["status"] == "ok" and entry["params"]["region"] == "jilin"
    assert "environment_co2" in entry["inputs"]["datasets"]
    assert "policy_milestones" not in entry["inputs"]["datasets"]  # only what it loaded
    for kind in ("html", "pdf", "ipynb"):
        out = entry["outputs"][kind]
        import hashlib

        assert hashlib.sha256((built / out["path"]).read_bytes()).hexdigest() == out["sha256"]
    index = (built / "index.html").read_text()
    # The header row, and one row per report (its data-topic and data-region for the filters).
    assert index.count("<tr>") == 1 and index.count("<tr data-topic=") == 15
    assert 'href="economy/jilin.pdf"' in index


def test_northeast_is_computed_and_labelled(built: Path) -> None:
    text = (built / "economy/northeast.ipynb").read_text()
    assert "The Northeast is the sum of the three provinces within each release" in text


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_html_is_one_offline_file_with_sources(built: Path, rid: str) -> None:
    page = (built / f"{rid}.html").read_text()
    assert not re.findall(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert words(rid)["sources"] in page and "sha256" in page
    assert "<pre" not in page or "In&nbsp;[" not in page  # no code cells shown


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_every_report_can_be_cited(built: Path, rid: str) -> None:
    check_built_citation(built, rid)


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_every_charts_csv_is_its_data(built: Path, rid: str) -> None:
    assert check_chart_files(built, rid) >= 3


def test_the_index_shows_a_thumbnail_of_every_report(built: Path) -> None:
    page = (built / "index.html").read_text()
    body = page.split("<tbody>")[1]
    rows = body.count("<tr ")
    thumbs = re.findall(r'<img src="([^"]+\.svg)" alt=""', body)
    assert rows and len(thumbs) == rows
    assert all((built / t).read_text().lstrip().startswith("<svg") for t in thumbs)
    # Two reports of one topic show two pictures (a row holds both languages): a policy
    # report's first chart (the national milestones) was every policy report's thumbnail.
    drawn = {t: (built / t).read_bytes() for t in thumbs}
    for topic in ("policy", "economy", "environment"):
        mine = [svg for t, svg in drawn.items() if t.startswith(f"{topic}/")]
        assert len(mine) == 5 and len(set(mine)) == 5, topic


@pytest.mark.parametrize("rid", ["policy/inner-mongolia", "economy/jilin", "environment/northeast"])
def test_pdf_is_a4_vector_with_region_and_sources(built: Path, rid: str) -> None:
    pdf = built / f"{rid}.pdf"
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    assert int(re.search(r"Pages:\s+(\d+)", info)[1]) >= 3
    text = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert REGION_NAMES[rid.split("/")[1]] in text
    assert "Sources and run information" in text and "Year" in text  # chart axis text
    images = (
        subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()
    )
    assert len(images) == 2, "charts must be vector, not images"  # header lines only
    regions = nereport.load("regions").set_index("slug")
    assert regions.loc[rid.split("/")[1], "name_zh"] in text  # Chinese names rendered, as text
    header, _, *fonts = (
        subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()
    )
    emb = header.index("emb")
    assert fonts and all(line[emb : emb + 3] == "yes" for line in fonts)  # all fonts embedded


def test_outputs_are_reachable_by_keyboard_and_images_described(built: Path, browser) -> None:
    page = browser.new_page()
    page.goto((built / "policy/jilin.html").as_uri())
    # Every output is a keyboard stop; for a chart, the chart itself (named by its description).
    stops = page.eval_on_selector_all(
        ".jp-OutputArea-output:not(.nr-chart-output), .nr-chart-output .nr-chart",
        "els => els.map(e => e.tabIndex)",
    )
    assert len(stops) > 10 and set(stops) == {0}
    assert page.eval_on_selector_all("img:not([alt])", "els => els.length") == 0
    page.close()


def test_tooltip_shows_on_hover(built: Path, browser) -> None:
    page = browser.new_page()
    page.goto((built / "economy/liaoning.html").as_uri())
    page.wait_for_selector(".nr-chart svg g.mark-symbol path")
    point = page.query_selector_all(".nr-chart svg g.mark-symbol path")[5]
    point.hover()
    tooltip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5000)
    assert "Year" in tooltip.inner_text()
    page.close()


def test_screenshot_for_the_record(built: Path, browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    page.goto((built / "policy/liaoning.html").as_uri())
    page.wait_for_selector(".nr-chart svg")
    shot = tmp_path / "policy-liaoning.png"  # not in the build's folder, shared by the tests
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20000
    page.close()


def test_second_build_is_a_no_op(built: Path) -> None:
    result = build(matrix(), out_dir=built, jobs=2)
    assert {o.status for o in result.outcomes} == {"up to date"}


_CHART_DIV = re.compile(
    r'<div id="nr-chart-[^"]*" class="nr-chart" role="img" tabindex="0" aria-label="([^"]*)"'
)
_NOT_A_FIGURE = re.compile(r"\b(?:19|20)\d\d(?:-\d\d){0,2}\b")  # years and dates


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_every_chart_has_a_text_alternative_with_figures_and_its_data(
    built: Path, rid: str
) -> None:
    page = (built / f"{rid}.html").read_text()
    labels = _CHART_DIV.findall(page)
    assert labels and len(labels) == page.count("window.vegaEmbed(el,spec,opt)")
    for label in labels:
        assert re.search(r"\d", _NOT_A_FIGURE.sub("", label)), f"no figure in: {label}"
        # Read as one line: no break inside a (wrapped) label, no space before a Chinese comma.
        assert "\n" not in label and not re.search(r"\s[，。；：]", label), label
    assert page.count(words(rid)["data"]) == len(labels)
    # The PDF: each chart's image carries the same description as its alternative text.
    import pikepdf

    with pikepdf.open(built / f"{rid}.pdf") as doc:
        alts = [
            str(obj.Alt)
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure" and "/Alt" in obj
        ]
    assert sorted(alts) == sorted(html.unescape(label) for label in labels)


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_pdf_is_tagged_dated_and_outlined_like_its_headings(built: Path, rid: str) -> None:
    import pikepdf

    info = subprocess.run(
        ["pdfinfo", built / f"{rid}.pdf"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tagged:          yes" in info
    # Dated (SOURCE_DATE_EPOCH), not the epoch: only the date lines, since a file size such as
    # "419708 bytes" holds 1970 too.
    dates = re.findall(r"^(?:CreationDate|ModDate):\s+(.*)$", info, re.M)
    assert len(dates) == 2 and not any("1970" in d for d in dates), dates
    assert re.search(r"Author:\s+nereport", info) and re.search(r"Subject:\s+\S", info)
    page = (built / f"{rid}.html").read_text().partition("<body")[2]  # not the Vega bundle's
    headings = [
        " ".join(html.unescape(re.sub(r"<[^>]+>|¶", "", h)).split())
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)
    ]
    with pikepdf.open(built / f"{rid}.pdf") as doc:
        assert str(doc.Root.Lang) == ("zh-CN" if rid.endswith(".zh") else "en")
        with doc.open_outline() as outline:
            (top,) = outline.root  # the report's title, its sections below it
            sections = [" ".join(item.title.split()) for item in top.children]
    assert sections == headings


def test_the_csp_runs_only_the_pages_own_scripts(built: Path, browser, tmp_path: Path) -> None:
    page_text = (built / "economy/jilin.html").read_text()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page_text)[1]
    script_src = re.search(r"script-src ([^;]*)", csp)[1]
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert script_src.split() and all(s.startswith("'sha256-") for s in script_src.split())
    # A script that got into the page some other way (an escaping slip) does not run.
    hostile = tmp_path / "hostile.html"
    head, body_end, tail = page_text.rpartition("</body>")
    hostile.write_text(head + '<script>document.title = "pwned";</script>' + body_end + tail)
    tab = browser.new_page()
    violations: list[str] = []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    tab.goto(hostile.as_uri())
    # Every chart of the page draws: its own scripts (one per chart, each with its hash) run.
    charts = page_text.count("window.vegaEmbed(el,spec,opt)")
    assert charts and page_text.count('class="nr-chart"') == charts
    drawn = "els => els.filter(e => e.querySelector('svg path')).length"
    for _ in range(100):  # wait_for_function would evaluate a string: the CSP forbids that
        if tab.eval_on_selector_all(".nr-chart", drawn) == charts:
            break
        tab.wait_for_timeout(200)
    assert tab.eval_on_selector_all(".nr-chart", drawn) == charts
    assert tab.title() != "pwned" and violations
    tab.close()


# Research remarks of the reference's text (and their old translation); none may reach a reader.
RESEARCH_NOTES = re.compile(
    r"inferred from sequence|excerpt truncated|looks like a typo|not in the excerpt|"
    r"not named in the excerpt|conflicting (date|month) kept|; kept\)|East Port|年份据先后顺序推断"
)


@pytest.mark.parametrize("rid", [r for r in REPORT_IDS if r.startswith("policy/")])
def test_policy_reports_name_their_own_programmes_without_research_notes(
    built: Path, rid: str
) -> None:
    page = (built / f"{rid}.html").read_text()
    assert not RESEARCH_NOTES.search(page), RESEARCH_NOTES.search(page)
    # The region's own section lists at least three cited programmes before the national ones.
    zh = rid.endswith(".zh")
    own = page.index('<h2 id="本地区规划' if zh else '<h2 id="The-region')
    national = page.index('<h2 id="全国大事记"' if zh else '<h2 id="National-milestones"', own)
    cited = page[own:national].count("<em>来源：" if zh else "<em>Source: ")
    assert cited >= 3
