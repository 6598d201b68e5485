"""Facts of the one region table (``data/raw/gbt2260/regions.csv``): names, the regions a
report can be about, what an aggregate sums, the policy area and its map units.

Every module asks here instead of typing these sets again. Standard library only (the file is
read with ``csv`` after its checksum is verified), so parameter checks stay light.
"""

from __future__ import annotations

import csv
import io
from functools import cache

from nereport.data import provenance
from nereport.data.raw import recorded_checksums, sha256_file
from nereport.errors import ChecksumMismatchError
from nereport.paths import raw_dir

REGIONS_FILE = "gbt2260/regions.csv"


@cache
def _rows(folder: str) -> tuple[tuple[dict[str, str], ...], str]:
    path = raw_dir() / REGIONS_FILE
    digest = sha256_file(path)
    if recorded_checksums().get(REGIONS_FILE) != digest:
        raise ChecksumMismatchError(
            f"{path}: changed since its checksum was recorded; restore it with "
            "`git checkout data/raw`, or run `make raw` after a deliberate change."
        )
    return tuple(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))), digest


def table() -> tuple[dict[str, str], ...]:
    """The region table's rows, in file order. Recorded as used (a report's names, regions
    and map come from it, so it is one of its inputs)."""
    rows, digest = _rows(str(raw_dir()))
    provenance.record_file("regions", REGIONS_FILE.split("/")[0], REGIONS_FILE, digest)
    return rows


def names(lang: str = "en") -> dict[str, str]:
    """Slug -> name in English (``en``) or Chinese (``zh``)."""
    return {r["slug"]: r[f"name_{lang}"] for r in table()}


def reported() -> tuple[str, ...]:
    """The regions a report can be about, in table order."""
    return tuple(r["slug"] for r in table() if r["report"] == "yes")


def members(slug: str) -> tuple[str, ...]:
    """The regions an aggregate is the sum of (empty for a region that is not one)."""
    row = next(r for r in table() if r["slug"] == slug)
    return tuple(row["members"].split("|")) if row["members"] else ()


def policy_area() -> frozenset[str]:
    """The provinces and prefectures wholly in the policy area."""
    return frozenset(
        r["slug"]
        for r in table()
        if r["in_policy_area"] == "yes" and r["level"] in ("province", "prefecture")
    )


def map_units(slug: str) -> frozenset[str]:
    """The policy-area units a region stands for on a map: a province's prefectures in the area
    (and the province itself unless it is only partly covered), an aggregate's members' units,
    else the region itself. A map draws the prefectures over their province, so a highlighted
    province must bring its prefectures."""
    if found := members(slug):
        return frozenset().union(*(map_units(m) for m in found))
    row = next(r for r in table() if r["slug"] == slug)
    inside = frozenset(r["slug"] for r in table() if r["parent"] == slug) & policy_area()
    return inside if row["in_policy_area"] == "partly" else inside | {slug}


#: The provinces each graded river basin lies in (its drainage area), so that a report prints
#: only the basins of its region: the Songhua in Heilongjiang, Jilin and eastern Inner Mongolia,
#: the Liao in Liaoning, Jilin (East Liao) and Inner Mongolia (West Liao).
BASIN_PROVINCES = {
    "songhua-basin": ("heilongjiang", "jilin", "inner-mongolia"),
    "liao-basin": ("liaoning", "jilin", "inner-mongolia"),
}

#: Where each level of the table stands in ``order``: provinces with their prefectures first,
#: then the aggregates, other areas (river basins), the country last.
_LEVEL_RANK = {"province": 0, "prefecture": 0, "aggregate": 1, "basin": 2, "country": 3}


def order() -> tuple[str, ...]:
    """Every region in the order a reader meets them in legends, tables and lists, in both
    languages: the provinces in table order (Liaoning, Jilin, Heilongjiang, Inner Mongolia), each
    followed by its prefectures in code order, then the Northeast, the river basins and China
    (全国) last."""
    rows = table()
    provinces = [r["slug"] for r in rows if r["level"] == "province"]

    def key(item: tuple[int, dict[str, str]]) -> tuple[int, int, bool, int]:
        index, row = item
        prefecture = row["level"] == "prefecture"
        province = row["parent"] if prefecture else row["slug"]
        within = provinces.index(province) if province in provinces else 0
        return (_LEVEL_RANK.get(row["level"], 2), within, prefecture, index)

    return tuple(row["slug"] for _, row in sorted(enumerate(rows), key=key))


def rank() -> dict[str, int]:
    """Slug -> position in ``order`` (to sort frames: ``frame["region"].map(rank())``)."""
    return {slug: n for n, slug in enumerate(order())}


def family(slug: str) -> str:
    """The province a prefecture belongs to, else the region itself (charts give a prefecture a
    shade of its province's colour)."""
    row = next((r for r in table() if r["slug"] == slug), None)
    return row["parent"] if row and row["level"] == "prefecture" and row["parent"] else slug
