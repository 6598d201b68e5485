"""The source registry: every publication graded, cited in Chinese where it is Chinese, and
given terms of use only where they are known."""

from __future__ import annotations

import re

import pytest

from nereport.data.sources import (
    _SOURCES,
    CENSUS_PANEL_TERMS,
    COMPILATION_TERMS,
    GRADES,
    NBS_TERMS,
    SOURCES,
    STATE_ORGAN_TERMS,
    STATE_ORGANS,
    Source,
    state_organ_document,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
# Publications that are not Chinese (written and published outside China, in English): they
# keep their English title and publisher in the Chinese report too.
NOT_CHINESE = {"amur_atlas", "paulnoll_changchun"}


def test_every_source_has_a_valid_grade() -> None:
    wrong = {s.id: s.grade for s in _SOURCES if s.grade not in GRADES}
    assert not wrong, f"sources without a grade in {GRADES}: {wrong}"


def test_every_chinese_publication_has_its_chinese_title_and_publisher() -> None:
    missing = [
        s.id
        for s in _SOURCES
        if s.id not in NOT_CHINESE
        and not (CJK.search(s.title_zh or "") and CJK.search(s.publisher_zh or ""))
    ]
    assert not missing, f"Chinese publications without title_zh and publisher_zh: {missing}"


@pytest.mark.parametrize("source_id", sorted(NOT_CHINESE))
def test_the_publications_left_in_english_are_not_chinese(source_id: str) -> None:
    source = SOURCES[source_id]
    assert source.grade == "secondary" and not CJK.search(source.publisher + source.title)


def test_the_publishers_own_copy_is_read_directly() -> None:
    # An official grade means the figures were read in the publisher's own copy: no copy
    # "read via" a mirror, a news report or a third-party export.
    via = [s.id for s in _SOURCES if s.grade == "official" and s.via]
    assert not via, f"graded official but read via another copy: {via}"
    # Its address is the url, or each row names its page (a family of
    # communiqués read on several government sites).
    per_row = ("`note`", "'source' column")
    assert all(
        s.url or any(m in s.note for m in per_row) for s in _SOURCES if s.grade == "official"
    )


@pytest.mark.parametrize(
    ("source_id", "grade"),
    [
        ("csy2006_t2_6", "official"),  # the NBS yearbook page itself
        ("nbs_portal_2021", "official-repost"),  # a GitHub export of the NBS portal
        ("cnki_csy_gdp", "official-repost"),  # yearbook tables read via CNKI
        ("ceads_provinces", "scholarly"),
        ("census7_prefecture_bulletins", "scholarly"),  # the peer-reviewed census panel
        ("jilin_first_releases", "secondary"),  # only blog quotations
        ("paulnoll_changchun", "secondary"),  # a personal website
        ("acmr_inner_mongolia_2022", "secondary"),
    ],
)
def test_grades_follow_the_copy_read(source_id: str, grade: str) -> None:
    assert SOURCES[source_id].grade == grade


def test_chinese_titles_cite_yearbooks_by_their_title() -> None:
    assert SOURCES["csy2006_t5_28"].title_zh.startswith("《中国统计年鉴2006》表5-28")
    assert SOURCES["cnki_compendium_population"].title_zh.startswith("《新中国六十年统计资料汇编》")
    assert SOURCES["csy2006_t2_6"].publisher_zh == "国家统计局"


# A named publication: a communiqué or bulletin (公报), a yearbook (年鉴), a compendium (汇编).
_PUBLICATION = re.compile(r"公报|年鉴|汇编")


def test_chinese_titles_put_every_publication_in_guillemets() -> None:
    # "辽宁省国民经济和社会发展统计公报（2020—2024年）" was printed beside 《…》 titles.
    # A word in an annotation (（…）: "年鉴初次公布数", "未见公报原文") names no publication.
    bare = {
        s.id: s.title_zh
        for s in _SOURCES
        if _PUBLICATION.search(re.sub(r"《[^》]*》|（[^（）]*）", "", s.title_zh))
    }
    assert not bare


def test_chinese_table_titles_have_one_form() -> None:
    # "表5-28 各地区城镇登记失业人员及失业率" beside "表2-6（东部、中部、西部和东北地区…）".
    tables = {s.id: s.title_zh for s in _SOURCES if re.search(r"表\d+-\d+", s.title_zh)}
    assert tables
    assert not {k: t for k, t in tables.items() if not re.search(r"》表\d+-\d+（", t)}


def test_the_nbs_portal_has_one_chinese_name() -> None:
    # 国家统计局数据库 and 国家数据 named one portal in one appendix.
    assert not {s.id: s.title_zh for s in _SOURCES if "国家数据" in s.title_zh}


def test_the_data_dictionary_keeps_the_grades_files_and_checksums() -> None:
    # The report's appendix leaves files and hashes out: the data dictionary has them.
    import nereport
    from nereport.data.raw import recorded_checksums

    text = nereport.describe("economy_gdp_index")
    assert "**`jilin_first_releases`** (secondary)" in text
    assert "Original: 辽宁省统计局：《辽宁省国民经济和社会发展统计公报》" in text
    digest = recorded_checksums()["jilin_first_releases/economy_gdp_index.csv"]
    assert f"`data/raw/jilin_first_releases/economy_gdp_index.csv` sha256 `{digest}`" in text


@pytest.mark.parametrize(
    "source_id",
    [
        "mee_bulletin_2018",  # a state-of-environment bulletin of the ministry
        "mep_reduction_2014",  # MEP, NBS and NDRC jointly
        "liaoning_2020s_official",  # communiqués and work reports on the government's own site
        "jilin_dee_2022",  # a provincial department of ecology and environment
        "jilin_gov_forest",  # a people's government
        "gbt2260",  # the MCA code list
        "mohrss_2017",
    ],
)
def test_a_state_organs_official_document_has_the_state_organ_terms(source_id: str) -> None:
    assert SOURCES[source_id].licence == STATE_ORGAN_TERMS


@pytest.mark.parametrize(
    "source_id",
    [
        "xinhua_2009_heilongjiang",  # a news agency
        "liaoning_daily_2022",  # a newspaper
        "heilongjiang_forestry_journal",  # a journal article
        "jilin_first_releases",  # a statistics bureau's figures, read only in blogs
        "liaoning_2020s_secondary",  # the same, in data sites and news summaries
        "mee_env_secondary",
        "liaoning_health_white_paper",  # the copy names no issuing body
        "heilongjiang_land_survey3",  # nor does this one
        "heilongjiang_2020_table",  # a website's tabulation, compiling bureau not named
        "census6_citypopulation",  # a data site's copy of the census
        "amur_atlas",  # an NGO's page that states no terms
    ],
)
def test_other_sources_stay_without_terms(source_id: str) -> None:
    assert SOURCES[source_id].licence == ""


def test_the_state_organ_terms_follow_the_rule_and_nothing_else() -> None:
    given = {s.id for s in _SOURCES if s.licence == STATE_ORGAN_TERMS}
    assert given == {s.id for s in _SOURCES if state_organ_document(s) and s.licence != NBS_TERMS}
    # Every official text of a state organ has its terms: none is left to be withheld.
    assert all(s.licence for s in _SOURCES if state_organ_document(s))
    assert not [s.id for s in _SOURCES if s.grade in ("scholarly", "secondary") and s.id in given]


def test_every_state_organ_named_is_a_sources_publisher() -> None:
    # A publisher spelled one way here and edited in its record would silently lose its terms.
    publishers = {s.publisher for s in _SOURCES}
    assert not STATE_ORGANS - publishers


@pytest.mark.parametrize(
    ("publisher", "grade", "expected"),
    [
        ("Ministry of Ecology and Environment (MEE)", "official", True),
        ("Ministry of Ecology and Environment (MEE)", "official-repost", True),
        ("Ministry of Ecology and Environment (MEE)", "secondary", False),
        ("Ministry of Ecology and Environment (MEE)", "scholarly", False),
        ("Xinhua News Agency", "official-repost", False),
        ("someone's blog", "official", False),
    ],
)
def test_the_rule_needs_a_state_organ_and_an_official_copy(
    publisher: str, grade: str, expected: bool
) -> None:
    s = Source("x", publisher, "t", "v", "v", grade=grade)
    assert state_organ_document(s) is expected


def test_chinese_titles_mark_a_publication_a_headline_and_a_latin_title() -> None:
    # "（2022年1—12月全国地表水环境质量状况，2023年1月新闻发布会和发布）", a headline printed
    # unmarked after 据黑龙江省环境保护厅, and 'Page 15 - Changchun' in straight quotes.
    from nereport.data.sources import SOURCES

    for source_id in ("mee_water_2018", "mee_water_2020", "mee_water_2021", "mee_water_2022"):
        assert SOURCES[source_id].title_zh.startswith("《"), source_id
        assert "全国地表水环境质量状况》（" in SOURCES[source_id].title_zh, source_id
    assert SOURCES["heilongjiang_epd_2010"].title_zh.startswith("“黑龙江省自然保护区面积稳步增加”")
    assert not [s for s, r in SOURCES.items() if r.title_zh and "'" in r.title_zh]


@pytest.mark.parametrize(
    ("source_id", "terms"),
    [
        # The census panel's repository is MIT-licensed (its LICENSE predates the data file).
        ("census7_prefecture_bulletins", CENSUS_PANEL_TERMS),
        ("census6_prefectures_rebased", CENSUS_PANEL_TERMS),
        # nereport's own lists: facts in its own words, each row citing its publication.
        ("policy_documents", COMPILATION_TERMS),
        ("policy_provincial_official", COMPILATION_TERMS),
        ("policy_provincial_secondary", COMPILATION_TERMS),
    ],
)
def test_terms_of_their_own_are_recorded(source_id: str, terms: str) -> None:
    assert SOURCES[source_id].licence == terms
