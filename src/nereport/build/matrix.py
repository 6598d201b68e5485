"""The reports to build: one ``Report`` per topic and parameter set, from the matrix file
(``notebooks/matrix.toml``) or the command line, with its id, notebook and output paths."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nereport.data import regions
from nereport.errors import ParameterError
from nereport.paths import checkout_dir, notebook_dir
from nereport.report.params import TOPIC_TITLES, TOPICS, check_topic, resolve


def matrix_file() -> Path:
    return notebook_dir() / "matrix.toml"


@dataclass(frozen=True)
class Report:
    topic: str
    params: dict[str, Any] = field(hash=False)
    default: bool = True  # a matrix report with the defaults: short output name
    notebook_dir: Path = field(default_factory=notebook_dir, compare=False)

    @property
    def id(self) -> str:
        p = self.params
        if self.default:
            return f"{self.topic}/{p['region']}"
        return f"{self.topic}/{p['region']}-{p['start_year']}-{p['end_year']}-vs-{p['comparison']}"

    @property
    def notebook(self) -> Path:
        return self.notebook_dir / f"{self.topic}.ipynb"

    @property
    def title(self) -> str:
        return f"{TOPIC_TITLES[self.topic]}: {regions.names()[self.params['region']]}"

    def outputs(self, out_dir: Path) -> dict[str, Path]:
        return {ext: out_dir / f"{self.id}.{ext}" for ext in ("html", "pdf")}

    def as_dict(self, out_dir: Path) -> dict[str, Any]:
        notebook = self.notebook
        root = checkout_dir()
        if root and notebook.is_relative_to(root):
            notebook = notebook.relative_to(root)
        return {
            "id": self.id,
            "notebook": str(notebook),
            "params": self.params,
            "outputs": {k: str(v) for k, v in self.outputs(out_dir).items()},
        }


def matrix(path: Path | None = None) -> list[Report]:
    """The reports declared in the matrix file (``notebooks/matrix.toml`` by default),
    validated."""
    path = path or matrix_file()
    try:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ParameterError(f"{path}: cannot read the report matrix: {exc}") from exc
    unknown = sorted(set(spec) - {"topics", "regions", "params"})
    if unknown:
        raise ParameterError(
            f"{path}: unknown key(s) {', '.join(unknown)} (keys: topics, regions, params)"
        )
    reports = []
    overrides = spec.get("params", {})
    if "region" in overrides:
        raise ParameterError(f"{path}: set regions with the top-level 'regions' list")
    for topic in spec.get("topics", TOPICS):
        check_topic(topic)
        for region in spec.get("regions", regions.reported()):
            params = resolve(topic, {**overrides, "region": region})
            is_default = params == resolve(topic, {"region": region})
            reports.append(Report(topic, params, default=is_default))
    return reports
