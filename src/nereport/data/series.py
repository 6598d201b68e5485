"""Derived series for reports and analysts: one-release series, the Northeast sum, shares.

The helpers below :func:`consistent_series` take frames and return new frames (they never change
their input or write a file) and label what they computed. They are not pure: those that sum
the Northeast read the region table, which records it as an input of the report.
"""

from __future__ import annotations

import pandas as pd

from nereport.data import dataset, load, regions
from nereport.data.loader import filter_rows
from nereport.errors import FilterError, NereportError

VALUE_COLUMN = {"economy_gdp": "gdp_cny_100m", "economy_population": "population_10k"}


def consistent_series(
    name: str,
    regions: list[str] | str | None = None,
    release: str | list[str] | None = None,
    *,
    join_releases: bool = False,
    **filters: object,
) -> pd.DataFrame:
    """Rows of ONE statistical release of dataset ``name`` for ``regions`` (all if None),
    further filtered like :func:`load`. ``release`` picks it; else the dataset's default
    release if it covers every region, else the release covering every region over the most
    years. Which release was chosen and why is in ``frame.attrs["release_note"]``.

    Two releases never join in one line: a list of releases raises unless ``join_releases``
    is set, and then each row keeps its release (draw them with ``charts.line(segment=...)``).
    ``northeast`` is computed from the three provinces for economy_gdp and economy_population
    (see :func:`northeast_sum`) unless the release publishes it.
    """
    frame = load(name, **filters)
    if "release" not in frame:
        raise FilterError(
            f"series('{name}'): the dataset has no release column; use load('{name}')"
        )
    wanted = [regions] if isinstance(regions, str) else list(regions or [])
    if name in VALUE_COLUMN:
        frame = with_northeast(frame, VALUE_COLUMN[name], by=("release",))
    if wanted:
        frame = filter_rows(frame, name, {"region": wanted})
    releases = sorted(frame["release"].dropna().unique())
    if isinstance(release, list | tuple) and len(release) > 1 and not join_releases:
        raise FilterError(
            f"series('{name}'): {', '.join(release)} are different releases and one line never "
            "joins two (revisions change levels); take one, or pass join_releases=True to keep "
            "them apart in one frame"
        )
    chosen, why = _choose(frame, wanted, release, dataset(name).default_release)
    out = frame[frame["release"].isin(chosen)]
    missing = sorted(set(wanted) - set(out["region"]))
    if missing:
        raise FilterError(
            f"series('{name}'): release {', '.join(chosen)} has no rows for "
            f"{', '.join(missing)} (allowed: {', '.join(releases)})"
        )
    out = out.sort_values(["release", "region", "year"]).reset_index(drop=True)
    out.attrs["release"] = chosen[0] if len(chosen) == 1 else chosen
    out.attrs["release_note"] = why
    return out


def _choose(
    frame: pd.DataFrame, regions: list[str], release: object, default: str | None
) -> tuple[list[str], str]:
    releases = sorted(frame["release"].dropna().unique())
    if release is not None:
        chosen = [release] if isinstance(release, str) else list(release)
        unknown = [r for r in chosen if r not in releases]
        if unknown:
            raise FilterError(
                f"release {', '.join(map(repr, unknown))} has no rows"
                + (f" for {', '.join(regions)}" if regions else "")
                + f" (allowed: {', '.join(releases)})"
            )
        return chosen, f"release {', '.join(chosen)}, as asked"
    picked = pick_release(frame, regions, default)
    if picked == default:
        return [picked], f"release {picked}: the dataset's default, which covers the regions"
    years = frame[frame["release"] == picked]["year"]
    return [picked], (
        f"release {picked}: the one covering "
        + (", ".join(regions) if regions else "the dataset")
        + f" over the most years ({years.min()}-{years.max()}); "
        + (f"the default {default} does not cover them; " if default else "")
        + f"releases are {', '.join(releases)}"
    )


def pick_release(frame: pd.DataFrame, regions: list[str], default: str | None) -> str:
    """The release covering every one of ``regions``: ``default`` if it does, else the one
    with the most years."""
    regions = regions or sorted(frame["region"].unique())
    covered = frame[frame["region"].isin(regions)].groupby("release")["region"].nunique()
    complete = covered[covered == len(set(regions))].index
    if default in complete:
        return default
    if not len(complete):
        raise FilterError(f"no single release covers all of {', '.join(regions)}")
    years = frame[frame["release"].isin(complete) & frame["region"].isin(regions)]
    return years.groupby("release")["year"].nunique().sort_values(kind="stable").index[-1]


def northeast_sum(
    frame: pd.DataFrame,
    value: str,
    by: tuple[str, ...] = ("release",),
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
    by: tuple[str, ...] = ("release",),
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
    by: tuple[str, ...] = ("region", "release"),
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
    if growth["release"].nunique() > 1:
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
