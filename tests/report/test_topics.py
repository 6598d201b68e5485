"""Report sections: the charts carry the right data, the prose the right numbers."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

import nereport
from nereport import report
from nereport.data import releases as releases_module
from nereport.report import economy, environment, policy


@pytest.fixture(params=["jilin", "northeast", "inner-mongolia"])
def ctx(request) -> report.Context:
    return report.start("economy", region=request.param)


def chart_values(figure) -> pd.DataFrame:
    chart = getattr(figure, "chart", figure)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    datasets = spec.get("datasets", {})
    return pd.DataFrame([row for rows in datasets.values() for row in rows])


def test_gdp_chart_draws_one_line_per_release(ctx) -> None:
    values = chart_values(economy.gdp_chart(ctx))
    gdp = values.dropna(subset=["gdp_cny_100m"])
    assert not gdp.duplicated(["series", "year"]).any()  # never two values on one line-year
    # The CNKI extraction is three releases, each its own line: no line crosses 2009-2010.
    named = economy.release_name
    assert named("cnki-mixed") not in set(gdp["series"])  # split into its three releases
    assert {named("cnki-to-2009"), named("cnki-2010-2018")} <= set(gdp["series"])
    releases = {named(r) for r in nereport.load("economy_gdp")["release"]}
    # each line is one release, named for readers; among them the main release, whose GDP
    # (in economy_value_added) every share and ratio of the report is computed from
    assert set(gdp["series"]) <= releases | {named(releases_module.MAIN)}
    main = gdp[gdp["series"] == named(releases_module.MAIN)].set_index("year")["gdp_cny_100m"]
    va = nereport.load("economy_value_added", release=releases_module.MAIN, year=2003)
    if ctx.region in set(va["region"]):  # a province (the Northeast is their sum)
        assert main.loc[2003] == va[va["region"] == ctx.region]["gdp_cny_100m"].iloc[0]


def test_share_of_national_gdp_takes_both_figures_from_one_release() -> None:
    ctx = report.start("economy", region="liaoning")
    share = economy.national_share(ctx).set_index("year")["share_pct"]
    gdp = nereport.load("economy_value_added", release="nbs-2021", year=2003, sector="primary")
    gdp = gdp.set_index("region")["gdp_cny_100m"]
    assert share[2003] == pytest.approx(100 * gdp["liaoning"] / gdp["china"])
    assert f"2003: **{100 * gdp['liaoning'] / gdp['china']:.2f} %**" in (
        economy.findings.national_share(ctx)
    )


def test_the_northeast_share_does_not_fall_off_a_release_cliff_in_2010() -> None:
    # With the CNKI series (original values to 2009, revised after) the Northeast's share
    # fell from 8.92 % to 7.47 % in 2010; within one release it moves by a fraction of that.
    share = economy.national_share(report.start("economy", region="northeast"))
    share = share[share["release"] == "nbs-2021"].set_index("year")["share_pct"]
    assert abs(share[2010] - share[2009]) < 0.5
    assert share.index.min() == 2000 and share.index.max() == 2019


def test_northeast_real_growth_in_2010_is_positive_in_every_release() -> None:
    growth = economy.real_growth(report.start("economy", region="northeast"))
    assert (growth[growth["year"] == 2010]["growth_pct"] > 0).all()
    # Each line is one region in one release.
    assert not growth.duplicated(["segment", "year"]).any()
    assert growth.groupby("segment")["release"].nunique().max() == 1


def test_no_derived_figure_mixes_releases() -> None:
    from nereport.report import findings

    for region in ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast"):
        ctx = report.start("economy", region=region)
        share = findings.share_frame(ctx)
        # Two releases, each its own rows: never two values of one year in one release.
        assert set(share["release"]) == {"nbs-2021", "nbs-2025"}
        assert not share.duplicated(["release", "year"]).any()
        assert set(findings.per_capita_frame(ctx)["release"]) == {"nbs-2021"}
    with pytest.raises(nereport.NereportError, match="mix releases"):
        from nereport.data.series import cumulative_growth

        cumulative_growth(nereport.load("economy_gdp_index", region="jilin"), 2003, 2019)


def test_key_findings_state_figures_with_their_period_and_release(ctx) -> None:
    text = economy.key_findings(ctx).data
    assert text.startswith("## Key findings")
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    # One bullet per question the data answer (growth ... ageing, regions and ranks, grain).
    assert 4 <= len(bullets) <= 12
    for bullet in bullets:
        assert any(ch.isdigit() for ch in bullet)
    assert "2003 to 2019" in text and "NBS release of c.2021" in text and "census" in text


def test_real_growth_finding_is_chained_from_the_published_indices() -> None:
    from nereport.data.series import annual_rate, cumulative_growth

    ctx = report.start("economy", region="jilin")
    rows = nereport.load("economy_gdp_index", region="jilin", release="nbs-2021")
    total = cumulative_growth(rows, 2003, 2019)
    index = rows.set_index("year")["index_prev_year_100"]
    product = 1.0
    for year in range(2004, 2020):
        product *= index[year] / 100
    assert total == pytest.approx(100 * (product - 1))
    assert f"Jilin **{annual_rate(total, 16):,.1f} %** a year" in economy.key_findings(ctx).data


def test_inner_mongolia_figures_say_what_they_cover() -> None:
    ctx = report.start("economy", region="inner-mongolia")
    findings_text = economy.key_findings(ctx).data
    assert "whole region, not only its policy-area part" in findings_text
    assert "five eastern prefectures" in findings_text
    spec = economy.share_chart(ctx).chart.to_dict()
    assert "Inner Mongolia: whole region" in json.dumps(spec["title"])
    census = economy.census_map(ctx).chart.to_dict()
    assert "whole region" not in json.dumps(census["title"])


def test_census_map_covers_all_41_units_and_says_so() -> None:
    figure = economy.census_map(report.start("economy", region="jilin"))
    features = chart_values(figure)
    assert len(features) >= 41
    assert figure.caption.startswith("37 of the 41 units lost population")


def test_the_northeast_census_map_and_its_text_cover_the_three_provinces_36_units() -> None:
    # The key finding sums the three provinces' 36 units; the map and its text counted the
    # policy area's 41 (Xilin Gol, Inner Mongolia, among the gains of a three-provinces report).
    ctx = report.start("economy", region="northeast")
    figure = economy.census_map(ctx)
    features = chart_values(figure)
    assert (features["type"] == "Feature").sum() == 36
    assert "Xilin Gol" not in figure.caption and "Inner Mongolia" not in figure.caption
    assert figure.caption.startswith("33 of the 36 units lost population")
    assert "All 36 prefecture-level units of" in json.dumps(figure.chart.to_dict()["title"])
    assert "Summed over its 36 prefecture-level units" in economy.key_findings(ctx).data


def test_co2_intensity_is_co2_over_gdp_of_one_release() -> None:
    ctx = report.start("environment", region="heilongjiang")
    frame = environment.intensity(ctx)
    assert frame["release"].nunique() == 1
    row = frame[(frame["region"] == "heilongjiang") & (frame["year"] == 2010)].iloc[0]
    assert row.t_per_10k_yuan == pytest.approx(row.co2_mt * 1e6 / (row.gdp_cny_100m * 1e4))


def test_northeast_co2_is_the_sum_of_the_provinces() -> None:
    ctx = report.start("environment", region="northeast")
    ne = environment.co2(ctx).set_index(["region", "year"])["co2_mt"]
    co2 = nereport.load("environment_co2", year=2015)
    assert ne[("northeast", 2015)] == pytest.approx(
        co2[co2["region"].isin(["liaoning", "jilin", "heilongjiang"])]["co2_mt"].sum()
    )


def test_forest_chart_has_one_bar_per_region_and_inventory() -> None:
    ctx = report.start("environment", region="liaoning")
    values = chart_values(environment.forest_chart(ctx))
    assert not values.duplicated(["region", "survey"]).any()
    assert set(values["survey"]) == {"inventory-7", "inventory-8", "inventory-9"}
    china_9th = values[(values["region"] == "china") & (values["survey"] == "inventory-9")]
    assert china_9th["value"].tolist() == [22.96]


def test_map_highlights_the_five_prefectures_for_inner_mongolia() -> None:
    ctx = report.start("policy", region="inner-mongolia")
    features = chart_values(policy.map_chart(ctx)).to_dict("records")
    selected = {
        f["properties"]["name"] for f in features if f["properties"]["state"] == "Selected region"
    }
    assert selected == {"Hulunbuir", "Hinggan", "Tongliao", "Chifeng", "Xilin Gol"}
    outside = {
        f["properties"]["name"]
        for f in features
        if f["properties"]["state"] == "Outside the policy area"
    }
    assert outside == {"Rest of Inner Mongolia"}  # its five prefectures are drawn over it


def test_map_highlights_a_province_with_its_prefectures_drawn_over_it() -> None:
    ctx = report.start("policy", region="jilin")
    features = chart_values(policy.map_chart(ctx)).to_dict("records")
    states = {f["properties"]["name"]: f["properties"]["state"] for f in features}
    # Jilin and its nine prefectures: the prefectures are drawn over the province.
    assert {n for n, s in states.items() if s == "Selected region"} == {
        "Jilin",
        "Changchun",
        "Jilin City",
        "Siping",
        "Liaoyuan",
        "Tonghua",
        "Baishan",
        "Songyuan",
        "Baicheng",
        "Yanbian",
    }
    assert states["Shenyang"] == states["Harbin"] == "Policy area"


def test_money_summary_says_what_the_sums_were() -> None:
    text = policy.money_chart(report.start("policy", region="jilin")).caption
    assert "1.6 trillion yuan" in text and "not central funding" in text
    assert "60 billion yuan" in text and "development bonds" in text


def test_programmes_of_a_region_include_cross_province_ones() -> None:
    html = policy.programmes(report.start("policy", region="jilin")).data
    assert "Five industrial parks" in html and "Harbin-Dalian high-speed railway" in html
    assert "Six industrial bases" not in html


def test_sources_section_lists_what_was_loaded() -> None:
    from nereport.data import provenance

    provenance.reset()
    ctx = report.start("environment", region="jilin")
    environment.co2_chart(ctx)
    section = report.sources(ctx)
    text, metadata = section._repr_markdown_()
    assert "CEADs" in text and "<code>region=jilin</code>" in text and "nereport version" in text
    # Raw files and their checksums are the data dictionary's and the manifest's, not the
    # reader's: the metadata carries them for the build engine.
    assert "ceads_provinces/environment_co2.csv" not in text
    recorded = metadata["nereport"]["datasets"]["environment_co2"]["ceads_provinces"]
    assert recorded["file"] == "ceads_provinces/environment_co2.csv"
    assert recorded["sha256"][:16] not in text
    # The region table (names, regions, map units) is an input of every report.
    assert list(metadata["nereport"]["datasets"]) == ["regions", "environment_co2"]


def test_text_from_data_is_made_inert() -> None:
    hostile = "<img src=x onerror=alert(1)> *bold* `code`"
    out = report.esc(hostile)
    assert "<img" not in out and "&lt;img" in out and "\\*bold\\*" in out
    table = report.table(pd.DataFrame({"a": ["<script>alert(1)</script>"]}), {"a": "A"})
    assert "<script>" not in table.data and "&lt;script&gt;" in table.data


def test_start_validates_parameters() -> None:
    with pytest.raises(nereport.ParameterError, match="'mars' is not allowed"):
        report.start("economy", region="mars")


def test_chart_specs_are_plain_json() -> None:
    ctx = report.start("economy", region="jilin")
    json.dumps(economy.sector_chart(ctx).chart.to_dict())


def test_quotes_in_citations_are_not_double_escaped() -> None:
    text = report.esc("Chapter 'International policy' & more <b>")
    assert text == "Chapter 'International policy' &amp; more &lt;b&gt;"


@pytest.mark.parametrize("region", ["heilongjiang", "northeast"])
def test_a_value_flagged_in_the_data_is_left_out_of_the_lines_and_named(region: str) -> None:
    ctx = report.start("economy", region=region)
    figure = economy.population_chart(ctx)
    assert "Left out of the lines" in figure.caption
    assert (
        "Heilongjiang 2013 (Yearbooks, each year as first published): 35.35 million"
        in figure.caption
    )
    drawn = economy.population(ctx)
    annual = drawn[(drawn["release"] == "csy-annual") & (drawn["year"] == 2013)]
    if region == "heilongjiang":
        assert annual.empty  # not drawn
    else:
        assert annual.empty  # and no Northeast sum is made with it


def test_no_flag_sentence_where_the_data_flags_nothing() -> None:
    # Jilin's 2021 and 2024 first releases were read in secondary copies only (flagged): a
    # window before them flags nothing.
    jilin = report.start("economy", region="jilin", end_year=2020)
    assert "Left out" not in economy.population_chart(jilin).caption
    narrow = report.start("economy", region="heilongjiang", start_year=2015, end_year=2020)
    assert "Left out" not in economy.population_chart(narrow).caption  # 2013 not shown


def test_each_publication_is_cited_once_under_its_grade() -> None:
    from nereport.data import provenance
    from nereport.data.sources import GRADES, SOURCES

    ctx = report.start("economy", region="jilin")
    for name in ("economy_gdp", "economy_population", "environment_co2", "economy_employment"):
        nereport.load(name)
    used = {s for raw in provenance.used().values() for s in raw}
    text = report.sources(ctx).data
    headings = {
        "official": "Official publications",
        "official-repost": "Official texts and tables read in a repost",
        "scholarly": "Scholarly datasets",
        "secondary": "Secondary sources",
    }
    # Each grade's heading, then the list of its publications.
    groups = re.findall(r"<strong>([^<]*)</strong></p>\s*<ul>(.*?)</ul>", text, re.S)
    cited = [
        (heading, item)
        for heading, items in groups
        for item in re.findall(r"<li>(.*?)</li>", items)
    ]
    assert len(used) >= 15
    for source_id in used:
        source = SOURCES[source_id]
        title = html.escape(source.title, quote=False)
        # The English rendering, with the original title beside it unless it quotes it.
        quoted = re.search(r"《([^》]+)》", source.title_zh)
        original = quoted[1] if quoted else re.split(r"[（：(]", source.title_zh)[0]
        beside = not source.title_zh or original in source.title
        found = [
            heading
            for heading, item in cited
            if title in item and (beside or f'<span lang="zh-CN">{source.title_zh}</span>' in item)
        ]
        # Once under its own grade; a family read in copies of two grades is cited in full
        # under the better one and named short ("listed above") under the other.
        better = [
            s
            for s in used
            if (SOURCES[s].publisher, SOURCES[s].title) == (source.publisher, source.title)
            and GRADES.index(SOURCES[s].grade) < GRADES.index(source.grade)
        ]
        if better:
            short = html.escape(source.title.split(",")[0], quote=False) + ": listed above"
            found = [heading for heading, item in cited if short in item]
        mine = [h for h in found if h.startswith(headings[source.grade])]
        assert len(mine) == 1, (source_id, found)
    # A publisher is named in full once, then by its abbreviation.
    assert text.count("National Bureau of Statistics of China (NBS)") == 1
    assert "<li>NBS: " in text


@pytest.mark.parametrize("topic", ["economy", "environment", "policy"])
@pytest.mark.parametrize(
    "region", ["liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast"]
)
def test_every_chart_of_every_report_is_a_valid_vega_lite_spec(topic: str, region: str) -> None:
    # The build's kernels skip this validation (a fifth of a report's time): it is done here.
    import importlib
    import inspect

    module = importlib.import_module(f"nereport.report.{topic}")
    ctx = report.start(topic, region=region)
    charts = 0
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ != module.__name__ or not name.endswith(("_chart", "_map")):
            continue
        figure = function(ctx)
        assert isinstance(figure, report.Figure), name
        assert figure.caption, f"{name} has no sentence under it"
        if figure.chart is not None:
            figure.chart.to_dict(validate=True)
            charts += 1
    assert charts >= 3


def test_tables_list_regions_in_their_order_and_sources_by_name() -> None:
    from nereport.data.sources import SOURCES

    try:
        ctx = report.start("economy", region="jilin", lang="zh")
        rows = economy.unemployment_table(ctx).data
        names = ["辽宁省", "吉林省", "黑龙江省", "内蒙古自治区", "东北三省", "全国"]
        assert [rows.index(f"<td>{n}</td>") for n in names] == sorted(
            rows.index(f"<td>{n}</td>") for n in names
        )
        assert "<td>4.70</td>" not in rows  # rates with one decimal, as NBS prints them
        ctx = report.start("environment", region="liaoning", lang="zh")
        reserves = environment.reserves_table(ctx).data
        assert not [s for s in SOURCES if s in reserves]  # titles, never source ids
        assert "《中国统计年鉴2002》" in reserves  # the original title in a Chinese report
    finally:
        report.start("economy", region="jilin")


def test_every_release_is_named_in_one_table() -> None:
    from nereport.data import releases
    from nereport.report import findings

    # One id, one label: the findings and the charts name the main release alike.
    assert findings.MAIN == economy.MAIN_RELEASE == releases.MAIN
    assert findings.MAIN_LABEL == releases.NAMES[releases.MAIN]
    growth = economy.real_growth(report.start("economy", region="jilin"))
    assert set(growth["release_name"]) <= {releases.name(v) for v in releases.NAMES}
    for release in nereport.load("economy_gdp_index")["release"].unique():
        assert release in releases.NAMES, release
    # The main release id is typed once, in nereport.data.releases (and as the release of its
    # source record, where the sources are declared).
    from helpers import ROOT

    typed = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src" / "nereport").rglob("*.py")
        if '"nbs-2021"' in p.read_text(encoding="utf-8")
    ]
    assert "src/nereport/data/releases.py" in typed
    assert set(typed) <= {"src/nereport/data/releases.py", "src/nereport/data/sources.py"}


def test_a_census_finding_says_all_when_every_unit_lost_people() -> None:
    from nereport.report import findings

    try:
        every = findings.census_population(report.start("economy", region="heilongjiang"))
        assert "all 13 prefecture-level units lost people" in every
        some = findings.census_population(report.start("economy", region="jilin", lang="zh"))
        assert "9个地级行政区中有8个人口减少" in some
        every = findings.census_population(
            report.start("economy", region="heilongjiang", lang="zh")
        )
        assert "全部13个地级行政区人口均减少" in every and "13个中有13个" not in every
    finally:
        report.start("economy", region="jilin")


def test_findings_name_the_provinces_in_the_regions_order() -> None:
    from nereport.report import findings

    try:
        for lang, names in (
            ("en", ("Liaoning", "Jilin", "Heilongjiang")),
            ("zh", ("辽宁", "吉林", "黑")),
        ):
            text = findings.per_capita(report.start("economy", region="northeast", lang=lang))
            assert [text.index(n) for n in names] == sorted(text.index(n) for n in names), text
            text = findings.pm25(report.start("environment", region="northeast", lang=lang))
            assert [text.index(n) for n in names] == sorted(text.index(n) for n in names), text
    finally:
        report.start("economy", region="jilin")


def test_per_capita_caption_says_all_years_and_keeps_the_regions_order() -> None:
    try:
        ctx = report.start("economy", region="northeast", lang="zh")
        caption = economy.per_capita_chart(ctx).caption
        assert "吉林省在**全部20年中均**低于全国水平" in caption
        assert caption.index("辽宁省") < caption.index("吉林省") < caption.index("黑龙江省")
    finally:
        report.start("economy", region="jilin")


def test_sources_section_cites_only_the_publications_whose_rows_were_read() -> None:
    from nereport.data import provenance
    from nereport.data.sources import SOURCES

    provenance.reset()
    ctx = report.start("economy", region="jilin")
    rows = nereport.load("economy_gdp", region=["jilin", "china"])
    text = report.sources(ctx).data
    read = set(rows["source_id"])
    # Liaoning's own releases are sources of the dataset, but no row of theirs was read.
    assert "liaoning_2020s_official" not in read
    assert html.escape(SOURCES["liaoning_2020s_official"].title, quote=False) not in text
    for source_id in read:
        assert html.escape(SOURCES[source_id].title, quote=False) in text
    # The record the build keys on still holds every raw file the dataset was built from.
    assert "liaoning_2020s_official" in provenance.used()["economy_gdp"]
