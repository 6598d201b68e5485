"""The dataset declarations: each dataset is declared once, and everything else reads it.

The loader, the validation, ``nereport describe``, the catalog, the report's sources and
"What is missing" notes and the registry tests all work from these dataclasses. Declarations live next to their cleaning functions in
``nereport.data.datasets.<domain>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nereport.data.sources import SOURCES, Source
from nereport.i18n import _

DTYPES = ("str", "int", "float", "bool", "date")


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str
    unit: str = ""
    required: bool = True
    allowed: tuple[str, ...] | None = None
    min: float | None = None
    max: float | None = None
    # What a reader sees for each allowed value (value, message marked N_), in display order.
    value_labels: tuple[tuple[str, str], ...] = ()

    def label(self) -> str:
        """Axis or table label in the current language: the description's first clause and the
        unit, each translated through the catalog where it is marked ``N_`` in the declaration
        ('CO2 emissions (Mt CO2)', '二氧化碳排放量（百万吨）')."""
        first = _(self.description.split(";")[0])
        return _("{label} ({unit})").format(label=first, unit=_(self.unit)) if self.unit else first

    def value_label(self, value: str) -> str:
        """A value of the column as a reader names it, in the current language (the value
        itself where none is declared)."""
        return _(dict(self.value_labels).get(value, value))


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    sources: tuple[str, ...]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    processing: str
    clean: Callable[[Any], Any] = field(repr=False, compare=False)
    gaps: str = ""
    raw_format: str = "csv"  # "csv" (one file per source) or "geojson"
    raw_columns: tuple[str, ...] = ("region", "year", "indicator", "value", "unit", "note")
    default_release: str | None = None
    # When the data hold no year: the ISO 8601 date they describe (schema.org temporalCoverage).
    as_of: str = ""
    # Checks across columns: (what is wrong, frame -> boolean mask of the offending rows).
    row_checks: tuple[tuple[str, Callable[[Any], Any]], ...] = field(default=(), compare=False)

    @property
    def domain(self) -> str:
        return self.name.split("_")[0]

    def raw_files(self) -> dict[str, str]:
        """Source id -> its raw file, relative to ``data/raw``, named after the dataset."""
        return {s: f"{s}/{self.name}.{self.raw_format}" for s in self.sources}

    def source_objects(self) -> list[Source]:
        return [SOURCES[s] for s in self.sources]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"dataset '{self.name}' has no column '{name}'")
