"""Environment report: each figure drawn once, from one source per year and scope."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nereport
from nereport import i18n, report
from nereport.report import environment


def _values(figure) -> pd.DataFrame:
    spec = figure.chart.to_dict()
    return pd.DataFrame([r for rows in spec["datasets"].values() for r in rows])


def test_inner_mongolia_2014_air_pollutants_are_the_published_figures() -> None:
    # Two sources print the same 2014 figures (NBS portal, regional statistics); summed, the
    # chart drew SO2 262.5, NOx 251.7, soot and dust 204.3.
    ctx = report.start("environment", region="inner-mongolia")
    air = environment.air_pollutants(ctx)
    shown = air[air["year"] == 2014].set_index("pollutant")["emission_10k_t"].round(2)
    assert shown.to_dict() == {"nox": 125.83, "so2": 131.24, "soot_dust": 102.15}
    drawn = _values(environment.air_chart(ctx))
    assert not drawn.duplicated(["series", "year"]).any()
    assert sorted(drawn.loc[drawn["year"] == 2014, "emission_10k_t"].round(2)) == [
        102.15,
        125.83,
        131.24,
    ]


def test_one_primary_air_pollutant_row_per_region_year_pollutant_and_scope() -> None:
    air = nereport.load("environment_air_pollutants")
    primary = air[air["primary"].astype(bool)]
    assert not primary.duplicated(["region", "year", "pollutant", "scope"]).any()
    assert len(primary[["region", "year", "pollutant", "scope"]].drop_duplicates()) == len(
        air[["region", "year", "pollutant", "scope"]].drop_duplicates()
    )
    # the portal's series is the primary one where it has the figure
    im = primary[(primary["region"] == "inner-mongolia") & (primary["year"] == 2014)]
    assert set(im["source_id"]) == {"nbs_portal_2021"}


def test_northeast_air_pollutants_sum_one_figure_per_province() -> None:
    ne = environment.air_pollutants(report.start("environment", region="northeast"))
    so2 = ne[(ne["pollutant"] == "so2") & (ne["year"] == 2014)]["emission_10k_t"]
    provinces = nereport.load("environment_air_pollutants", pollutant="so2", year=2014)
    provinces = provinces[provinces["region"].isin(["liaoning", "jilin", "heilongjiang"])]
    assert len(provinces) == 3  # one source each
    assert so2.tolist() == [pytest.approx(provinces["emission_10k_t"].sum())]


def test_pm25_is_compared_across_the_regions_in_one_year_naming_who_lacks_it() -> None:
    year, rows, lacking = environment.pm25_regions_frame()
    assert year == 2021  # Liaoning, Jilin, Inner Mongolia and China; 2016 has three
    assert lacking == ["heilongjiang"]
    assert set(rows["year"]) == {2021}
    said = environment.pm25_regions(report.start("environment", region="jilin"))
    assert "in 2021" in said and "Liaoning **35**" in said and "China 30" in said
    assert "No 2021 figure was found for Heilongjiang." in said


def test_water_quality_compares_the_latest_provincial_share_with_china_in_that_year() -> None:
    said = environment.water_quality(report.start("environment", region="jilin"))
    assert "Jilin 2023: **86.2 %**" in said and "against 89.4 % for China" in said
    inner = environment.water_quality(report.start("environment", region="inner-mongolia"))
    assert "no share of good-quality monitoring sections was found" in inner


def test_coal_per_unit_of_gdp_takes_coal_and_gdp_from_one_release() -> None:
    ctx = report.start("environment", region="liaoning")
    frame = environment.coal_intensity_frame(ctx).set_index(["region", "year"])
    coal = nereport.load("environment_coal_use", region="liaoning", year=2017)
    gdp = nereport.load("economy_value_added", release="nbs-2021", region="liaoning", year=2017)
    expected = coal["coal_10k_t"].iloc[0] / gdp["gdp_cny_100m"].dropna().iloc[0]
    assert frame.loc[("liaoning", 2017), "t_per_10k_yuan"] == pytest.approx(expected)
    said = environment.coal_intensity(ctx)
    assert "in 2017" in said and "NBS release of c.2021" in said


def test_energy_mix_names_each_release() -> None:
    said = environment.energy_mix(report.start("environment", region="jilin"))
    assert "**65.8 %** of energy consumption in 2014, **57.7 %** in 2019" in said
    assert "**56.8 %** in 2020 (first release" in said
    lines = _values(environment.energy_mix_chart(report.start("environment", region="jilin")))
    assert not lines.duplicated(["series", "year"]).any()


def test_co2_change_is_measured_between_three_year_means_not_from_the_2003_spike() -> None:
    # Jilin's CEADs series: 92.2 (2002), 134.3 (2003), 112.3 (2004) Mt; from 2003 alone the
    # change read +52 % and the intensity "2.1 times China's".
    ctx = report.start("environment", region="jilin")
    co2 = nereport.load("environment_co2", region="jilin").set_index("year")["co2_mt"]
    before = co2.loc[[2002, 2003, 2004]].mean()
    after = co2.loc[[2017, 2018, 2019]].mean()
    said = environment.co2_change(ctx)
    assert "means of 2002–2004 and of 2017–2019" in said
    assert f"{before:.0f} Mt → {after:.0f} Mt" in said
    assert f"**+{100 * (after / before - 1):.0f} %**" in said and "+52 %" not in said
    assert "times on average in 2002–2004" in environment.co2_intensity(ctx)
    with i18n.using("zh"):  # 亿吨, as Chinese statistical writing counts tonnes, not 百万吨
        zh = environment.co2_change(report.start("environment", region="jilin", lang="zh"))
    assert f"每年{i18n.decimal(before / 100, 2)}亿吨→{i18n.decimal(after / 100, 2)}亿吨" in zh
    assert "百万吨" not in zh


def test_the_chinese_co2_chart_counts_in_yi_tonnes_and_the_english_in_mt() -> None:
    # The Chinese axis read 百万吨 (Jilin: 92 to 200 on it), a unit Chinese statistics never
    # print; 亿吨 (0.92 to 2.00), as the finding beside it writes them.
    mt = nereport.load("environment_co2", region="jilin").set_index("year")["co2_mt"]
    for lang, divisor, unit in (
        ("zh", 100, "二氧化碳排放量（亿吨）"),
        ("en", 1, "CO2 emissions (Mt CO2)"),
    ):
        with i18n.using(lang):
            figure = environment.co2_chart(report.start("environment", region="jilin", lang=lang))
        spec = figure.chart.to_dict()
        drawn = _values(figure).dropna(subset=["co2_mt"]).set_index("year")["co2_mt"]
        assert list(drawn) == list(mt.loc[drawn.index] / divisor), lang
        assert unit in json.dumps(spec, ensure_ascii=False), lang
        assert "百万吨" not in json.dumps(spec, ensure_ascii=False)


def test_data_tables_print_figures_as_precise_as_their_source() -> None:
    # China's forest area, published as 1.75亿公顷, was printed '17500.00' (万公顷) beside the
    # inventory's 17490.92; counts of reserves as '1,551.00'.
    from nereport import i18n

    with i18n.using("zh"):
        ctx = report.start("environment", region="jilin", lang="zh")
        html = environment.forest_table(ctx).data
    assert "<td>17500</td>" in html and "17500.00" not in html
    assert "<td>17490.92</td>" in html and "<td>41.49</td>" in html


def test_forest_surveys_are_named_in_words_in_both_languages() -> None:
    # The English table printed the ids 'inventory-9' and 'provincial-2019'.
    assert environment._survey("inventory-9") == "national forest inventory 9"
    assert environment._survey("provincial-2019") == "provincial figures (2019)"
    with i18n.using("zh"):
        assert environment._survey("inventory-9") == "第九次全国森林资源清查"
        assert environment._survey("provincial-2019") == "省级数据（2019年）"


def test_cod_discharge_is_in_the_scale_each_language_counts_in() -> None:
    # It read "51.95 ten-thousand t in 2008".
    captions = {}
    for lang in ("en", "zh"):
        with i18n.using(lang):
            ctx = report.start("environment", region="heilongjiang", lang=lang)
            captions[lang] = environment.pollutant_chart(ctx).caption
    assert "ten-thousand" not in captions["en"] and " thousand t**" in captions["en"]
    assert captions["zh"].count("万吨") == 2


def test_a_region_without_water_figures_is_told_so_not_left_out() -> None:
    # Inner Mongolia's key findings ended "One finding left out", naming none.
    for lang in ("en", "zh"):
        with i18n.using(lang):
            ctx = report.start("environment", region="inner-mongolia", lang=lang)
            said = environment.water_quality(ctx)
            section = environment.key_findings(ctx).data
        assert said and said in section
        assert "left out" not in section and "未列出" not in section


def test_energy_per_gdp_says_it_is_at_current_prices_beside_the_official_changes() -> None:
    # 1.43 t -> 0.49 t per 10,000 yuan is current-price GDP: printed beside the official
    # comparable-price changes (-2.7 %, -0.1 %) unlabelled, it overstated the fall.
    said = environment.coal_intensity(report.start("environment", region="jilin"))
    assert "per 10,000 yuan of GDP at current prices went from" in said
    assert "overstates the fall" in said and "(official, at comparable prices)" in said
    with i18n.using("zh"):
        zh = environment.coal_intensity(report.start("environment", region="jilin", lang="zh"))
    assert "按当年价格计算，全国万元国内生产总值能耗" in zh and "按可比价格计算" in zh
