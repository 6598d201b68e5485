"""The economy datasets added later (econ2_*): figures against the reference and its releases."""

from __future__ import annotations

import pytest

import nereport
from helpers import one
from nereport.data.datasets import REGISTRY
from nereport.data.datasets.economy import unit_and_remarks
from nereport.data.sources import SOURCES

ECON2 = [
    "economy_gdp_index",
    "economy_gdp_per_capita",
    "economy_value_added",
    "economy_fai",
    "economy_income",
    "economy_budget",
]


# -- the declarations ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ECON2)
def test_declared_with_gaps_release_and_default(name: str) -> None:
    ds = REGISTRY[name]  # registered by importing the economy module, nothing by hand
    assert ds.gaps.strip() and ds.processing.strip()
    assert "release" in ds.primary_key and ds.default_release == "nbs-2021"
    assert ds.column("release").allowed == tuple(
        dict.fromkeys(SOURCES[s].release for s in ds.sources)
    )


@pytest.mark.parametrize("name", ECON2)
def test_every_row_carries_its_release_once_per_key(name: str) -> None:
    ds = REGISTRY[name]
    frame = nereport.load(name)
    assert frame["release"].notna().all()
    assert (frame["release"] == frame["source_id"].map(lambda s: SOURCES[s].release)).all()
    assert not frame.duplicated(list(ds.primary_key)).any()
    # The portal release of c.2020-21 is complete for 2000-2019 where the reference says so.
    portal = frame[frame["release"] == "nbs-2021"]
    assert portal["year"].max() == 2019
    assert set(portal["region"]) == {"liaoning", "jilin", "heilongjiang", "inner-mongolia", "china"}


def test_releases_shared_by_sources_have_one_label() -> None:
    labels: dict[str, set[str]] = {}
    for name in ECON2:
        for s in REGISTRY[name].source_objects():
            labels.setdefault(s.release, set()).add(s.release_label)
    assert all(len(v) == 1 for v in labels.values()), labels


# -- real growth ---------------------------------------------------------------------------


def test_index_is_converted_to_growth_with_the_printed_digits() -> None:
    gdp = nereport.load("economy_gdp_index", region="liaoning")
    # NBS portal c.2020-21: Liaoning 2017 index 104.2; the 2017 communiqué said 4.2 %.
    assert one(gdp, "index_prev_year_100", year=2017) == 104.2
    assert one(gdp, "growth_pct", year=2017) == 4.2  # exactly, not 4.200000000000003
    # The revised index (110.4) is not the first-published 13.1 % of 2009.
    assert one(gdp, "growth_pct", year=2009) == pytest.approx(10.4)


def test_unrounded_portal_index_kept_and_flagged() -> None:
    china = nereport.load("economy_gdp_index", region="china", year=2018)
    assert one(china, "index_prev_year_100") == 106.749773832541
    assert one(china, "growth_pct") == pytest.approx(6.749773832541, abs=1e-12)
    assert "unrounded" in one(china, "note")


def test_first_release_growth_rates_are_their_own_release() -> None:
    growth = nereport.load("economy_gdp_index", release="first-release")
    assert growth["year"].min() == 2020
    assert growth["index_prev_year_100"].isna().all()  # printed as % growth
    assert one(growth, "growth_pct", region="china", year=2020) == 2.3
    assert one(growth, "growth_pct", region="jilin", year=2021) == 6.6
    news = one(growth, "note", region="liaoning", year=2023)
    assert "secondary" in news and "mysteel" in news
    # 2024 was read in a blog too (daydaynews), but the province's plan-execution report
    # (lnrd.gov.cn) prints it: the official copy is the row.
    official = one(growth, "note", region="liaoning", year=2024)
    assert "lnrd.gov.cn" in official and "daydaynews" not in official


# -- GDP per capita ------------------------------------------------------------------------


def test_gdp_per_capita_in_each_release() -> None:
    china = nereport.load("economy_gdp_per_capita", region="china", year=2020)
    assert one(china, "gdp_per_capita_cny", release="nbs-2025-03") == 73338
    assert one(china, "gdp_per_capita_cny", release="first-release") == 72447
    assert "预计" in one(china, "note", release="first-release")
    ln = nereport.load("economy_gdp_per_capita", region="liaoning")
    assert one(ln, "gdp_per_capita_cny", year=2017, release="nbs-2021") == 49603
    assert one(ln, "gdp_per_capita_cny", year=2022) == 68775
    hl = nereport.load("economy_gdp_per_capita", region="heilongjiang", year=2020)
    assert one(hl, "release") == "hl-2020-table"  # release not stated: not called a first release


# -- value added with the GDP of the same release ------------------------------------------


def test_liaoning_2013_gdp_in_the_post_4th_census_release() -> None:
    va = nereport.load("economy_value_added", region="liaoning", year=2013)
    assert set(va["release"]) == {"nbs-2021"}
    assert set(va["gdp_cny_100m"]) == {19208.8}


def test_value_added_sums_to_gdp_within_each_release() -> None:
    va = nereport.load("economy_value_added")
    # One publication (source) of one release: two copies of a first release (e.g. Inner
    # Mongolia 2020, January release and communiqué) are two groups.
    groups = va.groupby(["region", "year", "release", "source_id"])
    total = groups["value_added_cny_100m"].sum()
    gdp = groups["gdp_cny_100m"].agg(lambda s: s.iloc[0])
    assert (groups["gdp_cny_100m"].nunique(dropna=False) == 1).all()  # one GDP per release
    assert (groups["sector"].nunique() == 3).all()
    checked = gdp.notna()
    assert checked.sum() == 127
    assert ((total[checked] / gdp[checked] - 1).abs() < 6e-5).all()  # within 0.006 %
    # Heilongjiang 2023 (rating-agency report) has no GDP: no share, and nothing filled in.
    assert list(gdp[~checked].index) == [
        ("heilongjiang", 2023, "first-release", "heilongjiang_first_releases")
    ]
    hl = va[(va["region"] == "heilongjiang") & (va["year"] == 2023)]
    assert hl["share_of_gdp_pct"].isna().all()


def test_shares_use_the_gdp_of_the_same_publication() -> None:
    im = nereport.load("economy_value_added", region="inner-mongolia", year=2022)
    # Communiqué (whole numbers) and ACMR brief (one decimal) are kept apart, both with shares.
    assert one(im, "gdp_cny_100m", release="first-release", sector="primary") == 23159
    assert one(im, "gdp_cny_100m", release="first-release-acmr", sector="primary") == 23158.6
    assert one(im, "share_of_gdp_pct", release="first-release-acmr", sector="primary") == (
        pytest.approx(100 * 2653.7 / 23158.6, abs=1e-4)
    )
    assert "secondary" in one(im, "note", release="first-release-acmr", sector="primary")
    china = nereport.load("economy_value_added", region="china", year=2019, sector="primary")
    gdp = china.set_index("release")["gdp_cny_100m"]
    assert gdp["nbs-2025-03"] == 1005872.4  # post-5th-census national GDP
    assert gdp["nbs-2021"] != gdp["nbs-2025-03"]


# -- investment, income, budgets -----------------------------------------------------------


def test_fai_calibers_and_flags() -> None:
    fai = nereport.load("economy_fai", region="liaoning", release="nbs-2021")
    assert one(fai, "fai_cny_100m", year=2015, caliber="total_society") == 17917.8936
    assert "data correction" in one(fai, "note", year=2016, caliber="total_society")
    assert "城镇" in one(fai, "note", year=2005, caliber="excl_rural")
    assert fai["year"].max() == 2017
    china = nereport.load("economy_fai", region="china", year=2020)
    assert one(china, "release") == "first-release"
    assert "do not derive growth" in one(china, "note")


def test_income_surveys_and_releases() -> None:
    inc = nereport.load("economy_income", region="liaoning", year=2019)
    urban = one(inc, "income_cny_per_capita", indicator="urban_disposable_income_per_capita")
    assert urban == 39777.2041250656  # unrounded portal value, kept as stored
    china = nereport.load("economy_income", region="china", year=2010)
    assert one(
        china, "income_cny_per_capita", indicator="urban_disposable_income_per_capita_old_survey"
    ) == pytest.approx(19109.44)
    assert one(
        china, "income_cny_per_capita", indicator="rural_net_income_per_capita_old_survey"
    ) == pytest.approx(5919.01)
    recent = nereport.load("economy_income", region="china", year=2024)
    assert set(recent["release"]) == {"first-release"}
    assert one(
        recent, "income_cny_per_capita", indicator="all_residents_disposable_income_per_capita"
    ) == (41314)


def test_budget_releases_are_kept_apart() -> None:
    hl = nereport.load(
        "economy_budget",
        region="heilongjiang",
        year=2020,
        indicator="local_general_budget_expenditure",
    )
    assert hl.set_index("release")["amount_cny_100m"].to_dict() == {
        "hl-2020-table": 5449.4,
        "nbs-2026": 5449.41,
    }
    ln = nereport.load("economy_budget", region="liaoning", year=2010)
    assert one(ln, "amount_cny_100m", indicator="local_general_budget_revenue") == pytest.approx(
        2004.8352
    )
    old = nereport.load("economy_budget", year=2005, indicator="local_general_budget_expenditure")
    assert old["note"].str.contains("before 2007").all()


# -- cleaning helpers ----------------------------------------------------------------------


def test_unit_and_remarks_splits_nested_remarks() -> None:
    assert unit_and_remarks(
        "100 million yuan (current prices); release: NBS portal early 2025 (national GDP revised "
        "after the 5th economic census; 2024 preliminary)"
    ) == (
        "100 million yuan",
        [
            "current prices",
            "release: NBS portal early 2025 (national GDP revised after the 5th economic "
            "census; 2024 preliminary)",
        ],
    )
    assert unit_and_remarks("% change (比上年增长), preliminary (初步核算) unless stated; x") == (
        "% change",
        ["(比上年增长), preliminary (初步核算) unless stated", "x"],
    )
    assert unit_and_remarks("yuan per person") == ("yuan per person", [])
