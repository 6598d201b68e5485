"""The exported pages: what the export itself adds to them."""

from __future__ import annotations

import re

import nbformat
import pandas as pd

from nereport import i18n
from nereport.build.export import _add_toc, html_from_notebook, static_html_from_notebook
from nereport.report import charts
from nereport.report.render import VEGALITE_MIMETYPE


def test_the_table_of_contents_is_titled_in_the_reports_language() -> None:
    page = "<body><!--nereport:toc--><h2>增长</h2><p>…</p><h2>人口</h2></body>"
    assert '<nav class="nr-toc" aria-label="目录">' in _add_toc(page, "zh")
    assert '<p class="nr-toc-title">Contents</p>' in _add_toc(page, "en")


def test_a_chinese_report_is_exported_in_chinese_and_the_language_is_restored() -> None:
    frame = pd.DataFrame({"year": [2000, 2001], "v": [1.0, 2.0], "region_name": ["吉林省"] * 2})
    spec = charts.line(frame, "v", "地区生产总值（亿元）", "地区生产总值").to_dict()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## 增长"),
        nbformat.v4.new_code_cell(
            outputs=[
                nbformat.v4.new_output(
                    "display_data", data={VEGALITE_MIMETYPE: spec, "image/svg+xml": "<svg/>"}
                )
            ]
        ),
        nbformat.v4.new_markdown_cell("## 人口"),
    ]
    page = static_html_from_notebook(nb, "吉林省：经济", "zh")
    assert '<html lang="zh-CN">' in page
    assert 'alt="折线图：地区生产总值。地区生产总值（亿元），2000年至2001年。' in page
    assert '<nav class="nr-toc" aria-label="目录">' in page
    assert i18n.current() == "en"
    assert '<html lang="en">' in static_html_from_notebook(nb, "Jilin: economy", "en")


def test_bold_renders_beside_chinese_text_in_both_pages() -> None:
    # CommonMark reads `**标题：**正文` and `累计**+242%**元` as literal asterisks (the closing
    # delimiter sits between full-width punctuation and a CJK character).
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "- **地区生产总值实际增长（分数据版本）：**未找到。\n"
            "- 累计**+242%**元；**GDP:** in English; `**code**` stays code."
        )
    ]
    for page in (
        static_html_from_notebook(nb, "吉林省", "zh"),
        html_from_notebook(nb, "吉林省", "zh"),
    ):
        text = re.sub(r"<code>.*?</code>", "", page)
        assert "<strong>地区生产总值实际增长（分数据版本）：</strong>未找到" in page
        assert "累计<strong>+242%</strong>元" in page
        assert "<strong>GDP:</strong> in English" in page
        assert "<code>**code**</code>" in page
        assert "**" not in re.sub(r"<(style|script)\b.*?</\1>", "", text, flags=re.S)


def test_a_number_keeps_its_unit_on_its_line_in_both_pages() -> None:
    # "49.9 / %" and "1.86 / %" were printed across two lines of a PDF.
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "Share **47.2 %** → 49.9 %; SO2 1.13 Mt, **4.54** trillion yuan; 27 µg/m³ in 2003 times"
        )
    ]
    for page in (
        static_html_from_notebook(nb, "Jilin", "en"),
        html_from_notebook(nb, "Jilin", "en"),
    ):
        assert "<strong>47.2\u00a0%</strong> → 49.9\u00a0%" in page
        assert "1.13\u00a0Mt" in page and "<strong>4.54</strong>\u00a0trillion" in page
        assert "27\u00a0µg/m³ in 2003 times" in page  # a year before a word is not a unit
