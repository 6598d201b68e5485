"""The registry: every declared dataset loads and validates, every source and raw file is used."""

from __future__ import annotations

import re

import pytest

import nereport
from nereport import i18n
from nereport.data.datasets import REGISTRY
from nereport.data.declarations import DTYPES
from nereport.data.raw import recorded_checksums
from nereport.data.sources import SOURCES
from nereport.paths import raw_dir


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_dataset_loads_validated_with_declared_columns(name: str) -> None:
    ds = REGISTRY[name]
    frame = nereport.load(name)
    assert len(frame) > 0
    assert list(frame.columns) == [c.name for c in ds.columns]
    assert not frame.duplicated(list(ds.primary_key)).any()
    for col in ds.columns:
        assert col.dtype in DTYPES
        if col.required:
            assert frame[col.name].notna().all(), f"{name}.{col.name} has missing values"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_dataset_is_fully_declared(name: str) -> None:
    ds = REGISTRY[name]
    assert ds.title and ds.description and ds.processing and ds.primary_key
    assert all(c.description for c in ds.columns)
    assert set(ds.primary_key) <= {c.name for c in ds.columns}
    for source in ds.sources:
        s = SOURCES[source]
        assert s.publisher and s.title and s.release and s.release_label


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGS if lang != "en"])
def test_every_dataset_title_and_gaps_note_is_translated(lang: str) -> None:
    # Reports show them (sources, "What is missing"): a title or note not marked N_(...) is
    # never extracted, so it would stay English in a translated report.
    shown = {text for ds in REGISTRY.values() for text in (ds.title, ds.gaps) if text}
    untranslated = sorted(text for text in shown if i18n.translate(text, lang) == text)
    assert not untranslated, (
        f"not translated into {lang} (mark with N_ in the dataset declaration, run `make "
        f"messages`, translate): {untranslated[:10]}"
    )


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_a_gaps_note_names_no_working_file(name: str) -> None:
    # Reports show the note to readers ("What is missing"): a file of the reference material
    # ('investment.csv, not catalogued yet') is a developer's note, not a reader's.
    gaps = REGISTRY[name].gaps or ""
    assert not re.search(r"\w\.(?:csv|xlsx?|json|py|md)\b", gaps), gaps


def test_every_source_is_used_by_a_dataset() -> None:
    used = {s for ds in REGISTRY.values() for s in ds.sources}
    assert used == set(SOURCES), f"unused sources: {set(SOURCES) - used}"


def test_every_raw_file_belongs_to_a_dataset_and_has_a_checksum() -> None:
    declared = {p for ds in REGISTRY.values() for p in ds.raw_files().values()}
    on_disk = {
        p.relative_to(raw_dir()).as_posix()
        for p in raw_dir().rglob("*")
        if p.suffix in {".csv", ".geojson"}
    }
    assert declared == on_disk
    assert set(recorded_checksums()) == on_disk


def test_at_least_ten_datasets_with_units_and_sources() -> None:
    cat = nereport.catalog()
    assert len(cat) >= 10
    assert {"name", "title", "columns", "regions", "years", "publishers"} <= set(cat.columns)
    assert (cat["publishers"] != "").all()
    assert "gdp_cny_100m [100 million yuan]" in cat.set_index("name").loc["economy_gdp", "columns"]


def test_describe_is_a_data_dictionary_with_sources() -> None:
    text = nereport.describe("economy_population")
    assert text.startswith("# economy_population")
    assert "| `population_10k` | float | 10,000 persons |" in text
    assert "nbs_population_census7" in text and "## What is missing" in text


def test_unknown_dataset_names_the_known_ones() -> None:
    with pytest.raises(nereport.UnknownDatasetError, match="economy_gdp"):
        nereport.load("economy_gpd")


def test_load_records_what_was_used() -> None:
    from nereport.data import provenance

    nereport.load("environment_co2", region="jilin")
    used = provenance.used()
    assert list(used) == ["environment_co2"]
    # Keyed by source id: each source names its own raw file.
    assert {s: f["file"] for s, f in used["environment_co2"].items()} == {
        "ceads_provinces": "ceads_provinces/environment_co2.csv",
        "ceads_national": "ceads_national/environment_co2.csv",
    }


def test_filters_select_rows_and_reject_unknown_columns() -> None:
    frame = nereport.load("economy_gdp", region=["jilin", "liaoning"], release="nbs-2025")
    assert set(frame["region"]) == {"jilin", "liaoning"} and set(frame["release"]) == {"nbs-2025"}
    with pytest.raises(nereport.NereportError, match="no column 'province'"):
        nereport.load("economy_gdp", province="jilin")


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, nereport; heavy = {'pandas', 'altair', 'pyarrow', 'numpy'} & "
        "set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_datasets_json_lists_units_coverage_and_sources(capsys) -> None:
    import json

    from nereport import cli

    assert cli.main(["datasets", "--json"]) == 0
    datasets = {d["name"]: d for d in json.loads(capsys.readouterr().out)}
    assert len(datasets) >= 10
    gdp = datasets["economy_gdp"]
    assert {
        "name": "gdp_cny_100m",
        "dtype": "float",
        "unit": "100 million yuan",
        "description": "Gross regional product, current prices",
    } in gdp["columns"]
    assert gdp["coverage"]["years"][0] <= 1990 and "liaoning" in gdp["coverage"]["regions"]
    assert any(s["release"] == "nbs-2025" for s in gdp["sources"])


def test_cli_describe_all_writes_the_data_dictionary(tmp_path, capsys) -> None:
    from nereport import cli

    assert cli.main(["describe", "--all", "--output", str(tmp_path)]) == 0
    pages = sorted(p.name for p in tmp_path.iterdir())
    assert "README.md" in pages and "environment_co2.md" in pages and len(pages) >= 11
    assert "CEADs" in (tmp_path / "environment_co2.md").read_text()
