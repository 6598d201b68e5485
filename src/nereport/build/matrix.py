"""The reports to build: one ``Report`` per topic and parameter set, from the matrix file
(``notebooks/matrix.toml``) or the command line, with its id, notebook and output paths."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nereport.data import regions
from nereport.errors import ParameterError
from nereport.i18n import LANGS
from nereport.paths import checkout_dir, notebook_dir
from nereport.report.params import TOPICS, check_topic, report_title, resolve


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
        lang = "" if p["lang"] == "en" else f".{p['lang']}"  # economy/jilin.zh.html
        if self.default:
            return f"{self.topic}/{p['region']}{lang}"
        return (
            f"{self.topic}/{p['region']}-{p['start_year']}-{p['end_year']}-vs-"
            f"{p['comparison']}{lang}"
        )

    @property
    def lang(self) -> str:
        return self.params["lang"]

    @property
    def notebook(self) -> Path:
        return self.notebook_dir / f"{self.topic}.ipynb"

    @property
    def title(self) -> str:
        return report_title(self.topic, self.params["region"], self.lang)

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
    unknown = sorted(set(spec) - {"topics", "regions", "langs", "params"})
    if unknown:
        raise ParameterError(
            f"{path}: unknown key(s) {', '.join(unknown)} (keys: topics, regions, langs, params)"
        )
    reports = []
    overrides = spec.get("params", {})
    for key, top in (("region", "regions"), ("lang", "langs")):
        if key in overrides:
            raise ParameterError(f"{path}: set {top} with the top-level '{top}' list")
    for topic in spec.get("topics", TOPICS):
        check_topic(topic)
        for region in spec.get("regions", regions.reported()):
            for lang in spec.get("langs", LANGS):
                given = {"region": region, "lang": lang}
                params = resolve(topic, {**overrides, **given})
                is_default = params == resolve(topic, given)
                reports.append(Report(topic, params, default=is_default))
    return reports
