"""Compile ``data/raw/`` from the reference figures in ``../shared/reference/figures``.

Run at data-build time only (``make raw``); nereport never reads the reference at run time.
Each reference row is routed, by the publication it cites, to one source id (see
``src/nereport/sources.py``) and written to ``data/raw/<source_id>/<dataset>.csv`` in
nereport's raw format: ``region,year,indicator,value,unit,note`` with values exactly as published.
Rows that match no rule stop the script; rows left out are listed with the reason.
Policy milestones are compiled from the reference table plus the facts of the two seed texts.

Usage: python scripts/compile_raw.py [--reference DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (reference file, substring of its 'source', substring of its 'unit' or None) -> (source, dataset)
# The first matching rule wins. A dataset of None leaves the rows out, with the reason given.
RULES: list[tuple[str, str, str | None, str | None, str]] = [
    ("gdp_nominal", "RenJiyi163", None, "nbs_portal_2025", "economy_gdp"),
    ("gdp_nominal", "Tobby-star", None, "nbs_portal_2018", "economy_gdp"),
    ("gdp_nominal", "GDP_raw.csv", None, "cnki_csy_gdp", "economy_gdp"),
    ("gdp_nominal", "Yearbook 2000 (English) table 3-8", None, "csy2000_t3_8", "economy_gdp"),
    ("gdp_nominal", "Yearbook 2006 (English) table 2-6", None, "csy2006_t2_6", "economy_gdp"),
    ("gdp_nominal", "Apache ECharts", None, "nbs_sectors_2002_2011", "economy_gdp_by_sector"),
    (
        "gdp_nominal",
        "unnamed public GitHub",
        None,
        None,
        "publisher not named in the file read (a code constant); not traceable to a table",
    ),
    ("gdp_growth", "table 3-8", None, None, "real growth index 1996-1999 only: not catalogued"),
    (
        "population",
        "YeTian97",
        None,
        None,
        "birth rate: reshaped by a third party, no source stated",
    ),
    (
        "population",
        "unnamed public GitHub",
        None,
        None,
        "publisher not named in the file read (a code constant); not traceable to a table",
    ),
    ("population", "GEOG458", None, "nbs_population_pre2021", "economy_population"),
    ("population", "yinthan", None, "nbs_population_census7", "economy_population"),
    (
        "population",
        "China_Statistics_Yearbook.csv",
        None,
        "cnki_csy_population",
        "economy_population",
    ),
    (
        "population",
        "China_Compendium_of_Statistics",
        None,
        "cnki_compendium_population",
        "economy_population",
    ),
    ("population", "Yearbook 2006 (English) table 2-6", "sq km", None, "land area: not catalogued"),
    ("population", "Yearbook 2006 (English) table 2-6", None, "csy2006_t2_6", "economy_population"),
    ("population", "Yearbook 2007 (English) table 2-7", None, "csy2007_t2_7", "economy_population"),
    ("gdp_by_sector", "Apache ECharts", None, "nbs_sectors_2002_2011", "economy_gdp_by_sector"),
    ("gdp_by_sector", "table 14-4", None, "csy2000_t14_4", "economy_gdp_by_sector"),
    (
        "gdp_by_sector",
        "Yearbook 2006 (English) table 2-6",
        None,
        "csy2006_t2_6",
        "economy_gdp_by_sector",
    ),
    ("labour", "RenJiyi163", None, "nbs_portal_2025", "economy_employment"),
    ("labour", "Yearbook 2006 (English) table 2-6", None, "csy2006_t2_6", "economy_employment"),
    ("labour", "Yearbook 2007 (English) table 2-7", None, "csy2007_t2_7", "economy_employment"),
    ("labour", "table 5-28", None, "csy2006_t5_28", "economy_employment"),
    ("labour", "MOHRSS", None, "mohrss_2017", "economy_employment"),
    ("co2_emissions", "CEADS_china_provinces", None, "ceads_provinces", "environment_co2"),
    ("co2_emissions", "CEADS_china/", None, "ceads_national", "environment_co2"),
    ("forest", "table 11-35", None, "csy2009_t11_35", "environment_forest_cover"),
    (
        "forest",
        "press conference on 6th",
        "5th inventory",
        "sfa_inventory6_press_inv5",
        "environment_forest_cover",
    ),
    ("forest", "press conference on 6th", None, "sfa_inventory6_press", "environment_forest_cover"),
    ("forest", "7th National Forest Inventory", None, "sfa_inventory7", "environment_forest_cover"),
    ("forest", "(survey 2014)", None, "sfa_inventory9_2014", "environment_forest_cover"),
    ("forest", "(survey 2015", None, "sfa_inventory9_2015", "environment_forest_cover"),
    ("forest", "Jilin Provincial Government", None, "jilin_gov_forest", "environment_forest_cover"),
    (
        "forest",
        "Heilongjiang forestry overview",
        None,
        "heilongjiang_forestry_journal",
        "environment_forest_cover",
    ),
    ("nature_reserves", "table 22-49", None, "csy2002_t22_49", "environment_nature_reserves"),
    ("nature_reserves", "table 11-40", None, "csy2009_t11_40", "environment_nature_reserves"),
    (
        "nature_reserves",
        "MEE 'China Ecological",
        None,
        "mee_bulletin_2018",
        "environment_nature_reserves",
    ),
    ("nature_reserves", "景观中国网", None, "heilongjiang_epd_2010", "environment_nature_reserves"),
    (
        "nature_reserves",
        "Xinhua 2009-10-17",
        None,
        "xinhua_2009_heilongjiang",
        "environment_nature_reserves",
    ),
    (
        "nature_reserves",
        "Xinhua (Arabic)",
        None,
        "xinhua_2011_heilongjiang",
        "environment_nature_reserves",
    ),
    (
        "pollution",
        "table 11-25",
        None,
        None,
        "city rows: unit not visible in the copy read (tonnes only inferred)",
    ),
    ("pollution", "table 11-19", None, "csy2009_t11_19", "environment_pollutants"),
    ("pollution", "table 12-19", None, "csy2011_t12_19", "environment_pollutants"),
    ("pollution", "table 12-24", None, "csy2011_t12_24", "environment_pollutants"),
    (
        "energy",
        "",
        None,
        None,
        "intensity-change communiqués: the copies read do not make the "
        "sign convention (change or decrease) unambiguous; not catalogued",
    ),
    ("investment", "", None, None, "investment series: not catalogued yet"),
    ("gdp_expenditure", "", None, None, "1998-1999 expenditure approach: not catalogued yet"),
    ("air_quality", "", None, None, "national PM2.5 only, secondary reposts: not catalogued"),
    ("water_quality", "", None, None, "national and May-2017 shares only: not catalogued"),
    ("water_quality_status", "", None, None, "qualitative basin grades: not catalogued"),
]
# -- Environment figures added later (env2_*; reference notes/env-figures.md) ----------------
# One source id per publication: the NBS portal scrape of c.2021 and the 2020-2021 NBS first
# releases (both shared with econ2), each forest inventory round the portal carries (publisher
# SFA), each earlier NBS communiqué, each MEE/MEP bulletin or release, each provincial
# bulletin. A publication cited for several indicators is split into datasets by unit. Every
# env2 row has a rule; none falls through to "no rule".
ENERGY, ENERGY_MIX, COAL = "environment_energy", "environment_energy_mix", "environment_coal_use"
AIR, PM25, WATER = "environment_air_pollutants", "environment_pm25", "environment_water"
FOREST = "environment_forest_wetland"
PORTAL = "github:3112944976/National-Visualization-Web-Application"
ENV2_ROUTES: dict[str, list[tuple[str, str | None, str | None, str]]] = {
    # (substring of 'source', substring of 'unit' or None, source id, dataset or reason)
    "env2_energy": [
        ("EasonQXF", None, "nbs_portal_2019", ENERGY),
        (PORTAL, "physical tonnes", "nbs_portal_2021", COAL),
        (PORTAL, "% of total energy", "nbs_portal_2021", ENERGY_MIX),
        (PORTAL, "SCE", "nbs_portal_2021", ENERGY),
        ("huxiuyang.cn", None, "nbs_communique_2011", ENERGY),
        ("asian-power.com", None, "nbs_energy_2012", ENERGY_MIX),
        ("'2014年国民经济和社会发展统计公报'", None, "nbs_communique_2014", ENERGY),
        ("mtxh.cn", None, "nbs_communique_2019", ENERGY),
        ("same source as China 2019 total_energy", None, "nbs_communique_2019", ENERGY_MIX),
        ("zjssba.com", None, "nbs_first_releases", ENERGY),
        ("same source as China 2020 total_energy", None, "nbs_first_releases", ENERGY_MIX),
        ("newsbox.co.kr", None, "nbs_first_releases", ENERGY),
        ("'2021年国民经济和社会发展统计公报'", None, "nbs_first_releases", ENERGY_MIX),
        ("same source as China 2021 clean_energy", None, "nbs_first_releases", ENERGY_MIX),
        ("'2022中国生态环境状况公报'", None, "mee_bulletin_2022", ENERGY_MIX),
        ("same source as China 2022 energy_per_gdp", None, "mee_bulletin_2022", ENERGY_MIX),
    ],
    "env2_air_pollutants": [
        (
            "LOW RELIABILITY",
            None,
            None,
            "national 2016-2023 series hard-coded in a student project with no source or "
            "vintage stated (github:ChenFY70): publisher not traceable; a lead to verify, "
            "not data",
        ),
        ("fanwen.onjobs.com.cn", None, "mep_envstats_2010", AIR),
        ("China Daily 2013-06-04", None, "mep_bulletin_2012", AIR),
        ("'2012年环境统计年报'", None, "mep_envstats_2012", AIR),
        ("total-emission-reduction assessment", None, "mep_reduction_2014", AIR),
        ("第二次全国污染源普查公报", None, "census2_bulletin", AIR),
        ("'2020年中国生态环境统计年报'", None, "mee_envstats_2020", AIR),
        ("内蒙古自治区环境统计", None, "inner_mongolia_envstats_2014", AIR),
        (PORTAL, None, "nbs_portal_2021", AIR),
    ],
    "env2_pm25": [
        ("gepresearch.com", None, "mep_bulletin_2013", PM25),
        ("static.nfapp.southcn.com", None, "mep_air_2015", PM25),
        ("china.caixin.com", None, "mep_air_2016", PM25),
        ("yyweixin.cn", None, "mee_bulletin_2017", PM25),
        ("lvziku.cn", None, "mee_bulletin_2018", PM25),
        ("m.baolechen.com", None, "mee_bulletin_2019", PM25),
        ("dbsqp.com", None, "mee_air_2020", PM25),
        ("'2021中国生态环境状况公报'", None, "mee_bulletin_2021", PM25),
        ("'2022中国生态环境状况公报'", None, "mee_bulletin_2022", PM25),
        ("'2023中国生态环境状况公报'", None, "mee_bulletin_2023", PM25),
        ("jintiankansha.me", None, "mee_conference_2025", PM25),
        ("辽宁省健康白皮书", None, "liaoning_health_white_paper", PM25),
        ("辽宁日报 2022-10-04", None, "liaoning_daily_2022", PM25),
        ("新华网 2022-01-07", None, "jilin_dee_2022", PM25),
        ("中国经济导报 2023-06-13", None, "jilin_bulletin_2022", PM25),
        ("张旗威", None, "jilin_dee_2024", PM25),
        ("'2016年黑龙江省环境状况公报'", None, "heilongjiang_bulletin_2016", PM25),
        ("'2019年黑龙江省生态环境状况公报'", None, "heilongjiang_bulletin_2019", PM25),
        ("Harbin EPB", None, "harbin_epb_2016", PM25),
        ("chinanews.com.cn/sh/2022/01-14", None, "inner_mongolia_dee_2022", PM25),
    ],
    "env2_water": [
        ("podiii.com", None, "mep_bulletin_2013", WATER),
        ("'2015中国环境状况公报'", None, "mep_bulletin_2015", WATER),
        ("'2016中国环境状况公报'", None, "mep_bulletin_2016", WATER),
        ("yyweixin.cn", None, "mee_bulletin_2017", WATER),
        ("ep.chinajsxx.com", None, "mee_water_2018", WATER),
        ("m.baolechen.com", None, "mee_bulletin_2019", WATER),
        ("m.yybnet.net", None, "mee_water_2020", WATER),
        ("same source as Songhua River basin 2020", None, "mee_water_2020", WATER),
        ("lanlitx.com", None, "mee_water_2021", WATER),
        ("'2021中国生态环境状况公报'", None, "mee_bulletin_2021", WATER),
        ("tjhcsty.com", None, "mee_water_2022", WATER),
        ("bc.tech-ex.com", None, "mee_water_2022", WATER),
        ("'2022中国生态环境状况公报'", None, "mee_bulletin_2022", WATER),
        ("'2023中国生态环境状况公报'", None, "mee_bulletin_2023", WATER),
        ("fanxinrl.com", None, "mee_conference_2025", WATER),
        ("辽宁日报 2022-10-04", None, "liaoning_daily_2022", WATER),
        ("same source as Liaoning 2021 good-quality", None, "liaoning_daily_2022", WATER),
        ("'吉林省2014年环境状况公报'", None, "jilin_bulletin_2014", WATER),
        ("中国经济导报 2023-06-13", None, "jilin_bulletin_2022", WATER),
        ("张旗威", None, "jilin_dee_2024", WATER),
        ("'2016年黑龙江省环境状况公报'", None, "heilongjiang_bulletin_2016", WATER),
        ("'2019年黑龙江省生态环境状况公报'", None, "heilongjiang_bulletin_2019", WATER),
        ("'2022年黑龙江省生态环境状况公报'", None, "heilongjiang_bulletin_2022", WATER),
        ("'2024年黑龙江省生态环境状况公报'", None, "heilongjiang_bulletin_2024", WATER),
    ],
    "env2_forest_wetland": [
        (PORTAL, "7th national forest inventory", "sfa_inventory7_portal", FOREST),
        (PORTAL, "8th NFI", "sfa_inventory8_portal", FOREST),
        (PORTAL, "9th NFI", "sfa_inventory9_portal", FOREST),
        ("econ.cssn.cn", None, "sfa_inventory8", FOREST),
        ("'2021中国林草资源及生态状况'", None, "nfga_monitoring_2021", FOREST),
        ("'2022年中国国土绿化状况公报'", None, "greening_bulletin_2022", FOREST),
        ("news.yuanlin.com", None, "inner_mongolia_forest_2014", FOREST),
        ("'2019年黑龙江省生态环境状况公报'", None, "heilongjiang_bulletin_2019", FOREST),
        ("张旗威", None, "jilin_dee_2024", FOREST),
        ("'第三次全国国土调查主要数据公报'", None, "land_survey3_bulletin", FOREST),
        ("tftnews.com", None, "heilongjiang_land_survey3", FOREST),
        ("2nd national wetland resources survey", None, "sfa_wetland_survey2", FOREST),
        ("same source as China 2013 wetland_area", None, "sfa_wetland_survey2", FOREST),
        ("table 12-19", None, "csy2005_t12_19", FOREST),
    ],
    "env2_co2": [
        (
            "",
            None,
            None,
            "CEADs 1997-2019 release re-read from its workbooks: the same release as "
            "ceads_provinces/ceads_national (all 50 region-years agree within 1 t), a "
            "cross-check, not a second dataset",
        ),
    ],
}
RULES += [(stem, *route) for stem, routes in ENV2_ROUTES.items() for route in routes]
# -- Figures added for 2020-2024 and the policy's questions (econ3_*, env3_*, demo_*;
# reference DATA-SOURCES.md section 3, notes/communique-figures.md, notes/demo-census-grain.md).
# These rows cite dozens of copies (reposts, news, blogs) of a few kinds of publication, so they
# are routed by code, not by a rule per copy: the source id is the publisher's family of
# publications and the grade of the copy read (see current_route); each row names the document
# and the copy in `note`. First releases are their own release: an econ3 row that repeats an
# econ2 row (same region, year, indicator and value) is not written again, and of two copies of
# one figure with the same value only the best-graded one is kept.
CURRENT_FILES = ("econ3_communiques", "env3_bulletins", "demo_census_grain")
CURRENT_GRADES = ("official", "official-repost", "secondary")  # best first
FAMILY = {  # region -> the publisher's family of publications
    "China": "nbs",
    "Liaoning": "liaoning",
    "Jilin": "jilin",
    "Heilongjiang": "heilongjiang",
    "Inner Mongolia": "inner_mongolia",
}
CURRENT_DATASETS = {  # indicator -> dataset (econ3, env3)
    "gdp_growth_pct": "economy_gdp_index",
    "gdp_per_capita": "economy_gdp_per_capita",
    "va_primary": "economy_value_added",
    "va_secondary": "economy_value_added",
    "va_tertiary": "economy_value_added",
    "population_year_end": "economy_population",
    "all_residents_disposable_income_per_capita": "economy_income",
    "urban_disposable_income_per_capita": "economy_income",
    "rural_disposable_income_per_capita": "economy_income",
    "local_general_budget_revenue": "economy_budget",
    "local_general_budget_expenditure": "economy_budget",
    "births_total": "economy_vital_statistics",
    "deaths_total": "economy_vital_statistics",
    "birth_rate": "economy_vital_statistics",
    "death_rate": "economy_vital_statistics",
    "natural_growth_rate": "economy_vital_statistics",
    "urbanization_rate": "economy_vital_statistics",
    "share_good_air_quality_days": "environment_good_air_days",
    "share_good_air_quality_days_excl_dust": "environment_good_air_days",
    "pm25_annual_mean": "environment_pm25",
}
CURRENT_LEFT_OUT = {  # indicator prefix -> reason
    "share_": "env3 surface-water shares: section bases differ row by row; not catalogued yet",
    "forest_coverage": "env3 forest cover (one provincial-definition value): not catalogued yet",
    "census_persons_university_educated": "census counts of university-educated persons (three "
    "regions, units differ; the per-100,000 figures are catalogued): not catalogued",
    "daqing_oilfield": "company output (CNPC Daqing Oilfield), not a provincial statistic",
    "raw_coal_output": "two secondary values of different calibers: not catalogued",
}

# notes/communique-figures.md section 4: the 2023 figures of one Korean-language report equal
# the 2024 bulletin's (94.2 % good-air days, 84.4 % good water sections); possibly a mislabelled
# year, and no Chinese copy confirms them. A doubtful figure is not printed as a 2023 fact.
UNCONFIRMED_HL_2023 = (
    "Heilongjiang 2023 bulletin figures read only in one Korean-language report, identical to "
    "the 2024 figures (possibly a mislabelled year; unconfirmed)"
)


def current_grade(row: dict[str, str]) -> str:
    """The grade of the copy a row was read from: secondary where the reference says so, official
    on a government site (gov.cn), else the official text reposted (news site, mirror)."""
    if "secondary" in row["source"] or "secondary" in row["unit"]:
        return "secondary"
    if re.search(r"[a-z0-9.]+\.gov\.cn", row["source"]):
        return "official"
    return "official-repost"


def current_route(stem: str, row: dict[str, str]) -> tuple[str | None, str]:
    """(source id, dataset) of an econ3/env3/demo row, or (None, reason it is left out)."""
    indicator, grade = row["indicator"], current_grade(row).replace("official-repost", "repost")
    if "hard-coded" in row["source"]:  # as the gdp_nominal rule for the same constants
        return None, "publisher not named in the file read (a code constant); not traceable"
    if "National-Visualization-Web-Application" in row["source"]:
        return "nbs_portal_2021", "economy_grain_output"  # the portal scrape of econ2/env2
    if "hljszw.org.cn" in row["source"]:
        return "heilongjiang_2020_table", CURRENT_DATASETS.get(indicator, "economy_growth_rates")
    if "firstreport.acmr.com.cn" in row["source"]:
        return "acmr_inner_mongolia_2022", CURRENT_DATASETS.get(indicator, "economy_growth_rates")
    if row["region"] == "Heilongjiang" and row["year"] == "2023" and "moyiza" in row["source"]:
        return None, UNCONFIRMED_HL_2023
    for prefix, reason in CURRENT_LEFT_OUT.items():
        if indicator.startswith(prefix) and not indicator.startswith("share_good_air"):
            return None, reason
    family = FAMILY[row["region"]]
    if indicator.startswith("census_"):
        # The publication: a 6th-census (2010) communiqué, or a 7th-census one (which also
        # prints some 2010 values).
        sixth = "第六次" in row["source"] or "6th census communiqué" in row["unit"]
        census = "census6" if sixth else "census7"
        if indicator.startswith("census_univ"):
            dataset = "economy_census_education"
        elif indicator.startswith("census_share_age"):
            dataset = "economy_census_age"
        else:
            dataset = "economy_census_migration"
        if "NBS" in row["source"][:40] or family == "nbs":
            return f"nbs_{census}_{grade}", dataset
        return f"{family}_{census}_{grade}", dataset
    if indicator.startswith("grain_output"):
        return f"{family}_grain_{grade}", "economy_grain_output"
    if "final verification" in row["unit"]:  # a revised first release: its own release
        return f"{family}_verified_{grade}", CURRENT_DATASETS[indicator]
    if stem == "env3_bulletins":  # national figures are the ministry's (MEE), not the NBS's
        return f"{family.replace('nbs', 'mee')}_env_{grade}", CURRENT_DATASETS[indicator]
    return f"{family}_2020s_{grade}", CURRENT_DATASETS.get(indicator, "economy_growth_rates")


Routed = tuple[str, str | None, str, dict[str, str]]  # file, source id, dataset or reason, row
SECOND_COPY = "same figure as a row already written (a second copy)"
BETTER_COPY = "secondary copy of a figure written from a better-graded copy (econ3/env3/demo)"


def current_rows(reference: Path) -> list[Routed]:
    """Every econ3/env3/demo row, routed to its source and dataset or left out with a reason,
    after the second copies are dropped (see the comment above CURRENT_FILES)."""
    routed = []
    for stem in CURRENT_FILES:
        with (reference / "figures" / f"{stem}.csv").open(encoding="utf-8", newline="") as fh:
            routed += [(stem, *current_route(stem, r), r) for r in csv.DictReader(fh)]
    rank = {g: i for i, g in enumerate(CURRENT_GRADES)}
    routed.sort(key=lambda t: rank[current_grade(t[3])])  # stable: reference order within
    out = keep_copies_whole(routed, drop_second_copies(routed, catalogued(reference)))
    return [place_gdp(t, out) for t in out]


def catalogued(reference: Path) -> set[tuple]:
    """The cells (region, year, indicator, value) of the econ2/env2 figures catalogued before
    (less those an econ3/env3/demo copy of a better grade replaces, see better_copies)."""
    cells = set()
    better = better_copies(reference)
    for path in [
        *(reference / "figures").glob("econ2_*.csv"),
        *(reference / "figures").glob("env2_*.csv"),
    ]:
        with path.open(encoding="utf-8", newline="") as fh:
            cells |= {cell(r) for r in csv.DictReader(fh) if not replaced(r, better)}
    return cells


def better_copies(reference: Path) -> set[tuple]:
    """The cells of which an econ3/env3/demo row is an official copy or an official text's
    repost. Sector-table figures (GDP and its three sectors) are left out: a copy's GDP and
    sectors stay together (keep_copies_whole), so one of them is never swapped alone."""
    cells = set()
    for stem in CURRENT_FILES:
        with (reference / "figures" / f"{stem}.csv").open(encoding="utf-8", newline="") as fh:
            cells |= {
                cell(r)
                for r in csv.DictReader(fh)
                if current_grade(r) != "secondary" and r["indicator"] not in SECTOR_TABLE
            }
    return cells


def replaced(row: dict[str, str], better: set[tuple]) -> bool:
    """True for an econ2 row read only in a secondary copy whose figure an econ3/env3/demo row
    gives from a better-graded copy: that copy is written instead (one row per figure, and the
    figure cites the best copy found; e.g. Liaoning 2024 growth 5.1 %, a blog in econ2, printed
    in the province's plan-execution report on lnrd.gov.cn)."""
    return "(secondary" in row["source"] and cell(row) in better


def drop_second_copies(routed: list[Routed], before: set[tuple]) -> list[Routed]:
    """Leave out a row whose figure is catalogued already, or was met in a better-graded copy
    (``routed`` is sorted best grade first). The portal's revised series is another release:
    its figures are never second copies of a first release."""
    seen: set[tuple] = set()
    out = []
    for stem, source_id, dataset, row in routed:
        portal = source_id if source_id and source_id.startswith("nbs_portal") else ""
        key = (*cell(row), portal)
        if source_id is not None and (key[:4] in before or key in seen):
            out.append((stem, None, SECOND_COPY, row))
            continue
        seen.add(key)
        out.append((stem, source_id, dataset, row))
    return out


def keep_copies_whole(routed: list[Routed], out: list[Routed]) -> list[Routed]:
    """A copy's GDP and three sectors stay together (shares and sums are taken within one copy):
    where one of its sectors is new, the figures it repeats are kept beside it."""
    routes = {id(r): (s, d) for _, s, d, r in routed}
    sectors = SECTOR_TABLE - {"gdp_nominal"}
    new = {group(s, r) for _, s, _, r in out if s and r["indicator"] in sectors}
    present = {(group(s, r), r["indicator"]) for _, s, _, r in out if s}
    whole = []
    for stem, s, d, r in out:
        s0, d0 = routes[id(r)]
        if s is None and s0 and r["indicator"] in SECTOR_TABLE and group(s0, r) in new:
            if (group(s0, r), r["indicator"]) not in present:
                present.add((group(s0, r), r["indicator"]))
                s, d = s0, d0
        whole.append((stem, s, d, r))
    return whole


def place_gdp(routed: Routed, out: list[Routed]) -> Routed:
    """A GDP figure goes beside its sectors (economy_value_added) where its copy prints them,
    else to economy_gdp."""
    stem, source_id, dataset, row = routed
    if source_id is None or row["indicator"] != "gdp_nominal":
        return routed
    beside = any(
        s == source_id and d == "economy_value_added" and group(s, r) == group(source_id, row)
        for _, s, d, r in out
    )
    return (stem, source_id, "economy_value_added" if beside else "economy_gdp", row)


SECTOR_TABLE = {"gdp_nominal", "va_primary", "va_secondary", "va_tertiary"}


def group(source_id: str | None, row: dict[str, str]) -> tuple:
    return (source_id, row["region"], row["year"])


def cell(row: dict[str, str]) -> tuple[str, str, str, float | str]:
    try:
        value: float | str = float(row["value"])
    except ValueError:
        value = row["value"]
    return (row["region"], row["year"], row["indicator"], value)


def current_note(row: dict[str, str]) -> str:
    """'secondary source' where so graded, and the document and copy the row cites."""
    secondary = "secondary source; " if current_grade(row) == "secondary" else ""
    return f"{secondary}cited: {row['source']}"


# The communiqué an env2 row in nbs_first_releases belongs to (some rows cite only "same
# source as" another row), by year.
ENV2_COMMUNIQUES = {
    "2020": "NBS 2020年国民经济和社会发展统计公报 (2021-02-28)",
    "2021": "NBS 2021年国民经济和社会发展统计公报 (2022-02-28)",
}


def env2_note(stem: str, source_id: str, row: dict[str, str]) -> str:
    """The note of an env2 row routed to a source id that groups several documents (the NBS
    first releases of econ2): the document, and the copy the reference cites."""
    if stem not in ENV2_ROUTES or source_id != "nbs_first_releases":
        return ""
    return f"document: {ENV2_COMMUNIQUES[row['year']]}; cited: {row['source']}"


# Prefectures (pref-figures.md). The census panel's two columns are two publications: the 7th
# census bulletins (2020) and the 6th census tabulation re-based to 2020 boundaries (2010).
PREF_CENSUS = "economy_population_census_prefectures"
RULES += [
    (
        "pref_population_census",
        "column popu_2020",
        None,
        "census7_prefecture_bulletins",
        PREF_CENSUS,
    ),
    (
        "pref_population_census",
        "column popu_2010",
        None,
        "census6_prefectures_rebased",
        PREF_CENSUS,
    ),
    ("pref_population_census", "citypopulation.de", None, "census6_citypopulation", PREF_CENSUS),
    ("pref_population_census", "paulnoll.com", None, "paulnoll_changchun", PREF_CENSUS),
    ("pref_population_census", "gotohui.com", None, "census7_jilin_bulletin", PREF_CENSUS),
    (
        "pref_gdp",
        "",
        None,
        None,
        "prefecture GDP: 26 scattered values from ten publications of mixed releases "
        "(preliminary, final, unified accounting) and reliabilities; no series can be drawn, "
        "not catalogued",
    ),
]
# -- Economy figures added later (econ2_*; reference notes/econ-figures.md) ------------------
# One source id per publication or release: the NBS portal scrape of c.2020-21 (data to 2019,
# post-4th-census GDP), the NBS national export of early 2025 (post-5th-census), the NBS
# provincial export of 2026, and the first releases of 2020-2024 grouped by publisher (their
# rows name the document they cite in `note`, see econ2_note). Every econ2 row has a rule.
ECON2_DATASETS = {
    "econ2_gdp_index": "economy_gdp_index",
    "econ2_gdp_per_capita": "economy_gdp_per_capita",
    "econ2_value_added": "economy_value_added",
    "econ2_fai": "economy_fai",
    "econ2_income": "economy_income",
    "econ2_budget": "economy_budget",
}
ECON2_ROUTES = [  # (substring of the row's 'source', source id); the first match wins
    ("github:3112944976/National-Visualization-Web-Application", "nbs_portal_2021"),
    ("github:AfterMaxQ/Economic-growth-line-chart-drawing", "nbs_national_2025"),
    ("github:1376524890/tec_expenditure", "nbs_portal_2026"),
    ("firstreport.acmr.com.cn", "acmr_inner_mongolia_2022"),
    ("hljszw.org.cn", "heilongjiang_2020_table"),
    ("Ministry of Finance 2020 fiscal data", "mof_2020_fiscal"),
    ("辽宁省2021年国民经济和社会发展统计公报", "liaoning_first_releases"),
    ("辽宁省2022年国民经济和社会发展统计公报", "liaoning_first_releases"),
    ("辽宁省 2023 GDP release", "liaoning_first_releases"),
    ("blog article on Liaoning 2024 GDP", "liaoning_first_releases"),
    ("quoting 2021 Jilin GDP", "jilin_first_releases"),
    ("quoting 2023 Jilin GDP", "jilin_first_releases"),
    ("2021年黑龙江省国民经济和社会发展统计公报", "heilongjiang_first_releases"),
    ("2022年黑龙江省国民经济和社会发展统计公报", "heilongjiang_first_releases"),
    ("rating-agency research report '黑龙江省及下辖各市", "heilongjiang_first_releases"),
    ("Chinese Wikipedia article 内蒙古自治区经济", "inner_mongolia_first_releases"),
    ("内蒙古自治区2021年国民经济和社会发展统计公报", "inner_mongolia_first_releases"),
    ("2022年内蒙古自治区国民经济和社会发展统计公报", "inner_mongolia_first_releases"),
    ("内蒙古自治区2023年国民经济和社会发展统计公报", "inner_mongolia_first_releases"),
    ("内蒙古调查总队 press release 2024-01-19", "inner_mongolia_first_releases"),
    ("中华人民共和国2020年国民经济和社会发展统计公报", "nbs_first_releases"),
    ("中华人民共和国2021年国民经济和社会发展统计公报", "nbs_first_releases"),
    ("NBS release of 2021 GDP (2022-01-17)", "nbs_first_releases"),
    ("report of NBS 2022 GDP release", "nbs_first_releases"),
    ("Factbox: China's economic, social progress in 2023", "nbs_first_releases"),
    ("NBS 2025-01-17 release of 2024 data", "nbs_first_releases"),
    ("年居民收入和消费支出情况'", "nbs_first_releases"),
    ("of NBS 2023 income data", "nbs_first_releases"),
]
# Sources that group several documents (one publisher's first releases of several years).
ECON2_GROUPED = {
    "nbs_first_releases",
    "liaoning_first_releases",
    "jilin_first_releases",
    "heilongjiang_first_releases",
    "inner_mongolia_first_releases",
}
RULES += [
    (stem, needle, None, source_id, dataset)
    for stem, dataset in ECON2_DATASETS.items()
    for needle, source_id in ECON2_ROUTES
]


def econ2_note(stem: str, source_id: str, source: str) -> str:
    """The note of an econ2 row: 'secondary' where the reference says so, the document cited
    where the source id groups several, and the portal's unrounded values said as such."""
    if stem not in ECON2_DATASETS:
        return ""
    parts = []
    if "(secondary" in source:
        parts.append("secondary source")
    if "not rounded" in source:
        parts.append("unrounded: the portal's stored numeric value, not the printed figure")
    if source_id in ECON2_GROUPED:
        parts.append(f"cited: {source}")
    return "; ".join(parts)


RAW_COLUMNS = ["region", "year", "indicator", "value", "unit", "note"]


def route(file: str, source: str, unit: str) -> tuple[str | None, str]:
    for rule_file, needle, unit_needle, source_id, dataset in RULES:
        if rule_file == file and needle in source and (unit_needle is None or unit_needle in unit):
            return source_id, dataset
    raise SystemExit(f"{file}.csv: no rule for source {source!r}")


def note_of(source: str) -> str:
    """The reference's bracketed remark on a row (e.g. a suspected typo), if any."""
    found = re.search(r"\[([^\]]+)\]\s*$", source)
    return found.group(1) if found and "revised after" not in found.group(1) else ""


def compile_figures(reference: Path, out: Path) -> dict[Path, list[dict]]:
    files: dict[Path, list[dict]] = defaultdict(list)
    left_out: dict[str, int] = defaultdict(int)
    better = better_copies(reference)
    for path in sorted((reference / "figures").glob("*.csv")):
        if path.stem in ("policy_milestones", "policy2_provincial"):  # own formats, below
            continue
        if path.stem in CURRENT_FILES:  # routed by code, below
            continue
        if path.stem == "pref_codes":  # the code list: rows of the region table (REGIONS)
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if path.stem.startswith(("econ2_", "env2_")) and replaced(row, better):
                    left_out[f"{path.name}: {BETTER_COPY}"] += 1
                    continue
                source_id, dataset = route(path.stem, row["source"], row.get("unit", ""))
                if source_id is None:
                    left_out[f"{path.name}: {dataset}"] += 1
                    continue
                files[out / source_id / f"{dataset}.csv"].append(
                    {
                        **{k: row[k] for k in RAW_COLUMNS[:5]},
                        "note": note_of(row["source"])
                        or econ2_note(path.stem, source_id, row["source"])
                        or env2_note(path.stem, source_id, row),
                    }
                )
    for stem, source_id, dataset, row in current_rows(reference):
        if source_id is None:
            left_out[f"{stem}.csv: {dataset}"] += 1
            continue
        files[out / source_id / f"{dataset}.csv"].append(
            {**{k: row[k] for k in RAW_COLUMNS[:5]}, "note": current_note(row)}
        )
    for reason, n in sorted(left_out.items()):
        print(f"left out {n:4d} rows  {reason}", file=sys.stderr)
    return files


# Milestones: the reference table (dates as 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'c.YYYY-YYYY')
# plus the facts of the two seed texts that it lacks. Seed rows cite the seed's own source.
WIKIPEDIA = "Wikipedia, 'Revitalize Northeast China' (history of the policy)"
ATLAS = "Amur-Heilong environmental atlas, page 'Policy for Revitalizing Old Industrial Bases'"
SEED_MILESTONES = [
    {
        "date": "undated",
        "event": "China issues 11 special decrees and regulations supporting "
        "the policy: value-added tax deduction, social insurance and other preferences for the "
        "participating provinces",
        "issuing_body": "State Council and ministries",
        "document_title_cn": "",
        "document_number": "",
        "amount_value": "11",
        "amount_unit": "decrees and regulations",
        "source": ATLAS,
    },
    {
        "date": "undated",
        "event": "Central government announces development bonds to finance "
        "the revitalization of 100 projects in the three provinces (a small part of the funding "
        "needed; the rest was to come from direct investment)",
        "issuing_body": "Central government",
        "document_title_cn": "",
        "document_number": "",
        "amount_value": "600",
        "amount_unit": "100 million yuan (development bonds)",
        "source": ATLAS,
    },
]
# Facts of the history seed that complete reference rows (matched on date and a word of the event).
SEED_DETAILS = {
    ("2010-04", "Summit"): "; they signed a framework agreement of 25 articles on cooperation and "
    "integrated regional development",
}
SEED_DETAIL_SOURCE = {("2010-04", "Summit"): WIKIPEDIA}


# Research remarks written into the reference's text columns (how a date was found, what an
# excerpt lacked, that a conflict was kept): they go to the row's `note` (the data dictionary),
# not into the text a report shows. (column, remark as written, what replaces it, note.)
REMARKS = [
    (
        "event",
        " (year inferred from sequence; excerpt truncated)",
        "",
        "year inferred from sequence, excerpt truncated (the seed text gives April 2010)",
    ),
    ("event", " (date is the repost's update date)", "", "date is the repost's update date"),
    ("event", ": conflicting date kept", "", "conflicting date kept as its own row"),
    ("event", ": conflicting month kept", "", "conflicting month kept as its own row"),
    (
        "event",
        " (conflicting time and casualty counts kept)",
        "",
        "conflicting time and casualty counts kept as their own row",
    ),
    ("event", "; kept)", ")", "conflicting figures kept as their own row"),
    ("event", "; exact date not in the excerpt", "", "exact date not in the excerpt"),
    ("event", "; month not seen", "", "month not seen"),
    ("event", "; date not in excerpt)", ")", "date not in the excerpt"),
    ("event", "; the approval date of that plan was not seen", "", "approval date not seen"),
    (
        "issuing_body",
        " (issuing body not named in the excerpt)",
        "",
        "issuing body not named in the excerpt",
    ),
    (
        "issuing_body",
        " (issuer not named in the excerpt; plan calls the base a decision of the provincial "
        "party committee and government)",
        "",
        "issuer not named in the excerpt; the plan calls the base a decision of the provincial "
        "party committee and government",
    ),
    ("issuing_body", "(event)", "", "an event, not a document: no issuing body"),
]


def without_remarks(row: dict[str, str]) -> dict[str, str]:
    """The row with the research remarks of its text moved to a `note` column. A per cent sign
    before a word ('84% of') is written out: the event text is a gettext message, where '% o'
    reads as a printf placeholder that no translation can match."""
    notes = []
    for column, remark, replacement, note in REMARKS:
        if remark in row[column]:
            row[column] = row[column].replace(remark, replacement)
            notes.append(note)
    row["event"] = re.sub(r"(\d)% (?=[diouxXeEfFgGcrs])", r"\1 per cent ", row["event"])
    return {**row, "note": "; ".join(notes)}


# Dates, numbers and grades read in the stored copies after the reference was compiled. Each
# correction names the copy it was read in (added to `source`) and says what it changed (`note`).
# (file, date as the reference gives it, a word of its event) -> the cells it sets.
WIKISOURCE_2007 = (
    "reply text with its number and date (国函〔2007〕76号, 2007年8月2日) on zh.wikisource.org "
    "(official text, reposted)"
)
CORRECTIONS: dict[tuple[str, str, str], dict[str, str]] = {
    ("policy_milestones", "2003-10", "formally issue the Opinions"): {
        "document_number": "中发〔2003〕11号",
        "source": "number as cited in the text of 财税〔2004〕156号 ('Several Opinions … (Zhong Fa "
        "[2003] No. 11)', English text on Lexis China hk.lexiscn.com/law/law-english-1-230229-T.html; "
        "official text, reposted)",
        "note": "number from 财税〔2004〕156号, which cites the Opinions by it; the Opinions' own "
        "text was not read",
    },
    ("policy_milestones", "2007-08", "approves the Northeast Revitalization Plan"): {
        "date": "2007-08-02",
        "source": WIKISOURCE_2007,
        "note": "day from the reply text on Wikisource (the reference gave 2007-08)",
    },
    ("policy2_provincial", "2007-08-02", "Northeast Revitalisation Plan"): {
        "document_title_cn": "国务院关于东北地区振兴规划的批复",
        "document_number": "国函〔2007〕76号",
        "source_grade": "official-repost",
        "source_first": WIKISOURCE_2007,
        "source_then": "the five eastern units: {source} (secondary)",
        "note": "the event of the national milestone 国函〔2007〕76号; date, title and number from "
        "the reply text (official text, reposted); the five eastern units are named by the 21st "
        "Century Business Herald (secondary copy) and the SCIO press conference of 2007-08-20, "
        "not in the part of the reply read",
    },
    ("policy2_provincial", "2018", "Shenfu"): {
        "date": "2018-09-25",
        "note": "date: the page date of the reply-text copy (m.allindiakart.com); the reply's own "
        "date line was not read (the reference gave 2018)",
    },
    ("policy2_provincial", "2006", "Songhua plan"): {
        "date": "2006-08-23",
        "document_title_cn": "国务院关于松花江流域水污染防治规划（2006—2010年）的批复",
        "note": "date: the date the copy of the reply carries (posted 2006-08-23 by the policy and "
        "regulations department); the reply's own date line was not read (the reference gave 2006); "
        "title: the span with one dash, 2006—2010年 (the reference: 2006——2010年)",
    },
    # An editorial discussion of the sources, written into the event: the event is the meeting.
    ("policy_milestones", "2009-08", "Meeting of the State Council Leading Group"): {
        "event": "Meeting of the State Council Leading Group chaired by Premier Wen Jiabao",
        "note": "English-language sources (Wikipedia and mirrors) call it the first meeting, but "
        "the group was set up in Dec 2003 and had met before (2005-05-17, 2007-06-12): at most the "
        "first plenary after the 2008 reorganisation",
    },
    # A Chinese gloss left in the English event: the term goes to the note. The numbering
    # restarts after the 'Fourth plenary meeting' of 2007-06-12; the sources read do not say why.
    ("policy_milestones", "2010-08-17", "Second plenary meeting"): {
        "event": "Second plenary meeting of the State Council Leading Group",
        "note": "as the meeting is called in Chinese: 领导小组第二次全体会议; the numbering restarts "
        "after the fourth plenary meeting of 2007-06-12 (the sources read do not say why)",
    },
    # 'The same Wikipedia article' pointed to the row before; the row names its source itself.
    ("policy2_provincial", "2011-09-26", "Same Shenyang Economic Zone milestone"): {
        "event": "Same Shenyang Economic Zone milestone dated 2011-09-26 ('确立时间') in the "
        "infobox of the Chinese Wikipedia article on the Shenyang Economic Zone (read in a mirror)",
        "note": "the event named its source as 'the same Wikipedia article' (that of the row "
        "before); it is named in full",
    },
}


def corrected(file: str, row: dict[str, str]) -> dict[str, str]:
    """The row with the correction read in a stored copy (see CORRECTIONS), if it has one:
    its cells set, the copy read added to `source` (``source``: after the copies the row cites;
    ``source_first``: before them, when the row's grade is now that copy's, the earlier copies
    then named for what they still give), and what changed added to `note`."""
    for (where, date, word), cells in CORRECTIONS.items():
        if where == file and row["date"] == date and word in row["event"]:
            source = row["source"]
            if "source" in cells:
                source = f"{source}; {cells['source']}"
            if "source_first" in cells:
                source = f"{cells['source_first']}; {cells['source_then'].format(source=source)}"
            note = "; ".join(n for n in (row["note"], cells["note"]) if n)
            kept = {k: v for k, v in cells.items() if k in row and k not in ("source", "note")}
            return {**row, **kept, "source": source, "note": note}
    return row


# The reference's event texts (and an issuing body) abbreviate the provinces (HL, JL, LN, IM, and GD, JS, ZJ of the
# eastern partner provinces) and the region (NE), and mix British and American spelling. A
# reader's table names them in full, in one spelling; a quoted title ('…') is left as printed.
SPELLED_OUT = {
    r"\bNE\b": "Northeast",
    r"\bHL\b": "Heilongjiang",
    r"\bJL\b": "Jilin",
    r"\bLN\b": "Liaoning",
    r"\bIM\b": "Inner Mongolia",
    r"\bGD\b": "Guangdong",
    r"\bJS\b": "Jiangsu",
    r"\bZJ\b": "Zhejiang",
    r"\b([Rr])evitalis": r"\1evitaliz",
    # A document number as the other rows print it (财税〔2004〕156号), not romanised.
    r"\bCaishui \[(\d{4})\] (\d+)": r"财税〔\1〕\2号",
}


def spelled_out(row: dict[str, str]) -> dict[str, str]:
    """The row with the abbreviations of its event and issuing body written in full
    (``SPELLED_OUT``), outside quotation marks."""
    out = dict(row)
    for column in ("event", "issuing_body"):
        parts = re.split(r"((?<!\w)'[^']*'(?!\w))", row[column])
        for i in range(0, len(parts), 2):
            for pattern, full in SPELLED_OUT.items():
                parts[i] = re.sub(pattern, full, parts[i])
        out[column] = "".join(parts)
    return out


# Issuing bodies the reference gives in Chinese (or with a Chinese name in English brackets):
# the data's texts are English, translated by the catalogue, so an English report names them
# in English and a Chinese one in Chinese (the catalogue holds the Chinese names).
BODIES_IN_ENGLISH = {
    "辽宁省人民政府": "Liaoning provincial government",
    "辽宁省人民政府办公厅": "Liaoning Provincial Government General Office",
    "辽宁省地方税务局": "Liaoning Local Taxation Bureau",
    "辽宁省发展和改革委员会": "Liaoning Development and Reform Commission",
    "沈阳市人民政府办公厅": "Shenyang Municipal Government General Office",
    "吉林省人民政府": "Jilin provincial government",
    "吉林省人民政府 (Governor Han Jun)": "Jilin provincial government (Governor Han Jun)",
    "黑龙江省人民政府": "Heilongjiang provincial government",
    "黑龙江省人民政府 (Governor Zhang Zuoji)": "Heilongjiang provincial government "
    "(Governor Zhang Zuoji)",
    "黑龙江省人民政府 (Exec. Vice-Governor Li Zhanshu)": "Heilongjiang provincial government "
    "(Executive Vice-Governor Li Zhanshu)",
    "通辽市 (city government, as reported)": "Tongliao city government (as reported)",
    "中共中央办公厅; 国务院办公厅": "CPC Central Committee General Office; State Council "
    "General Office",
    "国务院办公厅": "State Council General Office",
    "中共内蒙古自治区委员会; 内蒙古自治区人民政府": "CPC Inner Mongolia Committee; Inner "
    "Mongolia government",
    "内蒙古自治区人民政府": "Inner Mongolia government",
    "a league administrative office (行署办公厅) in Inner Mongolia": "the administrative office "
    "of a league in Inner Mongolia",
}
# What the reference's amount units say of a sum, in its brackets, as a report prints it: what
# the sum was, without the sum restated ('1.6 trillion yuan, project investment not central
# funding'). The unit before the brackets stays.
AMOUNT_NOTES = {
    "(1.6 trillion yuan, project investment not central funding)": "(project investment, not "
    "central funding)",
    "(1.6 trillion yuan, project investment)": "(project investment)",
    "(first batch total investment, stated 610亿元 / 61 billion yuan)": "(total investment of "
    "the first batch)",
}


def in_english(row: dict[str, str]) -> dict[str, str]:
    """The row with its issuing body in English (BODIES_IN_ENGLISH) and its amount's note as
    a report prints it (AMOUNT_NOTES)."""
    unit = row["amount_unit"]
    for said, shown in AMOUNT_NOTES.items():
        unit = unit.replace(said, shown)
    body = BODIES_IN_ENGLISH.get(row["issuing_body"], row["issuing_body"])
    return {**row, "issuing_body": body, "amount_unit": unit}


def milestone_rows(reference: Path) -> list[dict]:
    rows = []
    with (reference / "figures" / "policy_milestones.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row.pop("year")
            for (date, word), extra in SEED_DETAILS.items():
                if row["date"] == date and word in row["event"]:
                    row["event"] += extra
                    row["source"] += f"; {SEED_DETAIL_SOURCE[(date, word)]}"
            rows.append(
                in_english(spelled_out(corrected("policy_milestones", without_remarks(row))))
            )
    return rows + [{**row, "note": ""} for row in SEED_MILESTONES]


# Provincial and cross-provincial instruments (policy2_provincial; notes/policy-provincial.md):
# the milestones' columns plus region and source grade, one source id per grade (each row still
# cites its own publication). Conflicting rows stay rows; the date is as the reference gives it
# ('YYYY[-MM[-DD]]', 'YYYY-YYYY' or 'n.d. (after|before YYYY[-MM])').
PROVINCIAL_SOURCES = {
    "official": "policy_provincial_official",
    "official-repost": "policy_provincial_repost",
    "scholarly": "policy_provincial_scholarly",
    "secondary": "policy_provincial_secondary",
}


def provincial_rows(reference: Path) -> dict[str, list[dict]]:
    """Source id -> its rows of ``policy2_provincial.csv``, in the reference's order."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    with (reference / "figures" / "policy2_provincial.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row.pop("year")
            row = in_english(spelled_out(corrected("policy2_provincial", without_remarks(row))))
            grade = row["source_grade"]
            if grade not in PROVINCIAL_SOURCES:
                raise SystemExit(f"policy2_provincial.csv: unknown source grade {grade!r}")
            by_source[PROVINCIAL_SOURCES[grade]].append(row)
    return by_source


# The region table: GB/T 2260 codes; aggregates are nereport's own (no code). The one place
# that says which regions a report can be about (`report`), what an aggregate is the sum of
# (`members`) and which units form the policy area (`in_policy_area`).
REGION_COLUMNS = [
    "slug",
    "name_en",
    "name_zh",
    "code",
    "level",
    "parent",
    "in_policy_area",
    "report",
    "members",
    "aliases",
]
NE = "liaoning|jilin|heilongjiang"
REGIONS = [
    # 全国, not 中国: Chinese statistics compare a province with the whole country as 全国.
    ("china", "China", "全国", "", "country", "", "no", "no", "", "China"),
    ("liaoning", "Liaoning", "辽宁省", "210000", "province", "", "yes", "yes", "", ""),
    ("jilin", "Jilin", "吉林省", "220000", "province", "", "yes", "yes", "", ""),
    ("heilongjiang", "Heilongjiang", "黑龙江省", "230000", "province", "", "yes", "yes", "", ""),
    (
        "inner-mongolia",
        "Inner Mongolia",
        "内蒙古自治区",
        "150000",
        "province",
        "",
        "partly",
        "yes",
        "",
        "Inner Mongolia Autonomous Region",
    ),
    (
        "northeast",
        "Northeast (Liaoning, Jilin, Heilongjiang)",
        "东北三省",
        "",
        "aggregate",
        "",
        "yes",
        "yes",
        NE,
        "Northeast (LN+JL+HL)",
    ),
    (
        "chifeng",
        "Chifeng",
        "赤峰市",
        "150400",
        "prefecture",
        "inner-mongolia",
        "yes",
        "no",
        "",
        "Chifeng (Inner Mongolia)",
    ),
    (
        "tongliao",
        "Tongliao",
        "通辽市",
        "150500",
        "prefecture",
        "inner-mongolia",
        "yes",
        "no",
        "",
        "Tongliao (Inner Mongolia)",
    ),
    (
        "hulunbuir",
        "Hulunbuir",
        "呼伦贝尔市",
        "150700",
        "prefecture",
        "inner-mongolia",
        "yes",
        "no",
        "",
        "Hulunbuir (Inner Mongolia)",
    ),
    (
        "hinggan",
        "Hinggan",
        "兴安盟",
        "152200",
        "prefecture",
        "inner-mongolia",
        "yes",
        "no",
        "",
        "Xing'an|Hinggan (Inner Mongolia)",
    ),
    (
        "xilin-gol",
        "Xilin Gol",
        "锡林郭勒盟",
        "152500",
        "prefecture",
        "inner-mongolia",
        "yes",
        "no",
        "",
        "Xilin Gol (Inner Mongolia)",
    ),
    # River basins (env2_water grades basins, not provinces): nereport's own, no code. They
    # cross provincial lines, so they are neither reported on nor units of the policy map.
    ("songhua-basin", "Songhua River basin", "松花江流域", "", "basin", "", "partly", "no", "", ""),
    ("liao-basin", "Liao River basin", "辽河流域", "", "basin", "", "partly", "no", "", ""),
]


def prefecture_regions(reference: Path) -> list[tuple[str, ...]]:
    """Rows of the region table for the prefecture-level units in the MCA code list
    (``figures/pref_codes.csv``, the 41 units of the policy area) that ``REGIONS`` lacks.

    Slug: the English (pinyin) name in lower case with hyphens ("Jilin City" -> "jilin-city").
    Alias: the label the prefecture figures use ("Shenyang (Liaoning)"). A unit already in
    ``REGIONS`` (the five Inner Mongolia prefectures) must agree with the list in Chinese name
    and alias; any disagreement, malformed code or slug collision stops the script.
    """
    provinces = {r[1]: r for r in REGIONS if r[4] == "province"}  # English name -> row
    by_code = {r[3]: r for r in REGIONS if r[3]}
    slugs = {r[0] for r in REGIONS}
    rows = []
    with (reference / "figures" / "pref_codes.csv").open(encoding="utf-8", newline="") as fh:
        for ref in csv.DictReader(fh):
            code, province = ref["code"], provinces[ref["province"]]
            label = f"{ref['name_en']} ({ref['province']})"
            if not re.fullmatch(r"\d{6}", code) or code[:2] != province[3][:2]:
                raise SystemExit(f"pref_codes.csv: code {code!r} is not a code of {province[1]}")
            if code in by_code:
                known = by_code[code]
                if known[2] != ref["name_zh"] or label not in known[9].split("|"):
                    raise SystemExit(f"pref_codes.csv: {code} disagrees with REGIONS row {known}")
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", ref["name_en"].lower()).strip("-")
            if slug in slugs:
                raise SystemExit(f"pref_codes.csv: slug {slug!r} of {code} is taken")
            slugs.add(slug)
            rows.append(
                (slug, ref["name_en"], ref["name_zh"], code, "prefecture", province[0])
                + ("yes", "no", "", label)
            )
    return rows


# Provincial programmes named in the environmental-atlas page (seed text), in our words.
PROGRAMME_COLUMNS = ["id", "name", "region", "kind", "places", "description"]
PROGRAMMES = [
    (
        "jilin-five-industrial-parks",
        "Five industrial parks",
        "jilin",
        "industrial parks",
        "Jilin",
        "Jilin's revitalization centres on five industrial parks, among them automobile "
        "manufacturing, petrochemicals and high technology; private firms may buy and own large "
        "industrial infrastructure, and administrative barriers to founding firms are being removed.",
    ),
    (
        "heilongjiang-six-industrial-bases",
        "Six industrial bases",
        "heilongjiang",
        "industrial bases",
        "Heilongjiang",
        "Six target bases: equipment manufacturing; "
        "petrochemical and chemical industries; energy supply; agri-products processing; medicine; "
        "forestry.",
    ),
    (
        "harbin-daqing-qiqihar-industrial-belt",
        "Harbin-Daqing-Qiqihar industrial belt",
        "heilongjiang",
        "industrial belt",
        "Harbin; Daqing; Qiqihar",
        "Extends Harbin's industrial "
        "capacity to the west of the province, on land already unsuitable for farming.",
    ),
    (
        "heilongjiang-petrochemical-diversification",
        "Diversification of the petrochemical industry",
        "heilongjiang",
        "large project",
        "Heilongjiang",
        "Named as a large project within the province's revitalization strategy.",
    ),
    (
        "sanjiang-plain-agricultural-development",
        "Sanjiang Plain agricultural development",
        "heilongjiang",
        "agricultural development",
        "Sanjiang Plain",
        "Named as an intrinsic part of the province's revitalization strategy.",
    ),
    (
        "manzhouli-transport-corridor",
        "Manzhouli transport corridor",
        "inner-mongolia",
        "transport corridor",
        "Manzhouli",
        "Strengthening and diversifying the transport corridor "
        "to Russian Siberia and the processing industries along it; a priority even though Inner "
        "Mongolia received less attention in the policy.",
    ),
    (
        "four-city-cooperation-agreement",
        "Agreement 'On Cooperative implementation of the Northeast Revitalization Policy'",
        "northeast",
        "cooperation agreement",
        "Changchun; Harbin; Dalian; Shenyang",
        "Signed by the four city governments to coordinate "
        "and limit competition: environmental monitoring, science and technology, and rail links.",
    ),
    (
        "harbin-dalian-high-speed-railway",
        "Harbin-Dalian high-speed railway",
        "northeast",
        "railway",
        "Harbin; Dalian",
        "A high-speed line covered by the four-city agreement.",
    ),
    (
        "east-east-railway",
        "East-East railway",
        "northeast",
        "railway",
        # The atlas writes "East Port", a word-for-word rendering of 东港: Donggang, the city
        # of Dandong (Liaoning) where the East-East (东边道) railway ends.
        "Russian border crossing; Donggang (Liaoning)",
        "A line covered by the four-city agreement, "
        "connecting a Russian border crossing with Donggang in Liaoning.",
    ),
]


def write_manifest(out: Path) -> None:
    """``SHA256SUMS`` over every raw data file (not the Markdown notes)."""
    lines = []
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in {".csv", ".geojson"}:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(out).as_posix()}\n")
    (out / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args(argv)
    written = compile_figures(args.reference, args.out)
    for path, rows in sorted(written.items()):
        rows.sort(key=lambda r: (r["indicator"], r["region"], int(r["year"])))
        write_csv(path, rows, RAW_COLUMNS)
    milestones = milestone_rows(args.reference)
    path = args.out / "policy_documents" / "policy_milestones.csv"
    write_csv(path, milestones, list(milestones[0]))
    written[path] = milestones
    for source_id, rows in provincial_rows(args.reference).items():
        path = args.out / source_id / "policy_provincial.csv"
        write_csv(path, rows, list(rows[0]))
        written[path] = rows
    for name, columns, table in [
        ("gbt2260/regions.csv", REGION_COLUMNS, REGIONS + prefecture_regions(args.reference)),
        ("amur_atlas/policy_programmes.csv", PROGRAMME_COLUMNS, PROGRAMMES),
    ]:
        rows = [dict(zip(columns, row, strict=True)) for row in table]
        write_csv(args.out / name, rows, columns)
        written[args.out / name] = rows
    write_manifest(args.out)
    for path in sorted(written):
        print(f"{len(written[path]):5d} rows  {path.relative_to(args.out)}")


if __name__ == "__main__":
    main()
