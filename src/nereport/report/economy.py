"""Economy report: GDP level, growth and share, population, sectors, employment, comparison."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.data.series import (
    change_between,
    consistent_series,
    growth_pct,
    share_of,
    with_northeast,
)
from nereport.data.sources import SOURCES
from nereport.report import charts
from nereport.report.context import Context, esc, number, table

VINTAGE_LABELS = {s.vintage: s.vintage_label for s in SOURCES.values()}


def _in_years(frame: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return frame[(frame["year"] >= ctx.start) & (frame["year"] <= ctx.end)]


def _named(frame: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return frame.assign(region_name=frame["region"].map(ctx.names))


def gdp_all_vintages(ctx: Context) -> pd.DataFrame:
    gdp = with_northeast(load("economy_gdp"), "gdp_cny_100m", by=("vintage",))
    return _in_years(gdp[gdp["region"] == ctx.region], ctx)


def gdp_summary(ctx: Context) -> Markdown:
    series = _in_years(consistent_series("economy_gdp", ctx.region), ctx)
    if series.empty:
        return Markdown(f"*No GDP figures for {ctx.md_name()} in {ctx.start}–{ctx.end}.*")
    first, last = series.iloc[0], series.iloc[-1]
    change = change_between(series, "gdp_cny_100m", int(first.year), int(last.year))
    vintage = first.vintage
    text = (
        f"In the newest vintage that covers {ctx.md_name()} (`{vintage}`: "
        f"{esc(VINTAGE_LABELS[vintage])}), nominal GDP went from "
        f"**{number(first.gdp_cny_100m)}** hundred million yuan in {int(first.year)} to "
        f"**{number(last.gdp_cny_100m)}** in {int(last.year)} "
        f"({number(change, 0)} % in current prices, not adjusted for inflation)."
    )
    if ctx.region == "northeast":
        text += (
            " The Northeast figure is computed here as the sum of Liaoning, Jilin and "
            "Heilongjiang, only for years in which all three are published."
        )
    return Markdown(text)


def gdp_chart(ctx: Context) -> alt.Chart:
    gdp = gdp_all_vintages(ctx)
    gdp = gdp.assign(series=gdp["vintage"])
    return charts.line(
        gdp,
        "gdp_cny_100m",
        "GDP (100 million yuan, current prices)",
        f"GDP of {ctx.name()}, every vintage",
        "One line per data vintage: NBS revised GDP after the economic censuses, "
        "so the lines differ; they are never joined.",
        color="series",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
    )


def growth_chart(ctx: Context) -> alt.Chart:
    pair = [ctx.region, ctx.comparison]
    series = growth_pct(consistent_series("economy_gdp", pair), "gdp_cny_100m")
    series = _named(_in_years(series.dropna(subset=["growth_pct"]), ctx), ctx)
    vintage = series["vintage"].iloc[0] if len(series) else "n/a"
    return charts.line(
        series,
        "growth_pct",
        "Nominal growth on previous year (%)",
        f"Nominal GDP growth: {ctx.name()} and {ctx.name(ctx.comparison)}",
        f"Current prices, vintage {vintage} (one vintage covering both regions)",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
    )


def national_share(ctx: Context) -> pd.DataFrame:
    gdp = with_northeast(load("economy_gdp", vintage="cnki-mixed"), "gdp_cny_100m", by=("vintage",))
    share = share_of(gdp, "gdp_cny_100m", ctx.region)
    return _in_years(share, ctx).assign(region_name=ctx.name())


def share_chart(ctx: Context) -> alt.Chart:
    share = national_share(ctx)
    return charts.line(
        share,
        "share_pct",
        "Share of national GDP (%)",
        f"{ctx.name()}'s share of China's GDP",
        "Vintage cnki-mixed, the only one with national GDP (to 2019); 2003 and 2016 marked",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
    )


def share_summary(ctx: Context) -> Markdown:
    share = national_share(ctx).set_index("year")["share_pct"]
    if share.empty:
        return Markdown("*No national share can be computed for these years.*")
    parts = [f"{y}: **{share[y]:.2f} %**" for y in (2003, 2016) if y in share]
    last = int(share.index.max())
    parts.append(f"{last}: **{share[last]:.2f} %**")
    return Markdown(f"{ctx.md_name()}'s share of national GDP — " + "; ".join(parts) + ".")


def population_chart(ctx: Context) -> alt.Chart:
    pop = with_northeast(load("economy_population"), "population_10k", by=("vintage",))
    pop = _in_years(pop[pop["region"] == ctx.region], ctx)
    return charts.line(
        pop.assign(series=pop["vintage"]),
        "population_10k",
        "Year-end population (10,000 persons)",
        f"Population of {ctx.name()}",
        "One line per vintage: the 7th census (2020) revised 2011-2019",
        color="series",
        start=ctx.start,
        end=ctx.end,
        fmt=",.0f",
        zero=False,
    )


def population_summary(ctx: Context) -> Markdown:
    pop = _in_years(consistent_series("economy_population", ctx.region), ctx)
    if pop.empty:
        return Markdown("*No population figures for these years.*")
    first, last = pop.iloc[0], pop.iloc[-1]
    change = change_between(pop, "population_10k", int(first.year), int(last.year))
    text = (
        f"Year-end population (vintage `{first.vintage}`) was "
        f"**{number(first.population_10k, 0)}** ten-thousand persons in "
        f"{int(first.year)} and **{number(last.population_10k, 0)}** in "
        f"{int(last.year)}: a change of **{number(change, 1)} %**."
    )
    # A value the data flags as doubtful is drawn as published; say so beside the chart.
    wanted = regions.members("northeast") if ctx.region == "northeast" else (ctx.region,)
    rows = _in_years(load("economy_population", region=list(wanted)), ctx)
    flagged = rows[rows["note"].fillna("").str.strip().ne("")]
    if not flagged.empty:
        notes = "; ".join(
            f"{esc(ctx.name(r.region))} {int(r.year)}, vintage `{r.vintage}`: {esc(r.note)}"
            for r in flagged.sort_values(["vintage", "year", "region"]).itertuples()
        )
        within = " (and in the Northeast sum)" if ctx.region == "northeast" else ""
        text += f" Drawn as published, though flagged in the data{within}: {notes}."
    return Markdown(text)


SECTOR_ORDER = {"primary": 0, "secondary": 1, "tertiary": 2}


def sectors(ctx: Context) -> pd.DataFrame:
    va = load("economy_gdp_by_sector", sector=list(SECTOR_ORDER))
    va = va[va["source_id"] == "nbs_sectors_2002_2011"]
    if ctx.region == "northeast":
        # Sum each sector over the three provinces; the three sectors add up to GDP in this
        # table, so their sum is the Northeast GDP of the same table.
        prov = va[va["region"].isin(regions.members("northeast"))]
        counts = prov.groupby(["year", "sector"])["region"].nunique()
        full = counts[counts == len(regions.members("northeast"))].index
        ne = prov.groupby(["year", "sector"])["value_added_cny_100m"].sum().loc[full]
        va = ne.reset_index().assign(region="northeast")
        va["share_of_gdp_pct"] = (
            100
            * va["value_added_cny_100m"]
            / va.groupby("year")["value_added_cny_100m"].transform("sum")
        )
    va = va[va["region"] == ctx.region]
    return _in_years(va, ctx).assign(sector_order=lambda f: f["sector"].map(SECTOR_ORDER))


def sector_chart(ctx: Context) -> alt.Chart | Markdown:
    va = sectors(ctx)
    if va.empty:
        return Markdown("*No sector figures in the years chosen (the data cover 2002–2011).*")
    return charts.stacked_shares(
        va,
        f"Structure of {ctx.name()}'s economy",
        "Value added by sector, % of GDP; NBS original-yearbook "
        "values, 2002-2011 (no later sector data were found)",
    )


def sector_summary(ctx: Context) -> Markdown:
    va = sectors(ctx)
    if va.empty:
        return Markdown("")
    sec = va[va["sector"] == "secondary"].set_index("year")["share_of_gdp_pct"]
    y0, y1 = int(sec.index.min()), int(sec.index.max())
    return Markdown(
        f"The secondary sector (industry and construction) made up "
        f"**{sec[y0]:.1f} %** of GDP in {y0} and **{sec[y1]:.1f} %** in {y1}."
    )


EMPLOYMENT_SERIES = {
    "employment_urban_units": "Employment in urban non-private units",
    "employment_private_and_individual": "Private and individual employment",
}


def employment_chart(ctx: Context) -> alt.Chart | Markdown:
    emp = load("economy_employment", indicator=list(EMPLOYMENT_SERIES))
    emp = with_northeast(emp, "value", by=("indicator",))
    emp = _in_years(emp[emp["region"] == ctx.region], ctx)
    if emp.empty:
        return Markdown("*No employment series for these years.*")
    emp = emp.assign(series=emp["indicator"].map(EMPLOYMENT_SERIES))
    return charts.line(
        emp,
        "value",
        "Persons employed (10,000)",
        f"Employment in {ctx.name()}",
        "NBS portal release 2025/26; urban non-private units 2008-2024, private "
        "and individual 2006-2019",
        color="series",
        fmt=",.1f",
    )


def unemployment_table(ctx: Context):
    emp = load("economy_employment", indicator="registered_unemployment_rate_urban")
    wanted = list(regions.members("northeast")) + ["inner-mongolia", "northeast", "china"]
    emp = emp[emp["region"].isin(wanted)].assign(region_name=lambda f: f["region"].map(ctx.names))
    wide = emp.pivot_table(index="region_name", columns="year", values="value").reset_index()
    wide.columns = [str(c) for c in wide.columns]
    return table(wide, {c: ("Region" if c == "region_name" else c) for c in wide.columns})


def comparison_chart(ctx: Context) -> alt.Chart | Markdown:
    series = consistent_series("economy_gdp", [ctx.region, ctx.comparison])
    series = _in_years(series, ctx)
    base_year = int(series.groupby("region")["year"].min().max()) if len(series) else None
    if base_year is None:
        return Markdown("*No common years for the comparison.*")
    base = series[series["year"] == base_year].set_index("region")["gdp_cny_100m"]
    series = _named(series[series["year"] >= base_year], ctx)
    series = series.assign(index=100 * series["gdp_cny_100m"] / series["region"].map(base))
    return charts.line(
        series,
        "index",
        f"Nominal GDP, {base_year} = 100",
        f"{ctx.name()} against {ctx.name(ctx.comparison)}",
        f"Index of nominal GDP, vintage {series['vintage'].iloc[0]}",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".0f",
    )
