"""Key findings: the sentences a reader comes for, each computed from the data and naming its
period and release. A finding that the data cannot support is left out (the section says
which), never guessed.

Each ``<finding>(ctx)`` returns one Markdown sentence or None; the ``*_frame`` functions return
the rows the sentence and its chart are computed from.

The headline figures (growth over a period, share of national GDP, per-person ratios, the
deflator, fiscal self-sufficiency, investment, income, census change, CO2 change) are declared
once in HEADLINES (``@headline(id, release, digits)``) and stated through :func:`stated`, so
every report and both languages print the same rounded number for the same period.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import Markdown

from nereport import i18n
from nereport.data import grades, load, provenance, regions, releases
from nereport.data.series import annual_rate, cumulative_growth
from nereport.i18n import N_, _
from nereport.report.context import _SECONDARY_LEGEND, DAGGER, Context, esc, flat, number

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
PEOPLE = {"en": (1e6, 2), "zh": (1e4, 0)}


# The memos of the findings computed once per report (cleared together by :func:`forget`).
_MEMOS: list[dict] = []


def forget() -> None:
    """Forget the findings computed and the figures stated so far in this process, so that
    building the reports again states every figure again (what STATED records)."""
    for memo in _MEMOS:
        memo.clear()
    STATED.clear()


def _once(finding: Callable[[Context], str | None]) -> Callable[[Context], str | None]:
    """Compute a finding once per report: the key findings and a chart's caption share it."""
    memo: dict[tuple, tuple] = {}
    _MEMOS.append(memo)

    @functools.wraps(finding)
    def wrapper(ctx: Context) -> str | None:
        key = (ctx.topic, *sorted(ctx.params.items()), os.environ.get("NEREPORT_DATA_DIR"))
        return _remembered(memo, key, lambda: finding(ctx))

    return wrapper


def _remembered(memo: dict[tuple, tuple], key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per ``key`` in ``memo``; each use notes again the data it read (the
    sources section of a report run a second time in one process cites them all the same)."""
    if key in memo:
        result, events = memo[key]
        provenance.replay(events)
        return result
    with provenance.captured() as events:
        result = compute()
    memo[key] = (result, events)
    return result


def _frame_once(key: Callable[..., tuple]) -> Callable:
    """Compute a frame once per ``key(*args)`` and data folder (headline figures of several
    years read the same frame); each caller gets its own frame (its data copied on write)."""

    def decorate(compute: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        memo: dict[tuple, tuple] = {}
        _MEMOS.append(memo)

        @functools.wraps(compute)
        def wrapper(*args: Any) -> pd.DataFrame:
            found = (*key(*args), os.environ.get("NEREPORT_DATA_DIR"))
            return _remembered(memo, found, lambda: compute(*args)).copy(deep=False)

        return wrapper

    return decorate


def signed(value: float, digits: int = 1) -> str:
    """A change in per cent, for prose: '+3.2 %', '−12.4 %' (Chinese '增长3.2%', '下降12.4%');
    rounded half away from zero like every number of a report."""
    return i18n.change(value, digits)


# -- headline figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    """A headline figure, declared once: what it is, the release it is computed within, its
    rounding, and the one function that computes it for a region and a period. Every report
    and both languages read it through :func:`stated`, so they state the same number."""

    id: str
    release: str  # the release id; RELEASE_ARGUMENT where the figure takes it as an argument
    digits: int
    compute: Callable[..., float | None]


RELEASE_ARGUMENT = "(the first period argument)"
HEADLINES: dict[str, Headline] = {}
# Figures computed so far, per data folder (a test may point the package at edited data).
_VALUES: dict[tuple, tuple] = {}
# What the reports stated, per (figure, region, period): the test of one figure, one number
# reads it after building every report's findings.
STATED: dict[tuple, set[str]] = {}


def headline(id: str, release: str, digits: int) -> Callable:
    """Declare the decorated function as the computation of headline figure ``id``."""

    def declare(compute: Callable[..., float | None]) -> Callable[..., float | None]:
        HEADLINES[id] = Headline(id, release, digits, compute)
        return compute

    return declare


def value(id: str, region: str, *period: object) -> float | None:
    """Headline figure ``id`` of ``region`` over ``period``, computed once per data folder."""
    key = (id, region, *period, os.environ.get("NEREPORT_DATA_DIR"))
    return _remembered(_VALUES, key, lambda: HEADLINES[id].compute(region, *period))


def stated(id: str, region: str, *period: object, sign: bool = False) -> str:
    """Headline figure ``id`` as a report states it, rounded as declared; recorded in STATED."""
    figure = HEADLINES[id]
    found = value(id, region, *period)
    if found is None:
        return _("n/a")
    text = signed(found, figure.digits) if sign else number(found, figure.digits)
    STATED.setdefault((id, region, *period), set()).add(number(found, figure.digits))
    return text


def _percent(value: float, digits: int = 1) -> str:
    """A share in per cent, where the per-cent sign cannot stand in the sentence's message
    (Babel would take '% f' in '23.0 % for' for a printf format): '23.0 %', '23.0%'."""
    return _("{value} %").format(value=number(value, digits))


def _join(parts: list[str], kind: str) -> str:
    """Parts of a finding joined with the report language's mark of ``kind`` (see _MARKS)."""
    return _MARKS[i18n.current()][kind].join(parts)


def whole_region(ctx: Context, source: str) -> str:
    """``source`` with the region's scope where it needs saying (see ``_source``)."""
    return _source(ctx, source)


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


def _chained(region: str, start: int, end: int, release: str = MAIN) -> tuple[float, float] | None:
    rows = load("economy_gdp_index", region=region, release=release)
    total = cumulative_growth(rows, start, end)
    return None if total is None else (total, annual_rate(total, end - start))


@headline("real_growth_rate", MAIN, 1)
def real_growth_rate(region: str, start: int, end: int) -> float | None:
    """Average real growth a year (compounded) from ``start`` to ``end``, published indices of
    the main release."""
    chained = _chained(region, start, end)
    return None if chained is None else chained[1]


@headline("real_growth_total", MAIN, 0)
def real_growth_total(region: str, start: int, end: int) -> float | None:
    """Real growth in all from ``start`` to ``end``, main release."""
    chained = _chained(region, start, end)
    return None if chained is None else chained[0]


@_once
def real_growth(ctx: Context) -> str | None:
    """Real growth since 2003 and since 2016, region(s) against the comparison, one release."""
    end = 2019  # the last year of the one release that covers every region
    parts = []
    for start in POLICY_YEARS:
        base = value("real_growth_rate", ctx.comparison, start, end)
        own = [(r, value("real_growth_rate", r, start, end)) for r in ctx.own()]
        if base is None or any(g is None for _r, g in own):
            continue
        said = _join(
            [
                _("{region} **{rate} %** a year ({total} in all)").format(
                    region=ctx.md_name(r),
                    rate=stated("real_growth_rate", r, start, end),
                    total=stated("real_growth_total", r, start, end, sign=True),
                )
                for r, _g in own
            ],
            "list",
        )
        faster = [r for r, g in own if g > base]
        if len(faster) == len(own):
            period = _(
                "{start} to {end}: {regions}, faster than {comparison} (**{rate} %** a year)"
            )
        elif not faster:
            period = _(
                "{start} to {end}: {regions}, slower than {comparison} (**{rate} %** a year)"
            )
        else:
            period = _(
                "{start} to {end}: {regions}, partly faster than {comparison} (**{rate} %** a year)"
            )
        parts.append(
            period.format(
                start=start,
                end=end,
                regions=said,
                comparison=ctx.md_name(ctx.comparison),
                rate=stated("real_growth_rate", ctx.comparison, start, end),
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


# The first releases' period: the 14th Five-Year Plan's years so far. One period for every
# region and report; the nation's figure is averaged over the years each region's is (one
# number per period in every report).
FIRST_RELEASE = "first-release"
FIRST_PERIOD = (2021, 2024)


def _first_release_years(region: str) -> dict[int, float]:
    """The first-release growth rates of ``region`` within FIRST_PERIOD, by year."""
    rows = load("economy_gdp_index", region=region, release=FIRST_RELEASE)
    rows = rows[rows["year"].between(*FIRST_PERIOD)].dropna(subset=["growth_pct"])
    return dict(zip(rows["year"].astype(int), rows["growth_pct"], strict=True))


def first_release_run(region: str) -> tuple[int, int] | None:
    """The years ``region``'s first-release average covers: FIRST_PERIOD's first year to the
    last year before any gap; None where the first year itself is missing."""
    years = _first_release_years(region)
    start = FIRST_PERIOD[0]
    if start not in years:
        return None
    end = start
    while end + 1 in years:
        end += 1
    return start, end


@headline("first_release_growth_rate", FIRST_RELEASE, 1)
def first_release_growth_rate(region: str, start: int, end: int) -> float | None:
    """Average real growth a year (compounded) over the first releases of ``start``..``end``
    (every year present; None otherwise)."""
    years = _first_release_years(region)
    if any(y not in years for y in range(start, end + 1)):
        return None
    factor = 1.0
    for y in range(start, end + 1):
        factor *= 1 + years[y] / 100
    return 100 * (factor ** (1 / (end - start + 1)) - 1)


@headline("first_release_growth", FIRST_RELEASE, 1)
def first_release_growth(region: str, year: int) -> float | None:
    """Real growth of one year as first released."""
    return _first_release_years(region).get(year)


def _first_release_periods(region: str) -> tuple[tuple[int, int] | None, list[int]]:
    """What ``region``'s first-release growth is stated over: the run averaged (two years or
    more, else None) and the years stated one by one."""
    years = _first_release_years(region)
    run = first_release_run(region)
    if run and run[1] > run[0]:
        return run, [y for y in sorted(years) if y > run[1]]
    return None, sorted(years)


def _growth_dagger(region: str, years: range) -> str:
    """A dagger after a first-release growth figure of ``region`` resting on a rate of
    ``years`` found only in a secondary source; else nothing."""
    marks = (_dagger("economy_gdp_index", [region], y, release=FIRST_RELEASE) for y in years)
    return next((m for m in marks if m), "")


def _paired(ctx: Context, said: str, id: str, *period: object) -> str:
    """``said`` with the comparison's figure ``id`` over the same ``period`` beside it, where
    the comparison has one: 'Liaoning **4.6 %** a year from 2020 to 2024 (China 5.3 %)'; a
    dagger after the comparison's figure where it rests on a secondary-only rate."""
    if value(id, ctx.comparison, *period) is None:
        return said
    paired = _("{said} ({comparison} {value} %)").format(
        said=said, comparison=ctx.md_name(ctx.comparison), value=stated(id, ctx.comparison, *period)
    )
    mark = _growth_dagger(ctx.comparison, range(period[0], period[-1] + 1))
    return paired[:-1] + mark + paired[-1] if mark else paired  # inside the closing bracket


def _first_release_parts(
    ctx: Context, region: str, run: tuple[int, int] | None, alone: list[int]
) -> list[str]:
    """``region``'s first-release growth averaged over ``run`` and in each year of ``alone``,
    each with the comparison's over the same years. An average is stated from the level of the
    year before the run to the level of its last year (the rates averaged are the run's own:
    from 2020 to 2024 averages the rates of 2021, 2022, 2023 and 2024), as the release's
    growth from 2003 to 2019 is."""
    parts = []
    if run:
        said = _("**{rate} %** a year from {base} to {end}").format(
            rate=stated("first_release_growth_rate", region, *run), base=run[0] - 1, end=run[1]
        ) + _growth_dagger(region, range(run[0], run[1] + 1))
        parts.append(_paired(ctx, said, "first_release_growth_rate", *run))
    for year in alone:
        said = _("{year}: {rate} %").format(
            rate=stated("first_release_growth", region, year), year=year
        ) + _growth_dagger(region, range(year, year + 1))
        parts.append(_paired(ctx, said, "first_release_growth", year))
    return parts


def _first_release_clause(ctx: Context, region: str) -> str | None:
    """One region's first-release growth: an average over the years it covers without a gap,
    the years outside that run one by one, and the missing years named; the comparison's
    figure over the same years beside each."""
    years = _first_release_years(region)
    if not years:
        return None
    parts = _first_release_parts(ctx, region, *_first_release_periods(region))
    missing = [y for y in range(FIRST_PERIOD[0], max(years) + 1) if y not in years]
    if missing:
        parts.append(
            _("no figure found for {years}, so not averaged").format(
                years=_join([str(y) for y in missing], "names")
            )
        )
    return _("{region} {values}").format(region=ctx.md_name(region), values=_join(parts, "list"))


def _first_release_growth(ctx: Context) -> str | None:
    """First-release growth of each region over FIRST_PERIOD, each over the years it has (a
    gap is named, never averaged over), beside the comparison's over those same years."""
    said = [c for c in (_first_release_clause(ctx, r) for r in ctx.own()) if c]
    if not said or not _first_release_years(ctx.comparison):
        return None
    text = _(
        "First releases of {start}–{end} (a separate release; compounded averages of the annual "
        "rates, {comparison}'s over the same years in brackets): {values}."
    ).format(
        start=FIRST_PERIOD[0],
        end=FIRST_PERIOD[1],
        comparison=ctx.md_name(ctx.comparison),
        values=_join(said, "clauses"),
    )
    return _legend(text)


def apart(frame: pd.DataFrame) -> pd.Series:
    """A segment key that draws each year's first release as a point of its own (each year's
    figure is that year's release, never joined to the next): the year for a first release's
    row (any copy of it), nothing for a row of a revised series."""
    first = frame["release"].astype(str).str.startswith(FIRST_RELEASE)
    return frame["year"].astype(str).where(first, "")


def segments(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """A line id per row: one per ``keys`` group and unbroken run of years, so that a chart
    line never bridges a missing year (nor joins two groups)."""
    frame = frame.sort_values([*keys, "year"])
    group = frame[keys].astype(str).agg("/".join, axis=1)
    gap = (frame["year"].diff() != 1) | (group != group.shift())
    run = gap.astype(int).groupby(group).cumsum()
    return (group + "/" + run.astype(str)).reindex(frame.index)


# -- national share --------------------------------------------------------------------------


def gdp_main() -> pd.DataFrame:
    """GDP by region and year from the value-added table of the main release (one GDP per
    region and year, the figure printed beside its sectors)."""
    va = load("economy_value_added", release=MAIN)
    return va.dropna(subset=["gdp_cny_100m"]).drop_duplicates(["region", "year"])[
        ["region", "year", "release", "gdp_cny_100m"]
    ]


# The later release: NBS portal figures revised after the 5th economic census, provinces from
# the 分省年度数据 export of 2025/26 (economy_gdp `nbs-2025`), China from the 年度数据 export
# of March 2025 (economy_value_added `nbs-2025-03`), 2015-2023. Never joined to MAIN.
LATER = "nbs-2025"
LATER_LABEL = N_("NBS portal after the 5th economic census, exports of 2025/26")
LATER_CHINA = "nbs-2025-03"
# The March 2025 export prints China's 2024 GDP as the preliminary figure (初步核算; its raw
# file says "2024 preliminary"), while the 2025/26 provincial export gives 2024 as revised
# (Liaoning 32,540.8 against its preliminary 32,612.7): a 2024 share would divide a revised
# figure by a preliminary one, two releases. The year is left out of the later share.
LATER_CHINA_PRELIMINARY = 2024


def _gdp_later() -> pd.DataFrame:
    """GDP by region and year of the later release: the provinces' and China's, without
    China's preliminary year (see LATER_CHINA_PRELIMINARY)."""
    provinces = load("economy_gdp", release=LATER)[["region", "year", "gdp_cny_100m"]]
    china = load("economy_value_added", release=LATER_CHINA, region="china")
    china = china.dropna(subset=["gdp_cny_100m"]).drop_duplicates(["region", "year"])
    china = china[china["year"] != LATER_CHINA_PRELIMINARY]
    frame = pd.concat([provinces, china[["region", "year", "gdp_cny_100m"]]], ignore_index=True)
    return frame.assign(release=LATER)


def _share(gdp: pd.DataFrame, own: list[str]) -> pd.Series:
    """``own``'s GDP as % of China's within one release, years where all of ``own`` and China
    are published."""
    rows = gdp[gdp["region"].isin(own)].groupby("year")
    part = rows["gdp_cny_100m"].sum()[rows["region"].nunique() == len(own)]
    whole = gdp[gdp["region"] == "china"].set_index("year")["gdp_cny_100m"]
    return (100 * part / whole).dropna().rename("share_pct")


# An extreme named by its year, after the sentence's other figures.
_EXTREME = {
    "highest": N_("highest in {year} ({value} %)"),
    "lowest": N_("lowest in {year} ({value} %)"),
}


def extreme(series: pd.Series, year: int, said: str) -> str:
    """The clause naming ``series``' (indexed by year) highest or lowest value, that of
    ``year``, stated as ``said``, with the clause mark before it: '; highest in 2009 (2.04 %)'.
    Nothing where ``year`` is the first or last year of the series: an extreme at an endpoint
    is no peak (the series may go on beyond it), and the sentences that name an extreme state
    their endpoints' values already."""
    if year in (int(series.index.min()), int(series.index.max())):
        return ""
    which = "highest" if series[year] == series.max() else "lowest"
    return _MARKS[i18n.current()]["clauses"] + _(_EXTREME[which]).format(year=year, value=said)


@headline("national_share", RELEASE_ARGUMENT, 2)
def national_share_pct(region: str, release: str, year: int) -> float | None:
    """``region``'s GDP as % of China's in ``year``, both from ``release``."""
    own = list(regions.members(region)) or [region]
    share = _share(gdp_main() if release == MAIN else _gdp_later(), own)
    return float(share[year]) if year in share.index else None


def share_frame(ctx: Context) -> pd.DataFrame:
    """The region's GDP as % of China's, both from one release: the main release (2000-2019)
    and the later one (2015-2023), each its own rows; an aggregate is the sum of its members in
    years where all are published."""
    frames = [
        _share(gdp, ctx.own()).reset_index().assign(release=release)
        for release, gdp in ((MAIN, gdp_main()), (LATER, _gdp_later()))
    ]
    return pd.concat(frames, ignore_index=True).assign(region=ctx.region)


@_once
def national_share(ctx: Context) -> str | None:
    frame = share_frame(ctx)
    share = frame[frame["release"] == MAIN].set_index("year")["share_pct"]
    if share.empty:
        return None
    years = [y for y in (2000, *POLICY_YEARS) if y in share.index] + [int(share.index.max())]
    said = _join(
        [
            _("{year}: **{share} %**").format(
                year=y, share=stated("national_share", ctx.region, MAIN, y)
            )
            for y in dict.fromkeys(years)
        ],
        "clauses",
    )
    peak = int(share.idxmax())
    source = _("{release}, one release for region and nation").format(release=_(MAIN_LABEL))
    sentence = _("**Share of China's GDP** ({source}): {values}{extreme}.").format(
        source=_source(ctx, source),
        values=said,
        extreme=extreme(share, peak, stated("national_share", ctx.region, MAIN, peak)),
    )
    later = frame[frame["release"] == LATER]["year"]
    if later.empty:
        return sentence
    first, last = int(later.min()), int(later.max())
    return _join(
        [
            sentence,
            _(
                "In the {release} (a separate release, not joined; China's {preliminary} GDP in "
                "it is the preliminary figure, so no share is computed for {preliminary}): "
                "{first}: {share_first} %; {last}: **{share_last} %**."
            ).format(
                release=_(LATER_LABEL),
                preliminary=LATER_CHINA_PRELIMINARY,
                first=first,
                last=last,
                share_first=stated("national_share", ctx.region, LATER, first),
                share_last=stated("national_share", ctx.region, LATER, last),
            ),
        ],
        "sentences",
    )


# -- prices and the national share ---------------------------------------------------------

PARADOX_YEARS = (2003, 2019)


def deflator_frame(ctx: Context, base: int = PARADOX_YEARS[0]) -> pd.DataFrame:
    """The implicit GDP deflator (``base`` = 100) of each of the region's own regions and of the
    comparison: nominal GDP over the real volume chained from the published indices, both of
    the main release."""
    gdp = gdp_main().set_index(["region", "year"])["gdp_cny_100m"]
    rows = []
    for region in [*ctx.own(), ctx.comparison]:
        index = load("economy_gdp_index", region=region, release=MAIN).set_index("year")
        if base not in index.index or (region, base) not in gdp.index:
            continue
        volume = 100.0
        for year in range(base, int(index.index.max()) + 1):
            if year > base:
                if year not in index.index or pd.isna(index.loc[year, "growth_pct"]):
                    break
                volume *= 1 + index.loc[year, "growth_pct"] / 100
            if (region, year) not in gdp.index:
                break
            nominal = 100 * gdp[(region, year)] / gdp[(region, base)]
            rows.append((region, year, nominal, volume, 100 * nominal / volume))
    columns = ["region", "year", "nominal_index", "volume_index", "deflator_index"]
    return pd.DataFrame(rows, columns=columns).assign(release=MAIN)


@headline("deflator_change", MAIN, 0)
def deflator_change(region: str, start: int, end: int) -> float | None:
    """% rise of the implicit GDP deflator from ``start`` to ``end`` (main release)."""
    ctx = _plain_context(region)
    frame = deflator_frame(ctx, start)
    row = frame[(frame["region"] == region) & (frame["year"] == end)]
    return None if row.empty else float(row["deflator_index"].iloc[0] - 100)


@headline("nominal_change", MAIN, 0)
def nominal_change(region: str, start: int, end: int) -> float | None:
    """% rise of nominal GDP from ``start`` to ``end`` (main release; an aggregate sums)."""
    own = list(regions.members(region)) or [region]
    gdp = gdp_main()
    gdp = gdp[gdp["region"].isin(own)].groupby("year")["gdp_cny_100m"].sum()
    if start not in gdp.index or end not in gdp.index:
        return None
    return float(100 * (gdp[end] / gdp[start] - 1))


def _plain_context(region: str) -> Context:
    """A bare context for a region against China (headline figures do not depend on the
    report's language or years)."""
    return Context("economy", {"region": region, "comparison": "china"}, {}, {}, {})


def _share_direction(ctx: Context, start: int, end: int) -> str:
    """Which way the national share moved from ``start`` to ``end``: "fell", "rose", or "same"
    where the two round alike (a reader is then told so, never "from 1.74 % to 1.74 %")."""
    before, after = (value("national_share", ctx.region, MAIN, y) for y in (start, end))
    moved = "fell" if after < before else "rose"
    if stated("national_share", ctx.region, MAIN, start) == stated(
        "national_share", ctx.region, MAIN, end
    ):
        return f"same-{moved}"
    return moved


# How the share moved ({before}, {after}: the shares of the period's first and last year).
_SHARE_MOVED = {
    "fell": N_("the share of China's GDP fell from {before} to {after}"),
    "rose": N_("the share of China's GDP rose from {before} to {after}"),
    "same-rose": N_(
        "the share of China's GDP was {after} in both years to two decimals (slightly higher "
        "at the end before rounding)"
    ),
    "same-fell": N_(
        "the share of China's GDP was {after} in both years to two decimals (slightly lower "
        "at the end before rounding)"
    ),
}
# Why, where real growth and prices against the comparison's point one way for every region:
# (faster growth?, direction) -> the clause; prices rose less in every case said.
_SHARE_WHY = {
    (False, "fell"): N_(
        "slower real growth ({growth}, against {national} for {comparison}) and a smaller "
        "rise in prices both lowered it"
    ),
    (True, "fell"): N_(
        "faster real growth ({growth}, against {national} for {comparison}) did not make up "
        "for the smaller rise in prices"
    ),
    (True, "rose"): N_(
        "faster real growth ({growth}, against {national} for {comparison}) outweighed the "
        "smaller rise in prices"
    ),
    (True, "same-rose"): N_(
        "faster real growth ({growth}, against {national} for {comparison}) offset the "
        "smaller rise in prices"
    ),
}


def _share_why(ctx: Context, own: list[str], start: int, end: int) -> str:
    """The end of the prices finding: how the share moved and, where real growth and prices
    against the comparison's point one way for every region, why."""
    direction = _share_direction(ctx, start, end)
    moved = _(_SHARE_MOVED[direction]).format(
        before=_("{value} %").format(value=stated("national_share", ctx.region, MAIN, start)),
        after=_("{value} %").format(value=stated("national_share", ctx.region, MAIN, end)),
    )
    rates = [value("real_growth_rate", r, start, end) for r in own]
    national = value("real_growth_rate", ctx.comparison, start, end)
    national_deflator = value("deflator_change", ctx.comparison, start, end)
    cheaper = all(value("deflator_change", r, start, end) < national_deflator for r in own)
    if national is None or any(r is None for r in rates) or not cheaper:
        return moved
    faster, slower = all(r > national for r in rates), all(r < national for r in rates)
    key = (faster, direction)
    if not (faster or slower) or key not in _SHARE_WHY:
        return moved  # mixed growth, or a combination no clause explains
    growth = _join(
        [
            _("{region} {rate} % a year").format(
                region=ctx.md_name(r), rate=stated("real_growth_rate", r, start, end)
            )
            for r in own
        ],
        "list",
    )
    why = _(_SHARE_WHY[key]).format(
        growth=growth,
        national=_("{value} %").format(
            value=stated("real_growth_rate", ctx.comparison, start, end)
        ),
        comparison=ctx.md_name(ctx.comparison),
    )
    return _("{moved}: {why}").format(moved=moved, why=why)


@_once
def prices(ctx: Context) -> str | None:
    """Real growth, prices and the national share: how the share moved and, where the data
    say it, why (slower or faster real growth, a smaller rise in prices)."""
    start, end = PARADOX_YEARS
    own = [r for r in ctx.own() if value("deflator_change", r, start, end) is not None]
    if len(own) != len(ctx.own()) or value("deflator_change", ctx.comparison, start, end) is None:
        return None
    if value("national_share", ctx.region, MAIN, start) is None:
        return None
    deflators = _join(
        [
            _("{change} % ({region})").format(
                region=ctx.md_name(r), change=stated("deflator_change", r, start, end)
            )
            for r in own
        ],
        "list",
    )
    why = _share_why(ctx, own, start, end)
    return _(
        "**Growth and the national share** ({source}): from {start} to {end} the implicit GDP "
        "deflator (current-price GDP over the published volume index) rose by {deflators}, "
        "against **{national} %** for {comparison}; nominal GDP rose {nominal} against "
        "{nominal_other}; so {why}."
    ).format(
        source=_release(ctx),
        start=start,
        end=end,
        deflators=deflators,
        national=stated("deflator_change", ctx.comparison, start, end),
        comparison=ctx.md_name(ctx.comparison),
        nominal=stated("nominal_change", ctx.region, start, end, sign=True),
        nominal_other=stated("nominal_change", ctx.comparison, start, end, sign=True),
        why=why,
    )


# -- per-capita GDP --------------------------------------------------------------------------


def per_capita_frame(ctx: Context, release: str = MAIN) -> pd.DataFrame:
    """GDP per person of the region(s) with China = 100, within one release (the main one, or
    the first releases, where a province's and the nation's first figures exist for a year)."""
    pc = load("economy_gdp_per_capita", release=release)
    china = pc[pc["region"] == "china"].set_index("year")["gdp_per_capita_cny"]
    own = pc[pc["region"].isin(ctx.own())].copy()
    own["relative"] = 100 * own["gdp_per_capita_cny"] / own["year"].map(china)
    return own.dropna(subset=["relative"])


@headline("per_capita_relative", RELEASE_ARGUMENT, 0)
def per_capita_relative(region: str, release: str, year: int) -> float | None:
    """GDP per person of ``region`` with China = 100 in ``year``, both from ``release``."""
    frame = per_capita_frame(_plain_context(region), release).set_index("year")["relative"]
    return float(frame[year]) if year in frame.index else None


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
                _("**{value}** ({year})").format(
                    value=stated("per_capita_relative", region, MAIN, y), year=y
                )
                for y in dict.fromkeys(shown)
            ],
            "arrow",
        )
        parts.append(_("{region} {values}").format(region=ctx.md_name(region), values=values))
    sentence = _(
        "**GDP per person against the national level** (China = 100, {source}): {regions}."
    ).format(source=_release(ctx), regions=_join(parts, "clauses"))
    first = per_capita_frame(ctx, FIRST_RELEASE)
    if first.empty:
        return sentence
    latest = first.sort_values("year").groupby("region", sort=False).tail(1)
    said = _join(
        [
            _("{region} **{value}** ({year})").format(
                region=ctx.md_name(r.region),
                value=stated("per_capita_relative", r.region, FIRST_RELEASE, int(r.year)),
                year=int(r.year),
            )
            for r in latest.itertuples()
        ],
        "clauses",
    )
    later = _("Latest first releases, province and nation (a separate release): {values}.")
    return _join([sentence, later.format(values=said)], "sentences")


# -- public finance, investment, income -----------------------------------------------------

FISCAL_YEARS = (2003, 2019)


@_frame_once(lambda ctx: (ctx.region, ctx.comparison))
def fiscal_frame(ctx: Context) -> pd.DataFrame:
    """Fiscal self-sufficiency: local general-budget revenue as % of local general-budget
    expenditure, main release, for the report's region (an aggregate sums its members) and
    the comparison (China: all local governments, the like-for-like national level)."""
    budget = load("economy_budget", release=MAIN)
    budget = budget[budget["indicator"].str.startswith("local_general_budget_")]
    frames = []
    for region in (ctx.region, ctx.comparison):
        own = list(regions.members(region)) or [region]
        rows = budget[budget["region"].isin(own)]
        wide = rows.pivot_table(
            index="year", columns="indicator", values="amount_cny_100m", aggfunc="sum"
        )
        counts = rows.groupby("year")["region"].nunique()
        wide = wide[counts.reindex(wide.index) == len(own)]
        ratio = (
            100 * wide["local_general_budget_revenue"] / wide["local_general_budget_expenditure"]
        )
        frames.append(
            ratio.dropna().rename("self_sufficiency_pct").reset_index().assign(region=region)
        )
    frame = pd.concat(frames, ignore_index=True).assign(release=MAIN)
    inflated = [
        revenue_inflated(region, int(year))
        for region, year in zip(frame["region"], frame["year"], strict=True)
    ]
    frame = frame.assign(inflated=inflated)
    # A line per region and run of years, broken where the inflated years begin and end.
    return frame.assign(segment=segments(frame, ["region", "inflated"]))


# The years whose general-budget revenue a province stated to be inflated (LIAONING_CAVEAT):
# a ratio of those years is marked and never compared with one of the years around them.
INFLATED_REVENUE = {"liaoning": (2011, 2014)}


def revenue_inflated(region: str, year: int) -> bool:
    """Whether ``region``'s revenue of ``year`` is (or, for an aggregate, includes) revenue
    its province stated to be inflated."""
    own = list(regions.members(region)) or [region]
    return any(
        INFLATED_REVENUE[r][0] <= year <= INFLATED_REVENUE[r][1]
        for r in own
        if r in INFLATED_REVENUE
    )


@headline("fiscal_self_sufficiency", MAIN, 0)
def fiscal_self_sufficiency(region: str, year: int) -> float | None:
    """Own general-budget revenue as % of general-budget spending in ``year`` (main release)."""
    frame = fiscal_frame(_plain_context(region))
    row = frame[(frame["region"] == region) & (frame["year"] == year)]
    return None if row.empty else float(row["self_sufficiency_pct"].iloc[0])


BUDGET = ("local_general_budget_revenue", "local_general_budget_expenditure")


@headline("fiscal_self_sufficiency_first", FIRST_RELEASE, 0)
def fiscal_self_sufficiency_first(region: str, year: int) -> float | None:
    """Own general-budget revenue as % of general-budget spending in ``year``, from the first
    releases (budget reports, communiqués); None unless each amount has one figure."""
    rows = load("economy_budget", release=FIRST_RELEASE, region=region, year=year)
    rows = rows[rows["indicator"].isin(BUDGET)]
    amounts = rows.drop_duplicates(["indicator", "amount_cny_100m"]).groupby("indicator")
    if sorted(amounts.size().index) != sorted(BUDGET) or (amounts.size() != 1).any():
        return None
    level = amounts["amount_cny_100m"].first()
    return float(100 * level[BUDGET[0]] / level[BUDGET[1]])


def _dagger(dataset: str, among: list[str], year: int, **filters: object) -> str:
    """A dagger after a figure computed from ``dataset``'s figures for the regions ``among`` in
    ``year`` when one of them was found only in a secondary source (no better-graded copy
    gives it), as tables and charts mark such figures; else nothing."""
    whole = load(dataset, **filters)
    for region in among:
        rows = load(dataset, region=region, year=year, **filters)
        if not rows.empty and grades.secondary_only(rows, whole).all():
            return _space() + DAGGER
    return ""


def _space() -> str:
    """What separates a mark or a note from the text before it: nothing in Chinese."""
    return "" if i18n.current() == "zh" else " "


def _legend(text: str) -> str:
    """``text`` with the dagger's meaning after it when a figure in it carries one (the key
    findings section prints that meaning once, see :func:`section`)."""
    return text + _space() + _(_SECONDARY_LEGEND) if DAGGER in text else text


def _latest_first_releases(said: list[str]) -> str:
    """The sentence that adds the latest first releases (a separate release) to a finding,
    with the dagger's meaning when a figure in it carries one."""
    if not said:
        return ""
    sentence = _("Latest first releases, province and nation (a separate release): {values}.")
    return _legend(sentence.format(values=_join(said, "clauses")))


def _first_fiscal_sentence(ctx: Context) -> str:
    """The latest year whose first releases give the province's and China's ratio."""
    said = []
    for region in ctx.own():
        years = sorted(set(load("economy_budget", release=FIRST_RELEASE, region=region)["year"]))
        both = [
            y
            for y in years
            if value("fiscal_self_sufficiency_first", region, y) is not None
            and value("fiscal_self_sufficiency_first", ctx.comparison, y) is not None
        ]
        if both:
            year = both[-1]
            said.append(
                _("{region} **{value}** against {comparison} {comparison_value} ({year})").format(
                    region=ctx.md_name(region),
                    value=_("{value} %").format(
                        value=stated("fiscal_self_sufficiency_first", region, year)
                    ),
                    comparison=ctx.md_name(ctx.comparison),
                    comparison_value=_("{value} %").format(
                        value=stated("fiscal_self_sufficiency_first", ctx.comparison, year)
                    ),
                    year=year,
                )
                + _dagger("economy_budget", [region, ctx.comparison], year, release=FIRST_RELEASE)
            )
    return _latest_first_releases(said)


@_once
def fiscal(ctx: Context) -> str | None:
    start, end = FISCAL_YEARS
    said = []
    for region in (*ctx.own(), ctx.comparison):
        if any(value("fiscal_self_sufficiency", region, y) is None for y in FISCAL_YEARS):
            return None
        said.append(
            _("{region} {start_value} % → **{end_value} %**").format(
                region=ctx.md_name(region),
                start_value=stated("fiscal_self_sufficiency", region, start),
                end_value=stated("fiscal_self_sufficiency", region, end),
            )
        )
    if ctx.region == "northeast":
        said.insert(
            0,
            _("the Northeast {start_value} % → **{end_value} %**").format(
                start_value=stated("fiscal_self_sufficiency", "northeast", start),
                end_value=stated("fiscal_self_sufficiency", "northeast", end),
            ),
        )
    sentence = _(
        "**Fiscal self-sufficiency** (own general-budget revenue as a share of general-budget "
        "spending, {start} → {end}; {source}; China: all local governments): {values}. The "
        "rest is financed mainly by transfers from the central government."
    ).format(start=start, end=end, source=_release(ctx), values=_join(said, "clauses"))
    parts = [sentence, inflated_sentence(ctx), _first_fiscal_sentence(ctx)]
    return _join([p for p in parts if p], "sentences")


def inflated_sentence(ctx: Context) -> str:
    """Which years' ratios rest on revenue the province stated to be inflated, with its source;
    empty where the report's regions have none."""
    inflated = [r for r in ctx.own() if r in INFLATED_REVENUE]
    if not inflated:
        return ""
    first, last = INFLATED_REVENUE[inflated[0]]
    message = (
        _(
            "The Northeast's ratios of {first}–{last} include Liaoning's revenue of those "
            "years, which its cities and counties inflated, as the provincial government stated "
            "in its work report of 17 January 2017 (citing the National Audit Office, as "
            "reported by People's Daily): they are marked in the chart, and the Northeast's "
            "line breaks before and after them."
        )
        if ctx.region == "northeast"
        else _(
            "Liaoning's ratios of {first}–{last} rest on revenue its cities and counties "
            "inflated, as the provincial government stated in its work report of 17 January "
            "2017 (citing the National Audit Office, as reported by People's Daily): they are "
            "marked in the chart, and its line breaks before and after them."
        )
    )
    return message.format(first=first, last=last)


FAI_YEARS = (2014, 2017)  # the provincial levels end in 2017


def _fai_levels(region: str) -> pd.DataFrame:
    """Total-society fixed-asset investment of ``region`` (main release) by year, with
    ``corrected``: whether the level follows a data correction that breaks with the years
    before (Liaoning's 2016-2017, as the data declare)."""
    rows = load("economy_fai", region=region, release=MAIN, caliber="total_society")
    corrected = rows["note"].fillna("").str.contains("data correction")
    return rows.assign(corrected=corrected).set_index("year")


@headline("fai_change", MAIN, 1)
def fai_change(region: str, start: int, end: int) -> float | None:
    """% change of total-society fixed-asset investment (current prices, main release); None
    across a declared break (a corrected level is not compared with one before the correction)."""
    rows = _fai_levels(region)
    if start not in rows.index or end not in rows.index:
        return None
    if rows.loc[start, "corrected"] != rows.loc[end, "corrected"]:
        return None
    return float(100 * (rows.loc[end, "fai_cny_100m"] / rows.loc[start, "fai_cny_100m"] - 1))


def fai_sides(region: str, start: int, end: int) -> list[tuple[int, int]]:
    """The periods within ``start``..``end`` that no declared break crosses: the whole period,
    or its first and last years on each side of the break (Liaoning: 2014-2015, 2016-2017)."""
    rows = _fai_levels(region)
    years = [y for y in range(start, end + 1) if y in rows.index]
    sides: list[list[int]] = []
    for year in years:
        if sides and rows.loc[year, "corrected"] == rows.loc[sides[-1][-1], "corrected"]:
            sides[-1].append(year)
        else:
            sides.append([year])
    return [(side[0], side[-1]) for side in sides]


def fai_frame(ctx: Context) -> pd.DataFrame:
    """Total-society fixed-asset investment of the region's own provinces, main release, with
    ``segment``: a line per province, broken where the data declare a break (Liaoning's levels
    after its data correction do not continue the years before)."""
    rows = load("economy_fai", release=MAIN, caliber="total_society", region=ctx.own())
    corrected = rows["note"].fillna("").str.contains("data correction")
    rows = rows.assign(corrected=corrected)
    return rows.assign(segment=segments(rows, ["region", "corrected"]))


# Liaoning's figures 2011-2014 are known to be inflated: the province said so itself.
LIAONING_CAVEAT = N_(
    "Liaoning's levels of 2016-2017 follow the province's data correction and break with the "
    "years before: the provincial government stated in its "
    "work report of 17 January 2017 that its cities' and counties' fiscal data of 2011-2014 had "
    "been inflated (citing the National Audit Office) and that other economic data were being "
    "corrected from 2016 (as reported by People's Daily)."
)


def _fai_changes(region: str, sides: list[tuple[int, int]]) -> str:
    """``region``'s change over each of ``sides``: '−27.5 % in 2014 → 2015, ...'."""
    return _join(
        [
            _("{change} in {start} → {end}").format(
                change=stated("fai_change", region, *side, sign=True), start=side[0], end=side[1]
            )
            for side in sides
        ],
        "names",
    )


def _fai_comparison(ctx: Context, whole: bool, split: list[tuple[int, int]]) -> str | None:
    """The comparison's change over the very periods its regions' are stated over: the whole
    period where one region's is, each side of a break where one region's is split."""
    start, end = FAI_YEARS
    if any(value("fai_change", ctx.comparison, *side) is None for side in split):
        return None
    name = ctx.md_name(ctx.comparison)
    if not split:
        return _("{region} {change}").format(
            region=name, change=stated("fai_change", ctx.comparison, start, end, sign=True)
        )
    changes = _fai_changes(ctx.comparison, split)
    if not whole:
        return _("{region} {changes}").format(region=name, changes=changes)
    return _("{region} {change} ({changes})").format(
        region=name,
        change=stated("fai_change", ctx.comparison, start, end, sign=True),
        changes=changes,
    )


@_once
def investment(ctx: Context) -> str | None:
    start, end = FAI_YEARS
    said = []
    whole, split = False, []
    for region in ctx.own():
        sides = fai_sides(region, start, end)
        if sides == [(start, end)]:
            whole = True
            said.append(
                _("{region} {change}").format(
                    region=ctx.md_name(region),
                    change=stated("fai_change", region, start, end, sign=True),
                )
            )
            continue
        # Across a declared break: the change on each side, never from one side to the other.
        sides = [side for side in sides if side[1] > side[0]]
        if len(sides) < 2 or sides[0][0] != start or sides[-1][1] != end:
            return None
        split += [side for side in sides if side not in split]
        said.append(
            _(
                "{region} {changes} (not compared across its break between {before} and {after})"
            ).format(
                region=ctx.md_name(region),
                before=sides[0][1],
                after=sides[1][0],
                changes=_fai_changes(region, sides),
            )
        )
    comparison = _fai_comparison(ctx, whole, sorted(split))
    if comparison is None:
        return None
    said.append(comparison)
    sentence = _(
        "**Fixed-asset investment** (total society, current prices, {start} → {end}; "
        "{source}): {values}."
    ).format(start=start, end=end, source=_release(ctx), values=_join(said, "list"))
    if "liaoning" in ctx.own():
        sentence = _join([sentence, _(LIAONING_CAVEAT)], "sentences")
    return sentence


INCOME = "all_residents_disposable_income_per_capita"
INCOME_YEARS = (2013, 2019)  # the integrated household survey, main release


@headline("income_relative", MAIN, 0)
def income_relative(region: str, year: int) -> float | None:
    """Per-capita disposable income of all residents, China = 100 (integrated survey, main
    release)."""
    rows = load("economy_income", release=MAIN, indicator=INCOME)
    level = rows.set_index(["region", "year"])["income_cny_per_capita"]
    if (region, year) not in level.index or ("china", year) not in level.index:
        return None
    return float(100 * level[(region, year)] / level[("china", year)])


def income_frame(ctx: Context) -> pd.DataFrame:
    """Disposable income per person, China = 100, one survey and release, own regions."""
    rows = load("economy_income", release=MAIN, indicator=INCOME)
    china = rows[rows["region"] == "china"].set_index("year")["income_cny_per_capita"]
    own = rows[rows["region"].isin(ctx.own())].copy()
    own["relative"] = 100 * own["income_cny_per_capita"] / own["year"].map(china)
    return own.dropna(subset=["relative"])


@headline("income_relative_first", FIRST_RELEASE, 0)
def income_relative_first(region: str, year: int) -> float | None:
    """Per-capita disposable income of all residents, China = 100, both from the first
    releases (statistical communiqués) of ``year``; None where either has no single figure."""
    rows = load("economy_income", release=FIRST_RELEASE, indicator=INCOME, year=year)
    rows = rows.drop_duplicates(["region", "income_cny_per_capita"])
    level = rows.groupby("region")["income_cny_per_capita"]
    if level.size().get(region) != 1 or level.size().get("china") != 1:
        return None
    first = level.first()
    return float(100 * first[region] / first["china"])


def _latest_first_income(region: str) -> int | None:
    """The latest year whose first releases give ``region``'s and China's income."""
    rows = load("economy_income", release=FIRST_RELEASE, indicator=INCOME, region=region)
    years = sorted(set(rows["year"]), reverse=True)
    return next((y for y in years if value("income_relative_first", region, y) is not None), None)


def _first_income_sentence(ctx: Context) -> str:
    said = []
    first = {"release": FIRST_RELEASE, "indicator": INCOME}
    for region in ctx.own():
        year = _latest_first_income(region)
        if year is not None:
            said.append(
                _("{region} **{value}** ({year})").format(
                    region=ctx.md_name(region),
                    value=stated("income_relative_first", region, year),
                    year=year,
                )
                + _dagger("economy_income", [region, "china"], year, **first)
            )
    return _latest_first_releases(said)


@_once
def income(ctx: Context) -> str | None:
    start, end = INCOME_YEARS
    said = []
    for region in ctx.own():
        if any(value("income_relative", region, y) is None for y in INCOME_YEARS):
            return None
        said.append(
            _("{region} {start_value} → **{end_value}**").format(
                region=ctx.md_name(region),
                start_value=stated("income_relative", region, start),
                end_value=stated("income_relative", region, end),
            )
        )
    sentence = _(
        "**Disposable income per person against the national level** (China = 100; all "
        "residents, integrated household survey, {start} → {end}; {source}): {values}. The "
        "older separate urban and rural surveys are another release and are not joined."
    ).format(start=start, end=end, source=_release(ctx), values=_join(said, "clauses"))
    return _join([sentence, _first_income_sentence(ctx)], "sentences").strip()


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


# Jilin's prefecture-level units do not add up to the province: the Jilin census bulletin lists
# the Changbaishan administrative committee apart (no GB/T 2260 unit). Said wherever a sum of
# prefectures stands for Jilin (the dataset's declaration gives the figures), with the change
# the province's bulletin prints.
JILIN_CAVEAT = N_(
    "Jilin's nine units leave out the 61,146 residents (2020) of the Changbaishan "
    "administrative committee, which the Jilin bulletin lists apart, and their 2010 figures sum "
    "47,553 short of the province's 2010 total: the sum is not the province's official census "
    "change."
)
JILIN_OFFICIAL = N_("Jilin's own 7th-census bulletin gives the province's change as {change}.")

# The provinces' own 7th-census bulletins (economy_census_population): the official figures.
CENSUS_BULLETINS = "economy_census_population"
CENSUS_PERSONS = "census_population"
CENSUS_CHANGE_PERSONS = "census_population_change_vs_2010"
CENSUS_CHANGE_PCT = "census_population_change_pct_vs_2010"
CENSUS_YEAR = 2020


def _bulletin(region: str, indicator: str) -> float | None:
    """A 2020 figure of a province's own 7th-census bulletin, as printed; None for a region
    that is not a province or whose bulletin does not print it."""
    row = next((r for r in regions.table() if r["slug"] == region), None)
    if row is None or row["level"] != "province":
        return None
    rows = load(CENSUS_BULLETINS, region=region, year=CENSUS_YEAR, indicator=indicator)
    return float(rows["value"].iloc[0]) if len(rows) == 1 else None


@headline("census_change", "census-2020", 1)
def census_change_pct(region: str) -> float | None:
    """% change of the census resident population 2010-2020 of a province, as its own
    7th-census bulletin prints it (the official figure; Inner Mongolia's covers the whole
    region)."""
    return _bulletin(region, CENSUS_CHANGE_PCT)


@headline("census_change_prefectures", "census-2010-2020", 1)
def census_change_prefectures_pct(region: str) -> float | None:
    """% change of the census resident population 2010-2020, summed over the region's
    prefecture-level units (2020 boundaries): the figure of an area no bulletin covers (the
    Northeast, Inner Mongolia's part in the policy area)."""
    units, _what = _census_units(_plain_context(region))
    rows = census_change()
    rows = rows[rows["region"].isin(units)]
    if rows.empty or len(rows) != len(units):
        return None
    return float(100 * (rows["pop_2020"].sum() / rows["pop_2010"].sum() - 1))


def _bulletins_summed(region: str) -> tuple[float, float] | None:
    """(2020 population, change on 2010) of an aggregate, summed over its provinces as their
    own 7th-census bulletins print them; None for a region that is not an aggregate or where
    a member's bulletin does not print both."""
    members = regions.members(region)
    figures = [(_bulletin(m, CENSUS_PERSONS), _bulletin(m, CENSUS_CHANGE_PERSONS)) for m in members]
    if not figures or any(None in pair for pair in figures):
        return None
    return sum(after for after, _change in figures), sum(change for _after, change in figures)


@headline("census_change_bulletins", "census-2020", 1)
def census_change_bulletins_pct(region: str) -> float | None:
    """% change of the census resident population 2010-2020 of an aggregate (the Northeast):
    the sum of its provinces' printed changes on the sum of the populations they compare with
    (2020 less the change), all from the provinces' own bulletins: the official figures, not a
    sum of prefectures (whose bulletins differ, e.g. Jilin's Changbaishan committee)."""
    summed = _bulletins_summed(region)
    if summed is None:
        return None
    after, change = summed
    return 100 * change / (after - change)


def _by_bulletin(ctx: Context) -> bool:
    """Whether the report's region is a whole province in the policy area whose own bulletin
    gives its census change (not the Northeast, not Inner Mongolia's five prefectures)."""
    return not ctx.scope() and value("census_change", ctx.region) is not None


def _units_lost(rows: pd.DataFrame) -> str:
    """How many of the region's prefecture-level units lost people ("all 13", not "13 of 13";
    Chinese: 全部)."""
    losing = int((rows["change_pct"] < 0).sum())
    if losing == len(rows):
        return _("all {count} prefecture-level units lost people").format(count=len(rows))
    return _("{losing} of its {count} prefecture-level units lost people").format(
        losing=losing, count=len(rows)
    )


def _bulletin_population(ctx: Context, rows: pd.DataFrame) -> str:
    """The province's population and change as its own 7th-census bulletin prints them."""
    scale, digits = PEOPLE[i18n.current()]
    persons = _bulletin(ctx.region, CENSUS_CHANGE_PERSONS)
    fewer = (
        _("{count} million fewer")
        if persons is not None and persons < 0
        else _("{count} million more")
    )
    # Marked where the province's bulletin was read only in a secondary copy (each province's
    # figure has one source: only the report's own bulletin is read, and so cited).
    rows_read = load(
        CENSUS_BULLETINS, region=ctx.region, year=CENSUS_YEAR, indicator=CENSUS_CHANGE_PCT
    )
    mark = _space() + DAGGER if grades.secondary_only(rows_read).all() else ""
    sentence = _(
        "**Population, 2010 and 2020 censuses** ({source}): {after} million in 2020, {persons} "
        "than in 2010 (**{change}**){mark}; {units}."
    ).format(
        source=_("{region}'s 7th-census bulletin").format(region=ctx.name()),
        after=number(_bulletin(ctx.region, CENSUS_PERSONS) / scale, digits),
        persons=fewer.format(count=number(abs(persons or 0) / scale, digits)),
        change=stated("census_change", ctx.region, sign=True),
        mark=mark,
        units=_units_lost(rows),
    )
    return _join([sentence, _(_SECONDARY_LEGEND) if mark else ""], "sentences").strip()


def _bulletins_population(ctx: Context, rows: pd.DataFrame) -> str:
    """An aggregate's population and change as the sum of its provinces' own 7th-census
    bulletins (the official totals); the prefecture-level units' sum stays on the map."""
    scale, digits = PEOPLE[i18n.current()]
    after, persons = _bulletins_summed(ctx.region) or (0.0, 0.0)
    fewer = _("{count} million fewer") if persons < 0 else _("{count} million more")
    rows_read = load(
        CENSUS_BULLETINS, region=list(ctx.own()), year=CENSUS_YEAR, indicator=CENSUS_CHANGE_PCT
    )
    secondary = rows_read[grades.secondary_only(rows_read).to_numpy()]
    mark = _space() + DAGGER if len(secondary) else ""
    sentence = _(
        "**Population, 2010 and 2020 censuses** (sum of the provinces' own 7th-census "
        "bulletins: {provinces}): {after} million in 2020, {persons} than in 2010 "
        "(**{change}**){mark}; {units}."
    ).format(
        provinces=_join([ctx.name(r) for r in ctx.own()], "names"),
        after=number(after / scale, digits),
        persons=fewer.format(count=number(abs(persons) / scale, digits)),
        change=stated("census_change_bulletins", ctx.region, sign=True),
        mark=mark,
        units=_units_lost(rows),
    )
    units = _(
        "Summed over its {count} prefecture-level units instead, the change is {change}, "
        "which is not an official total."
    ).format(count=len(rows), change=stated("census_change_prefectures", ctx.region, sign=True))
    # The mark is the sum's; the legend says whose bulletin was read only in a secondary copy.
    legend = _(
        "† The bulletin figures of {regions} were found only in a secondary source (news "
        "report, blog, encyclopaedia or personal website); no official copy was found."
    ).format(
        regions=_join([ctx.name(r) for r in ctx.own() if r in set(secondary["region"])], "names")
    )
    return _join([sentence, units, legend if mark else ""], "sentences").strip()


@_once
def census_population(ctx: Context) -> str | None:
    change = census_change()
    units, what = _census_units(ctx)
    rows = change[change["region"].isin(units)]
    if rows.empty or len(rows) != len(units):
        return None
    if _by_bulletin(ctx):
        return _bulletin_population(ctx, rows)
    if value("census_change_bulletins", ctx.region) is not None:
        return _bulletins_population(ctx, rows)
    before, after = rows["pop_2010"].sum(), rows["pop_2020"].sum()
    losing = int((rows["change_pct"] < 0).sum())
    scale, digits = PEOPLE[i18n.current()]
    every = losing == len(rows)  # "all 13", not "13 of 13" (Chinese: 全部)
    sentence = (
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
        change=stated("census_change_prefectures", ctx.region, sign=True),
        losing=losing,
        count=len(rows),
    )
    return _join([sentence, census_caveat(ctx)], "sentences").strip()


def census_caveat(ctx: Context) -> str:
    """The caveat on Jilin's prefecture sum, where the report's region includes Jilin, with the
    change Jilin's own bulletin prints."""
    if "jilin" not in ctx.own():
        return ""
    official = _(JILIN_OFFICIAL).format(change=stated("census_change", "jilin", sign=True))
    return _join([_(JILIN_CAVEAT), official], "sentences")


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


# -- ageing ----------------------------------------------------------------------------------

AGEING_GROUP = "65+"
CENSUSES = (2010, 2020)


def ageing_frame() -> pd.DataFrame:
    """The share aged 65 and over at the 2010 and 2020 censuses, and the change against 2010
    as a census communiqué printed it, by region (rows as read: a printed change is never
    turned into a 2010 share)."""
    rows = load("economy_census_age", age_group=AGEING_GROUP)
    return rows[["region", "year", "census", "measure", "value", "source_id", "note"]]


@headline("aged_65_share", "census", 2)
def aged_65_share(region: str, year: int) -> float | None:
    """Share of the resident population aged 65 and over at the census of ``year`` (%)."""
    rows = ageing_frame()
    rows = rows[(rows["region"] == region) & (rows["year"] == year) & (rows["measure"] == "share")]
    return float(rows["value"].iloc[0]) if len(rows) else None


def _printed_ageing_change(region: str) -> float | None:
    """The change of the 65+ share against 2010 in points, as the 2020 communiqué printed it."""
    rows = ageing_frame()
    rows = rows[(rows["region"] == region) & (rows["measure"] == "change_pp_vs_2010")]
    return float(rows["value"].iloc[0]) if len(rows) else None


def _points(change: float) -> str:
    """A change in percentage points: '+7.11 points', '提高7.11个百分点' (i18n.points)."""
    return i18n.points(change, 2)


def _aged_share(region: str, year: int) -> str:
    """The 65+ share as stated (registry), with the per-cent sign of the report's language."""
    return _("{value} %").format(value=stated("aged_65_share", region, year))


def _ageing_clause(ctx: Context, region: str) -> str | None:
    """One region's 65+ share: 2010 → 2020 with the change where both shares are in the
    data; else 2020 with the printed change; else 2020 alone, saying the 2010 share is missing."""
    before, after = (value("aged_65_share", region, y) for y in CENSUSES)
    if after is None:
        return None
    name, last = ctx.md_name(region), _aged_share(region, CENSUSES[1])
    if before is not None:
        return _("{region} {before} → **{after}** ({change})").format(
            region=name,
            before=_aged_share(region, CENSUSES[0]),
            after=last,
            change=_points(after - before),
        )
    printed = _printed_ageing_change(region)
    if printed is not None:
        return _(
            "{region} **{after}** ({change} on 2010, as the census release printed it)"
        ).format(region=name, after=last, change=_points(printed))
    return _("{region} **{after}** (2010 share and change not found)").format(
        region=name, after=last
    )


@_once
def ageing(ctx: Context) -> str | None:
    said = [c for c in (_ageing_clause(ctx, r) for r in [*ctx.own(), ctx.comparison]) if c]
    if len(said) < 2:  # the region's or the comparison's 2020 share is missing
        return None
    source = _(
        "share of the resident population; 6th and 7th census communiqués, read in secondary copies"
    )
    return _(
        "**Ageing: residents aged 65 and over, 2010 and 2020 censuses** ({source}): {values}."
    ).format(source=_source(ctx, source), values=_join(said, "clauses"))


# -- China's regions and the 31 provinces -----------------------------------------------------

PROVINCES_RELEASE = releases.MAIN  # the one release with GDP per person of all 31 (2000-2019)
PROVINCES_YEARS = (2003, 2019)  # the programme's start and the release's last year
# GDP of all 31 provinces 2006-2024 after the 5th economic census (economy_provinces
# `nbs-2025`, the same 2025/26 export as LATER's provinces): shares and ranks after 2019 come
# from it alone, both ends in that release; never joined to PROVINCES_RELEASE.
PROVINCES_LATER = LATER
PROVINCES_LATER_YEARS = (2006, 2019, 2024)  # its first year, the last of c.2021, its last
MACRO_REGIONS = ("east", "centre", "west", "northeast")
MACRO_LABELS = {
    "east": N_("East"),
    "centre": N_("Centre"),
    "west": N_("West"),
    "northeast": N_("Northeast"),
}


@_frame_once(lambda release: (release,))
def macro_share_frame(release: str) -> pd.DataFrame:
    """Each of the NBS four regions' GDP as % of the 31 provinces' sum, by year, within one
    release of economy_provinces (the provinces' sum, not the national accounts' GDP: the two
    differ, and neither release has another figure for the East, Centre and West)."""
    gdp = load("economy_provinces", indicator="gdp_nominal", release=release)
    complete = gdp.groupby("year")["code"].transform("nunique") == 31
    gdp = gdp[complete]
    by_region = gdp.groupby(["year", "macro_region"])["value"].sum()
    share = 100 * by_region / by_region.groupby(level="year").transform("sum")
    return share.rename("share_pct").reset_index().assign(release=release)


@headline("macro_region_share", RELEASE_ARGUMENT, 1)
def macro_region_share(macro_region: str, release: str, year: int) -> float | None:
    """An NBS macro-region's GDP as % of the 31 provinces' sum in ``year``, in ``release``."""
    frame = macro_share_frame(release).set_index(["macro_region", "year"])["share_pct"]
    found = frame.get((macro_region, year))
    return None if found is None else float(found)


def _province_code(region: str) -> str:
    return next(r["code"] for r in regions.table() if r["slug"] == region)


def _province_rank(region: str, indicator: str, release: str, year: int) -> float | None:
    """A province's rank among the 31 by ``indicator`` in ``year``, within ``release``."""
    rows = load("economy_provinces", indicator=indicator, release=release)
    rows = rows[(rows["code"] == _province_code(region)) & (rows["year"] == year)]
    return (
        float(rows["rank"].iloc[0])
        if len(rows) and rows["provinces_ranked"].iloc[0] == 31
        else None
    )


@headline("per_capita_rank", PROVINCES_RELEASE, 0)
def per_capita_rank(region: str, year: int) -> float | None:
    """A province's rank by GDP per person among the 31 provinces (1 = highest)."""
    return _province_rank(region, "gdp_per_capita", PROVINCES_RELEASE, year)


@headline("gdp_rank", PROVINCES_LATER, 0)
def gdp_rank(region: str, year: int) -> float | None:
    """A province's rank by GDP among the 31 provinces (1 = largest), 2025/26 release."""
    return _province_rank(region, "gdp_nominal", PROVINCES_LATER, year)


def _share_said(macro_region: str, release: str, year: int) -> str:
    return _("{value} %").format(value=stated("macro_region_share", macro_region, release, year))


def _provinces_later(ctx: Context) -> str | None:
    """Ranks by GDP and the four regions' shares, 2006 -> 2019 -> 2024, in the 2025/26
    release."""
    first, middle, last = PROVINCES_LATER_YEARS
    if any(value("gdp_rank", r, y) is None for r in ctx.own() for y in PROVINCES_LATER_YEARS):
        return None
    ranks = [
        _("{region} {first_rank} → {middle_rank} → **{last_rank}**").format(
            region=ctx.md_name(region),
            first_rank=stated("gdp_rank", region, first),
            middle_rank=stated("gdp_rank", region, middle),
            last_rank=stated("gdp_rank", region, last),
        )
        for region in ctx.own()
    ]
    shares = [
        _("{region} {first_value} → {middle_value} → **{last_value}**").format(
            region=_(MACRO_LABELS[m]),
            first_value=_share_said(m, PROVINCES_LATER, first),
            middle_value=_share_said(m, PROVINCES_LATER, middle),
            last_value=_share_said(m, PROVINCES_LATER, last),
        )
        for m in MACRO_REGIONS
    ]
    source = _("{first} → {middle} → {last}; {release}, one release for every year").format(
        first=first, middle=middle, last=last, release=_(releases.NAMES[PROVINCES_LATER])
    )
    return _(
        "**Among China's regions and the 31 provinces** ({source}): rank by GDP among the 31 "
        "provinces (1 = largest): {ranks}. Share of the 31 provinces' summed GDP: {shares}."
    ).format(
        source=_source(ctx, source),
        ranks=_join(ranks, "clauses"),
        shares=_join(shares, "clauses"),
    )


def _provinces_main(ctx: Context) -> str | None:
    """Ranks by GDP per person and the Northeast's share, 2003 -> 2019, in the c.2021 release
    (the one with GDP per person of all 31 provinces)."""
    start, end = PROVINCES_YEARS
    if any(value("per_capita_rank", r, y) is None for r in ctx.own() for y in PROVINCES_YEARS):
        return None
    ranks = [
        _("{region} {start_rank} → **{end_rank}**").format(
            region=ctx.md_name(region),
            start_rank=stated("per_capita_rank", region, start),
            end_rank=stated("per_capita_rank", region, end),
        )
        for region in ctx.own()
    ]
    share = _("{region} {start_value} → **{end_value}**").format(
        region=_(MACRO_LABELS["northeast"]),
        start_value=_share_said("northeast", PROVINCES_RELEASE, start),
        end_value=_share_said("northeast", PROVINCES_RELEASE, end),
    )
    return _(
        "In the NBS release of c.2021, which stops in 2019 (a separate release, not joined; "
        "{start} → {end}): rank by GDP per person among the 31 provinces (1 = highest; the "
        "later release has no GDP per person): {ranks}; share of the summed GDP: {share}."
    ).format(start=start, end=end, ranks=_join(ranks, "clauses"), share=share)


@_once
def provinces(ctx: Context) -> str | None:
    parts = [part for part in (_provinces_later(ctx), _provinces_main(ctx)) if part]
    return _join(parts, "sentences") if parts else None


# -- grain -----------------------------------------------------------------------------------

GRAIN_RELEASES = (releases.MAIN, "first-release")


@_frame_once(lambda ctx: (ctx.region,))
def grain_share_frame(ctx: Context) -> pd.DataFrame:
    """The region's grain output as % of the nation's, within one release per year: the NBS
    portal series (revised after the 3rd agricultural census) or the first releases, never
    one over the other. A year counts only where every province of the region and China have
    one value in that release (copies that agree at their printed precision count once, see
    :func:`one_printed_value`; copies that differ leave the year out)."""
    grain = load("economy_grain_output", region=[*ctx.own(), "china"])
    rows = []
    for (year, release), group in grain.groupby(["year", "release"]):
        if set(group["region"]) != {*ctx.own(), "china"}:
            continue
        level = {r: one_printed_value(g) for r, g in group.groupby("region")}
        if any(v is None for v in level.values()):
            continue
        share = 100 * sum(level[r] for r in ctx.own()) / level["china"]
        rows.append({"year": year, "release": release, "share_pct": share})
    return pd.DataFrame(rows, columns=["year", "release", "share_pct"])


# The printed unit of a grain figure and its size in 10,000 tonnes (1 jin = 0.5 kg).
_GRAIN_PRINTED_UNITS = {"万吨": 1.0, "亿斤": 5.0}


def one_printed_value(copies: pd.DataFrame) -> float | None:
    """One grain figure from its copies (``grain_10k_t``, ``printed``): the most precise copy
    where all agree at the precision they were printed to (each copy stands for the range its
    rounding covers, and the ranges meet: the NBS's 68,652.8 in its table and 68,653 in its
    text are one figure), else None (copies that truly differ)."""
    if copies["grain_10k_t"].nunique() == 1:
        return float(copies["grain_10k_t"].iloc[0])
    ranges = []
    for value, printed in zip(copies["grain_10k_t"], copies["printed"], strict=True):
        text, _space, unit = str(printed).partition(" ")
        decimals = min(len(text.partition(".")[2]), 4)  # the value is kept to 4 decimals
        half = 0.5 * 10**-decimals * _GRAIN_PRINTED_UNITS[unit.strip()]
        ranges.append((value - half, value + half, half, value))
    if max(r[0] for r in ranges) >= min(r[1] for r in ranges) - 1e-9:  # ranges only touch
        return None
    return float(min(ranges, key=lambda r: r[2])[3])


@headline("grain_share", RELEASE_ARGUMENT, 1)
def grain_share(region: str, release: str, year: int) -> float | None:
    """``region``'s grain output as % of the nation's in ``year``, both from ``release``."""
    frame = grain_share_frame(_plain_context(region))
    frame = frame[(frame["release"] == release) & (frame["year"] == year)]
    return float(frame["share_pct"].iloc[0]) if len(frame) else None


@_once
def grain(ctx: Context) -> str | None:
    frame = grain_share_frame(ctx)
    said = []
    for release, label in zip(GRAIN_RELEASES, GRAIN_LABELS, strict=True):
        years = sorted(frame.loc[frame["release"] == release, "year"])
        if not years:
            continue
        values = _join(
            [
                _("{year}: {share}").format(
                    year=y,
                    share=_("{value} %").format(
                        value=stated("grain_share", ctx.region, release, y)
                    ),
                )
                + _grain_dagger(ctx, release, y)
                for y in years
            ],
            "list",
        )
        said.append(_("{release}: {values}").format(release=_(label), values=values))
    if not said:
        return None
    source = _(
        "region and nation from one release each time; the two releases are not compared with "
        "each other"
    )
    return _legend(
        _("**Grain: share of China's grain output, {region}** ({source}): {values}.").format(
            region=ctx.md_name(), source=_source(ctx, source), values=_join(said, "clauses")
        )
    )


def _grain_dagger(ctx: Context, release: str, year: int) -> str:
    """A dagger after a grain share one of whose figures (a province's or China's, in
    ``release`` and ``year``) was found only in a secondary source, as the chart's list of
    secondary-only figures names them; else nothing."""
    rows = load("economy_grain_output", region=[*ctx.own(), "china"], release=release, year=year)
    whole = load("economy_grain_output")
    return _space() + DAGGER if grades.secondary_only(rows, whole).any() else ""


GRAIN_LABELS = (
    N_("NBS portal series (revised after the 3rd agricultural census)"),
    N_("first releases (announcements and communiqués)"),
)


# -- structure -------------------------------------------------------------------------------

SECTOR_ORDER = {"primary": 0, "secondary": 1, "tertiary": 2}


def structure_frame(ctx: Context) -> pd.DataFrame:
    """Sector shares of GDP in the main release; an aggregate sums its members' value added
    (the sectors add up to GDP within the release)."""
    va = load("economy_value_added", release=MAIN, region=ctx.own())
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
    gdp = with_northeast(gdp_main(), "gdp_cny_100m", by=("release",))
    frame = co2.merge(gdp[["region", "year", "release", "gdp_cny_100m"]], on=["region", "year"])
    frame = frame[frame["region"].isin([ctx.region, ctx.comparison])]
    # t CO2 per 10,000 yuan = (Mt x 1e6) / (100 million yuan x 1e4)
    return frame.assign(t_per_10k_yuan=100 * frame["co2_mt"] / frame["gdp_cny_100m"])


def _co2_series() -> pd.Series:
    from nereport.data.series import with_northeast

    co2 = with_northeast(load("environment_co2"), "co2_mt").set_index(["region", "year"])
    return co2["co2_mt"]


# CO2 changes are measured between three-year means around the launch year and at the end of
# the CEADs release (report/environment.py states them). A base year that is a one-year spike
# of the region's series is left out of the mean (Jilin 2003: 92.2 -> 134.3 -> 112.3 Mt while
# its coal use rose smoothly), so that the figure does not start on it.
CO2_BASE_YEARS = (2002, 2003, 2004)
# A year is a one-year spike when its figure is more than this many per cent above both the
# year before and the year after (or below both): it jumps and reverts the next year.
SPIKE_PCT = 15.0


def spikes(series: pd.Series, years: tuple[int, ...]) -> tuple[int, ...]:
    """The years among ``years`` whose figure in ``series`` (indexed by year) is a one-year
    spike: more than SPIKE_PCT % above both neighbouring years, or more than SPIKE_PCT % below
    both. A year without both neighbours is never called a spike; the most extreme spike is
    found first and its neighbours are then judged without it (Jilin 2004 is low only beside
    the 2003 spike)."""
    s = series.dropna()
    found: list[int] = []
    while True:
        apart = {}
        for year in years:
            if year in found or not {year - 1, year, year + 1} <= set(s.index):
                continue
            both = (100 * (s[year] / s[year - 1] - 1), 100 * (s[year] / s[year + 1] - 1))
            if min(both) > SPIKE_PCT or max(both) < -SPIKE_PCT:
                apart[year] = min(abs(b) for b in both)
        if not apart:
            return tuple(sorted(found))
        year = max(apart, key=apart.__getitem__)
        found.append(year)
        s = s.drop(year)


def co2_spikes(region: str) -> dict[str, tuple[int, ...]]:
    """The base years that are one-year spikes, by the series they spike in: ``region``'s own,
    or, for an aggregate, each member's (the Northeast's sum hides Jilin's 2003 spike, yet
    rests on it as the Jilin report's base does not)."""
    co2 = _co2_series()
    found = {}
    for part in regions.members(region) or (region,):
        if part in co2.index.get_level_values(0):
            if spiked := spikes(co2.loc[part], CO2_BASE_YEARS):
                found[part] = spiked
    return found


def co2_base_years(region: str) -> tuple[int, ...]:
    """CO2_BASE_YEARS without the years that are one-year spikes of ``region``'s CO2 series or
    of a member's: (2002, 2004) for Jilin and the Northeast, the three years elsewhere."""
    spiked = {y for years in co2_spikes(region).values() for y in years}
    return tuple(y for y in CO2_BASE_YEARS if y not in spiked)


def mean_over(series: pd.Series, years: tuple[int, ...]) -> float | None:
    """The mean of ``series`` (indexed by year) over ``years``, only where all are published."""
    if not set(years) <= set(series.dropna().index):
        return None
    return float(series.loc[list(years)].mean())


@headline("co2_change", "CEADs", 0)
def co2_change_pct(region: str, first: tuple[int, ...], last: tuple[int, ...]) -> float | None:
    """% change of CO2 emissions (CEADs inventory) between the means over ``first`` and over
    ``last`` (three-year windows)."""
    co2 = _co2_series()
    if region not in co2.index.get_level_values(0):
        return None
    before, after = (mean_over(co2.loc[region], years) for years in (first, last))
    if before is None or after is None:
        return None
    return 100 * (after / before - 1)


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
    air = load("environment_air_pollutants", pollutant="so2", scope="env-stats-2011", primary=True)
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
    largest = max(total[first], total[last])  # both ends in one scale: '1.13 Mt → 0.97 Mt'
    return _(
        "**Sulphur dioxide** ({source}): {change} ({before} → {after}), against {other} nationally."
    ).format(
        source=_source(ctx, source),
        change=signed(100 * (total[last] / total[first] - 1), 0),
        before=i18n.amount(total[first], "10k t", largest=largest),
        after=i18n.amount(total[last], "10k t", largest=largest),
        other=signed(100 * (other[last] / other[first] - 1), 0),
    )


def secondary_marks(dataset: str, rows: pd.DataFrame) -> pd.Series:
    """For each row of ``dataset`` in ``rows``: a dagger (with the space before it) where its
    figure was found only in a secondary copy (no better-graded row of the dataset gives it),
    else nothing; the mark tables and charts print."""
    if rows.empty:
        return pd.Series("", index=rows.index, dtype=object)
    marked = grades.secondary_only(rows, load(dataset)).to_numpy()
    return pd.Series([_space() + DAGGER if m else "" for m in marked], index=rows.index)


def as_precise(value: float) -> str:
    """A figure with the one decimal it was published with, or none: 26.9, 30."""
    return number(value, 0 if float(value).is_integer() else 1)


def preliminary(note: object) -> str | None:
    """The date a figure was announced where its release, as the compiler noted it ('release:
    ... announced 2026-02-28 (preliminary)'), is a preliminary result; else None."""
    if not isinstance(note, str) or "release:" not in note:
        return None
    release = note.rsplit("release:", 1)[1]
    if "preliminary" not in release:
        return None
    dates = re.findall(r"\d{4}-\d{2}-\d{2}", release)
    return dates[-1] if dates else ""


def _pm25_rows(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """China's PM2.5 means by year, and the region's in the years China has one, each marked †
    where found only in a secondary copy."""
    pm = load("environment_pm25")
    china = pm[pm["region"] == "china"].drop_duplicates("year").set_index("year")
    china = china.assign(mark=secondary_marks("environment_pm25", china))
    own = pm[pm["region"].isin(ctx.own()) & pm["year"].isin(china.index)]
    return china, own.assign(mark=secondary_marks("environment_pm25", own))


def pm25_beyond(ctx: Context) -> pd.DataFrame:
    """The rows the PM2.5 finding names after the report's period (the region's latest figure
    there and China's of that year), so that the † list under the chart names them too."""
    china, own = _pm25_rows(ctx)
    later = own[own["year"] > ctx.end].sort_values("year").groupby("region").tail(1)
    china = china[china.index.isin(later["year"])].reset_index()
    return pd.concat([later, china], ignore_index=True)


def _pm25_clause(ctx: Context, r, china: pd.DataFrame) -> str:
    said = _("{region} {year}: **{value}** µg/m³{mark} (China {china}{china_mark}, {network})")
    said = said.format(
        region=ctx.md_name(r.region),
        year=int(r.year),
        value=as_precise(r.pm25_ugm3),  # as published: 26.9, not 27
        mark=r.mark,
        china=as_precise(china.loc[r.year, "pm25_ugm3"]),
        china_mark=china.loc[r.year, "mark"],
        # the network is a label declared with the dataset (data.datasets.environment)
        network=esc(flat(_(china.loc[r.year, "network"]))),
    )
    when = preliminary(r.note)
    if when:
        return _("{said}, a preliminary figure announced {date}").format(
            said=said, date=i18n.when(when)
        )
    if when is not None:
        return _("{said}, a preliminary figure").format(said=said)
    return said


def _pm25_latest(ctx: Context, rows: pd.DataFrame, china: pd.DataFrame) -> list[str]:
    """One clause per region: its latest figure among ``rows`` beside China's of that year."""
    latest = rows.sort_values("year").groupby("region").tail(1)
    ordered = sorted(latest.itertuples(), key=lambda r: regions.rank()[r.region])
    return [_pm25_clause(ctx, r, china) for r in ordered]


@_once
def pm25(ctx: Context) -> str | None:
    """The region's latest PM2.5 mean within the report's years beside China's of that year;
    a later figure (after the report's last year, off its chart) only as a note after it."""
    china, own = _pm25_rows(ctx)
    inside = own[own["year"].between(ctx.start, ctx.end)]
    if inside.empty:
        return None
    text = _(
        "**PM2.5** (annual means as published by provincial and national bulletins; the "
        "networks differ): {values}."
    ).format(values=_join(_pm25_latest(ctx, inside, china), "clauses"))
    later = own[own["year"] > ctx.end]
    if not later.empty:
        note = _("After the report's period (to {end}), not on the chart: {values}.").format(
            end=ctx.end, values=_join(_pm25_latest(ctx, later, china), "clauses")
        )
        text = _join([text, note], "sentences")
    return text + _space() + _(_SECONDARY_LEGEND) if DAGGER in text else text


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
    # The dagger's meaning once, below the findings, not after each finding that carries one.
    legend = _(_SECONDARY_LEGEND)
    marked = any(legend in s for s in said)
    said = [s.replace(_space() + legend, "").replace(legend, "") for s in said]
    lines = ["## " + _("Key findings"), ""] + [f"- {s}" for s in said]
    if marked:
        lines += ["", legend]
    if len(said) < len(wanted):
        count = len(wanted) - len(said)
        note = (
            _(
                "One finding left out: the data do not cover it for this region (see What is "
                "missing)."
            )
            if count == 1
            else _(
                "{count} findings left out: the data do not cover them for this region (see "
                "What is missing)."
            ).format(count=count)
        )
        lines += ["", f"*{note}*"]
    return Markdown("\n".join(lines))
