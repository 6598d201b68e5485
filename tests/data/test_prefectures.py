"""The 41 prefecture-level units of the policy area: region table, census population, geometry."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import nereport
from helpers import REFERENCE
from nereport.data import regions

UNITS_PER_PROVINCE = {"liaoning": 14, "jilin": 9, "heilongjiang": 13, "inner-mongolia": 5}


@pytest.fixture(scope="module")
def prefectures() -> pd.DataFrame:
    table = nereport.load("regions")
    return table[table["level"] == "prefecture"].set_index("slug")


@pytest.fixture(scope="module")
def census() -> pd.DataFrame:
    frame = nereport.load("economy_population_census_prefectures")
    parent = {r["slug"]: r["parent"] for r in regions.table()}
    return frame.assign(province=frame["region"].map(parent))


def primary_sum(census: pd.DataFrame, province: str, year: int) -> int:
    rows = census[census["primary"] & (census["province"] == province) & (census["year"] == year)]
    return int(rows["population_persons"].sum())


# -- the region table ---------------------------------------------------------------------


def test_all_41_units_are_in_the_region_table_with_codes(prefectures: pd.DataFrame) -> None:
    assert prefectures["parent"].value_counts().to_dict() == UNITS_PER_PROVINCE
    assert (prefectures["in_policy_area"] == "yes").all() and (prefectures["report"] == "no").all()
    codes = prefectures["code"]
    assert codes.str.fullmatch(r"\d{6}").all() and codes.is_unique
    province_code = nereport.load("regions").set_index("slug")["code"]
    assert (codes.str[:2] == prefectures["parent"].map(province_code).str[:2]).all()
    assert prefectures.loc["yanbian", "code"] == "222400"
    assert prefectures.loc["jilin-city", "name_zh"] == "吉林市"
    assert prefectures.loc["da-hinggan-ling", "name_zh"] == "大兴安岭地区"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside the checkout")
def test_region_table_matches_the_code_list(prefectures: pd.DataFrame) -> None:
    with (REFERENCE / "figures" / "pref_codes.csv").open(encoding="utf-8") as fh:
        listed = {r["code"]: r["name_zh"] for r in csv.DictReader(fh)}
    assert dict(zip(prefectures["code"], prefectures["name_zh"], strict=True)) == listed


def test_policy_area_holds_the_provinces_and_all_41_units(prefectures: pd.DataFrame) -> None:
    area = regions.policy_area()
    assert area == {"liaoning", "jilin", "heilongjiang", *prefectures.index}
    assert len(area) == 44 and "inner-mongolia" not in area


def test_a_province_on_the_map_brings_its_prefectures(prefectures: pd.DataFrame) -> None:
    # The policy map draws prefectures over their province: a highlighted province must
    # highlight them too, or the prefectures drawn on top would hide the highlight.
    jilin = set(prefectures.index[prefectures["parent"] == "jilin"])
    assert regions.map_units("jilin") == {"jilin", *jilin}
    assert regions.map_units("inner-mongolia") == set(
        prefectures.index[prefectures["parent"] == "inner-mongolia"]
    )
    assert regions.map_units("northeast") == regions.policy_area() - set(
        prefectures.index[prefectures["parent"] == "inner-mongolia"]
    )
    assert regions.map_units("shenyang") == {"shenyang"}


# -- census population --------------------------------------------------------------------


def test_census_2010_and_2020_for_every_unit(
    census: pd.DataFrame, prefectures: pd.DataFrame
) -> None:
    primary = census[census["primary"]]
    assert not primary.duplicated(["region", "year"]).any()
    assert set(zip(primary["region"], primary["year"], strict=True)) == {
        (unit, year) for unit in prefectures.index for year in (2010, 2020)
    }
    assert dict(zip(census["year"], census["census"], strict=True)) == {2010: "6th", 2020: "7th"}
    assert (primary["indicator"] == "census_resident_population").all()


# Provincial 7th-census totals are not in the data (economy_population holds year-end figures);
# the values below are the ones notes/pref-figures.md §2.1-2.2 quotes, with its sources.
def test_2020_units_sum_to_the_liaoning_census_total(census: pd.DataFrame) -> None:
    # Liaoning 7th-census bulletin No. 1 (repost meizw.com/n/87235.html)
    assert primary_sum(census, "liaoning", 2020) == 42_591_407


def test_2020_units_sum_to_the_heilongjiang_census_total(census: pd.DataFrame) -> None:
    # Heilongjiang 7th-census bulletin as quoted by maigoo.com/news/684149.html
    assert primary_sum(census, "heilongjiang", 2020) == 31_850_088


def test_2020_jilin_units_sum_to_its_total_less_the_changbaishan_committee(
    census: pd.DataFrame,
) -> None:
    # Jilin bulletin No. 1 (xzqh.info repost): 24,073,453; the Changbaishan administrative
    # committee, listed apart in the bulletin (gotohui.com repost): 6.1146万 = 61,146.
    assert primary_sum(census, "jilin", 2020) == 24_073_453 - 61_146


def test_2010_units_sum_to_the_liaoning_and_heilongjiang_totals(census: pd.DataFrame) -> None:
    # Liaoning 6th-census bulletin (chinagate) and Heilongjiang 7th bulletin's 2010 figure.
    assert primary_sum(census, "liaoning", 2010) == 43_746_323
    assert primary_sum(census, "heilongjiang", 2010) == 38_313_991


def test_eastern_inner_mongolia_is_48_55_percent_of_the_region(census: pd.DataFrame) -> None:
    # Inner Mongolia 7th-census bulletin (kjkxun.com/news/37333.html): 24,049,155 residents,
    # "东部地区常住人口占全区常住人口的48.55%".
    assert round(100 * primary_sum(census, "inner-mongolia", 2020) / 24_049_155, 2) == 48.55


def test_second_copies_are_kept_beside_the_primary_figures(census: pd.DataFrame) -> None:
    def values(region: str, year: int) -> dict[tuple[str, str], int]:
        rows = census[(census["region"] == region) & (census["year"] == year)]
        return {
            (r.indicator, r.source_id): r.population_persons
            for r in rows.itertuples()
            if not r.primary
        }

    assert values("hinggan", 2010) == {
        ("census_resident_population", "census6_citypopulation"): 1_613_246
    }
    assert values("changchun", 2010) == {
        ("census_resident_population_2010_boundaries", "census6_citypopulation"): 7_674_439,
        ("census_resident_population_2010_boundaries", "paulnoll_changchun"): 7_677_089,
    }
    # Tonghua without Meihekou, printed 130.2778万 in the Jilin bulletin: converted exactly.
    assert values("tonghua", 2020) == {
        ("census_resident_population_excl_meihekou", "census7_jilin_bulletin"): 1_302_778
    }
    tonghua = census[census["primary"] & (census["region"] == "tonghua") & (census["year"] == 2020)]
    # With Meihekou (50.9336万 in the same bulletin) it is the primary figure.
    assert tonghua["population_persons"].tolist() == [1_302_778 + 509_336]


# -- geometry ------------------------------------------------------------------------------


def test_every_policy_area_unit_has_geometry(prefectures: pd.DataFrame) -> None:
    geo = nereport.load("geo_boundaries")
    assert geo["region"].notna().all()
    mapped = geo[geo["level"] == "prefecture"].set_index("region")
    assert set(mapped.index) == set(prefectures.index)
    assert (mapped.loc[prefectures.index, "code"] == prefectures["code"]).all()
    assert (mapped["geometry"].str.len() > 0).all()
