"""The economy reports' fixes after a reader recomputed their figures: lines broken at data
corrections, periods that match, first releases shown, reader labels."""

from __future__ import annotations

import pytest

from nereport import report
from nereport.report import describe, economy, findings


def _runs(gdp, release: str) -> list[list[int]]:
    """The years of each drawn segment of ``release``, in order."""
    rows = gdp[gdp["release"] == release].sort_values("year")
    return [sorted(g["year"].astype(int)) for _s, g in rows.groupby("segment", sort=False)]


@pytest.mark.parametrize(
    ("region", "before", "after"),
    [("liaoning", 2015, 2016), ("northeast", 2015, 2016), ("inner-mongolia", 2016, 2017)],
)
def test_gdp_line_breaks_at_a_provincial_data_correction(
    region: str, before: int, after: int
) -> None:
    ctx = report.start("economy", region=region)
    gdp = economy.gdp_levels(ctx)
    runs = _runs(gdp, "nbs-2018")
    # No segment of the c.2018 release holds both sides of the correction.
    assert not [r for r in runs if before in r and after in r]
    assert [b[1:] for b in economy.gdp_breaks(gdp)] == [(before, after)]
    assert f"between {before} and {after}" in economy.gdp_chart(ctx).caption


def test_gdp_line_of_a_region_without_correction_is_not_broken() -> None:
    gdp = economy.gdp_levels(report.start("economy", region="jilin"))
    assert economy.gdp_breaks(gdp) == []
    assert len(_runs(gdp, "nbs-2018")) == 1


@pytest.mark.parametrize(
    ("region", "year", "gdp"),
    [
        ("liaoning", 2021, 27584.1),
        ("liaoning", 2022, 28975.1),
        ("liaoning", 2023, 30209.4),
        ("heilongjiang", 2022, 15901.0),
        ("inner-mongolia", 2023, 24627.0),
        ("jilin", 2020, 12311.32),
    ],
)
def test_gdp_chart_shows_first_releases_of_the_value_added_table(
    region: str, year: int, gdp: float
) -> None:
    levels = economy.gdp_levels(report.start("economy", region=region))
    first = levels[levels["release"] == findings.FIRST_RELEASE]
    assert first.loc[first["year"] == year, "gdp_cny_100m"].tolist() == [gdp]
    # Each first release is a point of its own: no segment joins two years.
    assert first.groupby("segment")["year"].nunique().max() == 1


@pytest.mark.parametrize("region", ["liaoning", "northeast"])
def test_fiscal_line_marks_the_inflated_years_and_breaks_around_them(region: str) -> None:
    ctx = report.start("economy", region=region)
    frame = findings.fiscal_frame(ctx)
    own = frame[frame["region"] == region].set_index("year")
    assert sorted(own.index[own["inflated"]]) == [2011, 2012, 2013, 2014]
    # No segment holds an inflated year beside one that is not.
    assert (own.groupby("segment")["inflated"].nunique() == 1).all()
    figure = economy.fiscal_chart(ctx)
    spec = figure.chart.to_dict()
    assert (
        f"{ctx.name()}, inflated revenue"
        in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    )
    # The largest change between neighbours is not read across the break (Liaoning: 62.8 % in
    # 2014, 47.5 % in 2015).
    assert "2014 to 2015" not in describe.describe(spec)
    assert "work report of 17 January 2017" in figure.caption


def test_fiscal_finding_of_a_region_without_inflated_years_says_nothing_of_them() -> None:
    said = findings.fiscal(report.start("economy", region="jilin"))
    assert "inflated" not in said
    assert not said.endswith(" ")


@pytest.mark.parametrize("region", ["liaoning", "northeast"])
def test_investment_gives_the_comparison_the_periods_of_the_broken_province(region: str) -> None:
    said = findings.investment(report.start("economy", region=region))
    china = said.split("China", 1)[1].split(". ", 1)[0]
    # China's change over Liaoning's two periods (total society, NBS c.2021: +9.8 %, +5.7 %).
    assert "+9.8 % in 2014 → 2015" in china
    assert "+5.7 % in 2016 → 2017" in china
    # The whole period only where another province is stated over it (the Northeast).
    assert ("+25.2 %" in china) == (region == "northeast")
