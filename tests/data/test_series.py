"""Derived series: one release at a time, the computed Northeast, shares and growth."""

from __future__ import annotations

import pandas as pd
import pytest

import nereport
from nereport.data.series import change_between, growth_pct, northeast_sum, share_of, with_northeast


def test_series_picks_one_release_covering_every_region() -> None:
    assert set(nereport.series("economy_gdp", "jilin")["release"]) == {"nbs-2025"}
    with_china = nereport.series("economy_gdp", ["jilin", "china"])
    # The CNKI extraction stitches three releases; a series takes one of them, never the mix.
    assert set(with_china["release"]) == {"cnki-to-2009"}
    assert "cnki-to-2009" in with_china.attrs["release_note"]
    assert set(with_china["region"]) == {"jilin", "china"}
    assert with_china["year"].max() == 2009


def test_series_rejects_a_release_without_the_region() -> None:
    with pytest.raises(nereport.NereportError, match="no rows for china"):
        nereport.series("economy_gdp", ["china"], release="nbs-2025")


def test_northeast_is_the_sum_of_three_provinces_and_never_partial() -> None:
    frame = pd.DataFrame(
        {
            "region": ["liaoning", "jilin", "heilongjiang", "liaoning", "jilin"],
            "year": [2001, 2001, 2001, 2002, 2002],
            "v": [1.0, 2.0, 3.0, 1.0, 2.0],
        }
    )
    ne = northeast_sum(frame, "v", by=())
    assert ne["year"].tolist() == [2001]  # 2002 lacks Heilongjiang: no sum at all
    assert ne["v"].tolist() == [6.0]
    assert ne["source_id"].iloc[0].startswith("computed")


def test_northeast_from_real_gdp_matches_the_provinces() -> None:
    gdp = nereport.load("economy_gdp", release="nbs-2025")
    ne = with_northeast(gdp, "gdp_cny_100m", by=("release",))
    ne_2020 = ne[(ne["region"] == "northeast") & (ne["year"] == 2020)]["gdp_cny_100m"].iloc[0]
    provinces = gdp[
        gdp["region"].isin(["liaoning", "jilin", "heilongjiang"]) & (gdp["year"] == 2020)
    ]["gdp_cny_100m"].sum()
    assert ne_2020 == pytest.approx(provinces)


def test_published_northeast_is_kept_not_overwritten() -> None:
    gdp = nereport.load("economy_gdp")
    ne = with_northeast(gdp, "gdp_cny_100m", by=("release",))
    published = ne[(ne["region"] == "northeast") & (ne["release"] == "csy-2006")]
    assert published["source_id"].tolist() == ["csy2006_t2_6"]


def test_share_of_and_growth() -> None:
    frame = pd.DataFrame(
        {
            "region": ["a", "china", "a", "china", "a"],
            "year": [2000, 2000, 2001, 2001, 2003],
            "release": ["x"] * 5,
            "v": [10.0, 100.0, 11.0, 100.0, 12.0],
        }
    )
    share = share_of(frame, "v", "a")
    assert share["share_pct"].tolist() == [10.0, 11.0]
    growth = growth_pct(frame[frame["region"] == "a"], "v")
    assert growth["growth_pct"].tolist()[:2] == [None, 10.0] or pd.isna(
        growth["growth_pct"].iloc[0]
    )
    assert growth["growth_pct"].iloc[1] == 10.0
    assert pd.isna(growth["growth_pct"].iloc[2])  # 2001 -> 2003 is not a yearly change
    assert change_between(frame[frame["region"] == "a"], "v", 2000, 2003) == pytest.approx(20.0)
    assert change_between(frame[frame["region"] == "a"], "v", 2000, 2002) is None
