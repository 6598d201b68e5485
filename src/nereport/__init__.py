"""nereport: cleaned, sourced datasets and reproducible reports on Northeast China's revitalization.

    import nereport
    nereport.search("disposable income")              # or "人均可支配收入"; region=, year=
    nereport.load("economy_income", region="Jilin", year=range(2013, 2020))
    nereport.series("economy_gdp_index", ["jilin", "china"])   # one release at a time
    nereport.catalog()                                 # datasets, releases, coverage
    print(nereport.describe("economy_income"))         # columns, units, sources

A filter naming a region, release, column or year the dataset lacks raises ``FilterError``
with the allowed values; every error is a ``NereportError`` (``nereport.errors``). In Jupyter,
importing nereport makes Altair charts draw offline (``nereport.report.render``).
docs/analyst.md and notebooks/tutorial.ipynb walk through an analysis.

Three parts: ``nereport.data`` (datasets), ``nereport.report`` (what notebooks import) and
``nereport.build`` (the build engine). This face holds the data functions most people need.
Importing nereport is light (no pandas, altair or pyarrow): the functions import what they
need when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nereport._version import __version__
from nereport.errors import (  # importable as nereport.X; kept out of __all__
    BuildError,  # noqa: F401
    ChecksumMismatchError,  # noqa: F401
    DataError,  # noqa: F401
    FilterError,  # noqa: F401
    InvalidDataError,  # noqa: F401
    NereportError,  # noqa: F401
    ParameterError,  # noqa: F401
    RawFileMissingError,  # noqa: F401
    UnknownDatasetError,  # noqa: F401
    UnknownRegionError,  # noqa: F401
)

if TYPE_CHECKING:
    import pandas as pd

# The error classes are importable from here (``nereport.NereportError``) but left out of
# ``__all__``, so that ``help(nereport)`` shows the functions, not the error tree.
__all__ = ["__version__", "catalog", "describe", "load", "search", "series"]


def load(name: str, **filters: Any) -> pd.DataFrame:
    """The cleaned, validated dataset ``name``, optionally filtered by column values:
    ``load("economy_gdp", region="Jilin", year=range(2010, 2020))``. A region may be named by
    slug, English or Chinese name, in any case; a list or range selects several values. A
    filter the dataset cannot satisfy raises ``FilterError`` naming the allowed values.
    Rows of every release are returned: see :func:`series` for one release at a time."""
    from nereport.data import load as _load

    return _load(name, **filters)


def catalog() -> pd.DataFrame:
    """One row per dataset: name, title, domain, columns with units, regions, years, releases,
    the years each indicator or sector really covers, and publishers."""
    from nereport.data.catalog import catalog_frame

    return catalog_frame()


def describe(name: str) -> str:
    """The Markdown data dictionary of one dataset, with its sources."""
    from nereport.data.catalog import describe as _describe

    return _describe(name)


def search(query: str = "", region: str | None = None, year: int | None = None) -> pd.DataFrame:
    """Datasets and columns matching every word of ``query``, in English or Chinese (titles,
    descriptions, units, sources, indicator names), holding ``region`` and ``year`` if given."""
    from nereport.data.search import search as _search

    return _search(query, region, year)


def series(
    name: str,
    regions: list[str] | str | None = None,
    release: str | list[str] | None = None,
    *,
    join_releases: bool = False,
    **filters: Any,
) -> pd.DataFrame:
    """Rows of ONE statistical release of ``name`` for ``regions``: the one asked for, else the
    default release if it covers them, else the one covering them over the most years;
    ``frame.attrs["release_note"]`` says which and why. Several releases raise unless
    ``join_releases=True`` (each row then keeps its release: draw them as separate lines)."""
    from nereport.data.series import consistent_series

    return consistent_series(name, regions, release, join_releases=join_releases, **filters)


class _EnableChartsOnAltairImport:
    """In a Jupyter kernel, enable the nereport renderer and theme as soon as altair is
    imported, so that every Altair chart draws offline with no extra line (and importing
    nereport itself stays light)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "altair":
            return None
        import importlib.util
        import sys

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            run = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                run(module)
                from nereport.report.render import enable

                enable()

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _charts_in_jupyter() -> None:
    import sys

    if "ipykernel" not in sys.modules:
        return
    if "altair" in sys.modules:
        from nereport.report.render import enable

        enable()
    else:
        sys.meta_path.insert(0, _EnableChartsOnAltairImport())


_charts_in_jupyter()
