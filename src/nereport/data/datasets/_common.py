"""Cleaning steps shared by the domain modules: units, releases, notes."""

from __future__ import annotations

import re

import pandas as pd

from nereport.data.declarations import Column
from nereport.data.sources import SOURCES


def region_column() -> Column:
    # Every name is mapped through the regions table when read (unknown names fail there).
    return Column("region", "str", "Region slug (see the regions dataset)")


def year_column(description: str = "Calendar year") -> Column:
    return Column("year", "int", description, min=1949, max=2100)


def source_column(sources: tuple[str, ...]) -> Column:
    return Column(
        "source_id", "str", "Source of the row (see the dataset's sources)", allowed=sources
    )


NOTE = Column("note", "str", "Remark on the row as published (units, flags)", required=False)


def split_unit(unit: str) -> tuple[str, str]:
    """'10,000 ha (stated as 1.75亿公顷)' -> ('10,000 ha', 'stated as 1.75亿公顷')."""
    found = re.match(r"^(.*?)\s*\((.*)\)\s*$", unit)
    return (found.group(1), found.group(2)) if found else (unit.strip(), "")


def join_notes(*notes: pd.Series) -> pd.Series:
    joined = pd.concat(notes, axis=1).fillna("").astype(str)
    return joined.apply(lambda r: "; ".join(x for x in r if x), axis=1).replace("", None)


def to_units(raw: pd.DataFrame, units: dict[str, tuple[str, dict[str, float]]]) -> pd.DataFrame:
    """Convert each indicator's values to its one canonical unit, once, here.

    ``units`` maps indicator -> (canonical unit, {published unit: factor}). A published unit not
    listed leaves the value missing and names the unit in the note, so validation reports the row
    (never a silently wrong number).
    """
    base, remark = zip(*raw["unit"].map(split_unit), strict=True) if len(raw) else ((), ())
    base, remark = pd.Series(base, index=raw.index), pd.Series(remark, index=raw.index)
    remark = remark.replace("current prices", "")  # every GDP figure here is; says nothing
    value = pd.to_numeric(raw["value"], errors="coerce")
    factor = pd.Series(float("nan"), index=raw.index)
    canonical = pd.Series(None, index=raw.index, dtype=object)
    unknown = pd.Series("", index=raw.index)
    for indicator, (target, factors) in units.items():
        rows = raw["indicator"] == indicator
        canonical[rows] = target
        factor[rows] = base[rows].map(factors)
        unknown[rows & factor.isna()] = "unknown published unit " + base[rows & factor.isna()]
    converted = (value * factor).where(factor.notna())
    # Non-numeric text stays as it was, so validation names it.
    converted = converted.astype(object).where(value.notna() | raw["value"].eq(""), raw["value"])
    return raw.assign(
        value=converted, unit=canonical, note=join_notes(raw["note"], remark, unknown)
    )


def release_of(source_id: pd.Series) -> pd.Series:
    """The statistical release of each row, from its source."""
    return source_id.map(lambda s: SOURCES[s].release)


def release_column(sources: tuple[str, ...]) -> Column:
    """The ``release`` column of a dataset that holds several releases of one series."""
    return Column(
        "release",
        "str",
        "Statistical release the figure belongs to (see the sources); never join two releases "
        "in one line",
        allowed=tuple(dict.fromkeys(SOURCES[s].release for s in sources)),
    )


def indicator_columns(units: dict, sources: tuple[str, ...]) -> tuple[Column, ...]:
    """The columns of a long dataset: indicator, value, its one unit, source and note."""
    return (
        Column("indicator", "str", "Series", allowed=tuple(units)),
        Column("value", "float", "Value in the unit given", min=0),
        Column(
            "unit",
            "str",
            "Unit of the value",
            allowed=tuple(sorted({u for u, _ in units.values()})),
        ),
        source_column(sources),
        NOTE,
    )
