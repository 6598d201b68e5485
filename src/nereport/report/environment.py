"""Environment report: CO2 and its intensity, coal, air pollutants, PM2.5, water quality,
forests, nature reserves.

Every line stays within one release or statistical scope (``scope``, ``network``): where the
statistics changed their coverage, each scope is its own segment.

Text is in English, marked for translation (``nereport.i18n``); the data's own English words
that reach charts, captions and tables (networks, basin grades, remarks) are declared with their
datasets (``nereport.data.datasets.environment``) and translated here where shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport import i18n
from nereport.data import dataset, load, regions, releases
from nereport.data.series import with_northeast
from nereport.data.sources import SOURCES
from nereport.i18n import N_, _
from nereport.report import charts, findings
from nereport.report.context import (
    _SECONDARY_LEGEND,
    DAGGER,
    Context,
    Figure,
    as_published,
    esc,
    label,
    number,
    source_name,
    table,
)

MAIN = findings.MAIN
NBS_PUBLISHER = "National Bureau of Statistics"  # the yearbooks' publisher, as its records name it
MAIN_LABEL = findings.MAIN_LABEL


def _listed(ctx: Context, items: list[str], sep: str = "; ") -> str:
    """Items joined as the report's language lists them (Chinese: '；', '、')."""
    if ctx.zh:
        sep = {"; ": "；", ", ": "、"}[sep]
    return sep.join(items)


def _survey(survey: str) -> str:
    """A survey id as a reader's label: 'inventory-5' is 'national forest inventory 5' /
    '第五次全国森林资源清查', 'provincial-2019' 'provincial figures (2019)' / '省级数据（2019年）'."""
    if m := re.fullmatch(r"inventory-(\d+)", survey):
        return _("national forest inventory {number}").format(number=i18n.ordinal(int(m[1])))
    if m := re.fullmatch(r"provincial-(\d{4})", survey):
        return _("provincial figures ({year})").format(year=m[1])
    return survey


# The national forest inventories' survey periods (State Forestry Administration): each
# surveys the provinces in turn over five years and is labelled in every table, chart and
# finding with this period, whatever year a province was surveyed in.
INVENTORY_PERIODS = {
    5: (1994, 1998),
    6: (1999, 2003),
    7: (2004, 2008),
    8: (2009, 2013),
    9: (2014, 2018),
}


def inventory_period(survey: str) -> str | None:
    """'inventory-9' -> '2014–2018' (Chinese '2014—2018'); None for another survey."""
    m = re.fullmatch(r"inventory-(\d+)", survey)
    if not m or int(m[1]) not in INVENTORY_PERIODS:
        return None
    first, last = INVENTORY_PERIODS[int(m[1])]
    return f"{first}{'—' if i18n.current() == 'zh' else '–'}{last}"


def _regions(ctx: Context) -> list[str]:
    """Regions shown side by side for figures that cannot be summed (percentages)."""
    own = ctx.own()
    return [*own, ctx.comparison] if ctx.comparison not in own else own


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [
            co2_intensity,
            co2_change,
            findings.coal,
            coal_intensity,
            energy_mix,
            findings.sulphur,
            findings.pm25,
            pm25_regions,
            water_quality,
            findings.forest,
        ],
    )


# -- CO2: change and intensity over three-year means (findings.CO2_BASE_YEARS) ---------------

BASE_YEARS = findings.CO2_BASE_YEARS
_mean = findings.mean_over


def _years(years: tuple[int, ...]) -> str:
    """'2002–2004' for consecutive years, '2002 and 2004' (Chinese '2002、2004') where one
    between them is left out."""
    if len(years) > 1 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}{'—' if i18n.current() == 'zh' else '–'}{years[-1]}"
    if len(years) == 2 and i18n.current() != "zh":
        return _("{first} and {second}").format(first=years[0], second=years[1])
    return findings._join([str(y) for y in years], "names")


def _spike_note(ctx: Context, *, brief: bool = False) -> str:
    """Why a base year is left out of the CO2 means of the region (a one-year spike), with its
    figures and its neighbours'; empty where none is. ``brief``: the year and whose spike it
    is only, for the intensity finding (the emissions finding beside it gives the figures)."""
    co2 = load("environment_co2")
    notes = []
    for part, years in findings.co2_spikes(ctx.region).items():
        own = co2[co2["region"] == part].set_index("year")["co2_mt"]
        for year in years:
            if brief:
                notes.append(
                    _("{year} is left out of the base, a one-year spike of {region}'s CO2").format(
                        year=year, region=ctx.md_name(part)
                    )
                )
            else:
                notes.append(_one_spike(ctx, part, own, year))
    return findings._join(notes, "clauses")


def _one_spike(ctx: Context, part: str, own: pd.Series, year: int) -> str:
    """Why ``year`` is left out: ``part``'s figures then and either side; for an aggregate,
    that its sum leaves the year out of its base as its member's report does."""
    largest = max(own[year - 1], own[year], own[year + 1])
    said = _(
        "{year} is left out: {region}'s CO2 was {value} that year against {before} in "
        "{previous} and {after} in {next}, a one-year spike (more than {limit} apart from "
        "both years either side)"
    ).format(
        year=year,
        region=ctx.md_name(part),
        value=i18n.amount(own[year], "Mt", largest=largest),
        before=i18n.amount(own[year - 1], "Mt", largest=largest),
        previous=year - 1,
        after=i18n.amount(own[year + 1], "Mt", largest=largest),
        next=year + 1,
        limit=findings._percent(findings.SPIKE_PCT, 0),
    )
    if part == ctx.region:
        return said
    return _(
        "{said}; the sum leaves that year out of its base too, as {member}'s report does"
    ).format(said=said, member=ctx.md_name(part))


def co2_change(ctx: Context) -> str | None:
    co2 = with_northeast(load("environment_co2"), "co2_mt")
    wide = co2.pivot_table(index="year", columns="region", values="co2_mt")
    if ctx.region not in wide or ctx.comparison not in wide:
        return None
    both = wide[[ctx.region, ctx.comparison]].dropna()
    last = int(both.index.max())
    end_years = (last - 2, last - 1, last)
    base = findings.co2_base_years(ctx.region)  # the comparison over the same years
    own, other = wide[ctx.region], wide[ctx.comparison]
    means = [_mean(s, y) for s in (own, other) for y in (base, end_years)]
    if any(m is None for m in means):
        return None
    before, after, other_before, other_after = means
    source = _("{inventory}, release to {year}").format(
        inventory=as_published(findings.CEADS), year=last
    )
    largest = max(before, after)  # both ends in one scale
    said = _(
        "**CO2 emissions** ({source}; means of {first} and of {last}): {before} → {after} "
        "a year (**{change}**), against {other} for {comparison}; peak year {peak}."
    ).format(
        source=findings._source(ctx, source),
        first=_years(base),
        last=_years(end_years),
        before=i18n.amount(before, "Mt", largest=largest),  # '129 Mt', '1.29亿吨'
        after=i18n.amount(after, "Mt", largest=largest),
        change=findings.stated("co2_change", ctx.region, base, end_years, sign=True),
        other=findings.stated("co2_change", ctx.comparison, base, end_years, sign=True),
        comparison=ctx.md_name(ctx.comparison),
        peak=int(own.idxmax()),
    )
    note = _spike_note(ctx)
    return findings._join([said, _("{note}.").format(note=note)], "sentences") if note else said


def co2_intensity(ctx: Context) -> str | None:
    frame = findings.intensity_frame(ctx)
    wide = frame.pivot_table(index="year", columns="region", values="t_per_10k_yuan")
    if ctx.region not in wide or ctx.comparison not in wide:
        return None
    ratio = (wide[ctx.region] / wide[ctx.comparison]).dropna()
    base_years = findings.co2_base_years(ctx.region)
    base = _mean(ratio, base_years)
    if ratio.empty or base is None:
        return None
    last = int(ratio.index.max())
    source = _("{inventory} CO2 over GDP of the {release}").format(
        inventory=as_published(findings.CEADS), release=_(MAIN_LABEL)
    )
    # The sentence follows the data: the ratio as printed (2 decimals) rose, fell or held.
    now, then = round(float(ratio[last]), 2), round(base, 2)
    if now > then:
        message = _(
            "**CO2 per unit of GDP** ({source}): {value} t per 10,000 yuan in {last}, "
            "**{ratio} times** China's, up from {ratio_first} times on average in {first}."
        )
    elif now < then:
        message = _(
            "**CO2 per unit of GDP** ({source}): {value} t per 10,000 yuan in {last}, "
            "**{ratio} times** China's, down from {ratio_first} times on average in {first}."
        )
    else:
        message = _(
            "**CO2 per unit of GDP** ({source}): {value} t per 10,000 yuan in {last}, "
            "**{ratio} times** China's, as on average in {first}."
        )
    said = message.format(
        source=findings._source(ctx, source),
        value=number(wide.loc[last, ctx.region], 2),
        last=last,
        ratio=number(ratio[last], 2),
        ratio_first=number(base, 2),
        first=_years(base_years),
    )
    note = _spike_note(ctx, brief=True)  # the emissions finding gives the figures
    return findings._join([said, _("{note}.").format(note=note)], "sentences") if note else said


# -- energy: coal per unit of GDP, the national energy mix ------------------------------------


def _gdp() -> pd.DataFrame:
    """GDP by region and year of the main release (the figure printed beside its sectors),
    with the Northeast where its three provinces are all published."""
    va = load("economy_value_added", release=MAIN).dropna(subset=["gdp_cny_100m"])
    gdp = va.drop_duplicates(["region", "year"])[["region", "year", "gdp_cny_100m"]]
    return with_northeast(gdp, "gdp_cny_100m")


def coal_intensity_frame(ctx: Context) -> pd.DataFrame:
    """Coal burned (physical tonnes) per 10,000 yuan of GDP of the region and the comparison,
    coal and GDP both from the NBS release of c.2021 (current prices)."""
    coal = with_northeast(load("environment_coal_use"), "coal_10k_t")
    frame = coal[["region", "year", "coal_10k_t"]].merge(_gdp(), on=["region", "year"])
    frame = frame[frame["region"].isin([ctx.region, ctx.comparison])]
    # t per 10,000 yuan = (10,000 t x 1e4) / (100 million yuan x 1e4) = coal_10k_t / gdp
    return frame.assign(t_per_10k_yuan=frame["coal_10k_t"] / frame["gdp_cny_100m"])


def _energy_per_gdp() -> pd.Series:
    """China's total energy use (t SCE) per 10,000 yuan of GDP, both of the c.2021 release."""
    energy = load("environment_energy", region="china", release=MAIN)
    energy = energy[energy["indicator"] == "total_energy_consumption"]
    gdp = _gdp().query("region == 'china'").set_index("year")["gdp_cny_100m"]
    return (energy.set_index("year")["energy_10k_tce"] / gdp).dropna()


def coal_intensity(ctx: Context) -> str | None:
    wide = coal_intensity_frame(ctx).pivot_table(
        index="year", columns="region", values="t_per_10k_yuan"
    )
    if ctx.region not in wide or ctx.comparison not in wide:
        return None
    ratio = (wide[ctx.region] / wide[ctx.comparison]).dropna()
    if 2003 not in ratio.index:
        return None
    last = int(ratio.index.max())
    energy = _energy_per_gdp()
    parts = []
    if 2003 in energy.index:
        end = int(energy.index.max())
        parts.append(
            _(
                "China's total energy use per 10,000 yuan of GDP at current prices went from "
                "{first} t of standard coal in 2003 to {last} t in {end} (same release; rising "
                "prices lower this ratio too, so it overstates the fall in energy intensity); no "
                "provincial total energy use was found, so the provinces' own energy intensity "
                "cannot be computed."
            ).format(first=number(energy[2003], 2), last=number(energy[end], 2), end=end)
        )
    changes = load("environment_energy_mix", region="china", indicator="energy_per_gdp_change")
    if len(changes):
        parts.append(
            _(
                "Later, China's energy use per unit of GDP (official, at comparable prices) "
                "changed by {changes}."
            ).format(
                changes=findings._join(
                    [
                        _("{change} in {year} ({release})").format(
                            change=findings.signed(r.value, 1),
                            year=int(r.year),
                            release=releases.in_text(r.release),
                        )
                        for r in changes.sort_values("year").itertuples()
                    ],
                    "list",
                )
            )
        )
    source = _("physical coal over GDP, {release}, current prices").format(release=_(MAIN_LABEL))
    said = _(
        "**Coal per unit of GDP** ({source}): {value} t of coal per 10,000 yuan in {last}, "
        "**{ratio} times** China's ({ratio_first} times in 2003)."
    ).format(
        source=findings._source(ctx, source),
        value=number(wide.loc[last, ctx.region], 2),
        last=last,
        ratio=number(ratio[last], 1),
        ratio_first=number(ratio[2003], 1),
    )
    return findings._join([said, *parts], "sentences")


def coal_intensity_chart(ctx: Context) -> Figure:
    frame = ctx.named(ctx.in_years(coal_intensity_frame(ctx)))
    chart = charts.line(
        frame,
        "t_per_10k_yuan",
        _("t of coal per 10,000 yuan of GDP"),
        _("Coal burned per unit of GDP"),
        ctx.subtitle(
            _(
                "Coal in physical tonnes and GDP at current prices, both from the NBS release "
                "of c.2021; compare regions within a year"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
    )
    return Figure(chart, coal_intensity(ctx) or "*" + _("No years with both coal and GDP.") + "*")


MIX = {
    "coal_share_of_energy_consumption": N_("Coal"),
    "clean_energy_share_of_energy_consumption": N_("Clean energy"),
}


def energy_mix_frame() -> pd.DataFrame:
    """China's shares of coal and of clean energy in total energy consumption, one line per
    series and release; each year's first release is a release of its own (the 2019 figure
    from the 2019 communiqué, the 2020 one from the 2020 communiqué), so its own point
    (``segment``), never a line joining one year's first release to the next."""
    mix = load("environment_energy_mix", region="china", indicator=list(MIX))
    mix = mix[mix["release"].isin([MAIN, "first-release", "nbs-2012-reported"])]
    first = mix["release"] == "first-release"
    return mix.assign(
        series=[
            _("{series}, {release}").format(series=_(MIX[i]), release=releases.in_text(v))
            for i, v in zip(mix["indicator"], mix["release"], strict=True)
        ],
        segment=mix["indicator"]
        + "/"
        + mix["release"]
        + "/"
        + mix["year"].astype(str).where(first, ""),
    )


def energy_mix(ctx: Context) -> str | None:
    mix = energy_mix_frame()
    coal = mix[mix["indicator"] == "coal_share_of_energy_consumption"]
    main = coal[coal["release"] == MAIN].set_index("year")["value"]
    if main.empty:
        return None
    first, last = int(main.index.min()), int(main.index.max())
    later = coal[(coal["release"] == "first-release") & (coal["year"] > last)]
    clean = mix[(mix["indicator"] != "coal_share_of_energy_consumption")].sort_values("year")
    parts = [
        _(
            "coal **{first} %** of energy consumption in {first_year}, **{last} %** in "
            "{last_year} ({release})"
        ).format(
            first=number(main[first], 1),
            first_year=first,
            last=number(main[last], 1),
            last_year=last,
            release=_(MAIN_LABEL),
        )
    ]
    parts += [
        _("**{value} %** in {year} (first release, a separate release)").format(
            value=number(r.value, 1), year=int(r.year)
        )
        for r in later.sort_values("year").itertuples()
    ]
    if len(clean):
        parts.append(
            _("clean energy {values} (first releases)").format(
                values=findings._join(
                    [
                        _("{value} in {year}").format(
                            value=findings._percent(r.value, 1), year=int(r.year)
                        )
                        for r in clean.itertuples()
                    ],
                    "list",
                )
            )
        )
    return _("**Energy mix of China** (no provincial figure was found): {values}.").format(
        values=findings._join(parts, "clauses")
    )


def energy_mix_chart(ctx: Context) -> Figure:
    mix = ctx.in_years(energy_mix_frame())
    chart = charts.line(
        mix,
        "value",
        _("Share of total energy consumption (%)"),
        _("Energy mix of China"),
        _(
            "Coal and clean energy (natural gas, hydro, nuclear, wind, solar) as shares of "
            "energy consumption; each release its own line, each year's first release its own "
            "point; national only"
        ),
        color="series",
        segment="segment",
        fmt=".1f",
        zero=False,
    )
    return Figure(chart, energy_mix(ctx) or "*" + _("No energy mix figures.") + "*")


# -- CO2 -------------------------------------------------------------------------------------


def co2(ctx: Context) -> pd.DataFrame:
    frame = with_northeast(load("environment_co2"), "co2_mt")
    frame = ctx.in_years(frame[frame["region"].isin([ctx.region, ctx.comparison])])
    return ctx.named(frame)


def co2_chart(ctx: Context) -> Figure:
    frame = co2(ctx)
    own = frame[frame["region"] == ctx.region]
    drawn, title = charts.in_scale(own, "environment_co2", "co2_mt", "Mt")
    chart = charts.line(
        drawn,
        "co2_mt",
        title,
        _("CO2 emissions of {region}").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "CEADs inventory, IPCC sectoral approach, release 1997-2019 (no later release "
                "found); Northeast = sum of the three provinces"
            )
            if ctx.region == "northeast"
            else _(
                "CEADs inventory, IPCC sectoral approach, release 1997-2019 (no later release "
                "found)"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.1f" if drawn is own else ".2f",
    )
    if own.empty:
        return Figure(chart, "*" + _("No CO2 figures for these years.") + "*")
    peak = own.loc[own["co2_mt"].idxmax()]
    first, last = own.iloc[0], own.iloc[-1]
    caption = _(
        "CO2 emissions were **{first}** in {first_year} and **{last}** in {last_year} "
        "({change}); the highest year was {peak_year} with **{peak}**."
    ).format(
        first=i18n.amount(first.co2_mt, "Mt", largest=peak.co2_mt),
        first_year=int(first.year),
        last=i18n.amount(last.co2_mt, "Mt", largest=peak.co2_mt),
        last_year=int(last.year),
        change=findings.signed(100 * (last.co2_mt / first.co2_mt - 1), 0),
        peak_year=int(peak.year),
        peak=i18n.amount(peak.co2_mt, "Mt", largest=peak.co2_mt),
    )
    return Figure(chart, caption)


def intensity(ctx: Context) -> pd.DataFrame:
    return ctx.named(ctx.in_years(findings.intensity_frame(ctx)))


def intensity_chart(ctx: Context) -> Figure:
    frame = intensity(ctx)
    chart = charts.line(
        frame,
        "t_per_10k_yuan",
        _("t CO2 per 10,000 yuan of GDP"),
        _("CO2 per unit of GDP"),
        ctx.subtitle(
            _(
                "CEADs CO2 / GDP of the NBS release of c.2021 (current prices, so it also falls "
                "as prices rise); compare regions within a year"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
    )
    return Figure(chart, co2_intensity(ctx) or "*" + _("No years with both CO2 and GDP.") + "*")


# -- energy and air --------------------------------------------------------------------------


def coal_chart(ctx: Context) -> Figure:
    coal = load("environment_coal_use", region=ctx.own())
    coal = ctx.named(ctx.in_years(coal))
    chart = charts.line(
        coal,
        "coal_10k_t",
        _("Coal consumption (10,000 t, physical)"),
        _("Coal consumption of {region}").format(region=ctx.name()),
        ctx.subtitle(_("NBS release of c.2021, physical tonnes (not standard coal), to 2017")),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.0f",
        zero=False,
    )
    return Figure(chart, findings.coal(ctx) or "*" + _("No coal figures for these years.") + "*")


POLLUTANTS = {"so2": N_("SO2"), "nox": N_("NOx"), "soot_dust": N_("Soot and dust")}


def air_pollutants(ctx: Context) -> pd.DataFrame:
    # One figure per region, year, pollutant and scope: a second source's copy of the same
    # figure is never added to it (Inner Mongolia 2014 was drawn doubled).
    air = load("environment_air_pollutants", pollutant=list(POLLUTANTS), primary=True)
    air = air[air["region"].isin(ctx.own())]
    # An aggregate sums its members within one scope and year, only where all are published.
    keys = ["year", "pollutant", "scope"]
    counts = air.groupby(keys)["region"].nunique()
    full = counts[counts == len(ctx.own())].index
    summed = air.groupby(keys)["emission_10k_t"].sum().loc[full].reset_index()
    summed = ctx.in_years(summed.assign(region=ctx.region))
    return summed.assign(
        series=[_(POLLUTANTS[p]) for p in summed["pollutant"]],
        segment=summed["pollutant"] + "/" + summed["scope"],
    )


def air_chart(ctx: Context) -> Figure:
    air = air_pollutants(ctx)
    if air.empty:
        return Figure(None, "*" + _("No air pollutant figures for these years.") + "*")
    chart = charts.line(
        air,
        "emission_10k_t",
        charts.axis_title("environment_air_pollutants", "emission_10k_t"),
        _("Air pollutant emissions of {region}").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "MEE environmental statistics; the scope changed in 2014 (soot and dust), 2016 "
                "and 2017 (census), so each scope is its own segment"
            )
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
        return Figure(None, "*" + _("No PM2.5 figures for these years.") + "*")
    # A figure found only in a secondary copy is its own segment, never joined to the
    # bulletins' line, but in its network's series (one legend entry per network, one colour):
    # its source in the tooltip is marked †, as the list under the chart names it.
    marks = findings.secondary_marks("environment_pm25", pm)
    series = _("{region} ({network})")
    pm = pm.assign(
        series=[
            series.format(region=r, network=findings.flat(_(n)))
            for r, n in zip(pm["region_name"], pm["network"], strict=True)
        ],
        segment=pm["region"] + "/" + pm["network"] + "/" + marks,
        source=pm["source_id"].map(source_name) + marks,
    )
    chart = charts.line(
        pm,
        "pm25_ugm3",
        charts.axis_title("environment_pm25", "pm25_ugm3"),
        _("Fine particulate matter (PM2.5)"),
        ctx.subtitle(
            _(
                "Annual means as published; each monitoring network is its own series (the "
                "national network grew from 74 to 339 cities)"
            )
        ),
        color="series",
        segment="segment",
        fmt=".0f",
        column_tooltips=[alt.Tooltip("source:N", title=_("Source"))],
    )
    said = findings.pm25(ctx) or "*" + _("No provincial PM2.5 mean was found.") + "*"
    # the † list names every point the caption gives, those after the period included
    shown = pd.concat([pm, findings.pm25_beyond(ctx)], ignore_index=True)
    return Figure(chart, said, data=shown)


def _provinces() -> list[str]:
    """The provinces the reports cover (Liaoning, Jilin, Heilongjiang, Inner Mongolia)."""
    return [r for r in regions.reported() if not regions.members(r)]


def pm25_regions_frame() -> tuple[int | None, pd.DataFrame, list[str]]:
    """The one year with a PM2.5 mean for the most of the provinces and China (the latest of
    equals), their figures in that year, and the provinces without one."""
    places = [*_provinces(), "china"]
    pm = load("environment_pm25", region=places)
    counts = pm.groupby("year")["region"].nunique()
    if counts.empty:
        return None, pm.iloc[0:0], places
    year = int(counts[counts == counts.max()].index.max())
    rows = pm[pm["year"] == year].drop_duplicates("region")
    lacking = [p for p in places if p not in set(rows["region"])]
    order = {p: i for i, p in enumerate(places)}
    return year, rows.sort_values("region", key=lambda r: r.map(order)), lacking


def pm25_regions(ctx: Context) -> str | None:
    year, rows, lacking = pm25_regions_frame()
    if year is None:
        return None
    rows = rows.assign(mark=findings.secondary_marks("environment_pm25", rows))
    own = rows[rows["region"] != "china"]
    china = rows[rows["region"] == "china"]
    if own.empty or china.empty:
        return None
    value = _("{region} **{value}**, {network}")
    said = findings._join(
        [
            value.format(
                region=ctx.md_name(r.region),
                value=findings.as_precise(r.pm25_ugm3) + r.mark,
                network=esc(findings.flat(_(r.network))),
            )
            for r in own.itertuples()
        ],
        "clauses",
    )
    text = _(
        "**PM2.5 across the regions in {year}** (annual means in µg/m³ from the provincial "
        "bulletins and the national bulletin; the networks differ, Inner Mongolia is the whole "
        "region): {values}; China {china} ({network})."
    ).format(
        year=year,
        values=said,
        china=findings.as_precise(china["pm25_ugm3"].iloc[0]) + china["mark"].iloc[0],
        network=esc(findings.flat(_(china["network"].iloc[0]))),
    )
    if lacking:
        text = findings._join(
            [
                text,
                _("No {year} figure was found for {regions}.").format(
                    year=year,
                    regions=findings._join([ctx.md_name(r) for r in lacking], "names"),
                ),
            ],
            "sentences",
        )
    if DAGGER in text:
        text = findings._join([text, _(_SECONDARY_LEGEND)], "sentences")
    return text


def pm25_regions_chart(ctx: Context) -> Figure:
    year, rows, _lacking = pm25_regions_frame()
    if year is None or rows.empty:
        return Figure(None, "*" + _("No year has PM2.5 figures for several regions.") + "*")
    marks = findings.secondary_marks("environment_pm25", rows)
    # only the columns drawn travel into the page (not the compiler's notes)
    rows = ctx.named(rows[["region", "year", "network", "pm25_ugm3"]])
    rows = rows.assign(
        network=[findings.flat(_(n)) for n in rows["network"]],
        region_name=rows["region_name"] + marks,  # † on the bar's label and in its tooltip
    )
    chart = charts.bars(
        rows,
        "region_name",
        "pm25_ugm3",
        _("Region"),
        _("PM2.5, annual mean (µg/m³)"),
        _("PM2.5 across the regions in {year}").format(year=year),
        _("Annual means as published; the monitoring networks differ (see each bar's network)"),
        column_tooltips=[alt.Tooltip("network:N", title=_("Network"))],
        fmt=".1f",
    )
    return Figure(chart, pm25_regions(ctx) or "")


# -- days of good air quality ----------------------------------------------------------------

GOOD_AIR_MEASURES = {
    "all days": N_("all days"),
    "excluding sand-dust days": N_("excluding sand-dust days"),
}


def _good_air(region: str, year: int, network: str | None = None) -> pd.DataFrame:
    """The all-days shares of ``region`` in ``year`` (of ``network`` where given), the best
    copy first (a figure found only in a secondary copy last)."""
    days = load("environment_good_air_days", region=region, year=year, measure="all days")
    if network is not None:
        days = days[days["network"] == network]
    return days.assign(
        mark=findings.secondary_marks("environment_good_air_days", days)
    ).sort_values("mark", kind="stable")


def good_air_days(ctx: Context) -> Markdown:
    """One sentence per region: its latest share of days of good air quality (all days), and
    China's of that same year where one was found, never of another year."""
    days = load("environment_good_air_days", region=ctx.own(), measure="all days")
    parts = []
    for region in [r for r in ctx.own() if r in set(days["region"])]:
        year = int(days.loc[days["region"] == region, "year"].max())
        own = _good_air(region, year).iloc[0]
        china = _good_air("china", year)
        values = {
            "region": ctx.md_name(region),
            "year": year,
            "share": findings._percent(own.share_pct, 1) + own.mark,
        }
        china_years = set(
            load("environment_good_air_days", region="china", measure="all days")["year"]
        )
        own_years = set(
            days.loc[(days["region"] == region) & (days["network"] == own.network), "year"]
        )
        common = sorted(own_years & china_years)
        if not china.empty:
            first = china.iloc[0]
            said = _(
                "{region} {year}: **{share}** of days of good air quality, China {china}"
            ).format(**values, china=findings._percent(first.share_pct, 1) + first.mark)
        elif common:  # the latest year both print, on the same cities as the latest figure
            then = _good_air(region, common[-1], own.network).iloc[0]
            other = _good_air("china", common[-1]).iloc[0]
            said = _(
                "{region} {year}: **{share}** of days of good air quality (no national figure "
                "for {year} was found; in {common}: {then} against {china} for China)"
            ).format(
                **values,
                common=common[-1],
                then=findings._percent(then.share_pct, 1) + then.mark,
                china=findings._percent(other.share_pct, 1) + other.mark,
            )
        else:
            said = _(
                "{region} {year}: **{share}** of days of good air quality (no national figure "
                "for {year} was found)"
            ).format(**values)
        parts.append(said)
    if not parts:
        return Markdown(
            _("No share of days of good air quality was found for {region}.").format(
                region=ctx.md_name()
            )
        )
    text = _(
        "**Days of good air quality** (share of days with good or excellent air, as the "
        "bulletins and press releases print it; the cities covered differ, see the table): "
        "{values}."
    ).format(values=findings._join(parts, "clauses"))
    if DAGGER in text:
        text = findings._join([text, _(_SECONDARY_LEGEND)], "sentences")
    return Markdown(text)


def good_air_days_table(ctx: Context):
    days = load("environment_good_air_days", region=_regions(ctx))
    days = ctx.named(charts.by_region(days.sort_values(["year", "measure"])))
    days = days.assign(
        measure=[_(GOOD_AIR_MEASURES[m]) for m in days["measure"]],
        # the cities covered, a label declared with the dataset and translated as shown
        network=days["network"].map(_, na_action="ignore"),
        source=days["source_id"].map(source_name),
    )
    headers = {
        "region_name": _("Region"),
        "year": _("Year"),
        "measure": _("Days counted"),
        "network": _("Cities covered, as published"),
        "share_pct": _("Share of days (%)"),
        "source": _("Source"),
    }
    return table(
        days,
        headers,
        caption=_("Share of days with good air quality, every row"),
        digits=1,
        published=("source",),
        among=load("environment_good_air_days"),
    )


def _good_water(frame: pd.DataFrame) -> pd.DataFrame:
    """Shares of sections of good quality (grade I-III, or 'good' as published)."""
    good = frame["indicator"].str.contains("grade_I_III|good_quality", regex=True)
    return frame[good].dropna(subset=["share_pct"])


def _sections(network: object, region: str, remark: bool = False) -> str:
    """A water network's declared label as it reads after the region's name: without the
    name itself ('111 national assessment sections in Jilin' -> '111 national assessment
    sections'; 吉林省111个国家考核断面 -> 111个国家考核断面); its bracketed remark left out, or
    with ``remark`` kept as a clause ('150 national assessment sections, good = grade I-III')."""
    text = _(network) if isinstance(network, str) and network else ""
    for name in sorted({regions.names(i18n.current())[region], regions.names("en")[region]}):
        text = text.replace(f" in {name}", "").replace(name, "")
    if not remark:
        text = re.sub(r"\s*[(（][^()（）]*[)）]$", "", text)
    return findings.flat(text).strip(" ，,")


def water_quality(ctx: Context) -> str | None:
    water = _good_water(load("environment_water"))
    own = water[water["region"].isin(ctx.own())].sort_values("year").groupby("region").tail(1)
    china = water[
        (water["region"] == "china")
        & water["network"].fillna("").str.contains("national surface-water assessment sections")
    ].set_index("year")
    if own.empty:  # said, not left out: a reader asks about water in every region
        return _(
            "**Surface water of good quality**: no share of good-quality monitoring sections "
            "is catalogued for {region}. The environment bulletins read give none; the news "
            "reports that quote one count sections on bases they do not state alike, and are "
            "not catalogued yet."
        ).format(region=ctx.md_name())
    parts = []
    for r in own.itertuples():
        said = _("{region} in {year}: **{share}** of the {sections} of good quality").format(
            region=ctx.md_name(r.region),
            year=int(r.year),
            share=findings._percent(r.share_pct, 1),
            sections=esc(_sections(r.network, r.region)),
        )
        if r.year in china.index:
            said = _("{said}, against {share} for China").format(
                said=said, share=findings._percent(china.loc[r.year, "share_pct"], 1)
            )
        parts.append(said)
    return _(
        "**Surface water of good quality** (share of monitoring sections of grade I-III, "
        "provincial and national environment bulletins; the networks differ): {values}."
    ).format(values=findings._join(parts, "clauses"))


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
        return Figure(None, "*" + _("No water quality shares for these years.") + "*")
    series = _("{region}: {network}")
    water = water.assign(
        series=[
            series.format(region=name, network=_sections(n, r, remark=True))
            for r, name, n in zip(
                water["region"], water["region_name"], water["network"].fillna(""), strict=True
            )
        ],
        segment=water["region"] + "/" + water["network"].fillna("") + "/" + water["indicator"],
    )
    water = water.assign(series=_by_period(water))
    chart = charts.line(
        water,
        "share_pct",
        _("Sections of grade I-III, or good (%)"),
        _("Surface water: share of monitoring sections of good quality"),
        ctx.subtitle(_water_subtitle(water), provincial=False),
        color="series",
        segment="segment",
        fmt=".1f",
        zero=False,
    )
    return Figure(chart, _water_caption(water, ctx))


def _water_subtitle(water: pd.DataFrame) -> str:
    """The water chart's subtitle, naming the national networks it draws by their section
    counts (computed from the rows drawn: a network no line draws is not named)."""
    china = water.loc[water["region"] == "china", "network"].dropna()
    counts = sorted({int(m[1]) for n in china if (m := re.match(r"(\d+) ", n))})
    if not counts:
        return _(
            "Each monitoring network is its own series: the networks and their definitions "
            "changed (provincial sets)"
        )
    return _(
        "Each monitoring network is its own series: the networks and their definitions "
        "changed ({counts} national sections; provincial sets)"
    ).format(
        counts="、".join(f"{c}个" for c in counts)
        if i18n.current() == "zh"
        else ", ".join(str(c) for c in counts)
    )


def _by_period(water: pd.DataFrame) -> pd.Series:
    """Each series' label, with its years where one label covers runs of years apart: China's
    national sections of 2019 and of 2023-2024 (their count not printed) lie in two networks
    (1940 sections to 2020, 3641 from 2021), so each period is its own legend entry. A network
    whose count is printed ('1940 national ...') is one network, however its years run."""
    run = charts.runs(water, ["series", "segment"])
    first = water.groupby(run)["year"].transform("min")
    last = water.groupby(run)["year"].transform("max")
    periods = water.assign(run=run).groupby("series")["run"].transform("nunique")
    periods = periods.where(~water["network"].fillna("").str.match(r"\d"), 1)
    dash = "—" if i18n.current() == "zh" else "–"
    years = [str(a) if a == b else f"{a}{dash}{b}" for a, b in zip(first, last, strict=True)]
    return pd.Series(
        [
            _("{series}, {years}").format(series=s, years=y) if n > 1 else s
            for s, y, n in zip(water["series"], years, periods, strict=True)
        ],
        index=water.index,
    )


def _publisher_and_title(source_id: str) -> str:
    """A source by its publisher and title, in Chinese by its original ones where recorded:
    '黑龙江省环境保护厅《…》' names who gives a figure as well as where it was read."""
    record = SOURCES[source_id]
    if i18n.current() == "zh" and record.publisher_zh and record.title_zh:
        return f"{record.publisher_zh}，{record.title_zh}"
    return f"{record.publisher}: {record.title}"


def _short_source(source_id: str) -> str:
    """A source named briefly inside a sentence: in Chinese by its original title, in English
    by its publisher's abbreviation and its release ('MEE, bulletin for 2021')."""
    record = SOURCES[source_id]
    if i18n.current() == "zh" and record.title_zh:
        return record.title_zh
    short = re.search(r"\((\w+)[;)]", record.publisher)
    return f"{short[1] if short else record.publisher}, {record.release_label}"


def _basin_grades(ctx: Context) -> str:
    """The latest grade of each river basin that lies in the region (every basin for the
    Northeast), each with the source it is read from; empty where none does."""
    basins = load("environment_water", indicator="basin_water_quality_status")
    ours = [b for b, lying in regions.BASIN_PROVINCES.items() if set(lying) & set(ctx.own())]
    latest = basins[basins["region"].isin(ours)].sort_values("year").groupby("region").tail(1)
    grade = _("{region} {year}: {status} ({source})")
    return _listed(
        ctx,
        [
            grade.format(
                region=ctx.md_name(r.region),
                year=int(r.year),
                status=esc(findings.flat(_(r.status))),
                source=esc(findings.flat(_short_source(r.source_id))),
            )
            for r in charts.by_region(latest).itertuples()
        ],
    )


def _water_caption(water: pd.DataFrame, ctx: Context) -> str:
    own = water[water["region"].isin(ctx.own())].sort_values("year")
    grades = _basin_grades(ctx)
    basins = _("River basins of the region, as graded: {grades}.").format(grades=grades)
    if not len(own):
        said = _("No provincial share was found for {region}.").format(region=ctx.md_name())
    else:
        last = own.iloc[-1]
        said = _(
            "The latest provincial figure is **{share} %** ({region}, {year}, {network})."
        ).format(
            share=number(last.share_pct, 1),
            region=ctx.md_name(last.region),
            year=int(last.year),
            network=esc(_sections(last.network, last.region)),
        )
    return findings._join([said, basins], "sentences") if grades else said


# -- forests and reserves --------------------------------------------------------------------


def forest_chart(ctx: Context) -> Figure:
    forest = load("environment_forest_wetland", indicator="forest_coverage")
    forest = forest[
        forest["region"].isin(_regions(ctx)) & forest["survey"].str.startswith("inventory")
    ]
    if forest.empty:
        return Figure(None, "*" + _("No inventory figures.") + "*")
    # One bar per region and inventory (a figure printed twice is one bar).
    forest = forest.drop_duplicates(["region", "survey"]).sort_values(["region", "year"])
    release = _("Inventory {number}, {period}")
    forest = ctx.named(forest).assign(
        release=[
            release.format(
                number=i18n.ordinal(int(s.removeprefix("inventory-"))),
                period=inventory_period(s) or y,
            )
            for s, y in zip(forest["survey"], forest["year"], strict=True)
        ],
    )
    chart = charts.bars(
        forest,
        "region_name",
        "value",
        _("Region"),
        _("Forest coverage (%)"),
        _("Forest coverage by national forest inventory"),
        ctx.subtitle(_("Share of land under forest; each bar one inventory (its survey period)")),
        color="release",
        fmt=".2f",
    )
    return Figure(chart, findings.forest(ctx) or "")


def _data_table(
    ctx: Context,
    name: str,
    columns: dict[str, str],
    caption: str,
    code: tuple[str, ...] = (),
    published: tuple[str, ...] = (),
    one_precision: bool = False,
    **shown,
):
    """Every row of dataset ``name`` for the report's regions, as a table; each series named
    in words with its unit; ``shown`` maps a text column to how a reader sees its values;
    ``one_precision``: each series' values with the one precision it is published with."""
    frame = load(name)
    frame = charts.by_region(frame[frame["region"].isin(_regions(ctx))])
    if "inventory" in frame:  # an inventory's row is labelled with its period, as everywhere
        frame = frame.assign(
            year=[
                inventory_period(s) or y
                for s, y in zip(frame["inventory"], frame["year"], strict=True)
            ]
        )
    frame = frame.assign(**{c: frame[c].map(f, na_action="ignore") for c, f in shown.items()})
    if "source" in columns:  # a source by its title, never its id (source_id stays for †)
        frame = frame.assign(source=frame["source_id"].map(source_name))
    series = [label(i, u) for i, u in zip(frame["indicator"], frame["unit"], strict=True)]
    frame = ctx.named(frame).assign(series=series)
    if "value" in columns and one_precision:  # each series with one precision, as published
        digits = frame.groupby("indicator")["value"].transform(series_decimals)
        frame = frame.assign(
            value=[
                v if pd.isna(v) else number(v, int(d))
                for v, d in zip(frame["value"], digits, strict=True)
            ]
        )
    elif "value" in columns:  # as precise as the source: '1551' reserves, '17500' 万公顷
        frame = frame.assign(
            value=[v if pd.isna(v) else number(v, _decimals(v)) for v in frame["value"]]
        )
    headers = {"region_name": _("Region"), "year": _("Year"), "series": _("Series"), **columns}
    return table(frame, headers, caption=caption, code=code, published=published)


def _decimals(value: float) -> int:
    """The fewest decimals (at most 4) that write ``value`` as the data hold it: a figure
    published as 1.75亿公顷 is 17500 万公顷, not 17500.00."""
    return next((d for d in range(4) if round(value, d) == value), 4)


def series_decimals(values: pd.Series) -> int:
    """The one precision of a series, as published: the most decimals (at most 2) among its
    values; a value that needs more was converted (129,890,021 ha is 12,989.0021 万公顷) and
    is shown with the series' precision, not its own (12,989.0 beside 14,894.3)."""
    published = [d for d in (_decimals(round(float(v), 6)) for v in values.dropna()) if d <= 2]
    return max(published, default=0)


def forest_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_forest_cover",
        {
            "inventory": _("Inventory"),
            "value": _("Value"),
            "source": _("Source"),
            "note": _("Note"),
        },
        _(
            "Forest figures from the yearbooks and press releases (an inventory's rows by its "
            "survey period), every row"
        ),
        published=("source",),
        inventory=_survey,
        note=_,
    )


def reserves_chart(ctx: Context) -> Figure:
    nr = load("environment_nature_reserves", indicator="nature_reserves_share_of_area")
    nr = nr[nr["region"].isin(_regions(ctx))]
    if nr.empty:
        return Figure(None, "*" + _("No figures.") + "*")
    nr = ctx.named(nr).assign(year_label=nr["year"].astype(str))
    chart = charts.bars(
        nr,
        "region_name",
        "value",
        _("Region"),
        _("Share of territory (%)"),
        _("Nature reserves: share of territory"),
        ctx.subtitle(_("NBS yearbooks (2001, 2008) and provincial reports")),
        color="year_label",
        fmt=".1f",
        color_title=_("Year"),
    )
    # The yearbooks' figures are compared; a province's own later figure is named apart, with
    # its source (Heilongjiang 13.6 % in 2010 is its environment department's, not a yearbook's).
    yearbook = nr["source_id"].map(lambda s: SOURCES[s].publisher.startswith(NBS_PUBLISHER))
    last = charts.by_region(nr[yearbook].sort_values("year").groupby("region").tail(1))
    share = _("{region}: **{share} %** ({year})")
    shares = _listed(
        ctx,
        [
            share.format(region=ctx.md_name(r.region), share=number(r.value, 1), year=int(r.year))
            for r in last.itertuples()
        ],
    )
    caption = _(
        "Latest share of territory in nature reserves on the yearbooks' definition (share of "
        "the whole territory) — {shares}."
    ).format(shares=shares)
    other = _("{region} **{share}** in {year}, from {source}")
    provincial = nr[~yearbook & nr["region"].isin(ctx.own())].sort_values("year")
    if len(provincial):
        caption = findings._join(
            [
                caption,
                _("Not from the yearbooks: {shares}.").format(
                    shares=_listed(
                        ctx,
                        [
                            other.format(
                                region=ctx.md_name(r.region),
                                share=findings._percent(r.value, _decimals(r.value)),
                                year=int(r.year),
                                source=esc(_publisher_and_title(r.source_id)),
                            )
                            for r in charts.by_region(provincial).itertuples()
                        ],
                    )
                ),
            ],
            "sentences",
        )
    # A share on another definition is given beside it with its own, never in the same line.
    land = load("environment_nature_reserves", indicator="nature_reserves_share_of_land_area")
    land = land[land["region"].isin(_regions(ctx))]
    others = [
        other.format(
            region=ctx.md_name(r.region),
            share=findings._percent(r.value, _decimals(r.value)),
            year=int(r.year),
            source=esc(source_name(r.source_id)),
        )
        for r in charts.by_region(land.sort_values("year").groupby("region").tail(1)).itertuples()
    ]
    if others:
        caption = findings._join(
            [
                caption,
                _(
                    "On another definition, the share of land area: {shares}; the two "
                    "definitions are not compared."
                ).format(shares=_listed(ctx, others)),
            ],
            "sentences",
        )
    return Figure(chart, caption)


def reserves_table(ctx: Context):
    return _data_table(
        ctx,
        "environment_nature_reserves",
        {"value": _("Value"), "source": _("Source")},
        _("Nature reserves, every row"),
        published=("source",),
        one_precision=True,
    )


def heading(name: str) -> Markdown:
    """A section's heading that is dataset ``name``'s title, its one home: the text of "What is
    missing" refers to the section by that title."""
    return Markdown("## " + _(dataset(name).title))


OLD_POLLUTANTS = {
    "cod_discharge_industry": N_("COD, industry"),
    "cod_discharge_residential": N_("COD, residential"),
    "ammonia_n_discharge_industry": N_("Ammonia-N, industry"),
    "ammonia_n_discharge_residential": N_("Ammonia-N, residential"),
    "so2_emission_industry": N_("SO2, industry"),
    "soot_emission_industry": N_("Soot, industry"),
    "dust_emission_industry": N_("Dust, industry"),
}


def pollutant_chart(ctx: Context) -> Figure:
    pol = load("environment_pollutants", indicator=list(OLD_POLLUTANTS))
    pol = with_northeast(pol, "value", by=("indicator",))
    pol = pol[pol["region"] == ctx.region]
    if pol.empty:
        return Figure(None, "*" + _("No pollutant figures.") + "*")
    pol = pol.assign(
        pollutant=[_(OLD_POLLUTANTS[i]) for i in pol["indicator"]],
        year_label=pol["year"].astype(str),
    )
    chart = charts.bars(
        pol,
        "pollutant",
        "value",
        _("Pollutant"),
        _("Discharge or emission (10,000 t)"),
        _("Water and air pollutant discharges of {region}, 2008 and 2010").format(
            region=ctx.name()
        ),
        ctx.subtitle(
            _("NBS yearbooks 2009 and 2011 (pre-2011 scope); 2008 SO2, soot and dust not found")
        ),
        color="year_label",
        fmt=",.2f",
        horizontal=True,
        color_title=_("Year"),
    )
    cod = pol[pol["indicator"] == "cod_discharge_industry"].set_index("year")["value"]
    caption = (
        _("Industrial COD discharge: **{y2008}** in 2008, **{y2010}** in 2010.").format(
            y2008=i18n.amount(cod[2008], "10k t", largest=max(cod[2008], cod[2010])),
            y2010=i18n.amount(cod[2010], "10k t", largest=max(cod[2008], cod[2010])),
        )
        if {2008, 2010} <= set(cod.index)
        else _("Two years only: the yearbook tables found cover 2008 and 2010.")
    )
    return Figure(chart, caption)


DATASETS = {
    "environment_co2": N_("CO2"),
    "environment_coal_use": N_("Coal"),
    "environment_air_pollutants": N_("Air pollutants (2011-)"),
    "environment_pm25": N_("PM2.5"),
    "environment_water": N_("Water quality"),
    "environment_forest_wetland": N_("Forest inventories"),
    "environment_forest_cover": N_("Forest figures from the yearbooks and press releases"),
    "environment_nature_reserves": N_("Nature reserves"),
    "environment_pollutants": N_("Pollutants (2008, 2010)"),
    "environment_good_air_days": N_("Days of good air quality"),
}
# The wetland rows of environment_forest_wetland are surveys of their own, listed apart from the
# forest inventories; each national wetland survey is labelled with its survey period (State
# Forestry Administration), the 3rd land survey with its reference year.
WETLAND_SURVEYS = N_("Wetland surveys")
WETLAND_PERIODS = {"wetland-survey-1": (1995, 2003), "wetland-survey-2": (2009, 2013)}


def survey_period(survey: str) -> str | None:
    """A forest inventory's or a wetland survey's period ('inventory-9' -> '2014–2018',
    'wetland-survey-1' -> '1995–2003'; Chinese with '—'); None for another survey."""
    if survey in WETLAND_PERIODS:
        first, last = WETLAND_PERIODS[survey]
        return f"{first}{'—' if i18n.current() == 'zh' else '–'}{last}"
    return inventory_period(survey)


def in_period_order(labels: Iterable[str | int]) -> list[str | int]:
    """Years and survey periods ("2004—2008") by their end year, then by label: a period and a
    year that end alike (2004—2008, 2008) came out in a set's order, which changes from one
    process to the next (a Dask worker's report differed from the local build's)."""
    return sorted(labels, key=lambda y: (str(y)[-4:], str(y)))


def spans(years: list[int]) -> list[str]:
    """Years with each run of three or more consecutive ones as a span: [2011, ..., 2017, 2019]
    -> ['2011–2017', '2019'] (Chinese '2011—2017')."""
    dash = "—" if i18n.current() == "zh" else "–"
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    shown = []
    for run in runs:
        shown += [f"{run[0]}{dash}{run[-1]}"] if len(run) > 2 else [str(y) for y in run]
    return shown


def _coverage_rows(ctx: Context) -> list[tuple[str, pd.DataFrame]]:
    """Each dataset's rows of the region under the title it is listed with; the wetland rows of
    the forest inventories' dataset apart, as the surveys they are."""
    parts = []
    for name, title in DATASETS.items():
        frame = load(name)
        frame = frame[frame["region"].isin(ctx.own())]
        if name == "environment_forest_wetland":
            wetland = frame["indicator"].str.startswith("wetland")
            parts += [(title, frame[~wetland]), (WETLAND_SURVEYS, frame[wetland])]
        else:
            parts.append((title, frame))
    return parts


def _coverage_line(ctx: Context, title: str, frame: pd.DataFrame) -> str:
    survey = next((c for c in ("inventory", "survey") if c in frame), None)
    if survey:  # an inventory's rows counted by its period, as they are labelled
        labels = {
            survey_period(s) or str(y) for s, y in zip(frame[survey], frame["year"], strict=True)
        }
        shown = in_period_order(labels)
    else:
        shown = spans([int(y) for y in frame["year"].unique()])
    count = len(shown) if survey else frame["year"].nunique()
    if not count:
        said = _("**{title}:** no year for {region}.")
    elif survey and count == 1:
        said = _("**{title}:** {region} has figures for one survey period or year ({years}).")
    elif survey:
        said = _("**{title}:** {region} has figures for {count} survey periods or years ({years}).")
    elif count == 1:
        said = _("**{title}:** {region} has one year of data ({years}).")
    else:
        said = _("**{title}:** {region} has {count} years of data ({years}).")
    years = _listed(ctx, [str(y) for y in shown], ", ")
    return said.format(title=_(title), count=count, region=ctx.md_name(), years=years)


def coverage_statement(ctx: Context) -> Markdown:
    """Which years each environment dataset holds for the region, computed from the data."""
    lines = [_coverage_line(ctx, title, frame) for title, frame in _coverage_rows(ctx)]
    return Markdown("\n".join("- " + line for line in lines))
