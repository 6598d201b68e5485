"""The sources appendix of every built report: at most a fifth of its PDF, and in Chinese in a
Chinese report."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import REPORT_IDS

pytestmark = pytest.mark.slow
HEADING = {"en": "Sources and run information", "zh": "资料来源与运行信息"}
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _lang(rid: str) -> str:
    return "zh" if rid.endswith(".zh") else "en"


def _outline(items) -> Iterator:  # noqa: ANN001
    for item in items:
        yield item
        yield from _outline(item.children)


def appendix_pages(pdf: Path, heading: str) -> tuple[float, int]:
    """How many pages the section ``heading`` takes to the end of ``pdf``, and the PDF's pages:
    its first page counted from the heading down (the PDF outline's destination), its last
    page down to its last line of text (the page number in the footer left aside)."""
    import pikepdf

    with pikepdf.open(pdf) as doc:
        with doc.open_outline() as outline:
            item = next(i for i in _outline(outline.root) if i.title == heading)
            target, _fit, _left, top = list(item.destination)[:4]
        pages = [p.obj.objgen for p in doc.pages]
        first = pages.index(target.objgen)
        height = float(doc.pages[first].mediabox[3])
    last = len(pages)
    words = subprocess.run(
        ["pdftotext", "-f", str(last), "-l", str(last), "-bbox", pdf, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    bottoms = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', words)]
    # The footer's page number sits in the bottom margin (18 mm = 51 pt).
    end = max([y for y in bottoms if y < height - 51] or [height]) / height
    start = 1 - float(top) / height
    return (last - 1 - first) + end - start, last


def appendix_text(page: str, heading: str) -> str:
    """What a reader reads of the appendix of an HTML report: from its heading to the end,
    without the text kept as published in English (lang="en"), code (parameters, digests) and
    markup."""
    page = html.unescape(page)  # nbconvert writes a heading's characters as references
    section = page[re.search(rf"<h2[^>]*>{heading}", page).start() :]
    section = re.sub(r'<span lang="en">.*?</span>', " ", section, flags=re.S)
    section = re.sub(
        r"<code>.*?</code>|<script.*?</script>|<style.*?</style>", " ", section, flags=re.S
    )
    return re.sub(r"<[^>]+>", " ", section)


@pytest.mark.parametrize("rid", REPORT_IDS)
def test_the_sources_appendix_takes_at_most_a_fifth_of_the_pdf(built: Path, rid: str) -> None:
    used, pages = appendix_pages(built / f"{rid}.pdf", HEADING[_lang(rid)])
    assert 0 < used <= pages / 5, f"{rid}: the appendix takes {used:.2f} of {pages} pages"


@pytest.mark.parametrize("rid", [r for r in REPORT_IDS if r.endswith(".zh")])
def test_the_sources_appendix_of_a_chinese_report_is_in_chinese(built: Path, rid: str) -> None:
    text = appendix_text((built / f"{rid}.html").read_text(), HEADING["zh"])
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    assert cjk > latin, f"{rid}: {cjk} CJK characters, {latin} Latin letters"
    assert "National Bureau" not in text and "国家统计局" in text
