"""The report matrix: one report per topic and region, ids, titles and output paths."""

from __future__ import annotations

from pathlib import Path

from helpers import report
from nereport.build.matrix import Report, matrix
from nereport.report.params import resolve


def test_matrix_is_three_topics_by_five_regions_by_two_languages() -> None:
    reports = matrix()
    assert len(reports) == 30
    assert {r.id for r in reports} >= {
        "policy/liaoning",
        "policy/liaoning.zh",
        "economy/northeast",
        "environment/inner-mongolia.zh",
    }
    assert all(r.default for r in reports)
    # The two languages of one report stand side by side.
    assert [r.id for r in reports[:2]] == ["policy/liaoning", "policy/liaoning.zh"]


def test_ids_titles_and_outputs(tmp_path: Path) -> None:
    default = report("economy", "inner-mongolia")
    assert default.id == "economy/inner-mongolia"
    assert default.title == "Economy: Inner Mongolia"
    assert default.outputs(tmp_path)["pdf"] == tmp_path / "economy" / "inner-mongolia.pdf"
    custom = Report("policy", resolve("policy", {"region": "jilin", "start_year": 2003}))
    assert not custom.default and default.default  # computed from the parameters, not told
    assert custom.id == "policy/jilin-2003-2024-vs-china"
    assert custom.as_dict(tmp_path)["notebook"] == "notebooks/policy.ipynb"
    chinese = report("economy", "inner-mongolia", lang="zh")
    assert chinese.id == "economy/inner-mongolia.zh"
    assert chinese.title == "内蒙古自治区：经济"
    assert chinese.outputs(tmp_path)["html"] == tmp_path / "economy" / "inner-mongolia.zh.html"
    custom = Report(
        "policy", resolve("policy", {"region": "jilin", "lang": "zh", "end_year": 2019})
    )
    assert custom.id == "policy/jilin-2000-2019-vs-china.zh"


def test_a_matrix_file_with_overrides(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        'topics = ["economy"]\nregions = ["jilin"]\nlangs = ["en"]\n[params]\nstart_year = 2003\n'
    )
    [only] = matrix(path)
    assert only.params["start_year"] == 2003 and not only.default
