"""The economy reports' fixes after a second reading: secondary-only figures marked in the
key findings, each year's first release drawn apart, extremes at an endpoint, possessives,
the years a table shows and subtitles that say only what the chart draws."""

from __future__ import annotations

import pytest

from helpers import drawn_lines
from nereport import i18n, report
from nereport.report import economy, findings

REGIONS = ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")
CHARTS = [name for name in economy.__all__ if name.endswith("_chart")]


def _lines(chart) -> dict[str, list[int]]:
    try:
        return drawn_lines(chart)
    except StopIteration:  # no line in this chart (bars, a map)
        return {}


@pytest.mark.parametrize("region", REGIONS)
def test_no_economy_chart_joins_first_releases_of_different_years(region: str) -> None:
    # Liaoning's GDP per person 2021-2022 and Inner Mongolia's 2021-2023 first releases were
    # one line: each year's first release is a release of its own.
    ctx = report.start("economy", region=region)
    first = {}
    for name in CHARTS:
        chart = getattr(economy, name)(ctx).chart
        if chart is None:
            continue
        for key, years in _lines(chart).items():
            if "first-release" in key:
                first[(name, key)] = years
    assert first  # every region's growth chart draws first releases
    assert {k: y for k, y in first.items() if len(y) > 1} == {}


def test_per_capita_and_population_first_releases_are_points() -> None:
    ctx = report.start("economy", region="inner-mongolia")
    per_capita = _lines(economy.per_capita_chart(ctx).chart)
    population = _lines(economy.population_chart(ctx).chart)
    assert sorted(y for k, y in per_capita.items() if "first-release" in k) == [
        [2021],
        [2022],
        [2023],
    ]
    assert [2021] in [y for k, y in population.items() if "first-release" in k]


def _findings(region: str, lang: str = "en") -> str:
    findings.forget()
    with i18n.using(lang):
        return economy.key_findings(report.start("economy", region=region, lang=lang)).data


def test_first_release_growth_resting_on_a_secondary_rate_carries_a_dagger() -> None:
    # Liaoning's average 2020-2024 includes 2023 (5.3, secondary only); Jilin's 2021 and 2023
    # rates are secondary only; Inner Mongolia's are all official.
    assert "**4.6 %** a year from 2020 to 2024 †" in _findings("liaoning")
    jilin = _findings("jilin")
    assert "2021: 6.6 % †" in jilin and "2023: 6.3 % †" in jilin
    assert "2025: 5.0 % †" not in jilin
    assert " †" not in _findings("inner-mongolia").split("**Share")[0]


def test_grain_shares_resting_on_secondary_figures_carry_a_dagger() -> None:
    said = _findings("liaoning")
    grain = next(line for line in said.splitlines() if "**Grain" in line)
    # China 2021-2023 and Liaoning 2022-2023 were found only in secondary copies.
    for year in (2021, 2022, 2023):
        assert f"{year}: " in grain
        assert grain.split(f"{year}: ", 1)[1].split(",")[0].split(";")[0].rstrip(".").endswith("†")


def test_the_dagger_legend_is_said_once_below_the_findings() -> None:
    for lang in ("en", "zh"):
        said = _findings("northeast", lang)
        with i18n.using(lang):
            legend = i18n._(findings._SECONDARY_LEGEND)
        assert "†" in said and said.count(legend) == 1
        assert said.rstrip().endswith(legend)


@pytest.mark.parametrize("region", REGIONS)
def test_no_share_extreme_is_named_at_an_endpoint(region: str) -> None:
    # "highest in 2000", "lowest in 2019": the first and last years shown are no peak.
    findings.forget()
    ctx = report.start("economy", region=region)
    said = findings.national_share(ctx) + economy.share_chart(ctx).caption
    for year in (2000, 2019):
        assert f"highest in {year}" not in said and f"lowest in {year}" not in said
    if region == "inner-mongolia":
        assert "; highest in 2009 (2.04 %)." in said


def test_the_northeasts_possessive_follows_its_name_not_its_bracket() -> None:
    # "Northeast (Liaoning, Jilin, Heilongjiang)'s GDP as revised".
    ctx = report.start("economy", region="northeast")
    said = economy.census_revisions(ctx).data + economy.gdp_chart(ctx).caption
    assert ")'s" not in said
    assert "The Northeast's GDP (Liaoning, Jilin and Heilongjiang) as revised: " in said
    assert "releases give the Northeast's GDP (Liaoning, Jilin and Heilongjiang); " in said
    assert (
        "Liaoning's GDP as revised: "
        in economy.census_revisions(report.start("economy", region="liaoning")).data
    )


def test_chinese_inflated_revenue_sentence_says_the_ratios_are_too_high() -> None:
    with i18n.using("zh"):
        liaoning = findings.inflated_sentence(report.start("economy", region="liaoning", lang="zh"))
        northeast = findings.inflated_sentence(
            report.start("economy", region="northeast", lang="zh")
        )
    assert "因此这些年份的比率偏高" in liaoning and "以此为基础" not in liaoning
    assert northeast.startswith("东北三省") and "东北地区" not in northeast


def test_a_missing_2010_ageing_share_reads_as_not_found_not_as_a_data_note() -> None:
    for region in ("jilin", "heilongjiang", "northeast"):
        said = findings.ageing(report.start("economy", region=region))
        assert "(2010 share and change not found)" in said and "in the data" not in said
    with i18n.using("zh"):
        zh = findings.ageing(report.start("economy", region="jilin", lang="zh"))
    assert "（未找到2010年比重及普查公报公布的变化值）" in zh and "数据中无" not in zh


def test_the_unemployment_table_keeps_to_the_reports_years() -> None:
    # The report starts in 2000; the table had a 1990 column.
    ctx = report.start("economy", region="liaoning")
    html = economy.unemployment_table(ctx).data
    assert ctx.start == 2000 and "<th>1990</th>" not in html and "<th>2003</th>" in html


@pytest.mark.parametrize(
    ("region", "broken"),
    [
        ("liaoning", True),
        ("northeast", True),
        ("jilin", False),
        ("heilongjiang", False),
        ("inner-mongolia", False),
    ],
)
def test_the_investment_subtitle_names_a_break_only_where_one_is_drawn(
    region: str, broken: bool
) -> None:
    chart = economy.investment_chart(report.start("economy", region=region)).chart
    subtitle = " ".join(chart.to_dict()["title"]["subtitle"])
    assert ("a line breaks where a province corrected" in subtitle) is broken
    lines = _lines(chart)
    assert (len(lines) > len({key.split("/")[0] for key in lines})) is broken


def test_charts_drawing_first_releases_say_each_is_a_point() -> None:
    ctx = report.start("economy", region="inner-mongolia")
    for figure in (economy.population_chart(ctx), economy.real_growth_chart(ctx)):
        subtitle = figure.chart.to_dict()["title"]["subtitle"]
        assert "Each year's first release is a point of its own" in subtitle
