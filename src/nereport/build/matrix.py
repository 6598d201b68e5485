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


# A report's files, named ``<id>.<kind>`` in the output folder.
OUTPUT_KINDS = ("ipynb", "html", "pdf")


def output_name(report_id: str, kind: str) -> str:
    """Where a report's output of ``kind`` is, relative to the output folder."""
    return f"{report_id}.{kind}"


@dataclass(frozen=True)
class Report:
    topic: str
    params: dict[str, Any] = field(hash=False)
    notebook_dir: Path = field(default_factory=notebook_dir, compare=False)

    @property
    def default(self) -> bool:
        """Whether it has its topic's default parameters but region and language: then its
        output name is short (economy/jilin.zh)."""
        own = {"region": self.params["region"], "lang": self.params["lang"]}
        return self.params == resolve(self.topic, own)

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

    def outputs(self, out_dir: Path, kinds: tuple[str, ...] = OUTPUT_KINDS) -> dict[str, Path]:
        return {kind: out_dir / output_name(self.id, kind) for kind in kinds}

    def as_dict(self, out_dir: Path) -> dict[str, Any]:
        notebook = self.notebook
        root = checkout_dir()
        if root and notebook.is_relative_to(root):
            notebook = notebook.relative_to(root)
        return {
            "id": self.id,
            "notebook": str(notebook),
            "params": self.params,
            "outputs": {k: str(v) for k, v in self.outputs(out_dir, ("html", "pdf")).items()},
        }


def matrix(path: Path | None = None) -> list[Report]:
    """The reports declared in the matrix file (``notebooks/matrix.toml`` by default),
    validated, each once (a report listed twice is built once)."""
    path = path or matrix_file()
    try:
        # utf-8-sig: a byte-order mark (what some editors save) is not part of the TOML
        spec = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ParameterError(f"{path}: cannot read the report matrix: {exc}") from exc
    unknown = sorted(set(spec) - {"topics", "regions", "langs", "params"})
    if unknown:
        raise ParameterError(
            f"{path}: unknown key(s) {', '.join(unknown)} (keys: topics, regions, langs, params)"
        )
    topics = _names(spec, "topics", TOPICS, path)
    regions_ = _names(spec, "regions", regions.reported(), path)
    langs = _names(spec, "langs", LANGS, path)
    overrides = spec.get("params", {})
    if not isinstance(overrides, dict):
        raise ParameterError(
            f"{path}: 'params' is {overrides!r}; it must be a table ([params] with "
            "name = value lines; `nereport params TOPIC` lists them)"
        )
    for key, top in (("region", "regions"), ("lang", "langs")):
        if key in overrides:
            raise ParameterError(f"{path}: set {top} with the top-level '{top}' list")
    reports: dict[str, Report] = {}
    for topic in topics:
        try:
            check_topic(topic)
            for region in regions_:
                for lang in langs:
                    given = {"region": region, "lang": lang}
                    report = Report(topic, resolve(topic, {**overrides, **given}))
                    reports.setdefault(report.id, report)
        except ParameterError as exc:
            raise ParameterError(f"{path}: {exc}") from None
    return list(reports.values())


def _names(spec: dict[str, Any], key: str, default: tuple[str, ...], path: Path) -> list[str]:
    """A list of names of the matrix (``topics``, ``regions``, ``langs``), or its default."""
    value = spec.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ParameterError(
            f"{path}: '{key}' is {value!r}; it must be a list of names, e.g. "
            f"{key} = [{', '.join(repr(v).replace(chr(39), chr(34)) for v in default[:2])}] "
            f"(allowed: {', '.join(default)})"
        )
    return value
