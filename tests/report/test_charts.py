"""Chart helpers: a line joins consecutive years of one series only; regions keep their colour
and their order whatever the labels' language."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import drawn_lines
from nereport.report import charts
from nereport.report.theme import REGION_COLOURS, shade


def test_a_line_breaks_where_a_year_is_missing() -> None:
    frame = pd.DataFrame(
        {"year": [2011, 2012, 2014, 2015], "v": [1.0, 2.0, 3.0, 4.0], "region_name": "Jilin"}
    )
    assert sorted(drawn_lines(charts.line(frame, "v", "V", "T")).values()) == [
        [2011, 2012],
        [2014, 2015],
    ]


def test_a_line_breaks_at_an_empty_value_instead_of_joining_over_it() -> None:
    frame = pd.DataFrame(
        {"year": [2011, 2012, 2013], "v": [1.0, None, 3.0], "region_name": "Jilin"}
    )
    assert sorted(drawn_lines(charts.line(frame, "v", "V", "T")).values()) == [[2011], [2013]]


def test_segments_and_series_break_separately() -> None:
    frame = pd.DataFrame(
        {
            "year": [2019, 2020, 2021, 2023, 2019, 2020],
            "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "region_name": ["Jilin"] * 4 + ["China"] * 2,
            "segment": ["a", "a", "b", "b", "a", "a"],
        }
    )
    lines = drawn_lines(charts.line(frame, "v", "V", "T", segment="segment", start=2000, end=2024))
    assert sorted(lines.values()) == [[2019, 2020], [2019, 2020], [2021], [2023]]


def test_two_values_of_one_year_in_one_line_are_refused() -> None:
    frame = pd.DataFrame(
        {"year": [2014, 2014, 2015], "v": [131.24, 131.24, 120.0], "region_name": "IM"}
    )
    with pytest.raises(charts.JoinedSourcesError, match="two values for one year"):
        charts.line(frame, "v", "V", "T")


def test_policy_year_labels_stand_above_the_plot() -> None:
    frame = pd.DataFrame({"year": range(2000, 2020), "v": range(20), "region_name": "Jilin"})
    spec = charts.line(frame, "v", "V", "T", start=2000, end=2024, marks=charts.MARKED_YEARS)
    texts = [
        layer
        for layer in spec.to_dict()["layer"][1]["layer"]
        if isinstance(layer["mark"], dict) and layer["mark"]["type"] == "text"
    ]
    assert len(texts) == 2
    for text in texts:  # drawn from the plot's top edge upwards: no data point is there
        assert text["encoding"]["y"] == {"value": 0}
        assert text["mark"]["baseline"] == "bottom" and text["mark"]["dy"] < 0
    # the 2016 label would run past the right edge: it ends at its rule instead
    aligns = {t["mark"]["align"] for t in texts}
    assert aligns == {"left", "right"}


@pytest.mark.parametrize("topic", ["economy", "environment"])
@pytest.mark.parametrize("region", ["heilongjiang", "jilin", "northeast", "inner-mongolia"])
def test_no_chart_line_bridges_a_gap_or_joins_two_values_of_a_year(topic: str, region: str) -> None:
    # Heilongjiang's first-published population joined 2012 to 2014 across the excluded 2013
    # value; Jilin's first-release growth joined 2021 to 2023 across its missing 2022.
    import importlib
    import inspect

    from nereport import report
    from pages import line_faults

    module = importlib.import_module(f"nereport.report.{topic}")
    ctx = report.start(topic, region=region)
    faults = []
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ == module.__name__ and name.endswith("_chart"):
            figure = function(ctx)
            if figure.chart is not None:
                faults += line_faults(figure.chart.to_dict())
    assert not faults


def test_census_map_legend_covers_the_data_and_the_map_names_its_extremes() -> None:
    from nereport import report
    from nereport.report import economy

    spec = economy.census_map(report.start("economy", region="northeast")).chart.to_dict()
    areas = spec["layer"][0]["encoding"]["color"]
    low, high = areas["scale"]["domain"]
    values = pd.DataFrame([r for rows in spec["datasets"].values() for r in rows])
    changes = [p["value"] for p in values["properties"].dropna()]
    assert low <= min(changes) and max(changes) <= high  # −35.2 % is inside the legend
    assert areas["legend"]["values"][0] == low and areas["legend"]["values"][-1] == high
    labels = set(values["label"].dropna())
    assert any(label.startswith("Da Hinggan Ling −35.2") for label in labels)
    assert any(label.startswith("Shenyang +11.9") for label in labels)


SLUGS = ["china", "jilin", "liaoning", "heilongjiang", "northeast"]
NAMES = {
    "en": ["China", "Jilin", "Liaoning", "Heilongjiang", "Northeast (LN+JL+HL)"],
    "zh": ["全国", "吉林省", "辽宁省", "黑龙江省", "东北三省"],
}


def _frame(lang: str) -> pd.DataFrame:
    return pd.DataFrame({"year": 2000, "v": range(5), "region": SLUGS, "region_name": NAMES[lang]})


def _scale(chart) -> dict:
    spec = chart.to_dict()
    layer = spec.get("layer", [spec])[0]
    return layer["encoding"]["color"]["scale"]


def test_a_region_has_its_colour_and_place_in_both_languages() -> None:
    for lang in ("en", "zh"):
        frame = _frame(lang)
        for chart in (
            charts.line(frame, "v", "y", "t"),
            charts.bars(frame, "region_name", "v", "x", "y", "t", color="region_name"),
        ):
            scale = _scale(chart)
            by_name = dict(zip(scale["domain"], scale["range"], strict=True))
            for slug, name in zip(SLUGS, NAMES[lang], strict=True):
                assert by_name[name] == REGION_COLOURS[slug], (lang, name)
            order = [
                NAMES[lang][SLUGS.index(s)]
                for s in ("liaoning", "jilin", "heilongjiang", "northeast", "china")
            ]
            assert scale["domain"] == order


def test_bars_and_chart_data_follow_the_regions_order() -> None:
    spec = charts.bars(_frame("zh"), "region_name", "v", "x", "y", "t").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["region_name"] for r in rows] == ["辽宁省", "吉林省", "黑龙江省", "东北三省", "全国"]


def test_several_lines_of_one_region_take_shades_of_its_colour() -> None:
    frame = pd.DataFrame(
        {
            "year": 2015,
            "v": [1, 2, 3],
            "region": ["china", "china", "liaoning"],
            "series": ["全国（74个城市）", "全国（338个城市）", "辽宁省"],
        }
    )
    scale = _scale(charts.line(frame, "v", "y", "t", color="series"))
    assert scale["domain"] == ["辽宁省", "全国（74个城市）", "全国（338个城市）"]
    assert scale["range"] == [
        REGION_COLOURS["liaoning"],
        REGION_COLOURS["china"],
        shade(REGION_COLOURS["china"], 1, 2),
    ]


def test_releases_of_one_region_take_the_palette_in_the_datas_order() -> None:
    # Not sorted by label: a label sorts one way in English and another in Chinese.
    frame = pd.DataFrame(
        {"year": 2015, "v": [1, 2], "region": "jilin", "series": ["2021年版", "2018年版"]}
    )
    assert _scale(charts.line(frame, "v", "y", "t", color="series")) == {
        "domain": ["2021年版", "2018年版"],
        "range": charts.PALETTE,
    }


def test_a_single_region_is_drawn_in_its_colour_in_both_languages() -> None:
    for name in ("Northeast (Liaoning, Jilin, Heilongjiang)", "东北三省"):
        frame = pd.DataFrame({"year": [2000, 2001], "v": [1, 2], "region": "northeast"})
        scale = _scale(charts.line(frame.assign(region_name=name), "v", "y", "t"))
        assert scale == {"domain": [name], "range": [REGION_COLOURS["northeast"]]}


def test_a_third_line_of_one_region_takes_a_colour_of_its_own() -> None:
    frame = pd.DataFrame(
        {"year": 2015, "v": [1, 2, 3], "region": "china", "series": ["a", "b", "c"]}
    ).assign(region=["china", "china", "china"])
    frame = pd.concat(
        [frame, frame.assign(region="jilin", series="吉林省").iloc[:1]], ignore_index=True
    )
    scale = _scale(charts.line(frame, "v", "y", "t", color="series"))
    assert scale["domain"] == ["吉林省", "a", "b", "c"]
    assert scale["range"][:2] == [REGION_COLOURS["jilin"], REGION_COLOURS["china"]]
    assert len(set(scale["range"])) == 4


def test_thirteen_lines_of_four_regions_are_thirteen_colours() -> None:
    # The Northeast's PM2.5 chart: provinces' and cities' means and China's five city networks.
    counts = {"liaoning": 2, "jilin": 3, "heilongjiang": 3, "china": 5}
    frame = pd.DataFrame(
        [
            {"year": 2015, "v": 1.0, "region": region, "series": f"{region} {i}"}
            for region, n in counts.items()
            for i in range(n)
        ]
    )
    scale = _scale(charts.line(frame, "v", "y", "t", color="series"))
    assert len(scale["domain"]) == 13 and len(set(scale["range"][:13])) == 13


def test_axis_titles_come_from_the_declarations_in_both_languages() -> None:
    from nereport import i18n
    from nereport.data import dataset

    column = dataset("environment_co2").column("co2_mt")
    assert charts.axis_title("environment_co2", "co2_mt") == column.label()
    assert column.label() == "CO2 emissions (Mt CO2)"
    with i18n.using("zh"):
        assert charts.axis_title("environment_co2", "co2_mt") == "二氧化碳排放量（百万吨）"
        assert charts.axis_title("environment_pm25", "pm25_ugm3") == "PM2.5年均浓度（微克/立方米）"
        assert charts.axis_title("economy_population", "population_10k") == "年末人口（万人）"


def test_a_maps_data_table_lists_prefectures_province_by_province() -> None:
    from nereport import report
    from nereport.report import economy
    from nereport.report.describe import data_table

    # A province's map covers the whole policy area (the Northeast's only its three provinces).
    figure = economy.census_map(report.start("economy", region="jilin"))
    _, rows = data_table(getattr(figure, "chart", figure).to_dict())
    names = [r[0] for r in rows]
    assert names.index("Shenyang") < names.index("Changchun") < names.index("Harbin")
    assert names.index("Harbin") < names.index("Hulunbuir")


def test_the_year_axis_spans_the_datas_years_only() -> None:
    # A padded scale rounded out ('nice') to years without data: "2024 2025" collided at the
    # right end, and the water chart ran to 2025 with nothing there.
    frame = pd.DataFrame({"year": [2013, 2019, 2024], "v": [1.0, 2.0, 3.0], "region_name": "Jilin"})
    spec = charts.line(frame, "v", "V", "T").to_dict()
    scale = spec["encoding"]["x"]["scale"]
    assert scale["domain"] == [2013, 2024] and scale["nice"] is False
    assert scale["padding"] > 0  # end points drawn whole


def test_no_mark_reads_its_internal_fields_to_a_screen_reader() -> None:
    """Vega-Lite describes each mark by every encoded field ("line_run: Jilin/…/#0; v:
    2.73675664385"); the theme hides marks and guides: the chart is named by its description."""
    import altair as alt

    from helpers import svg_in_own_process
    from nereport.report.theme import theme

    frame = pd.DataFrame(
        {"year": [2011, 2012, 2013], "v": [2.73675664385, 2.5, 3.0], "region_name": "Jilin"}
    )
    chart = charts.line(frame, "v", "V", "T")
    alt.theme.register("nereport", enable=False)(theme)
    with alt.theme.enable("nereport"):
        spec = chart.to_dict()
    svg = svg_in_own_process(spec)  # this process may fork build workers later
    assert "line_run" not in svg and "2.73675664385" not in svg
    # Only the title, which a reader sees, keeps its label.
    assert re.findall(r'aria-label="([^"]*)"', svg) == ["Title text 'T'"]
    marks = re.findall(r'<g class="mark-\w+ role-mark[^"]*"([^>]*)>', svg)
    assert marks and all('aria-hidden="true"' in m for m in marks)


def test_year_bars_stand_at_their_years_and_never_take_two_values_for_one_year() -> None:
    frame = pd.DataFrame({"year": [2003, 2015, 2022], "v": [1.0, 2.0, 3.0], "series": list("aab")})
    spec = charts.year_bars(frame, "v", "V", "T").to_dict()
    assert spec["encoding"]["x"]["type"] == "quantitative"
    assert spec["encoding"]["x"]["scale"]["domain"] == [2003, 2022]
    twice = pd.concat([frame, frame.assign(series="c").head(1)])
    with pytest.raises(charts.JoinedSourcesError):
        charts.year_bars(twice, "v", "V", "T")
