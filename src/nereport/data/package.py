"""The data as a Frictionless data package (``nereport export DIR``): one CSV resource per
dataset, its fields with their types, units and descriptions, its sources and their terms, and
``datapackage.json`` describing them all.

The figures of a source whose terms of use are not recorded are not redistributed: their rows
are left out of the CSV, and the package names each such source (``nereport:withheld``) so
that a reader knows what is missing and where to get it. A dataset left with no row is not a
resource, and is named the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nereport._version import __version__
from nereport.data.citation import dataset_citation
from nereport.data.datasets import REGISTRY
from nereport.data.declarations import Dataset
from nereport.data.loader import unrecorded
from nereport.data.sources import STATE_ORGAN_TERMS, Source
from nereport.i18n import translate
from nereport.paths import write_atomic

__all__ = [
    "FIELD_TYPES",
    "Refused",
    "dataset_jsonld",
    "package_descriptor",
    "redistributable",
    "write_package",
]

#: A declared column's dtype -> its Frictionless field type.
FIELD_TYPES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "date": "date",
}

DESCRIPTOR = "datapackage.json"


def redistributable(s: Source) -> bool:
    """Whether a source's figures may be passed on: only when its terms are recorded."""
    return bool(s.licence)


def _licence(s: Source) -> dict[str, str]:
    # Open Definition ids: MIT; "other-pd" (other, public domain) for a state organ's official
    # document, which has no copyright; "other-at" (other, attribution) for the statistical
    # offices' and CEADs' free-with-attribution terms. The title keeps the terms' own words.
    if s.licence.startswith("MIT"):
        name = "MIT"
    elif s.licence == STATE_ORGAN_TERMS:
        name = "other-pd"
    else:
        name = "other-at"
    return {"name": name, "title": s.licence}


def _rows(ds: Dataset) -> tuple[Any, list[Source]]:
    """The dataset's rows that may be passed on, and the sources whose rows were withheld."""
    frame = unrecorded(ds.name)
    withheld = [s for s in ds.source_objects() if not redistributable(s)]
    if not withheld:
        return frame, []
    if "source_id" in frame and len(ds.sources) > 1:
        return frame[~frame["source_id"].isin([s.id for s in withheld])], withheld
    return frame.iloc[0:0], withheld  # one source, or rows not marked by source


def _field(ds: Dataset, name: str) -> dict[str, Any]:
    try:
        col = ds.column(name)
    except KeyError:  # a column the cleaning adds (e.g. the release a row belongs to)
        return {"name": name, "type": "string"}
    field: dict[str, Any] = {
        "name": name,
        "type": FIELD_TYPES[col.dtype],
        "description": col.description,
    }
    if col.unit:
        field["unit"] = col.unit
        if (unit_zh := translate(col.unit, "zh")) != col.unit:
            field["unit_zh"] = unit_zh
    constraints: dict[str, Any] = {}
    if col.required and name in ds.primary_key:
        constraints["required"] = True
    if col.allowed:
        constraints["enum"] = list(col.allowed)
    if col.min is not None:
        constraints["minimum"] = col.min
    if col.max is not None:
        constraints["maximum"] = col.max
    if constraints:
        field["constraints"] = constraints
    return field


def _csv(frame: Any, ds: Dataset) -> bytes:
    out = frame.copy()
    for name in out.columns:
        try:
            dtype = ds.column(name).dtype
        except KeyError:
            continue
        if dtype == "date":
            out[name] = out[name].dt.strftime("%Y-%m-%d")
        elif dtype == "bool":
            out[name] = out[name].map({True: "true", False: "false"}, na_action="ignore")
    return out.to_csv(index=False, lineterminator="\n").encode()


def _resource(ds: Dataset, frame: Any) -> dict[str, Any]:
    cite = dataset_citation(ds.name)
    kept = [s for s in ds.source_objects() if redistributable(s)]
    resource: dict[str, Any] = {
        "name": ds.name.replace("_", "-"),
        "path": f"data/{ds.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": ds.title,
        "description": ds.description,
        "schema": {"fields": [_field(ds, c) for c in frame.columns]},
        "sources": [
            {"title": cite.originals[s.id], **({"path": s.url} if s.url else {})} for s in kept
        ],
        "licenses": list({s.licence: _licence(s) for s in kept}.values()),
        "nereport:dataset": ds.name,
        "nereport:processed": cite.processed(),
    }
    if (title_zh := translate(ds.title, "zh")) != ds.title:
        resource["title_zh"] = title_zh
    key = [k for k in ds.primary_key if k in frame.columns]
    if key and not frame.duplicated(key).any():
        resource["schema"]["primaryKey"] = key
    return resource


def package_descriptor(resources: list[dict[str, Any]], withheld: list[dict[str, str]]) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "nereport",
        "title": "nereport: datasets on the revitalization of Northeast China's old industrial bases",
        "description": (
            "Cleaned, validated datasets, each figure traced to its publisher, table and release. "
            "Rows from sources whose terms of use are not recorded are not included: "
            "'nereport:withheld' names those sources."
        ),
        "version": __version__,
        "resources": resources,
        "nereport:withheld": withheld,
    }


def write_package(out: Path, names: list[str] | None = None) -> Path:
    """Write the data package into ``out`` (``datapackage.json`` and ``data/*.csv``) and return
    the descriptor's path. Byte-identical for the same data."""
    resources, withheld = [], []
    for name in names or list(REGISTRY):
        ds = REGISTRY[name]
        frame, held = _rows(ds)
        withheld += [
            {
                "dataset": name,
                "source": s.id,
                "publication": f"{s.publisher}: {s.title} ({s.release_label})",
                "reason": "terms of use not recorded",
                **({"path": s.url} if s.url else {}),
            }
            for s in held
        ]
        if frame.empty:
            continue
        write_atomic(out / "data" / f"{name}.csv", _csv(frame, ds))
        resources.append(_resource(ds, frame))
    descriptor = package_descriptor(resources, withheld)
    path = out / DESCRIPTOR
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode())
    return path


class Refused(ValueError):
    """A dataset's schema.org description cannot be given: what it lacks."""


def dataset_jsonld(name: str) -> dict[str, Any]:
    """The schema.org ``Dataset`` of dataset ``name`` (for its data dictionary page): of the rows
    that may be passed on, those ``nereport export`` writes, under their sources' terms; the
    description says which rows are withheld (sources whose terms are not recorded). Or
    :class:`Refused` naming what is missing: a description, a source (provenance), any row whose
    terms are known (a licence is not guessed) or the time the data describe."""
    from nereport.data.catalog import coverage

    ds = REGISTRY[name]
    sources = ds.source_objects()
    frame, withheld = _rows(ds)
    problems = []
    if not ds.description:
        problems.append("no description")
    if not sources:
        problems.append("no source (provenance)")
    elif frame.empty:
        lacking = ", ".join(s.id for s in withheld)
        problems.append(f"terms of use not recorded for {lacking}, which hold all its rows")
    if problems:
        raise Refused(f"{name}: " + "; ".join(problems))
    cov = coverage(ds, frame)
    if "years" not in cov and not ds.as_of:
        raise Refused(f"{name}: no temporal coverage (no year in the data, no `as_of` declared)")
    sources = [s for s in sources if redistributable(s)]
    description = ds.description
    if withheld:
        total = len(unrecorded(name))
        description += (
            f" Described here: the {len(frame)} of its {total} rows whose sources' terms of use "
            f"are recorded, which `nereport export` writes; the {total - len(frame)} rows of "
            f"{', '.join(s.id for s in withheld)} (terms not recorded) are withheld."
        )
    cite = dataset_citation(name)
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": ds.title,
        "alternateName": ds.name,
        "description": description,
        "version": __version__,
        "license": list(dict.fromkeys(s.licence for s in sources)),
        "creator": [
            {"@type": "Organization", "name": p}
            for p in dict.fromkeys(s.publisher for s in sources)
        ],
        "isBasedOn": [cite.originals[s.id] for s in sources],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv",
                "contentUrl": f"data/{name}.csv",
                "description": "nereport export DIR writes it (docs/citing.md)",
            }
        ],
    }
    doc["temporalCoverage"] = f"{cov['years'][0]}/{cov['years'][1]}" if "years" in cov else ds.as_of
    if cov.get("regions"):
        doc["spatialCoverage"] = {
            "@type": "Place",
            "name": ", ".join(cov["regions"]),
            "containedInPlace": {"@type": "Country", "name": "China"},
        }
    else:  # a dataset keyed by other units (the 31 provinces by code): all within China
        doc["spatialCoverage"] = {"@type": "Country", "name": "China"}
    return doc
