"""The environment figures added later (env2_*): values against the reference, one unit per
series, scope and network breaks, the year convention of the inventories, gaps, and the CO2
cross-check that kept env2_co2 out of data/raw."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import nereport
from helpers import REFERENCE, one
from nereport.data.datasets import REGISTRY
from nereport.data.datasets.environment import (
    AIR_SCOPES,
    clean_environment_water,
    label_by_text,
    split_published_unit,
)
from nereport.data.sources import _SOURCES, SOURCES

ENV2 = [
    "environment_energy",
    "environment_coal_use",
    "environment_energy_mix",
    "environment_air_pollutants",
    "environment_pm25",
    "environment_water",
    "environment_forest_wetland",
]


# -- declarations -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ENV2)
def test_declared_with_gaps_and_unique_keys(name: str) -> None:
    ds = REGISTRY[name]
    assert len(ds.gaps) > 80, "say what is missing"
    frame = nereport.load(name)
    assert not frame.duplicated(list(ds.primary_key)).any()
    for source in ds.sources:
        assert SOURCES[source].via or SOURCES[source].url, f"{source}: where was it read?"


def test_source_ids_are_declared_once() -> None:
    ids = [s.id for s in _SOURCES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


# -- energy -------------------------------------------------------------------------------


def test_energy_totals_of_every_release_in_one_unit() -> None:
    # China 2014: 42.6亿t first released, 425806 (c.2019 export) and 428334 (c.2021 portal)
    # in 万t; all three in 10,000 t SCE, apart by release.
    energy = nereport.load("environment_energy", indicator="total_energy_consumption", year=2014)
    assert one(energy, "energy_10k_tce", release="first-release") == pytest.approx(426000)
    assert one(energy, "energy_10k_tce", release="nbs-2019") == 425806
    assert one(energy, "energy_10k_tce", release="nbs-2021") == 428334
    totals = nereport.load("environment_energy", indicator="total_energy_consumption")
    assert one(totals, "energy_10k_tce", year=2019, release="first-release") == pytest.approx(
        486000
    )
    assert one(totals, "energy_10k_tce", year=2021, release="first-release") == pytest.approx(
        524000
    )
    assert one(totals, "energy_10k_tce", year=2000, release="nbs-2021") == 146964
    assert set(totals["region"]) == {"china"}  # no provincial totals were found
    assert "provincial" in REGISTRY["environment_energy"].gaps


def test_coal_in_physical_tonnes_by_province() -> None:
    coal = nereport.load("environment_coal_use")
    assert one(coal, "coal_10k_t", region="liaoning", year=2017) == 17587.17
    assert one(coal, "coal_10k_t", region="inner-mongolia", year=2000) == 5907.99
    assert one(coal, "coal_10k_t", region="china", year=2018) == 397452
    provinces = coal[coal["region"] != "china"]
    assert set(provinces["region"]) == {"liaoning", "jilin", "heilongjiang", "inner-mongolia"}
    assert provinces["year"].max() == 2017


def test_energy_mix_keeps_releases_apart_and_signs_decreases() -> None:
    mix = nereport.load("environment_energy_mix", region="china")
    share = mix[mix["indicator"] == "coal_share_of_energy_consumption"]
    assert one(share, "value", year=2019, release="nbs-2021") == 57.7
    assert one(share, "value", year=2019, release="first-release") == 57.7
    assert one(share, "value", year=2014, release="nbs-2021") == 65.8
    co2 = mix[mix["indicator"] == "co2_per_gdp_change"]
    assert one(co2, "value", year=2020) == -1.0  # '下降1.0%'
    assert set(co2["unit"]) == {"% change on previous year"}
    first = mix[mix["source_id"] == "nbs_first_releases"]
    assert first["note"].str.startswith("document: NBS 2020").sum() == 3


# -- air pollutants -----------------------------------------------------------------------


def test_air_pollutants_from_million_tonnes_and_two_sources_kept() -> None:
    air = nereport.load("environment_air_pollutants", region="china", year=2012)
    so2 = air[air["pollutant"] == "so2"]
    assert one(so2, "emission_10k_t", source_id="mep_bulletin_2012") == pytest.approx(2117.6)
    assert one(so2, "emission_10k_t", source_id="nbs_portal_2021") == 2118.0
    nox = air[air["pollutant"] == "nox"]
    assert one(nox, "emission_10k_t", source_id="mep_bulletin_2012") == pytest.approx(2337.8)
    im = nereport.load("environment_air_pollutants", region="inner-mongolia", year=2014)
    so2 = im[im["pollutant"] == "so2"]
    assert sorted(so2["emission_10k_t"].round(2)) == [131.24, 131.24]
    assert set(so2["source_id"]) == {"nbs_portal_2021", "inner_mongolia_envstats_2014"}


@pytest.mark.parametrize(
    ("pollutant", "scopes"),
    [
        ("so2", {2011: "env-stats-2011", 2015: "env-stats-2011", 2016: "env-stats-2016"}),
        ("nox", {2014: "env-stats-2011", 2017: "census-2017"}),
        (
            "soot_dust",
            {
                2013: "env-stats-2011",
                2014: "env-stats-2014",
                2016: "env-stats-2016",
                2017: "portal-2017-soot-dust",
            },
        ),
    ],
)
def test_scope_breaks_by_province(pollutant: str, scopes: dict[int, str]) -> None:
    air = nereport.load("environment_air_pollutants", region="liaoning", pollutant=pollutant)
    for year, scope in scopes.items():
        assert one(air, "scope", year=year) == scope


def test_no_scope_spans_a_break() -> None:
    # Within one region, pollutant and source, each scope is one run of years, and the runs of
    # the portal break exactly in 2014 (soot and dust only), 2016 and 2017.
    air = nereport.load("environment_air_pollutants", source_id="nbs_portal_2021")
    for (region, pollutant), rows in air.groupby(["region", "pollutant"]):
        rows = rows.sort_values("year")
        starts = rows.loc[rows["scope"] != rows["scope"].shift(), "year"].tolist()
        expected = [2011, 2014, 2016, 2017] if pollutant == "soot_dust" else [2011, 2016, 2017]
        assert starts == expected, (region, pollutant)
        assert rows.groupby("scope")["year"].apply(lambda y: y.max() - y.min() + 1 == len(y)).all()
    china = nereport.load("environment_air_pollutants", region="china")
    assert set(china.loc[china["year"] == 2014, "scope"]) == {
        "env-stats-2011",
        "env-stats-2014",
        "total-control-2014",
    }
    assert set(china.loc[china["year"] == 2020, "scope"]) == {"emission-source-2020"}


def test_unsourced_national_series_is_left_out() -> None:
    air = nereport.load("environment_air_pollutants", region="china")
    assert not set(air["year"]) & {2018, 2019, 2021, 2022, 2023}
    assert 854.89 not in set(air["emission_10k_t"])  # the unsourced 2016 SO2


def test_an_unknown_scope_text_gets_no_scope() -> None:
    # No guess: the row's scope stays empty and validation names it (scope is required).
    labels = label_by_text(
        pd.Series(["10,000 t; environmental statistics 2011-2015 scope", "10,000 t"]), AIR_SCOPES
    )
    assert labels.iloc[0] == "env-stats-2011" and pd.isna(labels.iloc[1])


# -- PM2.5 and water ----------------------------------------------------------------------


def test_pm25_networks() -> None:
    pm = nereport.load("environment_pm25", region="china")
    assert one(pm, "pm25_ugm3", year=2013) == 72
    assert one(pm, "network", year=2015) == "74 cities (first phase)"
    assert one(pm, "network", year=2016) == "338 cities"
    assert one(pm, "network", year=2019) == "337 cities"
    assert one(pm, "network", year=2021) == "339 cities"
    assert one(pm, "pm25_ugm3", year=2024) == 29.3
    assert one(pm, "network", year=2024) == "cities (count not printed)"
    assert 2014 not in set(pm["year"])  # not found: a gap, not a value
    local = nereport.load("environment_pm25", region=["shenyang", "harbin", "jilin"])
    assert one(local, "pm25_ugm3", region="shenyang", year=2014) == 74
    assert "PRELIMINARY" in one(local, "note", region="harbin", year=2016)
    cities = "prefecture-level cities of the province"
    assert one(local, "pm25_ugm3", region="jilin", year=2023, network=cities) == 26.5
    # The early-2024 report's provincial figure is another network, kept beside it (env3).
    assert one(local, "pm25_ugm3", region="jilin", year=2023, network="provincial mean") == 27
    assert set(nereport.load("environment_pm25")["pm25_ugm3"].dropna() > 0) == {True}


def test_inner_mongolias_means_are_regional_not_provincial() -> None:
    # An autonomous region: its 2022 mean was "Inner Mongolia (provincial mean)" / 全省均值,
    # beside the 2021 series 全区12个盟市均值 of the same region.
    from nereport import i18n

    im = nereport.load("environment_pm25", region="inner-mongolia")
    assert one(im, "network", year=2022) == "regional mean"
    assert not [n for n in im["network"] if "provincial" in n]
    assert i18n.translate("regional mean", "zh") == "全区均值"


def test_water_shares_networks_and_basin_grades() -> None:
    water = nereport.load("environment_water", region="china")
    grades = water[(water["year"] == 2016) & water["indicator"].str.match(r"share_sections_grade")]
    assert grades.set_index("indicator")["share_pct"].to_dict()["share_sections_grade_II"] == 37.5
    good_2018 = water[
        (water["year"] == 2018) & (water["indicator"] == "share_sections_grade_I_III")
    ]
    assert dict(zip(good_2018["network"], good_2018["share_pct"], strict=True)) == {
        "1940 national surface-water assessment sections": 71.0,
        "sections in the 10 basins (2018 MEE monthly/annual assessment network)": 74.3,
    }
    assert (
        one(water, "network", year=2021, indicator="share_sections_grade_I_III", share_pct=84.9)
        == "3641 national surface-water assessment sections"
    )
    basins = nereport.load("environment_water", region=["songhua-basin", "liao-basin"])
    assert one(basins, "status", region="songhua-basin", year=2020) == "good (良好)"
    assert one(basins, "status", region="liao-basin", year=2020) == "lightly polluted (轻度污染)"
    assert basins["share_pct"].isna().all() and set(basins["unit"]) == {"category"}
    liaoning = nereport.load("environment_water", region="liaoning", year=2021)
    assert one(liaoning, "sections", indicator="count_national_sections_worse_than_V") == 0


def test_water_unknown_unit_is_reported_not_guessed() -> None:
    raw = pd.DataFrame(
        {"value": ["5"], "unit": ["furlongs of river"], "note": [""], "indicator": ["x"]}
    )
    out = clean_environment_water(raw)
    assert out[["share_pct", "sections", "status", "unit"]].isna().all(axis=None)
    assert "unknown published unit furlongs" in out["note"].iloc[0]


# -- forests and wetlands -----------------------------------------------------------------


def test_forest_and_wetland_units_converted_by_published_unit() -> None:
    fw = nereport.load("environment_forest_wetland")
    china = fw[fw["region"] == "china"]
    area = china[china["indicator"] == "forest_area"]
    assert one(area, "value", source_id="sfa_inventory8") == pytest.approx(2.08e4)  # 2.08亿公顷
    assert one(area, "value", source_id="sfa_inventory8_portal") == 20768.73
    assert one(area, "value", year=2021) == pytest.approx(34.6e4 / 15)  # 34.6亿亩
    assert one(area, "value", year=2022) == pytest.approx(2.31e4)
    stock = fw[fw["indicator"] == "forest_stock_volume"]
    assert one(stock, "value", region="inner-mongolia", source_id="inner_mongolia_forest_2014") == (
        pytest.approx(134500)  # 13.45亿立方米
    )
    wetland = fw[fw["indicator"] == "wetland_area"]
    assert one(wetland, "value", region="liaoning") == pytest.approx(121.96)  # 1219.6 千ha
    assert one(wetland, "value", region="heilongjiang", year=2019) == pytest.approx(5251.48 / 15)
    assert one(wetland, "value", region="china", year=2019) == 2346.93
    areas = fw["indicator"].str.endswith("_area") & ~fw["indicator"].str.contains("share")
    assert set(fw.loc[areas, "unit"]) == {"10,000 ha"}
    assert set(fw.loc[fw["indicator"].str.contains("stock"), "unit"]) == {"10,000 m³"}


def test_inventories_at_their_end_year_and_kept_apart_from_forest_cover() -> None:
    fw = nereport.load("environment_forest_wetland")
    years = fw.groupby("survey")["year"].unique().map(sorted).to_dict()
    assert years["inventory-7"] == [2008]
    assert years["inventory-8"] == [2013]
    assert years["inventory-9"] == [2018]
    assert years["wetland-survey-1"] == [2003]
    # The same 9th-inventory figure: survey year 2015 in environment_forest_cover, end year
    # 2018 here; the two datasets are never merged, so the conventions never share a key.
    cover = nereport.load(
        "environment_forest_cover", region="liaoning", indicator="forest_coverage"
    )
    assert one(cover, "value", inventory="inventory-9") == 39.24
    assert one(cover, "year", inventory="inventory-9") == 2015
    ln = fw[(fw["region"] == "liaoning") & (fw["indicator"] == "forest_coverage")]
    assert one(ln, "value", survey="inventory-9") == 39.24
    assert one(ln, "year", survey="inventory-9") == 2018
    assert "survey years" in REGISTRY["environment_forest_wetland"].description
    provincial = fw[fw["survey"] == "provincial-definition"]
    assert dict(zip(provincial["region"], provincial["value"], strict=True)) == {
        "heilongjiang": 47.23,
        "jilin": 45.42,
    }


def test_split_published_unit() -> None:
    assert split_published_unit("10,000 ha (9th NFI (2014-2018)); year = inventory end year") == (
        "10,000 ha",
        "9th NFI (2014-2018); year = inventory end year",
    )
    assert split_published_unit("10,000 t; environmental statistics 2011-2015 scope") == (
        "10,000 t",
        "environmental statistics 2011-2015 scope",
    )
    assert split_published_unit("ug/m3") == ("ug/m3", "")


# -- CO2: env2_co2 is the same CEADs release -------------------------------------------------


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside the checkout")
def test_env2_co2_is_the_release_already_in_environment_co2() -> None:
    # The workbooks' Scope 1 totals (Mt, full precision) against OpenClimate's processed CSV
    # (whole tonnes): all 50 region-years agree within 1 t, so env2_co2 is a cross-check and
    # not a second release.
    co2 = nereport.load("environment_co2").set_index(["region", "year"])["co2_mt"]
    names = {"China": "china", "Liaoning": "liaoning", "Jilin": "jilin"}
    names |= {"Heilongjiang": "heilongjiang", "Inner Mongolia": "inner-mongolia"}
    path = REFERENCE / "figures" / "env2_co2.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 50
    for row in rows:
        workbook_t = float(row["value"]) * 1e6
        assert abs(workbook_t - co2[(names[row["region"]], int(row["year"]))] * 1e6) < 1
