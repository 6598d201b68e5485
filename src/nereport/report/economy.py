"""Economy report: real growth, GDP by release, national share, per-capita GDP, population and
the census map, economic structure, employment.

Every derived figure (share, ratio, cumulative growth) is computed within one release
(``vintage``); a line never joins two releases: each release is its own segment.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.data.series import with_northeast
from nereport.report import charts, findings
from nereport.report.context import Context, Figure, esc, number, table

# The release that has every province and China over 2000-2019, for level, share, ratio.
MAIN_RELEASE = "nbs-2021"


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [
            findings.real_growth,
            findings.national_share,
            findings.per_capita,
            findings.census_population,
            findings.structure,
        ],
    )


# -- growth ----------------------------------------------------------------------------------


def real_growth(ctx: Context) -> pd.DataFrame:
    growth = load("economy_gdp_index", region=[*ctx.own(), ctx.comparison])
    growth = ctx.named(ctx.in_years(growth))
    release = growth["vintage"].map(
        {MAIN_RELEASE: "NBS release c.2021", "first-release": "first release"}
    )
    return growth.assign(segment=growth["region"] + "/" + growth["vintage"], release=release)


def real_growth_chart(ctx: Context) -> Figure:
    growth = real_growth(ctx)
    chart = charts.line(
        growth,
        "growth_pct",
        "Real GDP growth on previous year (%)",
        f"Real GDP growth: {ctx.name()} and {ctx.name(ctx.comparison)}",
        ctx.subtitle(
            "Published volume indices (comparable prices): NBS release c.2021 to 2019, first "
            "releases after; the two are separate segments, never joined"
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        segment="segment",
        zero=True,
    )
    return Figure(chart, _growth_caption(growth, ctx))


def _growth_caption(growth: pd.DataFrame, ctx: Context) -> str:
    main = growth[growth["vintage"] == MAIN_RELEASE]
    wide = main.pivot_table(index="year", columns="region", values="growth_pct")
    own = [r for r in ctx.own() if r in wide]
    if wide.empty or ctx.comparison not in wide or not own:
        return "*No real growth figures for these years.*"
    parts = []
    for region in own:
        ahead = int((wide[region] > wide[ctx.comparison]).sum())
        peak = wide[region].idxmax()
        parts.append(
            f"{esc(ctx.name(region))} grew faster than {esc(ctx.name(ctx.comparison))} in "
            f"**{ahead} of {wide[region].notna().sum()}** years of the NBS release of c.2021 "
            f"(fastest: {int(peak)}, {number(wide[region][peak], 1)} %)"
        )
    return "; ".join(parts) + "."


def gdp_levels(ctx: Context) -> pd.DataFrame:
    gdp = with_northeast(load("economy_gdp"), "gdp_cny_100m", by=("release",))
    gdp = ctx.in_years(gdp[gdp["region"] == ctx.region])
    return gdp.assign(series=gdp["release"])


def gdp_chart(ctx: Context) -> Figure:
    gdp = gdp_levels(ctx)
    chart = charts.line(
        gdp,
        "gdp_cny_100m",
        "GDP (100 million yuan, current prices)",
        f"GDP of {ctx.name()}, every release",
        ctx.subtitle(
            "One line per release: NBS revised GDP after each economic census, so the lines "
            "differ; they are never joined"
        ),
        color="series",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
    )
    if gdp.empty:
        return Figure(chart, "*No GDP figures for these years.*")
    # The latest year that the most releases give: how far revisions moved one figure.
    count = gdp.groupby("year")["series"].nunique()
    year = int(count[count == count.max()].index.max())
    spread = gdp[gdp["year"] == year]["gdp_cny_100m"]
    caption = (
        f"{gdp['series'].nunique()} releases give {ctx.md_name()}'s GDP; for {year}, "
        f"{count[year]} of them print from **{number(spread.min())}** to "
        f"**{number(spread.max())}** hundred million yuan: revisions alone moved the figure by "
        f"**{number(100 * (spread.max() / spread.min() - 1), 1)} %**."
    )
    if ctx.region == "northeast":
        caption += " The Northeast is the sum of the three provinces within each release."
    return Figure(chart, caption)


# -- national share and per-capita GDP -------------------------------------------------------


def national_share(ctx: Context) -> pd.DataFrame:
    return ctx.named(findings.share_frame(ctx))


def share_chart(ctx: Context) -> Figure:
    share = national_share(ctx)
    chart = charts.line(
        share,
        "share_pct",
        "Share of national GDP (%)",
        f"{ctx.name()}'s share of China's GDP",
        ctx.subtitle(
            "Region and national GDP from one release (NBS c.2021, revised after the 4th "
            "economic census), 2000-2019"
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
        zero=False,
    )
    values = share.set_index("year")["share_pct"]
    if values.empty:
        return Figure(chart, "*No share can be computed for these years.*")
    low = int(values.idxmin())
    caption = (
        f"The share moved from **{values.iloc[0]:.2f} %** ({int(values.index[0])}) to "
        f"**{values.iloc[-1]:.2f} %** ({int(values.index[-1])}); lowest in {low} "
        f"({values[low]:.2f} %). Region and nation come from the same release."
    )
    return Figure(chart, caption)


def per_capita_chart(ctx: Context) -> Figure:
    ratio = ctx.named(findings.per_capita_frame(ctx))
    chart = charts.line(
        ratio,
        "relative",
        "GDP per person, China = 100",
        "GDP per person relative to the national level",
        ctx.subtitle(
            "Both from the NBS release of c.2021 (current prices), 2000-2019"
            + ("; the Northeast's three provinces shown" if ctx.region == "northeast" else "")
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".0f",
        zero=False,
        baseline=100,
    )
    if ratio.empty:
        return Figure(chart, "*No per-capita figures for these years.*")
    below = ratio[ratio["relative"] < 100].groupby("region")["year"].count()
    years = ratio.groupby("region")["year"].count()
    caption = "; ".join(
        f"{esc(ctx.name(r))} was below the national level in **{below.get(r, 0)} of {years[r]}** "
        "years"
        for r in years.index
    )
    return Figure(chart, caption + " (a value under 100 is below China's GDP per person).")


# -- population ------------------------------------------------------------------------------


def population(ctx: Context) -> pd.DataFrame:
    pop = with_northeast(_drawable_population(), "population_10k", by=("vintage",))
    pop = ctx.in_years(pop[pop["region"] == ctx.region])
    return pop.assign(series=pop["vintage"])


def _drawable_population() -> pd.DataFrame:
    """Year-end population without the values the data flags as doubtful."""
    pop = load("economy_population")
    return pop[pop["note"].fillna("").str.strip().eq("")]


def _flagged_population(ctx: Context) -> pd.DataFrame:
    pop = load("economy_population", region=ctx.own())
    flagged = pop[pop["note"].fillna("").str.strip().ne("")]
    return ctx.in_years(flagged)


def population_chart(ctx: Context) -> Figure:
    pop = population(ctx)
    chart = charts.line(
        pop,
        "population_10k",
        "Year-end population (10,000 persons)",
        f"Year-end population of {ctx.name()}",
        ctx.subtitle("One line per release: the 7th census (2020) revised 2011-2019"),
        color="series",
        start=ctx.start,
        end=ctx.end,
        fmt=",.0f",
        zero=False,
    )
    caption = ""
    if len(pop):  # within the release that reaches furthest
        newest = pop[pop["vintage"] == pop.loc[pop["year"].idxmax(), "vintage"]].sort_values("year")
        first, last = newest.iloc[0], newest.iloc[-1]
        caption = (
            f"In the newest release ({esc(last.vintage)}), year-end population went from "
            f"**{number(first.population_10k, 0)}** ten-thousand in {int(first.year)} to "
            f"**{number(last.population_10k, 0)}** in {int(last.year)} "
            f"({findings.signed(100 * (last.population_10k / first.population_10k - 1))})."
        )
    flagged = _flagged_population(ctx)
    if not flagged.empty:
        notes = "; ".join(
            f"{esc(ctx.name(r.region))} {int(r.year)} ({r.vintage}): "
            f"{number(r.population_10k, 0)}, {esc(r.note)}"
            for r in flagged.sort_values(["vintage", "year", "region"]).itertuples()
        )
        within = " and from the Northeast sum" if ctx.region == "northeast" else ""
        caption += f" Left out of the lines{within} as doubtful: {notes}."
    return Figure(chart, caption.strip() or "*No population figures for these years.*")


def census_map(ctx: Context) -> Figure:
    change = findings.census_change()
    geo = load("geo_boundaries")
    units = geo[geo["region"].isin(change["region"])].merge(change, on="region")
    names = regions.names()
    units = units.assign(
        name=units["region"].map(names),
        selected=units["region"].isin(regions.map_units(ctx.region)),
    )
    chart = charts.change_map(
        units,
        "change_pct",
        "Population change 2010-2020 (%)",
        "Census population change by prefecture, 2010-2020",
        ctx.subtitle(
            f"All {len(units)} prefecture-level units of the policy area, 6th and 7th censuses on "
            f"2020 boundaries; {ctx.name()} outlined",
            provincial=False,
        ),
    )
    return Figure(chart, findings.census_map_sentence(change, ctx))


# -- structure -------------------------------------------------------------------------------


def sector_chart(ctx: Context) -> Figure:
    va = findings.structure_frame(ctx)
    if va.empty:
        return Figure(None, "*No sector figures in the years chosen.*")
    va = ctx.in_years(va)
    chart = charts.stacked_shares(
        va,
        f"Structure of {ctx.name()}'s economy",
        ctx.subtitle("Value added by sector, % of GDP of the same release (NBS c.2021), 2000-2019"),
    )
    share = va.pivot_table(index="year", columns="sector", values="share_of_gdp_pct")
    top = share["secondary"].idxmax()
    caption = (
        f"Industry and construction peaked at **{share['secondary'][top]:.1f} %** of GDP in "
        f"{int(top)}; " + _services_sentence(share)
    )
    return Figure(chart, caption)


def _services_sentence(share: pd.DataFrame) -> str:
    larger = share[share["tertiary"] > share["secondary"]].index
    if not len(larger):
        return "services stayed smaller in every year shown."
    if larger.min() == share.index.min():
        return f"services were already larger in {int(larger.min())}."
    return f"services overtook them in {int(larger.min())}."


# -- employment ------------------------------------------------------------------------------

EMPLOYMENT_SERIES = {
    "employment_urban_units": "Employment in urban non-private units",
    "employment_private_and_individual": "Private and individual employment",
}


def employment_chart(ctx: Context) -> Figure:
    emp = load("economy_employment", indicator=list(EMPLOYMENT_SERIES))
    emp = with_northeast(emp, "value", by=("indicator",))
    emp = ctx.in_years(emp[emp["region"] == ctx.region])
    if emp.empty:
        return Figure(None, "*No employment series for these years.*")
    emp = emp.assign(series=emp["indicator"].map(EMPLOYMENT_SERIES))
    chart = charts.line(
        emp,
        "value",
        "Persons employed (10,000)",
        f"Employment in {ctx.name()}",
        ctx.subtitle(
            "NBS portal release 2025/26; urban non-private units 2008-2024, private and "
            "individual 2006-2019"
        ),
        color="series",
        fmt=",.1f",
    )
    urban = emp[emp["indicator"] == "employment_urban_units"].sort_values("year")
    if len(urban) < 2:
        return Figure(chart, "")
    first, last = urban.iloc[0], urban.iloc[-1]
    caption = (
        f"Employment in urban non-private units went from **{number(first.value)}** ten-thousand "
        f"in {int(first.year)} to **{number(last.value)}** in {int(last.year)} "
        f"(**{findings.signed(100 * (last.value / first.value - 1))}**)."
    )
    return Figure(chart, caption)


def unemployment_table(ctx: Context):
    emp = load("economy_employment", indicator="registered_unemployment_rate_urban")
    wanted = [*regions.members("northeast"), "inner-mongolia", "northeast", "china"]
    emp = emp[emp["region"].isin(wanted)].assign(region_name=lambda f: f["region"].map(ctx.names))
    wide = emp.pivot_table(index="region_name", columns="year", values="value").reset_index()
    wide.columns = [str(c) for c in wide.columns]
    headers = {c: ("Region" if c == "region_name" else c) for c in wide.columns}
    return table(wide, headers, caption="Urban registered unemployment rate (%), by year")


__all__ = [
    "census_map",
    "employment_chart",
    "gdp_chart",
    "key_findings",
    "per_capita_chart",
    "population_chart",
    "real_growth_chart",
    "sector_chart",
    "share_chart",
    "unemployment_table",
]
