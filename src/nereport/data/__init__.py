"""The data part: sources, dataset declarations and their cleaning, raw checksums, reading,
region harmonisation, validation, cache, catalog and provenance.

It uses pandas and the standard library, never altair, IPython, nbconvert, nbclient,
jupyter_client, vl_convert, ``nereport.report`` or ``nereport.build`` (``make lint`` checks).
The other parts use it through this face and its public modules (``provenance``, ``regions``,
``series``, ``catalog``, ``sources``, ``grades``, ``declarations``); ``loader``, ``raw`` and ``datasets``
are its internals. Importing it is light: pandas loads when a dataset does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from nereport.data.declarations import Dataset

__all__ = ["check", "dataset", "load", "registry"]


def load(name: str, **filters: Any) -> pd.DataFrame:
    """The cleaned, validated dataset ``name``, filtered by column values, recorded as used."""
    from nereport.data.loader import load as _load

    return _load(name, **filters)


def check(name: str) -> None:
    """Raise the error ``load(name)`` would raise, without recording the dataset as used."""
    from nereport.data.loader import check as _check

    _check(name)


def dataset(name: str) -> Dataset:
    """The declaration of dataset ``name`` (columns, units, sources, gaps)."""
    from nereport.data.datasets import get

    return get(name)


def registry() -> dict[str, Dataset]:
    """Every dataset's declaration, by name."""
    from nereport.data.datasets import REGISTRY

    return dict(REGISTRY)
