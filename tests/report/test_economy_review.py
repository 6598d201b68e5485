"""The economy reports' fixes after a reader recomputed their figures: lines broken at data
corrections, periods that match, first releases shown, reader labels."""

from __future__ import annotations

import re

import pytest

import nereport
from nereport import i18n, report
from nereport.data import grades
from nereport.report import describe, economy, findings


def _runs(gdp, release: str) -> list[list[int]]:
    """The years of each drawn segment of ``release``, in order."""
    rows = gdp[gdp["release"] == release].sort_values("year")
    return [sorted(g["year"].astype(int)) for _s, g in rows.groupby("segment", sort=False)]


@pytest.mark.parametrize(
    ("region", "before", "after"),
    [("liaoning", 2015, 2016), ("northeast", 2015, 2016), ("inner-mongolia", 2016, 2017)],
)
def test_gdp_line_breaks_at_a_provincial_data_correction(
    region: str, before: int, after: int
) -> None:
    ctx = report.start("economy", region=region)
    gdp = economy.gdp_levels(ctx)
    runs = _runs(gdp, "nbs-2018")
    # No segment of the c.2018 release holds both sides of the correction.
    assert not [r for r in runs if before in r and after in r]
    assert [b[1:] for b in economy.gdp_breaks(gdp)] == [(before, after)]
    assert f"between {before} and {after}" in economy.gdp_chart(ctx).caption


def test_gdp_line_of_a_region_without_correction_is_not_broken() -> None:
    gdp = economy.gdp_levels(report.start("economy", region="jilin"))
    assert economy.gdp_breaks(gdp) == []
    assert len(_runs(gdp, "nbs-2018")) == 1


@pytest.mark.parametrize(
    ("region", "year", "gdp"),
    [
        ("liaoning", 2021, 27584.1),
        ("liaoning", 2022, 28975.1),
        ("liaoning", 2023, 30209.4),
        ("heilongjiang", 2022, 15901.0),
        ("inner-mongolia", 2023, 24627.0),
        ("jilin", 2020, 12311.32),
    ],
)
def test_gdp_chart_shows_first_releases_of_the_value_added_table(
    region: str, year: int, gdp: float
) -> None:
    levels = economy.gdp_levels(report.start("economy", region=region))
    first = levels[levels["release"] == findings.FIRST_RELEASE]
    assert first.loc[first["year"] == year, "gdp_cny_100m"].tolist() == [gdp]
    # Each first release is a point of its own: no segment joins two years.
    assert first.groupby("segment")["year"].nunique().max() == 1


@pytest.mark.parametrize("region", ["liaoning", "northeast"])
def test_fiscal_line_marks_the_inflated_years_and_breaks_around_them(region: str) -> None:
    ctx = report.start("economy", region=region)
    frame = findings.fiscal_frame(ctx)
    own = frame[frame["region"] == region].set_index("year")
    assert sorted(own.index[own["inflated"]]) == [2011, 2012, 2013, 2014]
    # No segment holds an inflated year beside one that is not.
    assert (own.groupby("segment")["inflated"].nunique() == 1).all()
    figure = economy.fiscal_chart(ctx)
    spec = figure.chart.to_dict()
    assert (
        f"{ctx.name()}, inflated revenue"
        in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    )
    # The largest change between neighbours is not read across the break (Liaoning: 62.8 % in
    # 2014, 47.5 % in 2015).
    assert "2014 to 2015" not in describe.describe(spec)
    assert "work report of 17 January 2017" in figure.caption


def test_fiscal_finding_of_a_region_without_inflated_years_says_nothing_of_them() -> None:
    said = findings.fiscal(report.start("economy", region="jilin"))
    assert "inflated" not in said
    assert not said.endswith(" ")


@pytest.mark.parametrize("region", ["liaoning", "northeast"])
def test_investment_gives_the_comparison_the_periods_of_the_broken_province(region: str) -> None:
    said = findings.investment(report.start("economy", region=region))
    china = said.split("China", 1)[1].split(". ", 1)[0]
    # China's change over Liaoning's two periods (total society, NBS c.2021: +9.8 %, +5.7 %).
    assert "+9.8 % in 2014 → 2015" in china
    assert "+5.7 % in 2016 → 2017" in china
    # The whole period only where another province is stated over it (the Northeast).
    assert ("+25.2 %" in china) == (region == "northeast")


def _rates_named(said: str) -> list[tuple[int, int]]:
    """Every 'from B to E' / 'B to E' span in ``said``, as (base, end)."""
    return [(int(b), int(e)) for b, e in re.findall(r"(\d{4}) to (\d{4})", said)]


@pytest.mark.parametrize("region", ["liaoning", "jilin", "heilongjiang", "inner-mongolia"])
def test_real_growth_periods_run_from_a_base_year_level_to_an_end_year_level(region: str) -> None:
    said = findings.real_growth(report.start("economy", region=region))
    # No en-dash span of years: each period names its base year and end year, the rates
    # averaged being those of the years after the base up to the end.
    assert not re.search(r"\d{4}–\d{4}(?!\s*\(a separate)", said.split("First releases")[0])
    spans = _rates_named(said)
    assert (2003, 2019) in spans and (2016, 2019) in spans
    run = findings.first_release_run(region)
    if run and run[1] > run[0]:
        # The first releases' average over run[0]..run[1] is stated from run[0] - 1.
        assert (run[0] - 1, run[1]) in spans
        rate = findings.first_release_growth_rate(region, *run)
        rates = [findings.first_release_growth(region, y) for y in range(run[0], run[1] + 1)]
        factor = 1.0
        for r in rates:
            factor *= 1 + r / 100
        assert rate == pytest.approx(100 * (factor ** (1 / len(rates)) - 1))


def test_first_release_growth_pairs_each_province_with_china_over_its_years() -> None:
    said = findings.real_growth(report.start("economy", region="northeast"))
    first = said.split("First releases", 1)[1]
    # A figure resting on a rate found only in a secondary source carries a dagger.
    assert "Liaoning **4.6 %** a year from 2020 to 2024 † (China 5.3 %)" in first
    assert "Heilongjiang **3.8 %** a year from 2020 to 2023 † (China 5.4 %)" in first
    assert "2021: 6.6 % † (China 8.1 %)" in first
    assert "2023: 6.3 % † (China 5.2 %)" in first
    # China is not listed apart with every period at once.
    assert "China **5.3 %**" not in first


def test_growth_caption_names_the_release_once_and_the_fastest_year_against_china() -> None:
    caption = economy.real_growth_chart(report.start("economy", region="northeast")).caption
    assert caption.count("NBS release of c.2021") == 1
    # Liaoning's own fastest year, 2007, is a year it grew slower than China (14.2 %).
    assert "its own fastest year: 2007, 12.9 %; China 14.2 %" in caption


def test_chinese_all_years_below_reads_as_every_year_not_an_average() -> None:
    i18n.use("zh")
    try:
        caption = economy.per_capita_chart(report.start("economy", region="jilin", lang="zh"))
    finally:
        i18n.use("en")
    assert "在**全部" in caption.caption
    assert "年均**低于" not in caption.caption


@pytest.mark.parametrize(("region", "figure"), [("liaoning", 2538.7), ("heilongjiang", 7867.7)])
def test_a_grain_figure_an_official_repost_gives_in_other_units_is_not_secondary_only(
    region: str, figure: float
) -> None:
    rows = nereport.load("economy_grain_output", region=region, year=2021)
    # One copy prints 万吨, the other 亿斤; the official repost and the secondary copy agree.
    assert set(rows["grain_10k_t"]) == {figure} and rows["printed"].nunique() == 2
    assert not grades.secondary_only(rows).any()
    caption = economy.grain_chart(report.start("economy", region=region)).caption
    only = caption.split("Marked † in the chart:", 1)[1]
    assert "2021" not in only.split(report.start("economy", region=region).name(), 1)[1]


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_structure_chart_names_the_sectors_as_the_text_does(lang: str) -> None:
    i18n.use(lang)
    try:
        spec = economy.sector_chart(report.start("economy", region="jilin", lang=lang)).chart
        shown = set(spec.data["sector"])
        labels = [
            i18n._(m)
            for _v, m in economy.dataset("economy_value_added").column("sector").value_labels
        ]
    finally:
        i18n.use("en")
    assert shown == set(labels)
    assert not shown & {"primary", "secondary", "tertiary"}
    assert all(label[:1] == label[:1].upper() for label in labels)


def test_first_release_is_named_with_a_capital_in_legends() -> None:
    gdp = economy.gdp_levels(report.start("economy", region="liaoning"))
    assert set(gdp.loc[gdp["release"] == findings.FIRST_RELEASE, "series"]) == {"First release"}


@pytest.mark.parametrize(("region", "at_edge"), [("heilongjiang", True), ("liaoning", False)])
def test_a_maximum_in_the_first_year_shown_is_not_called_a_peak(region: str, at_edge: bool) -> None:
    caption = economy.sector_chart(report.start("economy", region=region)).caption
    assert ("highest of the years shown (2000–2019) in 2000" in caption) == at_edge
    assert ("peaked" in caption) != at_edge


@pytest.mark.parametrize("region", ["heilongjiang", "northeast"])
def test_population_neighbours_are_printed_only_for_a_doubtful_value(region: str) -> None:
    caption = economy.population_chart(report.start("economy", region=region)).caption
    # The 2013 yearbook's 35.35 million is doubtful: the years around it show why.
    assert "35.35 million, against 38.34 million in 2012 and 38.33 million in 2014" in caption
    # The 2022 first release, read only in a secondary copy, fits its neighbours.
    assert "30.99 million, secondary source" in caption
    assert "30.99 million, against" not in caption


def test_inner_mongolia_population_says_it_is_the_whole_region() -> None:
    caption = economy.population_chart(report.start("economy", region="inner-mongolia")).caption
    assert "whole region, not only its policy-area part), year-end population" in caption
    jilin = economy.population_chart(report.start("economy", region="jilin")).caption
    assert "whole region" not in jilin
