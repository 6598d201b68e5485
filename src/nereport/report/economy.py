"""Economy report: real growth, GDP by release, national share, per-capita GDP, population and
the census map, economic structure, employment.

Every derived figure (share, ratio, cumulative growth) is computed within one release (the
column ``release``); a line never joins two releases: each release is its own segment.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from nereport import i18n
from nereport.data import dataset, load, regions, releases
from nereport.data.series import with_northeast
from nereport.i18n import N_, _
from nereport.report import charts, findings
from nereport.report.context import Context, Figure, esc, number, table

# The release that has every province and China over 2000-2019, for level, share, ratio; the
# names of every release are in nereport.data.releases.
MAIN_RELEASE = releases.MAIN
release_name = releases.name


# The releases of GDP in the order they were published (a revision is measured from the older).
RELEASE_ORDER = (
    "csy-2000",
    "csy-2006",
    "csy-2007",
    "cnki-to-2009",
    "compendium-2008",
    "csy-annual",
    "nbs-2018",
    "cnki-2010-2018",
    "cnki-2019",
    releases.MAIN,
    "nbs-2025",
)


def revision(rows: pd.DataFrame) -> tuple:
    """The oldest and the newest release's rows among ``rows`` (one year, several releases)."""
    order = {r: i for i, r in enumerate(RELEASE_ORDER)}
    ranked = rows.assign(order=rows["release"].map(order).fillna(-1)).sort_values("order")
    return ranked.iloc[0], ranked.iloc[-1]


def _listing(ctx: Context, parts: list[str]) -> str:
    """Clauses joined with the semicolon of the report's language: 'a; b', 'a；b'."""
    return ("；" if ctx.zh else "; ").join(parts)


def _clauses(ctx: Context, parts: list[str]) -> str:
    """Clauses made one sentence: 'a; b.', 'a；b。'."""
    return _listing(ctx, parts) + ("。" if ctx.zh else ".")


def _sentences(ctx: Context, *sentences: str) -> str:
    """Sentences one after the other (Chinese puts no space after its full stop)."""
    return ("" if ctx.zh else " ").join(s for s in sentences if s)


def people(count_10k: float) -> str:
    """A number of people given in 10,000 persons, as the report's language counts them: English
    in millions (2 decimals: '106.73'), Chinese in 万 (no decimals: '10,673'); the message's
    'million' is translated as 万人."""
    scale, digits = findings.PEOPLE[i18n.current()]
    return number(count_10k * 1e4 / scale, digits)


def _italic(text: str) -> str:
    return f"*{text}*"


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [
            findings.real_growth,
            findings.national_share,
            findings.prices,
            findings.per_capita,
            findings.income,
            findings.fiscal,
            findings.investment,
            findings.census_population,
            findings.ageing,
            findings.provinces,
            findings.grain,
            findings.structure,
        ],
    )


# -- growth ----------------------------------------------------------------------------------


def _first_points() -> str:
    """The subtitle line of a chart that draws first releases: each year's is a point."""
    return _("Each year's first release is a point of its own")


def real_growth(ctx: Context) -> pd.DataFrame:
    growth = load("economy_gdp_index", region=[*ctx.own(), ctx.comparison])
    growth = ctx.named(ctx.in_years(growth))
    # One line per region, release and unbroken run of years: a missing year breaks the line.
    # Each year's first release is a point of its own.
    growth = growth.assign(alone=findings.apart(growth))
    segment = findings.segments(growth, ["region", "release", "alone"])
    return growth.assign(segment=segment, release_name=growth["release"].map(release_name))


def real_growth_chart(ctx: Context) -> Figure:
    growth = real_growth(ctx)
    chart = charts.line(
        growth,
        "growth_pct",
        _("Real GDP growth on previous year (%)"),
        _("Real GDP growth: {region} and {comparison}").format(
            region=ctx.name(), comparison=ctx.name(ctx.comparison)
        ),
        ctx.subtitle(
            _(
                "Published volume indices (comparable prices): NBS release c.2021 to 2019, "
                "first releases after; separate segments, never joined, broken at a missing year"
            ),
            _first_points() if growth["alone"].ne("").any() else "",
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        segment="segment",
        zero=True,
    )
    return Figure(chart, _growth_caption(growth, ctx), data=growth)


def _growth_caption(growth: pd.DataFrame, ctx: Context) -> str:
    main = growth[growth["release"] == MAIN_RELEASE]
    wide = main.pivot_table(index="year", columns="region", values="growth_pct")
    own = [r for r in ctx.own() if r in wide]
    if wide.empty or ctx.comparison not in wide or not own:
        return _italic(_("No real growth figures for these years."))
    parts = []
    for region in own:
        ahead = int((wide[region] > wide[ctx.comparison]).sum())
        peak = wide[region].idxmax()
        parts.append(
            _(
                "{region} grew faster than {comparison} in **{ahead} of {total}** years (its own "
                "fastest year: {year}, {growth} %; {comparison} {comparison_growth} %)"
            ).format(
                region=ctx.md_name(region),
                comparison=ctx.md_name(ctx.comparison),
                ahead=ahead,
                total=wide[region].notna().sum(),
                year=int(peak),
                growth=number(wide[region][peak], 1),
                comparison_growth=number(wide[ctx.comparison][peak], 1),
            )
        )
    # The release is named once, before its regions.
    return _("In the NBS release of c.2021: {clauses}").format(clauses=_clauses(ctx, parts))


# How a level's note says it follows a data correction and breaks with the years before it.
BREAK_NOTE = "a break against"


def _first_release_gdp() -> pd.DataFrame:
    """GDP as first released (the communiqués' and January releases' figures) that only the
    value-added table holds: one figure per region and year, each its own release."""
    va = load("economy_value_added", release=findings.FIRST_RELEASE)
    return va.dropna(subset=["gdp_cny_100m"]).drop_duplicates(["region", "year"])[
        ["region", "year", "release", "gdp_cny_100m", "source_id", "note"]
    ]


def gdp_levels(ctx: Context) -> pd.DataFrame:
    """The region's GDP in every release, with ``segment``: a line per release and unbroken
    run of years, broken where a level follows a data correction (the data's note), and a
    point of its own for each first release (each year's figure is that year's release)."""
    # economy_gdp's releases, and the main release, whose GDP sits beside its sectors: the one
    # every share, deflator and per-person figure of the report is computed in; first
    # releases that only the value-added table holds (economy_gdp's own copy comes first).
    every = pd.concat(
        [load("economy_gdp"), findings.gdp_main(), _first_release_gdp()], ignore_index=True
    ).drop_duplicates(["region", "year", "release"], keep="first")
    every = every.assign(corrected=every["note"].fillna("").str.contains(BREAK_NOTE))
    gdp = with_northeast(every, "gdp_cny_100m", by=("release",))
    # A sum is corrected where one of its members is.
    corrected = every.groupby(["release", "year"])["corrected"].any()
    gdp = gdp.assign(
        corrected=[
            bool(c) if c == c else bool(corrected.get((r, y), False))
            for r, y, c in zip(gdp["release"], gdp["year"], gdp["corrected"], strict=True)
        ]
    )
    gdp = ctx.in_years(gdp[gdp["region"] == ctx.region])
    gdp = gdp.assign(alone=findings.apart(gdp))
    return gdp.assign(
        series=gdp["release"].map(release_name),
        segment=findings.segments(gdp, ["release", "corrected", "alone"]),
    )


def gdp_breaks(gdp: pd.DataFrame) -> list[tuple[str, int, int]]:
    """Where a release's line breaks at a data correction: (release, last year before, first
    year after) for each release whose corrected levels follow uncorrected ones."""
    found = []
    for release, rows in gdp.sort_values("year").groupby("release", sort=False):
        years = rows.set_index("year")["corrected"]
        for year in years.index:
            if years[year] and year - 1 in years.index and not years[year - 1]:
                found.append((str(release), int(year - 1), int(year)))
    return found


# The economic censuses after which NBS revised provincial GDP the most: the release before
# each revision and the one after it (a revision is read between these two, never guessed).
CENSUS_REVISIONS = (
    (N_("the 4th economic census (2018)"), "nbs-2018", releases.MAIN),
    (N_("the 5th economic census (2023)"), releases.MAIN, findings.LATER),
)


def census_revision(ctx: Context, before: str, after: str) -> tuple[int, float, float] | None:
    """The region's GDP in the latest year both ``before`` and ``after`` give: (year, before's
    figure, after's figure); None where they share no year. An aggregate sums its members
    within each release."""
    gdp = gdp_levels(ctx).pivot_table(index="year", columns="release", values="gdp_cny_100m")
    if before not in gdp or after not in gdp:
        return None
    both = gdp[[before, after]].dropna()
    if both.empty:
        return None
    year = int(both.index.max())
    return year, float(both.loc[year, before]), float(both.loc[year, after])


def census_revisions(ctx: Context) -> Markdown:
    """How the revisions after the 4th and 5th economic censuses moved the region's GDP, each
    direction read from the two releases' figures for the same year."""
    said = []
    for census, before, after in CENSUS_REVISIONS:
        found = census_revision(ctx, before, after)
        if found is None:
            continue
        year, old, new = found
        message = (
            _("after {census}, {change} lower for {year} ({before}: {old}; {after}: {new})")
            if new < old
            else _("after {census}, {change} higher for {year} ({before}: {old}; {after}: {new})")
        )
        largest = max(old, new)
        said.append(
            message.format(
                census=_(census),
                change=_("{value} %").format(value=number(abs(100 * (new / old - 1)), 1)),
                year=year,
                before=esc(releases.in_text(before)),
                old=i18n.amount(old, "100 million yuan", 4, largest=largest),
                after=esc(releases.in_text(after)),
                new=i18n.amount(new, "100 million yuan", 4, largest=largest),
            )
        )
    intro = _(
        "NBS has revised provincial GDP several times, most strongly after the 4th (2018) and "
        "5th (2023) economic censuses. Each release is drawn as its own line."
    )
    if not said:
        return Markdown(intro)
    revised = _("{gdp} as revised: {revisions}.").format(
        gdp=_gdp_of(ctx), revisions=_listing(ctx, said)
    )
    return Markdown(_sentences(ctx, intro, revised[:1].upper() + revised[1:]))


def _gdp_of(ctx: Context) -> str:
    """The region's GDP, for prose: 'Liaoning's GDP'; an aggregate's members after the noun,
    not between its name and the possessive: 'the Northeast's GDP (Liaoning, Jilin and
    Heilongjiang)'."""
    members = regions.members(ctx.region)
    if not members:
        return _("{region}'s GDP").format(region=ctx.md_name())
    names = [ctx.md_name(m) for m in members]
    return _("the Northeast's GDP ({provinces})").format(
        provinces=_("{list} and {last}").format(
            list=("、" if ctx.zh else ", ").join(names[:-1]), last=names[-1]
        )
    )


def gdp_chart(ctx: Context) -> Figure:
    gdp = gdp_levels(ctx)
    chart = charts.line(
        gdp,
        "gdp_cny_100m",
        _("GDP (100 million yuan, current prices)"),
        _("GDP of {region}, every release").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "One line per release: NBS revised GDP after each economic census, so the "
                "lines differ; they are never joined"
            )
        ),
        color="series",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        segment="segment",
    )
    if gdp.empty:
        return Figure(chart, _italic(_("No GDP figures for these years.")))
    # The latest year that the most releases give: how the newest release revised the figure
    # of the oldest one (its base).
    count = gdp.groupby("year")["series"].nunique()
    year = int(count[count == count.max()].index.max())
    first, last = revision(gdp[gdp["year"] == year])
    change = 100 * (last.gdp_cny_100m / first.gdp_cny_100m - 1)
    largest = max(first.gdp_cny_100m, last.gdp_cny_100m)
    message = (
        _(
            "{releases} releases give {gdp}; for {year}, the newest of the {count} that "
            "print it ({last_release}: **{last}**) is **{change} %** below the oldest "
            "({first_release}: **{first}**)."
        )
        if change < 0
        else _(
            "{releases} releases give {gdp}; for {year}, the newest of the {count} that "
            "print it ({last_release}: **{last}**) is **{change} %** above the oldest "
            "({first_release}: **{first}**)."
        )
    )
    caption = message.format(
        releases=gdp["series"].nunique(),
        gdp=_gdp_of(ctx),
        year=year,
        count=count[year],
        first_release=esc(first.series),
        # Four digits, in the scale of the larger: a revision of 1.5 % shows in them.
        first=i18n.amount(first.gdp_cny_100m, "100 million yuan", 4, largest=largest),
        last_release=esc(last.series),
        last=i18n.amount(last.gdp_cny_100m, "100 million yuan", 4, largest=largest),
        change=number(abs(change), 1),
    )
    breaks = [
        _("between {before} and {after} ({release})").format(
            release=esc(releases.in_text(release)), before=before, after=after
        )
        for release, before, after in gdp_breaks(gdp)
    ]
    if breaks:
        caption = _sentences(
            ctx,
            caption,
            _(
                "A line breaks where its levels follow a provincial data correction and do not "
                "continue the years before: {breaks}."
            ).format(breaks=_listing(ctx, breaks)),
        )
    if ctx.region == "northeast":
        caption = _sentences(
            ctx, caption, _("The Northeast is the sum of the three provinces within each release.")
        )
    return Figure(chart, caption)


# -- national share and per-capita GDP -------------------------------------------------------


def national_share(ctx: Context) -> pd.DataFrame:
    share = ctx.named(findings.share_frame(ctx))
    years = share.groupby("release")["year"].agg(["min", "max"])
    return share.assign(
        series=share["release"].map(
            lambda v: _("{release}, {start}–{end}").format(
                release=releases.name(v), start=years.at[v, "min"], end=years.at[v, "max"]
            )
        )
    )


def share_chart(ctx: Context) -> Figure:
    share = ctx.in_years(national_share(ctx))
    chart = charts.line(
        share,
        "share_pct",
        _("Share of national GDP (%)"),
        _("Share of China's GDP: {region}").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "Region and national GDP from one release in each line; the two releases "
                "overlap in 2015-2019 and are never joined"
            )
        ),
        color="series",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".2f",
        zero=False,
    )
    main = share[share["release"] == findings.MAIN].set_index("year")["share_pct"]
    if main.empty:
        return Figure(chart, _italic(_("No share can be computed for these years.")))
    low = int(main.idxmin())
    caption = _(
        "In the NBS release of c.2021 the share moved from **{first} %** ({first_year}) to "
        "**{last} %** ({last_year}){extreme}."
    ).format(
        first=findings.stated("national_share", ctx.region, findings.MAIN, int(main.index[0])),
        first_year=int(main.index[0]),
        last=findings.stated("national_share", ctx.region, findings.MAIN, int(main.index[-1])),
        last_year=int(main.index[-1]),
        extreme=findings.extreme(
            main, low, findings.stated("national_share", ctx.region, findings.MAIN, low)
        ),
    )
    later = share[share["release"] == findings.LATER].set_index("year")["share_pct"]
    if not later.empty:
        caption = _sentences(
            ctx,
            caption,
            _(
                "The later release, revised after the 5th economic census, gives {first_year}: "
                "{first} %; {last_year}: **{last} %**."
            ).format(
                first=findings.stated(
                    "national_share", ctx.region, findings.LATER, int(later.index[0])
                ),
                first_year=int(later.index[0]),
                last=findings.stated(
                    "national_share", ctx.region, findings.LATER, int(later.index[-1])
                ),
                last_year=int(later.index[-1]),
            ),
        )
    return Figure(chart, caption)


def prices_chart(ctx: Context) -> Figure:
    """The implicit GDP deflator (2003 = 100) of the region(s) and the comparison."""
    deflator = ctx.named(ctx.in_years(findings.deflator_frame(ctx)))
    chart = charts.line(
        deflator,
        "deflator_index",
        _("Implicit GDP deflator, 2003 = 100"),
        _("Prices: the implicit GDP deflator"),
        ctx.subtitle(
            _(
                "Current-price GDP over the volume chained from the published indices, both "
                "from the NBS release of c.2021"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".0f",
        zero=False,
        baseline=100,
    )
    return Figure(chart, findings.prices(ctx) or _italic(_("No deflator can be computed.")))


def per_capita_chart(ctx: Context) -> Figure:
    ratio = ctx.named(ctx.in_years(findings.per_capita_frame(ctx)))
    first = ctx.named(ctx.in_years(findings.per_capita_frame(ctx, findings.FIRST_RELEASE)))
    drawn = pd.concat([ratio, first], ignore_index=True)
    # Each year's first release is a point of its own, as in the chart of GDP in every release.
    drawn = drawn.assign(alone=findings.apart(drawn))
    drawn = drawn.assign(segment=findings.segments(drawn, ["region", "release", "alone"]))
    chart = charts.line(
        drawn,
        "relative",
        _("GDP per person, China = 100"),
        _("GDP per person relative to the national level"),
        ctx.subtitle(
            _(
                "Both from the NBS release of c.2021 (current prices), 2000-2019; the "
                "Northeast's three provinces shown"
            )
            if ctx.region == "northeast"
            else _("Both from the NBS release of c.2021 (current prices), 2000-2019"),
            _(
                "After 2020, first releases where the province and the nation both have one, "
                "drawn apart"
            )
            if not first.empty
            else "",
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".0f",
        zero=False,
        segment="segment",
        baseline=100,
    )
    if ratio.empty:
        return Figure(chart, _italic(_("No per-capita figures for these years.")))
    below = ratio[ratio["relative"] < 100].groupby("region")["year"].count()
    years = ratio.groupby("region")["year"].count()
    every = _("{region} was below the national level in **all {total}** years")
    some = _("{region} was below the national level in **{below} of {total}** years")
    parts = [
        (every if below.get(r, 0) == years[r] else some).format(
            region=ctx.md_name(r), below=below.get(r, 0), total=years[r]
        )
        for r in sorted(years.index, key=regions.rank().get)
    ]
    caption = _("{clauses} (a value under 100 is below China's GDP per person).").format(
        clauses=_listing(ctx, parts)
    )
    return Figure(chart, caption)


# -- public finance, investment, income -----------------------------------------------------


def fiscal_chart(ctx: Context) -> Figure:
    frame = ctx.named(ctx.in_years(findings.fiscal_frame(ctx)))
    # The years of inflated revenue are a series of their own in the legend.
    frame = frame.assign(
        region_name=frame["region_name"].where(
            ~frame["inflated"],
            frame["region_name"].map(lambda n: _("{region}, inflated revenue").format(region=n)),
        )
    )
    chart = charts.line(
        frame,
        "self_sufficiency_pct",
        _("Own revenue, share of spending (%)"),
        _("Fiscal self-sufficiency: {region} and {comparison}").format(
            region=ctx.name(), comparison=ctx.name(ctx.comparison)
        ),
        ctx.subtitle(
            _(
                "Local general-budget revenue over local general-budget expenditure, NBS release "
                "of c.2021; China: all local governments"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".0f",
        zero=True,
        segment="segment",
    )
    return Figure(chart, findings.fiscal(ctx) or _italic(_("No budget figures for these years.")))


def investment_chart(ctx: Context) -> Figure:
    frame = ctx.named(ctx.in_years(findings.fai_frame(ctx)))
    # The break is named only where a line drawn has levels on both sides of a correction.
    broken = (frame.groupby("region")["corrected"].nunique() > 1).any()
    chart = charts.line(
        frame,
        "fai_cny_100m",
        _("Fixed-asset investment (100 million yuan)"),
        _("Fixed-asset investment, total society"),
        ctx.subtitle(
            _(
                "Current prices, NBS release of c.2021; provincial levels end in 2017, after "
                "which NBS publishes growth rates only; a line breaks where a province corrected "
                "its data"
            )
            if broken
            else _(
                "Current prices, NBS release of c.2021; provincial levels end in 2017, after "
                "which NBS publishes growth rates only"
            )
        ),
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=",.0f",
        segment="segment",
    )
    return Figure(
        chart, findings.investment(ctx) or _italic(_("No investment figures for these years."))
    )


def income_chart(ctx: Context) -> Figure:
    frame = ctx.named(ctx.in_years(findings.income_frame(ctx)))
    chart = charts.line(
        frame,
        "relative",
        _("Disposable income per person, China = 100"),
        _("Household income relative to the national level"),
        ctx.subtitle(
            _("All residents, integrated household survey, NBS release of c.2021, 2013-2019")
        ),
        start=ctx.start,
        end=ctx.end,
        fmt=".0f",
        zero=False,
        baseline=100,
    )
    return Figure(chart, findings.income(ctx) or _italic(_("No income figures for these years.")))


# -- China's regions, the 31 provinces, grain ------------------------------------------------


def regions_chart(ctx: Context) -> Figure:
    """The NBS four regions' shares of the 31 provinces' summed GDP, one release for every
    year: the 2025/26 export, 2006-2024 (never joined to the c.2021 release)."""
    share = ctx.in_years(findings.macro_share_frame(findings.PROVINCES_LATER))
    if share.empty:
        return Figure(None, _italic(_("No provincial figures for these years.")))
    # In the NBS order (East, Centre, West, Northeast; findings.MACRO_REGIONS), not the labels'
    # alphabet: the legend, the colours and the description follow the data's order.
    rank = {m: i for i, m in enumerate(findings.MACRO_REGIONS)}
    share = share.sort_values(
        ["macro_region", "year"],
        key=lambda c: c.map(rank) if c.name == "macro_region" else c,
        kind="stable",
    )
    share = share.assign(series=share["macro_region"].map(lambda m: _(findings.MACRO_LABELS[m])))
    chart = charts.line(
        share,
        "share_pct",
        _("Share of the 31 provinces' GDP (%)"),
        _("China's four regions: share of the provinces' GDP"),
        _(
            "NBS four-region grouping; nominal GDP of all 31 provinces, one release: NBS portal "
            "2025/26, after the 5th economic census (2006-2024)"
        ),
        color="series",
        start=ctx.start,
        end=ctx.end,
        marks=charts.MARKED_YEARS,
        fmt=".1f",
    )
    return Figure(chart, findings.provinces(ctx) or "")


def grain_chart(ctx: Context) -> Figure:
    """The region's share of national grain output, each release's years on their own."""
    frame = ctx.in_years(findings.grain_share_frame(ctx))
    if frame.empty:
        return Figure(None, _italic(_("No grain figures for these years.")))
    labels = dict(zip(findings.GRAIN_RELEASES, findings.GRAIN_LABELS, strict=True))
    frame = frame.sort_values("year").assign(series=frame["release"].map(lambda v: _(labels[v])))
    # On a year scale: 2015 and 2022 stand seven years apart, the releases' gap in sight.
    chart = charts.year_bars(
        frame,
        "share_pct",
        _("Share of national grain output (%)"),
        _("Grain output of {region}, share of China's").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "Only years where the region and the nation have one figure in the same "
                "release; bars of different releases are not one series"
            )
        ),
        fmt=".1f",
    )
    grain = load("economy_grain_output", region=[*ctx.own(), "china"])
    drawn = grain.merge(frame[["year", "release"]], on=["year", "release"])
    return Figure(chart, findings.grain(ctx) or "", data=drawn)


# -- population ------------------------------------------------------------------------------


def population(ctx: Context) -> pd.DataFrame:
    pop = with_northeast(_drawable_population(), "population_10k", by=("release",))
    pop = ctx.in_years(pop[pop["region"] == ctx.region]).sort_values(["release", "year"])
    # A line per release and unbroken run of years; each year's first release a point of its own.
    pop = pop.assign(alone=findings.apart(pop))
    return pop.assign(
        series=pop["release"].map(release_name),
        segment=findings.segments(pop, ["release", "alone"]),
    )


def _drawable_population() -> pd.DataFrame:
    """Year-end population without the values the data flags as doubtful."""
    pop = load("economy_population")
    return pop[pop["note"].fillna("").str.strip().eq("")]


def _flagged_population(ctx: Context) -> pd.DataFrame:
    pop = load("economy_population", region=ctx.own())
    flagged = pop[pop["note"].fillna("").str.strip().ne("")]
    return ctx.in_years(flagged)


def _flagged_value(ctx: Context, r) -> str:
    """A doubtful value for a reader: the value beside the years around it in its release
    (why it is doubtful, in figures), not the compiler's note."""
    same = load("economy_population", region=r.region, release=r.release)
    same = same.set_index("year")["population_10k"]
    said = _("{region} {year} ({release}): {value} million").format(
        region=ctx.md_name(r.region),
        year=int(r.year),
        release=esc(releases.in_text(r.release)),
        value=people(r.population_10k),
    )
    secondary = str(r.note).startswith("secondary source")  # read only in a secondary copy
    # The years around it only for a value flagged as doubtful (they show why); a value left
    # out only for its copy is not in doubt, its neighbours would suggest it is.
    if not secondary and r.year - 1 in same.index and r.year + 1 in same.index:
        said = _(
            "{said}, against {before} million in {year_before} and {after} million in {year_after}"
        ).format(
            said=said,
            before=people(same[r.year - 1]),
            year_before=int(r.year - 1),
            after=people(same[r.year + 1]),
            year_after=int(r.year + 1),
        )
    if secondary:
        said = _("{said}, secondary source").format(said=said)
    kept = _drawn_copy(r)
    if kept is not None:  # another copy of the same first release is drawn for that year
        said = _("{said}, a second copy of the figure the line shows ({value} million)").format(
            said=said, value=people(kept.population_10k)
        )
    return said


def _drawn_copy(r) -> pd.Series | None:
    """The row drawn for the same region and year from another copy of the same first release
    (Inner Mongolia 2022: the ACMR brief's 2401.2 is left out, the communiqué's 2401.17 is
    drawn), or None."""
    if not str(r.release).startswith(findings.FIRST_RELEASE):
        return None
    drawn = _drawable_population()
    drawn = drawn[(drawn["region"] == r.region) & (drawn["year"] == r.year)]
    drawn = drawn[drawn["release"].str.startswith(findings.FIRST_RELEASE)]
    drawn = drawn[drawn["release"] != r.release]
    return drawn.iloc[0] if len(drawn) else None


def _decimals(value: float) -> int:
    """The decimals a figure is printed to (at most 4, as the data keep them)."""
    return len(f"{value:.4f}".rstrip("0").partition(".")[2])


def _agrees_with_drawn(r) -> bool:
    """Whether ``r`` is a copy of a first release whose figure the line draws from another
    copy, the two agreeing at the less precise one's printed precision (Inner Mongolia 2022:
    2401.2 and 2401.17)."""
    kept = _drawn_copy(r)
    if kept is None:
        return False
    digits = min(_decimals(r.population_10k), _decimals(kept.population_10k))
    return abs(r.population_10k - kept.population_10k) <= 0.5 * 10**-digits + 1e-9


def population_chart(ctx: Context) -> Figure:
    pop = population(ctx)
    chart = charts.line(
        pop,
        "population_10k",
        charts.axis_title("economy_population", "population_10k"),
        _("Year-end population of {region}").format(region=ctx.name()),
        ctx.subtitle(
            _("One line per release: the 7th census (2020) revised 2011-2019"),
            _first_points() if pop["alone"].ne("").any() else "",
        ),
        color="series",
        start=ctx.start,
        end=ctx.end,
        fmt=",.0f",
        zero=False,
        segment="segment",
    )
    caption = ""
    # Within the release that reaches furthest among those drawn as a line (two years or more:
    # a single first-release point is no change). First releases are each year's own
    # announcement, not a series: the sentence takes a revised series wherever one is drawn
    # (Inner Mongolia's official first releases 2021-2023 are drawn, yet its sentence follows
    # the NBS series revised after the 7th census, as every other report's does).
    lines = pop[pop.groupby("release")["year"].transform("nunique") >= 2]
    lines = lines[~lines["release"].str.startswith(findings.FIRST_RELEASE)]
    if len(lines):
        newest = lines[lines["release"] == lines.loc[lines["year"].idxmax(), "release"]]
        newest = newest.sort_values("year")
        first, last = newest.iloc[0], newest.iloc[-1]
        caption = _(
            "In the latest revised series ({release}), year-end population went from "
            "**{first}** million in {first_year} to **{last}** million in {last_year} ({change})."
        ).format(
            # A region only partly in the policy area: its whole population, said so (as the
            # census sentence beside it gives its policy-area prefectures').
            release=findings.whole_region(ctx, esc(releases.in_text(last.release))),
            first=people(first.population_10k),
            first_year=int(first.year),
            last=people(last.population_10k),
            last_year=int(last.year),
            change=findings.signed(100 * (last.population_10k / first.population_10k - 1)),
        )
    flagged = _flagged_population(ctx)
    # A second copy that agrees with the figure drawn (to the precision it prints) is not in
    # doubt: it is no news to a reader, and not listed.
    flagged = flagged[[not _agrees_with_drawn(r) for r in flagged.itertuples()]]
    if not flagged.empty:
        notes = _listing(
            ctx,
            [
                _flagged_value(ctx, r)
                for r in flagged.sort_values(["release", "year", "region"]).itertuples()
            ],
        )
        left_out = (
            _(
                "Left out of the lines and from the Northeast sum, as doubtful or found only in "
                "a secondary copy: {notes}."
            )
            if ctx.region == "northeast"
            else _("Left out of the lines, as doubtful or found only in a secondary copy: {notes}.")
        )
        caption = _sentences(ctx, caption, left_out.format(notes=notes))
    return Figure(chart, caption or _italic(_("No population figures for these years.")))


def census_map(ctx: Context) -> Figure:
    """Census population change 2010-2020 by prefecture-level unit: a province's report maps
    the whole policy area with the province outlined; an aggregate's (the Northeast: the three
    provinces) maps its own units only, the units its key finding sums."""
    change = findings.census_change()
    aggregate = bool(regions.members(ctx.region))
    if aggregate:
        change = change[change["region"].isin(regions.map_units(ctx.region))]
    geo = load("geo_boundaries")
    units = geo[geo["region"].isin(change["region"])].merge(change, on="region")
    units = units.assign(
        name=units["region"].map(ctx.names),
        selected=units["region"].isin(regions.map_units(ctx.region)),
    )
    subtitle = (
        _("All {units} prefecture-level units of {region}, 6th and 7th censuses on 2020 boundaries")
        if aggregate
        else _(
            "All {units} prefecture-level units of the policy area, 6th and 7th censuses "
            "on 2020 boundaries; {region} outlined"
        )
    )
    chart = charts.change_map(
        units,
        "change_pct",
        _("Population change 2010-2020 (%)"),
        _("Census population change by prefecture, 2010-2020"),
        ctx.subtitle(subtitle.format(units=len(units), region=ctx.name()), provincial=False),
    )
    caption = _sentences(
        ctx, findings.census_map_sentence(change, ctx), findings.census_caveat(ctx)
    )
    return Figure(chart, caption)


def _in_order(slugs: list[str]):
    """A sort key that puts a ``region`` column in the order of ``slugs``."""
    rank = {slug: i for i, slug in enumerate(slugs)}
    return lambda column: column.map(rank) if column.name == "region" else column


def ageing_chart(ctx: Context) -> Figure:
    """The share aged 65 and over at the 2010 and 2020 censuses: the report's own regions (the
    Northeast's three provinces, else the province) and its comparison (China), as the text
    beside it; bars only where a census communiqué printed the share (a printed change is not
    a share)."""
    # The regions the ageing finding speaks of, no other (an Inner Mongolia bar stood in the
    # three provinces' report), in the order of the region table.
    shown = [*ctx.own(), ctx.comparison]
    shares = findings.ageing_frame()
    shares = shares[(shares["measure"] == "share") & shares["region"].isin(shown)]
    shares = ctx.named(shares.sort_values(["region", "year"], key=_in_order(shown)))
    shares = shares.assign(series=shares["year"].map(lambda y: _("{year} census").format(year=y)))
    chart = charts.bars(
        # Only the columns drawn travel into the page (the rows' notes stay in the data).
        shares[["region_name", "value", "series"]],
        "region_name",
        "value",
        _("Region"),
        _("Aged 65 and over, share of residents (%)"),
        _("Ageing: residents aged 65 and over at the 2010 and 2020 censuses"),
        ctx.subtitle(
            _(
                "6th and 7th census communiqués (NBS table of the provinces for 2020), read in "
                "secondary copies; a 2010 bar only where a 2010 share was read"
            )
        ),
        color="series",
        fmt=".2f",
    )
    return Figure(
        chart,
        findings.ageing(ctx) or _italic(_("No census age figures for this region.")),
        data=shares,
    )


# -- structure -------------------------------------------------------------------------------


def sector_chart(ctx: Context) -> Figure:
    va = ctx.in_years(findings.structure_frame(ctx))
    if va.empty:  # also where the years chosen lie outside the release's
        return Figure(None, _italic(_("No sector figures in the years chosen.")))
    chart = charts.stacked_shares(
        # The sectors named in the report's language (the stacking follows sector_order).
        va.assign(
            sector=va["sector"].map(dataset("economy_value_added").column("sector").value_label)
        ),
        _("Structure of the economy: {region}").format(region=ctx.name()),
        ctx.subtitle(
            # '% of' would read as a printf directive to gettext tools: the sign is a placeholder.
            _(
                "Value added by sector, {percent} of GDP of the same release (NBS c.2021), "
                "2000-2019"
            ).format(percent="%")
        ),
    )
    share = va.pivot_table(index="year", columns="sector", values="share_of_gdp_pct")
    top = share["secondary"].idxmax()
    return Figure(chart, _structure_caption(share, top))


def _leads(share: pd.DataFrame) -> list[tuple[str, int, int]]:
    """The larger of industry and construction (secondary) and services (tertiary), run by run:
    (sector, first year, last year) for each run of years one sector led, so that every
    crossover shows (services lead, then industry, then services again)."""
    runs: list[list] = []
    for year, row in share.sort_index().iterrows():
        leader = "tertiary" if row["tertiary"] > row["secondary"] else "secondary"
        if runs and runs[-1][0] == leader and runs[-1][2] == year - 1:
            runs[-1][2] = int(year)
        else:
            runs.append([leader, int(year), int(year)])
    return [tuple(run) for run in runs]


# The sector that led a run of years, and that led one year.
_LEAD = {
    "tertiary": N_("services in {start}–{end}"),
    "secondary": N_("industry and construction in {start}–{end}"),
}
_LEAD_YEAR = {
    "tertiary": N_("services in {start}"),
    "secondary": N_("industry and construction in {start}"),
}


def _structure_caption(share: pd.DataFrame, top: int) -> str:
    """When industry and construction peaked, and which of them and services was the larger in
    which years (every change of lead, not only the first). A maximum in the first or last year
    shown is no peak: it is said to be the highest of the years shown."""
    first, last = int(share.index.min()), int(share.index.max())
    figures = {"peak": number(share["secondary"][top], 1), "year": int(top)}
    peak = (
        _(
            "Industry and construction was at its highest of the years shown ({first}–{last}) "
            "in {year}: **{peak} %** of GDP"
        ).format(first=first, last=last, **figures)
        if top in (first, last)
        else _("Industry and construction peaked at **{peak} %** of GDP in {year}").format(
            **figures
        )
    )
    runs = _leads(share)
    if len(runs) == 1 and runs[0][0] == "secondary":
        return _("{peak}; services stayed smaller in every year shown.").format(peak=peak)
    if len(runs) == 1:
        return _("{peak}; services were larger in every year shown.").format(peak=peak)
    leads = [
        _((_LEAD_YEAR if first == last else _LEAD)[sector]).format(start=first, end=last)
        for sector, first, last in runs
    ]
    return _("{peak}; the larger of the two: {leads}.").format(
        peak=peak, leads=("，" if i18n.current() == "zh" else ", ").join(leads)
    )


# -- employment ------------------------------------------------------------------------------

EMPLOYMENT_SERIES = {
    "employment_urban_units": N_("Employment in urban non-private units"),
    "employment_private_and_individual": N_("Private and individual employment"),
}


def employment_chart(ctx: Context) -> Figure:
    emp = load("economy_employment", indicator=list(EMPLOYMENT_SERIES))
    emp = with_northeast(emp, "value", by=("indicator",))
    emp = ctx.in_years(emp[emp["region"] == ctx.region])
    if emp.empty:
        return Figure(None, _italic(_("No employment series for these years.")))
    emp = emp.assign(series=emp["indicator"].map(lambda i: _(EMPLOYMENT_SERIES[i])))
    chart = charts.line(
        emp,
        "value",
        _("Persons employed (10,000)"),
        _("Employment in {region}").format(region=ctx.name()),
        ctx.subtitle(
            _(
                "NBS portal release 2025/26; urban non-private units 2008-2024, private and "
                "individual 2006-2019"
            )
        ),
        color="series",
        fmt=",.1f",
    )
    urban = emp[emp["indicator"] == "employment_urban_units"].sort_values("year")
    if len(urban) < 2:
        return Figure(chart, "")
    first, last = urban.iloc[0], urban.iloc[-1]
    caption = _(
        "Employment in urban non-private units went from **{first}** million in "
        "{first_year} to **{last}** million in {last_year} (**{change}**)."
    ).format(
        first=people(first.value),
        first_year=int(first.year),
        last=people(last.value),
        last_year=int(last.year),
        change=findings.signed(100 * (last.value / first.value - 1)),
    )
    return Figure(chart, caption)


def unemployment_table(ctx: Context):
    emp = load("economy_employment", indicator="registered_unemployment_rate_urban")
    wanted = [*regions.members("northeast"), "inner-mongolia", "northeast", "china"]
    # The report's years only (the 2006 yearbook's table also gives 1990).
    emp = ctx.in_years(emp[emp["region"].isin(wanted)])
    wide = emp.pivot_table(index="region", columns="year", values="value").reset_index()
    wide = charts.by_region(wide).assign(region=lambda f: f["region"].map(ctx.names))
    wide.columns = [str(c) for c in wide.columns]
    headers = {c: (_("Region") if c == "region" else c) for c in wide.columns}
    # Rates as NBS prints them: one decimal (4.7, not 4.70).
    caption = _("Urban registered unemployment rate (%), by year")
    return table(wide, headers, caption=caption, digits=1)


# Questions the report cannot answer yet, and why (what the data cover is in the findings).
NOT_COVERED = (
    N_(
        "**Ageing in Jilin and Heilongjiang since 2010:** their 2020 shares aged 65 and over "
        "are shown, but neither their 2010 shares nor the change printed by their census "
        "communiqués were found."
    ),
    N_(
        "**Rank by GDP per person among the 31 provinces after 2019:** the 2025/26 release "
        "gives the 31 provinces' GDP only (ranks by GDP and the four regions' shares to 2024 "
        "come from it); the one release with their GDP per person and population stops in "
        "2019 (NBS portal, c.2021)."
    ),
    N_(
        "**Grain in 2020-2024 for every province:** first releases were found for some years "
        "only; a year counts where the region and the nation have one figure in the same "
        "release. The region's role in energy is in the environment report."
    ),
    N_(
        "**Fiscal self-sufficiency and investment after 2019:** the budget first releases "
        "found give a province's and China's revenue and spending together for Liaoning in "
        "2020 only; provincial investment levels end in 2017 (growth rates only since)."
    ),
    N_(
        "**GDP per person of Jilin and Heilongjiang after 2019, and household income after "
        "2022 (Inner Mongolia: 2023):** no later release covering the province and China "
        "together was found."
    ),
)


def not_covered(ctx: Context) -> Markdown:  # noqa: ARG001 - every report lists the same
    """What the report does not answer, with the reason, below the datasets' own gaps."""
    return Markdown("\n".join(f"- {_(note)}" for note in NOT_COVERED))


__all__ = [
    "ageing_chart",
    "census_map",
    "census_revisions",
    "employment_chart",
    "gdp_chart",
    "grain_chart",
    "key_findings",
    "not_covered",
    "per_capita_chart",
    "fiscal_chart",
    "income_chart",
    "investment_chart",
    "population_chart",
    "prices_chart",
    "real_growth_chart",
    "regions_chart",
    "sector_chart",
    "share_chart",
    "unemployment_table",
]
