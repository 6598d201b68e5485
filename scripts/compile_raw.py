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
# Figures added to the reference later (DATA-SOURCES.md section 2): not datasets yet.
RULES += [
    (stem, "", None, None, "added to the reference later: not catalogued yet")
    for stem in (
        "econ2_budget",
        "econ2_fai",
        "econ2_gdp_index",
        "econ2_gdp_per_capita",
        "econ2_income",
        "econ2_value_added",
        "env2_air_pollutants",
        "env2_co2",
        "env2_energy",
        "env2_forest_wetland",
        "env2_pm25",
        "env2_water",
        "pref_gdp",
        "pref_population_census",
    )
]

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
    for path in sorted((reference / "figures").glob("*.csv")):
        if path.stem == "policy_milestones":
            continue
        if path.stem == "pref_codes":  # a code list, not figures: not catalogued yet
            print(
                f"left out {path.name}: prefecture code list, not catalogued yet", file=sys.stderr
            )
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                source_id, dataset = route(path.stem, row["source"], row["unit"])
                if source_id is None:
                    left_out[f"{path.name}: {dataset}"] += 1
                    continue
                files[out / source_id / f"{dataset}.csv"].append(
                    {**{k: row[k] for k in RAW_COLUMNS[:5]}, "note": note_of(row["source"])}
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
        "amount_unit": "100 million yuan (development bonds, stated as ¥60 billion / $7.5 billion)",
        "source": ATLAS,
    },
]
# Facts of the history seed that complete reference rows (matched on date and a word of the event).
SEED_DETAILS = {
    ("2010-04", "Summit"): "; they signed a framework agreement of 25 articles on cooperation and "
    "integrated regional development",
}
SEED_DETAIL_SOURCE = {("2010-04", "Summit"): WIKIPEDIA}


def milestone_rows(reference: Path) -> list[dict]:
    rows = []
    with (reference / "figures" / "policy_milestones.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row.pop("year")
            for (date, word), extra in SEED_DETAILS.items():
                if row["date"] == date and word in row["event"]:
                    row["event"] += extra
                    row["source"] += f"; {SEED_DETAIL_SOURCE[(date, word)]}"
            rows.append(row)
    return rows + SEED_MILESTONES


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
    ("china", "China", "中国", "", "country", "", "no", "no", "", "China"),
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
    ("chifeng", "Chifeng", "赤峰市", "150400", "prefecture", "inner-mongolia", "yes", "no", "", ""),
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
        "",
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
        "",
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
        "Xing'an",
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
        "",
    ),
]

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
        "Russian border crossing; East Port (Liaoning)",
        "A line covered by the four-city agreement, "
        "connecting a Russian border crossing with East Port in Liaoning.",
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
    for name, columns, table in [
        ("gbt2260/regions.csv", REGION_COLUMNS, REGIONS),
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
