"""Environment report: CO2 and its intensity, coal, air pollutants, PM2.5, water quality,
forests, nature reserves.

Every line stays within one release or statistical scope (``scope``, ``network``): where the
statistics changed their coverage, each scope is its own segment.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.data.series import with_northeast
from nereport.report import charts, findings
from nereport.report.context import Context, Figure, esc, label, number, table

MAIN = findings.MAIN


def _regions(ctx: Context) -> list[str]:
    """Regions shown side by side for figures that cannot be summed (percentages)."""
    own = ctx.own()
    return [*own, ctx.comparison] if ctx.comparison not in own else own


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [
            findings.co2_intensity,
            findings.co2_change,
            findings.coal,
            findings.sulphur,
            findings.pm25,
            findings.forest,
        ],
    )


# -- CO2 -------------------------------------------------------------------------------------


def co2(ctx: Context) -> pd.DataFrame:
    frame = with_northeast(load("environment_co2"), "co2_mt")
    frame = ctx.in_years(frame[frame["region"].isin([ctx.region, ctx.comparison])])
    return ctx.named(frame)


def co2_chart(ctx: Context) -> Figure:
    frame = co2(ctx)
    own = frame[frame["region"] == ctx.region]
    chart = charts.line(
        own,
        "co2_mt",
        "CO2 emissions (Mt)",
        f"CO2 emissions of {ctx.name()}",
        ctx.subtitle(
            "CEADs inventory, IPCC sectoral approach, release 1997-2019 (no later release found)"
            + ("; Northeast = sum of the three provinces" if ctx.region == "northeast" else "")
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.1f",
    )
    if own.empty:
        return Figure(chart, "*No CO2 figures for these years.*")
    peak = own.loc[own["co2_mt"].idxmax()]
    first, last = own.iloc[0], own.iloc[-1]
    caption = (
        f"CO2 emissions were **{number(first.co2_mt)} Mt** in {int(first.year)} and "
        f"**{number(last.co2_mt)} Mt** in {int(last.year)} "
        f"({findings.signed(100 * (last.co2_mt / first.co2_mt - 1), 0)}); the highest year was "
        f"{int(peak.year)} with **{number(peak.co2_mt)} Mt**."
    )
    return Figure(chart, caption)


def intensity(ctx: Context) -> pd.DataFrame:
    return ctx.named(ctx.in_years(findings.intensity_frame(ctx)))


def intensity_chart(ctx: Context) -> Figure:
    frame = intensity(ctx)
    chart = charts.line(
        frame,
        "t_per_10k_yuan",
        "t CO2 per 10,000 yuan of GDP",
        "CO2 per unit of GDP",
        ctx.subtitle(
            "CEADs CO2 / GDP of the NBS release of c.2021 (current prices, so it also falls "
            "as prices rise); compare regions within a year"
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
    )
    return Figure(chart, findings.co2_intensity(ctx) or "*No years with both CO2 and GDP.*")


# -- energy and air --------------------------------------------------------------------------


def coal_chart(ctx: Context) -> Figure:
    coal = load("environment_coal_use", region=ctx.own())
    coal = ctx.named(ctx.in_years(coal))
    chart = charts.line(
        coal,
        "coal_10k_t",
        "Coal consumption (10,000 t, physical)",
        f"Coal consumption of {ctx.name()}",
        ctx.subtitle("NBS release of c.2021, physical tonnes (not standard coal), to 2017"),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.0f",
        zero=False,
    )
    return Figure(chart, findings.coal(ctx) or "*No coal figures for these years.*")


POLLUTANTS = {"so2": "SO2", "nox": "NOx", "soot_dust": "Soot and dust"}


def air_pollutants(ctx: Context) -> pd.DataFrame:
    air = load("environment_air_pollutants", pollutant=list(POLLUTANTS))
    air = air[air["region"].isin(ctx.own())]
    # An aggregate sums its members within one scope and year, only where all are published.
    keys = ["year", "pollutant", "scope"]
    counts = air.groupby(keys)["region"].nunique()
    full = counts[counts == len(ctx.own())].index
    summed = air.groupby(keys)["emission_10k_t"].sum().loc[full].reset_index()
    summed = ctx.in_years(summed.assign(region=ctx.region))
    return summed.assign(
        series=summed["pollutant"].map(POLLUTANTS),
        segment=summed["pollutant"] + "/" + summed["scope"],
    )


def air_chart(ctx: Context) -> Figure:
    air = air_pollutants(ctx)
    if air.empty:
        return Figure(None, "*No air pollutant figures for these years.*")
    chart = charts.line(
        air,
        "emission_10k_t",
        "Emissions (10,000 t)",
        f"Air pollutant emissions of {ctx.name()}",
        ctx.subtitle(
            "MEE environmental statistics; the scope changed in 2014 (soot and dust), 2016 and "
            "2017 (census), so each scope is its own segment"
        ),
        color="series",
        segment="segment",
        fmt=",.1f",
    )
    return Figure(chart, findings.sulphur(ctx) or "")


def pm25_chart(ctx: Context) -> Figure:
    pm = load("environment_pm25")
    places = [*ctx.own(), *_cities(ctx), ctx.comparison]
    pm = ctx.named(ctx.in_years(pm[pm["region"].isin(places)]))
    if pm.empty:
        return Figure(None, "*No PM2.5 figures for these years.*")
    pm = _runs(
        pm.assign(
            series=pm["region_name"] + " (" + pm["network"] + ")",
            segment=pm["region"] + "/" + pm["network"],
        )
    )
    chart = charts.line(
        pm,
        "pm25_ugm3",
        "PM2.5, annual mean (µg/m³)",
        "Fine particulate matter (PM2.5)",
        ctx.subtitle(
            "Annual means as published; each monitoring network is its own series (the national "
            "network grew from 74 to 338 cities)"
        ),
        color="series",
        segment="segment",
        fmt=".0f",
    )
    return Figure(chart, findings.pm25(ctx) or "*No provincial PM2.5 mean was found.*")


def _runs(frame: pd.DataFrame) -> pd.DataFrame:
    """Split each ``segment`` where years are missing: a line joins consecutive years only."""
    frame = frame.sort_values(["segment", "year"])
    gap = frame.groupby("segment")["year"].diff().fillna(1).ne(1)
    run = gap.groupby(frame["segment"]).cumsum().astype(int).astype(str)
    return frame.assign(segment=frame["segment"] + "#" + run)


def _cities(ctx: Context) -> list[str]:
    """The prefecture-level cities of the region that have their own figures (capitals)."""
    units = regions.map_units(ctx.region)
    return [r["slug"] for r in regions.table() if r["slug"] in units and r["level"] == "prefecture"]


def water_chart(ctx: Context) -> Figure:
    water = load("environment_water")
    good = water["indicator"].str.contains("grade_I_III|good_quality", regex=True)
    # China's headline network (1940 sections, 3641 from 2021), and every provincial figure.
    national = (water["region"] == "china") & water["network"].fillna("").str.contains(
        "national surface-water assessment sections"
    )
    water = water[good & (water["region"].isin(ctx.own()) | national)]
    water = ctx.named(ctx.in_years(water.dropna(subset=["share_pct"])))
    if water.empty:
        return Figure(None, "*No water quality shares for these years.*")
    water = _runs(
        water.assign(
            series=water["region_name"] + ": " + water["network"].fillna(""),
            segment=water["region"] + "/" + water["network"].fillna("") + "/" + water["indicator"],
        )
    )
    chart = charts.line(
        water,
        "share_pct",
        "Sections of grade I-III, or good (%)",
        "Surface water: share of monitoring sections of good quality",
        ctx.subtitle(
            "Each monitoring network is its own series: the networks and their definitions "
            "changed (967, 1940, 3641 national sections; provincial sets)",
            provincial=False,
        ),
        color="series",
        segment="segment",
        fmt=".1f",
        zero=False,
    )
    return Figure(chart, _water_caption(water, ctx))


def _water_caption(water: pd.DataFrame, ctx: Context) -> str:
    own = water[water["region"].isin(ctx.own())].sort_values("year")
    basins = load("environment_water", indicator="basin_water_quality_status")
    latest = basins.sort_values("year").groupby("region").tail(1)
    grades = "; ".join(
        f"{esc(ctx.name(r.region))} {int(r.year)}: {esc(r.status)}" for r in latest.itertuples()
    )
    said = (
        f"The latest provincial figure is **{number(own.iloc[-1].share_pct, 1)} %** "
        f"({esc(ctx.name(own.iloc[-1].region))}, {int(own.iloc[-1].year)}, "
        f"{esc(own.iloc[-1].network)}). "
        if len(own)
        else f"No provincial share was found for {ctx.md_name()}. "
    )
    return said + f"River basins, as graded by the national bulletin: {grades}."


# -- forests and reserves --------------------------------------------------------------------


def forest_chart(ctx: Context) -> Figure:
    forest = load("environment_forest_wetland", indicator="forest_coverage")
    forest = forest[
        forest["region"].isin(_regions(ctx)) & forest["survey"].str.startswith("inventory")
    ]
    if forest.empty:
        return Figure(None, "*No inventory figures.*")
    # One bar per region and inventory (a figure printed twice is one bar).
    forest = forest.drop_duplicates(["region", "survey"]).sort_values(["region", "year"])
    forest = ctx.named(forest).assign(
        release=forest["survey"].str.replace("inventory-", "Inventory ")
        + " (to "
        + forest["year"].astype(str)
        + ")",
    )
    chart = charts.bars(
        forest,
        "region_name",
        "value",
        "Region",
        "Forest coverage (%)",
        "Forest coverage by national forest inventory",
        ctx.subtitle("Share of land under forest; each bar one inventory (its end year)"),
        color="release",
        fmt=".2f",
    )
    return Figure(chart, findings.forest(ctx) or "")


def _data_table(ctx: Context, name: str, columns: dict[str, str], caption: str):
    """Every row of dataset ``name`` for the report's regions, as a table; each series named
    in words with its unit."""
    frame = load(name)
    frame = frame[frame["region"].isin(_regions(ctx))]
    series = [label(i, u) for i, u in zip(frame["indicator"], frame["unit"], strict=True)]
    frame = ctx.named(frame).assign(series=series)
    headers = {"region_name": "Region", "year": "Year", "series": "Series", **columns}
    return table(frame, headers, caption=caption)


def forest_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_forest_cover",
        {"inventory": "Inventory", "value": "Value", "note": "Note"},
        "Forest figures from the yearbooks and press releases (survey years), every row",
    )


def reserves_chart(ctx: Context) -> Figure:
    nr = load("environment_nature_reserves", indicator="nature_reserves_share_of_area")
    nr = nr[nr["region"].isin(_regions(ctx))]
    if nr.empty:
        return Figure(None, "*No figures.*")
    nr = ctx.named(nr).assign(year_label=nr["year"].astype(str))
    chart = charts.bars(
        nr,
        "region_name",
        "value",
        "Region",
        "Share of territory (%)",
        "Nature reserves: share of territory",
        ctx.subtitle("NBS yearbooks (2001, 2008) and provincial reports"),
        color="year_label",
        fmt=".1f",
    )
    last = nr.sort_values("year").groupby("region").tail(1)
    caption = "; ".join(
        f"{esc(ctx.name(r.region))}: **{number(r.value, 1)} %** ({int(r.year)})"
        for r in last.itertuples()
    )
    return Figure(chart, f"Latest share of territory in nature reserves — {caption}.")


def reserves_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_nature_reserves",
        {"value": "Value", "source_id": "Source"},
        "Nature reserves, every row",
    )


OLD_POLLUTANTS = {
    "cod_discharge_industry": "COD, industry",
    "cod_discharge_residential": "COD, residential",
    "ammonia_n_discharge_industry": "Ammonia-N, industry",
    "ammonia_n_discharge_residential": "Ammonia-N, residential",
    "so2_emission_industry": "SO2, industry",
    "soot_emission_industry": "Soot, industry",
    "dust_emission_industry": "Dust, industry",
}


def pollutant_chart(ctx: Context) -> Figure:
    pol = load("environment_pollutants", indicator=list(OLD_POLLUTANTS))
    pol = with_northeast(pol, "value", by=("indicator",))
    pol = pol[pol["region"] == ctx.region]
    if pol.empty:
        return Figure(None, "*No pollutant figures.*")
    pol = pol.assign(
        pollutant=pol["indicator"].map(OLD_POLLUTANTS), year_label=pol["year"].astype(str)
    )
    chart = charts.bars(
        pol,
        "pollutant",
        "value",
        "Pollutant",
        "Discharge or emission (10,000 t)",
        f"Water and air pollutant discharges of {ctx.name()}, 2008 and 2010",
        ctx.subtitle(
            "NBS yearbooks 2009 and 2011 (pre-2011 scope); 2008 SO2, soot and dust not found"
        ),
        color="year_label",
        fmt=",.2f",
        horizontal=True,
    )
    cod = pol[pol["indicator"] == "cod_discharge_industry"].set_index("year")["value"]
    caption = (
        f"Industrial COD discharge: **{number(cod[2008], 2)}** ten-thousand t in 2008, "
        f"**{number(cod[2010], 2)}** in 2010."
        if {2008, 2010} <= set(cod.index)
        else "Two years only: the yearbook tables found cover 2008 and 2010."
    )
    return Figure(chart, caption)


DATASETS = {
    "environment_co2": "CO2",
    "environment_coal_use": "Coal",
    "environment_air_pollutants": "Air pollutants (2011-)",
    "environment_pm25": "PM2.5",
    "environment_water": "Water quality",
    "environment_forest_wetland": "Forest inventories",
    "environment_nature_reserves": "Nature reserves",
    "environment_pollutants": "Pollutants (2008, 2010)",
}


def coverage_statement(ctx: Context) -> Markdown:
    """Which years each environment dataset holds for the region, computed from the data."""
    lines = []
    for name, title in DATASETS.items():
        frame = load(name)
        years = sorted(frame[frame["region"].isin(ctx.own())]["year"].unique())
        shown = ", ".join(map(str, years)) if len(years) <= 8 else f"{years[0]}–{years[-1]}"
        lines.append(f"- **{title}:** {len(years)} year(s) for {ctx.md_name()}: {shown or 'none'}.")
    return Markdown("\n".join(lines))
