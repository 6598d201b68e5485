"""Build economy_census_population: each province's resident population at the 7th census
(2020) and its change against the 6th (2010), as the province's own 7th-census bulletin prints
them, one raw file per bulletin.

Run at data-build time only; nereport never imports this script. The four bulletins were read
in copies on third-party sites (no publisher's own page was found), so their figures are typed
here with the sentence they were copied from, and the script refuses a figure that its sentence
does not print. Each bulletin is one source (src/nereport/data/sources.py):

    jilin_census7_bulletin1           吉林省第七次全国人口普查公报（第一号）, full-text forum repost
    liaoning_census7_bulletin1        辽宁省第七次全国人口普查公报（第1号）, repost (reworded text)
    heilongjiang_census7_bulletin     黑龙江省第七次全国人口普查公报, paraphrase citing it (secondary)
    inner_mongolia_census7_bulletin   内蒙古自治区第七次全国人口普查公报, copied section (repost)

Values are as printed: a decrease (减少, 下降, 降幅) is written negative; a 2010 population is
written only where the bulletin prints it (Jilin's does not: its base is not derived here).
Nothing is computed. Output is byte-stable:

    python scripts/build_census_totals.py

then run scripts/compile_raw.py to record the checksums in data/raw/SHA256SUMS.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # run as a script, or by runpy in the tests
from compile_raw import write_csv  # noqa: E402 - the raw files' one writer

ROOT = Path(__file__).resolve().parents[1]
DATASET = "economy_census_population"
COLUMNS = ["region", "year", "indicator", "value", "unit", "note"]
POPULATION = "census_population"
CHANGE = "census_population_change_vs_2010"
CHANGE_PCT = "census_population_change_pct_vs_2010"
UNITS = {POPULATION: "persons", CHANGE: "persons", CHANGE_PCT: "%"}
DECREASE = ("减少", "下降", "降幅", "削减")

# source id -> (region, the copy's citation for `note`, the sentence as read, the figures:
# (year, indicator, value, the words of the sentence that print it)).
BULLETINS: dict[str, tuple[str, str, str, list[tuple[int, str, str, str]]]] = {
    "jilin_census7_bulletin1": (
        "Jilin",
        "吉林省统计局、吉林省第七次全国人口普查领导小组办公室《吉林省第七次全国人口普查公报"
        "（第一号）——全省人口情况》(2021-05-24), read in a full-text repost on the xzqh.info "
        "forum: xzqh.info/lt/read.php?fpage=2&page=1&tid=168777 (the same figures in a "
        "paraphrase at hbzqbyyxgs.com/news/495543.html); the bulletin does not print its 2010 base",
        "全省总人口为24073453人,与2010年第六次全国人口普查相比,减少3379362人,10年间减少12.31%,"
        "年均减少1.31个百分点。",
        [
            (2020, POPULATION, "24073453", "全省总人口为24073453人"),
            (2020, CHANGE, "-3379362", "减少3379362人"),
            (2020, CHANGE_PCT, "-12.31", "减少12.31%"),
        ],
    ),
    "liaoning_census7_bulletin1": (
        "Liaoning",
        "辽宁省统计局、辽宁省第七次全国人口普查领导小组办公室《辽宁省第七次全国人口普查公报"
        "（第1号）——全省人口情况》(2021-05-30), read in a repost whose wording was rewritten "
        "(numbers as printed): www.meizw.com/n/87235.html (source line 辽宁日报客户端); the same "
        "figures at jingji.xxznews.com/jingji/2023/0209/282121.html",
        "该省[2]的人口为42,591,407人。… 与2010年第六次全国人口普查时的43746323人相比,10年间全省"
        "人口减少了1154916人,降幅为2.64%。年均增长率为-0.27%。",
        [
            (2020, POPULATION, "42591407", "人口为42,591,407人"),
            (2010, POPULATION, "43746323", "第六次全国人口普查时的43746323人"),
            (2020, CHANGE, "-1154916", "减少了1154916人"),
            (2020, CHANGE_PCT, "-2.64", "降幅为2.64%"),
        ],
    ),
    "heilongjiang_census7_bulletin": (
        "Heilongjiang",
        "secondary source; cited: 黑龙江省统计局《黑龙江省第七次全国人口普查公报》(2021; number "
        "and date not seen), as paraphrased at maigoo.com/news/684149.html (the bulletin's text "
        "was not read)",
        "据《黑龙江省第七次全国人口普查公报》,截至2020年11月1日零时,黑龙江省人口为31850088人,"
        "与2010年第六次全国人口普查的38313991人相比,减少6463903人,下降16.87%,年平均增长率为"
        "-1.83 %。",
        [
            (2020, POPULATION, "31850088", "黑龙江省人口为31850088人"),
            (2010, POPULATION, "38313991", "第六次全国人口普查的38313991人"),
            (2020, CHANGE, "-6463903", "减少6463903人"),
            (2020, CHANGE_PCT, "-16.87", "下降16.87%"),
        ],
    ),
    "inner_mongolia_census7_bulletin": (
        "Inner Mongolia",
        "内蒙古自治区统计局《内蒙古自治区第七次全国人口普查公报》(2021; number and date not "
        "seen; the figures were presented on 2021-05-20), section 常住人口总量, whole region, "
        "read in a copy at gkcyc.com/news/shuju/945066.html (the same sentence at "
        "s.www.hbzqbyyxgs.com/news/491132.html)",
        "全区常住人口为24049155人,与2010年(第六次全国人口普查数据,下同)的24706321人相比,减少"
        "657166人,减少2.66%,年平均增长率为-0.27%,比2000年到2010年的年平均增长率0.39%下降0.66个"
        "百分点。",
        [
            (2020, POPULATION, "24049155", "全区常住人口为24049155人"),
            (2010, POPULATION, "24706321", "的24706321人相比"),
            (2020, CHANGE, "-657166", "减少657166人"),
            (2020, CHANGE_PCT, "-2.66", "减少2.66%"),
        ],
    ),
}


def checked(value: str, printed: str, quote: str) -> str:
    """``value`` if ``quote`` holds ``printed`` and ``printed`` prints it (its digits, and a
    decrease word where the value is negative); else stop."""
    if printed not in quote:
        raise SystemExit(f"{printed!r} is not in the sentence read: {quote!r}")
    number = re.search(r"\d[\d,]*(?:\.\d+)?", printed)
    if number is None or number.group(0).replace(",", "") != value.lstrip("-"):
        raise SystemExit(f"{value} is not the figure {printed!r} prints")
    if value.startswith("-") != printed.startswith(DECREASE):
        raise SystemExit(f"{value}: the sign disagrees with {printed!r}")
    return value


def rows(source_id: str) -> list[dict[str, str]]:
    region, citation, quote, figures = BULLETINS[source_id]
    return [
        {
            "region": region,
            "year": str(year),
            "indicator": indicator,
            "value": checked(value, printed, quote),
            "unit": UNITS[indicator],
            "note": f"{citation}: '{printed}'",
        }
        for year, indicator, value, printed in sorted(figures, key=lambda f: (f[1], f[0]))
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args(argv)
    for source_id in BULLETINS:
        table = rows(source_id)
        write_csv(args.out / source_id / f"{DATASET}.csv", table, COLUMNS)
        print(f"{len(table):5d} rows  {source_id}/{DATASET}.csv")
    print("now run scripts/compile_raw.py to record checksums")


if __name__ == "__main__":
    main()
