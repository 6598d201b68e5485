"""Headline figures: one figure, one number in every report and language; numbers rounded as
statistical tables round; gaps named, never averaged over or bridged."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import nereport
from helpers import ROOT
from nereport import i18n, report
from nereport.data import provenance
from nereport.data.sources import SOURCES
from nereport.report import economy, environment, findings, policy

TOPICS = {"economy": economy, "environment": environment, "policy": policy}
REGIONS = ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")


@pytest.fixture(scope="module")
def every_report() -> dict[tuple[str, str, str], str]:
    """The key findings (and the share chart's caption) of all 30 reports: 3 topics x 5 regions
    x 2 languages, computed in this process as their notebooks compute them."""
    findings.forget()  # findings other tests computed would state nothing here
    texts = {}
    try:
        for topic, module in TOPICS.items():
            for region in REGIONS:
                for lang in i18n.LANGS:
                    ctx = report.start(topic, region=region, lang=lang)
                    text = module.key_findings(ctx).data
                    if topic == "economy":
                        text += "\n" + economy.share_chart(ctx).caption
                    texts[(topic, region, lang)] = text
    finally:
        i18n.use("en")
    return texts


def test_every_headline_figure_has_one_value_across_reports_and_languages(every_report) -> None:
    assert len(every_report) == 30
    assert findings.STATED, "the reports stated no headline figure"
    # Every declared figure is stated somewhere (a half-declared figure fails here).
    assert {key[0] for key in findings.STATED} == set(findings.HEADLINES)
    several = {key: values for key, values in findings.STATED.items() if len(values) != 1}
    assert not several, f"figures stated with several values: {several}"
    # Each stated value is the registry's, rounded as declared, and appears in the reports.
    for (figure, region, *period), values in findings.STATED.items():
        declared = findings.HEADLINES[figure]
        expected = findings.value(figure, region, *period)
        assert values == {i18n.decimal(expected, declared.digits, "en")}
        said = next(iter(values))
        assert any(said in text.replace("−", "-") for text in every_report.values()), figure


def _china_first_release_rate(start: int, end: int) -> str:
    """China's first-release growth compounded over ``start``..``end``, as a report states it."""
    rates = nereport.load("economy_gdp_index", region="china", release="first-release")
    rates = rates.set_index("year")["growth_pct"]
    factor = 1.0
    for year in range(start, end + 1):
        factor *= 1 + rates[year] / 100
    return i18n.decimal(100 * (factor ** (1 / (end - start + 1)) - 1), 1)


def test_national_growth_after_2020_is_compared_over_the_regions_own_years(every_report) -> None:
    # The nation's first-release growth is averaged over the years each region's is (it once set
    # Heilongjiang's 3.8 % a year 2021-2023 against China's 5.3 % a year 2021-2024), and each
    # period's national figure is one number in every report (it once read 6.6, 5.4, 5.3 or
    # 4.6 % by report).
    stated: dict[tuple[str, str], set[str]] = {}
    for (topic, region, lang), text in every_report.items():
        if topic == "environment" or lang != "en":
            continue
        line = next(li for li in text.splitlines() if li.startswith("- **Real growth**"))
        first = line.split("First releases of", 1)[1]
        # Each region's average, stated from the level of the year before its run to its last
        # year's, beside China's over the same years.
        averages = re.findall(
            r"\*\*\d+\.\d %\*\* a year from (\d{4}) to (\d{4})(?: †)? \(China (\d+\.\d) %\)", first
        )
        own = report.start(topic, region=region).own()
        runs = {run for r in own if (run := findings._first_release_periods(r)[0])}
        assert {(int(a) + 1, int(b)) for a, b, _rate in averages} == runs, (topic, region)
        for a, b, rate in averages:
            stated.setdefault((str(int(a) + 1), b), set()).add(rate)
    assert stated == {
        ("2021", "2024"): {_china_first_release_rate(2021, 2024)},
        ("2021", "2023"): {_china_first_release_rate(2021, 2023)},
    }
    heilongjiang = findings.real_growth(report.start("economy", region="heilongjiang"))
    assert "Heilongjiang **3.8 %** a year from 2020 to 2023 † (China 5.4 %)." in heilongjiang
    # Jilin's single years are set against the nation's same years.
    jilin = findings.real_growth(report.start("economy", region="jilin"))
    rates = nereport.load("economy_gdp_index", region="china", release="first-release")
    rates = rates.set_index("year")["growth_pct"]
    assert f"2021: 6.6 % † (China {i18n.decimal(rates[2021], 1)} %)" in jilin
    assert f"2023: 6.3 % † (China {i18n.decimal(rates[2023], 1)} %)" in jilin


def test_numbers_round_half_away_from_zero() -> None:
    assert i18n.decimal(6.45, 1) == "6.5"  # Babel and round() print 6.4 (half to even)
    assert i18n.decimal(-6.45, 1) == "-6.5"
    assert i18n.decimal(2.675, 2) == "2.68"  # the float is 2.67499999...: read as printed
    assert i18n.decimal(0.5, 0) == "1" and i18n.decimal(1.5, 0) == "2"
    assert i18n.decimal(12345.65, 1, "zh") == "12345.7"  # no separator in Chinese (NBS)
    assert findings.signed(6.45) == "+6.5 %" and findings.signed(-0.25) == "−0.3 %"


def test_a_missing_year_is_named_not_averaged_over() -> None:
    # Jilin has no first-release growth for 2022 (a contraction year): the Northeast report
    # must not drop 2022 for every region, nor average Jilin over 2021 and 2023.
    text = findings.real_growth(report.start("economy", region="northeast"))
    assert "averaged over 2 year" not in text
    jilin = "Jilin 2021: 6.6 % † (China 8.1 %), 2023: 6.3 % † (China 5.2 %), no figure found for "
    assert jilin + "2022, so not averaged" in text
    assert "Liaoning **4.6 %** a year from 2020 to 2024" in text
    assert findings.value("first_release_growth_rate", "jilin", 2021, 2023) is None


def test_the_growth_line_breaks_at_a_missing_year() -> None:
    growth = economy.real_growth(report.start("economy", region="jilin"))
    first = growth[(growth["region"] == "jilin") & (growth["release"] == "first-release")]
    assert 2022 not in set(first["year"]) and {2021, 2023} <= set(first["year"])
    by_year = first.set_index("year")["segment"]
    assert by_year[2021] != by_year[2023]  # 2021 and 2023 are not joined across 2022
    for _segment, rows in growth.groupby("segment"):
        years = sorted(rows["year"])
        assert years == list(range(years[0], years[-1] + 1))


def test_the_revision_caption_states_direction_and_base() -> None:
    caption = economy.gdp_chart(report.start("economy", region="jilin")).caption
    gdp = nereport.load("economy_gdp", region="jilin", year=2017).set_index("release")
    cut = 100 * (1 - gdp.loc["nbs-2025", "gdp_cny_100m"] / gdp.loc["nbs-2018", "gdp_cny_100m"])
    assert f"**{i18n.decimal(cut, 1)} %** below the oldest" in caption
    assert "25.8 %" in caption and "34.8" not in caption


def test_the_jilin_census_caveat_is_said_wherever_its_prefectures_are_summed() -> None:
    for region in ("jilin", "northeast"):
        caption = economy.census_map(report.start("economy", region=region)).caption
        assert "Changbaishan" in caption
        assert "Jilin's own 7th-census bulletin gives the province's change as −12.3 %" in caption
    for topic, module in (("economy", economy), ("policy", policy)):
        # The Northeast's headline sums the provinces' bulletins, not the prefectures: the
        # caveat on Jilin's prefecture sum stays with the map.
        northeast = module.key_findings(report.start(topic, region="northeast")).data
        assert "Changbaishan" not in northeast and "**−10.0 %**" in northeast
        # Jilin's own reports state its bulletin's change, not the sum: no caveat there.
        jilin = module.key_findings(report.start(topic, region="jilin")).data
        assert "Changbaishan" not in jilin and "**−12.3 %**" in jilin
    assert (
        "Changbaishan" not in economy.key_findings(report.start("economy", region="liaoning")).data
    )


def test_a_provinces_census_change_is_the_one_its_bulletin_prints() -> None:
    # Jilin's nine prefecture-level units sum to −12.4 % (the 61,146 residents of Changbaishan
    # left out); Jilin's 7th-census bulletin No. 1 prints −12.31 %.
    try:
        en = economy.key_findings(report.start("economy", region="jilin")).data
        assert "(Jilin's 7th-census bulletin): 24.07 million in 2020, 3.38 million fewer" in en
        assert "**−12.3 %**" in en and "−12.4 %" not in en
        zh = economy.key_findings(report.start("economy", region="jilin", lang="zh")).data
        assert "（《吉林省第七次全国人口普查公报》）：2020年为2407万人，比2010年减少338万人" in zh
        assert "**下降12.3%**" in zh and "12.4%" not in zh
    finally:
        i18n.use("en")
    for region, official in (("liaoning", -2.64), ("jilin", -12.31), ("heilongjiang", -16.87)):
        assert findings.value("census_change", region) == official
        said = findings.census_population(report.start("economy", region=region))
        assert f"(**{findings.signed(official)}**)" in said and "sum of" not in said
    # Heilongjiang's figures were read only in a paraphrase citing its bulletin: marked.
    said = findings.census_population(report.start("economy", region="heilongjiang"))
    assert "(**−16.9 %**) †" in said and "Found only in a secondary source" in said
    # No bulletin covers Inner Mongolia's five prefectures: their sum stays.
    said = findings.census_population(report.start("economy", region="inner-mongolia"))
    change = findings.signed(findings.value("census_change_prefectures", "inner-mongolia"))
    assert "sum of its five eastern prefectures" in said and f"(**{change}**)" in said


def test_the_northeast_census_change_sums_the_provinces_bulletins() -> None:
    # Liaoning 42,591,407, Jilin 24,073,453, Heilongjiang 31,850,088 in 2020; their bulletins
    # print changes of -1,154,916, -3,379,362 and -6,463,903: 98,514,948 against 109,513,129
    # (-10.0 %), where the 36 prefecture-level units sum to -10.1 % (not an official total).
    expected = 100 * (98_514_948 / 109_513_129 - 1)
    assert findings.value("census_change_bulletins", "northeast") == pytest.approx(expected)
    assert round(findings.value("census_change_prefectures", "northeast"), 1) == -10.1
    for region in ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "china"):
        assert findings.value("census_change_bulletins", region) is None
    try:
        en = findings.census_population(report.start("economy", region="northeast"))
        assert "(sum of the provinces' own 7th-census bulletins: Liaoning, Jilin," in en
        assert "98.51 million in 2020, 11.00 million fewer than in 2010 (**−10.0 %**) †" in en
        assert "Summed over its 36 prefecture-level units instead, the change is −10.1 %" in en
        # Heilongjiang's bulletin was read only in a paraphrase: the legend names it.
        assert "† The bulletin figures of Heilongjiang were found only in a secondary" in en
        zh = findings.census_population(report.start("economy", region="northeast", lang="zh"))
        assert "2020年为9851万人，比2010年减少1100万人（**下降10.0%**）" in zh
    finally:
        i18n.use("en")


def test_people_are_counted_in_millions_or_wan_never_ten_thousand() -> None:
    try:
        ctx = report.start("economy", region="northeast")
        en = economy.population_chart(ctx).caption + economy.employment_chart(ctx).caption
        assert "ten-thousand" not in en and "106.73** million in 2000" in en
        ctx = report.start("economy", region="northeast", lang="zh")
        zh = economy.population_chart(ctx).caption
        assert "**10673**万人" in zh
    finally:
        i18n.use("en")


def test_the_share_falls_while_the_region_grows_because_prices_rose_less() -> None:
    ctx = report.start("economy", region="northeast")
    deflator = findings.deflator_frame(ctx).set_index(["region", "year"])["deflator_index"]
    for region in ("liaoning", "jilin", "heilongjiang"):
        assert deflator[(region, 2019)] < deflator[("china", 2019)]
    text = findings.prices(ctx)
    assert "8.48 % to 5.08 %" in text and "**81 %** for China" in text
    # Deflator = nominal GDP / real volume, both of the main release.
    gdp = nereport.load("economy_value_added", release="nbs-2021", sector="primary")
    gdp = gdp.set_index(["region", "year"])["gdp_cny_100m"]
    rates = nereport.load("economy_gdp_index", region="china", release="nbs-2021")
    volume = 1.0
    for rate in rates.set_index("year").loc[2004:2019, "growth_pct"]:
        volume *= 1 + rate / 100
    nominal = gdp[("china", 2019)] / gdp[("china", 2003)]
    assert deflator[("china", 2019)] == pytest.approx(100 * nominal / volume)


def test_fiscal_investment_and_income_findings_name_period_and_release() -> None:
    ctx = report.start("economy", region="liaoning")
    budget = nereport.load("economy_budget", release="nbs-2021", year=2019)
    budget = budget.set_index(["region", "indicator"])["amount_cny_100m"]
    own = (
        100
        * budget[("liaoning", "local_general_budget_revenue")]
        / budget[("liaoning", "local_general_budget_expenditure")]
    )
    assert f"**{i18n.decimal(own, 0)} %**" in findings.fiscal(ctx)
    assert "17 January 2017" in findings.investment(ctx)
    assert "2013 → 2019" in findings.income(ctx)
    jilin = findings.investment(report.start("economy", region="jilin"))
    assert "17 January 2017" not in jilin  # the caveat is Liaoning's


def test_no_investment_change_is_computed_across_liaonings_break() -> None:
    # Liaoning's 2016-2017 levels follow its data correction: 2014 -> 2017 (-73 %) divided a
    # corrected level by one before the correction. Each side's change is given instead.
    assert findings.value("fai_change", "liaoning", 2014, 2017) is None
    assert findings.fai_sides("liaoning", 2014, 2017) == [(2014, 2015), (2016, 2017)]
    assert findings.fai_sides("jilin", 2014, 2017) == [(2014, 2017)]
    fai = nereport.load("economy_fai", region="liaoning", release="nbs-2021")
    level = fai[fai["caliber"] == "total_society"].set_index("year")["fai_cny_100m"]
    before = findings.signed(100 * (level[2015] / level[2014] - 1))
    after = findings.signed(100 * (level[2017] / level[2016] - 1))
    for region in ("liaoning", "northeast"):
        said = findings.investment(report.start("economy", region=region))
        assert "−73" not in said
        assert (
            f"Liaoning {before} in 2014 → 2015, {after} in 2016 → 2017 (not compared across "
            "its break between 2015 and 2016)"
        ) in said
    assert "Jilin +17.1 %" in findings.investment(report.start("economy", region="northeast"))


def test_the_later_share_never_divides_a_revised_figure_by_a_preliminary_one() -> None:
    # The 2025/26 provincial export gives 2024 as revised; the March 2025 national export gives
    # China's 2024 as preliminary: a 2024 share (Liaoning 2.41 %) mixed the two releases.
    ctx = report.start("economy", region="liaoning")
    share = findings.share_frame(ctx)
    later = share[share["release"] == "nbs-2025"].set_index("year")["share_pct"]
    assert later.index.max() == 2023 and 2024 not in later.index
    assert findings.value("national_share", "liaoning", "nbs-2025", 2024) is None
    gdp = nereport.load("economy_gdp", region="liaoning", release="nbs-2025", year=2023)
    china = nereport.load("economy_value_added", region="china", release="nbs-2025-03", year=2023)
    expected = 100 * gdp["gdp_cny_100m"].iloc[0] / china["gdp_cny_100m"].iloc[0]
    assert later[2023] == pytest.approx(expected)
    said = findings.national_share(ctx)
    assert f"2023: **{i18n.decimal(expected, 2)} %**" in said
    assert "China's 2024 GDP in it is the preliminary figure" in said and "2.41" not in said
    chart = economy.share_chart(ctx).chart.to_dict()
    rows = [row for rows in chart["datasets"].values() for row in rows]
    assert {r["series"] for r in rows if "share_pct" in r} == {
        "NBS release of c.2021, 2000–2019",  # names from data/releases.py, years from the data
        "NBS portal 2025/26, after the 5th economic census, 2015–2023",
    }
    for region in REGIONS:
        said = findings.national_share(report.start("economy", region=region))
        assert "2024: **" not in said


def test_liaoning_investment_line_breaks_at_its_data_correction() -> None:
    frame = findings.fai_frame(report.start("economy", region="liaoning"))
    segment = frame.set_index("year")["segment"]
    assert segment[2015] != segment[2016]  # the corrected 2016-2017 levels are not joined on
    assert segment[2014] == segment[2015] and segment[2016] == segment[2017]
    assert set(frame["region"]) == {"liaoning"}


def test_per_capita_after_2019_comes_from_first_releases_of_province_and_nation() -> None:
    ctx = report.start("economy", region="liaoning")
    pc = nereport.load("economy_gdp_per_capita", release="first-release", year=2022)
    pc = pc.set_index("region")["gdp_per_capita_cny"]
    expected = i18n.decimal(100 * pc["liaoning"] / pc["china"], 0)
    assert f"Liaoning **{expected}** (2022)" in findings.per_capita(ctx)
    chart = economy.per_capita_chart(ctx).chart.to_dict()
    rows = pd.DataFrame([row for rows in chart["datasets"].values() for row in rows])
    rows = rows.dropna(subset=["relative"])
    for _segment, line in rows.groupby("segment"):
        years = sorted(int(y) for y in line["year"])
        assert years == list(range(years[0], years[-1] + 1))  # 2019 is not joined to 2021


def _bold_figures(text: str) -> list[str]:
    """The numbers in bold, as tests/e2e/test_chinese.py compares the editions (sign and
    thousands separators aside)."""
    bold = " ".join(re.findall(r"\*\*(.*?)\*\*", text, re.S))
    figures = re.findall(r"(?<![A-Za-z\d.])[−-]?\d[\d,]*(?:\.\d+)?", bold)
    return sorted(f.replace(",", "").lstrip("−-") for f in figures)


@pytest.mark.parametrize("region", REGIONS)
def test_each_key_finding_gives_the_same_bold_figures_in_both_languages(
    every_report, region: str
) -> None:
    # Finding by finding (a bulleted line each), so a difference names its finding: the ageing
    # heading gave its census years in English only.
    english, chinese = (every_report[("economy", region, lang)] for lang in ("en", "zh"))
    en_lines = [line for line in english.splitlines() if line.startswith("- ")]
    zh_lines = [line for line in chinese.splitlines() if line.startswith("- ")]
    assert len(en_lines) == len(zh_lines)
    for en, zh in zip(en_lines, zh_lines, strict=True):
        assert _bold_figures(en) == _bold_figures(zh), (en, zh)


def test_a_report_run_twice_in_one_process_cites_the_same_data() -> None:
    """A notebook run again in its kernel (Run All in JupyterLab): its findings and frames are
    remembered, and its sources section still cites every dataset and publication they read."""

    def run() -> tuple[str, dict]:
        ctx = report.start("economy", region="jilin")
        economy.key_findings(ctx)
        economy.fiscal_chart(ctx)  # a chart drawn from a remembered frame
        return report.sources(ctx).data, provenance.used()

    findings.forget()
    first = run()
    assert "economy_budget" in first[1] and "Jilin 7th National Population Census" in first[0]
    assert run() == first


def test_a_provinces_report_cites_its_own_census_bulletin_only() -> None:
    ctx = report.start("economy", region="jilin")
    economy.key_findings(ctx)
    cited = report.sources(ctx).data
    assert "Jilin 7th National Population Census bulletin No. 1" in cited
    assert "Liaoning 7th National Population Census bulletin" not in cited
    assert "Heilongjiang 7th National Population Census bulletin" not in cited


def test_the_prices_finding_follows_the_direction_of_the_share() -> None:
    # Inner Mongolia's share rose (2003 and 2019 both round to 1.74 %): it once read "went from
    # 1.74 % to 1.74 %" under the heading "why the share fell".
    start, end = findings.PARADOX_YEARS
    shares = [
        findings.value("national_share", "inner-mongolia", "nbs-2021", y) for y in (start, end)
    ]
    assert shares[1] > shares[0] and i18n.decimal(shares[0], 2) == i18n.decimal(shares[1], 2)
    said = findings.prices(report.start("economy", region="inner-mongolia"))
    assert "1.74 % to 1.74 %" not in said
    assert "was 1.74 % in both years to two decimals (slightly higher at the end" in said
    assert "faster real growth (Inner Mongolia 11.7 % a year, against 9.0 % for China) offset" in (
        said
    )
    fell = findings.prices(report.start("economy", region="liaoning"))
    assert "fell from" in fell and "both lowered it" in fell
    notebook = (ROOT / "notebooks" / "economy.ipynb").read_text(encoding="utf-8")
    assert "why the share fell" not in notebook and "## Prices and the national share" in notebook


def test_the_structure_caption_names_every_change_of_lead() -> None:
    # Inner Mongolia: services led in every year but 2012, when industry and construction
    # (43.5 %) exceeded them (42.6 %); "services were already larger in 2000" hid it.
    caption = economy.sector_chart(report.start("economy", region="inner-mongolia")).caption
    assert "already larger" not in caption
    assert (
        "the larger of the two: services in 2000–2011, industry and construction in 2012, "
        "services in 2013–2019." in caption
    )
    share = pd.DataFrame(
        {"secondary": [50.0, 40.0, 45.0, 30.0], "tertiary": [40.0, 45.0, 44.0, 50.0]},
        index=[2000, 2001, 2002, 2003],
    )
    assert economy._leads(share) == [
        ("secondary", 2000, 2000),
        ("tertiary", 2001, 2001),
        ("secondary", 2002, 2002),
        ("tertiary", 2003, 2003),
    ]
    jilin = economy.sector_chart(report.start("economy", region="jilin")).caption
    assert "services were larger in every year shown" in jilin


def test_inner_mongolias_whole_region_figures_say_so() -> None:
    ctx = report.start("economy", region="inner-mongolia")
    caveat = "whole region, not only its policy-area part"
    for finding in (findings.ageing, findings.grain, findings.provinces, findings.real_growth):
        assert caveat in finding(ctx), finding.__name__
    liaoning = report.start("economy", region="liaoning")
    for finding in (findings.ageing, findings.grain, findings.provinces):
        assert caveat not in finding(liaoning)


def test_the_census_revisions_are_described_as_the_data_move() -> None:
    # The 4th economic census's revision lowered earlier GDP, the 5th's raised it; the text once
    # said both cut it.
    for region in REGIONS:
        ctx = report.start("economy", region=region)
        gdp = economy.gdp_levels(ctx).pivot_table(
            index="year", columns="release", values="gdp_cny_100m"
        )
        text = economy.census_revisions(ctx).data
        assert "cut" not in text
        for census, before, after in economy.CENSUS_REVISIONS:
            year = int(gdp[[before, after]].dropna().index.max())
            change = 100 * (gdp.loc[year, after] / gdp.loc[year, before] - 1)
            word = "lower" if change < 0 else "higher"
            assert f"after {census}, {i18n.decimal(abs(change), 1)} % {word} for {year}" in text
    liaoning = economy.census_revisions(report.start("economy", region="liaoning")).data
    assert "after the 5th economic census (2023), 3.3 % higher for 2019" in liaoning
    assert "after the 4th economic census (2018), 7.3 % lower for 2017" in liaoning


def test_the_2025_portal_records_span_is_the_years_its_rows_hold() -> None:
    source = SOURCES["nbs_portal_2025"]
    years = set()
    for name in ("economy_gdp", "economy_employment", "economy_provinces"):
        rows = nereport.load(name)
        years |= set(rows.loc[rows["source_id"] == "nbs_portal_2025", "year"])
    assert f"{min(years)}-{max(years)}" in source.release_label
    assert "1992-2023" not in source.release_label
