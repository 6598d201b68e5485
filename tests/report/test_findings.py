"""Headline figures: one figure, one number in every report and language; numbers rounded as
statistical tables round; gaps named, never averaged over or bridged."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import nereport
from nereport import i18n, report
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


def test_national_growth_after_2020_is_one_number_with_its_period(every_report) -> None:
    # National real growth of the first releases: one value and one period in every report that
    # states it, in both languages (it once read 6.6, 5.4, 5.3 or 4.6 % by report).
    stated, found_in = set(), set()
    for (topic, region, lang), text in every_report.items():
        pattern = (
            r"China \*\*(\d+\.\d) %\*\* a year (2021)–(2024)"
            if lang == "en"
            else r"(?:中国|全国)(2021)—(2024)年年均\*\*(\d+\.\d)%\*\*"
        )
        for match in re.finditer(pattern, text):
            groups = match.groups()
            rate, years = (groups[0], groups[1:]) if lang == "en" else (groups[2], groups[:2])
            stated.add((rate, "–".join(years)))
            found_in.add((topic, region, lang))
    # Every economy and policy report states it, in both languages, with one value and period.
    assert {
        (t, r, lang) for t in ("economy", "policy") for r in REGIONS for lang in i18n.LANGS
    } <= (found_in)
    assert len(stated) == 1
    rates = nereport.load("economy_gdp_index", region="china", release="first-release")
    rates = rates.set_index("year")["growth_pct"]
    factor = 1.0
    for year in range(2021, 2025):
        factor *= 1 + rates[year] / 100
    expected = i18n.decimal(100 * (factor ** (1 / 4) - 1), 1)
    assert stated == {(expected, "2021–2024")}


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
    assert "Jilin 6.6 % (2021), 6.3 % (2023), no figure found for 2022, so not averaged" in text
    assert "Liaoning **4.6 %** a year 2021–2024" in text
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
        assert "The map sums the 36 prefecture-level units instead (−10.1 %)" in en
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
    fai = findings.investment(ctx)
    assert "Liaoning −73 %" in fai and "17 January 2017" in fai
    assert "2013 → 2019" in findings.income(ctx)
    jilin = findings.investment(report.start("economy", region="jilin"))
    assert "17 January 2017" not in jilin  # the caveat is Liaoning's


def test_the_share_reaches_2024_in_a_release_of_its_own() -> None:
    ctx = report.start("economy", region="liaoning")
    share = findings.share_frame(ctx)
    later = share[share["release"] == "nbs-2025"].set_index("year")["share_pct"]
    assert later.index.max() == 2024
    gdp = nereport.load("economy_gdp", region="liaoning", release="nbs-2025", year=2024)
    china = nereport.load("economy_value_added", region="china", release="nbs-2025-03", year=2024)
    expected = 100 * gdp["gdp_cny_100m"].iloc[0] / china["gdp_cny_100m"].iloc[0]
    assert later[2024] == pytest.approx(expected)
    assert f"2024: **{i18n.decimal(expected, 2)} %**" in findings.national_share(ctx)
    chart = economy.share_chart(ctx).chart.to_dict()
    rows = [row for rows in chart["datasets"].values() for row in rows]
    assert {r["series"] for r in rows if "share_pct" in r} == {
        "NBS release of c.2021, 2000–2019",  # names from data/releases.py, years from the data
        "NBS portal 2025/26, after the 5th economic census, 2015–2024",
    }


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


def test_a_provinces_report_cites_its_own_census_bulletin_only() -> None:
    findings.forget()  # computed findings would load (and so cite) nothing again
    ctx = report.start("economy", region="jilin")
    economy.key_findings(ctx)
    cited = report.sources(ctx).data
    assert "Jilin 7th National Population Census bulletin No. 1" in cited
    assert "Liaoning 7th National Population Census bulletin" not in cited
    assert "Heilongjiang 7th National Population Census bulletin" not in cited
