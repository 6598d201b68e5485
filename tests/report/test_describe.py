"""Charts described in words and as tables, from the specs the chart helpers make."""

from __future__ import annotations

import pandas as pd

from nereport import i18n
from nereport.report import charts
from nereport.report.describe import data_table, describe, fmt
from nereport.report.render import chart_html


def _spec(chart) -> dict:
    return chart.to_dict()


def _gdp() -> pd.DataFrame:
    # Two releases of one region: the second starts lower (a revision, not a fall).
    return pd.DataFrame(
        {
            "year": [2008, 2009, 2010, 2010, 2011, 2012],
            "gdp": [100.0, 110.0, 121.0, 90.0, 99.0, 120.0],
            "region_name": ["Jilin"] * 6,
            "segment": ["old", "old", "old", "new", "new", "new"],
        }
    )


def test_a_line_chart_states_period_start_end_and_largest_change_within_a_release() -> None:
    chart = charts.line(_gdp(), "gdp", "GDP (100 million yuan)", "GDP of Jilin", segment="segment")
    text = describe(_spec(chart))
    assert text.startswith("Line chart: GDP of Jilin. GDP (100 million yuan), 2008 to 2012.")
    assert "Jilin: 100.0 in 2008, 120.0 in 2012." in text
    # 2011 -> 2012 (+21) is the largest step inside a release; the 121 -> 90 drop between the
    # releases is no change at all and is never reported.
    assert "Largest change between neighbouring points: +21.0 (Jilin), 2011 to 2012." in text
    assert "−31" not in text


def test_a_series_is_described_along_its_years_whatever_the_rows_order() -> None:
    # Jilin's first releases came 2021 before 2020 in the data: the description read
    # "13,235.5 in 2021, 12,311.3 in 2020" and a step backwards in time.
    frame = pd.DataFrame(
        {"year": [2021, 2020, 2022], "v": [13235.5, 12311.3, 13070.2], "region_name": ["Jilin"] * 3}
    )
    spec = _spec(charts.line(frame, "v", "GDP (100 million yuan)", "GDP of Jilin"))
    spec["datasets"] = {k: list(reversed(rows)) for k, rows in spec["datasets"].items()}
    text = describe(spec)
    assert "Jilin: 12,311.3 in 2020, 13,070.2 in 2022." in text
    assert "+924.2 (Jilin), 2020 to 2021." in text


def test_the_table_holds_every_row_with_the_tooltip_formats() -> None:
    frame = pd.DataFrame({"year": [2019, 2020], "v": [1234.5, -0.25], "region_name": ["China"] * 2})
    chart = charts.line(frame, "v", "Value (%)", "Title", fmt=",.1f")
    header, rows = data_table(_spec(chart))
    assert header == ["Series", "Year", "Value (%)"]
    assert rows == [["China", "2019", "1,234.5"], ["China", "2020", "−0.3"]]


def test_bars_by_category_name_each_value() -> None:
    frame = pd.DataFrame({"pollutant": ["SO2", "COD"], "t": [12.5, 30.0], "year": ["2010", "2010"]})
    chart = charts.bars(
        frame, "pollutant", "t", "Pollutant", "10,000 t", "Discharges", color="year"
    )
    text = describe(_spec(chart))
    assert text == "Bar chart: Discharges. 10,000 t. 2010: SO2: 12.5; COD: 30.0."


def test_chart_html_is_a_figure_named_by_its_description_with_its_data() -> None:
    frame = pd.DataFrame({"year": [2000, 2001], "v": [1.0, 2.0], "region_name": ["<b>X</b>"] * 2})
    spec = _spec(charts.line(frame, "v", "V", "T"))
    page = chart_html(spec)
    assert page.startswith('<figure class="nr-figure">')
    assert 'role="img" tabindex="0" aria-label="Line chart: T. V, 2000 to 2001.' in page
    assert "&lt;b&gt;X&lt;/b&gt;: 1.0 in 2000, 2.0 in 2001." in page  # data text stays text
    assert "<summary>Data of this chart (2 rows)</summary>" in page
    assert page.count("<tr>") == 3 and "<b>X</b>" not in page


def test_fmt_follows_d3_for_the_formats_the_charts_use() -> None:
    assert fmt(1234.567, ",.1f") == "1,234.6"
    assert fmt(-3.14159, ".2f") == "−3.14"
    assert fmt(5.04, "+.1f") == "+5.0"
    assert fmt(2024, "d") == "2024" and fmt(2024.0, "") == "2024" and fmt("a", ",.1f") == "a"


def test_a_chinese_report_describes_its_charts_in_chinese_with_the_same_figures() -> None:
    gdp = _gdp().assign(region_name="吉林省")
    line = _spec(
        charts.line(gdp, "gdp", "地区生产总值（亿元）", "吉林省地区生产总值", segment="segment")
    )
    frame = pd.DataFrame({"pollutant": ["SO2", "COD"], "t": [12.5, 30.0], "year": ["2010"] * 2})
    bars = _spec(charts.bars(frame, "pollutant", "t", "污染物", "万吨", "排放量", color="year"))
    events = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2003-10-05", "2016-04-26"]),
            "date": ["2003-10", "2016-04-26"],
            "event": ["振兴战略实施", "全面振兴"],
            "document": ["中发〔2003〕11号", "中发〔2016〕7号"],
            "label": ["2003", ""],
        }
    )
    timeline = _spec(charts.timeline(events, "政策大事记"))
    with i18n.using("zh"):
        assert describe(line) == (
            "折线图：吉林省地区生产总值。地区生产总值（亿元），2008年至2012年。"
            "吉林省：2008年为100.0，2012年为120.0。"
            "相邻数据点间变动最大：增加21.0（吉林省，2011年至2012年）。"
        )
        assert describe(bars) == "柱状图：排放量。万吨。2010年：SO2：12.5；COD：30.0。"
        assert describe(timeline) == (
            "时间轴：政策大事记。共2项事件，时间自2003年10月至2016年4月26日。"
        )
        assert "<summary>本图数据（6行）</summary>" in chart_html(line)
    assert i18n.current() == "en"  # the language before is restored
    assert describe(timeline) == "Timeline: 政策大事记. 2 events, from 2003-10 to 2016-04-26."


def test_a_change_of_a_share_is_in_percentage_points() -> None:
    frame = pd.DataFrame(
        {"year": [2014, 2015], "share": [10.0, 9.81], "region_name": ["东北三省"] * 2}
    )
    with i18n.using("zh"):
        chart = charts.line(frame, "share", "占全国比重（%）", "比重", fmt=".2f")
        # In words, without a sign (the zh review: no "+" or "−" in Chinese prose).
        assert "相邻数据点间变动最大：降低0.19个百分点" in describe(_spec(chart))
    chart = charts.line(frame, "share", "Share of China (%)", "Share", fmt=".2f")
    assert "points: −0.19 percentage points" in describe(_spec(chart))
    chart = charts.line(frame, "share", "GDP (100 million yuan)", "GDP", fmt=".2f")
    assert "percentage points" not in describe(_spec(chart))
