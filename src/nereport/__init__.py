"""nereport: cleaned, sourced datasets and reproducible reports on Northeast China's revitalization.

Three parts: ``nereport.data`` (datasets), ``nereport.report`` (what notebooks import) and
``nereport.build`` (the build engine). This face holds the data functions most people need.
Importing nereport is light (no pandas, altair or pyarrow): the functions import what they
need when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nereport._version import __version__
from nereport.errors import (
    BuildError,
    ChecksumMismatchError,
    DataError,
    InvalidDataError,
    NereportError,
    ParameterError,
    RawFileMissingError,
    UnknownDatasetError,
    UnknownRegionError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BuildError",
    "ChecksumMismatchError",
    "DataError",
    "InvalidDataError",
    "NereportError",
    "ParameterError",
    "RawFileMissingError",
    "UnknownDatasetError",
    "UnknownRegionError",
    "__version__",
    "catalog",
    "describe",
    "load",
    "series",
]


def load(name: str, **filters: Any) -> pd.DataFrame:
    """The cleaned, validated dataset ``name``, optionally filtered: ``load("economy_gdp", region="jilin")``."""
    from nereport.data import load as _load

    return _load(name, **filters)


def catalog() -> pd.DataFrame:
    """One row per dataset: name, title, domain, columns with units, coverage and sources."""
    from nereport.data.catalog import catalog_frame

    return catalog_frame()


def describe(name: str) -> str:
    """The Markdown data dictionary of one dataset, with its sources."""
    from nereport.data.catalog import describe as _describe

    return _describe(name)


def series(name: str, regions: list[str] | str, vintage: str | None = None) -> pd.DataFrame:
    """One consistent series (a single vintage) of ``economy_gdp`` or ``economy_population``."""
    from nereport.data.series import consistent_series

    return consistent_series(name, regions, vintage)
