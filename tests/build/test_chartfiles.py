"""Each chart's downloads: its data as CSV (the rows of the chart, unformatted, with a header
naming the chart, its release notes and units) and its SVG, as data: links; anchors in order."""

from __future__ import annotations

import base64
import csv
import html
import io
import re

import pandas as pd

from nereport import i18n
from nereport.build.chartfiles import anchors, chart_csv, chart_downloads
from nereport.report import charts
from nereport.report.describe import describe
from nereport.report.render import VEGALITE_MIMETYPE, chart_html, chart_id


def _spec() -> dict:
    frame = pd.DataFrame(
        {"year": [2019, 2020], "v": [1234.5678, -0.25], "region_name": ['Jilin, "A"'] * 2}
    )
    chart = charts.line(frame, "v", "Value (100 million yuan)", "Title", fmt=",.1f")
    spec = chart.to_dict()
    spec["title"] = {"text": "Title", "subtitle": ["NBS release c.2021", "second line"]}
    return spec


def _read(text: str) -> tuple[list[str], list[list[str]]]:
    notes = [line for line in text.splitlines() if line.startswith("# ")]
    rows = list(csv.reader(io.StringIO("\n".join(text.splitlines()[len(notes) :]))))
    return notes, rows


def test_the_csv_is_the_charts_rows_unformatted_with_units_and_release() -> None:
    notes, rows = _read(chart_csv(_spec()))
    assert notes[:3] == ["# Title", "# NBS release c.2021", "# second line"]
    assert "sources section" in notes[3]
    assert rows[0] == ["Series", "Year", "Value (100 million yuan)"]
    # Values as the data hold them (not the tooltip's ",.1f"); a comma or quote stays one cell.
    assert rows[1:] == [['Jilin, "A"', "2019", "1234.5678"], ['Jilin, "A"', "2020", "-0.25"]]


def test_the_csv_carries_no_float_noise() -> None:
    # "吉林省,2001,0.8905653199999999": a share computed in the report, its last digits noise.
    frame = pd.DataFrame(
        {
            "year": [2000, 2001, 2002, 2003],
            "v": [0.1 + 0.2, 0.8905653199999999, 1234.5678, 2.0],
            "region_name": "Jilin",
        }
    )
    _notes, rows = _read(chart_csv(charts.line(frame, "v", "V", "T").to_dict()))
    assert [r[2] for r in rows[1:]] == ["0.3", "0.89056532", "1234.5678", "2.0"]


def test_the_links_carry_the_csv_and_the_svg_named_after_the_chart() -> None:
    spec = _spec()
    bundle = {VEGALITE_MIMETYPE: spec, "image/svg+xml": "<svg>x</svg>"}
    with i18n.using("zh"):
        links = chart_downloads(bundle)
        expected = chart_csv(spec)
        title = html.escape(describe(spec), quote=False)
    found = dict(re.findall(r'download="([^"]+)" type="[^"]+" href="data:[^,]+,([^"]+)"', links))
    name = chart_id(spec)
    assert base64.b64decode(found[f"{name}.csv"]).decode() == expected
    assert "资料来源" in expected
    # The downloaded SVG is named by the chart's description (its marks are aria-hidden).
    assert base64.b64decode(found[f"{name}.svg"]).decode() == f"<svg><title>{title}</title>x</svg>"
    assert "下载数据（CSV）" in links and "<script" not in links
    assert chart_downloads({"text/plain": "x"}) == ""


def test_anchors_are_the_chart_ids_in_page_order() -> None:
    first, second = _spec(), {**_spec(), "width": 123}
    page = chart_html(first) + chart_html(second)
    assert anchors(page) == [chart_id(first), chart_id(second)]
