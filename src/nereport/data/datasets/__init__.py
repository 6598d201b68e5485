"""The registry: every dataset nereport knows, by name."""

from __future__ import annotations

from nereport.data.datasets import economy, environment, geo, policy, prefectures, regions
from nereport.data.declarations import Dataset
from nereport.errors import UnknownDatasetError

REGISTRY: dict[str, Dataset] = {
    ds.name: ds
    for module in (regions, economy, environment, policy, geo, prefectures)
    for ds in module.DATASETS
}


def get(name: str) -> Dataset:
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownDatasetError(
            f"unknown dataset {name!r}; known datasets: {', '.join(sorted(REGISTRY))} "
            "(`nereport datasets` lists them with their sources)"
        ) from None
