"""Environment report: each figure drawn once, from one source per year and scope."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nereport
from helpers import NOTEBOOK_DIR, drawn_lines
from nereport import data, i18n, report
from nereport.report import environment, findings


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
    assert "in 2021" in said and "Liaoning **35 †**" in said and "China 30" in said
    assert "No 2021 figure was found for Heilongjiang." in said


def test_water_quality_compares_the_latest_provincial_share_with_china_in_that_year() -> None:
    said = environment.water_quality(report.start("environment", region="jilin"))
    assert "Jilin in 2023: **86.2 %** of the 111 national assessment sections" in said
    assert "against 89.4 % for China" in said
    inner = environment.water_quality(report.start("environment", region="inner-mongolia"))
    assert "no share of good-quality monitoring sections is catalogued" in inner


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


def test_co2_change_is_measured_between_means_that_leave_out_the_2003_spike() -> None:
    # Jilin's CEADs series: 92.2 (2002), 134.3 (2003), 112.3 (2004) Mt while its coal use rose
    # smoothly; a mean over 2002-2004 still rested on the spike (113 Mt -> 201 Mt, +78 %).
    ctx = report.start("environment", region="jilin")
    co2 = nereport.load("environment_co2", region="jilin").set_index("year")["co2_mt"]
    before = co2.loc[[2002, 2004]].mean()
    after = co2.loc[[2017, 2018, 2019]].mean()
    said = environment.co2_change(ctx)
    assert "means of 2002 and 2004 and of 2017–2019" in said
    assert f"{before:.0f} Mt → {after:.0f} Mt" in said
    assert f"**+{100 * (after / before - 1):.0f} %**" in said and "+78 %" not in said
    assert "2003 is left out: Jilin's CO2 was 134 Mt that year against 92.2 Mt in 2002" in said
    with i18n.using("zh"):  # 亿吨, as Chinese statistical writing counts tonnes, not 百万吨
        zh = environment.co2_change(report.start("environment", region="jilin", lang="zh"))
    assert f"每年{i18n.decimal(before / 100, 2)}亿吨→{i18n.decimal(after / 100, 2)}亿吨" in zh
    assert "百万吨" not in zh and "2003年不计入" in zh


def test_jilin_co2_intensity_relative_to_china_rose_from_a_base_without_the_spike() -> None:
    # The multiple of China's was 1.58 in 2002 and 2004, 2.11 in 2003 and 1.75 in 2019: the
    # finding read "1.7 times China's (1.8 times on average in 2002-2004)", as if it fell.
    ctx = report.start("environment", region="jilin")
    frame = findings.intensity_frame(ctx)
    wide = frame.pivot_table(index="year", columns="region", values="t_per_10k_yuan")
    ratio = wide["jilin"] / wide["china"]
    assert round(ratio[2003], 2) == 2.11 and round(ratio[2019], 2) == 1.75
    said = environment.co2_intensity(ctx)
    base = ratio.loc[[2002, 2004]].mean()
    assert f"**1.75 times** China's, up from {base:.2f} times on average in 2002 and 2004" in said
    assert "(1.8 times on average" not in said
    with i18n.using("zh"):
        zh = environment.co2_intensity(report.start("environment", region="jilin", lang="zh"))
    assert f"是全国的**1.75倍**（2002、2004年平均为全国的{base:.2f}倍）" in zh


def test_a_base_year_is_left_out_only_when_it_jumps_and_reverts() -> None:
    years = (2002, 2003, 2004)
    spiked = pd.Series({2001: 90.0, 2002: 92.2, 2003: 134.3, 2004: 112.3, 2005: 143.7})
    assert findings.spikes(spiked, years) == (2003,)  # 2004 is low only beside 2003
    steady = pd.Series({2001: 90.0, 2002: 100.0, 2003: 118.0, 2004: 136.0, 2005: 150.0})
    assert findings.spikes(steady, years) == ()  # fast growth is no spike
    dip = pd.Series({2001: 100.0, 2002: 100.0, 2003: 70.0, 2004: 101.0, 2005: 102.0})
    assert findings.spikes(dip, years) == (2003,)
    assert findings.spikes(spiked.drop(2004), years) == ()  # no year after: not judged
    assert findings.co2_base_years("jilin") == (2002, 2004)
    assert findings.co2_base_years("china") == years
    # the Northeast's sum leaves out its member's spike, as the member's report does
    assert findings.co2_base_years("northeast") == (2002, 2004)


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


def _nested(text: str) -> bool:
    """True where a bracket opens inside another one ('China (cities (count not printed))')."""
    depth = 0
    for ch in text:
        if ch in "(（":
            depth += 1
            if depth > 1:
                return True
        elif ch in ")）":
            depth -= 1
    return False


def test_pm25_figures_found_only_in_secondary_copies_carry_a_dagger() -> None:
    # Jilin 2024 26.9, Heilongjiang 2025 26.9, Inner Mongolia 2022 22 and China 2025 28 come
    # only from secondary copies; the findings printed them unmarked (Jilin's as "27").
    said = {}
    for region in ("jilin", "heilongjiang", "inner-mongolia"):
        findings.forget()
        said[region] = findings.pm25(report.start("environment", region=region))
    assert "Jilin 2024: **26.9** µg/m³ † (China 29.3, " in said["jilin"]
    assert "Heilongjiang 2025: **26.9** µg/m³ † (China 28 †, " in said["heilongjiang"]
    assert "a preliminary figure announced 2026-02-28" in said["heilongjiang"]
    assert "Inner Mongolia 2022: **22** µg/m³ † (China 29, " in said["inner-mongolia"]
    assert all("† Found only in a secondary source" in s for s in said.values())
    with i18n.using("zh"):
        findings.forget()
        zh = findings.pm25(report.start("environment", region="heilongjiang", lang="zh"))
    assert (
        "**26.9**微克/立方米†（全国为28微克/立方米†，城市数未公布），为2026年2月28日公布的初步数据"
        in zh
    )
    findings.forget()


def test_pm25_chart_marks_secondary_points_in_the_tooltip_as_their_own_segments() -> None:
    figure = environment.pm25_chart(report.start("environment", region="jilin"))
    drawn = _values(figure).dropna(subset=["pm25_ugm3"])
    marked = drawn[drawn["source"].str.endswith("†")]
    assert set(zip(marked["series"], marked["year"], strict=True)) == {
        ("Jilin (provincial mean, 9 prefecture-level city seats)", 2020),
        ("Jilin (provincial mean)", 2023),
        ("Jilin (prefecture-level cities of the province)", 2024),
    }
    assert not drawn["series"].str.contains("†").any()  # one legend entry per network
    lines = drawn_lines(figure.chart)
    assert [2021, 2022, 2023] in lines.values()  # the bulletins' line, not joined to 2024
    # Jilin 2023 has an official figure too (26.5, prefecture-level cities): the secondary item
    # is named with its network, and the † definition is said once in the paragraph.
    assert "Marked † in the chart: Jilin 2020, 2023 (provincial mean), 2024." in figure.caption
    assert figure.caption.count("†") == 3 and "Secondary source only" not in figure.caption
    with i18n.using("zh"):
        zh = environment.pm25_chart(report.start("environment", region="jilin", lang="zh"))
    assert zh.caption.count("仅见于二手资料") == 1 and "2023年（全省均值）" in zh.caption
    assert not any(_nested(s) for s in drawn["series"])


def test_labels_inside_brackets_are_flattened_in_both_languages() -> None:
    # "China (cities (count not printed))", "吉林省（全省均值（9个地级城市））".
    for lang in ("en", "zh"):
        with i18n.using(lang):
            for region in ("jilin", "heilongjiang", "northeast"):
                findings.forget()
                ctx = report.start("environment", region=region, lang=lang)
                texts = [
                    findings.pm25(ctx),
                    environment.pm25_regions(ctx),
                    environment.water_quality(ctx),
                    environment.water_chart(ctx).caption,
                    *_values(environment.pm25_chart(ctx))["series"],
                    *_values(environment.water_chart(ctx))["series"],
                ]
                assert not [t for t in texts if _nested(t)], (lang, region)
    with i18n.using("zh"):
        series = set(
            _values(environment.pm25_chart(report.start("environment", region="jilin", lang="zh")))[
                "series"
            ]
        )
    assert "吉林省（9个地级城市均值）" in series
    assert "吉林省（全省地级及以上城市）" in series and "全国（城市数未公布）" in series
    findings.forget()


def test_sulphur_states_both_ends_in_one_scale() -> None:
    # It read "1.13 Mt → 969 thousand t".
    said = findings.sulphur(report.start("environment", region="liaoning"))
    assert "(1.13 Mt → 0.97 Mt)" in said
    findings.forget()


def test_water_finding_names_the_region_once_in_plain_chinese() -> None:
    # "辽宁省2021年：辽宁省150个国家考核断面，优良即Ⅰ—Ⅲ类中**83.3%**".
    with i18n.using("zh"):
        ctx = report.start("environment", region="liaoning", lang="zh")
        said = environment.water_quality(ctx)
        series = set(_values(environment.water_chart(ctx))["series"])
    assert "辽宁省2021年150个国家考核断面中水质优良（Ⅰ—Ⅲ类）断面占**83.3%**，全国为84.9%" in said
    assert said.count("辽宁省") == 1
    assert "辽宁省：150个国家考核断面，优良即Ⅰ—Ⅲ类" in series
    en = _values(environment.water_chart(report.start("environment", region="jilin")))
    assert "Jilin: 111 national assessment sections" in set(en["series"])
    assert not any(s.count("Jilin") > 1 for s in en["series"])


def test_reserves_caption_names_each_definition_and_its_latest_year() -> None:
    # "Latest share ... China: 15.1 % (2008)" sat above a table with China 2018 at 14.86 %.
    caption = environment.reserves_chart(report.start("environment", region="jilin")).caption
    assert "on the yearbooks' definition" in caption and "China: **15.1 %** (2008)" in caption
    assert "the share of land area: China **14.86 %** in 2018, from" in caption
    assert "not compared" in caption


def test_forest_inventory_rows_are_labelled_with_their_survey_period_everywhere() -> None:
    # The 9th inventory read 2015 (Liaoning, Heilongjiang) and 2014 (Jilin) in the table, 2018
    # in the chart; Jilin's "What is missing" left the 2014 row out.
    for region in ("jilin", "liaoning"):
        ctx = report.start("environment", region=region)
        html = environment.forest_table(ctx).data
        assert "<td>2014–2018</td>" in html and "<td>2015</td>" not in html
        assert "<td>2014</td>" not in html
        releases = set(_values(environment.forest_chart(ctx))["release"])
        assert "Inventory 9, 2014–2018" in releases
        coverage = environment.coverage_statement(ctx).data
        assert "Forest figures from the yearbooks and press releases:** " in coverage
        line = next(x for x in coverage.splitlines() if "yearbooks and press" in x)
        assert "(1999–2003, 2014–2018" in line
    assert "(9th national forest inventory, 2014-2018)" in findings.forest(ctx)


def test_forest_table_names_each_row_source_in_words() -> None:
    # China 2003 forest area 17,490.92 and 17,500 (two sources) could not be told apart.
    html = environment.forest_table(report.start("environment", region="jilin")).data
    assert "<th>Source</th>" in html
    assert "Press conference on the 6th National Forest Inventory (1999-2003)" in html
    assert "China Statistical Yearbook 2009, table 11-35" in html
    assert "csy2009_t11_35" not in html and "sfa_inventory6_press" not in html


def test_good_air_days_compare_each_region_with_china_in_the_same_year_only() -> None:
    # The dataset (20 rows) appeared in no report.
    said = environment.good_air_days(report.start("environment", region="northeast")).data
    assert "Liaoning 2021: **87.9 % †** of days of good air quality (no national figure" in said
    assert (
        "Jilin 2024: **92.9 % †**" in said
        and "in 2023: 92.4 % † against 85.5 % † for China" in said
    )
    assert "Heilongjiang 2024: **94.2 %** of days" in said
    assert "89.3" not in said and "87.0" not in said  # China 2025 and 2020: other years
    inner = environment.good_air_days(report.start("environment", region="inner-mongolia")).data
    assert "Inner Mongolia 2022: **92.9 % †** of days of good air quality, China 86.5 %." in inner
    html = environment.good_air_days_table(report.start("environment", region="jilin")).data
    assert "<td>Jilin †</td>" in html and "<th>Source</th>" in html
    assert "jilin_env_secondary" not in html
    coverage = environment.coverage_statement(report.start("environment", region="jilin")).data
    assert "**Days of good air quality:** Jilin has 5 years of data (2020–2024)." in coverage


def test_the_coverage_of_inventories_is_listed_in_one_order_whatever_the_sets_order() -> None:
    # A survey period and a year that end alike (2004–2008, 2008) were listed in the order of a
    # set of strings, which changes with the process's hash seed: a Dask worker's report
    # differed from the local build's.
    labels = ["2003", "2008", "2004—2008", "2013", "2009—2013"]
    assert environment.in_period_order(labels) == environment.in_period_order(labels[::-1])
    assert environment.in_period_order(labels) == ["2003", "2004—2008", "2008", "2009—2013", "2013"]
    ctx = report.start("environment", region="inner-mongolia", lang="zh")
    with i18n.using("zh"):
        coverage = environment.coverage_statement(ctx).data
    assert "（2004—2008、2008、2009—2013、2013、2014—2018年）" in coverage


def test_northeast_co2_base_leaves_out_jilins_2003_spike_and_says_so() -> None:
    # The sum 430.8, 500.7, 502.7 Mt (2002-2004) hides Jilin's 2003 spike (134.3 Mt), yet
    # rested on it: "478 -> 989 Mt (+107 %)" and "1.39 times China" while the Jilin report
    # leaves 2003 out.
    ctx = report.start("environment", region="northeast")
    co2 = nereport.load("environment_co2", region=["liaoning", "jilin", "heilongjiang"])
    total = co2.groupby("year")["co2_mt"].sum()
    before = total.loc[[2002, 2004]].mean()
    said = environment.co2_change(ctx)
    assert "means of 2002 and 2004 and of 2017–2019" in said
    assert f"{before:.0f} Mt → " in said and "478 Mt" not in said
    assert "2003 is left out: Jilin's CO2 was 134 Mt" in said
    assert "as Jilin's report does" in said
    intensity = environment.co2_intensity(ctx)
    assert "on average in 2002 and 2004" in intensity and "1.39 times" not in intensity
    # The figures of the spike are given once, by the emissions finding.
    assert "2003 is left out of the base, a one-year spike of Jilin's CO2" in intensity
    assert "134 Mt" not in intensity


def test_pm25_headline_stays_in_the_reports_years_and_notes_a_later_figure() -> None:
    # "Heilongjiang 2025: 26.9 µg/m³ † (China 28 †)" headlined reports that end in 2024,
    # and the † list under the chart left out the 2025 points.
    for region in ("heilongjiang", "northeast"):
        figure = environment.pm25_chart(report.start("environment", region=region, end_year=2024))
        said = figure.caption
        head, after = said.split("After the report's period (to 2024), not on the chart:")
        assert "Heilongjiang 2019: **28** µg/m³ (China 36, 337 cities)" in head
        assert "2025" not in head
        assert "Heilongjiang 2025: **26.9** µg/m³ † (China 28 †" in after
        listed = said.split("Marked † in the chart:")[1]
        assert "China 2025" in listed and "Heilongjiang 2025" in listed
        assert 2025 not in set(_values(figure)["year"])


def test_a_secondary_pm25_copy_shares_its_networks_legend_but_is_not_joined() -> None:
    # Jilin's prefecture-level-city mean: bulletins 2021-2023, a secondary copy for 2024. The
    # † made it a second legend entry of the same network.
    chart = environment.pm25_chart(report.start("environment", region="jilin")).chart
    drawn = _values(environment.pm25_chart(report.start("environment", region="jilin")))
    drawn = drawn.dropna(subset=["pm25_ugm3"])
    jilin = drawn[drawn["series"].str.contains("prefecture-level cities")]
    assert jilin["series"].nunique() == 1 and "†" not in jilin["series"].iloc[0]
    assert sorted(jilin["year"]) == [2021, 2022, 2023, 2024]
    marked = jilin.set_index("year")["source"]
    assert marked[2024].endswith("†") and not marked[2023].endswith("†")
    assert [2021, 2022, 2023] in drawn_lines(chart).values() and [2024] in drawn_lines(
        chart
    ).values()


def test_each_years_first_release_of_the_energy_mix_is_its_own_point() -> None:
    # The 2019 first release (communiqué 2019) and the 2020 one were one line from 57.7 to
    # 56.8, starting where the c.2021 release's line ends: it read as one line changing colour.
    chart = environment.energy_mix_chart(report.start("environment", region="jilin")).chart
    first = [years for run, years in drawn_lines(chart).items() if "first-release" in run]
    assert sorted(first) == [[2019], [2020], [2020], [2021]]


def test_pm25_network_labels_read_in_chinese_without_flattened_brackets() -> None:
    # "黑龙江省（全省13个市，地均值）": the label's inner brackets were flattened into a comma.
    with i18n.using("zh"):
        ctx = report.start("environment", region="heilongjiang", lang="zh")
        drawn = _values(environment.pm25_chart(ctx))
    assert "黑龙江省（全省13个地市均值）" in set(drawn["series"])
    assert not drawn["series"].str.contains("，地均值").any()


def test_good_air_days_table_names_the_cities_covered_in_the_reports_language() -> None:
    # The Chinese table printed "mean of 337 prefecture-level-and-above cities", "national
    # mean": the dataset's network labels passed untranslated.
    with i18n.using("zh"):
        html = environment.good_air_days_table(
            report.start("environment", region="northeast", lang="zh")
        ).data
    assert "337个地级及以上城市均值" in html and "9个地级城市" in html
    assert "全省，扣除沙尘、厄尔尼诺等因素影响" in html
    for english in ("prefecture-level", "national mean", "city seats", "El Nino"):
        assert english not in html
    declared = data.dataset("environment_good_air_days").column("network").allowed
    assert set(nereport.load("environment_good_air_days")["network"].dropna()) <= set(declared)


ENVIRONMENT_DATASETS = [
    "environment_co2",
    "environment_coal_use",
    "environment_energy",
    "environment_energy_mix",
    "environment_air_pollutants",
    "environment_pm25",
    "environment_water",
    "environment_forest_wetland",
    "environment_nature_reserves",
    "environment_good_air_days",
]


def test_what_is_missing_speaks_to_readers_and_names_the_sections_real_title() -> None:
    # "(... the 2023 one read in a Korean-language report: re-verify)", "appear only in a code
    # file with no source", "in the same scrape but was not extracted", and a section
    # "Industrial and residential pollutant discharges" the report does not have.
    from nereport.report.context import missing

    for lang, jargon in (
        ("en", ("re-verify", "code file", "scrape", "not extracted", "never join")),
        ("zh", ("需复核", "代码文件", "抓取", "未提取", "不得")),
    ):
        with i18n.using(lang):
            text = missing(report.start("environment", lang=lang), ENVIRONMENT_DATASETS).data
            title = environment.heading("environment_pollutants").data.removeprefix("## ")
        assert not [word for word in jargon if word in text], lang
        assert f"“{title}”" in text
    assert title == "2008年和2010年污染物排放"
    with i18n.using("en"):
        assert environment.heading("environment_pollutants").data == (
            "## Pollutant discharges, 2008 and 2010"
        )
    notebook = (NOTEBOOK_DIR / "environment.ipynb").read_text(encoding="utf-8")
    assert 'environment.heading(\\"environment_pollutants\\")' in notebook


def test_coverage_lists_wetland_surveys_apart_from_forest_inventories() -> None:
    # "Forest inventories: 4 survey periods ... Liaoning: 2003, 2004-2008, ...": 2003 was the
    # 1st wetland survey (1995-2003), Heilongjiang's 2019 the 3rd land survey's wetland row.
    lines = environment.coverage_statement(report.start("environment", region="liaoning")).data
    forest = next(x for x in lines.splitlines() if "**Forest inventories:**" in x)
    wetland = next(x for x in lines.splitlines() if "**Wetland surveys:**" in x)
    assert "2003" not in forest and "(2004–2008, 2009–2013, 2014–2018)" in forest
    assert "(1995–2003)" in wetland
    lines = environment.coverage_statement(report.start("environment", region="heilongjiang")).data
    wetland = next(x for x in lines.splitlines() if "**Wetland surveys:**" in x)
    assert "(1995–2003, 2019)" in wetland


def test_chinese_coverage_collapses_runs_of_years_and_ends_with_nian() -> None:
    # "吉林省有7个年份的数据：2011、2012、2013、2014、2015、2016、2017年"; survey periods
    # ended without 年.
    assert environment.spans([2011, 2012, 2013, 2015, 2017, 2018]) == [
        "2011–2013",
        "2015",
        "2017",
        "2018",
    ]
    with i18n.using("zh"):
        text = environment.coverage_statement(
            report.start("environment", region="jilin", lang="zh")
        ).data
    assert "**二氧化碳**：吉林省共有22年数据（1998—2019年）。" in text
    assert "吉林省共有7年数据（2011—2017年）" in text and "2011、2012" not in text
    assert "（2004—2008、2009—2013、2014—2018、2023年）" in text
    assert all(line.endswith("年）。") or "无数据" in line for line in text.splitlines())


def test_each_network_period_of_chinas_water_sections_is_its_own_legend_entry() -> None:
    # "China: national surface-water assessment sections" covered 2019 (in the 1940-section
    # period) and 2023-2024 (the 3641-section period) in one colour; the count is not printed.
    drawn = _values(environment.water_chart(report.start("environment", region="jilin")))
    drawn = drawn.dropna(subset=["share_pct"])
    china = drawn[drawn["series"].str.startswith("China: ")]
    by_series = china.groupby("series")["year"].apply(sorted).to_dict()
    assert by_series["China: national surface-water assessment sections, 2019"] == [2019]
    assert by_series["China: national surface-water assessment sections, 2023–2024"] == [
        2023,
        2024,
    ]
    # a network whose count is printed stays one entry across its break in 2019
    assert by_series["China: 1940 national surface-water assessment sections"] == [
        2017,
        2018,
        2020,
    ]


def test_water_caption_grades_only_the_basins_of_the_region_each_with_its_source() -> None:
    # The Liaoning report printed the Songhua's grade, Heilongjiang's the Liao's, and both
    # "as graded by the national bulletin" although the Songhua 2022 grade is from the MEE's
    # annual surface-water assessment (mee_water_2022).
    caption = {
        region: environment.water_chart(report.start("environment", region=region)).caption
        for region in ("liaoning", "heilongjiang", "northeast")
    }
    assert "Liao River basin 2021" in caption["liaoning"] and "Songhua" not in caption["liaoning"]
    assert "Songhua River basin 2022" in caption["heilongjiang"]
    assert "Liao River" not in caption["heilongjiang"]
    assert "Songhua" in caption["northeast"] and "Liao River" in caption["northeast"]
    assert "(MEE, annual assessment for 2022, January 2023)" in caption["heilongjiang"]
    assert "(MEE, bulletin for 2021)" in caption["liaoning"]
    assert not any("national bulletin" in c for c in caption.values())


def test_nature_reserves_table_prints_each_series_with_one_precision() -> None:
    # "14,717.0000", "12,989.0021", "195.1288" beside "224": values converted from hectares
    # kept their conversion's decimals.
    html = environment.reserves_table(report.start("environment", region="northeast")).data
    for shown in ("<td>12,989.0</td>", "<td>14,717.0</td>", "<td>195.1</td>", "<td>224.0</td>"):
        assert shown in html
    assert "<td>1,551</td>" in html and "<td>14.86</td>" in html  # counts; another series
    for false in ("14,717.0000", "12,989.0021", "195.1288"):
        assert false not in html


def test_bar_charts_grouped_by_year_head_that_column_year() -> None:
    # "Data in this chart" of the nature reserves and the 2008/2010 pollutants headed the
    # column of years "Series" / "数据系列".
    from nereport.report.describe import data_table

    for lang, year in (("en", "Year"), ("zh", "年份")):
        with i18n.using(lang):
            ctx = report.start("environment", region="jilin", lang=lang)
            for figure in (environment.reserves_chart(ctx), environment.pollutant_chart(ctx)):
                header, _rows = data_table(figure.chart.to_dict())
                assert header[0] == year, header


def test_reserves_caption_compares_the_yearbooks_figures_and_names_a_provincial_one() -> None:
    # "On the yearbooks' definition — Heilongjiang 13.6 % (2010)" was the provincial
    # environment department's 2010 figure, set beside China's 2008 yearbook figure.
    caption = environment.reserves_chart(report.start("environment", region="heilongjiang")).caption
    head, provincial = caption.split("Not from the yearbooks:")
    assert "Heilongjiang: **13.6 %** (2008); China: **15.1 %** (2008)" in head
    assert "2010" not in head
    assert "Heilongjiang **13.6 %** in 2010, from Heilongjiang Provincial Environmental" in (
        provincial
    )


def test_jilins_2024_water_share_is_named_as_a_gap_with_its_reason() -> None:
    # The report gave 86.2 % (2023) as the latest Jilin figure without a word on the 2024
    # figure (89 % of 109 sections) that a secondary copy of the bulletin's press conference
    # gives and that is not catalogued.
    from nereport.report.context import missing

    text = missing(report.start("environment", region="jilin"), ["environment_water"]).data
    assert "Jilin 2024 (a share of 89 %; 109 national assessment sections)" in text
    assert "not catalogued yet" in text
    with i18n.using("zh"):
        zh = missing(report.start("environment", region="jilin", lang="zh"), ["environment_water"])
    assert "吉林省2024年的数据（优良水体比例89%；109个国家考核断面）" in zh.data


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_water_subtitle_names_only_the_national_networks_the_chart_draws(lang: str) -> None:
    # "(967, 1940, 3641 national sections; provincial sets)": no line draws the 967 sections.
    with i18n.using(lang):
        chart = environment.water_chart(
            report.start("environment", region="heilongjiang", lang=lang)
        )
    subtitle = " ".join(chart.chart.to_dict()["title"]["subtitle"])
    drawn = " ".join(str(v) for v in _values(chart)["series"].dropna())
    assert "967" not in subtitle and "967" not in drawn
    assert ("1940, 3641 national sections" in subtitle) or ("1940个、3641个" in subtitle)


def test_a_release_named_in_running_text_or_after_a_series_is_lower_case() -> None:
    # "Coal, First release" in the legend and "(First release)" in a finding whose next bullet
    # says "(first release, a separate release)".
    from nereport.data import releases

    assert releases.name("first-release") == "First release"  # a legend entry on its own
    assert releases.in_text("first-release") == "first release"
    series = set(environment.energy_mix_frame()["series"])
    assert "Coal, first release" in series and "Coal, First release" not in series
    said = environment.key_findings(report.start("environment", region="jilin"))
    text = getattr(said, "data", said)
    assert "(First release)" not in text and "in 2021 (first release)" in text


def test_chinese_co2_intensity_has_one_term_and_an_unambiguous_base() -> None:
    # Chart title 单位生产总值二氧化碳排放 beside the heading and finding's 单位地区生产总值二氧化碳排放量;
    # "是全国的1.75倍，高于2002、2004年平均的1.58倍" read as if the base year's figure were 1.58 times.
    term = "单位地区生产总值二氧化碳排放量"
    with i18n.using("zh"):
        ctx = report.start("environment", region="heilongjiang", lang="zh")
        title = environment.intensity_chart(ctx).chart.to_dict()["title"]["text"]
        said = environment.co2_intensity(ctx)
    assert title == term and said.startswith(f"**{term}**")
    assert i18n.translate("## CO2 per unit of GDP", "zh") == f"## {term}"
    assert "年平均的" not in said and "（2002—2004年平均为全国的1.22倍）" in said
