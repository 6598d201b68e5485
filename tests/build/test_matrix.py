"""The report matrix: one report per topic and region, ids, titles and output paths."""

from __future__ import annotations

from pathlib import Path

from helpers import report
from nereport.build.matrix import Report, matrix
from nereport.report.params import resolve


def test_matrix_is_three_topics_by_five_regions() -> None:
    reports = matrix()
    assert len(reports) == 15
    assert {r.id for r in reports} >= {
        "policy/liaoning",
        "economy/northeast",
        "environment/inner-mongolia",
    }
    assert all(r.default for r in reports)


def test_ids_titles_and_outputs(tmp_path: Path) -> None:
    default = report("economy", "inner-mongolia")
    assert default.id == "economy/inner-mongolia"
    assert default.title == "Economy: Inner Mongolia"
    assert default.outputs(tmp_path)["pdf"] == tmp_path / "economy" / "inner-mongolia.pdf"
    custom = Report("policy", resolve("policy", {"region": "jilin", "start_year": 2003}), False)
    assert custom.id == "policy/jilin-2003-2024-vs-china"
    assert custom.as_dict(tmp_path)["notebook"] == "notebooks/policy.ipynb"


def test_a_matrix_file_with_overrides(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text('topics = ["economy"]\nregions = ["jilin"]\n[params]\nstart_year = 2003\n')
    [only] = matrix(path)
    assert only.params["start_year"] == 2003 and not only.default
