"""Find datasets and columns by words, in English or Chinese, and by region and year.

Every dataset declaration is searched: its name, title, description, gaps, columns (names,
descriptions, units, allowed values), sources (publishers, titles, releases) and the regions
and years it holds. Chinese words match the Chinese catalog's translations of titles, gaps and
the value labels below, and the regions' Chinese names.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd

from nereport.data.catalog import coverage
from nereport.data.datasets import REGISTRY
from nereport.data.declarations import Dataset
from nereport.data.loader import unrecorded
from nereport.i18n import N_, translate

#: Readable labels of coded values (indicators), which the Chinese catalog translates.
VALUE_LABELS: dict[str, str] = {
    "all_residents_disposable_income_per_capita": N_(
        "Per-capita disposable income of all residents"
    ),
    "urban_disposable_income_per_capita": N_("Per-capita disposable income of urban residents"),
    "rural_disposable_income_per_capita": N_("Per-capita disposable income of rural residents"),
    "urban_disposable_income_per_capita_old_survey": N_(
        "Per-capita disposable income of urban households (old survey)"
    ),
    "rural_net_income_per_capita_old_survey": N_(
        "Per-capita net income of rural households (old survey)"
    ),
}


def _words(*texts: Any) -> str:
    """Lower-cased text, with the underscores and hyphens of codes read as spaces."""
    return " ".join(str(t) for t in texts if t).casefold().replace("_", " ").replace("-", " ")


def _zh(text: str) -> str:
    return translate(text, "zh") if text else ""


@cache
def _region_names() -> dict[str, str]:
    regions = unrecorded("regions")
    return {r.slug: f"{r.slug} {r.name_en} {r.name_zh}" for r in regions.itertuples()}


@cache
def _index() -> tuple[dict[str, Any], ...]:
    rows: list[dict[str, Any]] = []
    for ds in REGISTRY.values():
        if ds.name == "regions":
            continue
        cov = coverage(ds)
        sources = [
            _words(
                s.id, s.publisher, s.title, s.release, s.release_label, s.title_zh, s.publisher_zh
            )
            for s in ds.source_objects()
        ]
        where = " ".join(_region_names().get(r, r) for r in cov.get("regions", []))
        base = {"dataset": ds.name, "title": ds.title, "regions": cov.get("regions", [])}
        base["years"] = tuple(cov["years"]) if "years" in cov else None
        text = _words(ds.name, ds.title, _zh(ds.title), ds.description, ds.gaps, _zh(ds.gaps))
        rows.append({**base, "column": "", "text": text, "sources": " ".join(sources), "at": where})
        rows += [{**base, **_column_row(ds, c)} for c in ds.columns]
    return tuple(rows)


def _column_row(ds: Dataset, col: Any) -> dict[str, Any]:
    labels = [VALUE_LABELS.get(v, "") for v in col.allowed or ()]
    text = _words(
        col.name,
        col.description,
        _zh(col.description),
        col.unit,
        _zh(col.unit),
        *(col.allowed or ()),
        *labels,
        *map(_zh, labels),
    )
    return {"column": col.name, "text": text, "sources": "", "at": ""}


def search(query: str = "", region: str | None = None, year: int | None = None) -> pd.DataFrame:
    """Datasets and columns whose words contain every word of ``query`` (English or Chinese,
    any case), optionally only those holding ``region`` (slug or name) and ``year``.

    One row per match: ``dataset``, ``column`` (empty when the dataset itself matched, e.g. by
    its title or sources), ``title``, ``regions`` and ``years`` (first-last year held).
    """
    from nereport.data.loader import region_slug

    slug = region_slug("search()", region) if region else None
    terms = _words(query).split()
    found = []
    for row in _index():
        if slug and slug not in row["regions"]:
            continue
        if year is not None and not (row["years"] and row["years"][0] <= year <= row["years"][1]):
            continue
        haystack = " ".join((row["text"], row["sources"], row["at"]))
        if all(t in haystack for t in terms):
            found.append(row)
    frame = pd.DataFrame(found, columns=["dataset", "column", "title", "regions", "years"])
    frame["years"] = frame["years"].map(lambda y: f"{y[0]}-{y[1]}" if y else "")
    frame["regions"] = frame["regions"].map(", ".join)
    return frame.reset_index(drop=True)
