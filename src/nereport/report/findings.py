"""Key findings: the sentences a reader comes for, each computed from the data and naming its
period and release. A finding that the data cannot support is left out (the section says
which), never guessed.

Each ``<finding>(ctx)`` returns one Markdown sentence or None; the ``*_frame`` functions return
the rows the sentence and its chart are computed from.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

import pandas as pd
from IPython.display import Markdown

from nereport import i18n
from nereport.data import load, regions, releases
from nereport.data.series import annual_rate, cumulative_growth
from nereport.i18n import _
from nereport.report.context import Context, as_published, esc, number

MAIN = releases.MAIN  # NBS portal release of c.2020-21 (after the 4th economic census), 2000-2019
MAIN_LABEL = releases.NAMES[MAIN]  # shown as _(MAIN_LABEL)
POLICY_YEARS = (2003, 2016)
CEADS = "CEADs"  # the CO2 inventory's name, kept as published in every language

# The marks between the parts of a finding: Chinese writes full-width marks without spaces and
# lists place names with the enumeration comma.
_MARKS = {
    "en": {"list": ", ", "clauses": "; ", "names": ", ", "arrow": " → ", "sentences": " "},
    "zh": {"list": "，", "clauses": "；", "names": "、", "arrow": "→", "sentences": ""},
}

# How a language counts people: English in millions (2 decimals), Chinese in 万 (10,000; no
# decimals, the same precision). The census message's {before} and {after} are in this unit.
_PEOPLE = {"en": (1e6, 2), "zh": (1e4, 0)}


def _once(finding: Callable[[Context], str | None]) -> Callable[[Context], str | None]:
    """Compute a finding once per report: the key findings and a chart's caption share it."""
    memo: dict[tuple, str | None] = {}

    @functools.wraps(finding)
    def wrapper(ctx: Context) -> str | None:
        key = (ctx.topic, *sorted(ctx.params.items()), os.environ.get("NEREPORT_DATA_DIR"))
        if key not in memo:
            memo[key] = finding(ctx)
        return memo[key]

    return wrapper


def signed(value: float, digits: int = 1) -> str:
    """A change in per cent, for prose: '+3.2 %', '−12.4 %' (Chinese '增长3.2%', '下降12.4%')."""
    return i18n.change(value, digits)


def _percent(value: float, digits: int = 1) -> str:
    """A share in per cent, where the per-cent sign cannot stand in the sentence's message
    (Babel would take '% f' in '23.0 % for' for a printf format): '23.0 %', '23.0%'."""
    return _("{value} %").format(value=number(value, digits))


def _join(parts: list[str], kind: str) -> str:
    """Parts of a finding joined with the report language's mark of ``kind`` (see _MARKS)."""
    return _MARKS[i18n.current()][kind].join(parts)


def _source(ctx: Context, source: str) -> str:
    """What a finding's figures are (``source``), and, where a provincial figure covers more
    than the policy area, that it covers the whole region."""
    if not ctx.scope():
        return source
    return _("{source}; whole region, not only its policy-area part").format(source=source)


def _release(ctx: Context) -> str:
    """The main release, with the region's scope where it needs saying."""
    return _source(ctx, _(MAIN_LABEL))


# -- growth ----------------------------------------------------------------------------------


def _chained(region: str, start: int, end: int) -> tuple[float, float] | None:
    rows = load("economy_gdp_index", region=region, vintage=MAIN)
    total = cumulative_growth(rows, start, end)
    return None if total is None else (total, annual_rate(total, end - start))


@_once
def real_growth(ctx: Context) -> str | None:
    """Real growth since 2003 and since 2016, region(s) against the comparison, one release."""
    end = 2019  # the last year of the one release that covers every region
    parts = []
    for start in POLICY_YEARS:
        base = _chained(ctx.comparison, start, end)
        own = [(r, _chained(r, start, end)) for r in ctx.own()]
        if base is None or any(g is None for _r, g in own):
            continue
        said = _join(
            [
                _("{region} **{rate} %** a year ({total} in all)").format(
                    region=ctx.md_name(r), rate=number(g[1], 1), total=signed(g[0], 0)
                )
                for r, g in own
            ],
            "list",
        )
        faster = [r for r, g in own if g[1] > base[1]]
        if len(faster) == len(own):
            period = _("{start}–{end}: {regions}, faster than {comparison} (**{rate} %** a year)")
        elif not faster:
            period = _("{start}–{end}: {regions}, slower than {comparison} (**{rate} %** a year)")
        else:
            period = _(
                "{start}–{end}: {regions}, partly faster than {comparison} (**{rate} %** a year)"
            )
        parts.append(
            period.format(
                start=start,
                end=end,
                regions=said,
                comparison=ctx.md_name(ctx.comparison),
                rate=number(base[1], 1),
            )
        )
    if not parts:
        return None
    source = _("published volume indices, {release}").format(release=_(MAIN_LABEL))
    growth = _("**Real growth** ({source}): {periods}.").format(
        source=_source(ctx, source), periods=_join(parts, "clauses")
    )
    latest = _first_release_growth(ctx)
    return _join([growth, latest], "sentences") if latest else growth


def _first_release_growth(ctx: Context) -> str | None:
    """Average of the first-release growth rates of the years where every region has one."""
    rows = load("economy_gdp_index", region=[*ctx.own(), ctx.comparison], vintage="first-release")
    years = rows.groupby("year")["region"].nunique()
    years = sorted(years[years == len(ctx.own()) + 1].index)
    if not years:
        return None
    rows = rows[rows["year"].isin(years)]
    mean = rows.groupby("region")["growth_pct"].mean()
    said = _join(
        [
            _("{region} {rate} %").format(region=ctx.md_name(r), rate=number(mean[r], 1))
            for r in [*ctx.own(), ctx.comparison]
        ],
        "list",
    )
    if len(years) == 1:
        return _(
            "First releases for {year} (a separate release, averaged over 1 year(s)): {values}."
        ).format(year=years[0], values=said)
    return _(
        "First releases for {start}–{end} (a separate release, averaged over {years} year(s)): "
        "{values}."
    ).format(start=years[0], end=years[-1], years=len(years), values=said)


# -- national share --------------------------------------------------------------------------


def _gdp_main() -> pd.DataFrame:
    """GDP by region and year from the value-added table of the main release (one GDP per
    region and year, the figure printed beside its sectors)."""
    va = load("economy_value_added", vintage=MAIN)
    return va.dropna(subset=["gdp_cny_100m"]).drop_duplicates(["region", "year"])[
        ["region", "year", "vintage", "gdp_cny_100m"]
    ]


def share_frame(ctx: Context) -> pd.DataFrame:
    """The region's GDP as % of China's, both from the main release; an aggregate is the sum of
    its members in years where all are published."""
    gdp = _gdp_main()
    own = gdp[gdp["region"].isin(ctx.own())].groupby("year")
    part = own["gdp_cny_100m"].sum()[own["region"].nunique() == len(ctx.own())]
    whole = gdp[gdp["region"] == "china"].set_index("year")["gdp_cny_100m"]
    share = (100 * part / whole).dropna().rename("share_pct").reset_index()
    return share.assign(region=ctx.region, vintage=MAIN)


@_once
def national_share(ctx: Context) -> str | None:
    share = share_frame(ctx).set_index("year")["share_pct"]
    if share.empty:
        return None
    years = [y for y in (2000, *POLICY_YEARS) if y in share.index] + [int(share.index.max())]
    said = _join(
        [
            _("{year}: **{share} %**").format(year=y, share=number(share[y], 2))
            for y in dict.fromkeys(years)
        ],
        "clauses",
    )
    peak = int(share.idxmax())
    source = _("{release}, one release for region and nation").format(release=_(MAIN_LABEL))
    return _(
        "**Share of China's GDP** ({source}): {values}; highest in {peak} ({share} %)."
    ).format(source=_source(ctx, source), values=said, peak=peak, share=number(share[peak], 2))


# -- per-capita GDP --------------------------------------------------------------------------


def per_capita_frame(ctx: Context) -> pd.DataFrame:
    """GDP per person of the region(s) with China = 100, within the main release."""
    pc = load("economy_gdp_per_capita", vintage=MAIN)
    china = pc[pc["region"] == "china"].set_index("year")["gdp_per_capita_cny"]
    own = pc[pc["region"].isin(ctx.own())].copy()
    own["relative"] = 100 * own["gdp_per_capita_cny"] / own["year"].map(china)
    return own.dropna(subset=["relative"])


@_once
def per_capita(ctx: Context) -> str | None:
    frame = per_capita_frame(ctx)
    if frame.empty:
        return None
    last = int(frame["year"].max())
    parts = []
    rank = regions.rank()
    for region, rows in sorted(frame.groupby("region", sort=False), key=lambda g: rank[g[0]]):
        rel = rows.set_index("year")["relative"]
        then = [y for y in POLICY_YEARS if y in rel.index][:1]
        shown = [*then, last]
        values = _join(
            [
                _("**{value}** ({year})").format(value=number(rel[y], 0), year=y)
                for y in dict.fromkeys(shown)
            ],
            "arrow",
        )
        parts.append(_("{region} {values}").format(region=ctx.md_name(region), values=values))
    return _(
        "**GDP per person against the national level** (China = 100, {source}): {regions}."
    ).format(source=_release(ctx), regions=_join(parts, "clauses"))


# -- population ------------------------------------------------------------------------------


def census_change() -> pd.DataFrame:
    """Census resident population 2010 and 2020 of every prefecture-level unit of the policy
    area (one figure per unit and census, on 2020 boundaries) and its change."""
    census = load("economy_population_census_prefectures")
    census = census[census["primary"].fillna(False).astype(bool)]
    wide = census.pivot_table(index="region", columns="year", values="population_persons")
    wide = wide.dropna(subset=[2010, 2020])
    wide["change_pct"] = 100 * (wide[2020] / wide[2010] - 1)
    return wide.reset_index().rename(columns={2010: "pop_2010", 2020: "pop_2020"})


def _census_units(ctx: Context) -> tuple[list[str], str]:
    """The prefecture-level units the census finding sums, and what they are."""
    units = regions.map_units(ctx.region)
    prefectures = [
        r["slug"] for r in regions.table() if r["slug"] in units and r["level"] == "prefecture"
    ]
    if ctx.region == "inner-mongolia":
        return prefectures, _("its five eastern prefectures in the policy area")
    return prefectures, _("its {count} prefecture-level units").format(count=len(prefectures))


@_once
def census_population(ctx: Context) -> str | None:
    change = census_change()
    units, what = _census_units(ctx)
    rows = change[change["region"].isin(units)]
    if rows.empty or len(rows) != len(units):
        return None
    before, after = rows["pop_2010"].sum(), rows["pop_2020"].sum()
    losing = int((rows["change_pct"] < 0).sum())
    scale, digits = _PEOPLE[i18n.current()]
    every = losing == len(rows)  # "all 13", not "13 of 13" (Chinese: 全部)
    return (
        _(
            "**Population, 2010 and 2020 censuses** (sum of {units}, 2020 boundaries): "
            "{before} million → {after} million (**{change}**); all {count} units lost people."
        )
        if every
        else _(
            "**Population, 2010 and 2020 censuses** (sum of {units}, 2020 boundaries): "
            "{before} million → {after} million (**{change}**); {losing} of {count} units lost "
            "people."
        )
    ).format(
        units=what,
        before=number(before / scale, digits),
        after=number(after / scale, digits),
        change=signed(100 * (after / before - 1)),
        losing=losing,
        count=len(rows),
    )


def census_map_sentence(change: pd.DataFrame, ctx: Context) -> str:
    parents = {r["slug"]: r["parent"] for r in regions.table()}
    losing = change[change["change_pct"] < 0]
    worst = change.nsmallest(3, "change_pct")
    best = change.nlargest(3, "change_pct")

    def listed(rows: pd.DataFrame) -> str:
        return _join(
            [
                _("{unit} ({province}, {change})").format(
                    unit=ctx.md_name(r.region),
                    province=ctx.md_name(parents[r.region]),
                    change=signed(r.change_pct),
                )
                for r in rows.itertuples()
            ],
            "names",
        )

    if len(losing) == len(change):  # "all 13", not "13 of 13" (Chinese: 全部)
        return _(
            "All {count} units lost population between the censuses. The largest losses were "
            "in {worst}; the smallest in {best}."
        ).format(count=len(change), worst=listed(worst), best=listed(best))
    return _(
        "{losing} of the {count} units lost population between the censuses. The largest "
        "losses were in {worst}; the largest gains in {best}."
    ).format(losing=len(losing), count=len(change), worst=listed(worst), best=listed(best))


# -- structure -------------------------------------------------------------------------------

SECTOR_ORDER = {"primary": 0, "secondary": 1, "tertiary": 2}


def structure_frame(ctx: Context) -> pd.DataFrame:
    """Sector shares of GDP in the main release; an aggregate sums its members' value added
    (the sectors add up to GDP within the release)."""
    va = load("economy_value_added", vintage=MAIN, region=ctx.own())
    counts = va.groupby(["year", "sector"])["region"].nunique()
    full = counts[counts == len(ctx.own())].index
    summed = va.groupby(["year", "sector"])["value_added_cny_100m"].sum().loc[full].reset_index()
    summed["share_of_gdp_pct"] = (
        100
        * summed["value_added_cny_100m"]
        / summed.groupby("year")["value_added_cny_100m"].transform("sum")
    )
    return summed.assign(region=ctx.region, sector_order=summed["sector"].map(SECTOR_ORDER))


@_once
def structure(ctx: Context) -> str | None:
    va = structure_frame(ctx)
    if va.empty:
        return None
    share = va.pivot_table(index="year", columns="sector", values="share_of_gdp_pct")
    first = 2003 if 2003 in share.index else int(share.index.min())
    last = int(share.index.max())
    return _(
        "**Economic structure** ({source}): industry and construction (secondary sector) "
        "**{secondary_first} %** of GDP in {first}, **{secondary_last} %** in {last}; services "
        "(tertiary) {tertiary_first} % → **{tertiary_last} %**."
    ).format(
        source=_release(ctx),
        first=first,
        last=last,
        secondary_first=number(share.loc[first, "secondary"], 1),
        secondary_last=number(share.loc[last, "secondary"], 1),
        tertiary_first=number(share.loc[first, "tertiary"], 1),
        tertiary_last=number(share.loc[last, "tertiary"], 1),
    )


# -- environment -----------------------------------------------------------------------------


def intensity_frame(ctx: Context) -> pd.DataFrame:
    """CO2 (CEADs) per 10,000 yuan of GDP (main release) of the region(s) and the comparison;
    an aggregate sums both members' CO2 and GDP where all are published."""
    from nereport.data.series import with_northeast

    co2 = with_northeast(load("environment_co2"), "co2_mt")
    gdp = with_northeast(_gdp_main(), "gdp_cny_100m", by=("vintage",))
    frame = co2.merge(gdp[["region", "year", "vintage", "gdp_cny_100m"]], on=["region", "year"])
    frame = frame[frame["region"].isin([ctx.region, ctx.comparison])]
    # t CO2 per 10,000 yuan = (Mt x 1e6) / (100 million yuan x 1e4)
    return frame.assign(t_per_10k_yuan=100 * frame["co2_mt"] / frame["gdp_cny_100m"])


@_once
def co2_intensity(ctx: Context) -> str | None:
    frame = intensity_frame(ctx)
    wide = frame.pivot_table(index="year", columns="region", values="t_per_10k_yuan")
    if ctx.region not in wide or ctx.comparison not in wide:
        return None
    ratio = (wide[ctx.region] / wide[ctx.comparison]).dropna()
    if ratio.empty:
        return None
    first = 2003 if 2003 in ratio.index else int(ratio.index.min())
    last = int(ratio.index.max())
    source = _("{inventory} CO2 over GDP of the {release}").format(
        inventory=as_published(CEADS), release=_(MAIN_LABEL)
    )
    return _(
        "**CO2 per unit of GDP** ({source}): {value} t per 10,000 yuan in {last}, "
        "**{ratio} times** {comparison}'s ({ratio_first} times in {first})."
    ).format(
        source=_source(ctx, source),
        value=number(wide.loc[last, ctx.region], 2),
        last=last,
        ratio=number(ratio[last], 1),
        comparison=ctx.md_name(ctx.comparison),
        ratio_first=number(ratio[first], 1),
        first=first,
    )


@_once
def co2_change(ctx: Context) -> str | None:
    from nereport.data.series import with_northeast

    co2 = with_northeast(load("environment_co2"), "co2_mt").set_index(["region", "year"])
    co2 = co2["co2_mt"]
    try:
        own = co2.loc[ctx.region]
        other = co2.loc[ctx.comparison]
    except KeyError:
        return None
    if 2003 not in own.index or 2003 not in other.index:
        return None
    last = int(min(own.index.max(), other.index.max()))
    return _(
        "**CO2 emissions** ({source}): {change} from {first} to {last} ({before} → {after}), "
        "against {other} for {comparison}; peak year {peak}."
    ).format(
        source=_source(
            ctx,
            _("{inventory}, release to {year}").format(inventory=as_published(CEADS), year=last),
        ),
        change=signed(100 * (own[last] / own[2003] - 1), 0),
        first=2003,
        last=last,
        before=i18n.amount(own[2003], "Mt"),
        after=i18n.amount(own[last], "Mt"),
        other=signed(100 * (other[last] / other[2003] - 1), 0),
        comparison=ctx.md_name(ctx.comparison),
        peak=int(own.idxmax()),
    )


@_once
def coal(ctx: Context) -> str | None:
    rows = load("environment_coal_use", region=[*ctx.own(), ctx.comparison])
    wide = rows.pivot_table(index="year", columns="region", values="coal_10k_t")
    own = wide[[r for r in ctx.own() if r in wide]]
    if own.shape[1] != len(ctx.own()) or ctx.comparison not in wide:
        return None
    years = wide.dropna().index
    if 2003 not in years:
        return None
    last = int(years.max())
    total = own.sum(axis=1)
    other = wide[ctx.comparison]
    source = _("physical tonnes, {release}").format(release=_(MAIN_LABEL))
    return _(
        "**Coal use** ({source}): {change} from {first} to {last}, against {other} for "
        "{comparison}."
    ).format(
        source=_source(ctx, source),
        change=signed(100 * (total[last] / total[2003] - 1), 0),
        first=2003,
        last=last,
        other=signed(100 * (other[last] / other[2003] - 1), 0),
        comparison=ctx.md_name(ctx.comparison),
    )


@_once
def sulphur(ctx: Context) -> str | None:
    air = load("environment_air_pollutants", pollutant="so2", scope="env-stats-2011")
    wide = air.pivot_table(index="year", columns="region", values="emission_10k_t")
    own = [r for r in ctx.own() if r in wide]
    if len(own) != len(ctx.own()) or ctx.comparison not in wide:
        return None
    years = wide[[*own, ctx.comparison]].dropna().index
    if len(years) < 2:
        return None
    first, last = int(years.min()), int(years.max())
    total = wide[own].sum(axis=1)
    other = wide[ctx.comparison]
    source = _("MEE environmental statistics, one scope {first}–{last}").format(
        first=first, last=last
    )
    return _(
        "**Sulphur dioxide** ({source}): {change} ({before} → {after}), against {other} nationally."
    ).format(
        source=_source(ctx, source),
        change=signed(100 * (total[last] / total[first] - 1), 0),
        before=i18n.amount(total[first], "10k t"),
        after=i18n.amount(total[last], "10k t"),
        other=signed(100 * (other[last] / other[first] - 1), 0),
    )


@_once
def pm25(ctx: Context) -> str | None:
    pm = load("environment_pm25")
    china = pm[pm["region"] == "china"].set_index("year")
    own = pm[pm["region"].isin(ctx.own()) & pm["year"].isin(china.index)]
    if own.empty:
        return None
    parts = [
        _("{region} {year}: **{value}** µg/m³ (China {china}, {network})").format(
            region=ctx.md_name(r.region),
            year=int(r.year),
            value=number(r.pm25_ugm3, 0),
            china=number(china.loc[r.year, "pm25_ugm3"], 0),
            # the network is a label declared with the dataset (data.datasets.environment)
            network=esc(_(china.loc[r.year, "network"])),
        )
        for r in sorted(
            own.sort_values("year").groupby("region").tail(1).itertuples(),
            key=lambda r: regions.rank()[r.region],
        )
    ]
    return _(
        "**PM2.5** (annual means as published by provincial and national bulletins; the "
        "networks differ): {values}."
    ).format(values=_join(parts, "clauses"))


@_once
def forest(ctx: Context) -> str | None:
    forest = load("environment_forest_wetland", indicator="forest_coverage")
    forest = forest[forest["survey"] == "inventory-9"].drop_duplicates("region")
    forest = forest.set_index("region")["value"]
    own = [r for r in ctx.own() if r in forest.index]
    if not own or "china" not in forest.index:
        return None
    said = _join(
        [
            _("{region} **{cover} %**").format(region=ctx.md_name(r), cover=number(forest[r], 1))
            for r in own
        ],
        "list",
    )
    return _(
        "**Forest cover** (9th national forest inventory, 2014-2018): {values}, against "
        "{china} for China."
    ).format(values=said, china=_percent(forest["china"], 1))


# -- the section -----------------------------------------------------------------------------

Finding = Callable[[Context], "str | None"]


def section(ctx: Context, wanted: list[Finding]) -> Markdown:
    """The "Key findings" section: one bullet per finding the data support."""
    said = [s for s in (finding(ctx) for finding in wanted) if s]
    lines = ["## " + _("Key findings"), ""] + [f"- {s}" for s in said]
    if len(said) < len(wanted):
        note = _(
            "{count} finding(s) left out: the data do not cover them for this region (see "
            "What is missing)."
        ).format(count=len(wanted) - len(said))
        lines += ["", f"*{note}*"]
    return Markdown("\n".join(lines))
