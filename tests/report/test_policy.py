"""Policy reports specific to their region: own programmes first and cited with their grade,
dates in order, the document range, the money chart's labels, no research notes."""

from __future__ import annotations

import re
from itertools import pairwise

import pandas as pd
import pytest

import nereport
from helpers import ROOT
from nereport import i18n, report
from nereport.data.datasets.policy import parse_date
from nereport.report import charts, policy
from nereport.report.describe import data_table, describe

REGIONS = ["liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast"]
LANGS = ["en", "zh"]
# Research remarks of the reference's text, as written there (English) and as once translated.
NOTES = re.compile(
    r"inferred from sequence|excerpt truncated|looks like a typo|not in the excerpt|"
    r"not named in the excerpt|conflicting (date|month) kept|; kept\)|East Port|年份据先后顺序推断"
)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    report.start("policy", region="jilin")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("region", REGIONS)
def test_each_report_names_its_own_programmes_cited(region: str, lang: str) -> None:
    ctx = report.start("policy", region=region, lang=lang)
    items = policy.own_programmes(ctx).data.splitlines()
    own = nereport.load("policy_provincial", region=region)
    assert len(items) == len(own) >= 3
    source = i18n.translate("Source: {grade}", lang).split("{grade}")[0]
    grades = {g: i18n.translate(label, lang) for g, label in policy.GRADE_LABELS.items()}
    for item, copy in zip(items, policy.provincial(ctx)["source"], strict=True):
        # Each row cites its grade in the report's language, never the copy read as the data
        # records it (English notes, mirrors' addresses): that stays in the dataset.
        cited = item.rpartition(source)[2]
        assert cited.rstrip("*") in grades.values(), item
        assert copy not in item, item
    # A row known only from secondary sources says so.
    marked = sum(i.endswith(f"{source}{grades['secondary']}*") for i in items)
    assert marked == (own["source_grade"] == "secondary").sum() > 0
    if lang == "zh":  # the events are in Chinese
        assert all(re.search(r"[\u4e00-\u9fff]{4}", i.split("—", 1)[1]) for i in items)


def test_inner_mongolia_covers_its_eastern_prefectures() -> None:
    text = policy.own_programmes(report.start("policy", region="inner-mongolia")).data
    for place in ("Hulunbuir", "Hinggan", "Tongliao", "Chifeng", "Xilin Gol"):
        assert place in text


def test_northeast_covers_the_instruments_across_provinces() -> None:
    ctx = report.start("policy", region="northeast")
    text = policy.own_programmes(ctx).data
    assert "国办发〔2017〕22号" in text and "Liaoning–Jiangsu" in text  # pairing cooperation
    assert "财税〔2004〕156号" in text  # the VAT-reform pilot
    assert "Instruments across the provinces" in policy.own_documents(ctx)


@pytest.mark.parametrize(
    ("region", "wanted"),
    [
        ("liaoning", ["国函〔2014〕76号", "国发〔2017〕15号"]),  # Jinpu New Area, the FTZ
        ("jilin", ["国函〔2016〕31号"]),  # Changchun New Area
        ("heilongjiang", ["国函〔2015〕217号"]),  # Harbin New Area
    ],
)
def test_key_findings_name_the_regions_documents(region: str, wanted: list[str]) -> None:
    finding = policy.own_documents(report.start("policy", region=region))
    assert all(number in finding for number in wanted)


@pytest.mark.parametrize("lang", LANGS)
def test_the_numbered_documents_finding_counts_what_the_section_counts_and_names_issuers(
    lang: str,
) -> None:
    # "Jilin's own documents: 4 of the 18 programmes, zones and plans" listed State Council and
    # NDRC documents, and the section counts 18 "programmes, zones, plans and events".
    ctx = report.start("policy", region="jilin", lang=lang)
    finding = policy.own_documents(ctx)
    total = len(policy.provincial(ctx))
    summary = policy.own_programmes_summary(ctx).data
    if lang == "en":
        assert "own documents" not in finding
        assert f"4 of the {total} programmes, zones, plans and events concerning Jilin" in finding
        assert f"**{total}** programmes, zones, plans and events" in summary
        assert "国函〔2016〕31号 (State Council, 2016-02-15" in finding
        assert "发改地区〔2016〕461号 (NDRC," in finding
    else:
        assert f"涉及吉林省的{total}项规划、园区、方案和事件中有4项带文号" in finding
        assert "国函〔2016〕31号（国务院，" in finding
    northeast = policy.own_documents(report.start("policy", region="northeast", lang=lang))
    assert ("Ministry of Finance and State" in northeast) or ("财政部、国家税务总局" in northeast)


@pytest.mark.parametrize("lang", LANGS)
def test_the_northeast_policy_report_speaks_of_itself_as_this_report(lang: str) -> None:
    # "the Northeast report lists the instruments that span the provinces" in that report.
    northeast = policy.own_programmes_intro(report.start("policy", region="northeast", lang=lang))
    jilin = policy.own_programmes_intro(report.start("policy", region="jilin", lang=lang))
    assert ("this report lists" in northeast.data) or ("本报告列出" in northeast.data)
    assert "Northeast report" not in northeast.data and "东北报告" not in northeast.data
    assert ("the Northeast report lists" in jilin.data) or ("东北报告列出" in jilin.data)


def test_the_document_range_ends_at_the_latest_document() -> None:
    # 国函〔2016〕177号 is dated only "2016": it may be later than 中发〔2016〕7号 (2016-04-26),
    # and is (November 2016); it must not be sorted first and dropped from the range's end.
    text = policy.documents(report.start("policy", region="jilin"))
    assert "from 中发〔2003〕11号 (2003-10) to 国函〔2016〕177号 (2016)" in text
    zh = policy.documents(report.start("policy", region="jilin", lang="zh"))
    assert "国函〔2016〕177号（2016年）" in zh or "国函〔2016〕177号 (2016年)" in zh


def test_dates_sort_after_the_dated_rows_of_their_year_or_month_and_undated_last() -> None:
    ms = policy.milestones()
    placed = ms["placed"].dropna()
    assert placed.is_monotonic_increasing
    assert ms["placed"].isna().tolist() == [False] * len(placed) + [True] * (len(ms) - len(placed))
    order = ms["date"].tolist()
    # The reply 国函〔2016〕177号 ("2016") approves the plan adopted on 2016-10-18.
    assert order.index("2016-04-26") < order.index("2016-10-18") < order.index("2016")
    assert order.index("2016-08") < order.index("2016-10-18")  # a month after its dated days
    first, last = policy.first_and_last(ms[ms["document_number"].notna()])
    assert (first.document_number, last.document_number) == (
        "中发〔2003〕11号",
        "国函〔2016〕177号",
    )


def test_in_date_order_places_a_year_or_month_after_its_days() -> None:
    dates = ["2016", "2016-04", "c.2016-2017", "2017-01-01", "undated", "2016-04-26", "2016-12-31"]
    frame = pd.DataFrame({"date": dates})
    parsed = frame["date"].map(parse_date)
    frame = frame.assign(
        precision=parsed.str[0],
        date_start=pd.to_datetime(parsed.str[1]),
        date_end=pd.to_datetime(parsed.str[2]),
    )
    assert policy.in_date_order(frame)["date"].tolist() == [
        "2016-04-26",
        "2016-04",
        "2016-12-31",
        "2016",
        "c.2016-2017",
        "2017-01-01",
        "undated",
    ]
    first, last = policy.first_and_last(frame[frame["date"].isin(["2016", "2016-04-26"])])
    assert (first.date, last.date) == ("2016-04-26", "2016")
    first, last = policy.first_and_last(frame)
    assert (first.date, last.date) == ("2016-04-26", "c.2016-2017")  # a span ends a range


@pytest.mark.parametrize(
    ("region", "before", "after"),
    [
        ("liaoning", "2018-03-17", "国函〔2018〕116号"),  # dated by its copy 2018-09-25
        ("northeast", "2006-03-29", "国务院关于松花江流域水污染防治规划"),  # the copy's 2006-08-23
    ],
)
def test_a_reply_follows_the_events_it_comes_after(region: str, before: str, after: str) -> None:
    rows = policy.provincial(report.start("policy", region=region))
    listed = rows["date"] + " " + rows["document"]
    first = listed.str.startswith(before).to_numpy().nonzero()[0][0]
    reply = listed.str.contains(after, regex=False).to_numpy().nonzero()[0][0]
    assert first < reply


def test_the_timeline_draws_a_year_after_the_days_of_that_year() -> None:
    spec = policy.timeline_chart(report.start("policy", region="jilin")).chart.to_dict()
    rows = [r for data in spec["datasets"].values() for r in data]
    day = {r["date"]: r["day"] for r in rows}
    assert day["2016-10-18"] < day["2016"] and day["2016"].startswith("2016")
    assert day["2003-09-29"] < day["2003-10"] < day["2003-12-02"]


def test_the_2007_plan_approval_is_one_event_in_the_national_and_the_regional_lists() -> None:
    national = policy.milestones()
    national = national[national["document_number"] == "国函〔2007〕76号"]
    im = policy.provincial(report.start("policy", region="inner-mongolia"))
    im = im[im["event"].str.contains("Northeast Revitalization Plan")]
    assert len(national) == len(im) == 1
    assert im["date"].iloc[0] == national["date"].iloc[0] == "2007-08-02"
    assert im["document_number"].iloc[0] == "国函〔2007〕76号"
    assert im["source_grade"].iloc[0] == "official-repost"  # the reply text read
    assert "wikisource" in im["source"].iloc[0] and "wikisource" in national["source"].iloc[0]


def test_the_2003_opinions_carry_their_number_from_the_copy_that_cites_it() -> None:
    ms = policy.milestones()
    issued = ms[ms["date"] == "2003-10"].iloc[0]
    assert issued.document_number == "中发〔2003〕11号"
    assert "lexiscn.com" in issued.source and "official text, reposted" in issued.source
    text = policy.overview(report.start("policy", region="jilin")).data
    assert "**7** carry a document number" in text


@pytest.mark.parametrize(
    ("lang", "wanted"), [("en", "undated (before 2015)"), ("zh", "日期不详（2015年以前）")]
)
def test_undated_rows_say_so(lang: str, wanted: str) -> None:
    rows = policy.provincial(report.start("policy", region="northeast", lang=lang))
    assert rows["shown_date"].iloc[-1] == wanted  # and come last
    im = policy.provincial(report.start("policy", region="inner-mongolia", lang=lang))
    assert im["shown_date"].iloc[-1].startswith(wanted.split("(")[0].split("（")[0])


@pytest.mark.parametrize("lang", LANGS)
def test_money_chart_labels_are_wrapped_not_cut(lang: str) -> None:
    ctx = report.start("policy", region="jilin", lang=lang)
    spec = policy.money_chart(ctx).chart.to_dict()
    axis = spec["encoding"]["y"]["axis"]
    assert "split(datum.label" in axis["labelExpr"]
    amounts = policy.money(ctx)
    for label, date, what in zip(amounts["label"], amounts["date"], amounts["what"], strict=True):
        # Every line fits the axis' label limit, and the lines hold the whole label.
        assert all(charts._label_width(line) <= axis["labelLimit"] for line in label.split("\n"))
        full = i18n.translate("{date}: {what}", lang).format(date=policy.when(date), what=what)
        assert re.sub(r"\s", "", label).startswith(re.sub(r"\s", "", full))
    assert "not central funding" in " ".join(amounts["label"]).replace("\n", "") or lang == "zh"


@pytest.mark.parametrize("lang", LANGS)
def test_a_sum_stated_again_is_one_bar_with_the_later_statement_as_its_note(lang: str) -> None:
    # 1.6 trillion yuan was drawn twice (2016-05-10 and 2016-08): the NDRC's 2016-08 word on
    # the same sum is no new announcement.
    ctx = report.start("policy", region="jilin", lang=lang)
    amounts = policy.money(ctx)
    assert list(amounts["amount_value"]).count(16000) == 1
    assert not amounts["amount_value"].duplicated().any()
    sum_ = amounts[amounts["amount_value"] == 16000].iloc[0]
    assert sum_["date"] == "2016-05-10"
    later = i18n.translate("{first}; the same sum stated again {date}: {what}", lang)
    assert later.split("{first}")[1].split("{date}")[0] in sum_["label"].replace("\n", "")
    assert policy.when("2016-08") in sum_["label"].replace("\n", "")
    spec = policy.money_chart(ctx).chart.to_dict()
    drawn = [v for v in spec["datasets"].values()][0]
    assert [r["amount_value"] for r in drawn].count(16000) == 1


def test_the_money_section_writes_sums_one_way() -> None:
    # "¥60 billion of development bonds ... the 1.6 trillion yuan of 2016": two styles.
    assert "¥" not in (ROOT / "notebooks" / "policy.ipynb").read_text(encoding="utf-8")


def test_wrap_keeps_every_word_and_numbers_whole() -> None:
    text = "c.2003-2004: first batch total investment, stated 610亿元 / 61 billion yuan"
    lines = charts.wrap(text)
    # Joined without a separator, the lines are the text again (a break's space begins a line).
    assert "".join(lines) == text and len(lines) > 1
    zh = "约2003—2004年：首批项目总投资，610亿元"
    for width in range(60, 200, 10):
        lines = charts.wrap(zh, width)
        assert "".join(lines) == zh
        assert not [a for a, b in pairwise(lines) if a[-1].isdigit() and b[0].isdigit()]
        assert not [b for b in lines[1:] if b[0] in "，。、；："]  # no line begins with a comma


def test_chinese_labels_break_at_punctuation_where_it_falls_late_enough() -> None:
    # "第一批项目总投/资", "并非中/央资金": broken inside words, where a comma or a bracket was near.
    text = "第一批项目总投资610亿元（并非中央资金），原文为600亿元、其余由地方和企业筹集"
    lines = charts.wrap(text)
    assert "".join(lines) == text
    assert lines[:3] == [
        "第一批项目总投资610亿元",
        "（并非中央资金），",
        "原文为600亿元、其余由地方和企业",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_money_charts_text_alternative_reads_each_label_as_one_line(lang: str) -> None:
    ctx = report.start("policy", region="jilin", lang=lang)
    spec = policy.money_chart(ctx).chart.to_dict()
    labels = list(policy.money(ctx)["label"])
    assert any("\n" in label for label in labels)  # the chart draws them on several lines
    text = describe(spec)
    assert "\n" not in text and not re.search(r"\s[，。；：,.;:]", text)
    for label in labels:
        assert label.replace("\n", "") in text
    header, rows = data_table(spec)
    assert sorted(row[header.index(i18n.translate("Announcement", lang))] for row in rows) == (
        sorted(label.replace("\n", "") for label in labels)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_research_notes_stay_out_of_the_policy_sections(lang: str) -> None:
    for region in REGIONS:
        ctx = report.start("policy", region=region, lang=lang)
        shown = [
            policy.own_programmes(ctx).data,
            policy.milestone_table(ctx).data,
            policy.programmes(ctx).data,
            policy.timeline_chart(ctx).chart.to_json(),
        ]
        assert not [m[0] for text in shown for m in [NOTES.search(text)] if m]


def test_note_column_keeps_the_remarks() -> None:
    notes = pd.concat(
        [nereport.load("policy_milestones")["note"], nereport.load("policy_provincial")["note"]]
    ).dropna()
    assert notes.str.contains("inferred from sequence").any()
    assert notes.str.contains("conflicting date kept").any()


def test_donggang_in_both_languages() -> None:
    for text in (
        "Russian border crossing; Donggang (Liaoning)",
        "A line covered by the four-city agreement, connecting a Russian border crossing with "
        "Donggang in Liaoning.",
    ):
        assert "东港" in i18n.translate(text, "zh") != text


@pytest.mark.parametrize("region", REGIONS)
def test_the_chinese_policy_text_is_set_as_chinese(region: str) -> None:
    ctx = report.start("policy", region=region, lang="zh")
    texts = [
        policy.own_programmes(ctx).data,
        policy.own_programmes_summary(ctx).data,
        policy.own_documents(ctx),
        policy.documents(ctx),
        policy.overview(ctx).data,
    ]
    for text in texts:
        # Full-width marks without spaces; no space around a bold number.
        assert not re.search(r"[。；，：] |; |[\u4e00-\u9fff] \*\*\d|\d\*\* [\u4e00-\u9fff]", text)
        assert "自己的" not in text
    heading = i18n.translate("## The region's own programmes, zones and plans", "zh")
    assert "自己的" not in heading
    # Document titles in 《》, the number after them in brackets; names of zones are no titles.
    table = policy.milestone_table(ctx).data
    assert "《国务院关于东北地区振兴规划的批复》／《东北地区振兴规划》（国函〔2007〕76号）" in table
    assert (
        "《中共中央 国务院关于全面振兴东北地区等老工业基地的若干意见》（中发〔2016〕7号）" in table
    )
    assert "》" not in policy.milestone_table(report.start("policy", region=region)).data


def test_titles_in_guillemets_keep_remarks_and_names_outside() -> None:
    assert policy.titled("东北地区振兴规划（批复）") == "《东北地区振兴规划》（批复）"
    assert policy.titled("五点一线") == "五点一线"  # a strategy's name, no title
    assert policy.titled("深入推进东北振兴座谈会") == "深入推进东北振兴座谈会"
    assert policy.titled("辽宁全面振兴新突破三年行动方案（2023—2025年）") == (
        "《辽宁全面振兴新突破三年行动方案（2023—2025年）》"
    )
    assert policy.titled("2023年省《政府工作报告》任务分解和责任分工方案") == (
        "《2023年省〈政府工作报告〉任务分解和责任分工方案》"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_programmes_summary_names_its_dataset_by_title(lang: str) -> None:
    # "see the dataset `policy_provincial`": an id in code type, in every policy report.
    ctx = report.start("policy", region="jilin", lang=lang)
    text = policy.own_programmes_summary(ctx).data
    assert "policy_provincial" not in text and "`" not in text
    assert ("“Provincial and cross-provincial" if lang == "en" else "“省级及跨省区") in text


# -- What reviewers read in the ten policy reports ----------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("region", REGIONS)
def test_issuing_bodies_are_named_in_the_reports_language(region: str) -> None:
    # The English edition printed '(辽宁省人民政府)'; the Chinese one nested brackets:
    # '（中共辽宁省委（李克强））'.
    english = policy.provincial(report.start("policy", region=region))["issuing_body"].dropna()
    assert not [b for b in english if CJK.search(b)]
    chinese = policy.provincial(report.start("policy", region=region, lang="zh"))
    bodies = chinese["issuing_body"].dropna()
    assert not [b for b in bodies if re.search(r"[（()）]", b)]
    assert all(CJK.search(b) for b in bodies)
    items = policy.own_programmes(report.start("policy", region=region, lang="zh")).data
    assert "某盟" not in items and "据期刊文章批准" not in items
    # No brackets within brackets in either edition: '(Tongliao city government (as reported))'.
    for lang in LANGS:
        text = policy.own_programmes(report.start("policy", region=region, lang=lang)).data
        bodies = [re.search(r"[(（]([^()（）]*)[)）][.。] ", i) for i in text.splitlines()]
        assert not [m[0] for m in bodies if m and re.search(r"[(（]", m[1])]
        assert not re.search(r"\)\)[.。]|）[)）][.。]", text)


def _outside_titles(text: str) -> str:
    """``text`` without its titles in 《》 (a title within a title is in 〈〉)."""
    return re.sub(r"《[^》]*》", "", text)


@pytest.mark.parametrize("region", REGIONS)
def test_chinese_events_set_document_titles_in_guillemets_as_the_data_gives_them(
    region: str,
) -> None:
    # '国务院关于同意设立长春新区的批复公布', '…二连浩特（锡林郭勒）重点开发开放试验区的批复':
    # a title without 《》, or with words put into it.
    ctx = report.start("policy", region=region, lang="zh")
    rows = pd.concat([policy.provincial(ctx), policy.shown(policy.milestones())])
    for event, title in zip(rows["event"], rows["document_title_cn"], strict=True):
        bare = _outside_titles(event)
        assert not re.search(
            r"关于[^，；：。]*?的(若干)?(实施|落实)?(意见|批复|通知|决定)", bare
        ), event
        if not isinstance(title, str) or policy.titled(title) == title:
            continue
        inner = title.replace("《", "〈").replace("》", "〉")  # a title within the title
        if title in event or inner in event:
            assert any(inner in t for t in re.findall(r"《([^》]*)》", event)), event


def test_the_document_column_holds_documents_only() -> None:
    # Zones, slogans and meetings ('五点一线', '长吉一体化', '…座谈会') and remarks ('（讨论）',
    # '（通知，执行）') were printed as documents.
    for name in ("policy_provincial", "policy_milestones"):
        titles = nereport.load(name)["document_title_cn"].dropna()
        not_titles = [t for t in titles if policy.titled(t) == t]
        assert not not_titles, not_titles
        assert not titles.str.contains(r"（(?:通知，执行|讨论|复函|批复)）").any()
    assert "座谈会" not in policy.milestone_table(report.start("policy", region="jilin")).data
    notes = nereport.load("policy_provincial")["note"].dropna()
    assert notes.str.contains("names 五点一线, not a document").any()


@pytest.mark.parametrize("lang", LANGS)
def test_the_money_is_paraphrased_not_quoted(lang: str) -> None:
    # "described by its source as '1.6 trillion yuan, project investment not central funding'":
    # the data's own label, quoted as if the source's words.
    ctx = report.start("policy", region="heilongjiang", lang=lang)
    for text in (policy.money_summary(ctx), policy.documents(ctx)):
        assert not re.search(r"[“”\"]", text), text
    assert not [w for w in policy.money(ctx)["what"] if re.search(r"\d", w)]
    if lang == "en":
        assert "was, by its source's account, project investment, not central funding" in (
            policy.money_summary(ctx)
        )


@pytest.mark.parametrize("lang", LANGS)
def test_events_state_what_happened_not_the_sources_discussion(lang: str) -> None:
    national = policy.milestone_table(report.start("policy", region="jilin", lang=lang)).data
    liaoning = policy.own_programmes(report.start("policy", region="liaoning", lang=lang)).data
    for text in (national, liaoning):
        assert not re.search(
            r"Wikipedia and mirrors|the same Wikipedia|维基百科及其镜像|同一维基", text
        )
    notes = nereport.load("policy_milestones").set_index("date")["note"]
    assert "call it the first meeting" in notes["2009-08"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_caption_counts_the_launch_years_among_the_dated_events(lang: str) -> None:
    # '在25项注明日期的大事中，图中标注了9项……；其中6项发生在……': the 6 read as 6 of the 9.
    ctx = report.start("policy", region="liaoning", lang=lang)
    dated = policy.milestones().dropna(subset=["date_start"])
    launch = int(dated["date_start"].dt.year.between(2003, 2004).sum())
    wanted = (
        f"{launch} of the {len(dated)} fall" if lang == "en" else f"{len(dated)}项中有{launch}项"
    )
    assert wanted in policy.timeline_chart(ctx).caption


@pytest.mark.parametrize(("lang", "rest"), [("en", "Rest of Inner Mongolia"), ("zh", "其余地区")])
def test_the_map_names_the_rest_of_inner_mongolia(lang: str, rest: str) -> None:
    # 'Inner Mongolia | Outside the policy area', then its five prefectures inside it.
    ctx = report.start("policy", region="jilin", lang=lang)
    spec = policy.map_chart(ctx).chart.to_dict()
    features = [f for rows in spec["datasets"].values() for f in rows]
    outside = i18n.translate("Outside the policy area", lang)
    names = {
        f["properties"]["name" if lang == "en" else "name_zh"]
        for f in features
        if f["properties"]["state"] == outside
    }
    assert len(names) == 1 and rest in names.pop()


def test_chinese_captions_say_the_releases_are_not_joined() -> None:
    subtitle = (
        "Region and national GDP from one release in each line; the two releases overlap in "
        "2015-2019 and are never joined"
    )
    assert "互不衔接" in i18n.translate(subtitle, "zh")
    assert "从不相连" not in i18n.catalog_path("zh", ".po").read_text(encoding="utf-8")


def test_an_english_event_carries_no_chinese_gloss() -> None:
    # "Second plenary meeting of the State Council Leading Group (领导小组第二次全体会议)".
    ms = policy.milestones()
    row = ms[ms["date"] == "2010-08-17"].iloc[0]
    assert row["event"] == "Second plenary meeting of the State Council Leading Group"
    assert "领导小组第二次全体会议" in row["note"]  # the term is kept, in the data dictionary
    table = policy.milestone_table(report.start("policy", region="jilin")).data
    assert "领导小组第二次全体会议" not in table


def test_a_document_number_is_printed_as_issued_not_romanised() -> None:
    # "under MoF/SAT Caishui [2004] 168" beside rows that keep 财税〔2004〕156号.
    text = policy.own_programmes(report.start("policy", region="liaoning")).data
    assert "财税〔2004〕168号" in text and "Caishui" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_instruments_after_the_reports_period_are_listed_as_such(lang: str) -> None:
    # Liaoning's list ran "from 2003-08-12 to 2025-12-03" in a report of 2000-2024, unflagged.
    ctx = report.start("policy", region="liaoning", lang=lang)
    summary = policy.own_programmes_summary(ctx).data
    items = policy.own_programmes(ctx).data.splitlines()
    later = [i for i in items if "2025" in i.split("—")[0]]
    assert len(later) == 2
    if lang == "en":
        assert "to 2025-12-03" not in summary and "to 2023-02-23" in summary
        assert "**2** of them are dated after the report's period (to 2024)" in summary
        assert all("after the report's period (to 2024)" in i for i in later)
        assert not [i for i in items if i not in later and "after the report's period" in i]
    else:
        assert "其中**2**项日期在本报告时段（截至2024年）之后" in summary
        assert all("在本报告时段（截至2024年）之后" in i for i in later)
