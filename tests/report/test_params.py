"""Report parameters: validated before any kernel starts; regions from the region table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import NOTEBOOK_DIR
from nereport import ParameterError, cli
from nereport.report.params import resolve, schema


def test_resolve_fills_defaults_in_schema_order() -> None:
    params = resolve("economy", {"region": "jilin", "start_year": "2003"})
    assert params == {
        "region": "jilin",
        "start_year": 2003,
        "end_year": 2024,
        "comparison": "china",
        "lang": "en",
    }


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"region": "guangdong"},
            "parameter 'region': 'guangdong' is not allowed (allowed: liaoning",
        ),
        ({"start_year": "twenty"}, "parameter 'start_year': 'twenty' is not a whole number"),
        ({"start_year": 2010, "end_year": 2005}, "parameter 'end_year': 2005 is before start_year"),
        ({"end_year": 2050}, "2050 is outside the data's coverage (allowed: 1990 to 2024)"),
        ({"colour": "red"}, "unknown parameter(s) 'colour'"),
        ({"region": "jilin", "comparison": "jilin"}, "the report's own region"),
    ],
)
def test_wrong_parameters_name_parameter_value_and_allowed(given: dict, message: str) -> None:
    with pytest.raises(ParameterError) as err:
        resolve("economy", given)
    assert message in str(err.value)


def test_unknown_topic() -> None:
    with pytest.raises(ParameterError, match="unknown report 'weather'"):
        schema("weather")


def test_cli_bad_parameter_exits_2_and_writes_nothing(tmp_path: Path, capsys) -> None:
    out = tmp_path / "reports"
    code = cli.main(
        ["build", "--report", "economy", "--param", "region=atlantis", "--out", str(out)]
    )
    assert code == 2
    assert "parameter 'region': 'atlantis' is not allowed" in capsys.readouterr().err
    assert not out.exists()


def test_cli_list_and_params_json(capsys) -> None:
    assert cli.main(["list", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == 30 and {e["params"]["lang"] for e in entries} == {"en", "zh"}
    assert set(entries[0]) == {"id", "notebook", "params", "outputs"}
    assert cli.main(["params", "policy", "--json"]) == 0
    params = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert params["region"]["allowed"][0] == "liaoning" and params["start_year"]["type"] == "int"


def test_notebook_parameter_cells_match_the_schema() -> None:
    import nbformat

    for topic in ("policy", "economy", "environment"):
        nb = nbformat.read(NOTEBOOK_DIR / f"{topic}.ipynb", as_version=4)
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        namespace: dict = {}
        exec(cell.source, namespace)
        defaults = {p.name: p.default for p in schema(topic)}
        assert {k: namespace[k] for k in defaults} == defaults
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
            "notebooks are kept in git without outputs"
        )


def test_the_regions_a_report_can_be_about_come_from_the_region_table() -> None:
    from nereport.data import regions

    allowed = next(p for p in schema("economy") if p.name == "region").allowed
    assert allowed == regions.reported()
    assert allowed == ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")
    assert regions.members("northeast") == ("liaoning", "jilin", "heilongjiang")
    assert regions.map_units("inner-mongolia") == {
        "hulunbuir",
        "hinggan",
        "tongliao",
        "chifeng",
        "xilin-gol",
    }
    # The map draws prefectures over their province: a province brings its prefectures.
    assert regions.map_units("jilin") == {
        "jilin",
        "changchun",
        "jilin-city",
        "siping",
        "liaoyuan",
        "tonghua",
        "baishan",
        "songyuan",
        "baicheng",
        "yanbian",
    }
    assert "inner-mongolia" not in regions.policy_area() and "chifeng" in regions.policy_area()
