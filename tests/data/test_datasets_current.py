"""The 2020-2025 figures (econ3_*, env3_*, demo_*): first releases kept apart from revised
series, one copy per figure unless copies disagree, every source graded, units converted once."""

from __future__ import annotations

import runpy

import pytest

import nereport
from helpers import ROOT, one
from nereport.data import grades
from nereport.data.datasets import REGISTRY
from nereport.data.sources import GRADES, SOURCES

SCRIPT = runpy.run_path(str(ROOT / "scripts" / "compile_raw.py"))
NEW = [
    "economy_growth_rates",
    "economy_vital_statistics",
    "economy_census_age",
    "economy_census_education",
    "economy_census_migration",
    "economy_grain_output",
    "environment_good_air_days",
]
EXTENDED = [
    "economy_gdp",
    "economy_population",
    "economy_gdp_index",
    "economy_value_added",
    "economy_income",
    "economy_budget",
    "environment_pm25",
]
SUFFIX_GRADE = {"_official": "official", "_repost": "official-repost", "_secondary": "secondary"}


def _current_sources() -> set[str]:
    return {
        s
        for name in NEW + EXTENDED
        for s in REGISTRY[name].sources
        if any(s.endswith(suffix) for suffix in SUFFIX_GRADE)
    }


# -- the declarations and sources -----------------------------------------------------------


@pytest.mark.parametrize("name", NEW)
def test_new_datasets_are_declared_whole(name: str) -> None:
    ds = REGISTRY[name]
    assert ds.title and ds.description and ds.processing and ds.gaps.strip()
    assert "source_id" in ds.primary_key
    frame = nereport.load(name)
    assert len(frame) and not frame.duplicated(list(ds.primary_key)).any()


def test_every_new_source_is_graded_with_its_chinese_title() -> None:
    ids = _current_sources()
    assert len(ids) >= 30
    for source_id in ids:
        source = SOURCES[source_id]
        grade = next(g for suffix, g in SUFFIX_GRADE.items() if source_id.endswith(suffix))
        assert source.grade == grade in GRADES, source_id
        assert source.title_zh and source.publisher_zh, source_id
        # Publication titles stand in 《》 in the record itself, once, as the appendix prints it.
        title = source.title_zh
        assert "《《" not in title and title.count("《") == title.count("》"), source_id


@pytest.mark.parametrize("name", NEW + EXTENDED)
def test_rows_of_a_secondary_copy_say_so_and_name_the_copy(name: str) -> None:
    frame = nereport.load(name)
    rows = frame[frame["source_id"].isin(_current_sources())]
    secondary = rows[rows["source_id"].map(lambda s: SOURCES[s].grade) == "secondary"]
    assert secondary["note"].str.contains("secondary source").all()
    if "cited" in rows:  # economy_population keeps the citation in its own column
        assert rows["cited"].notna().all()
    else:
        assert rows["note"].str.contains("cited: ").all()


@pytest.mark.parametrize(
    ("row", "grade"),
    [
        ({"source": "辽宁省发改委 report, lnrd.gov.cn/lnrd/hy/x.shtml", "unit": "%"}, "official"),
        (
            {"source": "communique; repost web.xiaze.org/tjgb/1.html", "unit": "%"},
            "official-repost",
        ),
        ({"source": "blog article aipaogen.com/x (secondary)", "unit": "%"}, "secondary"),
        (
            {"source": "Mysteel m.mysteel.com/a/1", "unit": "%; release: (secondary report)"},
            "secondary",
        ),
    ],
)
def test_the_grade_of_a_copy(row: dict[str, str], grade: str) -> None:
    assert SCRIPT["current_grade"](row) == grade


# -- first releases: their own release, one copy per figure, conflicts kept ---------------


def test_a_figure_already_catalogued_is_not_written_twice() -> None:
    # Liaoning 2021 GDP 27584.1: econ2 has the communiqué; econ3 repeats it (communiqué and the
    # January release): one row.
    va = nereport.load("economy_value_added", region="liaoning", year=2021)
    assert set(va["gdp_cny_100m"]) == {27584.1}
    assert set(va["source_id"]) == {"liaoning_first_releases"}
    growth = nereport.load("economy_gdp_index", release="first-release")
    assert not growth.duplicated(["region", "year"]).any()  # one first-release rate a year


def test_a_figure_read_in_a_blog_cites_the_official_copy_where_one_was_found() -> None:
    # Liaoning 2024 growth 5.1 %: econ2 read it in a blog (daydaynews); the province's
    # plan-execution report on lnrd.gov.cn prints it too ('全省地区生产总值32612.7亿元,同比增长
    # 5.1%'). The official copy is the row, so the growth chart no longer marks 2024 with a †.
    growth = nereport.load("economy_gdp_index", region="liaoning", release="first-release")
    rows = growth[growth["year"] == 2024]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["growth_pct"], row["source_id"]) == (5.1, "liaoning_2020s_official")
    assert "lnrd.gov.cn" in row["note"] and not row["note"].startswith("secondary")
    assert SOURCES[row["source_id"]].grade == "official"
    assert set(growth[grades.secondary_only(growth).to_numpy()]["year"]) == {2020, 2023, 2025}


def test_an_econ2_secondary_row_gives_way_only_to_a_better_copy_of_the_same_figure() -> None:
    better = {("Liaoning", "2024", "gdp_growth_pct", 5.1)}
    blog = {"region": "Liaoning", "year": "2024", "indicator": "gdp_growth_pct", "value": "5.1"}
    assert SCRIPT["replaced"]({**blog, "source": "blog x.cc (secondary, unofficial)"}, better)
    assert not SCRIPT["replaced"]({**blog, "source": "communiqué, repost x.org"}, better)
    other = {**blog, "value": "5.0", "source": "blog x.cc (secondary)"}
    assert not SCRIPT["replaced"](other, better)


def test_copies_that_disagree_are_both_kept_by_source() -> None:
    gdp = nereport.load("economy_gdp", region="liaoning", year=2024, release="first-release")
    by_source = gdp.set_index("source_id")["gdp_cny_100m"].to_dict()
    assert by_source == {"liaoning_2020s_official": 32612.7, "liaoning_2020s_secondary": 32612.0}


def test_a_revised_first_release_is_its_own_release() -> None:
    growth = nereport.load("economy_gdp_index", region="inner-mongolia", year=2022)
    assert growth.set_index("release")["growth_pct"].to_dict() == {
        "first-release": 4.2,
        "final-verification": 4.4,
    }


def test_first_releases_are_not_joined_to_revised_series() -> None:
    # China 2022: first release 1210207 beside the post-5th-census 1234029.4, never merged.
    va = nereport.load("economy_value_added", region="china", year=2022, sector="primary")
    assert va.set_index("release")["gdp_cny_100m"].to_dict() == {
        "first-release": 1210207.0,
        "nbs-2025-03": 1234029.4,
    }


def test_a_copy_keeps_its_gdp_and_three_sectors_together() -> None:
    # Inner Mongolia 2020: the January release (17360) repeats one sector of the communiqué
    # copy (6868); it is kept beside the others so the copy's sectors sum to its GDP.
    va = nereport.load("economy_value_added", region="inner-mongolia", year=2020)
    january = va[va["source_id"] == "inner_mongolia_2020s_repost"]
    assert sorted(january["sector"]) == ["primary", "secondary", "tertiary"]
    assert january["value_added_cny_100m"].sum() == pytest.approx(17360, abs=0.5)


def test_a_gdp_constant_of_an_unnamed_code_file_is_left_out() -> None:
    gdp = nereport.load("economy_gdp", region="jilin", release="first-release")
    assert 2022 not in set(gdp["year"])  # 13070.24 seen only in a pyecharts demo script


def test_population_first_releases_extend_past_2020() -> None:
    pop = nereport.load("economy_population", region="china", release="first-release")
    assert one(pop, "population_10k", year=2024) == 140828
    assert one(pop, "population_10k", year=2025) == 140489


# -- new concepts ---------------------------------------------------------------------------


def test_growth_rates_say_their_price_basis() -> None:
    rates = nereport.load("economy_growth_rates", region="liaoning")
    assert one(rates, "price_basis", year=2022, indicator="urban_disposable_income_growth_pct") == (
        "nominal"
    )
    assert one(rates, "price_basis", year=2021, indicator="va_primary_growth_pct") == "real"


def test_vital_statistics_keep_two_printed_values_apart() -> None:
    rates = nereport.load(
        "economy_vital_statistics",
        region="heilongjiang",
        year=2022,
        indicator="natural_growth_rate",
    )
    assert sorted(rates["value"]) == [-5.75, -5.11]
    assert rates["copy"].nunique() == 2


def test_census_age_structure_shares_and_printed_changes() -> None:
    age = nereport.load("economy_census_age", age_group="65+")
    assert one(age, "value", region="liaoning", year=2020, measure="share") == 17.42
    assert one(age, "value", region="liaoning", year=2010, measure="share") == 10.31
    assert one(age, "value", region="liaoning", year=2020, measure="change_pp_vs_2010") == 7.11
    assert one(age, "value", region="china", year=2010, measure="share") == 8.87
    assert one(age, "value", region="inner-mongolia", measure="change_pp_vs_2010") == 5.49
    # Printed changes stay changes: no 2010 level is derived for Inner Mongolia.
    assert 2010 not in set(age[age["region"] == "inner-mongolia"]["year"])
    shares = nereport.load("economy_census_age", year=2020, measure="share", region="jilin")
    assert shares.set_index("age_group")["value"].to_dict() == {
        "0-14": 11.71,
        "15-59": 65.23,
        "60+": 23.06,
        "65+": 15.61,
    }


def test_census_education_per_100k() -> None:
    edu = nereport.load("economy_census_education", region="liaoning")
    assert edu.set_index("year")["univ_per_100k"].to_dict() == {2010: 11965, 2020: 18216}


def test_grain_in_jin_is_converted_once_and_the_printed_figure_kept() -> None:
    grain = nereport.load("economy_grain_output", region="heilongjiang", year=2021)
    assert set(grain["grain_10k_t"]) == {7867.7}  # 1573.54 亿斤 x 5 = the 7867.7 万吨 printed
    assert set(grain["printed"]) == {"1573.54 亿斤", "7867.7 万吨"}
    assert set(grain["unit"]) == {"10,000 tonnes"}


def test_grain_first_releases_apart_from_the_revised_portal_series() -> None:
    grain = nereport.load("economy_grain_output", region="china", year=2015)
    assert grain.set_index("release")["grain_10k_t"].to_dict() == {
        "first-release": 62143.5,
        "nbs-2021": 66060.274,
    }


def test_good_air_days_keep_networks_and_the_best_copy() -> None:
    days = nereport.load("environment_good_air_days", region="jilin", year=2023, measure="all days")
    assert days.set_index("network")["share_pct"].to_dict() == {
        "prefecture-level-and-above cities": 92.4,
        "province": 90.7,
    }
    china = nereport.load("environment_good_air_days", region="china", year=2022)
    # Two copies print 86.5: the official text reposted by 中证网 is kept, the mirror is not.
    assert list(china["source_id"]) == ["mee_env_repost"]
    assert list(china["share_pct"]) == [86.5]


def test_heilongjiang_2023_bulletin_figures_of_one_korean_report_are_left_out() -> None:
    # Its 2023 pair (94.2 % good-air days, 84.4 % good water) equals the 2024 bulletin's and no
    # Chinese copy confirms it (notes/communique-figures.md section 4): the report printed 94.2
    # as a 2023 figure.
    days = nereport.load("environment_good_air_days", region="heilongjiang")
    assert 2023 not in set(days["year"]) and 2024 in set(days["year"])
    reason = SCRIPT["current_route"](
        "env3_bulletins",
        {
            "region": "Heilongjiang",
            "year": "2023",
            "indicator": "share_good_air_quality_days",
            "source": "黑龙江新闻 (Korean-language) report, news.moyiza.kr/881036/",
            "unit": "%",
        },
    )
    assert reason[0] is None and "mislabelled year" in reason[1]
    gaps = REGISTRY["environment_good_air_days"].gaps
    assert "Heilongjiang 2021, 2022 and 2024" in gaps and "left out" in gaps


def test_a_population_note_holds_a_caveat_and_the_citation_its_own_column() -> None:
    # A report shows a population note beside the value: the document and copy go to `cited`.
    pop = nereport.load("economy_population", release="first-release")
    assert set(pop["note"].dropna()) == {"secondary source"}
    assert pop["cited"].notna().all()
    assert one(pop, "cited", region="jilin", year=2021).startswith("'2021年吉林省国民经济")
    hl = nereport.load("economy_population", region="heilongjiang", year=2013)
    assert "typo" in one(hl, "note", release="csy-annual")  # a flag without citation stays


# -- the 31 provinces (scripts/build_provinces.py) -----------------------------------------


def test_all_31_provinces_every_year_of_each_release() -> None:
    prov = nereport.load("economy_provinces")
    counts = prov.groupby(["release", "indicator", "year"])["code"].nunique()
    assert set(counts) == {31}
    years = prov.groupby(["release", "indicator"])["year"].agg(["min", "max", "count"])
    assert years.to_dict("index") == {
        ("nbs-2021", "gdp_nominal"): {"min": 2000, "max": 2019, "count": 31 * 20},
        ("nbs-2021", "gdp_per_capita"): {"min": 2000, "max": 2019, "count": 31 * 20},
        ("nbs-2021", "population_year_end"): {"min": 2000, "max": 2019, "count": 31 * 20},
        # The 2025/26 export: GDP only (no per-person GDP, no population), 2006-2024.
        ("nbs-2025", "gdp_nominal"): {"min": 2006, "max": 2024, "count": 31 * 19},
    }
    # One raw file per release, never merged.
    assert prov.groupby("release")["source_id"].unique().map(list).to_dict() == {
        "nbs-2021": ["nbs_portal_2021_provinces"],
        "nbs-2025": ["nbs_portal_2025"],
    }
    for _, rows in prov.groupby("release"):
        by_region = rows.drop_duplicates("code")["macro_region"].value_counts().to_dict()
        assert by_region == {"west": 12, "east": 10, "centre": 6, "northeast": 3}


def test_provinces_2025_release_is_the_export_as_published() -> None:
    # 分省年度数据.csv (GB18030) in github:RenJiyi163/panel_data_analysis_for_thesis@e6d6537,
    # 地区生产总值(亿元), row 辽宁省 column 2024年, 广东省 2024年, 吉林省 2022年.
    prov = nereport.load("economy_provinces", release="nbs-2025", indicator="gdp_nominal")
    assert one(prov, "value", code="210000", year=2024) == 32540.8
    assert one(prov, "value", code="440000", year=2024) == 141488.9
    assert one(prov, "value", code="220000", year=2022) == 13121.4
    assert one(prov, "rank", code="440000", year=2024) == 1  # Guangdong
    assert one(prov, "rank", code="210000", year=2024) == 16  # Liaoning
    assert set(prov["provinces_ranked"]) == {31}


# GB/T 2260 codes of the four provinces of the region, as economy_provinces keys them.
FOUR_PROVINCES = {
    "210000": "liaoning",
    "220000": "jilin",
    "230000": "heilongjiang",
    "150000": "inner-mongolia",
}


def _four_provinces(prov):
    """The rows of the region's four provinces, with the region slugs other datasets use."""
    rows = prov[prov["code"].isin(FOUR_PROVINCES)]
    return rows.assign(region=rows["code"].map(FOUR_PROVINCES))


def test_provinces_2025_release_agrees_with_economy_gdp_of_the_same_release() -> None:
    # economy_gdp nbs-2025 holds the same export's rows of the four provinces: every one agrees.
    prov = nereport.load("economy_provinces", release="nbs-2025", indicator="gdp_nominal")
    gdp = nereport.load("economy_gdp", release="nbs-2025")
    ours = _four_provinces(prov)
    merged = ours.merge(gdp, on=["region", "year"])
    assert len(merged) == 4 * 19 == len(gdp)
    assert (merged["value"] == merged["gdp_cny_100m"]).all()


def test_provinces_agree_with_the_same_release_in_economy_value_added() -> None:
    prov = nereport.load("economy_provinces", indicator="gdp_nominal", release="nbs-2021")
    va = nereport.load("economy_value_added", release="nbs-2021", sector="primary")
    ours = _four_provinces(prov)
    merged = ours.merge(va, on=["region", "year"])
    assert len(merged) == 4 * 20
    assert (merged["value"] == merged["gdp_cny_100m"]).all()


def test_rank_among_the_provinces() -> None:
    prov = nereport.load(
        "economy_provinces", year=2019, indicator="gdp_per_capita", release="nbs-2021"
    )
    assert one(prov, "rank", code="110000") == 1  # Beijing
    assert one(prov, "rank", code="230000") == 30  # Heilongjiang
    assert set(prov["provinces_ranked"]) == {31}
    assert sorted(prov["rank"]) == list(range(1, 32))


def test_census_migration_in_10k_persons_with_its_two_concepts() -> None:
    mig = nereport.load("economy_census_migration")
    assert one(mig, "value", region="china", indicator="census_floating_population") == (
        pytest.approx(37581.6759)  # 375,816,759 persons, converted once
    )
    assert one(mig, "value", region="liaoning", indicator="census_floating_population") == 999.32
    # Inter-provincial (national, at destination) and inflow (Liaoning) stay two indicators.
    assert set(mig[mig["region"] == "liaoning"]["indicator"]) >= {
        "census_inflow_from_other_provinces"
    }
    assert "census_inflow_from_other_provinces" not in set(
        mig[mig["region"] == "china"]["indicator"]
    )
    assert set(mig["unit"]) == {"10,000 persons", "%"}
