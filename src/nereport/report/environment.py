"""Environment report: CO2 and its intensity, forests, nature reserves, pollutants, gaps."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.data.series import change_between, consistent_series, with_northeast
from nereport.data.sources import SOURCES
from nereport.report import charts
from nereport.report.context import Context, number, table


def _regions(ctx: Context) -> list[str]:
    """Regions shown side by side for figures that cannot be summed (percentages)."""
    own = list(regions.members("northeast")) if ctx.region == "northeast" else [ctx.region]
    return [*own, ctx.comparison] if ctx.comparison not in own else own


def _in_years(frame: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return frame[(frame["year"] >= ctx.start) & (frame["year"] <= ctx.end)]


def co2(ctx: Context) -> pd.DataFrame:
    frame = with_northeast(load("environment_co2"), "co2_mt")
    frame = _in_years(frame[frame["region"].isin([ctx.region, ctx.comparison])], ctx)
    return frame.assign(region_name=frame["region"].map(ctx.names))


def co2_chart(ctx: Context) -> alt.Chart:
    frame = co2(ctx)
    frame = frame[frame["region"] == ctx.region]
    return charts.line(
        frame,
        "co2_mt",
        "CO2 emissions (Mt)",
        f"CO2 emissions of {ctx.name()}",
        "CEADs inventory, IPCC sectoral approach, to 2019"
        + (
            "; Northeast = computed sum of the three provinces" if ctx.region == "northeast" else ""
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.1f",
    )


def co2_summary(ctx: Context) -> Markdown:
    frame = co2(ctx)
    own = frame[frame["region"] == ctx.region]
    if own.empty:
        return Markdown("*No CO2 figures for these years.*")
    peak = own.loc[own["co2_mt"].idxmax()]
    first, last = own.iloc[0], own.iloc[-1]
    change = change_between(own, "co2_mt", int(first.year), int(last.year))
    return Markdown(
        f"CO2 emissions were **{number(first.co2_mt)} Mt** in {int(first.year)} and "
        f"**{number(last.co2_mt)} Mt** in {int(last.year)} ({number(change, 0)} %); the "
        f"highest year was {int(peak.year)} with **{number(peak.co2_mt)} Mt**."
    )


def intensity(ctx: Context) -> pd.DataFrame:
    gdp = consistent_series("economy_gdp", [ctx.region, ctx.comparison])
    frame = co2(ctx).merge(
        gdp[["region", "year", "vintage", "gdp_cny_100m"]], on=["region", "year"]
    )
    # t CO2 per 10,000 yuan = (Mt x 1e6) / (100 million yuan x 1e4)
    return frame.assign(t_per_10k_yuan=100 * frame["co2_mt"] / frame["gdp_cny_100m"])


def intensity_chart(ctx: Context) -> alt.Chart | Markdown:
    frame = intensity(ctx)
    if frame.empty:
        return Markdown("*No years with both CO2 and GDP for these regions.*")
    return charts.line(
        frame,
        "t_per_10k_yuan",
        "t CO2 per 10,000 yuan of GDP",
        "Emissions per unit of GDP",
        f"CEADs CO2 / nominal GDP (current prices, vintage "
        f"{frame['vintage'].iloc[0]}); falls partly because prices rise",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
    )


def forest_chart(ctx: Context) -> alt.Chart | Markdown:
    forest = load("environment_forest_cover", indicator="forest_coverage")
    forest = forest[
        forest["region"].isin(_regions(ctx)) & forest["inventory"].str.startswith("inventory")
    ]
    if forest.empty:
        return Markdown("*No inventory figures.*")
    # One bar per region and inventory: where a yearbook table and a press report give the
    # same figure, the table (higher reliability) is shown; the table below lists both.
    rank = {"high": 0, "medium-high": 1, "medium": 2}
    forest = forest.assign(rank=forest["source_id"].map(lambda s: rank[SOURCES[s].reliability]))
    forest = forest.sort_values(["rank", "source_id"]).drop_duplicates(["region", "inventory"])
    forest = forest.sort_values(["region", "year"]).assign(
        region_name=forest["region"].map(ctx.names),
        release=forest["inventory"].str.replace("inventory-", "Inventory ")
        + " ("
        + forest["year"].astype(str)
        + ")",
    )
    return charts.bars(
        forest,
        "region_name",
        "value",
        "Region",
        "Forest coverage (%)",
        "Forest coverage by national forest inventory",
        "Share of land under forest; each bar one inventory (end or survey year)",
        color="release",
        fmt=".2f",
    )


def _data_table(ctx: Context, name: str, columns: dict[str, str]):
    """Every row of dataset ``name`` for the report's regions, as a table."""
    frame = load(name)
    frame = frame[frame["region"].isin(_regions(ctx))]
    frame = frame.assign(region_name=frame["region"].map(ctx.names))
    return table(frame, {"region_name": "Region", "year": "Year", **columns})


def forest_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_forest_cover",
        {
            "inventory": "Inventory",
            "indicator": "Indicator",
            "value": "Value",
            "unit": "Unit",
            "note": "Note",
        },
    )


def reserves_chart(ctx: Context) -> alt.Chart | Markdown:
    nr = load("environment_nature_reserves", indicator="nature_reserves_share_of_area")
    nr = nr[nr["region"].isin(_regions(ctx))]
    if nr.empty:
        return Markdown("*No figures.*")
    nr = nr.assign(region_name=nr["region"].map(ctx.names), year_label=nr["year"].astype(str))
    return charts.bars(
        nr,
        "region_name",
        "value",
        "Region",
        "Share of territory (%)",
        "Nature reserves: share of territory",
        "NBS yearbooks (2001, 2008) and provincial reports",
        color="year_label",
        fmt=".1f",
    )


def reserves_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_nature_reserves",
        {
            "indicator": "Indicator",
            "value": "Value",
            "unit": "Unit",
            "source_id": "Source",
        },
    )


POLLUTANTS = {
    "cod_discharge_industry": "COD, industry",
    "cod_discharge_residential": "COD, residential",
    "ammonia_n_discharge_industry": "Ammonia-N, industry",
    "ammonia_n_discharge_residential": "Ammonia-N, residential",
    "so2_emission_industry": "SO2, industry",
    "soot_emission_industry": "Soot, industry",
    "dust_emission_industry": "Dust, industry",
}


def pollutant_chart(ctx: Context) -> alt.Chart | Markdown:
    pol = load("environment_pollutants", indicator=list(POLLUTANTS))
    pol = with_northeast(pol, "value", by=("indicator",))
    pol = pol[pol["region"] == ctx.region]
    if pol.empty:
        return Markdown("*No pollutant figures.*")
    pol = pol.assign(pollutant=pol["indicator"].map(POLLUTANTS), year_label=pol["year"].astype(str))
    return charts.bars(
        pol,
        "pollutant",
        "value",
        "Pollutant",
        "Discharge or emission (10,000 t)",
        f"Pollutant discharges of {ctx.name()}",
        "NBS yearbooks 2009 and 2011 (data for 2008 and 2010); 2008 SO2, soot and dust not found",
        color="year_label",
        fmt=",.2f",
        horizontal=True,
    )


def coverage_statement(ctx: Context) -> Markdown:
    """Which years each environment dataset holds for the region, computed from the data."""
    lines = []
    for name, label in [
        ("environment_co2", "CO2"),
        ("environment_forest_cover", "Forest"),
        ("environment_nature_reserves", "Nature reserves"),
        ("environment_pollutants", "Pollutants"),
    ]:
        frame = load(name)
        wanted = regions.members("northeast") if ctx.region == "northeast" else (ctx.region,)
        years = sorted(frame[frame["region"].isin(wanted)]["year"].unique())
        shown = ", ".join(map(str, years)) if len(years) <= 8 else f"{years[0]}–{years[-1]}"
        lines.append(f"- **{label}:** {len(years)} year(s) for {ctx.md_name()}: {shown or 'none'}.")
    return Markdown("\n".join(lines))
