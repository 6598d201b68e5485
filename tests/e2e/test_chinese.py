"""The Chinese reports as a reader gets them: written in Chinese characters, CJK fonts embedded
in the PDFs and Chinese text that extracts; the same figures as the English report. What each
shows in Chromium (Chinese page language, no English left in charts, descriptions and data
tables) is checked where every page is opened (tests/e2e/test_accessibility.py)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from chinese import english_left
from helpers import REPORT_IDS, reader_text

pytestmark = pytest.mark.slow
CHINESE = [rid for rid in REPORT_IDS if rid.endswith(".zh")]


def test_english_is_found_where_it_leaks() -> None:
    # The checker itself: an English sentence is caught, Chinese with its acronyms is not.
    assert english_left("2003—2019年，吉林省年均增长 **8.9%**（GDP）。") == []
    assert english_left("吉林省 grew faster than 全国") != []
    assert english_left("来源：https://data.stats.gov.cn/ 与 github:x/y@1") == []


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
