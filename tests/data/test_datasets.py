"""Spot checks of figures against their cited publications, and each cleaning function."""

from __future__ import annotations

import pandas as pd
import pytest

import nereport
from helpers import one
from nereport.data.datasets._common import split_unit, to_units
from nereport.data.datasets.policy import parse_date

# -- spot checks: the value a publication prints, found in the cleaned dataset --------------


@pytest.mark.parametrize(
    ("release", "value"),
    [
        ("nbs-2018", 27213.22),  # NBS portal c.2018 (original yearbook value)
        ("cnki-2010-2018", 19611.70),  # yearbook via CNKI, revised
        ("nbs-2025", 19534.3),  # NBS portal 2025/26, after the 5th economic census
    ],
)
def test_liaoning_2013_gdp_in_every_release(release: str, value: float) -> None:
    gdp = nereport.load("economy_gdp", region="liaoning", year=2013)
    assert one(gdp, "gdp_cny_100m", release=release) == pytest.approx(value)


def test_the_cnki_extraction_is_published_as_one_and_split_into_three_releases() -> None:
    cnki = nereport.load("economy_gdp", region="liaoning", published_as="cnki-mixed")
    assert list(dict.fromkeys(cnki["release"])) == ["cnki-to-2009", "cnki-2010-2018", "cnki-2019"]
    other = nereport.load("economy_gdp", published_as=["nbs-2018", "nbs-2025", "csy-2000"])
    assert (other["release"] == other["published_as"]).all()


def test_csy2000_first_published_gdp_is_its_own_release() -> None:
    # CSY 2000 table 3-8 printed Jilin 1999 = 1669.56; the later NBS release says 1672.96.
    gdp = nereport.load("economy_gdp", region="jilin", year=1999)
    assert one(gdp, "gdp_cny_100m", release="csy-2000") == pytest.approx(1669.56)
    assert one(gdp, "gdp_cny_100m", release="nbs-2018") == pytest.approx(1672.96)


def test_heilongjiang_2013_population_releases_and_flagged_typo() -> None:
    pop = nereport.load("economy_population", region="heilongjiang", year=2013)
    assert one(pop, "population_10k", release="nbs-pre2021") == 3835
    assert one(pop, "population_10k", release="nbs-census7") == 3666
    flagged = pop[pop["release"] == "csy-annual"]
    assert flagged["population_10k"].tolist() == [3535]  # kept as published, not corrected
    assert "typo" in flagged["note"].iloc[0]


def test_sector_shares_derived_against_the_same_tables_gdp() -> None:
    # ECharts/NBS: Liaoning 2011 = 1915.57 + 12152.15 + 8158.98 = 22226.70
    va = nereport.load("economy_gdp_by_sector", region="liaoning", year=2011)
    assert one(va, "value_added_cny_100m", sector="primary") == pytest.approx(1915.57)
    assert one(va, "share_of_gdp_pct", sector="secondary") == pytest.approx(
        100 * 12152.15 / 22226.70, abs=1e-3
    )
    three = va[va["sector"].isin(["primary", "secondary", "tertiary"])]
    assert three["share_of_gdp_pct"].sum() == pytest.approx(100, abs=0.01)


def test_construction_converted_from_10k_yuan_and_has_no_share() -> None:
    va = nereport.load("economy_gdp_by_sector", sector="construction", region="china", year=1995)
    assert one(va, "value_added_cny_100m", year=1995) == pytest.approx(1672.6359)
    assert va["share_of_gdp_pct"].isna().all()


def test_co2_converted_to_million_tonnes() -> None:
    co2 = nereport.load("environment_co2", year=2003)
    assert one(co2, "co2_mt", region="liaoning") == pytest.approx(236.749766)
    assert one(co2, "co2_mt", region="china") == pytest.approx(4084.320774)


def test_unemployment_rate_csy2006_table_5_28() -> None:
    emp = nereport.load(
        "economy_employment", indicator="registered_unemployment_rate_urban", year=2005
    )
    assert one(emp, "value", region="liaoning") == 5.6
    assert one(emp, "unit", region="liaoning") == "%"
    assert one(emp, "source_id", region="liaoning") == "csy2006_t5_28"


def test_forest_inventories_are_labelled() -> None:
    forest = nereport.load("environment_forest_cover", indicator="forest_coverage")
    assert one(forest, "value", region="liaoning", year=2015) == 39.24
    assert one(forest, "inventory", region="liaoning", year=2015) == "inventory-9"
    assert one(forest, "inventory", region="liaoning", year=2003) == "inventory-6"
    assert one(forest, "value", region="china", year=1998) == 16.55


def test_nature_reserve_areas_in_one_unit() -> None:
    nr = nereport.load(
        "environment_nature_reserves", indicator="nature_reserves_area", region="china"
    )
    assert one(nr, "value", year=2001) == pytest.approx(129890021 / 1e4)  # from ha
    assert one(nr, "value", year=2008) == pytest.approx(14894.3)
    assert one(nr, "value", year=2018) == pytest.approx(147.17 * 100)  # from 10,000 km²
    assert set(nr["unit"]) == {"10,000 ha"}


def test_pollutants_waste_gas_unit_written_out() -> None:
    pol = nereport.load("environment_pollutants", indicator="industrial_waste_gas_emission")
    assert one(pol, "value", region="china", year=2010) == 519168
    assert set(pol["unit"]) == {"100 million m³"}


def test_policy_milestones_hold_the_seed_facts() -> None:
    ms = nereport.load("policy_milestones")
    dates = set(ms["date"])
    assert {"2003-09-10", "2003-10", "2009-08", "2010-08-17", "2009-09-09", "2010-04"} <= dates
    # The Leading Group was set up in December 2003 and met in 2005 and 2007, not first in 2009.
    group = ms[ms["event"].str.contains("Leading Group")].set_index("date")
    assert group.loc["2003-12-02", "document_number"] == "国发〔2003〕28号"
    assert {"2005-05-17", "2007-06-12"} <= set(group.index)
    assert not group["event"].str.startswith("First meeting").any()
    numbers = set(ms["document_number"].dropna())
    assert {"国发〔2009〕33号", "中发〔2016〕7号", "国函〔2016〕177号"} <= numbers
    summit = ms[ms["date"] == "2010-04"]["event"].iloc[0]
    assert "Shenyang" in summit and "25 articles" in summit
    bonds = ms[ms["amount_unit"].fillna("").str.contains("development bonds")]
    assert bonds["amount_value"].tolist() == [600] and "100 projects" in bonds["event"].iloc[0]
    decrees = ms[ms["event"].str.contains("11 special decrees")]
    assert decrees["precision"].tolist() == ["undated"]
    trillion = ms[ms["amount_value"] == 16000]
    assert trillion["amount_unit"].str.contains("not central funding").any()
    assert "2014-08-08" in dates and "国发〔2014〕28号" in set(ms["document_number"])


def test_policy_programmes_of_the_seed_text() -> None:
    prog = nereport.load("policy_programmes").set_index("id")
    assert prog.loc["jilin-five-industrial-parks", "region"] == "jilin"
    assert "forestry" in prog.loc["heilongjiang-six-industrial-bases", "description"]
    assert prog.loc["manzhouli-transport-corridor", "region"] == "inner-mongolia"
    assert "Dalian" in prog.loc["four-city-cooperation-agreement", "places"]


def test_regions_table() -> None:
    regions = nereport.load("regions").set_index("slug")
    assert regions.loc["liaoning", "code"] == "210000"  # a string, not a number
    assert regions.loc["xilin-gol", "name_zh"] == "锡林郭勒盟"
    assert regions.loc["inner-mongolia", "in_policy_area"] == "partly"
    prefectures = regions[regions["level"] == "prefecture"]
    inner_mongolia = prefectures[prefectures["parent"] == "inner-mongolia"]
    assert set(inner_mongolia.index) == {"hulunbuir", "hinggan", "tongliao", "chifeng", "xilin-gol"}
    assert len(prefectures) == 41  # tests/data/test_prefectures.py checks them


def test_geo_boundaries_cover_the_policy_area() -> None:
    geo = nereport.load("geo_boundaries")
    slugs = set(geo["region"].dropna())
    assert {
        "liaoning",
        "jilin",
        "heilongjiang",
        "inner-mongolia",
        "hulunbuir",
        "hinggan",
        "tongliao",
        "chifeng",
        "xilin-gol",
    } <= slugs
    assert len(slugs) == len(geo) == 45  # every feature is a region of the table
    assert (geo["level"] == "prefecture").sum() == 41


# -- cleaning functions --------------------------------------------------------------------


def test_split_unit() -> None:
    assert split_unit("10,000 ha (stated as 1.75亿公顷)") == ("10,000 ha", "stated as 1.75亿公顷")
    assert split_unit("%") == ("%", "")


def test_to_units_converts_and_marks_unknown_units() -> None:
    raw = pd.DataFrame(
        {
            "indicator": ["a", "a", "a"],
            "value": ["10000", "2", "x"],
            "unit": ["ha", "furlongs", "ha"],
            "note": ["", "", ""],
        }
    )
    out = to_units(raw, {"a": ("10,000 ha", {"ha": 1e-4})})
    assert out["value"].iloc[0] == pytest.approx(1.0)
    assert pd.isna(out["value"].iloc[1]) and "unknown published unit furlongs" in out["note"][1]
    assert out["value"].iloc[2] == "x"  # left for validation to name


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2003-09-10", "day", "2003-09-10", "2003-09-10"),
        ("2003-10", "month", "2003-10-01", "2003-10-31"),
        ("2016", "year", "2016-01-01", "2016-12-31"),
        ("c.2003-2004", "range", "2003-01-01", "2004-12-31"),
    ],
)
def test_parse_date(text: str, precision: str, start: str, end: str) -> None:
    assert parse_date(text) == (precision, pd.Timestamp(start), pd.Timestamp(end))


def test_parse_date_undated_and_invalid() -> None:
    assert parse_date("undated") == ("undated", None, None)
    assert parse_date("2003-13") == (None, None, None)
    assert parse_date("soon") == (None, None, None)


def test_national_totals_of_the_regional_tables_are_china() -> None:
    # CSY 2006 table 2-6: the 'China' row is the national total, not the sum of the provinces.
    gdp = nereport.load("economy_gdp", source_id="csy2006_t2_6")
    assert one(gdp, "gdp_cny_100m", region="china", year=2005) == 183084.8
    regions = set(nereport.load("regions")["slug"])
    assert "china-sum-of-regions" not in regions
