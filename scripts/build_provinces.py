"""Build data/raw/nbs_portal_2021_provinces/economy_provinces.csv: GDP, per-capita GDP and
year-end population of all 31 provinces, 2000-2019, from one NBS data-portal release.

Run at data-build time only; nereport never imports this script. Its input is the NBS portal
scrape of c.2021 that the reference already cites (DATA-SOURCES.md; econ2 and env2 read the
same commit): github:3112944976/National-Visualization-Web-Application@582d20b, files

    源数据/国家统计局分省年度数据/国民经济核算/地区生产总值.csv  (地区生产总值(亿元), 人均地区生产总值(元/人))
    源数据/国家统计局分省年度数据/人口/总人口.csv              (年末常住人口(万人))

read from a local clone with `git show`, so the bytes are those of the pinned commit:

    python scripts/build_provinces.py --repo /path/to/National-Visualization-Web-Application

GDP is the release revised after the 4th economic census (Liaoning 2013: 19208.8, as in
economy_value_added release nbs-2021); population is the release before the 7th-census revision
(Heilongjiang 2013: 3835.02). The portal's urban/rural split and sector columns are not taken.
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


def read(repo: Path, path: str) -> list[dict[str, str]]:
    text = subprocess.run(
        ["git", "-C", str(repo), "show", f"{COMMIT}:{path}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True, help="clone of the portal scrape")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args(argv)
    table = rows(args.repo)
    path = args.out / OUT
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"{len(table):5d} rows  {OUT}; now run scripts/compile_raw.py to record checksums")


if __name__ == "__main__":
    main()
