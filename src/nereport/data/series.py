"""Derived series for reports and analysts: one-vintage series, the Northeast sum, shares.

The helpers below :func:`consistent_series` take frames and return new frames (they never change
their input or write a file) and label what they computed. They are not pure: those that sum
the Northeast read the region table, which records it as an input of the report.
"""

from __future__ import annotations

import pandas as pd

from nereport.data import dataset, load, regions
from nereport.errors import NereportError

VALUE_COLUMN = {"economy_gdp": "gdp_cny_100m", "economy_population": "population_10k"}


def consistent_series(
    name: str,
    regions: list[str] | str,
    vintage: str | None = None,
) -> pd.DataFrame:
    """Rows of one vintage for ``regions``: the given one, else the dataset's default if it
    covers every region, else the vintage covering every region over the most years. Where the
    dataset has a ``release`` column, its releases are the vintages (one never joins another).

    ``northeast`` is computed from the three provinces (see :func:`northeast_sum`) unless the
    vintage publishes it.
    """
    if name not in VALUE_COLUMN:
        raise NereportError(f"series() works on {', '.join(VALUE_COLUMN)}, not {name!r}")
    regions = [regions] if isinstance(regions, str) else list(regions)
    frame = load(name)
    if "release" in frame:  # a vintage that stitches several releases is split into them
        frame = frame.assign(vintage=frame["release"])
    frame = pd.concat([frame, northeast_sum(frame, VALUE_COLUMN[name])], ignore_index=True)
    frame = frame.drop_duplicates(["region", "year", "vintage"], keep="first")
    vintage = vintage or pick_vintage(frame, regions, dataset(name).default_vintage)
    out = frame[(frame["vintage"] == vintage) & frame["region"].isin(regions)]
    missing = sorted(set(regions) - set(out["region"]))
    if missing:
        raise NereportError(
            f"{name}: vintage {vintage!r} has no rows for {', '.join(missing)}; "
            f"vintages are {', '.join(sorted(frame['vintage'].unique()))}"
        )
    return out.sort_values(["region", "year"]).reset_index(drop=True)


def pick_vintage(frame: pd.DataFrame, regions: list[str], default: str | None) -> str:
    covered = frame[frame["region"].isin(regions)].groupby("vintage")["region"].nunique()
    complete = covered[covered == len(set(regions))].index
    if default in complete:
        return default
    if not len(complete):
        raise NereportError(f"no single vintage covers all of {', '.join(regions)}")
    years = frame[frame["vintage"].isin(complete) & frame["region"].isin(regions)]
    return years.groupby("vintage")["year"].nunique().sort_values(kind="stable").index[-1]


def northeast_sum(
    frame: pd.DataFrame,
    value: str,
    by: tuple[str, ...] = ("vintage",),
) -> pd.DataFrame:
    """Liaoning + Jilin + Heilongjiang, computed, per year (and per ``by``).

    A year in which any province lacks a value has no sum: never a partial total. Rows carry
    ``source_id='computed: sum of liaoning, jilin, heilongjiang'``.
    """
    keys = ["year", *[b for b in by if b in frame]]
    provinces = regions.members("northeast")
    prov = frame[frame["region"].isin(provinces) & frame[value].notna()]
    grouped = prov.groupby(keys, as_index=False).agg(
        **{value: (value, "sum"), "_n": ("region", "nunique")}
    )
    complete = grouped[grouped["_n"] == len(provinces)].drop(columns="_n")
    return complete.assign(
        region="northeast", source_id="computed: sum of liaoning, jilin, heilongjiang"
    )


def with_northeast(frame: pd.DataFrame, value: str, by: tuple[str, ...] = ()) -> pd.DataFrame:
    """``frame`` plus computed Northeast rows where it publishes none for that key."""
    computed = northeast_sum(frame, value, by)
    keys = ["region", "year", *[b for b in by if b in frame]]
    out = pd.concat([frame, computed], ignore_index=True)
    return out.drop_duplicates(keys, keep="first").reset_index(drop=True)


def share_of(
    frame: pd.DataFrame,
    value: str,
    region: str,
    whole: str = "china",
    by: tuple[str, ...] = ("vintage",),
) -> pd.DataFrame:
    """``region``'s value as % of ``whole``'s, per year, within each ``by`` group."""
    keys = ["year", *by]
    part = frame[frame["region"] == region].set_index(keys)[value]
    total = frame[frame["region"] == whole].set_index(keys)[value]
    share = (100 * part / total).dropna().rename("share_pct").reset_index()
    return share.assign(region=region, of=whole).sort_values(keys).reset_index(drop=True)


def growth_pct(
    frame: pd.DataFrame,
    value: str,
    by: tuple[str, ...] = ("region", "vintage"),
) -> pd.DataFrame:
    """Year-on-year change in % of ``value`` within each ``by`` group; consecutive years only."""
    frame = frame.sort_values([*by, "year"])
    prev = frame.groupby(list(by))[[value, "year"]].shift(1)
    consecutive = frame["year"] - prev["year"] == 1
    growth = (100 * (frame[value] / prev[value] - 1)).where(consecutive)
    return frame.assign(growth_pct=growth.round(2))


def change_between(frame: pd.DataFrame, value: str, start: int, end: int) -> float | None:
    """% change of ``value`` from ``start`` to ``end`` in a one-region frame; None if a year is
    missing."""
    by_year = frame.set_index("year")[value]
    if start not in by_year or end not in by_year or pd.isna(by_year[start]):
        return None
    return float(100 * (by_year[end] / by_year[start] - 1))


def cumulative_growth(growth: pd.DataFrame, start: int, end: int) -> float | None:
    """Real growth in % from ``start`` to ``end`` chained from one region's yearly growth
    rates of ONE release (``growth_pct``, years start+1 .. end); None if a year is missing or
    the rows mix releases."""
    if growth["vintage"].nunique() > 1:
        raise NereportError("cumulative_growth: the rows mix releases; chain one at a time")
    rates = growth.set_index("year")["growth_pct"]
    years = range(start + 1, end + 1)
    if end <= start or any(y not in rates or pd.isna(rates[y]) for y in years):
        return None
    factor = 1.0
    for y in years:
        factor *= 1 + rates[y] / 100
    return 100 * (factor - 1)


def annual_rate(total_pct: float, years: int) -> float:
    """The average yearly rate in % that compounds to ``total_pct`` over ``years``."""
    return 100 * ((1 + total_pct / 100) ** (1 / years) - 1)
