"""The reports: their parameter schema, the matrix file, and parameter validation.

Parameters are validated here, before any kernel starts. Only validated values (slugs from a
fixed list, whole numbers in range) ever reach a file name or a notebook.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nereport.errors import ParameterError

PROJECT_DIR = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
MATRIX_FILE = NOTEBOOK_DIR / "matrix.toml"
TOPICS = ("policy", "economy", "environment")
REPORT_REGIONS = ("liaoning", "jilin", "heilongjiang", "inner-mongolia", "northeast")
COMPARISONS = ("china", *REPORT_REGIONS)
FIRST_YEAR, LAST_YEAR = 1990, 2024  # the span the datasets cover for the report regions


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    default: Any
    help: str
    allowed: tuple[Any, ...] | None = None
    min: int | None = None
    max: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "type": self.type.__name__,
            "default": self.default,
            "help": self.help,
        }
        if self.allowed:
            out["allowed"] = list(self.allowed)
        if self.min is not None:
            out["min"], out["max"] = self.min, self.max
        return out

    def parse(self, value: Any) -> Any:
        """Check (and for text from the command line, convert) one value."""
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "...'"
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ParameterError(f"parameter '{self.name}': {shown} is not a whole number")
            text = str(value).strip()
            if not text.lstrip("-").isdigit() or len(text) > 6:
                raise ParameterError(
                    f"parameter '{self.name}': {shown} is not a whole number "
                    f"(allowed: {self.min} to {self.max})"
                )
            value = int(text)
            if not self.min <= value <= self.max:
                raise ParameterError(
                    f"parameter '{self.name}': {value} is outside the data's "
                    f"coverage (allowed: {self.min} to {self.max})"
                )
            return value
        if not isinstance(value, str) or value not in self.allowed:
            raise ParameterError(
                f"parameter '{self.name}': {shown} is not allowed (allowed: "
                f"{', '.join(map(str, self.allowed))})"
            )
        return value


SCHEMA: tuple[Param, ...] = (
    Param("region", str, "liaoning", "Region the report is about", allowed=REPORT_REGIONS),
    Param("start_year", int, 2000, "First year shown", min=FIRST_YEAR, max=LAST_YEAR),
    Param("end_year", int, LAST_YEAR, "Last year shown", min=FIRST_YEAR, max=LAST_YEAR),
    Param("comparison", str, "china", "Region to compare with", allowed=COMPARISONS),
)


def schema(topic: str) -> tuple[Param, ...]:
    check_topic(topic)
    return SCHEMA


def check_topic(topic: str) -> None:
    if topic not in TOPICS:
        raise ParameterError(f"unknown report {topic!r} (allowed: {', '.join(TOPICS)})")


def resolve(topic: str, given: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``given``, every value checked, in schema order."""
    params = {p.name: p for p in schema(topic)}
    unknown = sorted(set(given) - set(params))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))} for report "
            f"'{topic}' (parameters: {', '.join(params)})"
        )
    resolved = {name: p.parse(given.get(name, p.default)) for name, p in params.items()}
    if resolved["end_year"] < resolved["start_year"]:
        raise ParameterError(
            f"parameter 'end_year': {resolved['end_year']} is before "
            f"start_year {resolved['start_year']}"
        )
    if resolved["comparison"] == resolved["region"]:
        raise ParameterError(
            f"parameter 'comparison': {resolved['comparison']!r} is the "
            "report's own region; choose another"
        )
    return resolved


@dataclass(frozen=True)
class Report:
    topic: str
    params: dict[str, Any] = field(hash=False)
    default: bool = True  # a matrix report with the defaults: short output name
    notebook_dir: Path = field(default=NOTEBOOK_DIR, compare=False)

    @property
    def id(self) -> str:
        p = self.params
        if self.default:
            return f"{self.topic}/{p['region']}"
        return f"{self.topic}/{p['region']}-{p['start_year']}-{p['end_year']}-vs-{p['comparison']}"

    @property
    def notebook(self) -> Path:
        return self.notebook_dir / f"{self.topic}.ipynb"

    def outputs(self, out_dir: Path) -> dict[str, Path]:
        return {ext: out_dir / f"{self.id}.{ext}" for ext in ("html", "pdf")}

    def as_dict(self, out_dir: Path) -> dict[str, Any]:
        notebook = self.notebook
        if notebook.is_relative_to(PROJECT_DIR):
            notebook = notebook.relative_to(PROJECT_DIR)
        return {
            "id": self.id,
            "notebook": str(notebook),
            "params": self.params,
            "outputs": {k: str(v) for k, v in self.outputs(out_dir).items()},
        }


def matrix(path: Path = MATRIX_FILE) -> list[Report]:
    """The reports declared in the matrix file, validated."""
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
        for region in spec.get("regions", REPORT_REGIONS):
            params = resolve(topic, {**overrides, "region": region})
            is_default = params == resolve(topic, {"region": region})
            reports.append(Report(topic, params, default=is_default))
    return reports


def parse_cli_params(pairs: list[str]) -> dict[str, str]:
    """['region=jilin', 'start_year=2003'] -> dict; malformed pairs are parameter errors."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise ParameterError(f"--param {pair!r}: expected NAME=VALUE")
        if name in out:
            raise ParameterError(f"--param {name!r} given twice")
        out[name] = value
    return out
