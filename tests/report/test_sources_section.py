"""The sources appendix as a reader gets it, and the mark of a figure only a secondary source
gives, in both languages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import nereport
from nereport import report
from nereport.report import economy

# Everything a report of each topic may load: the appendix of the fullest report.
DATASETS = [
    "economy_gdp",
    "economy_gdp_index",
    "economy_population",
    "economy_value_added",
    "economy_employment",
    "economy_population_census_prefectures",
    "environment_co2",
    "environment_nature_reserves",
    "environment_forest_wetland",
    "environment_pm25",
    "environment_water",
    "environment_air_pollutants",
    "policy_milestones",
    "geo_boundaries",
]
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _appendix(lang: str, region: str = "jilin") -> str:
    ctx = report.start("economy", region=region, lang=lang)
    for name in DATASETS:
        nereport.load(name)
    return report.sources(ctx).data


def _reader_text(markdown: str) -> str:
    """What a reader of the report's language reads: without what is kept as published in
    English (lang="en"), code spans (parameters, hashes) and markup."""
    text = re.sub(r'<span lang="en">.*?</span>', " ", markdown)
    text = re.sub(r"<code>.*?</code>", " ", text)
    return re.sub(r"<[^>]+>", " ", text)


def test_the_chinese_appendix_is_in_chinese() -> None:
    text = _reader_text(_appendix("zh"))
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    assert cjk > 5 * latin, (cjk, latin)
    assert "国家统计局：《中国统计年鉴2006》表5-28（各地区城镇登记失业人员及失业率）。" in text
    assert "《新中国六十年统计资料汇编》" in text and "National Bureau" not in text


def test_the_english_appendix_gives_the_original_title_beside_the_rendering() -> None:
    text = _appendix("en")
    assert (
        "China Statistical Yearbook 2006, table 5-28 '各地区城镇登记失业人员及失业率' (urban "
        "registered unemployment by region) "
        '(<span lang="zh-CN">《中国统计年鉴2006》表5-28（各地区城镇登记失业人员及失业率）</span>)'
    ) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_appendix_is_one_line_per_publication_without_files_or_hashes(lang: str) -> None:
    text = _appendix(lang)
    # A family of publications read in copies of two grades (e.g. communiqués read in reposts
    # and quoted by data sites) is cited in full once, under its best grade, and named short
    # under the other ("listed above"), not cited a second time.
    groups = re.findall(r'class="nr-sources-grade".*?<ul>(.*?)</ul>', text, re.S)
    items = [item for group in groups for item in re.findall(r"<li>(.*?)</li>", group)]
    assert len(items) == len(set(items))
    again = "listed above" if lang == "en" else "见上"
    short = [item for item in items if again in item]
    assert short and all(len(item) < 300 for item in short)
    assert len(re.findall(r"<li>(.*?)</li>", text)) >= 20
    assert ".csv" not in text and "data/raw" not in text and "Raw file" not in text
    # Only the run information's three digests (snapshot, library) remain, short.
    assert len(re.findall(r"<code>[0-9a-f]{16}</code>", text)) == 2
    assert text.count('class="nr-sources-grade"') == 4  # the four grades, best first
    # One HTML block under the heading (a blank line would end it in Markdown).
    assert "\n\n" not in text.split("## ", 1)[1].split("\n", 1)[1].strip()
    assert "region=jilin" in text


def test_a_table_marks_the_rows_only_a_secondary_source_gives() -> None:
    report.start("economy", region="jilin")
    frame = pd.DataFrame(
        {
            "region": ["jilin", "jilin", "liaoning"],
            "year": [2021, 2019, 2024],
            "value": [6.6, 3.0, 5.1],
            "source_id": ["jilin_first_releases", "nbs_portal_2021", "liaoning_first_releases"],
            "note": ["", "", "secondary source; cited: blog"],
        }
    )
    html = report.table(frame, {"region": "Region", "year": "Year", "value": "Growth"}).data
    assert html.count("†") == 3  # two rows and the legend
    assert "<td>jilin †</td>" in html and "<td>liaoning †</td>" in html
    assert "Found only in a secondary source" in html
    clean = report.table(frame.iloc[[1]], {"region": "Region", "value": "Growth"}).data
    assert "†" not in clean


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "† Secondary source only: Liaoning 2020, 2023."),
        ("zh", "† 仅见于二手资料：辽宁省2020年、2023年。"),
    ],
)
def test_a_chart_names_the_points_only_a_secondary_source_gives(lang: str, expected: str) -> None:
    ctx = report.start("economy", region="liaoning", lang=lang)
    assert economy.real_growth_chart(ctx).caption.endswith(expected)


def test_the_northeast_lists_its_provinces_in_order() -> None:
    ctx = report.start("economy", region="northeast")
    caption = economy.real_growth_chart(ctx).caption
    assert caption.endswith(
        "† Secondary source only: Liaoning 2020, 2023; Jilin 2020, 2021, 2023; Heilongjiang 2023."
    )


def test_a_figure_from_official_copies_only_has_no_mark() -> None:
    ctx = report.start("economy", region="liaoning", end_year=2019)
    assert "†" not in economy.real_growth_chart(ctx).caption


def test_english_words_in_a_chinese_citation_are_marked_english() -> None:
    # An English site cited in the Chinese appendix: its name and page title as published,
    # marked lang="en" (read in English, not counted as the report's Chinese).
    from nereport import i18n
    from nereport.data.sources import SOURCES
    from nereport.report.context import citation

    with i18n.using("zh"):
        text = citation(SOURCES["amur_atlas"])
    assert '<span lang="en">Amur-Heilong environmental atlas</span>（阿穆尔河' in text
    assert not re.findall(r"[A-Za-z]{3,}", re.sub(r'<span lang="en">.*?</span>|<[^>]+>', "", text))
