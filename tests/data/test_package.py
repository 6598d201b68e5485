"""nereport export: a Frictionless data package that frictionless validates with no error, whose
CSVs hold the datasets' rows, and which names the sources it does not redistribute."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package, validate

from helpers import ROOT
from nereport import cli
from nereport.data import registry
from nereport.data.citation import dataset_citation
from nereport.data.loader import unrecorded
from nereport.data.package import Refused, dataset_jsonld, redistributable, write_package
from nereport.data.sources import SOURCES, STATE_ORGAN_TERMS

#: What every dataset page's schema.org Dataset gives (issue 27).
JSON_LD_KEYS = {
    "name",
    "description",
    "license",
    "creator",
    "temporalCoverage",
    "spatialCoverage",
    "distribution",
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_package(tmp_path_factory.mktemp("package"))


def test_frictionless_validates_the_package_with_no_error(package: Path) -> None:
    report = validate(str(package))
    errors = [e.message for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]
    assert report.valid, errors[:10]
    assert len(report.tasks) == len(json.loads(package.read_text())["resources"])


def test_every_resource_has_types_units_descriptions_sources_and_terms(package: Path) -> None:
    descriptor = json.loads(package.read_text())
    for resource in descriptor["resources"]:
        ds = registry()[resource["nereport:dataset"]]
        assert resource["title"] == ds.title and resource["description"] == ds.description
        assert resource["sources"] and resource["licenses"]
        assert all(lic["title"] for lic in resource["licenses"])
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        for col in ds.columns:
            if col.name in fields:
                assert fields[col.name]["description"] == col.description
                assert fields[col.name].get("unit", "") == col.unit


def test_rows_of_sources_without_terms_are_withheld_and_named(package: Path) -> None:
    descriptor = json.loads(package.read_text())
    withheld = {(w["dataset"], w["source"]) for w in descriptor["nereport:withheld"]}
    for name, ds in registry().items():
        for s in ds.source_objects():
            assert ((name, s.id) in withheld) == (not redistributable(s))
    for resource in descriptor["resources"]:
        frame = pd.read_csv(package.parent / resource["path"], dtype=str)
        if "source_id" in frame:
            assert all(SOURCES[sid].licence for sid in frame["source_id"].unique())


def test_a_state_organs_terms_are_public_domain_in_the_package(package: Path) -> None:
    descriptor = json.loads(package.read_text())
    resource = next(r for r in descriptor["resources"] if r["name"] == "environment-air-pollutants")
    # The NBS portal's terms, then the environment ministry's and department's documents'.
    assert {"name": "other-pd", "title": STATE_ORGAN_TERMS} in resource["licenses"]
    assert {lic["name"] for lic in resource["licenses"]} == {"other-at", "other-pd"}
    dataset = resource["nereport:dataset"]
    assert not [w for w in descriptor["nereport:withheld"] if w["dataset"] == dataset]


def test_a_csv_holds_its_datasets_rows(package: Path) -> None:
    frame = pd.read_csv(package.parent / "data" / "environment_co2.csv")
    from nereport.data.loader import unrecorded

    expected = unrecorded("environment_co2")  # both CEADs sources state their terms
    assert len(frame) == len(expected)
    assert frame["co2_mt"].sum() == pytest.approx(expected["co2_mt"].sum())
    resource = Package(str(package)).get_resource("environment-co2")
    assert resource.schema.get_field("co2_mt").type == "number"


def test_the_package_is_byte_identical_when_written_again(package: Path, tmp_path: Path) -> None:
    again = write_package(tmp_path)
    assert again.read_bytes() == package.read_bytes()
    for csv in (package.parent / "data").iterdir():
        assert (tmp_path / "data" / csv.name).read_bytes() == csv.read_bytes()


def test_cli_export_writes_it(tmp_path: Path, capsys) -> None:
    assert cli.main(["export", str(tmp_path / "pkg")]) == 0
    assert (tmp_path / "pkg" / "datapackage.json").is_file()
    assert "datapackage.json" in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(registry()))
def test_a_dataset_has_schema_org_json_ld_or_is_refused_saying_why(name: str) -> None:
    ds = registry()[name]
    lacking = [s for s in ds.source_objects() if not s.licence]
    rows = unrecorded(name)
    if not lacking:
        kept = rows
    elif "source_id" in rows and len(ds.sources) > 1:  # rows marked by source: kept apart
        kept = rows[~rows["source_id"].isin([s.id for s in lacking])]
    else:
        kept = rows.iloc[0:0]
    if kept.empty:
        with pytest.raises(Refused) as refused:
            dataset_jsonld(name)
        assert all(s.id in str(refused.value) for s in lacking)
        return
    doc = dataset_jsonld(name)
    assert doc["@type"] == "Dataset" and JSON_LD_KEYS <= set(doc)
    assert all(doc[k] for k in JSON_LD_KEYS)
    # It describes the rows that may be passed on, under their terms, and names the others.
    cite = dataset_citation(name)
    assert all(cite.originals[s.id] not in doc["isBasedOn"] for s in lacking)
    assert all(s.licence in doc["license"] for s in ds.source_objects() if s.licence)
    if lacking:
        assert f"the {len(kept)} of its {len(rows)} rows" in doc["description"]
        assert all(s.id in doc["description"] for s in lacking)
    # Years the data hold, or the date a dataset without years declares (ISO 8601).
    assert re.fullmatch(r"\d{4}/\d{4}", doc["temporalCoverage"]) or (
        doc["temporalCoverage"] == ds.as_of and re.fullmatch(r"\d{4}-\d{2}", ds.as_of)
    )
    assert doc["spatialCoverage"]["name"]


def test_json_ld_covers_the_years_of_the_rows_it_describes() -> None:
    # environment_good_air_days holds 2020-2025, but its 2020 and 2025 rows come only from
    # secondary copies whose terms are not recorded: what it describes covers 2021-2024.
    doc = dataset_jsonld("environment_good_air_days")
    assert doc["temporalCoverage"] == "2021/2024"
    assert unrecorded("environment_good_air_days")["year"].agg(["min", "max"]).tolist() == [
        2020,
        2025,
    ]


def test_describe_output_writes_json_ld_beside_the_pages_and_names_the_refused(
    tmp_path: Path,
) -> None:
    assert cli.main(["describe", "--all", "--output", str(tmp_path)]) == 0
    readme = (tmp_path / "README.md").read_text()
    for name in registry():
        try:
            dataset_jsonld(name)
            described = True
        except Refused:
            described = False
        assert (tmp_path / f"{name}.jsonld").is_file() == described
        assert (f"- {name}: terms of use not recorded" in readme) == (not described)
    for path in tmp_path.glob("*.jsonld"):  # each one written gives all seven
        doc = json.loads(path.read_text())
        assert JSON_LD_KEYS <= set(doc) and all(doc[k] for k in JSON_LD_KEYS), path.name
    doc = json.loads((tmp_path / "environment_co2.jsonld").read_text())
    assert doc["temporalCoverage"] == "1997/2019"


def test_the_datasets_docs_citing_md_says_have_json_ld_are_those_that_have_it() -> None:
    text = " ".join((ROOT / "docs" / "citing.md").read_text().split())
    stated = re.search(
        r"With that rule (\d+) of the (\d+) datasets have JSON-LD [^:]*: (.*?)\.", text
    )
    assert stated, "docs/citing.md no longer states which datasets have JSON-LD"
    named = set(re.findall(r"`(\w+)`", stated.group(3)))
    have = set()
    for name in registry():
        try:
            dataset_jsonld(name)
        except Refused:
            continue
        have.add(name)
    assert named == have
    assert (int(stated.group(1)), int(stated.group(2))) == (len(have), len(registry()))
