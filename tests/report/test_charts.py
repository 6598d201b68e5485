"""Chart helpers: regions keep their colour and their order whatever the labels' language."""

from __future__ import annotations

import pandas as pd

from nereport.report import charts
from nereport.report.theme import REGION_COLOURS, shade

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


def test_releases_of_one_region_take_the_palette() -> None:
    frame = pd.DataFrame(
        {"year": 2015, "v": [1, 2], "region": "jilin", "series": ["2018年版", "2021年版"]}
    )
    assert _scale(charts.line(frame, "v", "y", "t", color="series")) == {"range": charts.PALETTE}


def test_a_single_region_is_drawn_in_its_colour_in_both_languages() -> None:
    for name in ("Northeast (Liaoning, Jilin, Heilongjiang)", "东北三省"):
        frame = pd.DataFrame({"year": [2000, 2001], "v": [1, 2], "region": "northeast"})
        scale = _scale(charts.line(frame.assign(region_name=name), "v", "y", "t"))
        assert scale == {"domain": [name], "range": [REGION_COLOURS["northeast"]]}


def test_a_third_line_of_one_region_takes_a_colour_of_its_own() -> None:
    frame = pd.DataFrame(
        {"year": 2015, "v": [1, 2, 3], "region": "china", "series": ["a", "b", "c"]}
    ).assign(region=["china", "china", "china"])
    frame = pd.concat([frame, frame.assign(region="jilin", series="吉林省")])
    scale = _scale(charts.line(frame, "v", "y", "t", color="series"))
    assert scale["domain"] == ["吉林省", "a", "b", "c"]
    assert scale["range"][:2] == [REGION_COLOURS["jilin"], REGION_COLOURS["china"]]
    assert len(set(scale["range"])) == 4


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

    figure = economy.census_map(report.start("economy", region="northeast"))
    _, rows = data_table(getattr(figure, "chart", figure).to_dict())
    names = [r[0] for r in rows]
    assert names.index("Shenyang") < names.index("Changchun") < names.index("Harbin")
    assert names.index("Harbin") < names.index("Hulunbuir")
