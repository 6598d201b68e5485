"""The provincial policy instruments (policy2_provincial) and the policy texts a reader sees."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import nereport
from nereport.data.datasets.policy import parse_date
from nereport.data.sources import GRADES, SOURCES

# What the reference's research remarks look like; none may stay in the text a report shows.
REMARK_WORDS = ("excerpt", "inferred", "kept", "not seen", "typo", "(event)")


@pytest.fixture(scope="module")
def provincial() -> pd.DataFrame:
    return nereport.load("policy_provincial")


def test_every_region_has_its_rows(provincial: pd.DataFrame) -> None:
    counts = provincial.groupby("region").size().to_dict()
    assert counts == {
        "liaoning": 24,
        "jilin": 18,
        "heilongjiang": 17,
        "inner-mongolia": 15,
        "northeast": 18,
    }


def test_each_row_is_in_the_source_of_its_grade(provincial: pd.DataFrame) -> None:
    assert provincial["source_grade"].value_counts().to_dict() == {
        "secondary": 53,
        "official-repost": 30,  # the 2007 plan approval, read in its reply text (2007-08-02)
        "official": 5,
        "scholarly": 4,
    }
    grade_of = provincial["source_id"].map(lambda s: SOURCES[s].grade)
    assert (grade_of == provincial["source_grade"]).all()
    for source_id in provincial["source_id"].unique():
        source = SOURCES[source_id]
        assert source.grade in GRADES and source.title_zh and source.publisher_zh


@pytest.mark.parametrize(
    ("region", "date", "number"),
    [
        ("northeast", "2004-09-14", "财税〔2004〕156号"),  # the VAT-reform pilot's rules
        ("liaoning", "2014-06-23", "国函〔2014〕76号"),  # Jinpu New Area
        ("heilongjiang", "2015-12-16", "国函〔2015〕217号"),  # Harbin New Area
        ("jilin", "2016-02-15", "国函〔2016〕31号"),  # Changchun New Area
        ("liaoning", "2017-03-15", "国发〔2017〕15号"),  # Liaoning free-trade zone
        ("northeast", "2017-03-07", "国办发〔2017〕22号"),  # pairing with eastern provinces
        ("inner-mongolia", "2023-10-05", "国发〔2023〕16号"),
    ],
)
def test_documents_of_the_reference(
    provincial: pd.DataFrame, region: str, date: str, number: str
) -> None:
    row = provincial[provincial["document_number"] == number]
    assert row[["region", "date"]].values.tolist() == [[region, date]]


def test_changjitu_and_the_heilongjiang_ftz_are_dated(provincial: pd.DataFrame) -> None:
    jilin = provincial[provincial["region"] == "jilin"]
    changjitu = jilin[jilin["document_title_cn"].fillna("").str.contains("长吉图")]
    # Approval and publication are two events, both kept.
    assert changjitu["date"].tolist() == ["2009-08-30", "2009-11-16"]
    ftz = provincial[provincial["document_title_cn"] == "中国（黑龙江）自由贸易试验区总体方案"]
    assert ftz["date"].tolist() == ["2019-08-26"] and ftz["precision"].tolist() == ["day"]


def test_conflicting_rows_are_kept(provincial: pd.DataFrame) -> None:
    liaoning = provincial[provincial["region"] == "liaoning"]
    assert {"2014-06-23", "2014-07", "2011-09-16", "2011-09-26"} <= set(liaoning["date"])
    blast = provincial[(provincial["date"] == "2005-11-13")]
    assert len(blast) == 2 and blast["amount_value"].dropna().tolist() == [4600]


def test_undated_and_range_dates() -> None:
    assert parse_date("n.d. (after 2021-11)") == ("undated", None, None)
    assert parse_date("2005-2020") == (
        "range",
        pd.Timestamp("2005-01-01"),
        pd.Timestamp("2020-12-31"),
    )


def test_research_remarks_are_notes_not_text(provincial: pd.DataFrame) -> None:
    milestones = nereport.load("policy_milestones")
    for frame in (provincial, milestones):
        for column in ("event", "issuing_body"):
            text = frame[column].dropna()
            assert not [t for t in text if any(w in t for w in REMARK_WORDS)], column
    summit = milestones[milestones["date"] == "2010-04"].iloc[0]
    assert "inferred from sequence" in summit["note"] and "inferred" not in summit["event"]
    assert "Shenyang" in summit["event"] and "25 articles" in summit["event"]
    undated = provincial[provincial["date"] == "n.d. (after 2021-11)"].iloc[0]
    assert undated["note"].split("; ") == [
        "date not in the excerpt",
        "approved by a State Council or government reply (批复) whose title was not read",
    ]
    assert undated["event"].endswith("(reply cites the 11th Inner Mongolia Party Congress)")


def test_donggang_is_not_translated_word_for_word() -> None:
    programmes = nereport.load("policy_programmes").set_index("id")
    railway = programmes.loc["east-east-railway"]
    assert "Donggang" in railway["places"] and "Donggang" in railway["description"]
    assert not programmes.apply(lambda r: r.str.contains("East Port")).any().any()


def test_a_chinese_title_holds_no_english_remark(provincial: pd.DataFrame) -> None:
    # The raw title '沈阳都市圈发展规划 (implementation reported)': the remark goes to the note,
    # the note it had is kept.
    titles = provincial["document_title_cn"].dropna()
    assert not titles.str.contains("[A-Za-z]").any(), titles[titles.str.contains("[A-Za-z]")]
    row = provincial[provincial["document_title_cn"] == "沈阳都市圈发展规划"].iloc[0]
    assert row["note"] == "implementation reported; approval date not seen"


def test_dates_and_numbers_read_in_the_stored_copies(provincial: pd.DataFrame) -> None:
    # Each correction of the reference names the copy it was read in and says what it changed.
    milestones = nereport.load("policy_milestones").set_index("date")
    opinions = milestones.loc["2003-10"]
    assert opinions["document_number"] == "中发〔2003〕11号"
    assert (
        "Zhong Fa [2003] No. 11" in opinions["source"] and "财税〔2004〕156号" in opinions["note"]
    )
    assert milestones.loc["2007-08-02", "document_number"] == "国函〔2007〕76号"
    dated = provincial.set_index("document_title_cn")
    shenfu = dated.loc["国务院关于沈抚改革创新示范区建设方案的批复"]
    assert shenfu["date"] == "2018-09-25" and "page date" in shenfu["note"]
    # The span of years with one dash, as Chinese writes it (the reference doubled it).
    songhua = dated.loc["国务院关于松花江流域水污染防治规划（2006—2010年）的批复"]
    assert songhua["date"] == "2006-08-23" and "the reference gave 2006" in songhua["note"]
    assert not provincial["document_title_cn"].str.contains("——\\d", na=False).any()


@pytest.mark.parametrize("name", ["policy_milestones", "policy_provincial"])
def test_events_name_provinces_in_full_in_one_spelling(name: str) -> None:
    # "party secretaries of HL, JL, LN and IM focused on NE revitalization", "revitalisation"
    # beside "revitalization": a quoted title ('…') alone stays as printed.
    frame = nereport.load(name)
    for column in ("event", "issuing_body"):
        for text in frame[column].dropna():
            unquoted = re.sub(r"(?<!\w)'[^']*'(?!\w)", "", text)
            assert not re.search(r"\b(HL|JL|LN|IM|NE|GD|JS|ZJ)\b|[Rr]evitalis", unquoted), text
