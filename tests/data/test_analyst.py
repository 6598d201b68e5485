"""The analyst's face: strict filters naming the allowed values, search in English and Chinese,
releases and real coverage in the catalog, one release per series unless told otherwise."""

from __future__ import annotations

import pytest

import nereport


@pytest.mark.parametrize(
    ("filters", "named"),
    [
        ({"region": "Heilongjang"}, "heilongjiang"),  # misspelled: the slugs are listed
        ({"release": "nbs-2o25"}, "nbs-2025"),
        ({"provnce": "jilin"}, "region, year, published_as, release"),
        ({"vintage": "nbs-2025"}, "the column 'vintage' is now called 'release'"),  # renamed
        ({"year": 2031}, "1975-2024"),
        ({"year": [2031, 2032]}, "1975-2024"),
        ({"region": "jilin-city"}, "china"),  # a known region the dataset does not hold
    ],
)
def test_a_filter_the_dataset_cannot_satisfy_is_refused_with_the_allowed_values(
    filters: dict, named: str
) -> None:
    with pytest.raises(nereport.FilterError, match="allowed: ") as err:
        nereport.load("economy_gdp", **filters)
    assert isinstance(err.value, nereport.NereportError)
    assert named in str(err.value)


def test_regions_are_named_by_slug_english_or_chinese_name_in_any_case() -> None:
    by_slug = nereport.load("economy_gdp", region="heilongjiang")
    assert len(by_slug) > 0
    for name in ("Heilongjiang", "HEILONGJIANG", "黑龙江省"):
        assert nereport.load("economy_gdp", region=name).equals(by_slug)


def test_a_range_of_years_selects_those_years() -> None:
    frame = nereport.load("economy_gdp_index", region="jilin", year=range(2016, 2020))
    assert sorted(frame["year"].unique()) == [2016, 2017, 2018, 2019]


def test_search_finds_income_in_english_and_chinese() -> None:
    english = nereport.search("disposable income")
    chinese = nereport.search("人均可支配收入")
    assert "economy_income" in set(english["dataset"])
    assert ("economy_income", "indicator") in set(
        zip(chinese["dataset"], chinese["column"], strict=True)
    )


def test_search_by_region_and_year() -> None:
    found = set(nereport.search("gdp", region="吉林省", year=1980)["dataset"])
    assert "economy_gdp" in found
    assert "economy_gdp_index" not in found  # it starts in 2000
    assert nereport.search("gdp", year=1900).empty
    with pytest.raises(nereport.FilterError, match="allowed: .*jilin"):
        nereport.search("gdp", region="Jilinn")


def test_catalog_gives_releases_and_the_real_coverage_of_each_indicator() -> None:
    cat = nereport.catalog().set_index("name")
    assert "nbs-2021" in cat.loc["economy_budget", "releases"]
    assert "cnki-to-2009" in cat.loc["economy_gdp", "releases"]
    coverage = dict(
        part.rsplit(" ", 1) for part in cat.loc["economy_budget", "coverage"].split("; ")
    )
    # Each indicator's own span, as the rows give it (not the dataset's 2000-2024 for all).
    budget = nereport.load("economy_budget")
    assert cat.loc["economy_budget", "years"] == "2000-2024"
    for indicator, rows in budget.groupby("indicator"):
        assert coverage[indicator] == f"{rows['year'].min()}-{rows['year'].max()}"
    # Within one release the spans differ: the c.2021 portal release stops in 2019.
    assert "nbs-2021" in cat.loc["economy_budget", "releases"]


def test_the_series_helper_refuses_to_join_two_releases() -> None:
    with pytest.raises(nereport.FilterError, match="never joins two"):
        nereport.series("economy_gdp_index", "jilin", release=["nbs-2021", "first-release"])
    both = nereport.series(
        "economy_gdp_index", "jilin", release=["nbs-2021", "first-release"], join_releases=True
    )
    assert set(both["release"]) == {"nbs-2021", "first-release"}


def test_the_series_helper_says_which_release_it_chose_and_why() -> None:
    default = nereport.series("economy_value_added", "liaoning", sector="secondary")
    assert set(default["release"]) == {"nbs-2021"}
    assert "default" in default.attrs["release_note"]
    mixed = nereport.series("economy_gdp", ["liaoning", "china"])
    assert set(mixed["release"]) == {"cnki-to-2009"}
    assert "most years (1975-2009)" in mixed.attrs["release_note"]
    with pytest.raises(nereport.FilterError, match="allowed: .*nbs-2021"):
        nereport.series("economy_income", "jilin", release="nbs-2o21")


def test_help_shows_the_functions_before_any_error_class() -> None:
    import pydoc

    text = pydoc.render_doc(nereport, renderer=pydoc.plaintext)
    assert text.index("search(") < len(text)
    assert "class NereportError" not in text
    assert len(text.splitlines()) < 150


def test_two_datasets_giving_different_shares_say_why() -> None:
    by_sector = nereport.load("economy_gdp_by_sector", region="liaoning", year=2011)
    value_added = nereport.load("economy_value_added", region="liaoning", year=2011)
    first = by_sector[by_sector["sector"] == "secondary"]["share_of_gdp_pct"].item()
    revised = value_added[value_added["sector"] == "secondary"]["share_of_gdp_pct"].item()
    assert (round(first, 2), round(revised, 2)) == (54.67, 51.84)
    for name, other in (
        ("economy_gdp_by_sector", "economy_value_added"),
        ("economy_value_added", "economy_gdp_by_sector"),
    ):
        text = nereport.describe(name)
        assert other in text and "54.67" in text and "51.84" in text
