"""economy_census_population: each province's census population and change as its own
7th-census bulletin prints them, from the bulletins' sources."""

from __future__ import annotations

import nereport
from nereport.data import grades
from nereport.data.sources import SOURCES

# (region, indicator, year) -> the figure as the bulletin prints it (a decrease negative).
PRINTED = {
    ("jilin", "census_population", 2020): 24073453,
    ("jilin", "census_population_change_vs_2010", 2020): -3379362,
    ("jilin", "census_population_change_pct_vs_2010", 2020): -12.31,
    ("liaoning", "census_population", 2020): 42591407,
    ("liaoning", "census_population", 2010): 43746323,
    ("liaoning", "census_population_change_vs_2010", 2020): -1154916,
    ("liaoning", "census_population_change_pct_vs_2010", 2020): -2.64,
    ("heilongjiang", "census_population", 2020): 31850088,
    ("heilongjiang", "census_population", 2010): 38313991,
    ("heilongjiang", "census_population_change_vs_2010", 2020): -6463903,
    ("heilongjiang", "census_population_change_pct_vs_2010", 2020): -16.87,
    ("inner-mongolia", "census_population", 2020): 24049155,
    ("inner-mongolia", "census_population", 2010): 24706321,
    ("inner-mongolia", "census_population_change_vs_2010", 2020): -657166,
    ("inner-mongolia", "census_population_change_pct_vs_2010", 2020): -2.66,
}
BULLETIN = {
    "jilin": (
        "jilin_census7_bulletin1",
        "吉林省第七次全国人口普查公报（第一号）",
        "official-repost",
    ),
    "liaoning": (
        "liaoning_census7_bulletin1",
        "辽宁省第七次全国人口普查公报（第1号）",
        "official-repost",
    ),
    "heilongjiang": (
        "heilongjiang_census7_bulletin",
        "黑龙江省第七次全国人口普查公报",
        "secondary",
    ),
    "inner-mongolia": (
        "inner_mongolia_census7_bulletin",
        "内蒙古自治区第七次全国人口普查公报",
        "official-repost",
    ),
}


def test_the_rows_are_the_bulletins_printed_figures() -> None:
    rows = nereport.load("economy_census_population")
    found = {(r.region, r.indicator, r.year): r.value for r in rows.itertuples()}
    assert found == PRINTED
    # Jilin's bulletin prints no 2010 base: none is derived (24,073,453 + 3,379,362).
    assert 27452815 not in set(rows["value"]) and 27462297 not in set(rows["value"])
    assert set(rows["census"]) == {"census-2020"}


def test_each_row_comes_from_its_provinces_bulletin_and_quotes_it() -> None:
    rows = nereport.load("economy_census_population")
    for row in rows.itertuples():
        source_id, title_zh, _grade = BULLETIN[row.region]
        assert row.source_id == source_id
        assert title_zh.split("（")[0] in row.note
        printed = f"{abs(row.value):g}" if row.unit == "%" else f"{abs(int(row.value))}"
        assert printed in row.note.replace(",", "")


def test_the_source_records_name_the_bulletins_and_the_copy_read() -> None:
    for source_id, title_zh, grade in BULLETIN.values():
        source = SOURCES[source_id]
        assert source.title_zh.startswith("《" + title_zh)
        assert "统计局" in source.publisher_zh and "Bureau of Statistics" in source.publisher
        assert source.grade == grade and source.url.startswith("http")
        assert "not the publisher's site" in source.via or "not read" in source.via
        assert source.release == "census-2020"
    assert "2021-05-24" in SOURCES["jilin_census7_bulletin1"].title
    assert "2021-05-30" in SOURCES["liaoning_census7_bulletin1"].title


def test_heilongjiangs_change_is_marked_as_found_only_in_a_secondary_copy() -> None:
    rows = nereport.load("economy_census_population")
    only = rows[grades.secondary_only(rows).to_numpy()]
    assert set(only["region"]) == {"heilongjiang"}
