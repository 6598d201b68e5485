"""The reports' parameter schema and its validation.

Parameters are validated here, before any kernel starts. Only validated values (slugs from
the region table, whole numbers in range) ever reach a file name or a notebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from nereport.data import regions
from nereport.errors import ParameterError
from nereport.i18n import LANGS, N_, translate

TOPICS = ("policy", "economy", "environment")
TOPIC_TITLES = {  # English; nereport.i18n translates them
    "policy": N_("The revitalization policy"),
    "economy": N_("Economy"),
    "environment": N_("Environment"),
}
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
            # ASCII digits only: '²⁰⁰⁵' passes str.isdigit() but not int(), '--2005' lstrip("-")
            if not re.fullmatch(r"-?[0-9]{1,6}", text):
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


@cache
def _schema() -> tuple[Param, ...]:
    reported = regions.reported()  # the region table says which regions a report covers
    return (
        Param("region", str, "liaoning", "Region the report is about", allowed=reported),
        Param("start_year", int, 2000, "First year shown", min=FIRST_YEAR, max=LAST_YEAR),
        Param("end_year", int, LAST_YEAR, "Last year shown", min=FIRST_YEAR, max=LAST_YEAR),
        Param("comparison", str, "china", "Region to compare with", allowed=("china", *reported)),
        Param("lang", str, "en", "Language of the report (English, Chinese)", allowed=LANGS),
    )


def schema(topic: str) -> tuple[Param, ...]:
    """The parameters of report ``topic`` (all topics share them today)."""
    check_topic(topic)
    return _schema()


def report_title(topic: str, region: str, lang: str) -> str:
    """A report's title: 'Economy: Jilin', '吉林省：经济'."""
    return translate("{topic}: {region}", lang).format(
        topic=translate(TOPIC_TITLES[topic], lang), region=regions.names(lang)[region]
    )


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
