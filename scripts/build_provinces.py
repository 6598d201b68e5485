"""Build economy_provinces: GDP, per-capita GDP and year-end population of all 31 provinces,
2000-2019 (NBS portal c.2021), and their GDP 2006-2024 (NBS portal 2025/26), one file per release.

Run at data-build time only; nereport never imports this script. It writes two raw files, one
per NBS data-portal release, never merged:

data/raw/nbs_portal_2021_provinces/economy_provinces.csv comes from the NBS portal scrape of
c.2021 that the reference already cites (DATA-SOURCES.md; econ2 and env2 read the same commit):
github:3112944976/National-Visualization-Web-Application@582d20b, files

    源数据/国家统计局分省年度数据/国民经济核算/地区生产总值.csv  (地区生产总值(亿元), 人均地区生产总值(元/人))
    源数据/国家统计局分省年度数据/人口/总人口.csv              (年末常住人口(万人))

GDP is the release revised after the 4th economic census (Liaoning 2013: 19208.8, as in
economy_value_added release nbs-2021); population is the release before the 7th-census revision
(Heilongjiang 2013: 3835.02). The portal's urban/rural split and sector columns are not taken.

data/raw/nbs_portal_2025/economy_provinces.csv comes from the raw data.stats.gov.cn export
(GB18030, "数据库：分省年度数据", "指标：地区生产总值(亿元)", "数据来源：国家统计局") that
economy_gdp's nbs-2025 rows come from: file 分省年度数据.csv in
github:RenJiyi163/panel_data_analysis_for_thesis@e6d6537. GDP 2006-2024 of the 31 provinces,
revised after the 5th economic census (the export's note: 1992-2023 revised); the export has
no GDP per person, no population and no national row, so none is written for this release.
The export names provinces only; their codes are those the c.2021 scrape gives the same names.

Both are read from local clones with `git show`, so the bytes are those of the pinned commits:

    python scripts/build_provinces.py --repo /path/to/National-Visualization-Web-Application \
        --export-repo /path/to/panel_data_analysis_for_thesis

Values are written exactly as the files store them. The NBS four-region grouping (东部, 中部,
西部, 东北: 国家统计局《东西中部和东北地区划分方法》, 2011) is added as a column, and English
names; both are labels, not figures. Output is byte-stable.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMIT = "582d20b"
PORTAL = "源数据/国家统计局分省年度数据"
GDP_FILE = f"{PORTAL}/国民经济核算/地区生产总值.csv"
POPULATION_FILE = f"{PORTAL}/人口/总人口.csv"
OUT = "nbs_portal_2021_provinces/economy_provinces.csv"
# The 2025/26 export: one indicator per file, years as columns (2024年 ... 2006年).
EXPORT_COMMIT = "e6d6537"
EXPORT_FILE = "分省年度数据.csv"
EXPORT_HEADER = ("数据库：分省年度数据", "指标：地区生产总值(亿元)")
EXPORT_SOURCE = "数据来源：国家统计局"
EXPORT_OUT = "nbs_portal_2025/economy_provinces.csv"
COLUMNS = ["code", "name_zh", "name_en", "macro_region", "year", "indicator", "value", "unit"]
# (file, column as published, indicator, unit)
SERIES = [
    (GDP_FILE, "地区生产总值(亿元)", "gdp_nominal", "100 million yuan"),
    (GDP_FILE, "人均地区生产总值(元/人)", "gdp_per_capita", "yuan per person"),
    (POPULATION_FILE, "年末常住人口(万人)", "population_year_end", "10,000 persons"),
]
# GB/T 2260 code -> (English name, NBS four-region grouping).
PROVINCES = {
    "110000": ("Beijing", "east"),
    "120000": ("Tianjin", "east"),
    "130000": ("Hebei", "east"),
    "140000": ("Shanxi", "centre"),
    "150000": ("Inner Mongolia", "west"),
    "210000": ("Liaoning", "northeast"),
    "220000": ("Jilin", "northeast"),
    "230000": ("Heilongjiang", "northeast"),
    "310000": ("Shanghai", "east"),
    "320000": ("Jiangsu", "east"),
    "330000": ("Zhejiang", "east"),
    "340000": ("Anhui", "centre"),
    "350000": ("Fujian", "east"),
    "360000": ("Jiangxi", "centre"),
    "370000": ("Shandong", "east"),
    "410000": ("Henan", "centre"),
    "420000": ("Hubei", "centre"),
    "430000": ("Hunan", "centre"),
    "440000": ("Guangdong", "east"),
    "450000": ("Guangxi", "west"),
    "460000": ("Hainan", "east"),
    "500000": ("Chongqing", "west"),
    "510000": ("Sichuan", "west"),
    "520000": ("Guizhou", "west"),
    "530000": ("Yunnan", "west"),
    "540000": ("Tibet", "west"),
    "610000": ("Shaanxi", "west"),
    "620000": ("Gansu", "west"),
    "630000": ("Qinghai", "west"),
    "640000": ("Ningxia", "west"),
    "650000": ("Xinjiang", "west"),
}


def show(repo: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def read(repo: Path, path: str) -> list[dict[str, str]]:
    text = show(repo, COMMIT, path).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def rows(repo: Path) -> list[dict[str, str]]:
    out = []
    for path, column, indicator, unit in SERIES:
        for row in read(repo, path):
            code = row["省份编码"]
            if code not in PROVINCES:
                raise SystemExit(f"{path}: unknown province code {code!r}")
            if row[column] == "":
                continue  # not published: a gap, never filled
            name_en, macro_region = PROVINCES[code]
            out.append(
                {
                    "code": code,
                    "name_zh": row["省份"],
                    "name_en": name_en,
                    "macro_region": macro_region,
                    "year": row["年份"],
                    "indicator": indicator,
                    "value": row[column],
                    "unit": unit,
                }
            )
    codes = {r["code"] for r in out}
    if codes != set(PROVINCES):
        raise SystemExit(f"provinces missing: {sorted(set(PROVINCES) - codes)}")
    return sorted(out, key=lambda r: (r["indicator"], r["code"], int(r["year"])))


def export_rows(repo: Path, codes: dict[str, str]) -> list[dict[str, str]]:
    """GDP of the 31 provinces from the 2025/26 export; ``codes`` maps the portal's province
    names to GB/T 2260 codes (from the c.2021 scrape, which prints both)."""
    lines = show(repo, EXPORT_COMMIT, EXPORT_FILE).decode("gb18030").splitlines()
    if tuple(lines[:2]) != EXPORT_HEADER or EXPORT_SOURCE not in lines:
        raise SystemExit(f"{EXPORT_FILE}: not the NBS export of 地区生产总值(亿元): {lines[:2]}")
    start = next(i for i, line in enumerate(lines) if line.startswith("地区,"))
    table = list(csv.reader(lines[start:]))
    years = [column.removesuffix("年") for column in table[0][1:]]
    out = []
    for name_zh, *values in table[1:]:
        if name_zh.startswith(("注：", "数据来源：")):
            break  # the export's footnote and source line
        if name_zh not in codes:
            raise SystemExit(f"{EXPORT_FILE}: unknown province {name_zh!r}")
        name_en, macro_region = PROVINCES[codes[name_zh]]
        for year, value in zip(years, values, strict=True):
            if value == "":
                continue  # not published: a gap, never filled
            float(value)  # a number as printed, or stop
            out.append(
                {
                    "code": codes[name_zh],
                    "name_zh": name_zh,
                    "name_en": name_en,
                    "macro_region": macro_region,
                    "year": year,
                    "indicator": "gdp_nominal",
                    "value": value,
                    "unit": "100 million yuan",
                }
            )
    if {r["code"] for r in out} != set(PROVINCES):
        raise SystemExit(f"{EXPORT_FILE}: not all 31 provinces")
    return sorted(out, key=lambda r: (r["indicator"], r["code"], int(r["year"])))


def write(path: Path, table: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="clone of the portal scrape")
    parser.add_argument(
        "--export-repo", type=Path, required=True, help="clone holding the 2025/26 export"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args(argv)
    table = rows(args.repo)
    codes = {r["name_zh"]: r["code"] for r in table}
    for out, written in ((OUT, table), (EXPORT_OUT, export_rows(args.export_repo, codes))):
        write(args.out / out, written)
        print(f"{len(written):5d} rows  {out}")
    print("now run scripts/compile_raw.py to record checksums")


if __name__ == "__main__":
    main()
