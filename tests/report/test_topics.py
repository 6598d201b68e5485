"""Report sections: the charts carry the right data, the prose the right numbers."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import nereport
from nereport import report
from nereport.report import economy, environment, policy


@pytest.fixture(params=["jilin", "northeast", "inner-mongolia"])
def ctx(request) -> report.Context:
    return report.start("economy", region=request.param)


def chart_values(chart) -> pd.DataFrame:
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    datasets = spec.get("datasets", {})
    return pd.DataFrame([row for rows in datasets.values() for row in rows])


def test_gdp_chart_draws_one_line_per_vintage(ctx) -> None:
    values = chart_values(economy.gdp_chart(ctx))
    gdp = values.dropna(subset=["gdp_cny_100m"])
    assert not gdp.duplicated(["series", "year"]).any()  # never two values on one line-year
    assert set(gdp["series"]) <= {"nbs-2025", "nbs-2018", "cnki-mixed", "csy-2000", "csy-2006"}


def test_share_of_national_gdp_uses_one_vintage() -> None:
    ctx = report.start("economy", region="liaoning")
    share = economy.national_share(ctx).set_index("year")["share_pct"]
    gdp = nereport.load("economy_gdp", vintage="cnki-mixed", year=2003).set_index("region")
    expected = 100 * gdp.loc["liaoning", "gdp_cny_100m"] / gdp.loc["china", "gdp_cny_100m"]
    assert share[2003] == pytest.approx(expected)
    assert f"2003: **{expected:.2f} %**" in economy.share_summary(ctx).data


def test_summaries_are_computed_not_typed() -> None:
    ctx = report.start("economy", region="jilin", start_year=2006, end_year=2024)
    text = economy.gdp_summary(ctx).data
    gdp = nereport.load("economy_gdp", region="jilin", vintage="nbs-2025").set_index("year")
    assert f"{gdp.loc[2006, 'gdp_cny_100m']:,.1f}" in text
    assert f"{gdp.loc[2024, 'gdp_cny_100m']:,.1f}" in text


def test_co2_intensity_is_co2_over_gdp_of_one_vintage() -> None:
    ctx = report.start("environment", region="heilongjiang")
    frame = environment.intensity(ctx)
    assert frame["vintage"].nunique() == 1
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
    assert not values.duplicated(["region", "inventory"]).any()
    china_6th = values[(values["region"] == "china") & (values["inventory"] == "inventory-6")]
    assert china_6th["source_id"].tolist() == ["csy2009_t11_35"]  # the yearbook, not the repost


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
    assert outside == {"Inner Mongolia"}


def test_money_summary_says_what_the_sums_were() -> None:
    text = policy.money_summary(report.start("policy", region="jilin")).data
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
    assert "CEADs" in text and "ceads_provinces/environment_co2.csv" in text
    assert "`region=jilin`" in text and "nereport version" in text
    assert list(metadata["nereport"]["datasets"]) == ["environment_co2"]


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
    json.dumps(economy.sector_chart(ctx).to_dict())


def test_quotes_in_citations_are_not_double_escaped() -> None:
    text = report.esc("Chapter 'International policy' & more <b>")
    assert text == "Chapter 'International policy' &amp; more &lt;b&gt;"


@pytest.mark.parametrize("region", ["heilongjiang", "northeast"])
def test_a_value_flagged_in_the_data_is_named_beside_the_chart(region: str) -> None:
    ctx = report.start("economy", region=region)
    text = economy.population_summary(ctx).data
    assert "flagged in the data" in text
    assert "Heilongjiang 2013, vintage `csy-annual`" in text and "3535" in text


def test_no_flag_sentence_where_the_data_flags_nothing() -> None:
    text = economy.population_summary(report.start("economy", region="jilin")).data
    assert "flagged" not in text
    narrow = report.start("economy", region="heilongjiang", start_year=2015, end_year=2020)
    assert "flagged" not in economy.population_summary(narrow).data  # 2013 not shown


def test_each_source_line_names_its_own_raw_file() -> None:
    from nereport.data.sources import SOURCES

    ctx = report.start("economy", region="jilin")
    for name in ("economy_gdp", "economy_population", "environment_co2", "economy_employment"):
        nereport.load(name)
    text = report.sources(ctx).data
    lines = [line for line in text.splitlines() if "Raw file `" in line]
    assert len(lines) >= 15
    for line in lines:
        raw_file = line.split("Raw file `")[1].split("`")[0]
        source_id = raw_file.split("/")[0]
        source = SOURCES[source_id]
        # The line names the publication of the source its raw file was compiled from.
        assert report.esc(source.title) in line, (raw_file, line[:120])
        assert report.esc(source.vintage_label) in line, (raw_file, line[:120])
