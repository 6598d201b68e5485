"""Every built report as a reader gets it: no chart line bridges a missing year or joins two
values of one year; no heading stranded at a page foot, no half-empty page, no research note
in the text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers import REPORT_IDS
from nereport.i18n import translate
from pages import (
    chart_specs,
    headings_at_page_foot,
    last_lines,
    line_faults,
    page_fills,
    pdf_pages,
)

pytestmark = pytest.mark.slow

# Words of a compiler's research notes, which belong in the data files, not in a report.
NOTES = re.compile(r"\b(inferred|typo|excerpt truncated|TODO|FIXME|looks like a)\b", re.I)


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_no_line_bridges_a_missing_year_or_joins_two_values_of_a_year(
    built: Path, rid: str
) -> None:
    faults = [f for spec in chart_specs(built / f"{rid}.ipynb") for f in line_faults(spec)]
    assert not faults


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_no_heading_ends_a_page(built: Path, rid: str) -> None:
    # A heading in the last fifth of a page with at most two lines after it there: the block
    # it introduces went to the next page without it.
    assert not headings_at_page_foot(built / f"{rid}.pdf", room=0.2)


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_no_table_caption_ends_a_page(built: Path, rid: str) -> None:
    # "历年城镇登记失业率（%）" closed page 9 of economy/jilin.zh, its table on page 10.
    page = (built / f"{rid}.html").read_text(encoding="utf-8")
    captions = {
        " ".join(html.unescape(c).split())
        for c in re.findall(r'<p class="nr-table-caption">(.*?)</p>', page)
    }
    assert captions or rid.startswith("policy/")
    assert not [
        (n, line) for n, line in enumerate(last_lines(built / f"{rid}.pdf"), 1) if line in captions
    ]


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_no_page_but_the_last_is_less_than_half_full(built: Path, rid: str) -> None:
    fills = page_fills(built / f"{rid}.pdf")
    assert not [(n, round(f, 2)) for n, f in enumerate(fills[:-1], start=1) if f < 0.5]


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_the_citation_block_ends_the_pdf_whole(built: Path, rid: str) -> None:
    # environment/heilongjiang.zh's page 15 of 15 held only the BibTeX's last two lines.
    pages = pdf_pages(built / f"{rid}.pdf")
    heading = translate("Cite this report", "zh" if rid.endswith(".zh") else "en")
    (start,) = [n for n, page in enumerate(pages, 1) if "@techreport{" in page]
    last = pages[start - 1]
    assert start == len(pages), f"page {start} of {len(pages)} opens the BibTeX"
    assert heading in last and "note = {" in last
    assert last_lines(built / f"{rid}.pdf")[-1] == "}"  # the entry's end, page number left out


@pytest.mark.parametrize(
    "rid", [r for r in REPORT_IDS if r.startswith(("environment/", "economy/"))]
)
def test_no_research_note_reaches_the_reader(built: Path, rid: str) -> None:
    page = (built / f"{rid}.html").read_text().partition("<body")[2]
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert not [text[max(0, m.start() - 80) : m.end() + 40] for m in NOTES.finditer(text)]


@pytest.mark.parametrize("rid", ["policy/northeast.zh", "policy/heilongjiang.zh"])
def test_no_chinese_table_column_is_squeezed_to_one_character(built: Path, rid: str) -> None:
    # A long first cell (its line kept whole) squeezed 地区 and 类型 to one character a line:
    # 黑/龙/江/省, 工/业/园/区.
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(built / f"{rid}.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "黑龙江省" in text
    assert not re.search(r"^黑\n龙\n江", text, re.M)
