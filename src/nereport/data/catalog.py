"""Human-readable catalog: the data dictionary and the one-row-per-dataset overview."""

from __future__ import annotations

import pandas as pd

from nereport.data.citation import dataset_citation
from nereport.data.datasets import REGISTRY, get
from nereport.data.declarations import Dataset
from nereport.data.loader import unrecorded
from nereport.data.raw import file_hashes


def coverage(ds: Dataset, frame: pd.DataFrame | None = None) -> dict[str, object]:
    """Regions and years the dataset actually holds (read from the data, not declared)."""
    frame = unrecorded(ds.name) if frame is None else frame
    out: dict[str, object] = {"rows": len(frame)}
    if "region" in frame:
        out["regions"] = sorted(frame["region"].dropna().unique().tolist())
    years = (
        frame["year"]
        if "year" in frame
        else (frame["date_start"].dt.year if "date_start" in frame else None)
    )
    if years is not None and years.notna().any():
        out["years"] = [int(years.min()), int(years.max())]
    return out


#: Columns whose values are different series of one dataset: coverage is given for each.
SERIES_COLUMNS = ("indicator", "sector", "pollutant")


def releases(frame: pd.DataFrame) -> list[str]:
    """The statistical releases a dataset holds (its ``release`` column)."""
    return sorted(frame["release"].dropna().unique().tolist()) if "release" in frame else []


def series_coverage(frame: pd.DataFrame) -> str:
    """The years each series holds (``revenue 2000-2019; expenditure 2000-2024``), read from
    the data: a dataset's span can hide a series that stops earlier."""
    column = next((c for c in SERIES_COLUMNS if c in frame), None)
    if column is None or "year" not in frame:
        return ""
    spans = frame.dropna(subset=[column]).groupby(column)["year"].agg(["min", "max"])
    return "; ".join(f"{name} {row['min']}-{row['max']}" for name, row in spans.iterrows())


def dataset_summary(ds: Dataset) -> dict[str, object]:
    return {
        "name": ds.name,
        "title": ds.title,
        "domain": ds.domain,
        "description": ds.description,
        "columns": [
            {"name": c.name, "dtype": c.dtype, "unit": c.unit, "description": c.description}
            for c in ds.columns
        ],
        "primary_key": list(ds.primary_key),
        "coverage": coverage(ds),
        "sources": [
            {
                "id": s.id,
                "publisher": s.publisher,
                "title": s.title,
                "release": s.release,
                "release_label": s.release_label,
                "url": s.url,
                "via": s.via,
                "licence": s.licence,
                "reliability": s.reliability,
                "grade": s.grade,
                "title_zh": s.title_zh,
                "publisher_zh": s.publisher_zh,
            }
            for s in ds.source_objects()
        ],
        "raw_files": list(ds.raw_files().values()),
        "default_release": ds.default_release,
        "gaps": ds.gaps,
    }


def catalog_frame() -> pd.DataFrame:
    rows = []
    for ds in REGISTRY.values():
        frame = unrecorded(ds.name)
        cov = coverage(ds, frame)
        rows.append(
            {
                "name": ds.name,
                "title": ds.title,
                "domain": ds.domain,
                "columns": ", ".join(
                    f"{c.name} [{c.unit}]" if c.unit else c.name for c in ds.columns
                ),
                "regions": ", ".join(cov.get("regions", [])),
                "years": "-".join(map(str, cov["years"])) if "years" in cov else "",
                "releases": ", ".join(releases(frame)),
                "coverage": series_coverage(frame),
                "rows": cov["rows"],
                "publishers": "; ".join(dict.fromkeys(s.publisher for s in ds.source_objects())),
            }
        )
    return pd.DataFrame(rows)


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def describe(name: str) -> str:
    """The Markdown data dictionary of ``name``."""
    ds = get(name)
    info = dataset_summary(ds)
    cov = info["coverage"]
    lines = [f"# {ds.name}: {ds.title}", "", ds.description, ""]
    lines += [f"- **Rows:** {cov['rows']}"]
    if "regions" in cov:
        lines.append(f"- **Regions:** {', '.join(cov['regions'])}")
    if "years" in cov:
        lines.append(f"- **Years:** {cov['years'][0]}-{cov['years'][1]}")
    lines.append(f"- **Primary key:** {', '.join(ds.primary_key)}")
    if ds.default_release:
        lines.append(f"- **Default release:** `{ds.default_release}`")
    lines += [
        f"- **Processing:** {ds.processing}",
        "",
        "## Columns",
        "",
        "| column | type | unit | description | allowed / range |",
        "|---|---|---|---|---|",
    ]
    for c in ds.columns:
        allowed = ", ".join(c.allowed) if c.allowed else ""
        if c.min is not None or c.max is not None:
            low = "" if c.min is None else f"{c.min:g}"
            high = "" if c.max is None else f"{c.max:g}"
            allowed = f"{low} to {high}"
        optional = "" if c.required else " (optional)"
        lines.append(
            f"| `{c.name}` | {c.dtype}{optional} | {_md_escape(c.unit)} | "
            f"{_md_escape(c.description)} | {_md_escape(allowed)} |"
        )
    lines += ["", "## Sources", ""]
    for s in ds.source_objects():
        lines.append(
            f"- **`{s.id}`** ({s.grade}): {s.citation()}."
            + (f" Original: {s.publisher_zh}：{s.title_zh}." if s.title_zh else "")
            + f" Licence: {s.licence or 'not stated'}. Reliability: {s.reliability}."
            + (f" {s.note}" if s.note else "")
        )
    hashes = file_hashes(list(ds.raw_files().values()))
    lines += ["", "## Raw files", ""] + [
        f"- `data/raw/{p}` sha256 `{digest}`" for p, digest in hashes.items()
    ]
    if ds.gaps:
        lines += ["", "## What is missing", "", ds.gaps]
    return "\n".join(lines) + "\n\n" + dataset_citation(name).markdown()
