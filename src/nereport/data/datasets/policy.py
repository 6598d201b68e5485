"""Policy: the timeline of milestones and the provincial programmes."""

from __future__ import annotations

import re

import pandas as pd

from nereport.data.datasets._common import join_notes, region_column, source_column
from nereport.data.declarations import Column, Dataset
from nereport.data.sources import GRADES
from nereport.i18n import N_

PRECISIONS = ("day", "month", "year", "range", "undated")


def parse_date(text: str) -> tuple[str | None, pd.Timestamp | None, pd.Timestamp | None]:
    """'2003-09-10' / '2003-10' / '2016' / 'c.2003-2004' / '2005-2020' / 'undated' /
    'n.d. (after 2021-11)' -> (precision, start, end)."""
    text = text.strip()
    if text == "undated" or re.fullmatch(r"n\.d\. \((after|before) \d{4}(-\d{2})?\)", text):
        return "undated", None, None
    if m := re.fullmatch(r"(?:c\.)?(\d{4})-(\d{4})", text):
        return "range", pd.Timestamp(f"{m[1]}-01-01"), pd.Timestamp(f"{m[2]}-12-31")
    for pattern, precision, period in (
        (r"\d{4}-\d{2}-\d{2}", "day", "D"),
        (r"\d{4}-\d{2}", "month", "M"),
        (r"\d{4}", "year", "Y"),
    ):
        if re.fullmatch(pattern, text):
            try:
                p = pd.Period(text, freq=period)
            except ValueError:
                return None, None, None
            return precision, p.start_time.normalize(), p.end_time.normalize()
    return None, None, None


def _remark(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split '(title not captured …)' placeholders out of a text column into a note."""
    is_remark = series.str.match(r"^\(.*\)$", na=False)
    return series.where(~is_remark, ""), series.where(is_remark, "").str.strip("()")


# The reference's title column also names what is no document: strategies, zones, programmes
# and meetings ('五点一线', '金普新区', '…座谈会'), already named in the event. Such a row has no
# document; the name goes to its note.
NOT_DOCUMENTS = frozenset(
    {
        "五点一线",
        "沈阳经济区",
        "国家新型工业化综合配套改革试验区（沈阳经济区）",
        "金普新区",
        "长吉一体化",
        "五大产业基地",
        "中国图们江区域（珲春）国际合作示范区",
        "中东西“三大板块”",
        "哈大齐工业走廊",
        "“五大规划”发展战略",
        "满洲里重点开发开放试验区",
        "支持东部盟市加快发展",
        "停止天然林商业性采伐",
        "全面停止重点国有林区天然林商业性采伐",
        "东北地区扩大增值税抵扣范围试点",
        "深入推进东北振兴座谈会",
        "新时代推动东北全面振兴座谈会",
    }
)
# Remarks the reference wrote in brackets before or after a Chinese title: what it says of the
# document, not its title. (remark, the document's title is kept, the note it leaves.)
TITLE_REMARKS_CN = {
    "（通知，执行）": (
        True,
        "the bureau's notice implements these measures (the reference: 通知，执行)",
    ),
    "（批复）": (
        True,
        "approved by a State Council or government reply (批复) whose title was not read",
    ),
    "（讨论）": (False, "the symposium discussed the opinions {title}; they were not yet issued"),
    "（复函）": (
        False,
        "approved by a letter (复函) whose title was not read; the reference names {title}",
    ),
}


def documents_only(raw: pd.DataFrame) -> pd.DataFrame:
    """The rows with a document title only where the row names a document (see NOT_DOCUMENTS,
    TITLE_REMARKS_CN): names and remarks go to the note."""
    titles, notes = [], []
    for title, note in zip(raw["document_title_cn"], raw["note"], strict=True):
        said = ""
        if title in NOT_DOCUMENTS:
            title, said = "", f"the reference's title column names {title}, not a document"
        for remark, (kept, what) in TITLE_REMARKS_CN.items():
            if remark in title:
                bare = title.replace(remark, "")
                title, said = (bare if kept else ""), what.format(title=bare)
        titles.append(title)
        notes.append("; ".join(n for n in (note, said) if n))
    return raw.assign(document_title_cn=titles, note=notes)


def clean_policy_milestones(raw: pd.DataFrame) -> pd.DataFrame:
    raw = documents_only(raw)
    parsed = raw["date"].map(parse_date)
    title, title_note = _remark(raw["document_title_cn"])
    number, number_note = _remark(raw["document_number"])
    return raw.assign(
        precision=parsed.str[0],
        date_start=parsed.str[1],
        date_end=parsed.str[2],
        document_title_cn=title.replace("", None),
        document_number=number.replace("", None),
        note=join_notes(raw["note"], title_note, number_note),
    )


def clean_policy_programmes(raw: pd.DataFrame) -> pd.DataFrame:
    return raw


# An English remark the compilation left after a Chinese title ('沈阳都市圈发展规划
# (implementation reported)'): a research remark, not part of the title.
TITLE_REMARK = r"\s*\(([A-Za-z][^()]*)\)\s*$"


def clean_policy_provincial(raw: pd.DataFrame) -> pd.DataFrame:
    raw = documents_only(raw)
    parsed = raw["date"].map(parse_date)
    remark = raw["document_title_cn"].str.extract(TITLE_REMARK)[0]
    title = raw["document_title_cn"].str.replace(TITLE_REMARK, "", regex=True)
    note = raw["note"].replace("", None)
    # The title's remark joins the row's note, so it stays in the data.
    note = note.where(remark.isna(), remark.str.cat(note, sep="; ", na_rep="").str.rstrip("; "))
    return raw.assign(
        precision=parsed.str[0],
        date_start=parsed.str[1],
        date_end=parsed.str[2],
        issuing_body=raw["issuing_body"].replace("", None),
        document_title_cn=title.replace("", None),
        document_number=raw["document_number"].replace("", None),
        note=note,
    )


# The provincial rows are grouped by the grade of the copy read, one source id a grade.
PROVINCIAL_SOURCES = (
    "policy_provincial_official",
    "policy_provincial_repost",
    "policy_provincial_scholarly",
    "policy_provincial_secondary",
)
POLICY_REGIONS = ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")


DATASETS = [
    Dataset(
        name="policy_milestones",
        title=N_("Policy milestones of the Northeast revitalization"),
        description="Dated events of the policy, 2002-2023: congress reports, State Council and "
        "CPC documents, Leading Group meetings, plans, summits and announced sums, with the "
        "issuing body, Chinese title, document number and amount where known. The 1.6 trillion "
        "yuan of 2016 is project investment in the 2016-2018 rolling plan, not central funding "
        "(NDRC). Undated facts of the atlas page (the 11 special decrees, the development bonds) "
        "have precision `undated`.",
        sources=("policy_documents",),
        raw_columns=(
            "date",
            "event",
            "issuing_body",
            "document_title_cn",
            "document_number",
            "amount_value",
            "amount_unit",
            "source",
            "note",
        ),
        columns=(
            Column(
                "date", "str", "Date as known: YYYY-MM-DD, YYYY-MM, YYYY, c.YYYY-YYYY or 'undated'"
            ),
            Column("precision", "str", "Precision of the date", allowed=PRECISIONS),
            Column("date_start", "date", "First day the date can mean", required=False),
            Column("date_end", "date", "Last day the date can mean", required=False),
            Column("event", "str", "What happened"),
            Column("issuing_body", "str", "Body that issued or held it"),
            Column("document_title_cn", "str", "Chinese title of the document", required=False),
            Column("document_number", "str", "Document number (文号)", required=False),
            Column("amount_value", "float", "Amount announced", required=False, min=0),
            Column("amount_unit", "str", "Unit of the amount, with what it was", required=False),
            Column("source", "str", "Where the event is documented"),
            Column(
                "note",
                "str",
                "What the sources did not give; research remarks moved out of the event text",
                required=False,
            ),
        ),
        primary_key=("date", "event"),
        processing="Dates parsed to start/end days with their precision; placeholders in the "
        "document columns moved to `note`, as the compile script moved the research remarks of "
        "the event text.",
        clean=clean_policy_milestones,
        gaps=N_(
            "Not found: the 2003 Opinions' own text (their number, 中发〔2003〕11号, is as "
            "财税〔2004〕156号 cites them), the day of the reply 国函〔2016〕177号 (only its year), "
            "the day of the September 2018 Shenyang symposium."
        ),
    ),
    Dataset(
        name="policy_programmes",
        title=N_("Provincial revitalization programmes"),
        description="Programmes of the provinces and cities named in the Amur-Heilong atlas page "
        "on the policy: Jilin's five industrial parks, Heilongjiang's six industrial bases and "
        "Harbin-Daqing-Qiqihar belt, the Manzhouli corridor, the four-city agreement and its "
        "railways.",
        sources=("amur_atlas",),
        raw_columns=("id", "name", "region", "kind", "places", "description"),
        columns=(
            Column("id", "str", "Identifier"),
            Column("name", "str", "Programme"),
            region_column(),
            Column("kind", "str", "Kind of programme"),
            Column("places", "str", "Places named, separated by ;"),
            Column("description", "str", "What it is, in nereport's words"),
            source_column(("amur_atlas",)),
        ),
        primary_key=("id",),
        processing="Compiled from the atlas page; `northeast` marks cross-province programmes.",
        clean=clean_policy_programmes,
        gaps=N_(
            "No programme specific to Liaoning or to the five Inner Mongolia prefectures is "
            "named in the sources read; no budgets or dates."
        ),
    ),
    Dataset(
        name="policy_provincial",
        title=N_("Provincial and cross-provincial revitalization instruments"),
        description="The provinces' own programmes, zones and plans (Liaoning, Jilin, "
        "Heilongjiang, the five eastern prefectures of Inner Mongolia) and the instruments "
        "across provinces (`northeast`: the VAT pilot, pairing cooperation, cluster and border "
        "plans), 2003-2025: date, event, issuing body, Chinese title, document number and "
        "amount as printed, each row citing the copy read and its grade. Where two sources "
        "disagree on a date or figure, both rows are kept.",
        sources=PROVINCIAL_SOURCES,
        raw_columns=(
            "date",
            "event",
            "issuing_body",
            "document_title_cn",
            "document_number",
            "amount_value",
            "amount_unit",
            "source",
            "region",
            "source_grade",
            "note",
        ),
        columns=(
            Column(
                "date",
                "str",
                "Date as known: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-YYYY or 'n.d. (after|before …)'",
            ),
            Column("precision", "str", "Precision of the date", allowed=PRECISIONS),
            Column("date_start", "date", "First day the date can mean", required=False),
            Column("date_end", "date", "Last day the date can mean", required=False),
            Column("event", "str", "What was issued, approved or happened"),
            Column("issuing_body", "str", "Body that issued or approved it", required=False),
            Column("document_title_cn", "str", "Chinese title of the document", required=False),
            Column("document_number", "str", "Document number (文号)", required=False),
            Column("amount_value", "float", "Amount as printed", required=False, min=0),
            Column("amount_unit", "str", "Scale of the amount, with what it was", required=False),
            Column("source", "str", "The copy read (and the original outlet where named)"),
            Column(
                "region",
                "str",
                "Region slug; `northeast`: across provinces",
                allowed=POLICY_REGIONS,
            ),
            Column("source_grade", "str", "Grade of the copy read", allowed=GRADES),
            source_column(PROVINCIAL_SOURCES),
            Column(
                "note",
                "str",
                "Research remarks: what the copy read lacked, conflicts kept",
                required=False,
            ),
        ),
        primary_key=("region", "date", "event"),
        processing="Dates parsed to start/end days with their precision (undated rows have "
        "none); empty text cells become missing. The compile script moved the research remarks "
        "of the reference's text (what an excerpt lacked, that a conflict was kept) to `note`; "
        "an English remark after a Chinese title joins `note` too.",
        clean=clean_policy_provincial,
        gaps=N_(
            "Not found: Heilongjiang's six industrial bases and its 14th Five-Year Plan outline; "
            "the approval numbers of the 2009 Liaoning coastal plan, Changjitu, the Manzhouli and "
            "Erenhot zones and the Heilongjiang free-trade zone; the day the VAT pilot began; "
            "the date of the provinces' 2004 revitalization decisions. Most rows were read in "
            "secondary copies."
        ),
    ),
]
